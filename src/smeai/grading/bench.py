"""Timings for benchmarks/: grade one class both ways and compare.

:func:`compare` copies a course root twice, runs ``smeai grade`` on one copy and nbgrader's own
sequential ``nbgrader autograde`` on the other (both as commands, in subprocesses, so start-up
costs count on both sides), and returns the wall-clock times, their ratio and whether the
gradebooks agree. Both use the course's own ``nbgrader_config.py``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

_GENERATED = ("autograded", "feedback", "smeai-grading", ".nbgrader.log")


def _copy(root: Path, target: Path) -> Path:
    shutil.copytree(root, target, symlinks=True, ignore=shutil.ignore_patterns(*_GENERATED))
    return target


def _run(cmd: list[str], cwd: Path, env: dict | None) -> tuple[float, subprocess.CompletedProcess]:
    started = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    return time.perf_counter() - started, result


def gradebook_scores(root: Path, assignments: list[str]) -> dict:
    """(assignment, student) -> {"score", "late", "cells": {cell: (auto_score, needs_manual_grade)}}."""
    from nbgrader.api import Gradebook

    from .course import load_course

    course = load_course(root)
    found = {}
    with Gradebook(course.db_url, course.course_id) as gb:
        for assignment in assignments:
            for submission in gb.assignment_submissions(assignment):
                cells = {f"{nb.name}/{g.name}": (g.auto_score, bool(g.needs_manual_grade))
                         for nb in submission.notebooks for g in nb.grades}
                found[(assignment, submission.student.id)] = {
                    "score": float(submission.score), "late": bool((submission.total_seconds_late or 0) > 0),
                    "cells": cells}
    return found


def compare(root, assignments: list[str], workdir, *, jobs: int | None = None, env: dict | None = None) -> dict:
    """Grade ``assignments`` of the course at ``root`` with ``smeai grade`` and with sequential
    ``nbgrader autograde``, in two copies under ``workdir``; return timings and both gradebooks."""
    root, workdir = Path(root), Path(workdir)
    env = {**os.environ, **(env or {})}
    parallel_root = _copy(root, workdir / "smeai-grade")
    sequential_root = _copy(root, workdir / "nbgrader-autograde")
    if not jobs:
        from .runner import default_jobs

        jobs = default_jobs()
    times = {"smeai grade": 0.0, "nbgrader autograde": 0.0}
    logs = {}
    for assignment in assignments:
        seconds, result = _run([sys.executable, "-m", "smeai.cli", "grade", assignment, "--root", str(parallel_root),
                                "--jobs", str(jobs), "--quiet"], parallel_root, env)
        times["smeai grade"] += seconds
        logs[f"smeai grade {assignment}"] = (result.returncode, result.stdout[-3000:] + result.stderr[-3000:])
        seconds, result = _run([sys.executable, "-m", "nbgrader", "autograde", assignment], sequential_root, env)
        times["nbgrader autograde"] += seconds
        logs[f"nbgrader autograde {assignment}"] = (result.returncode, result.stderr[-6000:])
    return {
        "jobs": jobs,
        "seconds": {k: round(v, 2) for k, v in times.items()},
        "ratio": round(times["nbgrader autograde"] / times["smeai grade"], 2) if times["smeai grade"] else None,
        "roots": {"smeai grade": str(parallel_root), "nbgrader autograde": str(sequential_root)},
        "scores": {"smeai grade": gradebook_scores(parallel_root, assignments),
                   "nbgrader autograde": gradebook_scores(sequential_root, assignments)},
        "logs": logs,
    }
