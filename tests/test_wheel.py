"""The course travels with the package: build the wheel and the sdist, install the wheel in a
fresh virtual environment far from the repository, and start ``smeai lab`` from an unrelated
folder as a learner would.

The venv sees the system's site-packages (so JupyterLab and the rest need no download) but the
wheel is installed into the venv itself, and the test checks that ``smeai`` is imported from
there, not from this repository.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

import pytest

from .labprocess import learner_env, processes_mentioning, runtime_files, start

REPO = Path(__file__).resolve().parents[1]
LANGS = ("nl", "en")


def course_files() -> set[str]:
    return {f"{lang}/{p.name}" for lang in LANGS for p in (REPO / "course" / lang).glob("*.ipynb")}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    """The wheel and the sdist, built from this repository by the build backend of pyproject.toml."""
    out = tmp_path_factory.mktemp("dist")
    code = "import sys, hatchling.build as b; print(b.build_wheel(sys.argv[1])); print(b.build_sdist(sys.argv[1]))"
    done = subprocess.run([sys.executable, "-c", code, str(out)], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    wheel_name, sdist_name = done.stdout.split()
    return {"wheel": out / wheel_name, "sdist": out / sdist_name}


def test_the_wheel_carries_both_languages_and_the_package_data(built):
    names = set(zipfile.ZipFile(built["wheel"]).namelist())
    assert {f"smeai/_course/{f}" for f in course_files()} <= names
    for needed in ("smeai/locales/nl/core.toml", "smeai/locales/en/cli.toml", "smeai/jupyter_config/labconfig/page_config.json"):
        assert needed in names
    assert any(n.startswith("smeai/data/") for n in names)
    assert not any("__pycache__" in n or n.endswith(".pyc") for n in names)
    # the notebooks are the repository's, byte for byte
    with zipfile.ZipFile(built["wheel"]) as wheel:
        assert wheel.read("smeai/_course/nl/00-welkom.ipynb") == (REPO / "course/nl/00-welkom.ipynb").read_bytes()


def test_the_sdist_keeps_course_at_the_top(built):
    with tarfile.open(built["sdist"]) as sdist:
        names = {n.split("/", 1)[1] for n in sdist.getnames() if "/" in n}
    assert {f"course/{f}" for f in course_files()} <= names
    assert "pyproject.toml" in names and "src/smeai/workspace.py" in names


@pytest.fixture(scope="module")
def venv(built, tmp_path_factory) -> Path:
    """A new venv in a temporary folder, with the wheel installed in it."""
    venv = tmp_path_factory.mktemp("learner-venv") / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True, timeout=300)
    python = venv / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--disable-pip-version-check", str(built["wheel"])], env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return venv


@pytest.mark.slow
def test_smeai_lab_from_the_wheel_serves_module_00_from_the_learners_workspace(venv, tmp_path):
    home, elsewhere = tmp_path / "home", tmp_path / "somewhere-else"
    home.mkdir()
    elsewhere.mkdir()
    # the venv is not activated (the README runs smeai-env/bin/smeai), and PATH has another
    # JupyterLab: the system's, which must not be the one that runs
    env = learner_env(home)

    where = subprocess.run([str(venv / "bin" / "python"), "-c", "import smeai; print(smeai.__file__)"], cwd=elsewhere, env=env, capture_output=True, text=True, timeout=120)
    assert Path(where.stdout.strip()).is_relative_to(venv), where.stdout + where.stderr  # not this repository
    version = subprocess.run([str(venv / "bin" / "smeai"), "--version"], env=env, capture_output=True, text=True, timeout=120)
    assert version.stdout.startswith("smeai ") and version.returncode == 0

    lab = start([str(venv / "bin" / "smeai"), "lab", "--no-browser"], elsewhere, env)
    try:
        url = lab.wait_ready()
        served = lab.notebook(url, "nl/00-welkom.ipynb")
        seconds = time.monotonic() - lab.started
        (info,) = (home / ".local/share/jupyter/runtime").glob("jpserver-*.json")
        server = json.loads(info.read_text())["pid"]
        assert Path(f"/proc/{server}/cmdline").read_bytes().split(b"\0")[0].decode() == str(venv / "bin" / "python")
        print(f"\nsmeai lab (wheel) to module 00 served: {seconds:.1f} s")  # a figure for the report, not a test
        workspace = home / "smeai-course"
        shipped = Path(where.stdout.strip()).parent / "_course" / "nl" / "00-welkom.ipynb"
        on_disk = json.loads((workspace / "nl" / "00-welkom.ipynb").read_text(encoding="utf-8"))
        assert ["".join(c["source"]) for c in served["content"]["cells"]] == ["".join(c["source"]) for c in on_disk["cells"]]
        assert (workspace / "nl" / "00-welkom.ipynb").read_bytes() == shipped.read_bytes()
        assert {f"{p.parent.name}/{p.name}" for p in workspace.glob("*/*.ipynb")} == course_files()
        assert lab.text().splitlines()[0].startswith(f"Je eigen kopie van de cursus staat in {workspace}.")
        assert lab.stop(signal.SIGTERM) == 0
        assert processes_mentioning(str(tmp_path)) == [] and runtime_files(home) == []
        assert not list(elsewhere.iterdir())  # nothing in the folder the learner started from
    finally:
        if lab.process.poll() is None:
            lab.process.kill()


@pytest.mark.slow
def test_upgrading_with_the_wheel_keeps_the_learners_module_01(venv, tmp_path):
    """The installed package updates a workspace an older smeai made; the learner's module 01 stays."""
    home = tmp_path / "home"
    workspace = home / "smeai-course"
    (workspace / "nl").mkdir(parents=True)
    (workspace / "en").mkdir()
    for name in ("nl/00-welkom.ipynb", "en/00-welcome.ipynb", "nl/01-wat-is-ai.ipynb", "en/01-what-is-ai.ipynb"):
        (workspace / name).write_bytes((REPO / "course" / name).read_bytes())
    mine = (REPO / "course" / "nl/01-wat-is-ai.ipynb").read_bytes().replace(b"Module 01", b"Module 01 (met mijn aantekeningen)", 1)
    assert mine != (REPO / "course" / "nl/01-wat-is-ai.ipynb").read_bytes()
    (workspace / "nl/01-wat-is-ai.ipynb").write_bytes(mine)
    import hashlib

    old = {name: hashlib.sha256(b"an older version of " + name.encode()).hexdigest() for name in ("nl/00-welkom.ipynb", "nl/01-wat-is-ai.ipynb")}
    (workspace / ".smeai-workspace.json").write_text(json.dumps({"format": "smeai-workspace", "version": "0.1.0", "files": old}))

    code = "from smeai import workspace; u = workspace.prepare(); print('\\n'.join(u.messages('nl')))"
    done = subprocess.run([str(venv / "bin" / "python"), "-c", code], cwd=tmp_path, env=learner_env(home), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert (workspace / "nl/01-wat-is-ai.ipynb").read_bytes() == mine
    assert (workspace / "nl/02-data-brandstof-van-ai.ipynb").is_file()  # a new module appeared
    assert "nl/01-wat-is-ai.ipynb" in done.stdout and "nieuwere versie" in done.stdout
