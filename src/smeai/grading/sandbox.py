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
        python -m smeai.grading.sandbox POLICY_JSON -- python -m ipykernel_launcher -f CONN

and the last step (this module's :func:`main`, PID 1 in the new namespaces) sets up the mounts
and limits, drops privileges and ``exec``\\ s the kernel. Without namespaces only the rlimits and
the parent-death signal remain; :func:`probe` reports that, and why.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass, field

try:
    import resource
except ImportError:  # Windows: no resource limits (the probe says so)
    resource = None

MB = 1024 * 1024

# mount(2) flags
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 1, 2, 4, 8
MS_REMOUNT, MS_NOATIME, MS_NODIRATIME, MS_BIND, MS_REC = 32, 1024, 2048, 4096, 16384
MS_RELATIME, MS_STRICTATIME = 1 << 21, 1 << 24
_OPTION_FLAGS = {
    "nosuid": MS_NOSUID, "nodev": MS_NODEV, "noexec": MS_NOEXEC, "noatime": MS_NOATIME,
    "nodiratime": MS_NODIRATIME, "relatime": MS_RELATIME, "strictatime": MS_STRICTATIME,
}
# prctl(2) options
PR_SET_PDEATHSIG, PR_CAPBSET_DROP, PR_SET_NO_NEW_PRIVS = 1, 24, 38
PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL = 47, 4

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
    inner = [sys.executable, "-P", "-m", "smeai.grading.sandbox", policy.to_json(), "--", *cmd]
    iso = isolation()
    if policy.isolate and iso["mode"]:
        return iso["unshare"] + inner
    return inner


# -- inside the box: PID 1 of the new namespaces -----------------------------------------------

class _NoLibc:
    """Where there is no Linux libc (macOS): no mount(2), no prctl(2)."""

    def prctl(self, *args):
        return -1

    def mount(self, *args):
        ctypes.set_errno(38)
        return -1


def _libc():
    if sys.platform != "linux":
        return _NoLibc()
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    libc.mount.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_ulong, ctypes.c_char_p]
    libc.prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
    return libc


def _mount(libc, source, target, fstype, flags, data=None):
    enc = lambda s: s.encode() if isinstance(s, str) else s  # noqa: E731
    if libc.mount(enc(source), enc(target), enc(fstype), flags, enc(data)) != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"mount {target}: {os.strerror(err)}")


def _mounts() -> list[tuple[str, set]]:
    """(mount point, per-mount options) from /proc/self/mountinfo, in mount order."""
    result = []
    with open("/proc/self/mountinfo") as fh:
        for line in fh:
            parts = line.split()
            point = re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), parts[4])
            result.append((point, set(parts[5].split(","))))
    return result


def _under(path: str, parent: str) -> bool:
    return path == parent or path.startswith(parent.rstrip("/") + "/")


def _copy_tree(source: str, target: str, budget: int, uid: int | None) -> int:
    """Copy regular files (no symlinks, no devices) from ``source`` to ``target`` within ``budget`` bytes."""
    for entry in os.scandir(source):
        if budget <= 0:
            break
        dest = os.path.join(target, entry.name)
        if entry.is_dir(follow_symlinks=False):
            os.makedirs(dest, exist_ok=True)
            if uid is not None:
                os.chown(dest, uid, uid)
            budget = _copy_tree(entry.path, dest, budget, uid)
        elif entry.is_file(follow_symlinks=False):
            size = entry.stat(follow_symlinks=False).st_size
            if size > budget:
                continue
            shutil.copyfile(entry.path, dest, follow_symlinks=False)
            if uid is not None:
                os.chown(dest, uid, uid)
            budget -= size
    return budget


def _drop_capabilities(libc) -> None:
    try:
        last = int(open("/proc/sys/kernel/cap_last_cap").read())
    except OSError:
        last = 40
    for cap in range(last + 1):
        libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0)
    libc.prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0)


def _set_limits(policy: Policy) -> None:
    if resource is None:
        return

    def limit(which, soft, hard=None):
        try:
            resource.setrlimit(which, (soft, soft if hard is None else hard))
        except (ValueError, OSError):
            pass

    limit(resource.RLIMIT_AS, policy.memory_mb * MB)
    limit(resource.RLIMIT_CPU, policy.cpu_seconds, policy.cpu_seconds + 5)  # SIGXCPU, then SIGKILL
    limit(resource.RLIMIT_FSIZE, policy.file_mb * MB)
    limit(resource.RLIMIT_NPROC, policy.processes)
    limit(resource.RLIMIT_CORE, 0)


def _setup_filesystem(libc, policy: Policy, uid: int | None) -> list[str]:
    """Hide, seed, keep and make read-only; returns problems (empty when all went well)."""
    problems = []
    workdir = os.path.realpath(os.getcwd())
    home = os.path.realpath(os.path.expanduser("~"))
    # 1. handles on everything we need before anything is covered
    seed_fd = os.open(workdir, os.O_RDONLY | os.O_DIRECTORY)
    keep = []
    for path, writable in [(p, True) for p in policy.keep_rw] + [(p, False) for p in policy.keep_ro]:
        path = os.path.realpath(path)
        if os.path.isdir(path):
            keep.append((path, os.open(path, os.O_PATH | os.O_DIRECTORY), writable))
    seeds = {}
    for name, path in policy.seed_files.items():
        try:
            with open(path, "rb") as fh:
                seeds[name] = fh.read(8 * MB)
        except OSError:
            pass
    # 2. cover: the course and work folders, the home folder, and the shared temporary folders
    ours = set()
    shared = {"/tmp", "/var/tmp", "/dev/shm", os.path.realpath(tempfile.gettempdir())}
    hide = {os.path.realpath(p) for p in policy.hide} | {home} | shared
    hide.discard("/")
    for path in sorted(hide, key=len):
        if not os.path.isdir(path) or any(_under(path, o) for o in ours):
            continue  # already covered by an outer mount
        shared_tmp = path in shared
        opts = f"size={policy.tmp_mb if shared_tmp else 1}m,mode={'1777' if shared_tmp else '0755'}"
        try:
            _mount(libc, "tmpfs", path, "tmpfs", MS_NOSUID | MS_NODEV, opts)
            ours.add(path)
        except OSError as problem:
            problems.append(str(problem))
    # 3. the kernel's own folder: a small tmpfs with a copy of its files
    try:
        os.makedirs(workdir, exist_ok=True)
        owner = f",uid={uid},gid={uid}" if uid is not None else ""
        _mount(libc, "tmpfs", workdir, "tmpfs", MS_NOSUID | MS_NODEV, f"size={policy.workdir_mb}m,mode=0755{owner}")
        ours.add(workdir)
        _copy_tree(f"/proc/self/fd/{seed_fd}", workdir, policy.workdir_mb * MB // 2, uid)
    except OSError as problem:
        problems.append(f"kernel folder: {problem}")
    os.close(seed_fd)
    # 4. what must stay visible: the kernel's sockets (rw) and the Python installation (ro)
    kept = []
    for path, fd, writable in sorted(keep, key=lambda k: len(k[0])):
        if not any(_under(path, o) for o in ours) or any(_under(path, k) for k in kept):
            os.close(fd)
            continue  # never covered, or inside a folder kept already
        kept.append(path)
        try:
            os.makedirs(path, exist_ok=True)
            _mount(libc, f"/proc/self/fd/{fd}", path, None, MS_BIND | MS_REC)
            if writable:
                ours.add(path)
            else:
                _mount(libc, None, path, None, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV)
        except OSError as problem:
            problems.append(f"keep {path}: {problem}")
        os.close(fd)
    # 5. everything else read-only (the covering tmpfs too, except the writable ones)
    writable = {workdir} | shared | {p for p, _, w in keep if w}
    for point, options in _mounts():
        if point in writable or "ro" in options or _under(point, "/proc") or _under(point, "/dev"):
            continue
        flags = MS_REMOUNT | MS_BIND | MS_RDONLY
        for option in options:
            flags |= _OPTION_FLAGS.get(option, 0)
        try:
            _mount(libc, None, point, None, flags)
        except OSError as problem:
            problems.append(str(problem))
    # 6. a fresh $HOME in the kernel's /tmp, with matplotlib's font list
    fresh_home = "/tmp/home"
    os.makedirs(fresh_home, exist_ok=True)
    for name, data in seeds.items():
        target = os.path.join(fresh_home, name)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as fh:
            fh.write(data)
    if uid is not None:
        for folder, dirs, files in os.walk(fresh_home):
            for name in [folder, *(os.path.join(folder, n) for n in dirs + files)]:
                os.chown(name, uid, uid)
        for path, _, writable in keep:
            if writable:
                for folder, dirs, files in os.walk(path):
                    for name in [folder, *(os.path.join(folder, n) for n in dirs + files)]:
                        os.chown(name, uid, uid)
    os.environ.update({
        "HOME": fresh_home, "TMPDIR": "/tmp", "MPLCONFIGDIR": os.path.join(fresh_home, ".matplotlib"),
        "IPYTHONDIR": os.path.join(fresh_home, ".ipython"), "USER": "smeai-sandbox", "LOGNAME": "smeai-sandbox",
    })
    os.chdir(workdir)
    return problems


def main(argv: list[str] | None = None) -> None:
    """Set up the box, then run the kernel in it.

    In the new namespaces this process is PID 1: it sets up the mounts, forks the kernel (which
    sets its limits, drops its privileges and ``exec``\\ s), and stays as a small init that reaps
    orphans and exits with the kernel's exit status (``128 + signal`` when a signal ended it).
    Without namespaces it just sets the limits and becomes the kernel."""
    argv = list(sys.argv[1:] if argv is None else argv)
    split = argv.index("--")
    policy, cmd = Policy.from_json(argv[0]), argv[split + 1:]
    libc = _libc()
    # one thread per numeric library: many cores must not multiply memory under RLIMIT_AS
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")
    if os.getpid() != 1:
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)  # die with the grader
        _set_limits(policy)
        os.execvp(cmd[0], cmd)
    uid = policy.uid if (os.geteuid() == 0 and _in_initial_userns()) else None
    problems = _setup_filesystem(libc, policy, uid)
    if problems:
        os.environ["SMEAI_SANDBOX_PROBLEMS"] = json.dumps(problems)
    # ipykernel would take init (PID 1) for a dead parent; the namespace ends with the grader anyway
    os.environ.pop("JPY_PARENT_PID", None)
    kernel = os.fork()
    if kernel == 0:
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        _set_limits(policy)
        _drop_privileges(libc, uid)
        os.execvp(cmd[0], cmd)
    # init: another unused user id, so the kernel cannot signal or trace it
    _drop_privileges(libc, None if uid is None else uid + 1)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # interrupts reach the kernel through its process group
    for forwarded in (signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT):
        signal.signal(forwarded, lambda signum, frame: _kill(kernel, signum))
    while True:
        try:
            pid, status = os.wait()
        except ChildProcessError:
            os._exit(1)
        except InterruptedError:
            continue
        if pid == kernel:
            os._exit(os.waitstatus_to_exitcode(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status))


def _kill(pid: int, signum: int) -> None:
    try:
        os.kill(pid, signum)
    except OSError:
        pass


def _drop_privileges(libc, uid: int | None) -> None:
    _drop_capabilities(libc)
    if uid is not None:
        os.setgroups([])
        os.setresgid(uid, uid, uid)
        os.setresuid(uid, uid, uid)
    # changing user ids clears the parent-death signal: set it again
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)


def _in_initial_userns() -> bool:
    try:
        with open("/proc/self/uid_map") as fh:
            return fh.read().split() == ["0", "0", "4294967295"]
    except OSError:
        return True


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


# -- what holds on this machine ----------------------------------------------------------------

_PROBE = r"""
import json, os, resource, socket, sys, threading
args = json.loads(sys.argv[1]); out = {}
def attempt(fn):
    try:
        fn(); return "allowed"
    except BaseException as e:
        return f"blocked ({type(e).__name__})"
out["uid"] = os.getuid()
out["processes_seen"] = len([p for p in os.listdir("/proc") if p.isdigit()])
out["problems"] = json.loads(os.environ.get("SMEAI_SANDBOX_PROBLEMS", "[]"))
# memory: ask for more than the limit
soft, hard = resource.getrlimit(resource.RLIMIT_AS)
out["memory_limit_mb"] = None if soft == resource.RLIM_INFINITY else soft // 1048576
out["memory"] = attempt(lambda: bytearray(args["memory_mb"] * 1048576 + 64 * 1048576))
out["cpu_limit"] = resource.getrlimit(resource.RLIMIT_CPU)[0]
# file size: a file bigger than the limit
def big_file():
    with open("smeai-probe.bin", "wb") as fh:
        fh.write(b"x" * (args["file_mb"] * 1048576 + 1048576))
out["file_size"] = attempt(big_file)
try: os.remove("smeai-probe.bin")
except OSError: pass
# processes: lower the limit to what runs now + 2, then start 6 threads
def threads():
    running = len(os.listdir(f"/proc/{os.getpid()}/task"))
    resource.setrlimit(resource.RLIMIT_NPROC, (running + 2, resource.getrlimit(resource.RLIMIT_NPROC)[1]))
    ts = [threading.Thread(target=lambda: __import__("time").sleep(0.3)) for _ in range(6)]
    for t in ts: t.start()
    for t in ts: t.join()
out["processes"] = attempt(threads)
# network: the grader listens on 127.0.0.1
out["network"] = attempt(lambda: socket.create_connection(("127.0.0.1", args["port"]), timeout=2).close())
# files
def write(path):
    def go():
        with open(path, "a") as fh: fh.write("x")
    return go
out["write_outside"] = {p: attempt(write(p)) for p in args["write"]}
out["read_outside"] = {p: attempt(lambda p=p: open(p, "rb").read(1) if os.path.isfile(p) else os.listdir(p)) for p in args["read"]}
out["write_own_folder"] = attempt(write("smeai-probe.txt"))
try: out["home_entries"] = sorted(os.listdir(args["home"]))
except OSError: out["home_entries"] = []
print("SMEAI-PROBE" + json.dumps(out))
"""


def probe(policy: Policy, *, secret_files: list[str] = (), timeout: float = 60) -> dict:
    """Run a small script in the box and report, per protection, whether it holds and why not.

    ``secret_files`` are paths the kernel must not read (e.g. the gradebook); the probe only tries
    to read them. Writing is tried on a file of its own outside the kernel's folder.
    The result is the ``protections`` section of the grading summary.
    """
    iso = isolation()
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    port = listener.getsockname()[1]
    workdir = tempfile.mkdtemp(prefix="smeai-probe-")
    outside = tempfile.mkdtemp(prefix="smeai-probe-outside-")
    home = os.path.realpath(os.path.expanduser("~"))
    policy = Policy(**{**asdict(policy), "hide": (*policy.hide, outside)})
    args = {
        "memory_mb": policy.memory_mb, "file_mb": min(policy.file_mb, 8), "port": port,
        "write": [os.path.join(outside, "written.txt"), os.path.join(sys.prefix, "smeai-probe.txt")],
        "read": [*secret_files, os.path.join(outside, "secret.txt")], "home": home,
    }
    with open(os.path.join(outside, "secret.txt"), "w") as fh:
        fh.write("secret")
    small = Policy(**{**asdict(policy), "file_mb": args["file_mb"]})
    cmd = wrap([sys.executable, "-c", _PROBE, json.dumps(args)], small)
    try:
        result = subprocess.run(cmd, cwd=workdir, capture_output=True, text=True, timeout=timeout)
        line = next((l for l in result.stdout.splitlines() if l.startswith("SMEAI-PROBE")), None)
        seen = json.loads(line[len("SMEAI-PROBE"):]) if line else {}
        error = "" if line else (result.stderr.strip()[-500:] or f"exit code {result.returncode}")
    except (OSError, subprocess.TimeoutExpired) as problem:
        seen, error = {}, str(problem)
    finally:
        listener.close()
        leaked = os.path.exists(os.path.join(outside, "written.txt"))
        shutil.rmtree(workdir, ignore_errors=True)
        shutil.rmtree(outside, ignore_errors=True)
        try:
            os.remove(os.path.join(sys.prefix, "smeai-probe.txt"))
        except OSError:
            pass
    # the home folder must look empty, apart from the way to the Python installation
    allowed = {os.path.relpath(p, home).split(os.sep)[0] for p in python_paths() if _under(p, home) and p != home}
    home_seen = set(seen.get("home_entries", [])) - allowed
    return _protections(policy, iso, seen, error, leaked or bool(home_seen))


def _protections(policy: Policy, iso: dict, seen: dict, error: str, leaked: bool) -> dict:
    no_ns = "" if iso["mode"] else iso["why"]
    if not policy.isolate:
        no_ns = "switched off (isolate=False)"
    blocked = lambda value: str(value).startswith("blocked")  # noqa: E731

    def item(enforced: bool, how: str, why_not: str = "") -> dict:
        return {"enforced": bool(enforced), "how": how, "why_not": "" if enforced else (why_not or error or "not enforced")}

    root_kernel = seen.get("uid") == 0 and (iso["mode"] != "userns" or os.geteuid() == 0)
    writes = seen.get("write_outside", {})
    reads = seen.get("read_outside", {})
    files_ok = bool(seen) and not leaked and all(blocked(v) for v in writes.values()) and all(blocked(v) for v in reads.values())
    return {
        "mode": iso["mode"] if policy.isolate else None,
        "memory": item(blocked(seen.get("memory")), f"RLIMIT_AS {policy.memory_mb} MB: a bigger allocation raises MemoryError"),
        "cpu": item(seen.get("cpu_limit") == policy.cpu_seconds, f"RLIMIT_CPU {policy.cpu_seconds} s: the kernel is stopped (SIGXCPU) after that much CPU time"),
        "file_size": item(blocked(seen.get("file_size")), f"RLIMIT_FSIZE {policy.file_mb} MB: writing a bigger file fails"),
        "processes": item(
            blocked(seen.get("processes")), f"RLIMIT_NPROC {policy.processes}: more processes or threads fail to start",
            "the kernel runs as root, and Linux does not apply RLIMIT_NPROC to root" if root_kernel else "",
        ),
        "network": item(
            seen and blocked(seen.get("network")), "a new network namespace: no network at all (not even 127.0.0.1)",
            no_ns or "the kernel could reach 127.0.0.1",
        ),
        "files": item(
            files_ok, "a new mount namespace: course, work and home folders hidden, /tmp private, all else read-only"
            + ("; the kernel runs as an unused user id without capabilities" if iso["mode"] == "root" else ""),
            no_ns or f"the kernel could reach files outside its folder: {json.dumps({**writes, **reads})}",
        ),
        "processes_visible": item(
            0 < seen.get("processes_seen", 0) <= 3, "a new PID namespace: the kernel sees only its own processes, and they end with it",
            no_ns,
        ),
        "problems": seen.get("problems", []),
    }


if __name__ == "__main__":  # pragma: no cover - exercised through wrap()
    main()
