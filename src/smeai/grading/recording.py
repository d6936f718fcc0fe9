"""The recording step of ``smeai grade``: one writer puts each learner's result into the course
gradebook, through nbgrader's own converter (:mod:`smeai.grading.gradebook`), and reads back
the learner's line of the summary (status, score, late, what waits for the trainer, notes).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook, MissingEntry

from . import summary as summaries
from .course import Course, safe_name
from .gradebook import read_timestamp, record, record_failure, scores
from .intake import Intake
from .markers import events as notebook_events
from .worker import Job, Outcome


def record_outcome(course: Course, assignment: str, job: Job, result: Outcome, intake: Intake, work: Path) -> dict:
    """Record one finished job in the course gradebook (the only writer) and return the
    learner's line of the summary."""
    student = job.student
    private = Path(job.root)
    folder = course.submission_folder(student, assignment)
    if not result.ok:
        rec = record_failed(course, assignment, student, folder, intake, gradable=True, why=result.why)
        rec["seconds"] = round(result.seconds, 2)
        if result.timeout:
            rec["events"].append({"kind": "grading_timeout", "seconds": result.seconds})
            rec["notes"].append(summaries.note(rec["events"][-1]))
        rec["log"] = result.log[-4000:]
        return rec
    # the staging folder: what nbgrader sees as the submission (files + executed notebooks)
    staging = work / "staging" / safe_name(student)
    target = staging / student / assignment
    target.mkdir(parents=True, exist_ok=True)
    for rel in intake.files:
        dest = target / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(folder / rel, dest)
    graded = private / "autograded" / student / assignment
    # files the notebooks wrote while they ran (SandboxedExecute brought them back): nbgrader
    # keeps them in autograded/, and so does the record step when they are in the staging folder
    for path in sorted(graded.rglob("*")) if graded.is_dir() else []:
        rel = path.relative_to(graded)
        if path.is_file() and not path.is_symlink() and path.suffix != ".ipynb" and not (target / rel).exists():
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target / rel)
    events = list(intake.events)
    for name in intake.notebooks:
        path = graded / f"{name}.ipynb"
        if path.exists():
            shutil.copyfile(path, target / f"{name}.ipynb")
            events.extend(_notebook_events(path))
    try:
        record(course, assignment, student, staging)
    except Exception as problem:  # noqa: BLE001 - e.g. not in the roster with create_student off
        return record_failed(course, assignment, student, folder, intake, gradable=True,
                             why=f"recording failed: {problem}")
    private_scores = scores(f"sqlite:///{private / 'gradebook.db'}", course.course_id, assignment, student)
    rec = _describe(course, assignment, student, events)
    recorded = scores(course.db_url, course.course_id, assignment, student)
    rec["consistent"] = _same_autograde(private_scores, recorded, intake)
    if not rec["consistent"]:
        rec["events"].append({"kind": "record_mismatch", "detail": f"worker {private_scores} vs course {recorded}"})
        rec["notes"].append(summaries.note(rec["events"][-1]))
    rec["seconds"] = round(result.seconds, 2)
    return rec


def _same_autograde(private: dict, recorded: dict, intake) -> bool:
    for name in intake.notebooks:
        if private.get(name) != recorded.get(name):
            return False
    return True


def _notebook_events(path: Path) -> list[dict]:
    try:
        nb = nbformat.read(path, as_version=4)
    except Exception:  # noqa: BLE001
        return []
    return [dict(e, notebook=path.name) for e in notebook_events(nb)]


def record_failed(course, assignment, student, folder, intake, *, gradable: bool, why: str = "") -> dict:
    """Record a learner whose work could not be graded, and return their line."""
    try:
        record_failure(course, assignment, student, read_timestamp(folder), gradable=gradable)
    except Exception as problem:  # noqa: BLE001
        why = f"{why}; could not be recorded: {problem}" if why else f"could not be recorded: {problem}"
    rec = _describe(course, assignment, student, list(intake.events))
    rec["status"] = summaries.FAILED
    rec["why"] = why or intake.failed
    return rec


def _describe(course: Course, assignment: str, student: str, events: list[dict]) -> dict:
    """A learner's line in the summary, read back from the course gradebook."""
    rec = {"student": student, "status": summaries.GRADED, "score": None, "max_score": None, "late": False,
           "seconds_late": 0.0, "manual": [], "events": events, "why": ""}
    with Gradebook(course.db_url, course.course_id) as gb:
        try:
            submission = gb.find_submission(assignment, student)
        except MissingEntry:
            rec["status"] = summaries.FAILED
        else:
            rec["score"], rec["max_score"] = float(submission.score), float(submission.max_score)
            rec["late_penalty"] = float(submission.late_submission_penalty or 0)
            rec["seconds_late"] = float(submission.total_seconds_late or 0)
            rec["late"] = rec["seconds_late"] > 0
            rec["manual"] = [g.name for nb in submission.notebooks for g in nb.grades if g.needs_manual_grade]
            if rec["manual"]:
                rec["status"] = summaries.MANUAL
    rec["notes"] = [summaries.note(e) for e in events]
    return rec
