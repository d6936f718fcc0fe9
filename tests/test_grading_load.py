"""Grading must not depend on the machine's load.

A cell that needs about a third of its time limit of CPU passes on a quiet machine. With busy
processes beside it, the same cell takes several times as long in wall-clock time; nbgrader's
wall-clock cell timeout would then stop it and the regrade would score 0. smeai's cell timeout
counts the kernel's own time (wall time minus the time it waited for a CPU), so the regrade under
load gives the same gradebook. Linux only (``/proc/<pid>/task/<tid>/schedstat``), like the sandbox.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from .test_conformance import gradebook

pytestmark = pytest.mark.slow

TIMEOUT = 4


def _loops_per_cpu_second() -> int:
    started, n = time.process_time(), 2_000_000
    x = 0
    for i in range(n):
        x += i
    return int(n / max(1e-3, time.process_time() - started))


def _course(root: Path, loops: int) -> None:
    (root / "source" / "busy").mkdir(parents=True)
    (root / "nbgrader_config.py").write_text(
        f'c = get_config()\nc.CourseDirectory.course_id = "busy"\nc.Execute.timeout = {TIMEOUT}\n')
    answer = new_code_cell("def total(n):\n    ### BEGIN SOLUTION\n    x = 0\n    for i in range(n):\n        x += i\n"
                           "    return x\n    ### END SOLUTION",
                           metadata={"nbgrader": {"grade": False, "grade_id": "answer", "locked": False,
                                                  "schema_version": 3, "solution": True, "task": False}})
    check = new_code_cell(f"assert total({loops}) == {loops * (loops - 1) // 2}",
                          metadata={"nbgrader": {"grade": True, "grade_id": "check", "locked": True, "points": 1,
                                                 "schema_version": 3, "solution": False, "task": False}})
    nb = new_notebook(cells=[answer, check])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, root / "source" / "busy" / "busy.ipynb")


def test_a_regrade_under_a_cpu_hog_gives_the_same_gradebook(tmp_path):
    root = tmp_path / "course"
    root.mkdir()
    loops = _loops_per_cpu_second() * TIMEOUT // 3  # about a third of the limit in CPU time
    _course(root, loops)
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(tmp_path / "jupyter"), "SMEAI_HOME": str(tmp_path / "home")}

    def run(*args):
        result = subprocess.run([sys.executable, "-m", *args], cwd=root, env=env, capture_output=True, text=True,
                                timeout=600)
        assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
        return result

    run("nbgrader", "generate_assignment", "busy")
    for learner in ("ada", "bram"):
        folder = root / "submitted" / learner / "busy"
        folder.mkdir(parents=True)
        source = nbformat.read(root / "source" / "busy" / "busy.ipynb", as_version=4)
        source.cells[0].source = "def total(n):\n    x = 0\n    for i in range(n):\n        x += i\n    return x"
        nbformat.write(source, folder / "busy.ipynb")
    run("smeai.cli", "grade", "busy", "--jobs", "2", "--quiet")
    quiet = gradebook(root, "busy")
    assert quiet[("busy", "ada", "busy/check")][0] == 1, quiet
    hog = "import time\nend = time.monotonic() + 300\nwhile time.monotonic() < end:\n    pass\n"
    hogs = [subprocess.Popen([sys.executable, "-c", hog]) for _ in range(3 * (os.cpu_count() or 1))]
    try:
        busy = run("smeai.cli", "grade", "busy", "--jobs", "2", "--quiet")
    finally:
        for process in hogs:
            process.kill()
            process.wait()
    assert gradebook(root, "busy") == quiet, busy.stdout
