"""A grading worker: runs nbgrader's ``Autograde`` converter for one learner at a time, in a
private course root (its own copy of the assignment, the learner's files and a private
gradebook). The course gradebook is never opened here.

Workers are long-lived processes (``nbgrader`` is imported once); the main process sends a job,
waits for the answer, and kills the worker (and with it the kernel) when a submission takes
longer than its time budget.
"""

from __future__ import annotations

import io
import logging
import os
import time
import traceback
from dataclasses import dataclass, field

_CONFIG = None  # the course's nbgrader config, set by the main process before it starts workers


@dataclass(frozen=True)
class Job:
    """One learner to grade, in a private course root (the execution step's input)."""

    student: str
    assignment: str
    root: str                       # the private course root
    hide: tuple = ()                # folders the kernel must not see


@dataclass
class Outcome:
    """What running one job gave (the execution step's output, the recording step's input)."""

    ok: bool
    why: str = ""                   # why it failed, in a line, when not ok
    log: str = ""                   # nbgrader's log of the run (the end of it)
    seconds: float = 0.0
    timeout: bool = False           # stopped because it took longer than its time budget
    student: str = field(default="", compare=False)


def set_config(config) -> None:
    global _CONFIG
    _CONFIG = config


def run_job(job: Job) -> Outcome:
    """Autograde ``job.student`` in ``job.root``; returns what happened."""
    from nbgrader.converters import Autograde
    from nbgrader.coursedir import CourseDirectory

    started = time.perf_counter()
    config = _CONFIG.copy()
    root = job.root
    config.CourseDirectory.root = root
    config.CourseDirectory.db_url = f"sqlite:///{os.path.join(root, 'gradebook.db')}"
    for key in ("submitted_directory", "autograded_directory", "source_directory", "release_directory",
                "feedback_directory", "solution_directory"):
        config.CourseDirectory.pop(key, None)  # the private root uses nbgrader's standard layout
    config.Autograde.create_student = True
    config.BaseConverter.force = True
    config.SandboxedExecute.hide_paths = list(config.SandboxedExecute.get("hide_paths", [])) + list(job.hide)
    coursedir = CourseDirectory(config=config)
    coursedir.root = root
    coursedir.assignment_id = job.assignment
    coursedir.student_id = job.student
    buffer = io.StringIO()
    logger = logging.getLogger(f"smeai.grading.worker.{os.getpid()}")
    logger.handlers[:] = [logging.StreamHandler(buffer)]
    logger.handlers[0].setFormatter(logging.Formatter("[%(levelname)s] %(message)s"))
    logger.setLevel(logging.INFO)
    logger.propagate = False
    converter = Autograde(coursedir=coursedir, config=config)
    converter.log = logger
    ok, why = True, ""
    try:
        converter.start()
    except Exception as problem:  # noqa: BLE001 - nbgrader raises NbGraderException after logging
        ok, why = False, _reason(buffer.getvalue()) or f"{type(problem).__name__}: {problem}"
    except BaseException:  # noqa: B036 - e.g. SystemExit from deep inside; never kill the worker loop
        ok, why = False, traceback.format_exc(limit=3)
    return Outcome(ok, why, buffer.getvalue()[-20000:], time.perf_counter() - started, student=job.student)


def _reason(log: str) -> str:
    """The exception line that ends the first traceback in nbgrader's log: what went wrong."""
    lines = log.splitlines()
    for index, line in enumerate(lines):
        if "Traceback (most recent call last)" in line:
            block = []
            for follow in lines[index + 1:]:
                if follow.startswith("["):
                    break
                if follow.strip():
                    block.append(follow.strip())
            if block:
                return block[-1][:300]
    errors = [l for l in lines if l.startswith("[ERROR]")]
    return errors[0][len("[ERROR] "):][:300] if errors else ""


def loop(connection, config=None) -> None:
    """The worker process: run jobs until told to stop (``None``)."""
    import signal

    if config is not None:
        set_config(config)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is handled by the main process
    while True:
        try:
            job = connection.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        try:
            result = run_job(job)
        except BaseException:  # noqa: B036
            result = Outcome(False, traceback.format_exc(limit=3), student=job.student)
        connection.send(result)
