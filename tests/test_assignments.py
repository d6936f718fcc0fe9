"""Every graded assignment in assessments/source/, through nbgrader's real pipeline.

Every module has a Dutch assignment ``mNN`` and its English twin ``mNN-en`` in the same course root
(a trainer releases the one in the class's language); the twin has the same cells in the same
order, grade ids, points and ``grade`` calls, hidden cases included.

Static checks (fast): the notebook is clean, every test cell calls ``grade`` on exercise ids that
exist, there is a hidden test and a reflection graded by hand. Then, in one temporary course
root, ``generate_assignment``, ``autograde`` and ``generate_feedback`` over all assignments at
once (one nbgrader run each: its start-up is paid once, not per assignment) with two submissions
each: the reference (the source's solutions) gets every autograded point, the untouched release
gets 0, and no feedback page shows a hidden test.
The module 01 assignment is tested in depth in test_nbgrader_pipeline.py.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import nbformat
import pytest

from smeai.exercises import get

from .test_nbgrader_pipeline import cells_by_id, hidden_test_leaks, nbgrader, solution_source, visible_text

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO / "assessments" / "source"
ASSIGNMENTS = sorted(p.name for p in SOURCE.iterdir() if p.is_dir())
GRADE_CALL = re.compile(r'grade\("(m\d\d\.\w+)"')
CASES = re.compile(r"cases=(\[.*\])")
LANGUAGE = re.compile(r'set_language\("(\w\w)"\)')
DUTCH = [a for a in ASSIGNMENTS if not a.endswith("-en")]


def notebook_of(assignment: str) -> Path:
    (path,) = (SOURCE / assignment).glob("*.ipynb")
    return path


def test_there_is_an_assignment_per_course_module():
    from smeai.course import MODULES

    modules = [f"m{m.number}" for m in MODULES if m.available and m.number != "00"]
    assert modules == DUTCH
    assert sorted(modules + [f"{m}-en" for m in modules]) == ASSIGNMENTS, "every assignment has its English twin"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_assignment_is_well_formed(assignment):
    nb = nbformat.read(notebook_of(assignment), as_version=4)
    assert all(not (c.cell_type == "code" and (c.outputs or c.execution_count)) for c in nb.cells), "commit clean"
    graded = [c for c in nb.cells if "nbgrader" in c.metadata]
    ids = [c.metadata["nbgrader"]["grade_id"] for c in graded]
    assert len(ids) == len(set(ids)), "grade_ids must be unique"
    tests = [c for c in graded if c.metadata["nbgrader"].get("grade") and not c.metadata["nbgrader"].get("solution")]
    called = {exercise for c in tests for exercise in GRADE_CALL.findall(c.source)}
    assert called and all(e.startswith(assignment[:3] + ".") for e in called)
    for exercise in called:
        get(exercise)  # raises for an id the course does not declare
    assert any("### BEGIN HIDDEN TESTS" in c.source for c in tests), "at least one hidden test"
    manual = [c for c in graded if c.metadata["nbgrader"].get("grade") and c.metadata["nbgrader"].get("solution") and c.cell_type == "markdown"]
    assert manual, "at least one reflection graded by hand"
    setup = [c for c in nb.cells if c.cell_type == "code" and "from smeai" in c.source][0]
    assert setup.metadata.get("nbgrader", {}).get("locked") is True, "the setup cell is locked"
    assert LANGUAGE.search(setup.source).group(1) == ("en" if assignment.endswith("-en") else "nl")


def parity(nb):
    """What must match between a Dutch assignment and its English twin: per cell its type, its
    nbgrader metadata (grade id, points, locks), the exercises its ``grade`` calls name and the
    hidden cases they hand over; not the words or the variable names."""
    return [
        (c.cell_type, c.metadata.get("nbgrader"), GRADE_CALL.findall(c.source), CASES.findall(c.source),
         "### BEGIN SOLUTION" in c.source, "### BEGIN HIDDEN TESTS" in c.source)
        for c in nb.cells
    ]


@pytest.mark.parametrize("assignment", DUTCH)
def test_english_twin_has_the_same_structure(assignment):
    nl = nbformat.read(notebook_of(assignment), as_version=4)
    en = nbformat.read(notebook_of(f"{assignment}-en"), as_version=4)
    assert parity(nl) == parity(en)
    assert notebook_of(f"{assignment}-en").stem.startswith(assignment + "-")
    # the words differ: the English twin is not a copy of the Dutch text
    assert not {c.source for c in nl.cells if c.cell_type == "markdown"} & {c.source for c in en.cells if c.cell_type == "markdown"}


def test_parity_notices_a_changed_point():
    nl = nbformat.read(notebook_of("m01"), as_version=4)
    en = nbformat.read(notebook_of("m01-en"), as_version=4)
    graded = [c for c in en.cells if c.metadata["nbgrader"].get("points")][0]
    graded.metadata["nbgrader"]["points"] += 1
    assert parity(nl) != parity(en)


@pytest.fixture(scope="module")
def graded_class(tmp_path_factory):
    root = tmp_path_factory.mktemp("all") / "assessments"
    shutil.copytree(REPO / "assessments", root, ignore=shutil.ignore_patterns("release", "submitted", "autograded", "feedback", "gradebook.db*", ".nbgrader.log"))
    env = {**os.environ, "SMEAI_HOME": str(root.parent / "smeai-home"), "SMEAI_LANG": "nl"}
    # nbgrader takes a glob for the assignment: one run over all of them, Dutch and English
    nbgrader(root, env, "generate_assignment", "*", "--force")
    for assignment in ASSIGNMENTS:
        name = notebook_of(assignment).name
        source = nbformat.read(root / "source" / assignment / name, as_version=4)
        release = nbformat.read(root / "release" / assignment / name, as_version=4)
        reference = nbformat.from_dict(release)
        source_cells = cells_by_id(source)
        for grade_id, cell in cells_by_id(reference).items():
            if cell.metadata["nbgrader"].get("solution"):
                cell.source = solution_source(source_cells[grade_id].source)
        for student, nb in (("reference", reference), ("untouched", release)):
            folder = root / "submitted" / student / assignment
            folder.mkdir(parents=True)
            nbformat.write(nb, folder / name)
    for language in ("m0?", "m0?-en"):  # two runs, each well within the helper's time limit
        nbgrader(root, env, "autograde", language, "--force")
    nbgrader(root, env, "generate_feedback", "*", "--force")
    return root


@pytest.mark.slow
@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_reference_gets_every_autograded_point_and_the_release_none(graded_class, assignment):
    from nbgrader.api import Gradebook

    name = notebook_of(assignment).stem
    with Gradebook(f"sqlite:///{graded_class / 'gradebook.db'}") as gb:
        scores = {}
        for student in ("reference", "untouched"):
            notebook = gb.find_submission_notebook(name, assignment, student)
            auto = [g for g in notebook.grades if g.auto_score is not None and not g.needs_manual_grade]
            tests = [g for g in auto if g.cell.cell_type == "code"]
            scores[student] = (sum(g.auto_score for g in tests), sum(g.max_score for g in tests))
    earned, possible = scores["reference"]
    assert possible > 0 and earned == possible, scores
    assert scores["untouched"][0] == 0, scores


@pytest.mark.slow
@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_feedback_never_shows_hidden_tests(graded_class, assignment):
    for student in ("reference", "untouched"):
        (page,) = (graded_class / "feedback" / student / assignment).glob("*.html")
        assert hidden_test_leaks(visible_text(page.read_text(encoding="utf-8"))) == []


@pytest.mark.slow
def test_smeai_grade_and_feedback_take_an_english_twin(graded_class):
    # smeai's own trainer commands, on the ids a trainer of an English class types
    import json
    import subprocess
    import sys

    env = {**os.environ, "SMEAI_HOME": str(graded_class.parent / "smeai-home"), "SMEAI_LANG": "nl"}
    for command in ("grade", "feedback"):
        result = subprocess.run([sys.executable, "-m", "smeai.cli", command, "m01-en", "--root", str(graded_class)],
                                cwd=graded_class, env=env, capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stdout + result.stderr
    summary = json.loads((graded_class / "smeai-grading" / "m01-en.json").read_text())
    scores = {r["student"]: r["score"] for r in summary["students"]}
    assert scores == {"reference": 6.0, "untouched": 0.0}, scores
    (page,) = (graded_class / "feedback" / "untouched" / "m01-en").glob("*.html")
    text = visible_text(page.read_text(encoding="utf-8"))
    assert hidden_test_leaks(text) == []
    assert "Your result per exercise" in text, "the summary is in the notebook's language"
    assert "Je resultaat per opdracht" not in text
