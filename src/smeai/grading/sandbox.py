"""Operating-system limits for the kernel that runs a learner's notebook.

nbgrader runs learners' code with the grader's own rights. This module puts the kernel process
in a box made of ordinary Linux means, and can say exactly which parts of the box hold on the
machine at hand (:func:`probe`):

- resource limits (``setrlimit``) in the kernel's process: memory (``RLIMIT_AS``), CPU seconds
  (``RLIMIT_CPU``), file size (``RLIMIT_FSIZE``), processes and threads (``RLIMIT_NPROC``), no
  core dumps;
- with ``unshare`` (util-linux) and the right to use it: a new network namespace (no network at
  all; the kernel talks to the grader over Unix sockets), a new PID namespace (the kernel sees
  only its own processes, and they all die with it), and a new mount namespace in which the
  course folder, the grader's work folders, ``/tmp`` and the home folder are covered by empty
  ``tmpfs`` mounts, the kernel's own folder is a small ``tmpfs`` seeded with a copy of its files,
  and every other mount is read-only;
- when the grader runs as root, the kernel drops to an unused numeric user id (no account is
  needed) with no capabilities and ``no_new_privs``: Linux then applies ``RLIMIT_NPROC`` and file
  permissions to it, and it cannot undo the mounts.

The kernel command is wrapped like this (root)::

    setpriv --pdeathsig KILL -- unshare --mount --net --pid --fork --kill-child --mount-proc \
        python -m smeai.grading.box POLICY_JSON -- python -m ipykernel_launcher -f CONN

and the last step (:func:`smeai.grading.box.main`, PID 1 in the new namespaces) sets up the mounts
and limits, drops privileges and ``exec``\\ s the kernel. Without namespaces only the rlimits and
the parent-death signal remain; :func:`probe` reports that, and why.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass, field

try:
    import resource
except ImportError:  # Windows: no resource limits (the probe says so)
    resource = None

MB = 1024 * 1024

# An unused numeric user id for the kernel when the grader is root: no account is needed.
# Each grading process gets its own id (base + its pid), so RLIMIT_NPROC counts per kernel.
SANDBOX_UID_BASE = 1_900_000_000


@dataclass(frozen=True)
class Policy:
    """What the box around one kernel looks like. Sizes in MB, times in seconds."""

    memory_mb: int = 2048          # RLIMIT_AS: address space of the kernel process
    cpu_seconds: int = 600         # RLIMIT_CPU: total CPU time of the kernel
    file_mb: int = 64              # RLIMIT_FSIZE: largest file the kernel may write
    processes: int = 256           # RLIMIT_NPROC: processes and threads of the kernel's user
    workdir_mb: int = 256          # size of the kernel's own folder (a tmpfs)
    tmp_mb: int = 256              # size of the kernel's /tmp (a tmpfs)
    isolate: bool = True           # use namespaces when the machine allows it
    hide: tuple = ()               # folders the kernel must not see (course roots, work folders)
    keep_rw: tuple = ()            # folders that must stay visible and writable (kernel sockets)
    keep_ro: tuple = ()            # folders that must stay visible, read-only (the Python install)
    uid: int | None = None         # the kernel's user id when the grader is root
    seed_files: dict = field(default_factory=dict)  # name -> path copied into the kernel's $HOME

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> "Policy":
        data = json.loads(text)
        for key in ("hide", "keep_rw", "keep_ro"):
            data[key] = tuple(data.get(key, ()))
        return cls(**data)


# -- what the machine allows -------------------------------------------------------------------

@functools.cache
def isolation() -> dict:
    """Which namespace isolation works here, found by trying it once (cached per process).

    Returns ``{"mode": "root" | "userns" | None, "why": str, "unshare": [...]}``.
    """
    unshare, setpriv = shutil.which("unshare"), shutil.which("setpriv")
    if sys.platform != "linux":
        return {"mode": None, "why": f"namespaces are a Linux feature; this is {sys.platform}", "unshare": []}
    if not unshare:
        return {"mode": None, "why": "the 'unshare' command (util-linux) is not installed", "unshare": []}
    base = [unshare, "--mount", "--net", "--pid", "--fork", "--kill-child", "--mount-proc"]
    tries = [("root", base)] if os.geteuid() == 0 else []
    tries.append(("userns", [unshare, "--user", "--map-root-user", *base[1:]]))
    errors = []
    for mode, cmd in tries:
        try:
            result = subprocess.run([*cmd, "true"], capture_output=True, text=True, timeout=20)
        except (OSError, subprocess.TimeoutExpired) as problem:
            errors.append(f"{mode}: {problem}")
            continue
        if result.returncode == 0:
            prefix = [setpriv, "--pdeathsig", "KILL", "--"] if setpriv else []
            return {"mode": mode, "why": "", "unshare": prefix + cmd}
        errors.append(f"{mode}: {result.stderr.strip() or result.returncode}")
    return {"mode": None, "why": "unshare is not allowed here (" + "; ".join(errors) + ")", "unshare": []}


@functools.cache
def python_paths() -> tuple:
    """Folders the kernel's Python needs to read: its prefixes and the ``sys.path`` of a fresh
    interpreter (not this process's, which nbgrader extends with the course folder)."""
    paths = {sys.prefix, sys.base_prefix, sys.exec_prefix, os.path.dirname(os.path.realpath(sys.executable))}
    try:
        fresh = subprocess.run([sys.executable, "-c", "import sys, json; print(json.dumps(sys.path))"],
                               cwd="/", capture_output=True, text=True, timeout=30)
        paths.update(p for p in json.loads(fresh.stdout) if p and os.path.isdir(p))
    except (OSError, ValueError, subprocess.TimeoutExpired):
        paths.update(p for p in sys.path[1:] if p and os.path.isdir(p))
    return tuple(sorted({os.path.realpath(p) for p in paths} - {"/"}))


def matplotlib_cache_files() -> dict:
    """matplotlib's font list, copied into the kernel's fresh $HOME so that matplotlib does not
    rebuild it (and does not warn on stderr, which would cost a test cell its points)."""
    base = os.environ.get("MPLCONFIGDIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "matplotlib")
    try:
        names = [n for n in os.listdir(base) if n.startswith("fontlist") and n.endswith(".json")]
    except OSError:
        return {}
    return {f".matplotlib/{n}": os.path.join(base, n) for n in names}


def wrap(cmd: list, policy: Policy) -> list:
    """The kernel command ``cmd`` wrapped in the box described by ``policy``."""
    if os.name != "posix":
        return list(cmd)  # Windows: no box (the probe reports every protection as missing)
    hidden = [os.path.realpath(h) for h in policy.hide]
    # never keep a folder that would uncover a hidden one (a parent of it, or the folder itself)
    keep_ro = [p for p in dict.fromkeys((*policy.keep_ro, *python_paths())) if not any(_under(h, p) for h in hidden)]
    extra = {"keep_ro": tuple(keep_ro)}
    if policy.uid is None:
        extra["uid"] = SANDBOX_UID_BASE + os.getpid() % 100_000_000
    policy = Policy(**{**asdict(policy), **extra})
    # -P: the kernel's folder is not put first on sys.path, so a learner's own "smeai.py" or
    # "ipykernel_launcher.py" cannot stand in for the real modules (IPython adds the folder
    # later, after the standard library)
    if cmd and cmd[0] == sys.executable and "-P" not in cmd[1:2]:
        cmd = [cmd[0], "-P", *cmd[1:]]
    inner = [sys.executable, "-P", "-m", "smeai.grading.box", policy.to_json(), "--", *cmd]
    iso = isolation()
    if policy.isolate and iso["mode"]:
        return iso["unshare"] + inner
    return inner


def _under(path: str, parent: str) -> bool:
    return path == parent or path.startswith(parent.rstrip("/") + "/")


# -- the kernel manager that uses the box ------------------------------------------------------

def kernel_manager_class():
    """An ``AsyncKernelManager`` that wraps the kernel command (imported lazily: jupyter_client)."""
    from jupyter_client import AsyncKernelManager
    from traitlets import Any

    class SandboxKernelManager(AsyncKernelManager):
        """Starts the kernel inside the box; talks to it over Unix sockets in a private folder."""

        policy = Any(None, allow_none=True)
        guard = Any(False)  # start smeai.grading.kernel (ipykernel with the guard) instead of ipykernel_launcher

        def _prepare(self) -> None:
            if getattr(self, "_smeai_runtime", None):
                return
            # smeai grade puts these in its own work folder, so a killed worker leaves nothing behind
            parent = os.environ.get("SMEAI_KERNEL_RUNTIME") or None
            if parent:
                os.makedirs(parent, exist_ok=True)
            self._smeai_runtime = tempfile.mkdtemp(prefix="smeai-kernel-", dir=parent)
            self.connection_file = os.path.join(self._smeai_runtime, "kernel.json")
            if self.policy is not None and self.policy.isolate and isolation()["mode"]:
                # a new network namespace has no route to the grader's 127.0.0.1
                self.transport = "ipc"
                self.ip = os.path.join(self._smeai_runtime, "k")

        async def _async_pre_start_kernel(self, **kw):
            self._prepare()
            return await super()._async_pre_start_kernel(**kw)

        async def _async_launch_kernel(self, kernel_cmd, **kw):
            # the kernel's own banner and log are not for the trainer's terminal
            kw.setdefault("stdout", subprocess.DEVNULL)
            kw.setdefault("stderr", subprocess.DEVNULL)
            return await super()._async_launch_kernel(kernel_cmd, **kw)

        def format_kernel_cmd(self, extra_arguments=None):
            cmd = super().format_kernel_cmd(extra_arguments)
            if self.guard and "ipykernel_launcher" in cmd:
                cmd[cmd.index("ipykernel_launcher")] = "smeai.grading.kernel"
            elif self.guard:
                cmd.append("--IPKernelApp.extensions=smeai.grading.guard")
            if self.policy is None:
                return cmd
            policy = Policy(**{**asdict(self.policy), "keep_rw": (*self.policy.keep_rw, self._smeai_runtime)})
            return wrap(cmd, policy)

        async def _async_cleanup_resources(self, restart: bool = False) -> None:
            await super()._async_cleanup_resources(restart=restart)
            if not restart and getattr(self, "_smeai_runtime", None):
                shutil.rmtree(self._smeai_runtime, ignore_errors=True)
                self._smeai_runtime = None

        cleanup_resources = _async_cleanup_resources

    return SandboxKernelManager
