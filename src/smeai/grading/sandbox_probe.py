"""What the box holds on this machine: :func:`probe` runs a small script in it and reports, per
protection, whether it is enforced and, where not, why (the ``protections`` section of the
grading summary)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from dataclasses import asdict

from .sandbox import Policy, _under, isolation, python_paths, wrap


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

