"""``smeai --help`` and ``import smeai`` against ``python -c pass``: what a learner waits for
before anything happens."""

from __future__ import annotations

import shutil
import subprocess
import sys

from .common import Figure, median, timed

HELP_BUDGET_S = 0.5


def _run(argv) -> None:
    subprocess.run(argv, check=True, capture_output=True, timeout=60)


def run(*, quick: bool) -> list[Figure]:
    repeat = 3 if quick else 15
    smeai = shutil.which("smeai") or None
    commands = {
        "baseline": [sys.executable, "-c", "pass"],
        "import smeai": [sys.executable, "-c", "import smeai"],
        "smeai --help": [smeai, "--help"] if smeai else [sys.executable, "-m", "smeai.cli", "--help"],
    }
    samples = {name: [] for name in commands}
    for _ in range(repeat):  # interleaved, so load on the machine hits all three alike
        for name, argv in commands.items():
            samples[name].append(timed(_run, argv)[0])
    base = median(samples["baseline"])
    figures = [Figure("Command line", "python -c pass", base, "s", samples=samples["baseline"], note="baseline")]
    for name in ("import smeai", "smeai --help"):
        value = median(samples[name])
        target = f"≤ {HELP_BUDGET_S} s" if name == "smeai --help" else ""
        passed = (value <= HELP_BUDGET_S) if name == "smeai --help" and not quick else None
        figures.append(Figure("Command line", name, value, "s", baseline=base, target=target, passed=passed, samples=samples[name]))
    return figures
