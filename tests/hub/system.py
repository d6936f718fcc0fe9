"""The machine side of the JupyterHub class test: local accounts, folder rights, free ports,
the hub process, and a cleanup that undoes all of it (also when the test fails).

Linux only, and only as root: JupyterHub's LocalProcessSpawner runs each learner's server as
that learner, which needs root. Every account made here carries MARK in its comment field, so a
leftover of a killed run is recognised and removed, and no other account is ever touched.
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import socket
import stat
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

MARK = "smeai hub test"  # the comment (GECOS) field of every account this test makes


class CannotRun(Exception):
    """This machine cannot run the hub test (not root, no useradd, no proxy)."""


def missing_requirements() -> list[str]:
    missing = []
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        missing.append("root (the spawner runs each learner's server as that learner)")
    for tool in ("useradd", "userdel", "configurable-http-proxy"):
        if shutil.which(tool) is None:
            missing.append(f"`{tool}` on PATH")
    try:
        import jupyterhub  # noqa: F401
    except ImportError:
        missing.append("the jupyterhub package")
    return missing


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Account:
    name: str
    uid: int
    gid: int
    home: Path

    def env(self, **extra: str) -> dict:
        """The environment a login shell of this user would have, plus the test's Python."""
        env = {
            "HOME": str(self.home), "USER": self.name, "LOGNAME": self.name, "LANG": "C.UTF-8",
            # the hub's Python and its scripts (nbgrader, smeai), then the system's
            "PATH": os.pathsep.join([str(Path(sys.executable).parent), "/usr/local/bin", "/usr/bin", "/bin"]),
        }
        if os.environ.get("PYTHONPATH"):  # a developer's worktree (HELPERS.md); CI installs smeai
            env["PYTHONPATH"] = os.environ["PYTHONPATH"]
        env.update(extra)
        return env


@dataclass
class Machine:
    """Everything this test changed on the machine, so that cleanup() can undo exactly that."""

    accounts: list[Account] = field(default_factory=list)
    modes: dict[Path, int] = field(default_factory=dict)  # folder -> mode before the test
    pids: list[int] = field(default_factory=list)  # processes started (the hub)
    folders: list[Path] = field(default_factory=list)

    # -- accounts ------------------------------------------------------------------------------
    def add_account(self, name: str) -> Account:
        remove_leftover(name)
        # HOME_MODE 0700: nobody reads another learner's folder (Debian's useradd default is 0755)
        run(["useradd", "--create-home", "--key", "HOME_MODE=0700", "--comment", MARK,
             "--shell", "/bin/bash", name])
        entry = pwd.getpwnam(name)
        account = Account(name, entry.pw_uid, entry.pw_gid, Path(entry.pw_dir))
        self.accounts.append(account)
        return account

    def run_as(self, account: Account, argv: list[str], *, cwd: Path, env: dict, timeout: float = 300,
               check: bool = True) -> subprocess.CompletedProcess:
        """Run a command as that user (its own uid, gid and no other groups), as a terminal would."""
        result = subprocess.run(argv, cwd=cwd, env=env, user=account.uid, group=account.gid, extra_groups=[],
                                capture_output=True, text=True, timeout=timeout)
        if check and result.returncode != 0:
            raise AssertionError(f"{' '.join(argv)} as {account.name} exited {result.returncode}:\n"
                                 f"{result.stdout}\n{result.stderr}")
        return result

    # -- folder rights -----------------------------------------------------------------------------
    def let_everybody_reach(self, path: Path) -> None:
        """Give others the right to pass through (x, not list) every folder above ``path``.

        Why: a learner's server runs the hub's Python, which may live in a private folder (pyenv
        under /root here). Only folders that lack o+x are changed, and cleanup() restores them.
        """
        for folder in [*reversed(Path(path).resolve().parents)]:
            mode = folder.stat().st_mode
            if not mode & stat.S_IXOTH and folder not in self.modes:
                self.modes[folder] = stat.S_IMODE(mode)
                folder.chmod(stat.S_IMODE(mode) | stat.S_IXOTH)

    # -- processes -------------------------------------------------------------------------------
    def start(self, argv: list[str], *, cwd: Path, env: dict, log: Path) -> subprocess.Popen:
        with open(log, "wb") as out:
            process = subprocess.Popen(argv, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT,
                                       start_new_session=True)
        self.pids.append(process.pid)
        return process

    def processes_of_accounts(self) -> list[int]:
        uids = {a.uid for a in self.accounts}
        found = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    if entry.stat().st_uid in uids:
                        found.append(int(entry.name))
                except FileNotFoundError:
                    pass
        return found

    # -- undo ------------------------------------------------------------------------------------
    def cleanup(self, proxy_pid_file: Path | None = None) -> list[str]:
        """Stop what the test started, remove its accounts and folders, restore folder rights.
        Returns what could not be undone (the test fails on it)."""
        problems = []
        for pid in self.pids:  # the hub: SIGTERM lets it stop the servers and the proxy it started
            stop(pid)
        if proxy_pid_file is not None and proxy_pid_file.is_file():
            text = proxy_pid_file.read_text().strip()
            if text.isdigit():
                stop(int(text))
        for _ in range(2):  # servers and kernels of the test's own accounts, by process id
            for pid in self.processes_of_accounts():
                stop(pid, grace=2)
        for account in self.accounts:
            result = subprocess.run(["userdel", "--remove", account.name], capture_output=True, text=True)
            if result.returncode not in (0, 12):  # 12: home could not be removed (checked below)
                problems.append(f"userdel {account.name}: {result.stderr.strip()}")
            if account.home.exists():
                shutil.rmtree(account.home, ignore_errors=True)
            if account.home.exists():
                problems.append(f"{account.home} is still there")
        for folder, mode in self.modes.items():
            folder.chmod(mode)
        for folder in self.folders:
            shutil.rmtree(folder, ignore_errors=True)
        left = self.processes_of_accounts()
        if left:
            problems.append(f"processes of the test accounts still run: {left}")
        return problems


def stop(pid: int, grace: float = 10) -> None:
    """End one process: SIGTERM, then SIGKILL after ``grace`` seconds."""
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        try:
            if os.waitpid(pid, os.WNOHANG) != (0, 0):
                return
        except ChildProcessError:  # not our child: poll for it
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                return
        time.sleep(0.1)
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass


def remove_leftover(name: str) -> None:
    """Remove an account of the same name left by a killed run; refuse any other account."""
    try:
        entry = pwd.getpwnam(name)
    except KeyError:
        return
    if entry.pw_gecos != MARK:
        raise CannotRun(f"an account named {name} exists and was not made by this test")
    for pid in Machine(accounts=[Account(name, entry.pw_uid, entry.pw_gid, Path(entry.pw_dir))]).processes_of_accounts():
        stop(pid, grace=2)
    run(["userdel", "--remove", name], ok=(0, 12))


def run(argv: list[str], ok: tuple[int, ...] = (0,)) -> None:
    result = subprocess.run(argv, capture_output=True, text=True)
    if result.returncode not in ok:
        raise CannotRun(f"{' '.join(argv)} exited {result.returncode}: {result.stderr.strip()}")
