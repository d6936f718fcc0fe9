"""Each course notebook on a fresh kernel: wall time (kernel start to last cell) and the
kernel's peak memory (VmHWM), against a notebook that only imports the stack."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_notebook

from smeai import kernel_poll

from .common import REPO, Figure, median

kernel_poll.apply()  # a missed wake-up must not add a 600 s stall to a measurement

RATIO_TARGET = 2.5
COURSE_TARGET_S = 180
MEMORY_TARGET_MB = 350
BASELINE_SOURCE = (
    "import numpy as np\nimport pandas as pd\nimport matplotlib.pyplot as plt\nimport ipywidgets as widgets\n"
    "from sklearn.linear_model import LinearRegression"
)


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmHWM for process {pid}")


def execute(nb) -> tuple[float, float]:
    """Seconds from kernel start to the end of the last cell, and the kernel's peak RSS in MB."""
    with tempfile.TemporaryDirectory() as tmp:
        previous = os.environ.get("SMEAI_HOME")
        os.environ["SMEAI_HOME"] = str(Path(tmp) / "home")  # a fresh learner every run
        try:
            client = NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": tmp}})
            start = time.perf_counter()
            with client.setup_kernel():
                for index, cell in enumerate(nb.cells):
                    client.execute_cell(cell, index)
                seconds = time.perf_counter() - start
                peak = _peak_rss_mb(client.km.provisioner.pid)
        finally:
            if previous is None:
                os.environ.pop("SMEAI_HOME", None)
            else:
                os.environ["SMEAI_HOME"] = previous
    return seconds, peak


def course_notebooks() -> list[Path]:
    return sorted((REPO / "course").glob("*/*.ipynb"))


def run(*, quick: bool) -> list[Figure]:
    repeat = 1 if quick else 3
    notebooks = course_notebooks()[:1] if quick else course_notebooks()
    baseline_nb = new_notebook(cells=[new_code_cell(BASELINE_SOURCE)])
    samples: dict[str, list[tuple[float, float]]] = {"baseline": []}
    for _ in range(repeat):  # interleave baseline and notebooks so drift hits them alike
        samples["baseline"].append(execute(nbformat.from_dict(baseline_nb)))
        for path in notebooks:
            samples.setdefault(path.relative_to(REPO / "course").as_posix(), []).append(execute(nbformat.read(path, as_version=4)))
    base_time = median([s[0] for s in samples["baseline"]])
    base_mem = median([s[1] for s in samples["baseline"]])
    figures = [
        Figure("Notebooks: wall time", "baseline (imports the stack)", base_time, "s", note="baseline"),
        Figure("Notebooks: peak kernel memory", "baseline (imports the stack)", base_mem, "MB", note="baseline"),
    ]
    total = 0.0
    for name, runs in samples.items():
        if name == "baseline":
            continue
        seconds, memory = median([r[0] for r in runs]), median([r[1] for r in runs])
        total += seconds
        figures.append(Figure("Notebooks: wall time", name, seconds, "s", baseline=base_time, target=f"≤ {RATIO_TARGET}× baseline", passed=None if quick else seconds / base_time <= RATIO_TARGET, samples=[r[0] for r in runs]))
        figures.append(Figure("Notebooks: peak kernel memory", name, memory, "MB", baseline=base_mem, target=f"≤ {MEMORY_TARGET_MB} MB", passed=None if quick else memory <= MEMORY_TARGET_MB, samples=[r[1] for r in runs]))
    figures.append(Figure("Notebooks: wall time", "whole course, both languages, serial", total, "s", target=f"≤ {COURSE_TARGET_S} s", passed=None if quick else total <= COURSE_TARGET_S, note=f"{len(notebooks)} notebooks"))
    return figures
