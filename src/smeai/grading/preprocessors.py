"""The nbgrader preprocessors of smeai, for the course's ``nbgrader_config.py``.

Each is a thin adapter over a module that does the work, so that both ``nbgrader autograde``
and ``smeai grade`` (and formgrader's buttons) grade the same way. Where each goes in
nbgrader's chains is said once, in :mod:`smeai.grading.pipeline`.
"""

from __future__ import annotations

import json

from nbformat.v4 import new_markdown_cell
from nbgrader import utils
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.preprocessors import NbGraderPreprocessor

from .execute import SandboxedExecute
from .feedback import redact, summary_markdown
from .integrity import master_cells, restore_cells
from .markers import add_event, released_source
from .tamper import learner_findings

REVIEW_EVENTS = ("suspicious_code", "checker_restored")

__all__ = ["RestoreCells", "ScanLearnerCode", "SandboxedExecute", "FlagForReview", "RedactHiddenTests",
           "FeedbackSummary"]


def _masters(resources) -> list[dict] | None:
    """The master cells of the notebook being processed, or None when it is not in the gradebook."""
    info = resources["nbgrader"]
    with Gradebook(info["db_url"]) as gb:
        try:
            return master_cells(gb, info["notebook"], info["assignment"])
        except MissingEntry:
            return None


class RestoreCells(NbGraderPreprocessor):
    """Put deleted cells back from the master copy; report edited locked cells (sanitize step)."""

    def preprocess(self, nb, resources):
        masters = _masters(resources)
        if masters is None:
            return nb, resources
        for event in restore_cells(nb, masters):
            self.log.warning("smeai: %s", json.dumps(event, ensure_ascii=False))
        return nb, resources


class ScanLearnerCode(NbGraderPreprocessor):
    """Look for code that changes the checker in what the learner wrote (sanitize step)."""

    def preprocess(self, nb, resources):
        released = {m["name"]: released_source(m["source"]) for m in _masters(resources) or []}
        cells = []
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            meta = cell.metadata.get("nbgrader", {})
            if meta.get("locked") or (meta.get("grade") and not meta.get("solution")):
                continue  # master content: OverwriteCells restores it
            name = meta.get("grade_id") or f"cell {index + 1}"
            cells.append((name, cell.source, released.get(meta.get("grade_id"), "")))
        findings = learner_findings(cells)
        if findings:
            add_event(nb, "suspicious_code", findings=findings[:30])
            self.log.warning("smeai: suspicious code: %s", json.dumps(findings[:5], ensure_ascii=False))
        return nb, resources


class FlagForReview(NbGraderPreprocessor):
    """After ``SaveAutoGrades``: a notebook whose code changed the checker, or that the scan
    flagged, needs the trainer's eye: its autograded cells are marked "needs manual grading"
    (the autograded score stays; the trainer confirms or overrides it in formgrader)."""

    def preprocess(self, nb, resources):
        events = nb.metadata.get("smeai", {}).get("events", [])
        reasons = [e for e in events if e.get("kind") in REVIEW_EVENTS]
        if not reasons:
            return nb, resources
        info = resources["nbgrader"]
        with Gradebook(info["db_url"]) as gb:
            for cell in nb.cells:
                if utils.is_grade(cell) and cell.cell_type == "code":
                    grade = gb.find_grade(cell.metadata.nbgrader["grade_id"], info["notebook"], info["assignment"], info["student"])
                    grade.needs_manual_grade = True
            gb.db.commit()
        return nb, resources


class RedactHiddenTests(NbGraderPreprocessor):
    """Feedback: no traceback in cells with hidden tests, no hidden-test line in any output."""

    def preprocess(self, nb, resources):
        redact(nb)
        return nb, resources


class FeedbackSummary(NbGraderPreprocessor):
    """Feedback: a summary at the top, per exercise, in the learner's language (after GetGrades)."""

    def preprocess(self, nb, resources):
        info = resources["nbgrader"]
        with Gradebook(info["db_url"]) as gb:
            try:
                notebook = gb.find_submission_notebook(info["notebook"], info["assignment"], info["student"])
                pending = frozenset(g.name for g in notebook.grades if g.needs_manual_grade)
            except MissingEntry:
                pending = frozenset()
        nb.cells.insert(0, new_markdown_cell(summary_markdown(nb, pending)))
        return nb, resources


def __getattr__(name: str):
    """``SANITIZE``, ``AUTOGRADE`` and ``FEEDBACK`` live in :mod:`smeai.grading.pipeline`; a course
    config written for an older kit imports them from here."""
    if name in ("SANITIZE", "AUTOGRADE", "FEEDBACK"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
