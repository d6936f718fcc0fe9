import subprocess
import sys

import pytest

from smeai import cli, progress


def test_help_lists_the_commands(capsys):
    with pytest.raises(SystemExit) as exit:
        cli.main(["--help"])
    assert exit.value.code == 0
    out = capsys.readouterr().out
    assert "lab" in out and "progress" in out


def test_console_script_entry_point_runs():
    done = subprocess.run([sys.executable, "-m", "smeai.cli", "progress", "--lang", "en"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "Start with module 00" in done.stdout


def test_progress_report_export_and_import(tmp_path, capsys):
    progress.log_event("module_start", module="01")
    progress.log_event("check", module="01", exercise="m01.q2", state="correct")
    assert cli.main(["progress"]) == 0
    assert "opdrachten goed: 1 van 4" in capsys.readouterr().out
    target = tmp_path / "mine.json"
    assert cli.main(["progress", "--export", str(target)]) == 0 and target.exists()
    progress.store().path.unlink()
    assert cli.main(["progress", "--import", str(target), "--lang", "en"]) == 0
    assert "2 new events" in capsys.readouterr().out


def test_import_of_a_bad_file_is_a_message_not_a_traceback(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    assert cli.main(["progress", "--import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("smeai: ") and "Traceback" not in err


def test_lab_errors_are_one_line(monkeypatch, capsys):
    from smeai import lab

    def fail(**kwargs):
        raise lab.LabError("De map 'course' is niet gevonden.")

    monkeypatch.setattr(lab, "run", fail)
    assert cli.main(["lab", "--no-browser"]) == 1
    assert capsys.readouterr().err.strip() == "smeai: De map 'course' is niet gevonden."
