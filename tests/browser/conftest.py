"""Fixtures for the browser tests: a JupyterLab started the way ``smeai lab`` starts it, on a
copy of the course, driven by Debian's Chromium through Playwright.

Everything is isolated in temporary folders (progress, Jupyter user config, settings,
workspaces, runtime, the browser profile), and every wait has a deadline, so a hang fails the
test instead of eating CI's time.
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from smeai import lab

from .axe import axe_source  # noqa: F401 - a fixture for the accessibility tests

REPO = Path(__file__).resolve().parents[2]
COURSE = REPO / "course"
CHROMIUM = Path(os.environ.get("SMEAI_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERVER_START_TIMEOUT = 90  # seconds; JupyterLab starts in about 2 s here


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LabServer:
    """A running JupyterLab: its base URL, token, log file and process."""

    def __init__(self, process: subprocess.Popen, port: int, token: str, log: Path, root: Path):
        self.process = process
        self.port = port
        self.token = token
        self.log = log
        self.root = root
        self.base_url = f"http://127.0.0.1:{port}"

    def url(self, path: str) -> str:
        return f"{self.base_url}/{path.lstrip('/')}?token={self.token}"

    def log_tail(self, chars: int = 6000) -> str:
        try:
            return self.log.read_text(encoding="utf-8", errors="replace")[-chars:]
        except OSError:
            return "(no server log)"

    def wait_ready(self, timeout: float = SERVER_START_TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        status_url = self.url("api/status")
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(
                    f"JupyterLab exited with code {self.process.returncode} before it was "
                    f"ready.\n--- server log ---\n{self.log_tail()}"
                )
            try:
                with urllib.request.urlopen(status_url, timeout=5) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
                pass
            time.sleep(0.25)
        pytest.fail(
            f"JupyterLab was not ready after {timeout} s.\n--- server log ---\n{self.log_tail()}"
        )

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()  # SIGTERM: jupyter_server shuts its kernels down
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


@dataclass
class BrowserPage:
    page: object  # playwright.sync_api.Page
    errors: list[str]  # console errors and uncaught page errors, in order


@pytest.fixture(scope="session")
def chromium() -> Path:
    """Debian's Chromium. Missing means fail, never skip: CI must run this test."""
    if not CHROMIUM.is_file() or not os.access(CHROMIUM, os.X_OK):
        pytest.fail(
            f"Chromium was not found at {CHROMIUM}. Install it with 'apt-get install -y chromium' "
            "(.ci/run does this), or point SMEAI_CHROMIUM at a Chromium binary."
        )
    return CHROMIUM


@pytest.fixture(scope="session")
def lab_server(tmp_path_factory) -> LabServer:
    """JupyterLab on a temporary copy of ``course/``, from ``smeai.lab.build_command``."""
    if not COURSE.is_dir():
        pytest.fail(f"The course folder {COURSE} is missing.")
    base = tmp_path_factory.mktemp("lab")
    root = base / "course"
    shutil.copytree(COURSE, root)
    port = _free_port()
    token = secrets.token_hex(16)

    argv, env = lab.build_command(lang="nl", port=port, open_browser=False, root=root)
    argv += [  # build_command already listens on 127.0.0.1 only
        f"--IdentityProvider.token={token}",
        # Lets the test reach the app's command registry (window.jupyterapp); test-only.
        "--LabApp.expose_app_in_browser=True",
    ]
    folders = {
        "SMEAI_HOME": "smeai-home",
        "JUPYTER_CONFIG_DIR": "jupyter-user-config",  # the learner's ~/.jupyter, empty
        "JUPYTER_RUNTIME_DIR": "jupyter-runtime",
        "JUPYTERLAB_SETTINGS_DIR": "lab-user-settings",
        "JUPYTERLAB_WORKSPACES_DIR": "lab-workspaces",
        "IPYTHONDIR": "ipython",
        "MPLCONFIGDIR": "matplotlib",
    }
    for name, folder in folders.items():
        path = base / folder
        path.mkdir()
        env[name] = str(path)

    log = base / "jupyterlab.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            argv, env=env, cwd=root, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT
        )
    server = LabServer(process, port, token, log, root)
    try:
        server.wait_ready()
        yield server
    finally:
        server.stop()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    # Keep each phase's report on the test item, so fixtures can see whether the test failed.
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


@pytest.fixture
def browser_page(chromium, tmp_path, request):
    """A fresh Chromium page, with its console errors and uncaught page errors collected.

    A screenshot is saved to the test's tmp_path when the test fails.
    """
    from playwright.sync_api import sync_playwright

    errors: list[str] = []
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            user_data_dir=str(tmp_path / "chromium-profile"),
            executable_path=str(chromium),
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1400, "height": 1000},
        )
        try:
            context.set_default_timeout(30_000)
            page = context.pages[0] if context.pages else context.new_page()
            page.on("pageerror", lambda exc: errors.append(f"pageerror: {exc}"))
            page.on(
                "console",
                lambda msg: errors.append(f"console.error: {msg.text} @ {msg.location}")
                if msg.type == "error"
                else None,
            )
            yield BrowserPage(page, errors)
            report = getattr(request.node, "rep_call", None)
            if report is not None and report.failed:
                shot = tmp_path / "failure.png"
                try:
                    page.screenshot(path=str(shot), full_page=True, timeout=15_000)
                    print(f"\nscreenshot of the failure: {shot}")
                except Exception as exc:  # a screenshot must not hide the real failure
                    print(f"\nno screenshot: {exc}")
        finally:
            context.close()
