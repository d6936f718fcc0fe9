"""Feedback that teaches and does not leak: ``smeai feedback ASSIGNMENT``.

nbgrader's ``generate_feedback`` writes one HTML page per notebook. The course configuration
adds three preprocessors (:mod:`smeai.grading.preprocessors`):

- ``RedactHiddenTests``, before nbgrader's ``ClearHiddenTests``: in the cells that hold hidden
  tests, an error is cut down to its name and message (no traceback, so no source line); and in
  every output of every cell, a line that repeats a hidden test (a learner can print the input
  history, or the stack of the test that calls their function) is replaced by a marker;
- ``ClearHiddenTests`` (nbgrader): the hidden tests leave the cells' source;
- ``FeedbackSummary``: a summary at the top, in the learner's language: per exercise the points,
  the message of the shared exercise definition (the very message the course shows), and for
  an exercise that is not right yet its first hint. The written reflection says whether the
  trainer has graded it yet, with the trainer's comment.

:mod:`smeai.grading.feedback_pages` runs nbgrader's ``GenerateFeedback`` with them and checks
every page with :func:`leaks`. This module is pure text work: it imports no nbgrader.
"""

from __future__ import annotations

import html
import html.parser
import re

from ..i18n import lookup
from ..i18n import t as core_t
from .markers import exercise_ids, has_hidden_tests, hidden_lines
from .texts import notebook_language, t

MARKER = "[…]"
_NAME_ERROR = re.compile(r"name '([^']+)' is not defined")


# -- hidden tests -------------------------------------------------------------------------------

def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


class Redactor:
    """Replaces every output line that repeats a hidden-test line (spacing ignored)."""

    def __init__(self, lines: list[str]):
        self.needles = sorted({_compact(line) for line in lines if len(_compact(line)) >= 6}, key=len, reverse=True)
        self.needles += ["BEGINHIDDENTESTS", "ENDHIDDENTESTS", "hidden=True", "cases=["]

    def text(self, text: str) -> str:
        if not isinstance(text, str) or not self.needles:
            return text
        out = []
        for line in text.split("\n"):
            compact = _compact(_strip_ansi(html.unescape(line)))
            out.append(MARKER if any(n in compact for n in self.needles) else line)
        return "\n".join(out)

    def output(self, output) -> None:
        if output.get("output_type") == "stream":
            output["text"] = self.text(_join(output.get("text", "")))
        elif output.get("output_type") == "error":
            output["evalue"] = self.text(output.get("evalue", ""))
            output["traceback"] = [self.text(line) for line in output.get("traceback", [])]
        else:
            data = output.get("data", {})
            for mime, value in list(data.items()):
                if mime.startswith("text/") or mime in ("application/json",) or mime.endswith("+json"):
                    data[mime] = self.text(_join(value)) if not isinstance(value, dict) else value


def _join(value):
    return "".join(value) if isinstance(value, list) else value


def _strip_ansi(text: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", text)


def redact(nb) -> list[str]:
    """Apply the feedback rules to a graded notebook in place; returns the hidden lines found."""
    lines = [line for cell in nb.cells for line in hidden_lines(cell.get("source", ""))]
    redactor = Redactor(lines)
    for cell in nb.cells:
        if cell.get("cell_type") != "code":
            continue
        meta = cell.get("metadata", {}).get("nbgrader", {})
        in_grade_cell = meta.get("grade") or has_hidden_tests(cell.get("source", ""))
        for output in cell.get("outputs", []):
            if in_grade_cell and output.get("output_type") == "error":
                # name and message only: a traceback would quote the test cell's source
                message = output.get("evalue", "")
                name = output.get("ename", "")
                output["traceback"] = [message if name in ("GradeFailure", "KernelDied", "NotRun") else f"{name}: {message}"]
            redactor.output(output)
    return lines


# -- the summary at the top ---------------------------------------------------------------------

def _heading_before(cells, index: int) -> str:
    for cell in reversed(cells[:index]):
        if cell.get("cell_type") == "markdown":
            for line in cell.get("source", "").split("\n"):
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return ""


def _points(value) -> str:
    value = float(value or 0)
    return str(int(value)) if value.is_integer() else f"{value:.1f}"


def _message_of(cell, lang: str) -> str:
    """What a learner should read about a test cell that did not give full points."""
    errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
    if not errors:
        if any(o.get("output_type") == "stream" and o.get("name") == "stderr" for o in cell.get("outputs", [])):
            return t("feedback_warning", lang)
        return t("feedback_partial", lang)
    known = ("GradeFailure", "KernelDied", "NotRun", "CellTimeoutError", "TamperingDetected")
    error = next((e for e in errors if e.get("ename") in known), errors[0])
    name, value = error.get("ename", ""), error.get("evalue", "")
    if name in known:
        return value
    if name == "NameError":
        match = _NAME_ERROR.search(value)
        return core_t("errors.name_error", lang, name=match.group(1) if match else "?")
    return core_t("errors.other_error", lang)


def summary_markdown(nb, pending: frozenset = frozenset()) -> str:
    """The summary cell's text, from the scores GetGrades put in the cells' metadata.
    ``pending`` are the cells the trainer has not graded yet ("needs manual grading")."""
    lang = notebook_language(nb)
    rows, total, possible = [], 0.0, 0.0
    for index, cell in enumerate(nb.cells):
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if not meta.get("grade"):
            continue
        points, score = float(meta.get("points") or 0), meta.get("score")
        possible += points
        total += float(score or 0)
        title = _heading_before(nb.cells, index) or meta.get("grade_id", "")
        head = f"**{title}**: " + t("feedback_points", lang, score=_points(score), points=_points(points))
        if meta.get("solution"):  # written by the learner, graded by the trainer
            comment = (meta.get("comment") or "").strip()
            if comment == "No response.":  # nbgrader's own words for an untouched answer
                rows.append(head + " " + t("feedback_no_response", lang))
            elif score is None or meta.get("grade_id") in pending:
                rows.append(f"**{title}**: " + t("feedback_waiting", lang))
            elif comment:
                rows.append(head + "  \n" + t("feedback_trainer_comment", lang) + " " + comment)
            else:
                rows.append(head)
            continue
        exercise = next(iter(exercise_ids(cell.get("source", ""))), None)
        if score is not None and float(score) >= points:
            rows.append(head + " ✔ " + t("feedback_right", lang))
            continue
        lines = [head, _message_of(cell, lang)]
        if exercise:
            hints = lookup(f"{exercise}.hints", lang)
            hints = hints if isinstance(hints, list) else [hints]
            if hints and hints[0] != f"{exercise}.hints":
                lines.append("💡 " + t("feedback_hint", lang) + " " + hints[0])
        rows.append("  \n".join(lines))
    title = "## " + t("feedback_title", lang)
    intro = t("feedback_intro", lang, score=_points(total), points=_points(possible))
    return "\n\n".join([title, intro, *("- " + row for row in rows)])


# -- checking what was written --------------------------------------------------------------------

class _Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("style", "script") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(page: str) -> str:
    parser = _Text()
    parser.feed(page)
    parser.close()
    return "".join(parser.parts)


def leaks(page: str, hidden: list[str]) -> list[str]:
    """Hidden-test lines (spacing ignored) that a reader of this HTML page can see."""
    text = _compact(visible_text(page))
    needles = {_compact(line) for line in hidden if len(_compact(line)) >= 6}
    needles |= {"BEGINHIDDENTESTS", "ENDHIDDENTESTS", "hidden=True", "cases=["}
    return sorted(n for n in needles if n in text)


def master_hidden_lines(gradebook, assignment: str) -> list[str]:
    return [line for nb in gradebook.find_assignment(assignment).notebooks
            for cell in nb.source_cells for line in hidden_lines(cell.source or "")]
