"""The trainer commands on bad input: one clear line, a non-zero exit, no traceback, and no file
created outside a course root."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def smeai(*args, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "smeai.cli", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300, env={**os.environ, **(env or {})})


def _one_line_error(result, *needles):
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("smeai"), result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]


@pytest.mark.parametrize("command", [["grade", "m01"], ["report"], ["feedback", "m01"]])
def test_outside_a_course_root_says_so_and_creates_nothing(tmp_path, command):
    result = smeai(*command, cwd=tmp_path)
    _one_line_error(result, "is not a course root")
    assert list(tmp_path.iterdir()) == []


def test_a_course_root_without_a_gradebook_gets_no_empty_one(tmp_path):
    (tmp_path / "nbgrader_config.py").write_text('c = get_config()\nc.CourseDirectory.course_id = "x"\n')
    result = smeai("report", cwd=tmp_path)
    _one_line_error(result, "no gradebook yet")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nbgrader_config.py"]


def test_feedback_for_an_unknown_assignment_is_one_line(tmp_path):
    (tmp_path / "nbgrader_config.py").write_text('c = get_config()\nc.CourseDirectory.course_id = "x"\n')
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{tmp_path / 'gradebook.db'}", "x") as gb:
        gb.update_or_create_assignment("m01")
    result = smeai("feedback", "m99", cwd=tmp_path)
    _one_line_error(result, "'m99' is not in the gradebook")


@pytest.mark.parametrize("jobs", ["0", "-3", "many"])
def test_jobs_must_be_a_positive_number(tmp_path, jobs):
    result = smeai("grade", "m01", "--jobs", jobs, cwd=tmp_path)
    assert result.returncode == 2 and "--jobs" in result.stderr and "Traceback" not in result.stderr


def test_two_course_ids_that_disagree_are_reported(tmp_path):
    course, jupyter = tmp_path / "course", tmp_path / "jupyter"
    course.mkdir()
    jupyter.mkdir()
    (course / "nbgrader_config.py").write_text('c = get_config()\nc.CourseDirectory.course_id = "smeai"\n')
    (jupyter / "nbgrader_config.py").write_text('c = get_config()\nc.CourseDirectory.course_id = "smeai-2026"\n')
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", "smeai"):
        pass
    result = smeai("report", cwd=course, env={"JUPYTER_CONFIG_DIR": str(jupyter)})
    assert "course_id is set differently" in result.stderr
    assert "'smeai'" in result.stderr and "'smeai-2026'" in result.stderr
    same = smeai("report", cwd=course, env={"JUPYTER_CONFIG_DIR": str(tmp_path / "nothing")})
    assert "course_id" not in same.stderr
