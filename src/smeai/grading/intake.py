"""The intake step of ``smeai grade``: what of a learner's submission folder will be graded.

:func:`take_in` reads the folder without following links and sorts out unreadable (not valid
JSON), missing, renamed and extra notebooks, and files that are not part of the assignment. It
keeps the files of nbgrader's exchange. Its result, an :class:`Intake`, is the input of the
preparation step; what was wrong becomes events in the grading summary.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

MAX_NOTEBOOK_MB = 20      # a bigger "notebook" is not read
MAX_SUBMISSION_MB = 200   # a bigger submission folder is not graded
# Files that nbgrader's exchange puts next to the notebooks: ``nbgrader submit`` writes both, and
# ``nbgrader release_feedback`` needs them in feedback/<learner>/<assignment>/ (through autograded/).
EXCHANGE_FILES = ("timestamp.txt", "submission_secret.txt")


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
