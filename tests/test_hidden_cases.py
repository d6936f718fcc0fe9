"""Hidden tests only in the trainer's source (issue 12): the installed package (``src/smeai``)
and every RELEASED notebook together hold no hidden case.

The hidden cases are read from the trainer's source notebooks (``assessments/source``): each
``grade(..., cases=[...])`` between ``### BEGIN HIDDEN TESTS`` and ``### END HIDDEN TESTS``.
Then every text file of the package and every notebook ``nbgrader generate_assignment`` releases
is searched for each case, as Python would write it (``((72, 45), True``), spaces ignored.
"""

from __future__ import annotations

import ast
import os
import shutil
from pathlib import Path

import nbformat
import pytest

from .test_nbgrader_pipeline import nbgrader

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO / "assessments" / "source"
PACKAGE = REPO / "src" / "smeai"
ASSIGNMENTS = sorted(p.name for p in SOURCE.iterdir() if p.is_dir())
MOVED = {p.name for p in (PACKAGE / "modules").iterdir() if (p / "__init__.py").is_file()}
BEGIN, END = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"


def _transitional(assignment: str) -> list:
    if assignment[:3] in MOVED:  # an English twin (m01-en) belongs to its module (m01)
        return []
    # TRANSITIONAL (issue 12): a module not yet moved to smeai/modules/ still keeps its hidden
    # cases in the package; the coordinator removes this skip once every module has moved.
    return [pytest.mark.skip(reason=f"TRANSITIONAL: {assignment} not moved to smeai/modules/ yet")]


ASSIGNMENT_PARAMS = [pytest.param(a, marks=_transitional(a)) for a in ASSIGNMENTS]


def hidden_blocks(nb) -> list[str]:
    blocks = []
    for cell in nb.cells:
        if cell.cell_type == "code" and BEGIN in cell.source:
            blocks.append(cell.source.split(BEGIN, 1)[1].split(END, 1)[0])
    return blocks


def hidden_cases(assignment: str) -> list[tuple]:
    """Every case the trainer's source hands to ``grade(..., cases=[...])``."""
    (path,) = (SOURCE / assignment).glob("*.ipynb")
    found = []
    for block in hidden_blocks(nbformat.read(path, as_version=4)):
        for node in ast.walk(ast.parse(block)):
            if isinstance(node, ast.Call):
                for keyword in node.keywords:
                    if keyword.arg == "cases":
                        found += ast.literal_eval(keyword.value)
    return found


def needles(case) -> set[str]:
    """How a case is written in Python: its arguments and expected value, without spaces, with
    either kind of quote."""
    args, expected = tuple(case[0]) if isinstance(case[0], (tuple, list)) else (case[0],), case[1]
    text = "".join(repr((args, expected))[:-1].split())  # "((72,45),True" : the kind is no secret
    return {text, text.replace("'", '"')}


def leaks_in(text: str, cases) -> list:
    flat = "".join(text.split())
    return [case for case in cases if any(n in flat for n in needles(case))]


def notebook_text(path: Path) -> str:
    """A notebook as a reader sees it (cell sources, outputs and metadata decoded from JSON),
    and its raw JSON: a string case hides behind escaped quotes in the raw file alone."""
    nb = nbformat.read(path, as_version=4)
    parts = [path.read_text(encoding="utf-8")]
    for cell in nb.cells:
        parts.append(cell.source)
        parts += [str(output) for output in cell.get("outputs", [])]
    return "\n".join(parts)


def _package_texts():
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            try:
                yield path, notebook_text(path) if path.suffix == ".ipynb" else path.read_text(encoding="utf-8")
            except UnicodeDecodeError:  # a binary file (a workbook) holds no source
                continue


@pytest.mark.parametrize("assignment", ASSIGNMENT_PARAMS)
def test_the_trainers_source_hands_its_hidden_cases_as_data(assignment):
    (path,) = (SOURCE / assignment).glob("*.ipynb")
    blocks = hidden_blocks(nbformat.read(path, as_version=4))
    assert blocks, "at least one hidden test"
    assert not any("hidden=True" in "".join(b.split()) for b in blocks), "old in-package hidden cases"
    for block in blocks:  # one line per call, so a traceback shows nothing else
        calls = [n for n in ast.walk(ast.parse(block)) if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "grade"]
        assert len(calls) == len([line for line in block.splitlines() if line.strip()]), block


@pytest.mark.parametrize("assignment", ASSIGNMENT_PARAMS)
def test_the_package_holds_no_hidden_case(assignment):
    cases = hidden_cases(assignment)
    leaks = {str(path.relative_to(REPO)): leaks_in(text, cases) for path, text in _package_texts()}
    assert {path: found for path, found in leaks.items() if found} == {}


def test_the_search_would_find_a_case_the_old_way_in_the_package():
    # control: the way hidden cases used to live in src/smeai/exercises/m01.py is found
    old = "hidden_cases=[((72, 45), True), ((72, 44), False)],"
    assert leaks_in(old, [((72, 45), True, "boundary")]) and leaks_in(old, [[[72, 44], False]])
    assert leaks_in("cases=[(('0,85',), 0.85)]", [(("0,85",), 0.85, "small")])
    assert not leaks_in("cases=[((72, 45), False)]", [((72, 45), True, "boundary")])


@pytest.fixture(scope="module")
def released(tmp_path_factory):
    root = tmp_path_factory.mktemp("release") / "assessments"
    shutil.copytree(REPO / "assessments", root, ignore=shutil.ignore_patterns("release", "submitted", "autograded", "feedback", "gradebook.db*", ".nbgrader.log"))
    env = {**os.environ, "SMEAI_HOME": str(root.parent / "smeai-home"), "SMEAI_LANG": "nl"}
    for assignment in sorted(a for a in ASSIGNMENTS if a[:3] in MOVED):
        nbgrader(root, env, "generate_assignment", assignment, "--force")
    return root / "release"


@pytest.mark.slow
@pytest.mark.parametrize("assignment", ASSIGNMENT_PARAMS)
def test_the_released_notebook_holds_no_hidden_case(released, assignment):
    cases = hidden_cases(assignment)
    assert cases, "the source hands extra cases to grade(..., cases=[...])"
    (path,) = (released / assignment).glob("*.ipynb")
    text = notebook_text(path)
    assert leaks_in(text, cases) == []
    assert BEGIN not in text and END not in text and "cases=[" not in "".join(text.split())
    # control: the source itself does hold them, so the search can find them
    (source,) = (SOURCE / assignment).glob("*.ipynb")
    assert leaks_in(notebook_text(source), cases) == cases
