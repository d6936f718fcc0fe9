"""Run ``smeai lab`` as a learner would, as a real program, and look at it from outside: what it
says, what it serves over HTTP, and what is left after it stops. Used by test_lab_run.py and
test_wheel.py."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

READY_S = 240  # a cold JupyterLab start on a busy 2-core machine


def learner_env(home: Path, **extra: str) -> dict:
    """A learner's environment: their own (empty) home folder, nothing of the developer's."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home), "LANG": "C.UTF-8"}
    env.update(extra)
    return env


@dataclass
class Lab:
    process: subprocess.Popen
    out: Path
    home: Path
    started: float

    def text(self) -> str:
        return self.out.read_text(encoding="utf-8", errors="replace")

    def wait_ready(self) -> str:
        """The address ``smeai lab`` announced, once it has announced it."""
        deadline = time.monotonic() + READY_S
        while time.monotonic() < deadline:
            found = re.search(r"(http://127\.0\.0\.1:\d+/lab/tree/\S+\?token=\S+)", self.text())
            if found:
                return found.group(1)
            if self.process.poll() is not None:
                raise AssertionError(f"smeai lab stopped ({self.process.returncode}):\n{self.text()}")
            time.sleep(0.2)
        raise AssertionError("smeai lab announced no address:\n" + self.text())

    def get(self, url: str, path: str, method: str = "GET") -> tuple[int, bytes]:
        base, token = url.split("/lab/tree/")[0], url.rsplit("token=", 1)[1]
        request = urllib.request.Request(f"{base}{path}", method=method, headers={"Authorization": f"token {token}"}, data=b"{}" if method == "POST" else None)
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status, answer.read()

    def notebook(self, url: str, relative: str) -> dict:
        status, body = self.get(url, f"/api/contents/{relative}?content=1")
        assert status == 200
        return json.loads(body)

    def stop(self, signum: int = signal.SIGTERM, timeout: float = 90) -> int:
        self.process.send_signal(signum)
        return self.process.wait(timeout=timeout)


def start(argv: list[str], cwd: Path, env: dict) -> Lab:
    out = cwd.parent / f"smeai-lab-{time.monotonic_ns()}.out"
    with out.open("wb") as sink:
        # stdin as in a terminal session that has none; SIGINT not ignored (unlike `cmd &` in sh)
        process = subprocess.Popen(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=sink, stderr=subprocess.STDOUT)
    return Lab(process, out, Path(env["HOME"]), time.monotonic())


def processes_mentioning(text: str) -> list[str]:
    """Command lines of running processes that contain ``text`` (e.g. a test's temp folder)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            state = (entry / "stat").read_text().split(") ", 1)[1][:1]
        except OSError:
            continue
        if text in cmdline and state != "Z":
            found.append(f"{entry.name}: {cmdline}")
    return found


def runtime_files(home: Path) -> list[str]:
    """Jupyter's per-process files in the learner's runtime folder (server info, kernels)."""
    runtime = home / ".local" / "share" / "jupyter" / "runtime"
    return sorted(p.name for p in runtime.glob("*") if p.name.startswith(("jpserver-", "kernel-"))) if runtime.is_dir() else []
