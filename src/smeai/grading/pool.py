"""The execution step of ``smeai grade``: worker processes that each grade one learner at a time.

Workers are forked once (nbgrader and the kernel machinery imported before the fork, shared), get
a :class:`~smeai.grading.worker.Job` each and answer with an
:class:`~smeai.grading.worker.Outcome`. A worker whose job takes longer than the time budget is
killed (its kernel dies with it: parent-death signal, PID namespace) and replaced; a worker that
dies is replaced too. ``on_done`` is called in the main process for every finished job, in the
order they finish: that is where the only writer records it.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from multiprocessing.connection import wait
from pathlib import Path
from typing import Callable

from . import worker as workers
from .worker import Job, Outcome


class _Slot:
    """One worker process and the job it is doing."""

    def __init__(self, context, config):
        parent, child = context.Pipe()
        self.connection = parent
        self.process = context.Process(target=workers.loop, args=(child, config), daemon=True)
        self.process.start()
        child.close()
        self.job, self.deadline = None, None

    def give(self, job: Job, budget: float) -> None:
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


def execute(jobs: list[Job], config, *, jobs_at_once: int, budget: float, work: Path,
            on_start: Callable[[Job], None], on_done: Callable[[Job, Outcome], None]) -> None:
    """Run ``jobs`` with at most ``jobs_at_once`` workers, each job within ``budget`` seconds."""
    if not jobs:
        return
    workers.set_config(config)
    saved = os.environ.get("SMEAI_KERNEL_RUNTIME")
    os.environ["SMEAI_KERNEL_RUNTIME"] = str(work / "kernels")  # removed with the work folder
    try:
        _run(jobs, config, jobs_at_once, budget, on_start, on_done)
    finally:
        if saved is None:
            os.environ.pop("SMEAI_KERNEL_RUNTIME", None)
        else:
            os.environ["SMEAI_KERNEL_RUNTIME"] = saved


def _run(jobs, config, jobs_at_once, budget, on_start, on_done) -> None:
    _preload()
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    slots = [_Slot(context, config) for _ in range(max(1, min(jobs_at_once, len(jobs))))]
    queue = list(jobs)
    try:
        while queue or any(s.job for s in slots):
            for slot in slots:
                if slot.job is None and queue:
                    slot.give(queue.pop(0), budget)
                    on_start(slot.job)
            busy = [s for s in slots if s.job]
            ready = wait([s.connection for s in busy], timeout=0.5)
            for slot in busy:
                job = slot.job
                if slot.connection in ready:
                    try:
                        outcome = slot.connection.recv()
                    except (EOFError, OSError):  # the worker itself died
                        outcome = Outcome(False, "the grading process ended unexpectedly", student=job.student)
                        slots[slots.index(slot)] = _Slot(context, config)
                        slot.kill()
                    slot.job = None
                elif time.monotonic() > slot.deadline:
                    slots[slots.index(slot)] = _Slot(context, config)
                    slot.kill()  # its kernel dies with it (parent-death signal, PID namespace)
                    slot.job = None
                    outcome = Outcome(False, f"grading took longer than {budget:g} s and was stopped",
                                      seconds=budget, timeout=True, student=job.student)
                else:
                    continue
                on_done(job, outcome)
    finally:
        for slot in slots:
            slot.stop()
