"""Every course notebook: committed clean, the same structure in nl and en, and executed top to
bottom on a fresh kernel with every error reported (there is no skip list)."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parents[1]
COURSE = REPO / "course"
NOTEBOOKS = sorted(COURSE.glob("*/*.ipynb"))
NAME = re.compile(r"^\d\d-[a-z0-9]+(-[a-z0-9]+)*\.ipynb$")


def read(path: Path):
    return nbformat.read(path, as_version=4)


def pairs():
    nl = {p.name[:2]: p for p in (COURSE / "nl").glob("*.ipynb")}
    en = {p.name[:2]: p for p in (COURSE / "en").glob("*.ipynb")}
    return nl, en


def test_there_are_notebooks_in_both_languages_with_the_same_modules():
    nl, en = pairs()
    assert nl and sorted(nl) == sorted(en)
    assert {"00", "01"} <= set(nl)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_notebook_is_named_and_committed_clean(path):
    assert NAME.match(path.name), path.name
    nb = read(path)
    nbformat.validate(nb)
    dirty = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and (c.outputs or c.execution_count)]
    assert dirty == [], f"cells with outputs or execution counts: {dirty}"


EXERCISE_USE = re.compile(r"\b(q\d+)\.(check|hint|solution)\(")
SMEAI_CALL = re.compile(r"\b(start|finish|show_\w+|\w+_explorer)\(\s*(\"[^\"]*\")?")
LANG = re.compile(r'start\("\d\d", lang="(\w\w)"\)')


def structure(nb):
    """What must match between languages: cell types, and per code cell the exercises and the
    smeai calls (with their first argument), not the learner-facing words."""
    shape = []
    for cell in nb.cells:
        if cell.cell_type == "code":
            shape.append(("code", sorted(set(EXERCISE_USE.findall(cell.source))), SMEAI_CALL.findall(cell.source)))
        else:
            shape.append((cell.cell_type,))
    return shape


@pytest.mark.parametrize("number", sorted(pairs()[0]))
def test_nl_and_en_have_the_same_structure(number):
    nl, en = pairs()
    assert structure(read(nl[number])) == structure(read(en[number]))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_notebook_has_one_setup_cell_in_its_own_language(path):
    nb = read(path)
    setup = [c for c in nb.cells if c.cell_type == "code" and "start(" in c.source]
    assert len(setup) == 1
    assert nb.cells.index(setup[0]) <= 2, "the setup cell comes first"
    assert LANG.search(setup[0].source).group(1) == path.parent.name
    assert f'start("{path.name[:2]}"' in setup[0].source


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_notebook_runs_top_to_bottom_on_a_fresh_kernel(path, learner_home, monkeypatch):
    nb = read(path)
    monkeypatch.chdir(learner_home.parent)  # exports and scratch files land in tmp, not the repo
    client = NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True, resources={"metadata": {"path": str(learner_home.parent)}})
    client.execute()
    errors = [
        f"cell {i}: {o.ename}: {o.evalue}"
        for i, cell in enumerate(nb.cells)
        if cell.cell_type == "code"
        for o in cell.outputs
        if o.output_type == "error"
    ]
    assert errors == [], "\n".join(errors)
    stderr = [o.text for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "stream" and o.name == "stderr"]
    assert stderr == [], stderr
    # each kernel writes its own events file (smeai.progress); read them all, as the learner's
    events = "".join(p.read_text() for p in sorted((learner_home / "events").glob("*.jsonl")))
    assert f'"module": "{path.name[:2]}"' in events and "module_finish" in events
