"""Make a submission gradable, and say what was wrong with it.

Two parts:

- :func:`restore_cells`, used by the nbgrader preprocessor ``RestoreCells``
  (:mod:`smeai.grading.preprocessors`) in the sanitize step of autograding, before
  ``OverwriteCells``. It compares the
  submitted notebook with the master copy in the gradebook: cells the learner deleted (test
  cells, the setup cell, answer cells, a reflection) are put back where they belong, with their
  released content, so the submission is graded instead of left "needs manual grading"; locked
  cells whose source was edited, and cells whose grading metadata was changed, are reported
  (``OverwriteCells`` then restores the master source). nbgrader's own checksum warning fires for
  every submission of a notebook with hidden tests, so edits are found by comparing with the
  *released* source (the master with its hidden tests taken out).
- :func:`take_in`, used by ``smeai grade`` before grading: reads the submission folder without
  following links, and sorts out unreadable (not valid JSON), missing, renamed and extra
  notebooks and files that are not part of the assignment.

Everything found is recorded as events (``{"kind": ..., "cell": ...}``) in the notebook's
``metadata.smeai.events`` or in the intake, for the grading summary.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell

MAX_NOTEBOOK_MB = 20      # a bigger "notebook" is not read
MAX_SUBMISSION_MB = 200   # a bigger submission folder is not graded
# Files that nbgrader's exchange puts next to the notebooks: ``nbgrader submit`` writes both, and
# ``nbgrader release_feedback`` needs them in feedback/<learner>/<assignment>/ (through autograded/).
EXCHANGE_FILES = ("timestamp.txt", "submission_secret.txt")


def released_source(source: str) -> str:
    """The source a learner received: the master without its hidden-test region."""
    lines, out, hidden = source.split("\n"), [], False
    for line in lines:
        if "BEGIN HIDDEN TESTS" in line:
            hidden = True
        elif "END HIDDEN TESTS" in line:
            hidden = False
        elif not hidden:
            out.append(line)
    return "\n".join(out)


def _norm(source) -> str:
    text = "".join(source) if isinstance(source, list) else str(source or "")
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


def add_event(nb, kind: str, **details) -> None:
    nb.metadata.setdefault("smeai", {}).setdefault("events", []).append({"kind": kind, **details})


def master_cells(gradebook, notebook_id: str, assignment_id: str) -> list[dict]:
    """The master copy of every nbgrader cell of a notebook, in notebook order, from the gradebook."""
    notebook = gradebook.find_notebook(notebook_id, assignment_id)
    points = {c.name: c.max_score for c in notebook.grade_cells}
    points.update({c.name: c.max_score for c in notebook.task_cells})
    solutions = {c.name for c in notebook.solution_cells}
    tasks = {c.name for c in notebook.task_cells}
    cells = []
    for cell in notebook.source_cells:
        meta = {
            "grade": cell.name in points and cell.name not in tasks, "grade_id": cell.name,
            "locked": bool(cell.locked), "schema_version": 3, "solution": cell.name in solutions,
            "task": cell.name in tasks,
        }
        if cell.name in points:
            meta["points"] = float(points[cell.name])
        cells.append({"name": cell.name, "cell_type": cell.cell_type, "source": cell.source or "",
                      "checksum": cell.checksum, "nbgrader": meta})
    return cells


def _new_cell(master: dict):
    # a test cell gets its master source, hidden tests included: nbgrader runs them
    make = new_code_cell if master["cell_type"] == "code" else new_markdown_cell
    cell = make(source=master["source"])
    cell.metadata["nbgrader"] = dict(master["nbgrader"], checksum=master["checksum"])
    if master["nbgrader"]["locked"] or (master["nbgrader"]["grade"] and not master["nbgrader"]["solution"]):
        cell.metadata["editable"] = False
        cell.metadata["deletable"] = False
    return cell


def restore_cells(nb, masters: list[dict]) -> list[dict]:
    """Put deleted cells back and report edits; returns the events (also stored in ``nb``)."""
    events = []
    present = {}
    for index, cell in enumerate(nb.cells):
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if grade_id:
            present.setdefault(grade_id, index)
    known = {m["name"]: m for m in masters}
    # 1. edits to what the learner may not change
    for cell in nb.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        master = known.get(meta.get("grade_id"))
        if master is None:
            continue
        wanted = master["nbgrader"]
        is_test = wanted["grade"] and not wanted["solution"]
        # nbgrader stores every test cell as locked in the gradebook (SourceCell.locked), whatever
        # the released notebook says, and grades it as locked anyway: not a learner's change
        fields = ("grade", "solution", "task", "points") if is_test else ("grade", "solution", "locked", "task", "points")
        changed = sorted(k for k in fields if k in wanted and _flag(meta.get(k)) != _flag(wanted.get(k)))
        if cell.cell_type != master["cell_type"]:
            changed.append("cell_type")
        if changed:
            events.append({"kind": "changed_cell_metadata", "cell": master["name"], "fields": changed})
            meta.update({k: wanted[k] for k in ("grade", "solution", "locked", "task") if k in wanted})
            if "points" in wanted:
                meta["points"] = wanted["points"]
        if (wanted["locked"] or is_test) and _norm(cell.source) != _norm(released_source(master["source"])):
            events.append({"kind": "edited_locked_cell", "cell": master["name"]})
    # 2. deleted cells, put back after the nearest earlier master cell that is still there
    for position, master in enumerate(masters):
        if master["name"] in present:
            continue
        cell = _new_cell(master)
        before = [present[m["name"]] for m in masters[:position] if m["name"] in present]
        at = max(before) + 1 if before else 0
        nb.cells.insert(at, cell)
        for name, index in present.items():
            if index >= at:
                present[name] = index + 1
        present[master["name"]] = at
        events.append({"kind": "restored_cell", "cell": master["name"]})
    for event in events:
        add_event(nb, **event)
    return events


def _flag(value):
    if isinstance(value, bool) or value is None:
        return bool(value)
    try:
        return float(value)
    except (TypeError, ValueError):
        return value


# -- the submission folder, before grading --------------------------------------------------------

@dataclass
class Intake:
    """What ``smeai grade`` will grade for one learner, and what was wrong with the folder."""

    student: str
    notebooks: dict = field(default_factory=dict)   # expected notebook name -> Path to grade it from
    files: list = field(default_factory=list)       # other files to hand to nbgrader (relative Paths)
    events: list = field(default_factory=list)
    failed: str = ""                                 # why nothing can be graded ("" when it can)

    @property
    def unreadable(self) -> list[str]:
        return [e["notebook"] for e in self.events if e["kind"] == "unreadable_notebook"]


def _read_notebook(path: Path):
    """(notebook, None) or (None, reason) for a file that should be a notebook."""
    try:
        size = path.stat().st_size
        if size > MAX_NOTEBOOK_MB * 1024 * 1024:
            return None, f"larger than {MAX_NOTEBOOK_MB} MB"
        text = path.read_text(encoding="utf-8")
        data = json.loads(text)
    except UnicodeDecodeError:
        return None, "not a text file"
    except json.JSONDecodeError as problem:
        return None, f"not valid JSON (line {problem.lineno}, column {problem.colno})"
    except OSError as problem:
        return None, f"cannot be read ({problem.strerror})"
    try:
        nb = nbformat.from_dict(data)
        if not isinstance(nb.get("cells"), list):
            return None, "not a notebook (no cells)"
        nb = nbformat.reads(text, as_version=4)
    except Exception as problem:  # noqa: BLE001 - nbformat raises many kinds
        return None, f"not a valid notebook ({type(problem).__name__})"
    return nb, None


def _grade_ids(nb) -> set[str]:
    return {c.get("metadata", {}).get("nbgrader", {}).get("grade_id") for c in nb.cells} - {None}


def take_in(folder: Path, student: str, expected: dict[str, set], allowed_files: set[str] = frozenset()) -> Intake:
    """Sort out one learner's submission folder.

    ``expected`` maps each notebook name of the assignment (without ``.ipynb``) to the grade ids
    of its master cells; ``allowed_files`` are the other files of the assignment (relative
    paths) that a learner may hand in. Links are never followed.
    """
    intake = Intake(student)
    total = 0
    notebooks, others = {}, []
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if any(part.startswith(".ipynb_checkpoints") or part == "__pycache__" for part in rel.parts):
            continue
        if path.is_symlink():
            intake.events.append({"kind": "ignored_link", "file": str(rel)})
            continue
        if not path.is_file():
            continue
        total += path.stat().st_size
        if path.suffix == ".ipynb" and len(rel.parts) == 1:
            notebooks[path.stem] = path
        elif str(rel) in EXCHANGE_FILES or str(rel) in allowed_files:
            others.append(rel)
        else:
            intake.events.append({"kind": "ignored_file", "file": str(rel)})
    if total > MAX_SUBMISSION_MB * 1024 * 1024:
        intake.failed = f"the submission is larger than {MAX_SUBMISSION_MB} MB"
        return intake
    intake.files = others
    read = {name: _read_notebook(path) for name, path in notebooks.items()}
    for name, (nb, problem) in read.items():
        if problem:
            intake.events.append({"kind": "unreadable_notebook", "notebook": f"{name}.ipynb", "why": problem})
    used = set()
    for name in expected:
        if name in notebooks:
            used.add(name)
            if read[name][0] is not None:
                intake.notebooks[name] = notebooks[name]
            continue
        # renamed? another readable notebook that holds this notebook's graded cells
        ids = expected[name]
        best, overlap = None, 0.0
        for other, (nb, problem) in read.items():
            if other in expected or other in used or nb is None or not ids:
                continue
            share = len(_grade_ids(nb) & ids) / len(ids)
            if share > overlap:
                best, overlap = other, share
        if best is not None and overlap >= 0.5:
            used.add(best)
            intake.notebooks[name] = notebooks[best]
            intake.events.append({"kind": "renamed_notebook", "notebook": f"{best}.ipynb", "graded_as": f"{name}.ipynb"})
        else:
            intake.events.append({"kind": "missing_notebook", "notebook": f"{name}.ipynb"})
    for other in sorted(set(notebooks) - used - set(expected)):
        if read[other][0] is not None:
            intake.events.append({"kind": "extra_notebook", "notebook": f"{other}.ipynb"})
    if not intake.notebooks:
        reasons = [f"{e['notebook']} is {e['why']}" for e in intake.events if e["kind"] == "unreadable_notebook"]
        intake.failed = "; ".join(reasons) or "no notebook of this assignment was handed in"
    return intake


def copy_for_grading(intake: Intake, source: Path, target: Path) -> None:
    """Write what nbgrader should see for this learner into ``target`` (a private folder)."""
    target.mkdir(parents=True, exist_ok=True)
    for rel in intake.files:
        dest = target / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes((source / rel).read_bytes())
    for name, path in intake.notebooks.items():
        (target / f"{name}.ipynb").write_bytes(path.read_bytes())
