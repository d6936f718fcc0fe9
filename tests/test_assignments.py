"""Every graded assignment in assessments/source/, through nbgrader's real pipeline.

Static checks (fast): the notebook is clean, every test cell calls ``grade`` on exercise ids that
exist, there is a hidden test and a reflection graded by hand. Then, in one temporary course
root, ``generate_assignment`` and ``autograde`` for each assignment with two submissions: the
reference (the source's solutions) gets every autograded point, the untouched release gets 0.
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


def notebook_of(assignment: str) -> Path:
    (path,) = (SOURCE / assignment).glob("*.ipynb")
    return path


def test_there_is_an_assignment_per_course_module():
    from smeai.course import MODULES

    assert [f"m{m.number}" for m in MODULES if m.available and m.number != "00"] == ASSIGNMENTS


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_assignment_is_well_formed(assignment):
    nb = nbformat.read(notebook_of(assignment), as_version=4)
    assert all(not (c.cell_type == "code" and (c.outputs or c.execution_count)) for c in nb.cells), "commit clean"
    graded = [c for c in nb.cells if "nbgrader" in c.metadata]
    ids = [c.metadata["nbgrader"]["grade_id"] for c in graded]
    assert len(ids) == len(set(ids)), "grade_ids must be unique"
    tests = [c for c in graded if c.metadata["nbgrader"].get("grade") and not c.metadata["nbgrader"].get("solution")]
    called = {exercise for c in tests for exercise in GRADE_CALL.findall(c.source)}
    assert called and all(e.startswith(assignment + ".") for e in called)
    for exercise in called:
        get(exercise)  # raises for an id the course does not declare
    assert any("### BEGIN HIDDEN TESTS" in c.source for c in tests), "at least one hidden test"
    manual = [c for c in graded if c.metadata["nbgrader"].get("grade") and c.metadata["nbgrader"].get("solution") and c.cell_type == "markdown"]
    assert manual, "at least one reflection graded by hand"
    setup = [c for c in nb.cells if c.cell_type == "code" and "from smeai" in c.source][0]
    assert setup.metadata.get("nbgrader", {}).get("locked") is True, "the setup cell is locked"


@pytest.fixture(scope="module")
def graded_class(tmp_path_factory):
    root = tmp_path_factory.mktemp("all") / "assessments"
    shutil.copytree(REPO / "assessments", root, ignore=shutil.ignore_patterns("release", "submitted", "autograded", "feedback", "gradebook.db*", ".nbgrader.log"))
    env = {**os.environ, "SMEAI_HOME": str(root.parent / "smeai-home"), "SMEAI_LANG": "nl"}
    for assignment in ASSIGNMENTS:
        nbgrader(root, env, "generate_assignment", assignment, "--force")
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
        nbgrader(root, env, "autograde", assignment, "--force")
        nbgrader(root, env, "generate_feedback", assignment, "--force")
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
