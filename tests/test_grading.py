"""``smeai grade``, ``smeai feedback`` and ``smeai report`` on a whole test class, end to end.

The test class lives in tests/fixtures/grading/: its own nbgrader course root (config and a small
assignment ``fx01``), to which the tests add assessments/source/m01 and the kit's own
assessments/nbgrader_config.py, and a builder that writes 23 submissions: good, weak, late,
broken and hostile ones (see tests/fixtures/grading/submissions.py for the list and what each
must get). One module-scoped fixture:

1. generates both assignments and writes the class;
2. grades it with ``smeai grade`` (2 jobs) and, in a second copy, with nbgrader's own sequential
   ``nbgrader autograde``, both as commands, timed (smeai.grading.bench.compare);
3. grades the first copy once more with ``smeai grade`` (it must give the same result);
4. writes the feedback (``smeai feedback``) and the class report (``smeai report``).

Where an operating-system protection cannot apply on the machine running the tests (no
``unshare``, not allowed to use it), the tests assert that the grading summary says so and why,
and what the hostile submission could then do; they never pass silently.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from smeai.exercises import get
from smeai.grading.bench import compare, gradebook_scores
from smeai.grading.feedback import MARKER, leaks, visible_text
from smeai.i18n import t

from .test_nbgrader_pipeline import hidden_test_leaks, trainer_cases

# the class fixture grades 23 submissions twice and once more: more than the default 600 s on a busy machine
pytestmark = [pytest.mark.slow, pytest.mark.timeout(1800)]

REPO = Path(__file__).resolve().parents[1]
FIXTURE = REPO / "tests" / "fixtures" / "grading"
ASSIGNMENTS = ("m01", "fx01")
NOTEBOOKS = {"m01": "m01-wat-is-ai", "fx01": "fx01-oefenen"}
JOBS = 2
AGAIN = ("m01",)
# what nbgrader itself does with the three submissions smeai grade deliberately treats otherwise
NBGRADER_DIFFERS = {
    ("m01", "eva"): "nbgrader cannot read the notebook and leaves every cell ungraded (needs manual grading)",
    ("m01", "fleur"): "nbgrader skips a folder without a notebook: no submission in its gradebook",
    ("m01", "hanna"): "nbgrader ignores a renamed notebook: 0 points",
}


def _load_builder():
    spec = importlib.util.spec_from_file_location("grading_class", FIXTURE / "submissions.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _smeai(*args, cwd: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "smeai.cli", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    base = tmp_path_factory.mktemp("grading")
    root = base / "course"
    shutil.copytree(FIXTURE / "course", root)
    shutil.copytree(REPO / "assessments" / "source" / "m01", root / "source" / "m01")
    shutil.copyfile(REPO / "assessments" / "nbgrader_config.py", root / "course_config.py")
    env = {**os.environ, "SMEAI_HOME": str(base / "smeai-home"), "SMEAI_LANG": "nl"}
    clock = {"start": time.perf_counter()}
    for assignment in ASSIGNMENTS:
        result = subprocess.run([sys.executable, "-m", "nbgrader", "generate_assignment", assignment, "--force"],
                                cwd=root, env=env, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
    from nbgrader.api import Gradebook

    builder = _load_builder()
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}", "smeai-testklas") as gb:
        gb.update_or_create_assignment("m01", duedate=builder.DUE)
    outside = base / "outside"
    outside.mkdir()
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    expected = builder.build(root, outside, listener.getsockname()[1])
    clock["class written"] = time.perf_counter()
    try:
        runs = compare(root, list(ASSIGNMENTS), base / "runs", jobs=JOBS, env=env)
        clock["graded both ways"] = time.perf_counter()
        course = Path(runs["roots"]["smeai grade"])
        summaries = {a: json.loads((course / "smeai-grading" / f"{a}.json").read_text()) for a in ASSIGNMENTS}
        first_scores = gradebook_scores(course, list(ASSIGNMENTS))
        # once more: m01 holds every broken and hostile case
        again = {a: _smeai("grade", a, "--root", str(course), "--jobs", str(JOBS), "--quiet", cwd=course, env=env)
                 for a in AGAIN}
        summaries_again = {a: json.loads((course / "smeai-grading" / f"{a}.json").read_text()) for a in AGAIN}
        clock["graded again"] = time.perf_counter()
        feedback = {a: _smeai("feedback", a, "--root", str(course), cwd=course, env=env) for a in ASSIGNMENTS}
        clock["feedback"] = time.perf_counter()
        report = _smeai("report", "--root", str(course), cwd=course, env=env)
        clock["report"] = time.perf_counter()
    finally:
        listener.close()
    steps = list(clock.items())
    timings = {"submissions": sum(len(v) for v in expected.values()), "jobs": JOBS, "cores": os.cpu_count(),
               **runs["seconds"], "ratio": runs["ratio"],
               "steps": {name: round(at - steps[i - 1][1], 1) for i, (name, at) in enumerate(steps) if i}}
    (base / "timings.json").write_text(json.dumps(timings, indent=2))
    print(f"\n[smeai grade timings] {json.dumps(timings)}")
    return {"root": root, "course": course, "sequential": Path(runs["roots"]["nbgrader autograde"]), "runs": runs,
            "expected": expected, "summaries": summaries, "summaries_again": summaries_again, "again": again,
            "first_scores": first_scores, "feedback": feedback, "report": report, "outside": outside,
            "timings": timings, "env": env}


def _records(graded, assignment: str) -> dict:
    return {r["student"]: r for r in graded["summaries"][assignment]["students"]}


def _cells(nb) -> dict:
    return {c.metadata["nbgrader"]["grade_id"]: c for c in nb.cells if "nbgrader" in c.metadata}


def _autograded(root: Path, assignment: str, student: str):
    return nbformat.read(root / "autograded" / student / assignment / f"{NOTEBOOKS[assignment]}.ipynb", as_version=4)


def _outputs_text(cell) -> str:
    return "\n".join(o.get("text", "") or o.get("evalue", "") for o in cell.get("outputs", []))


# -- the commands ran ---------------------------------------------------------------------------

def test_every_command_finished(graded):
    for name, (code, log) in graded["runs"]["logs"].items():
        if name.startswith("smeai grade"):
            assert code == 0, log
    for assignment in AGAIN:
        assert graded["again"][assignment].returncode == 0, graded["again"][assignment].stderr
    for assignment in ASSIGNMENTS:
        assert graded["feedback"][assignment].returncode == 0, graded["feedback"][assignment].stderr
    assert graded["report"].returncode == 0, graded["report"].stderr


# -- exact scores and statuses --------------------------------------------------------------------

@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_every_submission_gets_exactly_the_designed_scores_and_status(graded, assignment):
    records = _records(graded, assignment)
    scores = graded["first_scores"]
    assert set(records) == set(graded["expected"][assignment])
    notebook = NOTEBOOKS[assignment]
    for student, want in graded["expected"][assignment].items():
        record = records[student]
        assert record["status"] == want["status"], (student, record)
        kinds = {e["kind"] for e in record["events"]}
        assert want["events"] <= kinds, (student, kinds)
        assert record["late"] is want["late"], student
        cells = scores[(assignment, student)]["cells"]
        if want["tests"] is None:  # nothing gradable: every cell 0, nothing to grade by hand
            assert want["why"] in record["why"], (student, record["why"])
            assert all(v == (0.0, False) for v in cells.values()), (student, cells)
            assert record["score"] == 0.0
            continue
        got = {name.split("/")[1]: auto for name, (auto, _) in cells.items() if name.split("/")[1] in want["tests"]}
        assert got == want["tests"], (student, got)
        manual = {name.split("/")[1] for name, (_, needs) in cells.items() if needs}
        assert manual == want["manual"], (student, manual)
        assert set(record["manual"]) == want["manual"], student
        assert record["score"] == sum(want["tests"].values()), (student, record["score"])
        assert f"{notebook}.ipynb" in {p.name for p in (graded["course"] / "autograded" / student / assignment).iterdir()}


def test_the_table_statuses_say_why(graded):
    from smeai.grading.summary import status_text

    m01 = _records(graded, "m01")
    assert status_text(m01["eva"]).startswith("failed: m01-wat-is-ai.ipynb is not valid JSON (line ")
    assert status_text(m01["fleur"]) == "failed: no notebook of this assignment was handed in"
    assert status_text(m01["dirk"]).startswith("graded, late (")
    assert status_text(m01["ada"]) == "needs manual grading: written answers: reflection"
    assert status_text(m01["kim"]) == "graded: q3-answer stopped after 10 s"
    assert status_text(m01["lars"]).startswith("graded: Python stopped in q2-answer: memory limit reached")
    assert status_text(m01["noor"]) == ("needs manual grading: Python stopped in q2-answer: the code ended Python "
                                        "(exit status 3); later cells not run")
    assert status_text(m01["olaf"]).startswith("needs manual grading: Python stopped in q3-answer: killed (SIGKILL)")
    assert status_text(m01["rosa"]) == "needs manual grading: code changed the checker (q1-answer)"
    assert status_text(m01["hanna"]) == "graded: m01-wat-is-ai (1).ipynb was graded as m01-wat-is-ai.ipynb"
    assert status_text(m01["ivo"]) == "graded: deleted cells put back (q1-tests, q3-tests, reflection)"
    assert status_text(m01["jan"]) == "graded: locked cells edited, master used (q1-tests, q2-tests)"
    assert status_text(m01["piet"]) == "graded: output of q1-answer cut at 256 KB"
    assert status_text(m01["gijs"]) == "graded: extra notebook kladblok.ipynb ignored"
    counts = graded["summaries"]["m01"]["counts"]
    assert counts == {"graded": 10, "needs manual grading": 7, "failed": 2}
    assert graded["summaries"]["m01"]["late"] == 1
    csv_lines = (graded["course"] / "smeai-grading" / "m01.csv").read_text().splitlines()
    assert csv_lines[0].startswith("student,score,max_score,status") and len(csv_lines) == 20


# -- the gradebook ------------------------------------------------------------------------------

def test_the_gradebook_is_consistent(graded):
    from nbgrader.api import Gradebook

    course = graded["course"]
    database = course / "gradebook.db"
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert b"quinn was here" not in database.read_bytes()
    with Gradebook(f"sqlite:///{database}", "smeai-testklas") as gb:
        for assignment in ASSIGNMENTS:
            submissions = {s.student.id: s for s in gb.assignment_submissions(assignment)}
            assert set(submissions) == set(graded["expected"][assignment])
            for student, submission in submissions.items():
                for notebook in submission.notebooks:
                    assert [n.name for n in submission.notebooks] == [NOTEBOOKS[assignment]]
                    for grade in notebook.grades:
                        # every cell either has an autograded score or waits for the trainer
                        assert grade.auto_score is not None or grade.needs_manual_grade, (student, grade.name)
    for assignment in ASSIGNMENTS:
        for record in graded["summaries"][assignment]["students"]:
            folder = course / "autograded" / record["student"] / assignment
            if record["status"] == "failed":
                assert not folder.exists(), record["student"]
            else:
                assert record["consistent"] is True, record  # course gradebook == the worker's own
                assert folder.is_dir()


def test_results_equal_sequential_nbgrader_autograde(graded):
    ours = graded["runs"]["scores"]["smeai grade"]
    theirs = graded["runs"]["scores"]["nbgrader autograde"]
    assert set(ours) - set(theirs) == {("m01", "fleur")}
    same = [key for key in ours if key not in NBGRADER_DIFFERS]
    assert len(same) == 20
    for key in same:
        assert ours[key] == theirs[key], (key, ours[key], theirs[key])
    # the documented differences, as nbgrader has them
    assert all(v == (None, True) for v in theirs[("m01", "eva")]["cells"].values())
    assert ("m01", "fleur") not in theirs
    assert theirs[("m01", "hanna")]["score"] == 0.0 and ours[("m01", "hanna")]["score"] == 6.0


def test_grading_again_gives_the_same_result(graded):
    assert gradebook_scores(graded["course"], list(ASSIGNMENTS)) == graded["first_scores"]
    for assignment in AGAIN:
        first = {r["student"]: (r["status"], r["score"], r["late"], sorted(r["manual"]), sorted(r["notes"]))
                 for r in graded["summaries"][assignment]["students"]}
        again = {r["student"]: (r["status"], r["score"], r["late"], sorted(r["manual"]), sorted(r["notes"]))
                 for r in graded["summaries_again"][assignment]["students"]}
        assert again == first


def test_the_summary_states_jobs_limits_and_the_time_bound(graded):
    # how fast is measured in benchmarks/grading.py (a full run judges the speed-up); no clock here
    assert graded["timings"]["submissions"] == 23
    summary = graded["summaries"]["m01"]
    assert summary["jobs"] == JOBS and summary["limits"]["cell_timeout"] == 10
    assert "ceil(19 / 2)" in summary["bound"]


# -- what contained the hostile submissions ------------------------------------------------------

def test_protections_are_detected_and_reported(graded):
    protections = graded["summaries"]["m01"]["protections"]
    for name in ("memory", "cpu", "file_size", "processes", "network", "files", "processes_visible"):
        item = protections[name]
        assert item["how"], name
        assert item["enforced"] or item["why_not"], f"{name}: not enforced and no reason given"
    # rlimits work for every user on Linux
    assert protections["memory"]["enforced"] and protections["cpu"]["enforced"] and protections["file_size"]["enforced"]
    if protections["mode"] is None:
        assert "unshare" in protections["files"]["why_not"], protections["files"]
        assert protections["network"]["why_not"] == protections["files"]["why_not"]
    if not protections["processes"]["enforced"]:
        assert "root" in protections["processes"]["why_not"] or protections["mode"] is None


def test_quinn_could_not_read_or_write_outside_her_folder(graded):
    protections = graded["summaries"]["m01"]["protections"]
    course = graded["course"]
    text = _outputs_text(_cells(_autograded(course, "m01", "quinn"))["q1-answer"])
    if protections["files"]["enforced"]:
        assert "READ" not in text and "WROTE" not in text and "LISTED" not in text, text
        assert text.count("BLOCKED read") == 3 and text.count("BLOCKED write") == 3 and text.count("BLOCKED list") == 2
        assert not (graded["outside"] / "written-by-quinn.txt").exists()
        assert not (course / "written-by-quinn.txt").exists()
    else:  # said in the summary, and visible here: the write outside went through
        assert protections["files"]["why_not"]
        assert "WROTE" in text
    if protections["network"]["enforced"]:
        assert "BLOCKED network" in text and "NETWORK open" not in text
    else:
        assert "NETWORK open" in text and protections["network"]["why_not"]


def test_endless_loop_memory_bomb_exit_and_kill_are_contained(graded):
    course = graded["course"]
    kim = _cells(_autograded(course, "m01", "kim"))
    assert t("grading.timeout", "nl", seconds=10) in _outputs_text(kim["q3-answer"])
    assert kim["q4-tests"].outputs[0].text.startswith("✔ Goed")  # the cells after the loop still ran
    events = {r["student"]: r["events"] for r in graded["summaries"]["m01"]["students"]}
    died = {s: next(e for e in events[s] if e["kind"] == "kernel_died") for s in ("lars", "noor", "olaf")}
    assert died["lars"]["exit_code"] == 86 and died["lars"]["reason"].startswith("memory limit reached")
    assert died["noor"]["exit_code"] == 3
    assert died["olaf"]["exit_code"] == 128 + 9
    noor = _cells(_autograded(course, "m01", "noor"))
    assert _outputs_text(noor["q2-answer"]) == t("grading.kernel_died", "nl")
    assert _outputs_text(noor["q4-tests"]) == t("grading.not_run", "nl")
    mila = _cells(_autograded(course, "m01", "mila"))
    assert [o.ename for o in mila["q1-answer"].outputs if o.output_type == "error"] == ["SystemExit"]
    assert _outputs_text(mila["q4-tests"]).startswith("✔ Goed")


def test_huge_output_is_cut_while_it_arrives(graded):
    path = graded["course"] / "autograded" / "piet" / "m01" / "m01-wat-is-ai.ipynb"
    assert path.stat().st_size < 400_000  # 30 MB printed
    text = _outputs_text(_cells(nbformat.read(path, as_version=4))["q1-answer"])
    assert t("grading.output_cut", "nl", kb=256) in text


def test_redefined_checks_are_put_back(graded):
    events = {r["student"]: r["events"] for r in graded["summaries"]["m01"]["students"]}
    rosa = [e for e in events["rosa"] if e["kind"] == "checker_restored"]
    sem = [e for e in events["sem"] if e["kind"] == "checker_restored"]
    assert rosa and "smeai.exercises.grade" in rosa[0]["restored"] and rosa[0]["when"] == "during"
    restored = {name for e in sem for name in e["restored"]}
    assert {"builtins.AssertionError", "smeai.exercises.core.Exercise.evaluate", "__builtins__"} <= restored
    rosa_cells = _cells(_autograded(graded["course"], "m01", "rosa"))
    wrong = get("m01.q1").evaluate("gokken").text("nl")
    assert [o.evalue for o in rosa_cells["q1-tests"].outputs if o.output_type == "error"] == [wrong]
    # the guard's reports are moved out of the cells into the notebook's metadata
    assert all("application/vnd.smeai.guard+json" not in json.dumps(c.get("outputs", [])) for c in rosa_cells.values())


def test_a_fake_checker_handed_in_next_to_the_notebook_is_not_used(graded):
    for root in (graded["course"], graded["sequential"]):
        cells = _cells(_autograded(root, "fx01", "tess"))
        assert _outputs_text(cells["q1-tests"]).startswith("✘ Nog niet goed")
    assert not (graded["course"] / "autograded" / "tess" / "fx01" / "smeai.py").exists()
    # nbgrader itself hands the file to the kernel; the guard imported the real smeai first
    assert (graded["sequential"] / "autograded" / "tess" / "fx01" / "smeai.py").exists()


def test_an_answer_that_equals_everything_is_flagged_for_the_trainer(graded):
    uma = _records(graded, "fx01")["uma"]
    assert uma["status"] == "needs manual grading"
    finding = next(e for e in uma["events"] if e["kind"] == "suspicious_code")["findings"][0]
    assert finding == {"cell": "q2-answer", "line": 2, "what": "gives an object its own __eq__, which can fool a check"}


def test_deleted_and_edited_cells_use_the_master_copy(graded):
    ivo = _cells(_autograded(graded["course"], "m01", "ivo"))
    assert {"q1-tests", "q3-tests", "reflection"} <= set(ivo)
    assert 'grade("m01.q3", grens_mm)' in ivo["q3-tests"].source
    jan = _cells(_autograded(graded["course"], "m01", "jan"))
    assert 'grade("m01.q1", taak)' in jan["q1-tests"].source
    assert jan["q2-tests"].metadata["nbgrader"]["points"] == 1.0
    hanna = graded["course"] / "autograded" / "hanna" / "m01"
    assert sorted(p.name for p in hanna.glob("*.ipynb")) == ["m01-wat-is-ai.ipynb"]


# -- feedback -----------------------------------------------------------------------------------

def _page(graded, assignment: str, student: str) -> str:
    path = graded["course"] / "feedback" / student / assignment / f"{NOTEBOOKS[assignment]}.html"
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_feedback_never_shows_hidden_tests(graded, assignment):
    from nbgrader.api import Gradebook

    from smeai.grading.feedback import master_hidden_lines

    with Gradebook(f"sqlite:///{graded['course'] / 'gradebook.db'}", "smeai-testklas") as gb:
        hidden = master_hidden_lines(gb, assignment)
    assert hidden, "the assignment has hidden tests"
    pages = sorted((graded["course"] / "feedback").glob(f"*/{assignment}/*.html"))
    graded_students = [r["student"] for r in graded["summaries"][assignment]["students"] if r["status"] != "failed"]
    assert sorted(p.parent.parent.name for p in pages) == sorted(graded_students)
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert leaks(text, hidden) == [], page
        assert hidden_test_leaks(visible_text(text)) == [], page


def test_the_leak_check_would_catch_bram_printing_the_hidden_test(graded):
    from nbconvert import HTMLExporter
    from nbgrader.api import Gradebook

    from smeai.grading.feedback import master_hidden_lines

    with Gradebook(f"sqlite:///{graded['course'] / 'gradebook.db'}", "smeai-testklas") as gb:
        hidden = master_hidden_lines(gb, "m01")
    bram = _autograded(graded["course"], "m01", "bram")
    last = bram.cells[-1]
    assert 'grade("m01.q4", is_klasse1, cases=[' in _outputs_text(last)  # he printed it
    raw, _ = HTMLExporter().from_notebook_node(bram)
    assert leaks(raw, hidden)  # so plain nbconvert would show it
    page = _page(graded, "m01", "bram")
    assert leaks(page, hidden) == [] and MARKER in visible_text(page)


def test_feedback_teaches_in_the_learners_language(graded):
    text = " ".join(visible_text(_page(graded, "m01", "bram")).split())
    assert t("grading.feedback_title", "nl") in text
    assert t("grading.feedback_intro", "nl", score=1, points=9).replace("**", "") in text
    for message in (
        get("m01.q2").evaluate("72,5").text("nl"),
        get("m01.q3").evaluate(71).text("nl"),
        get("m01.q4").evaluate(lambda m, r: m >= 70 and r > 45, cases=trainer_cases()).text("nl"),
    ):
        assert " ".join(message.split()) in text, message
    assert "Tip: " + " ".join(get("m01.q2").hints()[0].split()) in text
    assert t("grading.feedback_no_response", "nl") in text  # the untouched reflection
    ada = " ".join(visible_text(_page(graded, "m01", "ada")).split())
    assert t("grading.feedback_waiting", "nl") in ada  # the written reflection
    assert "✘ " + t("feedback.incorrect", "nl") not in ada
    lars = " ".join(visible_text(_page(graded, "m01", "lars")).split())
    assert t("grading.not_run", "nl") in lars


# -- the class report ---------------------------------------------------------------------------

def test_the_class_report_is_self_contained_and_complete(graded):
    folder = graded["course"] / "smeai-grading"
    page = (folder / "report.html").read_text(encoding="utf-8")
    assert "http://" not in page and "https://" not in page and "<script" not in page
    assert "<link" not in page and "@import" not in page
    assert page.count("src='data:image/png;base64,") == 4  # per assignment: scores, exercises
    text = " ".join(visible_text(page).split())
    assert "Where most learners are stuck" in text
    # only ada got q1 of fx01 right: the one exercise where most learners are stuck
    assert "<td>fx01</td><td>q1-tests (m00.q1)</td><td>1 of 4 (25%)</td>" in page
    for who in ("eva", "fleur", "lars", "rosa", "uma"):
        assert who in text
    waiting = (folder / "report-waiting.csv").read_text().splitlines()
    assert "m01,ada,m01-wat-is-ai,reflection,written answer" in waiting
    assert "fx01,uma,fx01-oefenen,q2-tests,check (flagged for review)" in waiting
    attention = (folder / "report-attention.csv").read_text()
    assert "eva," in attention and "failed" in attention and "not handed in" in attention
    exercises = {line.split(",")[2]: line for line in (folder / "report-exercises.csv").read_text().splitlines()[1:]
                 if line.startswith("m01,")}
    # q1 right for: ada bram dirk gijs hanna ivo kim lars mila noor olaf piet quinn (13 of 17 graded)
    assert exercises["q1-tests"].endswith(",13,17,0.765")
    scores = (folder / "report-scores.csv").read_text().splitlines()
    assert len(scores) == 1 + 23


def test_grade_refuses_an_unknown_assignment_with_a_message(graded, tmp_path):
    result = _smeai("grade", "m99", "--root", str(graded["course"]), cwd=tmp_path, env=graded["env"])
    assert result.returncode == 2
    assert "assignment 'm99' is not in the gradebook" in result.stderr


def _kernels_running() -> list[str]:
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if "smeai.grading.kernel" in cmdline or "smeai.grading.sandbox" in cmdline:
            found.append(cmdline)
    return found


def test_a_submission_over_its_time_budget_is_stopped_and_recorded(graded, tmp_path):
    course = tmp_path / "course"
    shutil.copytree(graded["course"], course, symlinks=True)
    started = time.perf_counter()
    result = _smeai("grade", "m01", "--root", str(course), "--student", "kim", "--student", "ada",
                    "--max-seconds", "5", "--quiet", cwd=course, env=graded["env"])
    seconds = time.perf_counter() - started
    assert result.returncode == 0, result.stderr
    records = {r["student"]: r for r in json.loads((course / "smeai-grading" / "m01.json").read_text())["students"]}
    assert records["kim"]["status"] == "failed" and records["kim"]["why"] == "grading took longer than 5 s and was stopped"
    assert records["ada"]["status"] == "needs manual grading" and records["ada"]["score"] == 6.0
    assert seconds < 5 + 25, seconds  # the budget, plus start-up and recording
    assert _kernels_running() == []  # the stopped kernel went with its worker
    cells = gradebook_scores(course, ["m01"])[("m01", "kim")]["cells"]
    assert all(v == (None, True) for v in cells.values())  # for the trainer to look at
    assert not (course / "autograded" / "kim" / "m01").exists()
