"""Every bad call of the ``smeai`` command: one line in the user's language, a non-zero exit code,
no traceback, and nothing created outside the folder the user named. Each call runs as a real
program, from an empty folder, with an empty home folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import smeai
from smeai import cli

SRC = str(Path(smeai.__file__).resolve().parents[1])


def run(argv: list[str], cwd: Path, home: Path, lang: str | None = None) -> subprocess.CompletedProcess:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home), "PYTHONPATH": SRC, "SMEAI_HOME": str(home / ".smeai")}
    if lang:
        env["SMEAI_LANG"] = lang
    return subprocess.run([sys.executable, "-m", "smeai.cli", *argv], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def everything(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")}


@pytest.fixture
def place(tmp_path):
    cwd, home = tmp_path / "here", tmp_path / "home"
    cwd.mkdir()
    home.mkdir()
    (tmp_path / "a-file.txt").write_text("not a folder")
    return tmp_path, cwd, home


BAD_CALLS = [
    # (argv, exit code, words in the Dutch message, words in the English message)
    (["progress", "--export", "/nonexistent/dir/out.json"], 2, "bestaat niet", "does not exist"),
    (["progress", "--export", "{tmp}"], 2, "is een map", "is a folder"),
    (["progress", "--import", "{tmp}"], 2, "is een map", "is a folder"),
    (["progress", "--import", "{tmp}/missing.json"], 2, "bestaat niet", "does not exist"),
    (["progress", "--import", "{tmp}/a-file.txt"], 2, "geen leesbare JSON", "not readable JSON"),
    (["progress", "--import", "x.json", "--export", "y.json"], 2, "begrijp ik niet", "do not understand"),
    (["lab", "--port", "99999"], 1, "1 tot en met 65535", "1 to 65535"),
    (["lab", "--port", "0"], 1, "1 tot en met 65535", "1 to 65535"),
    (["lab", "--port", "http"], 1, "1 tot en met 65535", "1 to 65535"),
    (["lab", "--lang", "de"], 2, "begrijp ik niet", "do not understand"),
    (["lab", "--dir", "{tmp}/a-file.txt"], 1, "is een bestand", "is a file"),
    (["lab", "--dir", "/nonexistent/deeper/course"], 1, "bestaat niet", "does not exist"),
    (["record", "--out", "{tmp}/a-file.txt/sub"], 1, "kon niet worden geschreven", "could not be written"),
    (["lessons"], 2, "begrijp ik niet", "do not understand"),
    (["progress", "--exprot", "x.json"], 2, "begrijp ik niet", "do not understand"),
]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("argv, code, nl, en", BAD_CALLS, ids=[" ".join(c[0]) for c in BAD_CALLS])
def test_a_bad_call_is_one_line_in_the_users_language(place, argv, code, nl, en, lang):
    tmp, cwd, home = place
    argv = [a.replace("{tmp}", str(tmp)) for a in argv]
    before = everything(tmp)
    done = run(argv if lang == "nl" or "--lang" in argv else [*argv, "--lang", "en"] if argv[0] in ("lab", "progress", "record") else argv, cwd, home, lang=lang)
    assert done.returncode == code, done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""
    (line,) = done.stderr.splitlines()
    assert line.startswith("smeai: ") and (nl if lang == "nl" else en) in line, line
    # nothing created: not in the folders named, not in the current folder, not in the home folder
    created = everything(tmp) - before
    assert created == set(), created
    assert not Path("/nonexistent").exists()


def test_version(capsys):
    with pytest.raises(SystemExit) as exit:
        cli.main(["--version"])
    assert exit.value.code == 0 and capsys.readouterr().out.strip() == f"smeai {smeai.__version__}"


@pytest.mark.parametrize("command", ["grade", "feedback", "report"])
def test_trainer_tools_say_in_one_line_that_they_are_linux_only(monkeypatch, capsys, command):
    import smeai.grading.commands as commands

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(commands, "add_commands", lambda *a: pytest.fail("the grading code was reached"))
    assert cli.main([command, "m01", "--lang", "en"]) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"smeai: 'smeai {command}' is a trainer tool that runs on Linux only (this is win32)")


def test_the_learners_commands_still_work_on_other_systems(monkeypatch, capsys):
    # the libraries the summary loads (scikit-learn, joblib) read the platform as they load:
    # load them on the real system first, then let only smeai believe it runs on Windows
    from smeai.exercises import all_exercises

    all_exercises()
    monkeypatch.setattr(sys, "platform", "win32")
    assert cli.main(["progress", "--lang", "en"]) == 0
    assert "Start with module 00" in capsys.readouterr().out


def test_record_into_a_new_folder_says_it_made_it(tmp_path, capsys):
    target = tmp_path / "new" / "records"
    assert cli.main(["record", "--out", str(target), "--lang", "en"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"Made the folder {target}." and out[1] == "Your record of completion is in:"
    assert sorted(p.name for p in target.iterdir()) == ["record-of-completion.html", "record-of-completion.pdf"]


def test_a_damaged_progress_line_is_one_line_and_the_rest_is_shown(tmp_path, capsys):
    from smeai import progress

    progress.log_event("module_finish", module="00")
    with open(progress.store().path, "ab") as f:
        f.write(b'{"kind": "che')
    assert cli.main(["progress", "--lang", "en"]) == 0
    captured = capsys.readouterr()
    (line,) = captured.err.splitlines()
    assert line.startswith("smeai: Some lines of your progress file could not be read") and "Traceback" not in captured.err
    assert "Start with module 00" not in captured.out  # module 00 counts as done
