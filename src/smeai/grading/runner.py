"""``smeai grade ASSIGNMENT``: autograde a whole class in parallel, with one gradebook writer.

Grading is five named steps, each a module with a typed input and output:

1. intake (:mod:`.intake`): a learner's folder -> :class:`~smeai.grading.intake.Intake`;
2. preparation (:mod:`.prepare`): course + assignment -> :class:`~smeai.grading.prepare.Preparation`
   (the jobs, the limits, the private course roots);
3. execution (:mod:`.pool`, :mod:`.worker`): each :class:`~smeai.grading.worker.Job` ->
   :class:`~smeai.grading.worker.Outcome`, in worker processes;
4. recording (:mod:`.recording`, :mod:`.gradebook`): each outcome -> the course gradebook and
   the learner's line of the summary;
5. summary (:mod:`.summary`): the lines -> ``smeai-grading/<assignment>.json`` and ``.csv``.

The design, and why (measured on a 2-core machine, see docs/trainer-guide.md):

- nbgrader's gradebook is one SQLite file. Parallel ``nbgrader autograde`` processes writing to
  it work while every write is short, but a writer that keeps its lock for a few seconds makes
  the others fail with "database is locked" after SQLite's 5 s wait, and nbgrader then aborts
  its whole run. So workers never write to the course gradebook.
- Each learner is graded by a worker process (``--jobs``) that runs nbgrader's own ``Autograde``
  converter in a private course root. The kernel runs in the sandbox of :mod:`.sandbox`, which
  hides the course root and every other work folder.
- The main process is the only writer: as each worker finishes, it records the result into the
  course gradebook by running nbgrader's ``Autograde`` converter again on the executed notebook,
  with only the gradebook-writing preprocessors. So scores equal those of sequential
  ``nbgrader autograde`` with the same configuration, by construction, and the worker's private
  gradebook serves as a check.
- A submission that takes longer than its time budget is stopped (its worker and kernel are
  killed) and recorded as failed; the others go on.
"""

from __future__ import annotations

import os
import sys
import time
import warnings
from dataclasses import dataclass, field
from datetime import datetime, timezone

from . import summary as summaries
from .course import load_course
from .pool import execute
from .prepare import prepare
from .progressbar import Progress
from .recording import record_failed, record_outcome


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


def grade(root, assignment: str, options: Options | None = None) -> dict:
    """Grade every submission of ``assignment`` in the course at ``root``; returns the summary
    (also written to ``<root>/smeai-grading/<assignment>.json`` and ``.csv``)."""
    options = options or Options()
    with warnings.catch_warnings():
        # nbgrader's gradebook makes SQLAlchemy warn about its own session use; not for the trainer
        warnings.filterwarnings("ignore", message=".*not in session.*")
        return _grade(root, assignment, options)


def _grade(root, assignment: str, options: Options) -> dict:
    started_at = datetime.now(timezone.utc)
    started = time.perf_counter()
    course = load_course(root)
    # nbgrader's commands run in the course root, so a course's own plugin (a late-penalty class
    # in late_plugin.py there) imports; the same must hold with --root from elsewhere
    sys.path.insert(0, str(course.root))
    try:
        return _grade_course(course, assignment, options, started_at, started)
    finally:
        sys.path.remove(str(course.root))


def _grade_course(course, assignment: str, options: Options, started_at, started: float) -> dict:
    preparation = prepare(course, assignment, students=options.students, budget=options.budget,
                          workdir=options.workdir)
    lines = {}
    try:
        progress = Progress(len(preparation.students), f"grading {assignment}", enabled=options.progress)
        for student, intake in preparation.intakes.items():  # nothing to run: record at once
            if intake.failed:
                lines[student] = record_failed(course, assignment, student, course.submission_folder(student, assignment),
                                               intake, gradable=False)
                progress.finished_one(student, summaries.status_text(lines[student]))

        def done(job, outcome):
            lines[job.student] = record_outcome(course, assignment, job, outcome, preparation.intakes[job.student],
                                                preparation.work)
            progress.finished_one(job.student, summaries.status_text(lines[job.student]))

        execute(preparation.jobs, course.config, jobs_at_once=options.jobs,
                budget=preparation.limits["submission_budget"], work=preparation.work,
                on_start=lambda job: progress.started_one(), on_done=done)
        progress.close()
    finally:
        if not options.keep_workdir:
            preparation.cleanup()
    return summaries.summarize(preparation, [lines[s] for s in preparation.students], options=options,
                               started_at=started_at, seconds=time.perf_counter() - started)
