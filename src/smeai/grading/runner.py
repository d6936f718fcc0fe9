"""``smeai grade ASSIGNMENT``: autograde a whole class in parallel, with one gradebook writer.

The design, and why (measured on a 2-core machine, see docs/trainer-guide.md):

- nbgrader's gradebook is one SQLite file. Parallel ``nbgrader autograde`` processes writing to
  it work while every write is short, but a writer that keeps its lock for a few seconds makes
  the others fail with "database is locked" after SQLite's 5 s wait, and nbgrader then aborts
  its whole run. So workers never write to the course gradebook.
- Each learner is graded by a worker process (``--jobs``, default: one per core) that runs
  nbgrader's own ``Autograde`` converter in a private course root: a copy of the assignment,
  the learner's files as sorted out by :func:`smeai.grading.integrity.take_in`, and a private
  gradebook holding only the assignment's structure. The kernel runs in the sandbox of
  :mod:`smeai.grading.sandbox`, which hides the course root and every other work folder.
- The main process is the only writer: as each worker finishes, it records the result into the
  course gradebook by running nbgrader's ``Autograde`` converter again on the executed notebook,
  with only the gradebook-writing preprocessors (:mod:`smeai.grading.record`). So scores equal
  those of sequential ``nbgrader autograde`` with the same configuration, by construction, and
  the worker's private gradebook serves as a check.
- A submission that takes longer than its time budget is stopped (its worker and kernel are
  killed) and recorded as failed; the others go on.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import tempfile
import time
import warnings
from dataclasses import dataclass, field
from datetime import datetime, timezone
from multiprocessing.connection import wait
from pathlib import Path

from . import summary as summaries
from . import worker as workers
from .course import Course, CourseError, load_course
from .integrity import copy_for_grading, take_in
from .progressbar import Progress
from .record import (make_template, read_timestamp, record, record_failure, remove_tree, scores,
                     structure)


def default_jobs() -> int:
    """Two submissions per core: about half of each one's time is spent waiting (kernel start,
    files), so one per core leaves the cores idle. Measured on 2 cores with 20 learners: 1.88x
    faster than sequential nbgrader with 4 jobs, against 1.57x with 2."""
    return 2 * (os.cpu_count() or 1)


@dataclass
class Options:
    jobs: int = field(default_factory=default_jobs)
    students: list[str] | None = None
    budget: float | None = None       # seconds per submission; default 10 x the cell timeout, at least 300
    progress: bool = True
    workdir: str | None = None        # where the private course roots go (default: the system's temp folder)
    keep_workdir: bool = False


def configured(config, owner, trait: str) -> list:
    """A list setting of ``owner`` (an nbgrader class) as nbgrader will use it: the course's
    value, or the trait's real default. ``List`` traits have no ``default_value`` (it is
    ``traitlets.Undefined``); their default comes from ``.default()``. ``+=``/``.append`` in a
    config file gives a lazy value that is applied to that default. Names given as strings
    (``"nbgrader.preprocessors.Execute"``) are imported, as nbconvert does."""
    from traitlets.config import LazyConfigValue
    from traitlets.utils.importstring import import_item

    default = list(getattr(owner, trait).default())
    value = config[owner.__name__].get(trait) if owner.__name__ in config else None
    if value is None:
        value = default
    elif isinstance(value, LazyConfigValue):
        value = value.get_value(default)
    return [import_item(v) if isinstance(v, str) else v for v in value]


def ensure_preprocessors(config) -> list[str]:
    """Make sure the course configuration uses smeai's preprocessors (sandbox, cell restore,
    scan, review flag); returns what had to be added. The course's own choices are kept."""
    from nbgrader.converters import Autograde
    from nbgrader.preprocessors import Execute, OverwriteCells, SaveAutoGrades

    from .preprocessors import FlagForReview, RestoreCells, SandboxedExecute, ScanLearnerCode

    added = []
    sanitize = configured(config, Autograde, "sanitize_preprocessors")
    autograde = configured(config, Autograde, "autograde_preprocessors")
    for new, anchor in ((RestoreCells, OverwriteCells), (ScanLearnerCode, OverwriteCells)):
        if new not in sanitize:
            sanitize.insert(sanitize.index(anchor) if anchor in sanitize else len(sanitize), new)
            added.append(new.__name__)
    if SandboxedExecute not in autograde:
        autograde = [SandboxedExecute if p is Execute else p for p in autograde]
        if SandboxedExecute not in autograde:
            autograde.insert(0, SandboxedExecute)
        added.append("SandboxedExecute")
    if FlagForReview not in autograde:
        autograde.insert(autograde.index(SaveAutoGrades) + 1 if SaveAutoGrades in autograde else len(autograde), FlagForReview)
        added.append("FlagForReview")
    config.Autograde.sanitize_preprocessors = sanitize
    config.Autograde.autograde_preprocessors = autograde
    return added


LIMIT_NAMES = ("memory_mb", "cpu_seconds", "file_mb", "processes", "workdir_mb", "max_output_kb", "isolate")


def _limits(config, budget: float | None) -> dict:
    """The sandbox limits as ``SandboxedExecute`` will apply them: read from an instance made with
    the course's config, so that trait defaults, ``Execute.timeout`` and subclass settings count."""
    from .execute import SandboxedExecute

    execute = SandboxedExecute(config=config)
    limits = {name: getattr(execute, name) for name in LIMIT_NAMES}
    timeout = execute.timeout
    limits["cell_timeout"] = timeout
    limits["submission_budget"] = float(budget or max(300, 10 * (timeout or 30)))
    return limits


def _probe(course: Course, limits: dict, hide: list[str]) -> dict:
    from .sandbox import Policy, probe

    policy = Policy(memory_mb=limits["memory_mb"], cpu_seconds=limits["cpu_seconds"], file_mb=limits["file_mb"],
                    processes=limits["processes"], isolate=limits["isolate"], hide=tuple(hide))
    db = course.db_url
    secrets = [db[len("sqlite:///"):]] if db.startswith("sqlite:///") else []
    return probe(policy, secret_files=secrets)


class _Slot:
    """One worker process and the job it is doing."""

    def __init__(self, context, config):
        parent, child = context.Pipe()
        self.connection = parent
        self.process = context.Process(target=workers.loop, args=(child, config), daemon=True)
        self.process.start()
        child.close()
        self.job, self.deadline = None, None

    def give(self, job: dict, budget: float) -> None:
        self.job, self.deadline = job, time.monotonic() + budget
        self.connection.send(job)

    def kill(self) -> None:
        try:
            self.process.kill()
        except OSError:
            pass
        self.process.join(5)
        self.connection.close()

    def stop(self) -> None:
        try:
            self.connection.send(None)
        except OSError:
            pass
        self.process.join(10)
        if self.process.is_alive():
            self.kill()


def grade(root, assignment: str, options: Options | None = None) -> dict:
    """Grade every submission of ``assignment`` in the course at ``root``; returns the summary
    (also written to ``<root>/smeai-grading/<assignment>.json`` and ``.csv``)."""
    from nbgrader.api import Gradebook, MissingEntry

    options = options or Options()
    with warnings.catch_warnings():
        # nbgrader's gradebook makes SQLAlchemy warn about its own session use; not for the trainer
        warnings.filterwarnings("ignore", message=".*not in session.*")
        return _grade(root, assignment, options)


def _grade(root, assignment: str, options: Options) -> dict:
    from nbgrader.api import Gradebook, MissingEntry

    started_at = datetime.now(timezone.utc)
    started = time.perf_counter()
    course = load_course(root)
    with Gradebook(course.db_url, course.course_id) as gb:
        try:
            gb.find_assignment(assignment)
        except MissingEntry:
            raise CourseError(f"assignment {assignment!r} is not in the gradebook: run "
                              f"'nbgrader generate_assignment {assignment}' in {course.root} first") from None
    added = ensure_preprocessors(course.config)
    students = course.submitted_students(assignment)
    if options.students:
        missing = sorted(set(options.students) - set(students))
        if missing:
            raise CourseError(f"no submission of {assignment} for: {', '.join(missing)}")
        students = [s for s in students if s in options.students]
    expected = structure(course, assignment)
    allowed = course.source_files(assignment) | set(course.config.Autograde.get("exclude_overwriting", {}).get(assignment, []))
    limits = _limits(course.config, options.budget)
    work = Path(tempfile.mkdtemp(prefix="smeai-grade-", dir=options.workdir))
    hide = [str(course.root), str(work)]
    coursedir = course.coursedir()
    try:
        protections = _probe(course, limits, hide)
        template = work / "template.db"
        make_template(course, assignment, template)
        source = Path(coursedir.format_path(coursedir.source_directory, ".", assignment))
        jobs, records, intakes = [], {}, {}
        for student in students:
            folder = Path(coursedir.format_path(coursedir.submitted_directory, student, assignment))
            intake = take_in(folder, student, expected, allowed)
            intakes[student] = intake
            if intake.failed:
                continue
            private = work / "roots" / _safe(student)
            shutil.copytree(source, private / "source" / assignment, symlinks=False,
                            ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
            copy_for_grading(intake, folder, private / "submitted" / student / assignment)
            shutil.copyfile(template, private / "gradebook.db")
            jobs.append({"student": student, "assignment": assignment, "root": str(private), "hide": hide})
        progress = Progress(len(students), f"grading {assignment}", enabled=options.progress)
        for student, intake in intakes.items():  # nothing to run: record at once
            if intake.failed:
                records[student] = _record_failure(course, assignment, student, folder_of(coursedir, student, assignment), intake, gradable=False)
                progress.finished_one(student, summaries.status_text(records[student]))
        _run(course, assignment, jobs, intakes, records, limits, options, work, progress)
        progress.close()
    finally:
        if not options.keep_workdir:
            remove_tree(work)
    ordered = [records[s] for s in students]
    if options.students:  # a regrade of some learners: the others keep their line in the summary
        ordered = summaries.merge(summaries.read(course.root, assignment), ordered,
                                  course.submitted_students(assignment))
    result = {
        "assignment": assignment,
        "course_root": str(course.root),
        "started": started_at.isoformat(timespec="seconds"),
        "seconds": round(time.perf_counter() - started, 2),
        "jobs": options.jobs,
        "counts": {status: sum(1 for r in ordered if r["status"] == status)
                   for status in (summaries.GRADED, summaries.MANUAL, summaries.FAILED)},
        "late": sum(1 for r in ordered if r.get("late")),
        "limits": limits,
        "bound": (f"each submission is stopped after {limits['submission_budget']:g} s (cells after "
                  f"{limits['cell_timeout']} s each); the whole run takes at most about "
                  f"ceil({len(students)} / {options.jobs}) x {limits['submission_budget']:g} s"),
        "protections": protections,
        "preprocessors_added": added,
        "students": ordered,
    }
    json_path, csv_path = summaries.write(course.root, assignment, result)
    result["files"] = [str(json_path), str(csv_path)]
    return result


def _preload() -> None:
    """Import what every worker needs before the workers are forked, so they share it."""
    import nbclient  # noqa: F401
    import nbgrader.converters  # noqa: F401
    from IPython.core.inputtransformer2 import TransformerManager  # noqa: F401 (the code scan)
    from jupyter_client import AsyncKernelManager  # noqa: F401

    from . import preprocessors  # noqa: F401
    from .sandbox import kernel_manager_class, python_paths

    kernel_manager_class()
    python_paths()


def folder_of(coursedir, student: str, assignment: str) -> Path:
    return Path(coursedir.format_path(coursedir.submitted_directory, student, assignment))


def _safe(name: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in name) or "_"


def _run(course, assignment, jobs, intakes, records, limits, options, work, progress) -> None:
    if not jobs:
        return
    workers.set_config(course.config)
    saved = os.environ.get("SMEAI_KERNEL_RUNTIME")
    os.environ["SMEAI_KERNEL_RUNTIME"] = str(work / "kernels")  # removed with the work folder
    try:
        _run_workers(course, assignment, jobs, intakes, records, limits, options, work, progress)
    finally:
        if saved is None:
            os.environ.pop("SMEAI_KERNEL_RUNTIME", None)
        else:
            os.environ["SMEAI_KERNEL_RUNTIME"] = saved


def _run_workers(course, assignment, jobs, intakes, records, limits, options, work, progress) -> None:
    _preload()
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    slots = [_Slot(context, course.config) for _ in range(max(1, min(options.jobs, len(jobs))))]
    queue = list(jobs)
    budget = limits["submission_budget"]
    try:
        while queue or any(s.job for s in slots):
            for slot in slots:
                if slot.job is None and queue:
                    slot.give(queue.pop(0), budget)
                    progress.started_one()
            busy = [s for s in slots if s.job]
            ready = wait([s.connection for s in busy], timeout=0.5)
            for slot in busy:
                job = slot.job
                if slot.connection in ready:
                    try:
                        result = slot.connection.recv()
                    except (EOFError, OSError):  # the worker itself died
                        result = {"ok": False, "why": "the grading process ended unexpectedly", "log": "", "seconds": 0}
                        slots[slots.index(slot)] = _Slot(context, course.config)
                        slot.kill()
                    slot.job = None
                elif time.monotonic() > slot.deadline:
                    slots[slots.index(slot)] = _Slot(context, course.config)
                    slot.kill()  # its kernel dies with it (parent-death signal, PID namespace)
                    slot.job = None
                    result = {"ok": False, "why": f"grading took longer than {budget:g} s and was stopped",
                              "log": "", "seconds": budget, "timeout": True}
                else:
                    continue
                records[job["student"]] = _finish(course, assignment, job, result, intakes[job["student"]], work)
                progress.finished_one(job["student"], summaries.status_text(records[job["student"]]))
    finally:
        for slot in slots:
            slot.stop()


def _finish(course: Course, assignment: str, job: dict, result: dict, intake, work: Path) -> dict:
    """Record one finished job in the course gradebook (the only writer) and describe it."""
    student = job["student"]
    private = Path(job["root"])
    folder = folder_of(course.coursedir(), student, assignment)
    if not result.get("ok"):
        rec = _record_failure(course, assignment, student, folder, intake, gradable=True, why=result.get("why", ""))
        rec["seconds"] = round(result.get("seconds", 0), 2)
        if result.get("timeout"):
            rec["events"].append({"kind": "grading_timeout", "seconds": result.get("seconds")})
            rec["notes"].append(summaries.note(rec["events"][-1]))
        rec["log"] = result.get("log", "")[-4000:]
        return rec
    # the staging folder: what nbgrader sees as the submission (files + executed notebooks)
    staging = work / "staging" / _safe(student)
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
        rec = _record_failure_safely(course, assignment, student, folder, intake, f"recording failed: {problem}")
        return rec
    private_scores = scores(f"sqlite:///{private / 'gradebook.db'}", course.course_id, assignment, student)
    rec = _describe(course, assignment, student, events)
    recorded = scores(course.db_url, course.course_id, assignment, student)
    rec["consistent"] = _same_autograde(private_scores, recorded, intake)
    if not rec["consistent"]:
        rec["events"].append({"kind": "record_mismatch", "detail": f"worker {private_scores} vs course {recorded}"})
        rec["notes"].append(summaries.note(rec["events"][-1]))
    rec["seconds"] = round(result.get("seconds", 0), 2)
    return rec


def _same_autograde(private: dict, recorded: dict, intake) -> bool:
    for name in intake.notebooks:
        if private.get(name) != recorded.get(name):
            return False
    return True


def _notebook_events(path: Path) -> list[dict]:
    import nbformat

    try:
        nb = nbformat.read(path, as_version=4)
    except Exception:  # noqa: BLE001
        return []
    return [dict(e, notebook=path.name) for e in nb.metadata.get("smeai", {}).get("events", [])]


def _record_failure(course, assignment, student, folder, intake, *, gradable: bool, why: str = "") -> dict:
    try:
        record_failure(course, assignment, student, read_timestamp(folder), gradable=gradable)
    except Exception as problem:  # noqa: BLE001
        why = f"{why}; could not be recorded: {problem}" if why else f"could not be recorded: {problem}"
    rec = _describe(course, assignment, student, list(intake.events))
    rec["status"] = summaries.FAILED
    rec["why"] = why or intake.failed
    return rec


def _record_failure_safely(course, assignment, student, folder, intake, why: str) -> dict:
    return _record_failure(course, assignment, student, folder, intake, gradable=True, why=why)


def _describe(course: Course, assignment: str, student: str, events: list[dict]) -> dict:
    """A learner's line in the summary, read back from the course gradebook."""
    from nbgrader.api import Gradebook, MissingEntry

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
