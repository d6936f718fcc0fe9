"""The learner's workspace (smeai.workspace): made from the packaged course, upgraded without ever
overwriting a notebook the learner changed, and one clear sentence for every bad case."""

from __future__ import annotations

import errno
import json
import shutil
from pathlib import Path

import pytest

import smeai
from smeai import workspace
from smeai.workspace import MANIFEST, WorkspaceError

REPO = Path(__file__).resolve().parents[1]


def notebook(text: str) -> bytes:
    return (json.dumps({"cells": [{"cell_type": "markdown", "metadata": {}, "source": text}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1) + "\n").encode()


@pytest.fixture
def old_release(tmp_path) -> Path:
    """A smaller, older course: module 00 and 01 only, module 01 in an older wording."""
    source = tmp_path / "release-old"
    for lang in ("nl", "en"):
        (source / lang).mkdir(parents=True)
        for path in sorted((REPO / "course" / lang).glob("0[01]-*.ipynb")):
            data = path.read_bytes() if path.name.startswith("00") else notebook("module 01, old version")
            (source / lang / path.name).write_bytes(data)
    return source


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_shipped_course_is_the_clones_course_here():
    source = workspace.shipped_course()
    assert (source / "nl" / "00-welkom.ipynb").is_file() and (source / "en" / "00-welcome.ipynb").is_file()


def test_first_start_copies_both_languages_and_says_where(tmp_path):
    update = workspace.prepare(tmp_path / "ws")
    shipped = workspace.shipped_course()
    assert files(tmp_path / "ws") .keys() >= {f"{lang}/{p.name}" for lang in ("nl", "en") for p in (shipped / lang).glob("*.ipynb")}
    assert (tmp_path / "ws" / "nl" / "00-welkom.ipynb").read_bytes() == (shipped / "nl" / "00-welkom.ipynb").read_bytes()
    manifest = json.loads((tmp_path / "ws" / MANIFEST).read_text())
    assert manifest["version"] == smeai.__version__ and "nl/01-wat-is-ai.ipynb" in manifest["files"]
    (line,) = update.messages("nl")
    assert line.startswith("Je eigen kopie van de cursus staat in ") and str(tmp_path / "ws") in line
    assert workspace.prepare(tmp_path / "ws").messages("nl") == []  # the second start: nothing to say


def test_upgrade_keeps_the_learners_module_01_and_adds_what_is_new(tmp_path, old_release):
    ws = tmp_path / "ws"
    workspace.prepare(ws, source=old_release)
    assert not (ws / "nl" / "02-data-brandstof-van-ai.ipynb").exists()
    mine = notebook("module 01, with my own notes")
    (ws / "nl" / "01-wat-is-ai.ipynb").write_bytes(mine)

    update = workspace.prepare(ws)  # the newer smeai: the real course

    assert (ws / "nl" / "01-wat-is-ai.ipynb").read_bytes() == mine  # the learner's, untouched
    shipped = workspace.shipped_course()
    # module 01 in English was not changed by the learner: it is brought up to date
    assert (ws / "en" / "01-what-is-ai.ipynb").read_bytes() == (shipped / "en" / "01-what-is-ai.ipynb").read_bytes()
    assert (ws / "nl" / "02-data-brandstof-van-ai.ipynb").read_bytes() == (shipped / "nl" / "02-data-brandstof-van-ai.ipynb").read_bytes()
    assert "nl/02-data-brandstof-van-ai.ipynb" in update.added and "en/01-what-is-ai.ipynb" in update.updated
    assert update.newer == ["nl/01-wat-is-ai.ipynb"]
    nl = update.messages("nl")
    assert any("nl/01-wat-is-ai.ipynb" in line and "andere naam" in line for line in nl), nl
    en = update.messages("en")
    assert any("nl/01-wat-is-ai.ipynb" in line and "rename your copy" in line for line in en), en

    # the learner is told again next time, until they act; then renaming gives the new version
    assert workspace.prepare(ws).newer == ["nl/01-wat-is-ai.ipynb"]
    (ws / "nl" / "01-wat-is-ai.ipynb").rename(ws / "nl" / "01-mine.ipynb")
    again = workspace.prepare(ws)
    assert again.added == ["nl/01-wat-is-ai.ipynb"] and again.newer == []
    assert (ws / "nl" / "01-mine.ipynb").read_bytes() == mine


def test_a_notebook_without_a_record_is_treated_as_the_learners(tmp_path):
    ws = tmp_path / "ws"
    (ws / "nl").mkdir(parents=True)
    mine = notebook("copied here by hand, before smeai kept a manifest")
    (ws / "nl" / "00-welkom.ipynb").write_bytes(mine)
    update = workspace.prepare(ws)
    assert (ws / "nl" / "00-welkom.ipynb").read_bytes() == mine and update.newer == ["nl/00-welkom.ipynb"]


def test_a_damaged_notebook_is_kept_aside_and_replaced(tmp_path):
    ws = tmp_path / "ws"
    workspace.prepare(ws)
    (ws / "en" / "00-welcome.ipynb").write_bytes(b'{"cells": [ half saved')
    update = workspace.prepare(ws, lang="en")
    ((name, kept),) = update.damaged
    assert name == "en/00-welcome.ipynb" and (ws / "en" / kept).read_bytes() == b'{"cells": [ half saved'
    assert json.loads((ws / "en" / "00-welcome.ipynb").read_text())["cells"]
    (line,) = update.messages("en")
    assert "could not be read" in line and kept in line


def test_a_workspace_from_a_newer_smeai_is_left_alone(tmp_path):
    ws = tmp_path / "ws"
    workspace.prepare(ws)
    manifest = json.loads((ws / MANIFEST).read_text())
    manifest["version"] = "99.0.0"
    (ws / MANIFEST).write_text(json.dumps(manifest))
    (ws / "nl" / "03-voorspellen.ipynb").unlink()
    before = files(ws)
    with pytest.raises(WorkspaceError) as info:
        workspace.prepare(ws, lang="en")
    assert "newer smeai (99.0.0" in str(info.value) and "\n" not in str(info.value)
    assert files(ws) == before


def test_a_damaged_manifest_loses_nothing(tmp_path):
    ws = tmp_path / "ws"
    workspace.prepare(ws)
    mine = notebook("my notes")
    (ws / "nl" / "04-classificeren.ipynb").write_bytes(mine)
    (ws / MANIFEST).write_text("{ not json")
    update = workspace.prepare(ws)
    assert (ws / "nl" / "04-classificeren.ipynb").read_bytes() == mine and update.newer == ["nl/04-classificeren.ipynb"]


@pytest.mark.parametrize(
    "code, words", [(errno.ENOSPC, "De schijf is vol"), (errno.EACCES, "Je kunt niet schrijven in"), (errno.EIO, "kon niet worden geschreven")]
)
def test_a_full_disk_or_no_rights_is_one_sentence_and_loses_nothing(tmp_path, monkeypatch, code, words):
    ws = tmp_path / "ws"
    workspace.prepare(ws)
    (ws / "nl" / "01-wat-is-ai.ipynb").unlink()  # so the next start has something to write
    mine = notebook("my notes")
    (ws / "nl" / "00-welkom.ipynb").write_bytes(mine)
    before = files(ws)

    real_open = open

    def failing_open(path, mode="r", *args, **kwargs):
        if "w" in mode and str(path).startswith(str(ws)):
            raise OSError(code, "simulated")
        return real_open(path, mode, *args, **kwargs)

    monkeypatch.setattr("builtins.open", failing_open)
    with pytest.raises(WorkspaceError) as info:
        workspace.prepare(ws)
    monkeypatch.undo()
    assert words in str(info.value) and "\n" not in str(info.value)
    assert files(ws) == before  # nothing half-written, nothing of the learner's changed
    assert not list(ws.rglob("*.smeai-tmp"))


def test_folders_that_cannot_be_a_workspace(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(WorkspaceError, match="is een bestand, geen map"):
        workspace.prepare(blocker)
    with pytest.raises(WorkspaceError, match="bestaat niet"):
        workspace.prepare(tmp_path / "no" / "such" / "place")
    assert not (tmp_path / "no").exists()  # nothing made above the folder the learner named


def test_a_read_only_folder_as_a_real_user(tmp_path):
    """Without root's rights, a folder the learner cannot write in is refused in one sentence."""
    import os
    import subprocess
    import sys

    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        ws = tmp_path / "ro"
        ws.mkdir()
        ws.chmod(0o500)
        with pytest.raises(WorkspaceError, match="Je kunt niet schrijven"):
            workspace.prepare(ws / "course")
        return
    import tempfile

    base = Path(tempfile.mkdtemp(prefix="smeai-ro-"))  # pytest's own tmp folders are root-only
    base.chmod(0o755)
    ws = base / "ro"
    ws.mkdir()
    ws.chmod(0o555)
    code = "from smeai import workspace\ntry:\n workspace.prepare(%r, lang='en')\nexcept workspace.WorkspaceError as e:\n print(e)" % str(ws / "course")
    src = str(Path(workspace.__file__).parents[1])
    done = subprocess.run(
        ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-c", code],
        capture_output=True, text=True, timeout=120, env={"PYTHONPATH": src, "HOME": str(base), "PATH": "/usr/bin:/bin"},
    )
    try:
        assert done.stdout.startswith("You cannot write in "), done.stdout + done.stderr
        assert list(ws.iterdir()) == []
    finally:
        shutil.rmtree(base)
