"""``smeai record``: writes the same HTML and PDF as the notebook, says where, and fails in one line."""

import os
import subprocess
import sys

import pytest

from smeai import cli, progress


def finished(*numbers):
    for number in numbers:
        progress.log_event("module_start", module=number)
        progress.log_event("module_finish", module=number)


def test_help_lists_record_with_its_options(capsys):
    with pytest.raises(SystemExit) as exit:
        cli.main(["record", "--help"])
    assert exit.value.code == 0
    out = capsys.readouterr().out
    for option in ("--out", "--lang", "--name", "--organisation", "--role"):
        assert option in out


def test_record_writes_both_files_and_says_where(tmp_path, capsys):
    finished("00", "01")
    assert cli.main(["record", "--out", str(tmp_path / "out"), "--name", "<script>Anna</script>", "--role", "owner"]) == 0
    out = capsys.readouterr().out.splitlines()
    html_path, pdf_path = tmp_path / "out" / "bewijs-van-deelname.html", tmp_path / "out" / "bewijs-van-deelname.pdf"
    # the folder did not exist: the learner is told it was made, then where the files are
    assert out == [f"De map {tmp_path / 'out'} is gemaakt.", "Je bewijs van deelname staat in:", f"  {html_path}", f"  {pdf_path}"]
    page = html_path.read_text(encoding="utf-8")
    assert "&lt;script&gt;Anna&lt;/script&gt;" in page and "<script" not in page
    assert "Eigenaar of leidinggevende" in page and "Modules afgerond: 2 van 10." in page
    # an automated run: two modules "done" in no time at all; the record says it is no real session
    assert "Bestede tijd (gemeten): ongeveer 0 minuten." in page and "korte tijd is geen echte sessie" in page
    assert "Aftekenen door werkgever of trainer" in page
    assert pdf_path.read_bytes().startswith(b"%PDF")


def test_record_in_english_into_the_current_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["record", "--lang", "en", "--organisation", "Bakkerij & Zn"]) == 0
    assert "Your record of completion is in:" in capsys.readouterr().out
    page = (tmp_path / "record-of-completion.html").read_text(encoding="utf-8")
    assert "Bakkerij &amp; Zn" in page and "Modules completed: 0 of 10." in page
    assert (tmp_path / "record-of-completion.pdf").exists()


def test_a_corrupt_progress_file_gives_a_one_line_warning_and_the_rest_is_used(tmp_path, capsys):
    finished("00")
    with open(progress.store().path, "ab") as f:
        f.write(b'{"kind": "module_finish", "mod\n')
    assert cli.main(["record", "--out", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    (warning,) = captured.err.strip().splitlines()
    assert warning.startswith("smeai: ") and "overgeslagen" in warning and "Traceback" not in captured.err
    assert "Modules afgerond: 1 van 10." in (tmp_path / "bewijs-van-deelname.html").read_text(encoding="utf-8")


def test_a_folder_that_cannot_be_written_is_a_one_line_error(tmp_path, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert cli.main(["record", "--out", str(blocker / "sub")]) == 1
    captured = capsys.readouterr()
    (line,) = captured.err.strip().splitlines()
    assert line.startswith("smeai: het bewijs kon niet worden geschreven in ") and "Traceback" not in captured.err
    assert captured.out == ""


def test_the_command_runs_as_a_program(tmp_path, learner_home):
    finished("00")
    done = subprocess.run(
        [sys.executable, "-m", "smeai.cli", "record", "--out", str(tmp_path), "--lang", "en"],
        capture_output=True, text=True, timeout=120,
        # PYTHONPATH passes on, so the program runs this tree's smeai, not another installed one
        env={"SMEAI_HOME": str(learner_home), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYTHONPATH": os.environ.get("PYTHONPATH", "")},
    )
    assert done.returncode == 0, done.stderr
    assert str(tmp_path / "record-of-completion.pdf") in done.stdout
    assert (tmp_path / "record-of-completion.pdf").read_bytes().startswith(b"%PDF")


def test_record_made_before_finish_includes_a_module_whose_work_is_done(tmp_path, capsys):
    # the order of module 09's cells: exercises and quiz, then the record, then finish
    from smeai.exercises import all_exercises
    from smeai.quiz import questions

    progress.log_event("module_start", module="09")
    for exercise in all_exercises("09"):
        progress.log_event("check", module="09", exercise=exercise.id, state="correct")
    for question in questions("09"):
        progress.log_event("quiz", module="09", question=question.id, choice=question.correct, correct=True)
    assert cli.main(["record", "--out", str(tmp_path)]) == 0
    page = (tmp_path / "bewijs-van-deelname.html").read_text(encoding="utf-8")
    assert "Modules afgerond: 1 van 10." in page and "09 · Van idee naar actieplan (begonnen" not in page


def test_hostile_names_in_the_pdf_stay_inside_the_page(tmp_path, capsys):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from smeai import record

    finished("00")
    name = "<script>" + "x" * 400 + "</script>"  # one "word" wider than the page
    assert cli.main(["record", "--out", str(tmp_path), "--name", name, "--organisation", "O'Brien & <Zn>"]) == 0
    for figure in record.pdf_pages(record.build(name=name)):
        renderer = FigureCanvasAgg(figure).get_renderer()
        for text in figure.texts:
            assert text.get_window_extent(renderer).x1 <= figure.bbox.x1 * 0.93, text.get_text()[:40]
