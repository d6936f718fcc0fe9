"""Make a submission gradable, and say what was wrong with it.

The cells:

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
- (the submission folder itself is sorted out before grading by :mod:`smeai.grading.intake`.)

Everything found is recorded as events (``{"kind": ..., "cell": ...}``) in the notebook's
``metadata.smeai.events`` or in the intake, for the grading summary.
"""

from __future__ import annotations

from nbformat.v4 import new_code_cell, new_markdown_cell

from .markers import add_event, released_source


def _norm(source) -> str:
    text = "".join(source) if isinstance(source, list) else str(source or "")
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


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
