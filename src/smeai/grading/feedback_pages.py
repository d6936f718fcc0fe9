"""``smeai feedback ASSIGNMENT``: nbgrader's feedback pages, made with smeai's feedback steps
(:mod:`smeai.grading.feedback`), offline, and checked for hidden tests before they are kept."""

from __future__ import annotations

import glob
from pathlib import Path

from jinja2 import DictLoader
from nbconvert.exporters import HTMLExporter
from nbgrader.api import Gradebook
from nbgrader.converters import GenerateFeedback
from traitlets import default

from .course import CourseError, load_course
from .feedback import leaks, master_hidden_lines
from .pipeline import feedback_preprocessors

# nbgrader's feedback template calls nbconvert's ``mathjax()`` macro, which loads MathJax from a
# CDN: a learner's page would call out to the internet, and shows nothing useful offline. This
# exporter replaces the macro (nbconvert tries ``extra_loaders`` before its template folders):
# formulas stay as written ($x^2$), and the page needs nothing from outside. ``extra_loaders`` is
# not a config setting, so the exporter class is: c.GenerateFeedback.exporter_class.
OFFLINE_MATHJAX = {"mathjax.html.j2": "{%- macro mathjax(url='') -%}<!-- MathJax left out: offline page -->{%- endmacro %}"}


class OfflineHTMLExporter(HTMLExporter):
    """nbconvert's HTML exporter without the MathJax CDN (for nbgrader's feedback pages)."""

    @default("extra_loaders")
    def _offline_loaders(self):
        return [DictLoader(OFFLINE_MATHJAX)]


def generate(root: Path, assignment: str, students: list[str] | None = None, log=None) -> dict:
    """Run nbgrader's GenerateFeedback for ``assignment`` and check every page for leaks.

    Returns ``{"pages": [...], "leaks": {page: [...]}, "failed": [...]}``. A page that leaks is
    deleted and listed under ``leaks``.
    """
    course = load_course(root)
    course.require_assignment(assignment)
    if not course.autograded_students(assignment):
        raise CourseError(f"nothing of {assignment} is graded yet: run 'smeai grade {assignment}' first")
    config = course.config.copy()
    config.GenerateFeedback.preprocessors = feedback_preprocessors(config)
    config.GenerateFeedback.exporter_class = OfflineHTMLExporter
    config.BaseConverter.force = True
    result = {"pages": [], "leaks": {}, "failed": []}
    coursedir = course.coursedir(assignment_id=assignment, student_id="*")
    converter = GenerateFeedback(coursedir=coursedir, config=config)
    if log is not None:
        converter.log = log
    for student in students or course.autograded_students(assignment):
        coursedir.student_id = student
        try:
            converter.start()
        except Exception as problem:  # noqa: BLE001 - one learner's page must not stop the class
            result["failed"].append({"student": student, "why": f"{type(problem).__name__}: {problem}"})
    with Gradebook(coursedir.db_url, coursedir.course_id) as gb:
        hidden = master_hidden_lines(gb, assignment)
    for page in _pages(coursedir, assignment):
        found = leaks(page.read_text(encoding="utf-8"), hidden)
        if found:
            result["leaks"][str(page)] = found
            page.unlink()
        else:
            result["pages"].append(str(page))
    return result


def _pages(coursedir, assignment: str) -> list[Path]:
    pattern = coursedir.format_path(coursedir.feedback_directory, "*", assignment)
    return sorted(Path(p) for folder in glob.glob(pattern) for p in glob.glob(f"{folder}/*.html"))
