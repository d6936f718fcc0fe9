"""The preparation step of ``smeai grade``: from a course root and an assignment to the jobs.

It checks the assignment, gives the course's chains smeai's steps (:mod:`smeai.grading.pipeline`),
reads the limits as ``SandboxedExecute`` will apply them, probes what the sandbox can enforce on
this machine, takes in every learner's folder (:mod:`smeai.grading.intake`) and writes one
private course root per learner that can be graded: a copy of the assignment's source, the
learner's files and a private gradebook holding only the assignment's structure.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .course import Course, CourseError, safe_name
from .execute import SandboxedExecute
from .gradebook import make_template, remove_tree, structure
from .intake import Intake, copy_for_grading, take_in
from .pipeline import ensure_preprocessors
from .sandbox import Policy
from .sandbox_probe import probe
from .worker import Job

LIMIT_NAMES = ("memory_mb", "cpu_seconds", "file_mb", "processes", "workdir_mb", "max_output_kb", "isolate")


@dataclass
class Preparation:
    """Everything the execution and recording steps need (the preparation step's output)."""

    course: Course
    assignment: str
    students: list[str]                         # whose work is graded in this run, in order
    intakes: dict[str, Intake]
    jobs: list[Job]                             # the learners whose work can run
    limits: dict
    protections: dict
    added: list[str]                            # smeai's steps the course's config lacked
    work: Path                                  # private roots; removed at the end
    hidden: list[str] = field(default_factory=list)

    def cleanup(self) -> None:
        remove_tree(self.work)


def limits(config, budget: float | None) -> dict:
    """The sandbox limits as ``SandboxedExecute`` will apply them: read from an instance made with
    the course's config, so that trait defaults, ``Execute.timeout`` and subclass settings count."""
    execute = SandboxedExecute(config=config)
    found = {name: getattr(execute, name) for name in LIMIT_NAMES}
    timeout = execute.timeout
    found["cell_timeout"] = timeout
    found["submission_budget"] = float(budget or max(300, 10 * (timeout or 30)))
    return found


def _probe(course: Course, found: dict, hide: list[str]) -> dict:
    policy = Policy(memory_mb=found["memory_mb"], cpu_seconds=found["cpu_seconds"], file_mb=found["file_mb"],
                    processes=found["processes"], isolate=found["isolate"], hide=tuple(hide))
    db = course.db_url
    secrets = [db[len("sqlite:///"):]] if db.startswith("sqlite:///") else []
    return probe(policy, secret_files=secrets)


def prepare(course: Course, assignment: str, *, students: list[str] | None = None, budget: float | None = None,
            workdir: str | None = None) -> Preparation:
    course.require_assignment(assignment)
    added = ensure_preprocessors(course.config)
    everyone = course.submitted_students(assignment)
    chosen = everyone
    if students:
        missing = sorted(set(students) - set(everyone))
        if missing:
            raise CourseError(f"no submission of {assignment} for: {', '.join(missing)}")
        chosen = [s for s in everyone if s in students]
    expected = structure(course, assignment)
    allowed = course.source_files(assignment) | set(course.config.Autograde.get("exclude_overwriting", {}).get(assignment, []))
    found = limits(course.config, budget)
    work = Path(tempfile.mkdtemp(prefix="smeai-grade-", dir=workdir))
    hide = [str(course.root), str(work)]
    preparation = Preparation(course, assignment, chosen, {}, [], found, {}, added, work, hide)
    try:
        preparation.protections = _probe(course, found, hide)
        template = work / "template.db"
        make_template(course, assignment, template)
        coursedir = course.coursedir()
        source = Path(coursedir.format_path(coursedir.source_directory, ".", assignment))
        for student in chosen:
            folder = course.submission_folder(student, assignment)
            intake = take_in(folder, student, expected, allowed)
            preparation.intakes[student] = intake
            if intake.failed:
                continue
            private = work / "roots" / safe_name(student)
            shutil.copytree(source, private / "source" / assignment, symlinks=False,
                            ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
            copy_for_grading(intake, folder, private / "submitted" / student / assignment)
            shutil.copyfile(template, private / "gradebook.db")
            preparation.jobs.append(Job(student, assignment, str(private), tuple(hide)))
    except BaseException:
        preparation.cleanup()
        raise
    return preparation
