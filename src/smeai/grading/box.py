"""Inside the box: the first process of the kernel's new namespaces (``python -m
smeai.grading.box POLICY -- KERNEL COMMAND``, see :func:`smeai.grading.sandbox.wrap`).

It covers what the kernel must not see, seeds the kernel's own folder, makes the rest read-only,
sets the resource limits, drops privileges and starts the kernel; then it stays as a small init
that reaps orphans. Everything here runs in the kernel's namespaces, never in the grader.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import json
import os
import re
import shutil
import signal
import sys
import tempfile

from .sandbox import MB, Policy, _under

try:
    import resource
except ImportError:  # Windows: no resource limits
    resource = None

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




if __name__ == "__main__":
    main()
