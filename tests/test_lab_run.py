"""``smeai lab`` as a learner runs it: from an unrelated folder, what it says, what it serves, and
that one Ctrl-C, a SIGTERM or a closed terminal (SIGHUP) stops JupyterLab and its kernels with no
files left behind. A real JupyterLab each time (tests/labprocess.py)."""

from __future__ import annotations

import json
import signal
import socket
import sys
from pathlib import Path

import pytest

import smeai

from .labprocess import learner_env, processes_mentioning, runtime_files, start

SRC = str(Path(smeai.__file__).resolve().parents[1])


def sources(notebook: dict) -> list[str]:
    """Each cell's text (the API sends one string, the file has a list of lines)."""
    return ["".join(cell["source"]) for cell in notebook["cells"]]


@pytest.fixture
def learner(tmp_path):
    home, elsewhere = tmp_path / "home", tmp_path / "elsewhere"
    home.mkdir()
    elsewhere.mkdir()
    return home, elsewhere, learner_env(home, PYTHONPATH=SRC)


@pytest.mark.slow
@pytest.mark.parametrize(
    "signum, windows_way",
    [(signal.SIGINT, False), (signal.SIGTERM, False), (signal.SIGHUP, False), (signal.SIGINT, True)],
    ids=["ctrl-c", "sigterm", "sighup", "ctrl-c-stopping-as-on-windows"],
)
def test_lab_serves_module_00_from_the_workspace_and_stops_cleanly(learner, tmp_path, signum, windows_way):
    home, elsewhere, env = learner
    if windows_way:  # smeai asks JupyterLab to stop through /api/shutdown, as it does on Windows
        env = {**env, "SMEAI_LAB_STOP_OVER_HTTP": "1"}
    lab = start([sys.executable, "-m", "smeai.cli", "lab", "--no-browser", "--lang", "en"], elsewhere, env)
    try:
        url = lab.wait_ready()
        said = lab.text().splitlines()
        workspace = home / "smeai-course"
        assert said[0] == f"Your own copy of the course is in {workspace}. Your changes are kept there; a newer smeai never overwrites them."
        assert "/lab/tree/en/00-welcome.ipynb?token=" in url and url.startswith("http://127.0.0.1:")
        assert any("press Ctrl-C once" in line for line in said)
        assert f"JupyterLab's own messages are in {home / '.smeai' / 'lab.log'}." in said
        assert len(said) <= 6 and not any("ServerApp" in line for line in said)  # the log is elsewhere
        assert "ServerApp" in (home / ".smeai" / "lab.log").read_text()

        served = lab.notebook(url, "en/00-welcome.ipynb")
        on_disk = json.loads((workspace / "en" / "00-welcome.ipynb").read_text(encoding="utf-8"))
        assert sources(served["content"]) == sources(on_disk) and served["path"] == "en/00-welcome.ipynb"
        status, page = lab.get(url, "/lab/tree/en/00-welcome.ipynb")
        assert status == 200 and b"jupyter" in page.lower()
        # a kernel, as when the learner runs the first cell: it must stop too
        status, body = lab.get(url, "/api/kernels", method="POST")
        assert status == 201 and json.loads(body)["id"]
        assert processes_mentioning(str(home)), "the server and kernel should be running now"
        assert any(name.startswith("kernel-") for name in runtime_files(home))

        assert lab.stop(signum) == 0
        assert lab.text().splitlines()[-1] == "The course has stopped."
        server_log = (home / ".smeai" / "lab.log").read_text()
        assert ("Shutting down on /api/shutdown request" if windows_way else "received signal 15") in server_log
        assert processes_mentioning(str(tmp_path)) == []
        assert runtime_files(home) == []
    finally:
        if lab.process.poll() is None:
            lab.process.kill()


@pytest.mark.slow
def test_a_port_in_use_is_one_line_and_no_other_port_is_used(learner, tmp_path):
    home, elsewhere, env = learner
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        lab = start([sys.executable, "-m", "smeai.cli", "lab", "--no-browser", "--port", str(port), "--dir", str(tmp_path / "ws")], elsewhere, env)
        assert lab.process.wait(timeout=240) == 1
    said = lab.text().splitlines()
    assert said[-1] == f"smeai: Poort {port} is al in gebruik. Kies een andere met --port, of laat --port weg.", said
    assert not any("http://" in line for line in said)
    assert processes_mentioning(str(tmp_path)) == [] and runtime_files(home) == []
