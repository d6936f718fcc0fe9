"""``SandboxedExecute``: nbgrader's ``Execute`` preprocessor, made safe for a class.

It is configured in the course's ``nbgrader_config.py`` in place of ``Execute``, so plain
``nbgrader autograde`` and ``smeai grade`` run notebooks the same way. Compared with nbgrader's
own ``Execute`` it

- starts the kernel in the operating-system box of :mod:`smeai.grading.sandbox` (memory, CPU,
  file size and process limits; no network; the course folder, other learners and the gradebook
  out of sight);
- starts the kernel as :mod:`smeai.grading.kernel`: ipykernel with :mod:`smeai.grading.guard`,
  which puts back redefined checks before every cell; the guard's reports are moved out of the
  cells into ``metadata.smeai.events``;
- caps the output of each cell while it arrives (``max_output_kb``), so a notebook that prints
  gigabytes cannot fill the grader's memory or the gradebook's disk; what is cut is marked, and
  output on stderr stays visible to the grading (so it still costs points, as in nbgrader);
- when the kernel dies (``os._exit``, a kill, the CPU limit), it does not fail the whole
  submission as nbgrader does: the cell gets an error saying so, in the learner's language,
  the cells after it are marked as not run, and everything before it keeps its result;
- writes the timeout message in the learner's language.
"""

from __future__ import annotations

import ast
import asyncio
import base64
import glob
import json
import os

from time import monotonic

from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbformat.v4 import new_output
from nbgrader.preprocessors import Execute
from traitlets import Bool, Integer, List, Unicode

from . import sandbox
from .guard import EXIT_MEMORY
from .guard import MIME as GUARD_MIME
from .markers import add_event, exercise_modules
from .texts import notebook_language, t

BRING_BACK_MB = 16
WALL_CEILING = 10  # x the cell timeout: a cell is stopped after this much wall time anyway
# runs in the learner's kernel after the last cell (silently, not in the history)
BRING_BACK_CODE = f"""
def __smeai_list():
    import base64 as b, os as o
    found, left = {{}}, {BRING_BACK_MB} * 1024 * 1024
    for top, dirs, names in o.walk("."):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d != "__pycache__"]
        for name in names:
            path = o.path.join(top, name)
            if o.path.islink(path) or not o.path.isfile(path) or name.endswith(".ipynb"):
                continue
            size = o.path.getsize(path)
            if size > left:
                continue
            left -= size
            with open(path, "rb") as fh:
                found[o.path.relpath(path, ".")] = b.b64encode(fh.read()).decode("ascii")
    return found
__smeai_files__ = __smeai_list()
"""


def cell_name(cell, index: int) -> str:
    return cell.get("metadata", {}).get("nbgrader", {}).get("grade_id") or f"cell {index + 1}"


class SandboxedExecute(Execute):
    """nbgrader's ``Execute`` in a sandbox, with an output cap and a guard (see module docs)."""

    # the defaults of the box are sandbox.Policy's, said there once
    memory_mb = Integer(sandbox.Policy.memory_mb, help="Address-space limit of the kernel (RLIMIT_AS), in MB.").tag(config=True)
    cpu_seconds = Integer(sandbox.Policy.cpu_seconds, help="CPU-time limit of the kernel (RLIMIT_CPU), in seconds.").tag(config=True)
    file_mb = Integer(sandbox.Policy.file_mb, help="Largest file the kernel may write (RLIMIT_FSIZE), in MB.").tag(config=True)
    processes = Integer(sandbox.Policy.processes, help="Processes and threads of the kernel's user (RLIMIT_NPROC).").tag(config=True)
    workdir_mb = Integer(sandbox.Policy.workdir_mb, help="Size of the kernel's own folder (a tmpfs), in MB.").tag(config=True)
    isolate = Bool(sandbox.Policy.isolate, help="Use namespaces (no network, hidden folders) where the machine allows.").tag(config=True)
    hide_paths = List(Unicode(), help="More folders the kernel must not see.").tag(config=True)
    guard = Bool(True, help="Load smeai.grading.guard in the kernel.").tag(config=True)
    max_output_kb = Integer(1024, help="Output kept per cell, in KB; the rest is cut and marked.").tag(config=True)
    keep_going_when_kernel_dies = Bool(True, help="Grade the cells before a kernel death instead of failing the submission.").tag(config=True)

    def __init__(self, **kw):
        kw.setdefault("kernel_manager_class", sandbox.kernel_manager_class())
        super().__init__(**kw)

    # -- the kernel ------------------------------------------------------------------------
    def policy(self) -> sandbox.Policy:
        course_root = os.path.realpath(os.getcwd())  # nbgrader's converters run in the course root
        return sandbox.Policy(
            memory_mb=self.memory_mb, cpu_seconds=self.cpu_seconds, file_mb=self.file_mb,
            processes=self.processes, workdir_mb=self.workdir_mb, isolate=self.isolate,
            hide=tuple(dict.fromkeys([course_root, *map(os.path.realpath, self.hide_paths)])),
            seed_files=sandbox.matplotlib_cache_files(),
        )

    def create_kernel_manager(self):
        km = super().create_kernel_manager()
        km.policy = self.policy()
        km.guard = self.guard
        return km

    async def async_start_new_kernel(self, **kwargs):
        if self.guard:
            modules = exercise_modules(c.source for c in self.nb.cells if c.cell_type == "code")
            env = dict(kwargs.get("env") or os.environ)
            env["SMEAI_GUARD_MODULES"] = ",".join(modules)
            kwargs["env"] = env
        return await super().async_start_new_kernel(**kwargs)

    # -- running the notebook --------------------------------------------------------------
    def preprocess(self, nb, resources=None, km=None):
        self._lang = notebook_language(nb)
        self._dead_at = None
        self.shutdown_kernel = "graceful"
        self._bytes: dict[int, int] = {}
        self._cut: dict[int, set] = {}
        self.error_on_timeout = {
            "ename": "CellTimeoutError", "evalue": t("timeout", self._lang, seconds=self.timeout),
            "traceback": ["CellTimeoutError: " + t("timeout", self._lang, seconds=self.timeout)],
        }
        nb, resources = super().preprocess(nb, resources, km)
        for index, cell in enumerate(nb.cells):
            self._collect_guard_reports(nb, cell, index)
        return nb, resources

    def preprocess_cell(self, cell, resources, index):
        if self._dead_at is not None:
            if cell.cell_type == "code":
                message = t("not_run", self._lang)
                cell.outputs = [new_output("error", ename="NotRun", evalue=message, traceback=[message])]
                cell.execution_count = None
            return cell, resources
        self._cell_clock = (monotonic(), _run_queue_waits(self._kernel_pid()))
        try:
            cell, resources = super().preprocess_cell(cell, resources, index)
        except (DeadKernelError, CellTimeoutError) as problem:
            if not self.keep_going_when_kernel_dies:
                raise
            self._dead_at = index
            self.shutdown_kernel = "immediate"  # no polite shutdown request to a dead or deaf kernel
            unresponsive = isinstance(problem, CellTimeoutError)
            message = t("unresponsive" if unresponsive else "kernel_died", self._lang, seconds=self.timeout)
            cell.outputs.append(new_output("error", ename="KernelDied", evalue=message, traceback=[message]))
            code = None if unresponsive else self._exit_code()
            reason = "did not stop when interrupted after the time limit" if unresponsive else death_reason(code)
            add_event(self.nb, "kernel_died", cell=cell_name(cell, index), exit_code=code, reason=reason)
            return cell, resources
        if index == len(self.nb.cells) - 1:
            self._bring_back_files()
        names = {o.get("ename") for o in cell.get("outputs", []) if o.get("output_type") == "error"}
        if "CellTimeoutError" in names:
            add_event(self.nb, "cell_timeout", cell=cell_name(cell, index), seconds=self.timeout)
        if "MemoryError" in names:
            add_event(self.nb, "memory_error", cell=cell_name(cell, index), limit_mb=self.memory_mb)
        return cell, resources

    # -- files the notebook wrote: kept in autograded/, as nbgrader keeps them -------------
    def _bring_back_files(self) -> None:
        """The kernel's folder is a throwaway tmpfs in the sandbox; nbgrader keeps what a notebook
        writes next to it in autograded/. So, after the last cell and while the kernel still runs,
        the kernel lists its folder's files (at most ``BRING_BACK_MB``) and they are written to
        the real folder. Names are checked here: no absolute paths, no ``..``, no notebooks."""
        folder = (self.resources or {}).get("metadata", {}).get("path") or os.getcwd()
        try:
            reply = self.wait_for_reply(self.kc.execute(
                BRING_BACK_CODE, silent=True, store_history=False,
                user_expressions={"files": "__smeai_files__"}))
            data = reply["content"]["user_expressions"]["files"]["data"]["text/plain"]
            files = ast.literal_eval(data)
        except Exception:  # noqa: BLE001 - a kernel that cannot say what it wrote keeps it
            return
        root = os.path.realpath(folder)
        for name, encoded in files.items() if isinstance(files, dict) else ():
            if not isinstance(name, str) or not isinstance(encoded, str) or name.endswith(".ipynb"):
                continue
            target = os.path.realpath(os.path.join(root, name))
            if os.path.isabs(name) or not target.startswith(root + os.sep) or os.path.islink(target):
                continue
            content = base64.b64decode(encoded)
            try:
                if os.path.isfile(target) and open(target, "rb").read() == content:
                    continue
                os.makedirs(os.path.dirname(target), exist_ok=True)
                with open(target, "wb") as fh:
                    fh.write(content)
            except OSError:
                continue

    # -- the cell timeout counts the kernel's own time, not the machine's load --------------
    async def _async_handle_timeout(self, timeout, cell=None):
        """nbclient calls this when a cell has run ``timeout`` seconds of wall-clock time. On a
        busy machine much of that time the kernel only waited for a CPU, and the same notebook
        would score differently in a regrade. So the kernel's own time is counted: wall time
        minus the time its busiest thread waited in the CPU run queue (Linux
        ``/proc/<pid>/task/<tid>/schedstat``). Sleeping and blocking still count, so an endless
        ``sleep`` is stopped; waiting for a CPU does not. The wait ends at ``timeout`` seconds of
        own time, or at ``WALL_CEILING`` x ``timeout`` of wall time, whichever comes first."""
        started, before = getattr(self, "_cell_clock", (None, None))
        while started is not None:
            waited = _run_queue_wait(self._kernel_pid(), before)
            if waited is None:
                break  # no schedstat here: plain wall-clock time, as nbgrader
            wall = monotonic() - started
            if wall - waited >= timeout or wall >= WALL_CEILING * timeout:
                break
            if await self.kc.shell_channel.msg_ready():
                return None  # the reply came: nbclient reads it next
            await asyncio.sleep(0.2)
        return await super()._async_handle_timeout(timeout, cell)

    def _kernel_pid(self):
        try:
            return self.km.provisioner.process.pid
        except AttributeError:
            return None

    def _exit_code(self):
        try:
            process = self.km.provisioner.process
            return process.poll() if process is not None else None
        except AttributeError:
            return None

    # -- output: capped while it arrives ---------------------------------------------------
    def output(self, outs, msg, display_id, cell_index):
        out = super().output(outs, msg, display_id, cell_index)
        if out is None:
            return out
        limit = self.max_output_kb * 1024
        size = _size(out)
        used = self._bytes.get(cell_index, 0)
        self._bytes[cell_index] = used + size
        if used + size <= limit:
            return out
        cut = self._cut.setdefault(cell_index, set())
        outs.pop()  # this output does not fit: keep a shortened form, at most once per kind
        if out.output_type == "stream":
            room = max(0, limit - used)
            kind = f"stream:{out.name}"
            if kind not in cut:
                cut.add(kind)
                marker = "\n" + t("output_cut", self._lang, kb=self.max_output_kb) + "\n"
                outs.append(new_output("stream", name=out.name, text=out.text[:room] + marker))
                self._note_cut(cell_index)
        elif out.output_type == "error":
            out.evalue = out.evalue[:2000]
            out.traceback = [line[:2000] for line in out.traceback[:50]]
            outs.append(out)
        elif out.output_type == "execute_result" and "display" not in cut:
            text = str(out.get("data", {}).get("text/plain", ""))[:200]
            out.data = {"text/plain": text}
            outs.append(out)
        elif "display" not in cut:
            cut.add("display")
            outs.append(new_output("stream", name="stdout", text=t("output_cut", self._lang, kb=self.max_output_kb) + "\n"))
            self._note_cut(cell_index)
        return None

    def _note_cut(self, cell_index: int) -> None:
        cell = self.nb.cells[cell_index]
        events = self.nb.metadata.get("smeai", {}).get("events", [])
        name = cell_name(cell, cell_index)
        if not any(e["kind"] == "output_cut" and e.get("cell") == name for e in events):
            add_event(self.nb, "output_cut", cell=name, kb=self.max_output_kb)

    # -- the guard's reports: out of the cell, into the metadata ---------------------------
    def _collect_guard_reports(self, nb, cell, index) -> None:
        if cell.cell_type != "code":
            return
        kept = []
        for out in cell.get("outputs", []):
            data = out.get("data", {}) if out.output_type in ("display_data", "execute_result") else {}
            if GUARD_MIME in data:
                report = data[GUARD_MIME]
                if isinstance(report, str):
                    report = json.loads(report)
                add_event(nb, "checker_restored", cell=cell_name(cell, index), when=report.get("when"),
                          restored=list(report.get("restored", []))[:20])
            else:
                kept.append(out)
        cell.outputs = kept


def _tree(pid: int) -> list[int]:
    """``pid`` and all its descendants (the sandbox wraps the kernel in a few processes)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        for task in glob.glob(f"/proc/{current}/task/*/children"):
            try:
                todo.extend(int(c) for c in open(task).read().split())
            except (OSError, ValueError):
                pass
    return found


def _run_queue_waits(pid) -> dict | None:
    """Per thread of the kernel's process tree: nanoseconds spent waiting for a CPU."""
    if pid is None:
        return None
    waits = {}
    for process in _tree(pid):
        for path in glob.glob(f"/proc/{process}/task/*/schedstat"):
            try:
                waits[path] = int(open(path).read().split()[1])
            except (OSError, ValueError, IndexError):
                pass
    return waits or None


def _run_queue_wait(pid, before: dict | None) -> float | None:
    """Seconds the busiest thread of the kernel waited for a CPU since ``before``."""
    now = _run_queue_waits(pid)
    if now is None or before is None:
        return None
    return max(0, *(wait - before.get(path, 0) for path, wait in now.items())) / 1e9


def death_reason(code) -> str:
    """Why a kernel ended, in words for the trainer, from its exit status."""
    import signal

    if code == EXIT_MEMORY:
        return "memory limit reached (the notebook kept what filled the memory)"
    if code is not None and code > 128:
        name = signal.Signals(code - 128).name if code - 128 in signal.valid_signals() else str(code - 128)
        return {"SIGXCPU": "CPU time limit reached", "SIGKILL": "killed (SIGKILL)"}.get(name, f"ended by signal {name}")
    if code is not None and code < 0:
        return f"ended by signal {signal.Signals(-code).name if -code in signal.valid_signals() else -code}"
    return f"the code ended Python (exit status {code})" if code is not None else "the kernel stopped"


def _size(out) -> int:
    if out.output_type == "stream":
        return len(out.get("text", ""))
    if out.output_type == "error":
        return len(out.get("evalue", "")) + sum(len(x) for x in out.get("traceback", []))
    return sum(len(v) if isinstance(v, str) else len(json.dumps(v)) for v in out.get("data", {}).values())
