"""The gradebook side of ``smeai grade``: one writer, through nbgrader's own API and converters.

- :func:`make_template` copies an assignment's structure (notebooks, grade, solution, task and
  source cells, due date) from the course gradebook into an empty SQLite gradebook. Each grading
  worker gets a copy of it as its private gradebook: workers never touch the course gradebook,
  and the private copy holds no other learner's data.
- :func:`record` writes one learner's result into the course gradebook by running nbgrader's
  ``Autograde`` converter on the executed notebooks, with only the preprocessors that write to
  the gradebook (``SaveAutoGrades``, ``FlagForReview``, ``AssignLatePenalties``). So the scores,
  the "needs manual grading" flags, the late penalties, the timestamps, the missing-notebook
  zeros and the autograded/ folder are exactly what nbgrader makes of that notebook.
- :func:`record_failure` records a learner whose work could not be graded.

Only the main process calls these, one learner at a time: the course gradebook has a single
writer, whatever the number of workers.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

from .course import Course
from .pipeline import record_preprocessors

log = logging.getLogger(__name__)


def make_template(course: Course, assignment: str, target: Path) -> None:
    """An empty gradebook at ``target`` holding only ``assignment``'s structure."""
    from nbgrader.api import Base, Gradebook
    from sqlalchemy import create_engine, text

    course_id = course.course_id
    with Gradebook(course.db_url, course_id) as real:
        version = real.db.execute(text("SELECT version_num FROM alembic_version")).scalar()
    # nbgrader's own schema, stamped with the course gradebook's version (a brand-new Gradebook
    # would ask alembic for it in a subprocess, which costs seconds)
    engine = create_engine(f"sqlite:///{target}", future=True)
    Base.metadata.create_all(bind=engine)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)"))
        connection.execute(text("INSERT INTO alembic_version (version_num) VALUES (:v)"), {"v": version})
    engine.dispose()
    with Gradebook(course.db_url, course_id) as real, Gradebook(f"sqlite:///{target}", course_id) as copy:
        source = real.find_assignment(assignment)
        copy.update_or_create_assignment(assignment, duedate=source.duedate, course_id=course_id)
        for notebook in source.notebooks:
            copy.update_or_create_notebook(notebook.name, assignment)
            for cell in notebook.grade_cells:
                copy.update_or_create_grade_cell(cell.name, notebook.name, assignment,
                                                 max_score=cell.max_score, cell_type=cell.cell_type)
            for cell in notebook.solution_cells:
                copy.update_or_create_solution_cell(cell.name, notebook.name, assignment)
            for cell in notebook.task_cells:
                copy.update_or_create_task_cell(cell.name, notebook.name, assignment,
                                                max_score=cell.max_score, cell_type=cell.cell_type)
            for cell in notebook.source_cells:
                copy.update_or_create_source_cell(cell.name, notebook.name, assignment, cell_type=cell.cell_type,
                                                  locked=cell.locked, source=cell.source, checksum=cell.checksum)


def structure(course: Course, assignment: str) -> dict[str, set]:
    """Notebook name -> grade ids of its master cells, from the course gradebook."""
    from nbgrader.api import Gradebook

    with Gradebook(course.db_url, course.course_id) as gb:
        return {nb.name: {c.name for c in nb.source_cells} for nb in gb.find_assignment(assignment).notebooks}


def record(course: Course, assignment: str, student: str, staging_root: Path, logger=None) -> None:
    """Record one learner from ``staging_root/<student>/<assignment>/`` (the executed notebooks,
    the timestamp and the other handed-in files) into the course gradebook and autograded/."""
    from nbgrader.converters import Autograde

    config = course.config.copy()
    config.Autograde.sanitize_preprocessors = []  # the worker sanitized and ran the notebook
    config.Autograde.autograde_preprocessors = record_preprocessors(course.config)
    config.BaseConverter.force = True
    coursedir = course.coursedir(assignment_id=assignment, student_id=student,
                                 submitted_directory=str(staging_root))
    converter = Autograde(coursedir=coursedir, config=config)
    if logger is not None:
        converter.log = logger
    converter.start()


def record_failure(course: Course, assignment: str, student: str, timestamp: str | None, *, gradable: bool) -> None:
    """Record a learner whose work could not be graded.

    ``gradable=False`` (nothing readable was handed in): every cell gets 0, like a missing
    notebook in nbgrader. ``gradable=True`` (the grading itself failed): the autograded scores are
    cleared and marked "needs manual grading", so the trainer looks at the work. Manual scores a
    trainer already gave are kept. A stale autograded/ folder is removed.
    """
    from nbgrader.api import Gradebook, MissingEntry

    coursedir = course.coursedir()
    create = course.config.Autograde.get("create_student", True)
    with Gradebook(coursedir.db_url, coursedir.course_id) as gb:
        try:
            gb.find_student(student)
        except MissingEntry:
            if not create:
                raise
            gb.update_or_create_student(student)
        kwargs = {"timestamp": timestamp} if timestamp else {}
        submission = gb.update_or_create_submission(assignment, student, **kwargs)
        for notebook in submission.notebooks:
            for grade in notebook.grades:
                if gradable:
                    grade.auto_score = None
                    grade.needs_manual_grade = True
                else:
                    grade.auto_score = 0
                    grade.needs_manual_grade = grade.manual_score is not None
            notebook.late_submission_penalty = None
        gb.db.commit()
    stale = Path(coursedir.format_path(coursedir.autograded_directory, student, assignment))
    if stale.exists():
        shutil.rmtree(stale, ignore_errors=True)


def read_timestamp(folder: Path) -> str | None:
    path = folder / "timestamp.txt"
    try:
        text = path.read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return text or None


def scores(db_url: str, course_id: str, assignment: str, student: str) -> dict:
    """Per notebook and cell: (auto score, needs manual grade), for comparing two gradebooks."""
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(db_url, course_id) as gb:
        try:
            submission = gb.find_submission(assignment, student)
        except MissingEntry:
            return {}
        return {nb.name: {g.name: (g.auto_score, bool(g.needs_manual_grade)) for g in nb.grades}
                for nb in submission.notebooks}


def remove_tree(path: Path) -> None:
    """Remove a work folder, even with nbgrader's read-only files in it."""
    def unlock(func, name, _):
        try:
            os.chmod(os.path.dirname(name), 0o700)
            os.chmod(name, 0o600)
            func(name)
        except OSError:
            pass

    shutil.rmtree(path, onerror=unlock)
