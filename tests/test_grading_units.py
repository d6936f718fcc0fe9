"""The parts of smeai.grading one at a time, without nbgrader's pipeline (fast).

The whole class, end to end, is in tests/test_grading.py.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from smeai.exercises import get
from smeai.grading import integrity, markers, sandbox, sandbox_probe, summary, tamper
from smeai.grading import intake as intakes
from smeai.grading.execute import death_reason
from smeai.grading.feedback import MARKER, Redactor, hidden_lines, leaks, redact, summary_markdown, visible_text
from smeai.grading.texts import notebook_language
from smeai.i18n import lookup, t

HIDDEN = 'grade("m01.q4", is_klasse1, hidden=True)'
TEST_SOURCE = f'from smeai.exercises import grade\ngrade("m01.q4", is_klasse1)\n### BEGIN HIDDEN TESTS\n{HIDDEN}\n### END HIDDEN TESTS\nprint("ok")'


def nbg(grade_id, *, grade=False, solution=False, locked=False, points=None):
    meta = {"grade": grade, "grade_id": grade_id, "locked": locked, "schema_version": 3, "solution": solution, "task": False}
    if points is not None:
        meta["points"] = points
    return {"nbgrader": meta}


def master(name, cell_type, source, **flags):
    meta = nbg(name, **flags)["nbgrader"]
    return {"name": name, "cell_type": cell_type, "source": source, "checksum": "x", "nbgrader": meta}


MASTERS = [
    master("setup", "code", "from smeai.exercises import grade", locked=True),
    master("q1-answer", "code", "taak = ___", solution=True),
    master("q1-tests", "code", TEST_SOURCE, grade=True, locked=True, points=2.0),
    master("reflection-task", "markdown", "## Jouw werk", locked=True),
    master("reflection", "markdown", "SCHRIJF HIER", grade=True, solution=True, points=3.0),
]


def submitted(*names, sources=None):
    cells = []
    for m in MASTERS:
        if m["name"] not in names:
            continue
        make = new_code_cell if m["cell_type"] == "code" else new_markdown_cell
        source = (sources or {}).get(m["name"], markers.released_source(m["source"]))
        cells.append(make(source=source, metadata={"nbgrader": dict(m["nbgrader"])}))
    return new_notebook(cells=cells)


# -- integrity ----------------------------------------------------------------------------------

def test_released_source_drops_the_hidden_region():
    assert markers.released_source(TEST_SOURCE) == 'from smeai.exercises import grade\ngrade("m01.q4", is_klasse1)\nprint("ok")'


def test_deleted_cells_come_back_in_their_place():
    nb = submitted("setup", "q1-answer", "reflection-task")
    events = integrity.restore_cells(nb, MASTERS)
    assert [c.metadata["nbgrader"]["grade_id"] for c in nb.cells] == [m["name"] for m in MASTERS]
    assert [e["cell"] for e in events if e["kind"] == "restored_cell"] == ["q1-tests", "reflection"]
    restored = nb.cells[2]
    assert restored.source == TEST_SOURCE  # the master, hidden tests included: nbgrader runs them
    assert restored.metadata["editable"] is False and restored.metadata["nbgrader"]["points"] == 2.0
    assert nb.metadata["smeai"]["events"] == events


def test_a_deleted_first_cell_goes_back_to_the_top():
    nb = submitted("q1-answer", "q1-tests", "reflection-task", "reflection")
    integrity.restore_cells(nb, MASTERS)
    assert nb.cells[0].metadata["nbgrader"]["grade_id"] == "setup"


def test_edits_to_locked_cells_and_grading_metadata_are_reported_not_what_the_learner_may_change():
    nb = submitted(*[m["name"] for m in MASTERS], sources={"q1-tests": 'print("✔ Goed")', "q1-answer": 'taak = "x"'})
    tests = nb.cells[2]
    tests.metadata["nbgrader"]["points"] = 50
    tests.metadata["nbgrader"]["solution"] = True
    events = integrity.restore_cells(nb, MASTERS)
    assert {"kind": "edited_locked_cell", "cell": "q1-tests"} in events
    assert {"kind": "changed_cell_metadata", "cell": "q1-tests", "fields": ["points", "solution"]} in events
    assert tests.metadata["nbgrader"]["points"] == 2.0 and tests.metadata["nbgrader"]["solution"] is False
    assert not [e for e in events if e.get("cell") == "q1-answer"]  # the learner's own cell


def test_an_untouched_notebook_has_no_events():
    nb = submitted(*[m["name"] for m in MASTERS])
    assert integrity.restore_cells(nb, MASTERS) == []


def test_a_test_cell_released_unlocked_is_not_reported_as_changed():
    # nbgrader's gradebook says locked=True for every test cell (SourceCell.locked); nbgrader's
    # own notebooks release their test cells with "locked": false. Not a learner's change.
    nb = submitted(*[m["name"] for m in MASTERS])
    for cell in nb.cells:
        if cell.metadata["nbgrader"]["grade_id"] == "q1-tests":
            cell.metadata["nbgrader"]["locked"] = False
    assert integrity.restore_cells(nb, MASTERS) == []
    # an unlocked setup cell (locked, not a test) still is one
    nb.cells[0].metadata["nbgrader"]["locked"] = False
    assert [e["kind"] for e in integrity.restore_cells(nb, MASTERS)] == ["changed_cell_metadata"]


def _notebook_file(path: Path, grade_ids=("q1-tests", "q1-answer")):
    cells = [new_code_cell("x = 1", metadata=nbg(g)) for g in grade_ids]
    nbformat.write(new_notebook(cells=cells), path)


def test_take_in_sorts_out_the_folder(tmp_path):
    folder = tmp_path / "sub"
    folder.mkdir()
    _notebook_file(folder / "opdracht (1).ipynb")           # renamed
    _notebook_file(folder / "kladblok.ipynb", grade_ids=())  # extra
    (folder / "tweede.ipynb").write_text('{"cells": [', encoding="utf-8")  # broken, expected
    (folder / "timestamp.txt").write_text("2030-01-01 10:00:00 UTC")
    (folder / "data.csv").write_text("a,b\n1,2\n")          # part of the assignment
    (folder / "smeai.py").write_text("def grade(*a): return True\n")
    (folder / "link.csv").symlink_to("/etc/hostname")
    expected = {"opdracht": {"q1-tests", "q1-answer"}, "tweede": {"q2-tests"}}
    intake = intakes.take_in(folder, "ada", expected, allowed_files={"data.csv"})
    assert intake.notebooks == {"opdracht": folder / "opdracht (1).ipynb"}
    assert sorted(map(str, intake.files)) == ["data.csv", "timestamp.txt"]
    kinds = {(e["kind"], e.get("notebook") or e.get("file")) for e in intake.events}
    assert ("renamed_notebook", "opdracht (1).ipynb") in kinds
    assert ("extra_notebook", "kladblok.ipynb") in kinds
    assert ("unreadable_notebook", "tweede.ipynb") in kinds
    assert ("ignored_file", "smeai.py") in kinds and ("ignored_link", "link.csv") in kinds
    assert intake.failed == ""
    why = next(e["why"] for e in intake.events if e["kind"] == "unreadable_notebook")
    assert why.startswith("not valid JSON (line 1, column")


def test_take_in_keeps_the_files_of_nbgraders_exchange(tmp_path):
    # nbgrader submit writes both; nbgrader release_feedback needs submission_secret.txt later
    folder = tmp_path / "sub"
    folder.mkdir()
    _notebook_file(folder / "opdracht.ipynb")
    (folder / "timestamp.txt").write_text("2030-01-01 10:00:00 UTC")
    (folder / "submission_secret.txt").write_text("s3cr3t")
    intake = intakes.take_in(folder, "ada", {"opdracht": {"q1-tests", "q1-answer"}})
    assert sorted(map(str, intake.files)) == ["submission_secret.txt", "timestamp.txt"]
    assert not [e for e in intake.events if e["kind"] == "ignored_file"]


PLAIN_COURSE_PREPROCESSORS = """
from nbgrader.converters import Autograde
from nbgrader.preprocessors import Execute, OverwriteCells, SaveAutoGrades
from traitlets.config import Config
from smeai.grading.preprocessors import FlagForReview, RestoreCells, SandboxedExecute, ScanLearnerCode
from smeai.grading.pipeline import ensure_preprocessors

config = Config()
config.CourseDirectory.course_id = "plain"
added = ensure_preprocessors(config)
assert added == ["RestoreCells", "ScanLearnerCode", "SandboxedExecute", "FlagForReview"], added
sanitize, autograde = config.Autograde.sanitize_preprocessors, config.Autograde.autograde_preprocessors
assert [p for p in sanitize if p not in (RestoreCells, ScanLearnerCode)] == Autograde.sanitize_preprocessors.default()
assert sanitize.index(ScanLearnerCode) < sanitize.index(OverwriteCells)
assert Execute not in autograde and autograde[0] is SandboxedExecute
assert autograde.index(FlagForReview) == autograde.index(SaveAutoGrades) + 1
print("ok")
"""


def test_a_course_config_with_only_course_id_gets_nbgraders_defaults_plus_smeais_steps():
    # nbgrader's documented minimum. A List trait has no default_value (traitlets.Undefined) until
    # something in the process has made an instance, so this runs in a fresh interpreter.
    result = subprocess.run([sys.executable, "-c", PLAIN_COURSE_PREPROCESSORS], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr[-2000:]


def test_a_course_that_appends_to_a_list_keeps_nbgraders_defaults():
    from nbgrader.preprocessors import ClearOutput
    from traitlets.config import Config

    from smeai.grading.pipeline import ensure_preprocessors

    config = Config()
    config.Autograde.sanitize_preprocessors.append("nbgrader.preprocessors.ClearSolutions")  # a lazy value
    ensure_preprocessors(config)
    names = [p.__name__ for p in config.Autograde.sanitize_preprocessors]
    assert names[0] == ClearOutput.__name__ and "ClearSolutions" in names


def test_limits_of_a_plain_course_are_the_trait_defaults_and_its_own_timeout():
    from traitlets.config import Config

    from smeai.grading.execute import SandboxedExecute
    from smeai.grading.prepare import limits as _limits

    plain = _limits(Config(), None)
    assert plain["memory_mb"] == SandboxedExecute.memory_mb.default() and plain["cell_timeout"] == 30
    own = Config()
    own.Execute.timeout = 7  # nbgrader's setting applies to the sandboxed subclass too
    own.SandboxedExecute.cpu_seconds = 11
    limits = _limits(own, None)
    assert (limits["cell_timeout"], limits["cpu_seconds"], limits["submission_budget"]) == (7, 11, 300.0)


def test_take_in_fails_when_nothing_can_be_graded(tmp_path):
    folder = tmp_path / "sub"
    folder.mkdir()
    (folder / "opdracht.ipynb").write_text("niet eens json", encoding="utf-8")
    intake = intakes.take_in(folder, "eva", {"opdracht": {"q1-tests"}})
    assert intake.failed.startswith("opdracht.ipynb is not valid JSON")
    empty = tmp_path / "empty"
    empty.mkdir()
    assert intakes.take_in(empty, "fleur", {"opdracht": {"q1-tests"}}).failed == "no notebook of this assignment was handed in"


def test_a_notebook_that_shares_too_few_cells_is_not_taken_for_a_renamed_one(tmp_path):
    folder = tmp_path / "sub"
    folder.mkdir()
    _notebook_file(folder / "ander.ipynb", grade_ids=("q9-tests",))
    intake = intakes.take_in(folder, "x", {"opdracht": {"q1-tests", "q1-answer"}})
    assert intake.notebooks == {} and {e["kind"] for e in intake.events} == {"missing_notebook", "extra_notebook"}


# -- the static scan -----------------------------------------------------------------------------

@pytest.mark.parametrize("source, found", [
    ('taak = "voorspellen"', []),
    ("def is_klasse1(m, r):\n    return m >= 70 and r >= 45", []),
    ("import numpy as np\nx = np.mean([1, 2])", []),
    ("from smeai.exercises import grade\ngrade = 8", []),
    ("import smeai.exercises\nsmeai.exercises.grade = lambda *a, **k: True", ["changes something inside the imported module 'smeai'"]),
    ("__builtins__ = {}", ["replaces __builtins__"]),
    ("f.__code__ = g.__code__", ["uses the special attribute .__code__"]),
    ("!rm -rf ~", ["runs a shell command or an IPython magic"]),
    ("%timeit 1", ["runs a shell command or an IPython magic"]),
    ("x = eval('1+1')", ["calls eval()"]),
    ("import sys\nsys.exit()", ["imports sys"]),
    ("from smeai.exercises.core import Exercise", ["imports smeai.exercises.core", "imports smeai.exercises.core.Exercise"]),
    ("class A:\n    def __eq__(self, other):\n        return True", ["gives an object its own __eq__, which can fool a check"]),
])
def test_scan_finds_what_changes_the_checker_and_nothing_else(source, found):
    assert [what for _, what in tamper.scan(source)] == found


def test_scan_ignores_what_the_released_notebook_already_had():
    released = "import os  # given by the trainer\nx = ___"
    findings = tamper.learner_findings([("q1-answer", "import os  # given by the trainer\nx = 3", released),
                                        ("q2-answer", "import os", "")])
    assert findings == [{"cell": "q2-answer", "line": 1, "what": "imports os"}]


def test_scan_survives_code_that_does_not_parse():
    assert tamper.scan("def (:") == []


# -- feedback ---------------------------------------------------------------------------------------

def graded_notebook():
    setup = new_code_cell('from smeai.exercises import grade\nimport smeai\nsmeai.set_language("nl")', metadata=nbg("setup", locked=True))
    task = new_markdown_cell("## Opdracht 4 (2 punten): de regel", metadata=nbg("q4-task", locked=True))
    message = get("m01.q4").evaluate(lambda m, r: m >= 70 and r > 45, cases=[((72, 45), True, "boundary")]).text("nl")
    tests = new_code_cell(TEST_SOURCE, metadata=nbg("q4-tests", grade=True, locked=True, points=2))
    tests.metadata["nbgrader"]["score"] = 0.0
    tests.outputs = [new_output("error", ename="KeyboardInterrupt", evalue="",
                                traceback=["----> 4 " + HIDDEN, "KeyboardInterrupt"]),
                     new_output("error", ename="GradeFailure", evalue=message, traceback=[message])]
    history = new_code_cell("print(In)")
    history.outputs = [new_output("stream", name="stdout", text=f"['', '{TEST_SOURCE}']\nnog iets\n")]
    reflection = new_markdown_cell("Ik denk...", metadata=nbg("reflection", grade=True, solution=True, points=3))
    reflection.metadata["nbgrader"]["score"] = 0.0
    return new_notebook(cells=[setup, task, tests, history, reflection]), message


def test_hidden_lines_are_found_with_their_markers():
    assert hidden_lines(TEST_SOURCE) == ["### BEGIN HIDDEN TESTS", HIDDEN, "### END HIDDEN TESTS"]


def test_redact_cuts_tracebacks_in_graded_cells_and_blanks_echoed_hidden_tests():
    nb, message = graded_notebook()
    redact(nb)
    errors = nb.cells[2].outputs
    assert errors[0].traceback == ["KeyboardInterrupt: "]
    assert errors[1].traceback == [message]  # the exercise's own message stays: that is the feedback
    printed = nb.cells[3].outputs[0].text
    assert HIDDEN not in printed and MARKER in printed and "nog iets" in printed


def test_redactor_ignores_spacing_and_html_escaping():
    redactor = Redactor([HIDDEN])
    assert redactor.text('  grade( "m01.q4",is_klasse1,  hidden = True )') == MARKER
    assert redactor.text("grade(&quot;m01.q4&quot;, is_klasse1, hidden=True)") == MARKER
    assert redactor.text("gewone tekst") == "gewone tekst"


def test_leaks_sees_what_a_reader_sees():
    page = f"<html><style>.x{{}}</style><body><p>{HIDDEN}</p></body></html>"
    assert leaks(page, [HIDDEN]) and leaks("<p>BEGIN HIDDEN TESTS</p>", [])
    assert leaks(f"<style>{HIDDEN}</style><p>niets</p>", [HIDDEN]) == []


def test_summary_says_per_exercise_what_to_do_in_the_notebooks_language():
    nb, message = graded_notebook()
    text = summary_markdown(nb, pending=frozenset({"reflection"}))
    assert text.startswith("## " + t("grading.feedback_title", "nl"))
    assert t("grading.feedback_intro", "nl", score=0, points=5) in text
    assert "**Opdracht 4 (2 punten): de regel**" in text
    assert message in text and "Tip: " + get("m01.q4").hints()[0] in text
    assert t("grading.feedback_waiting", "nl") in text
    nb.cells[0].source = nb.cells[0].source.replace('"nl"', '"en"')
    english = summary_markdown(nb)
    assert english.startswith("## " + t("grading.feedback_title", "en")) and lookup("m01.q4.hints", "en")[0] in english


def test_the_notebook_language_comes_from_its_setup_cell():
    assert notebook_language(new_notebook(cells=[new_code_cell('start("01", lang="en")')])) == "en"
    assert notebook_language(new_notebook(cells=[new_code_cell("x = 1")])) == "nl"


def test_visible_text_skips_styles_and_scripts():
    assert visible_text("<style>a{}</style><p>a</p><script>b()</script>") == "a"


# -- summary --------------------------------------------------------------------------------------

def record(status, events=(), **extra):
    base = {"student": "ada", "status": status, "events": list(events), "manual": [], "score": 1.0, "max_score": 9.0}
    base.update(extra)
    base["notes"] = [summary.note(e) for e in base["events"]]
    return base


def test_status_names_the_most_important_reason():
    died = {"kind": "kernel_died", "cell": "q2-answer", "reason": "killed (SIGKILL)"}
    cut = {"kind": "output_cut", "cell": "q1-answer", "kb": 256}
    assert summary.status_text(record("graded", [cut, died])) == "graded: Python stopped in q2-answer: killed (SIGKILL); later cells not run"
    assert summary.status_text(record("failed", why="broken")) == "failed: broken"
    assert summary.status_text(record("needs manual grading", manual=["reflection"])) == "needs manual grading: written answers: reflection"
    flagged = {"kind": "suspicious_code", "findings": [{"cell": "q1-answer", "line": 1, "what": "imports os"}]}
    assert summary.status_text(record("needs manual grading", [flagged], manual=["q1-tests"])) == "needs manual grading: suspicious code (q1-answer)"
    assert summary.status_text(record("graded", late=True, seconds_late=3 * 3600 + 120)) == "graded, late (3h 2m)"


def test_table_and_files(tmp_path):
    rows = [record("graded"), record("failed", why="no notebook", student="eva", score=0.0)]
    text = summary.table(rows)
    assert text.splitlines()[0].split() == ["student", "score", "status", "notes"]
    assert "1 / 9" in text and "failed: no notebook" in text
    json_path, csv_path = summary.write(tmp_path, "m01", {"students": rows})
    assert summary.read(tmp_path, "m01")["students"][1]["why"] == "no notebook"
    assert csv_path.read_text().splitlines()[2].startswith("eva,0.0,9.0,failed,")
    assert summary.read(tmp_path, "nope") is None


def test_death_reasons():
    assert death_reason(86).startswith("memory limit reached")
    assert death_reason(128 + 24) == "CPU time limit reached"
    assert death_reason(137) == "killed (SIGKILL)"
    assert death_reason(3) == "the code ended Python (exit status 3)"
    assert death_reason(None) == "the kernel stopped"


# -- the sandbox ---------------------------------------------------------------------------------

def test_policy_round_trips_and_wrap_keeps_the_kernel_folder_off_sys_path():
    policy = sandbox.Policy(memory_mb=512, hide=("/a",), keep_rw=("/b",))
    assert sandbox.Policy.from_json(policy.to_json()) == policy
    cmd = sandbox.wrap([sys.executable, "-m", "ipykernel_launcher"], policy)
    inner = cmd.index("smeai.grading.box")
    assert cmd[inner - 2:inner] == ["-P", "-m"]
    kernel = cmd[cmd.index("--", inner) + 1:]
    assert kernel[:2] == [sys.executable, "-P"]
    wrapped = sandbox.Policy.from_json(cmd[inner + 1])
    assert wrapped.uid is not None and set(sandbox.python_paths()) <= set(wrapped.keep_ro)
    if sandbox.isolation()["mode"]:
        assert "unshare" in " ".join(cmd[: inner])
    else:
        assert cmd[0] == sys.executable


def test_a_folder_to_hide_is_never_uncovered_by_a_kept_one():
    policy = sandbox.Policy(hide=(sandbox.python_paths()[0],))
    cmd = sandbox.wrap(["true"], policy)
    wrapped = sandbox.Policy.from_json(cmd[cmd.index("smeai.grading.box") + 1])
    assert all(not sandbox._under(policy.hide[0], kept) for kept in wrapped.keep_ro)


def test_protections_explain_what_does_not_hold():
    policy = sandbox.Policy()
    no_ns = {"mode": None, "why": "the 'unshare' command (util-linux) is not installed", "unshare": []}
    seen = {"uid": 0, "memory": "blocked (MemoryError)", "cpu_limit": 600, "file_size": "blocked (OSError)",
            "processes": "allowed", "network": "allowed", "write_outside": {"/x": "allowed"}, "read_outside": {},
            "processes_seen": 40}
    report = sandbox_probe._protections(policy, no_ns, seen, "", leaked=True)
    assert report["memory"]["enforced"] and report["cpu"]["enforced"] and report["file_size"]["enforced"]
    assert report["processes"] == {"enforced": False, "how": report["processes"]["how"],
                                   "why_not": "the kernel runs as root, and Linux does not apply RLIMIT_NPROC to root"}
    for name in ("network", "files", "processes_visible"):
        assert report[name]["enforced"] is False and "unshare" in report[name]["why_not"]


def test_the_probe_reports_this_machine_honestly(tmp_path):
    secret = tmp_path / "gradebook.db"
    secret.write_text("secret")
    report = sandbox_probe.probe(sandbox.Policy(memory_mb=512, hide=(str(tmp_path),)), secret_files=[str(secret)])
    assert secret.read_text() == "secret"  # the probe only tries to read it
    for name in ("memory", "cpu", "file_size"):
        assert report[name]["enforced"], report[name]
    iso = sandbox.isolation()
    if iso["mode"]:
        assert report["network"]["enforced"] and report["files"]["enforced"] and report["processes_visible"]["enforced"], report
        assert report["problems"] == []
    else:
        assert report["files"]["why_not"] == iso["why"] and not report["network"]["enforced"]
    if not report["processes"]["enforced"]:
        assert "root" in report["processes"]["why_not"] or iso["mode"] is None


# -- the guard, in a fresh interpreter -----------------------------------------------------------

GUARD_SCRIPT = r'''
import builtins, json, sys
import smeai.exercises, smeai.modules.m01.exercises
from smeai.exercises import core
from smeai.grading.guard import Guard
guard = Guard(None)
real_grade, real_evaluate, real_error = core.grade, core.Exercise.evaluate, builtins.AssertionError
smeai.exercises.grade = lambda *a, **k: True
core.Exercise.evaluate = lambda self, *a, **k: None
core.grade.__code__ = (lambda *a, **k: True).__code__
builtins.AssertionError = Exception
sys.modules["smeai.exercises.checks"] = object()
core._REGISTRY["m01.q1"]._check = None
changed = guard.restore()
ok = (smeai.exercises.grade is real_grade and core.Exercise.evaluate is real_evaluate
      and builtins.AssertionError is real_error and core.grade("m01.q1", "voorspellen") is True)
try:
    core.grade("m01.q1", "gokken")
    failed = False
except AssertionError:
    failed = True
print(json.dumps({"changed": changed, "ok": ok, "wrong_still_fails": failed, "again": guard.restore()}))
'''


def test_the_guard_puts_back_what_learner_code_redefined():
    result = subprocess.run([sys.executable, "-c", GUARD_SCRIPT], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["ok"] and report["wrong_still_fails"]
    assert {"smeai.exercises.grade", "smeai.exercises.core.Exercise.evaluate", "smeai.exercises.core.grade",
            "builtins.AssertionError", "sys.modules['smeai.exercises.checks']", "Exercise['_check']"} <= set(report["changed"])
    assert report["again"] == []  # nothing left to put back


# -- the command line -------------------------------------------------------------------------------

def test_smeai_help_lists_the_trainer_commands_and_stays_fast():
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "smeai.cli", "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    for command in ("grade", "feedback", "report"):
        assert f"    {command} " in result.stdout
    imported = result.stderr
    assert "nbgrader" not in imported and "matplotlib" not in imported and "smeai.grading.runner" not in imported


def test_grade_on_a_folder_that_is_not_a_course_says_so(tmp_path):
    from smeai.cli import main

    with pytest.raises(SystemExit) as stop:
        main(["grade", "m01", "--root", str(tmp_path / "nowhere")])
    assert stop.value.code == 2


def test_grade_rejects_unknown_options(capsys):
    from smeai.cli import main

    with pytest.raises(SystemExit) as stop:
        main(["grade", "m01", "--no-such-option"])
    assert stop.value.code == 2
    assert "unrecognized arguments: --no-such-option" in capsys.readouterr().err


def test_grading_texts_exist_in_both_languages():
    for key in ("timeout", "kernel_died", "not_run", "unresponsive", "output_cut", "tampering", "feedback_title",
                "feedback_intro", "feedback_hint", "feedback_waiting", "feedback_no_response"):
        for lang in ("nl", "en"):
            assert t(f"grading.{key}", lang) != f"grading.{key}", (key, lang)
    assert t("grading.timeout", "nl", seconds=10).startswith("Deze cel duurde langer dan 10 seconden")


def test_the_guard_preimports_the_modules_exercise_declarations():
    """Before the snapshot, the guard imports each module's exercises from where they live, so a
    learner's file in the kernel's folder cannot stand in for them."""
    import subprocess
    import sys

    code = ("import sys; from smeai.grading import guard; guard._preimport(['m01', 'm04']);"
            "print(all(f'smeai.modules.{m}.exercises' in sys.modules for m in ('m01', 'm04')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "True", done.stderr
