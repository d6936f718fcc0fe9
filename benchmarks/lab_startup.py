"""From starting JupyterLab to the first widget on screen, in headless Chromium: ``smeai lab``
opening module 00 (setup cell run, the profile widget rendered) against a bare JupyterLab
opening a notebook that imports the same stack and shows one slider."""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

from .common import REPO, Figure, median
from .notebooks import BASELINE_SOURCE

RATIO_TARGET = 1.3
CHROMIUM = os.environ.get("SMEAI_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
RUN_ALL_JS = "() => window.jupyterapp.commands.execute('notebook:run-all-cells')"
READY_JS = """(path) => { const p = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  const k = p && p.sessionContext && p.sessionContext.session && p.sessionContext.session.kernel;
  return !!(p && p.context && p.context.path === path && p.context.isReady && k && k.status === 'idle'); }"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_http(url: str, process, deadline: float) -> None:
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("JupyterLab exited early")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(url)


def _one_start(page, argv, env, root: Path, notebook: str, selector: str, token: str, port: int) -> float:
    """Seconds from starting the server to ``selector`` visible after running the notebook."""
    deadline = time.monotonic() + 180
    extra = ["--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}", "--ServerApp.open_browser=False", "--LabApp.expose_app_in_browser=True"]
    if os.geteuid() == 0:
        extra.append("--ServerApp.allow_root=True")
    given = {a.split("=")[0] for a in argv}
    argv = argv + [a for a in extra if a.split("=")[0] not in given]  # traitlets refuses an option twice
    start = time.perf_counter()
    process = subprocess.Popen(argv, env=env, cwd=root, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_http(f"http://127.0.0.1:{port}/api/status?token={token}", process, deadline)
        page.goto(f"http://127.0.0.1:{port}/lab/tree/{notebook}?token={token}", wait_until="domcontentloaded", timeout=120_000)
        page.wait_for_function(READY_JS, arg=notebook, timeout=120_000, polling=50)
        page.evaluate(RUN_ALL_JS)
        page.locator(selector).first.wait_for(state="visible", timeout=120_000)
        return time.perf_counter() - start
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def _isolated_env(base: Path) -> dict:
    env = dict(os.environ)
    for name in ("SMEAI_HOME", "JUPYTER_CONFIG_DIR", "JUPYTER_RUNTIME_DIR", "JUPYTERLAB_SETTINGS_DIR", "JUPYTERLAB_WORKSPACES_DIR", "IPYTHONDIR"):
        path = base / name.lower()
        path.mkdir(parents=True, exist_ok=True)
        env[name] = str(path)
    return env


def run(*, quick: bool) -> list[Figure]:
    from playwright.sync_api import sync_playwright

    from smeai import lab

    repeat = 1 if quick else 3
    samples = {"baseline": [], "smeai": []}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        tmp = Path(tmp)
        course = tmp / "course"
        shutil.copytree(REPO / "course", course)
        bare = tmp / "bare"
        bare.mkdir()
        kernelspec = {"kernelspec": {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}}
        baseline_nb = new_notebook(cells=[new_code_cell(BASELINE_SOURCE), new_code_cell("widgets.IntSlider(description='x')")], metadata=kernelspec)
        nbformat.write(baseline_nb, bare / "baseline.ipynb")
        for i in range(repeat):
            for kind in ("baseline", "smeai"):  # interleaved, so load hits both alike
                context = p.chromium.launch_persistent_context(user_data_dir=str(tmp / f"profile-{kind}-{i}"), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
                try:
                    page = context.pages[0] if context.pages else context.new_page()
                    env = _isolated_env(tmp / f"env-{kind}-{i}")
                    if kind == "smeai":
                        argv, lab_env = lab.build_command(lang="nl", open_browser=False, root=course)
                        env = {**lab_env, **{k: v for k, v in env.items() if k not in ("JUPYTER_CONFIG_PATH",)}}
                        seconds = _one_start(page, argv, env, course, lab.WELCOME["nl"], ".smeai-profile", secrets.token_hex(8), _free_port())
                    else:
                        argv = [sys.executable, "-m", "jupyter", "lab", f"--ServerApp.root_dir={bare}"]
                        seconds = _one_start(page, argv, env, bare, "baseline.ipynb", ".widget-slider", secrets.token_hex(8), _free_port())
                    samples[kind].append(seconds)
                finally:
                    context.close()
    base, ours = median(samples["baseline"]), median(samples["smeai"])
    return [
        Figure("JupyterLab start to first widget", "bare JupyterLab, stack imports + one slider", base, "s", note="baseline", samples=samples["baseline"]),
        Figure("JupyterLab start to first widget", "smeai lab, module 00 setup cell + profile widget", ours, "s", baseline=base, target=f"≤ {RATIO_TARGET}× baseline", passed=None if quick else ours / base <= RATIO_TARGET, samples=samples["smeai"]),
    ]
