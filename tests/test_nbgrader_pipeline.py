"""The real nbgrader pipeline on the module 01 assignment, in a temporary copy of assessments/.

One module-scoped fixture runs ``generate_assignment``, ``autograde`` and ``generate_feedback``
once (nbgrader's own command line, in subprocesses), for three submissions:

- ``reference``: every answer cell holds the source notebook's solution, and the reflection is
  written: all autograded points, and the reflection waits for the trainer;
- ``untouched``: the released notebook as it was handed out: no points;
- ``partial``: q1 right, q2 typed as the text ``"72,5"``, q3 a threshold that is too low, and a q4
  function that passes the public cases but fails a hidden one: only q1's point. This learner
  also uses ``grade`` as a variable name; each test cell imports ``grade`` again, so that costs
  nothing.

The tests then read the gradebook, the autograded notebooks and the feedback HTML.
"""

from __future__ import annotations

import html.parser
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from smeai.exercises import GradeFailure, ___, get, grade
from smeai.i18n import t

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
ASSESSMENTS = REPO / "assessments"
ASSIGNMENT = "m01"
NOTEBOOK = "m01-wat-is-ai"

# test cell -> points; the written reflection is graded by hand
TEST_POINTS = {"q1-tests": 1, "q2-tests": 1, "q3-tests": 2, "q4-tests": 2}
REFLECTION = "reflection"
REFLECTION_POINTS = 3
AUTOGRADED_MAX = sum(TEST_POINTS.values())  # 6

# what each submission was designed to score, per test cell
DESIGNED = {
    "reference": dict(TEST_POINTS),
    "untouched": dict.fromkeys(TEST_POINTS, 0),
    "partial": {"q1-tests": 1, "q2-tests": 0, "q3-tests": 0, "q4-tests": 0},
}
STUDENTS = tuple(DESIGNED)

SOLUTION_DELIMITER = re.compile(r"^\s*### (BEGIN|END) SOLUTION\s*$")


def _is_wrong_only_in_hidden_cases(maat_mm, rood_pct):
    """The partial learner's q4: ``>`` instead of ``>=``, right for every public case."""
    return maat_mm >= 70 and rood_pct > 45


def trainer_cases(grade_id: str = "q4-tests") -> list:
    """The extra cases the trainer's source notebook hands to ``grade(..., cases=[...])`` in its
    hidden tests: read from there, so no copy of them lives in the tests or the package."""
    import ast

    nb = nbformat.read(REPO / "assessments" / "source" / ASSIGNMENT / f"{NOTEBOOK}.ipynb", as_version=4)
    (cell,) = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id]
    hidden = cell.source.split("### BEGIN HIDDEN TESTS")[1].split("### END HIDDEN TESTS")[0]
    (call,) = [node for node in ast.walk(ast.parse(hidden)) if isinstance(node, ast.Call)]
    (cases,) = [k.value for k in call.keywords if k.arg == "cases"]
    return ast.literal_eval(cases)


PARTIAL_ANSWERS = {  # grade_id -> (the starter line, what the learner typed over it)
    "q1-answer": ('taak = ___', 'taak = "voorspellen"\ngrade = 8  # a name clash with the checker'),
    "q2-answer": ('regel_70_pct = ___', 'regel_70_pct = "72,5"'),
    "q3-answer": ('grens_mm = ___', 'grens_mm = 71'),
    "q4-answer": ('rood_pct >= ___', 'rood_pct > 45'),
}
PARTIAL_VALUES = {"m01.q2": "72,5", "m01.q3": 71}

REFLECTION_TEXT = (
    "Een vaste regel: een bestelling boven 500 euro moet mijn baas goedkeuren. Op ervaring: ik "
    "schat hoeveel taarten we op zaterdag verkopen. Dat kan een computer leren van oude "
    "zaterdagen met het weer en de echte verkoop. Bij een fout heeft de klant last; ik kijk de "
    "schatting altijd na."
)


# -- helpers -----------------------------------------------------------------------------------

def nbgrader(root: Path, env: dict, *args: str) -> str:
    """Run one nbgrader command in the course root; fail with its log when it fails."""
    result = subprocess.run(
        [sys.executable, "-m", "nbgrader", *args], cwd=root, env=env,
        capture_output=True, text=True, timeout=300,
    )
    log = result.stdout + result.stderr
    assert result.returncode == 0, f"nbgrader {' '.join(args)} failed:\n{log}"
    assert "[ERROR]" not in log and "| ERROR]" not in log, f"nbgrader {' '.join(args)} logged an error:\n{log}"
    return log


def cells_by_id(nb) -> dict:
    return {c.metadata["nbgrader"]["grade_id"]: c for c in nb.cells if "nbgrader" in c.metadata}


def solution_source(source: str) -> str:
    """A source cell's solution as a learner would hand it in: the delimiters taken out."""
    return "\n".join(line for line in source.split("\n") if not SOLUTION_DELIMITER.match(line))


def submit(root: Path, student: str, nb) -> None:
    folder = root / "submitted" / student / ASSIGNMENT
    folder.mkdir(parents=True)
    nbformat.write(nb, folder / f"{NOTEBOOK}.ipynb")


class _Text(html.parser.HTMLParser):
    """The text a reader sees in an HTML page: tags dropped, entities decoded, no CSS or script.
    Syntax highlighting splits ``cases=[...]`` into several spans, so raw HTML is not searched."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("style", "script") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(page: str) -> str:
    parser = _Text()
    parser.feed(page)
    parser.close()
    return " ".join("".join(parser.parts).split())


def hidden_test_leaks(text: str) -> list[str]:
    return [s for s in ("BEGIN HIDDEN TESTS", "END HIDDEN TESTS", "hidden=True", "hidden = True", "cases=[", "cases = [") if s in text]


def error_outputs(cell) -> list:
    return [o for o in cell.get("outputs", []) if o.output_type == "error"]


# -- the pipeline, run once ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def course(tmp_path_factory):
    root = tmp_path_factory.mktemp("course") / "assessments"
    shutil.copytree(ASSESSMENTS, root, ignore=shutil.ignore_patterns(
        "release", "submitted", "autograded", "feedback", "gradebook.db", ".nbgrader.log", ".ipynb_checkpoints",
    ))
    env = {**os.environ, "SMEAI_HOME": str(root.parent / "smeai-home"), "SMEAI_LANG": "nl"}

    logs = {"generate": nbgrader(root, env, "generate_assignment", ASSIGNMENT, "--force")}
    source = nbformat.read(root / "source" / ASSIGNMENT / f"{NOTEBOOK}.ipynb", as_version=4)
    release = nbformat.read(root / "release" / ASSIGNMENT / f"{NOTEBOOK}.ipynb", as_version=4)

    # (a) the reference: each solution cell as the source notebook has it, the reflection written
    reference = nbformat.from_dict(release)
    source_cells = cells_by_id(source)
    for grade_id, cell in cells_by_id(reference).items():
        if cell.metadata["nbgrader"].get("solution"):
            cell.source = REFLECTION_TEXT if grade_id == REFLECTION else solution_source(source_cells[grade_id].source)
    submit(root, "reference", reference)

    # (b) untouched
    submit(root, "untouched", release)

    # (c) partly wrong: the learner types over the starter, as the instructions say
    partial = nbformat.from_dict(release)
    partial_cells = cells_by_id(partial)
    for grade_id, (starter, typed) in PARTIAL_ANSWERS.items():
        cell = partial_cells[grade_id]
        assert starter in cell.source, (grade_id, cell.source)
        cell.source = cell.source.replace(starter, typed)
    submit(root, "partial", partial)

    logs["autograde"] = nbgrader(root, env, "autograde", ASSIGNMENT, "--force")
    logs["feedback"] = nbgrader(root, env, "generate_feedback", ASSIGNMENT, "--force")
    return {"root": root, "env": env, "source": source, "release": release, "logs": logs}


def autograded(course, student):
    path = course["root"] / "autograded" / student / ASSIGNMENT / f"{NOTEBOOK}.ipynb"
    return nbformat.read(path, as_version=4)


def feedback_html(course, student) -> str:
    path = course["root"] / "feedback" / student / ASSIGNMENT / f"{NOTEBOOK}.html"
    return path.read_text(encoding="utf-8")


# -- the released notebook -----------------------------------------------------------------------

def test_release_has_stubs_no_solutions_and_no_hidden_tests(course):
    cells = cells_by_id(course["release"])
    text = "\n".join(c.source for c in course["release"].cells)
    for answer in ("voorspellen\"", "72.5", "grens_mm = 74", ">= 45", "Voorbeeldantwoord"):
        assert answer not in text, answer
    assert "NotImplementedError" not in text
    assert hidden_test_leaks(text) == []
    for grade_id in ("q1-answer", "q2-answer", "q3-answer", "q4-answer"):
        source = cells[grade_id].source
        assert "___" in source and "VUL HIER IN" in source, source
    assert cells[REFLECTION].source.startswith("SCHRIJF HIER JE ANTWOORD")
    # every test cell and the setup cell are locked for the learner
    for grade_id in (*TEST_POINTS, "setup"):
        assert cells[grade_id].metadata.get("editable") is False, grade_id
        assert cells[grade_id].metadata.get("deletable") is False, grade_id


# -- scores in the gradebook ---------------------------------------------------------------------

@pytest.mark.parametrize("student", STUDENTS)
def test_autograded_scores_are_exactly_as_designed(course, student):
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course['root'] / 'gradebook.db'}") as gb:
        notebook = gb.find_submission_notebook(NOTEBOOK, ASSIGNMENT, student)
        scores = {g.name: g.auto_score for g in notebook.grades if g.name in TEST_POINTS}
        max_scores = {g.name: g.max_score for g in notebook.grades}
        total, max_total = notebook.score, notebook.max_score
    assert max_scores == {**TEST_POINTS, REFLECTION: REFLECTION_POINTS}
    assert max_total == AUTOGRADED_MAX + REFLECTION_POINTS == 9
    assert scores == DESIGNED[student]
    # nothing is graded by hand yet, so the total is the autograded score
    assert total == sum(DESIGNED[student].values()) == {"reference": 6, "untouched": 0, "partial": 1}[student]


def test_only_a_written_reflection_waits_for_the_trainer(course):
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course['root'] / 'gradebook.db'}") as gb:
        reflection = {s: gb.find_grade(REFLECTION, NOTEBOOK, ASSIGNMENT, s) for s in STUDENTS}
        state = {s: (g.needs_manual_grade, g.auto_score) for s, g in reflection.items()}
        tests_need_manual = [
            (s, g.name) for s in STUDENTS
            for g in gb.find_submission_notebook(NOTEBOOK, ASSIGNMENT, s).grades
            if g.name in TEST_POINTS and g.needs_manual_grade
        ]
    # written: the trainer grades it; left as the stub: nbgrader gives 0 and asks nothing
    assert state == {"reference": (True, None), "untouched": (False, 0.0), "partial": (False, 0.0)}
    assert tests_need_manual == []


# -- what the grader ran: the same messages as in the course, in Dutch, without source lines -----

def test_failed_checks_in_the_autograded_notebook_show_only_the_dutch_message(course):
    nb = cells_by_id(autograded(course, "partial"))
    errors = {grade_id: error_outputs(nb[grade_id]) for grade_id in TEST_POINTS}
    assert [gid for gid, e in errors.items() if e] == ["q2-tests", "q3-tests", "q4-tests"]

    expected = {
        "q2-tests": get("m01.q2").evaluate(PARTIAL_VALUES["m01.q2"]).text("nl"),
        "q3-tests": get("m01.q3").evaluate(PARTIAL_VALUES["m01.q3"]).text("nl"),
        "q4-tests": get("m01.q4").evaluate(_is_wrong_only_in_hidden_cases, cases=trainer_cases()).text("nl"),
    }
    for grade_id, message in expected.items():
        (error,) = errors[grade_id]
        assert message.startswith("✘ " + t("feedback.incorrect", "nl") + ":")
        assert error.ename == "GradeFailure" and error.evalue == message
        # GradeFailure._render_traceback_: one line, the message, and no line of the test's source
        assert error.traceback == [message], error.traceback
    # the q4 public cases pass; it is an extra case that fails, named by its kind, not its input
    assert get("m01.q4").evaluate(_is_wrong_only_in_hidden_cases).correct
    assert "grenswaarde" in expected["q4-tests"] and "72" not in expected["q4-tests"]


def test_untouched_submission_is_told_it_is_not_attempted_in_dutch(course):
    nb = cells_by_id(autograded(course, "untouched"))
    not_attempted = get("m01.q1").evaluate(___).text("nl")
    assert not_attempted.startswith("✎ " + t("feedback.not_attempted", "nl") + ":")
    for grade_id in TEST_POINTS:
        (error,) = error_outputs(nb[grade_id])
        assert error.evalue == not_attempted, (grade_id, error.evalue)


def test_passing_checks_say_so_in_dutch_and_leave_no_value_for_partial_credit(course):
    # A test cell's last value would be read as a partial-credit score; the cells end with a
    # printed confirmation instead, so nbgrader gives full points without a warning.
    nb = cells_by_id(autograded(course, "reference"))
    for grade_id in TEST_POINTS:
        outputs = nb[grade_id].outputs
        assert [o.output_type for o in outputs] == ["stream"], (grade_id, outputs)
        assert outputs[0].name == "stdout" and outputs[0].text.startswith("✔ Goed"), outputs
    assert "partial credit" not in course["logs"]["autograde"]


def test_autograde_restores_the_hidden_test_before_running_it(course):
    # the learner never had the hidden line; the grader put it back and ran it
    nb = cells_by_id(autograded(course, "partial"))
    assert 'grade("m01.q4", is_klasse1, cases=[' in nb["q4-tests"].source


# -- feedback ------------------------------------------------------------------------------------

@pytest.mark.parametrize("student", STUDENTS)
def test_feedback_never_shows_hidden_tests(course, student):
    text = visible_text(feedback_html(course, student))
    assert "Controle van opdracht 4" in text  # the q4 test cell itself is there
    assert hidden_test_leaks(text) == []


def test_the_leak_check_would_see_a_hidden_test_in_plain_nbconvert_html(course):
    # control: the same text extraction finds the hidden test when ClearHiddenTests is not used
    from nbconvert import HTMLExporter

    page, _ = HTMLExporter().from_notebook_node(autograded(course, "partial"))
    assert "cases=[" in visible_text(page) and "BEGIN HIDDEN TESTS" in visible_text(page)


def test_feedback_shows_scores_and_the_learner_facing_messages(course):
    partial = visible_text(feedback_html(course, "partial"))
    reference = visible_text(feedback_html(course, "reference"))
    assert f"Score: 1.0 / {AUTOGRADED_MAX + REFLECTION_POINTS:.1f}" in partial
    assert f"Score: {AUTOGRADED_MAX:.1f} / {AUTOGRADED_MAX + REFLECTION_POINTS:.1f}" in reference

    hidden_failure = get("m01.q4").evaluate(_is_wrong_only_in_hidden_cases, cases=trainer_cases()).text("nl")
    for message in (
        hidden_failure,
        get("m01.q2").evaluate(PARTIAL_VALUES["m01.q2"]).text("nl"),
        get("m01.q3").evaluate(PARTIAL_VALUES["m01.q3"]).text("nl"),
    ):
        assert " ".join(message.split()) in partial, message
    assert "extra geval van je trainer" in partial  # words of check.extra_case_failed in locales/nl
    # (the intro mentions the label too, so look for it as a message starts: with its icon)
    assert "✘ " + t("feedback.incorrect", "nl") not in reference
    assert "✘ " + t("feedback.incorrect", "nl") in partial
    assert "✘ " + t("feedback.incorrect", "en") not in partial  # Dutch, not English


# -- validation, as `nbgrader validate` does it ------------------------------------------------

def test_validator_passes_the_source_and_fails_the_release(course):
    from nbgrader.validator import Validator

    with_solutions = Validator().validate(str(course["root"] / "source" / ASSIGNMENT / f"{NOTEBOOK}.ipynb"))
    released = Validator().validate(str(course["root"] / "release" / ASSIGNMENT / f"{NOTEBOOK}.ipynb"))
    assert with_solutions == {}
    assert set(released) == {"failed"}
    failed = {f["source"].splitlines()[0]: f["raw_error"] for f in released["failed"]}
    # the four test cells, each with the Dutch "not attempted" message, and the empty reflection
    assert len(failed) == len(TEST_POINTS) + 1
    tests = {k: v for k, v in failed.items() if k.startswith("# Controle van opdracht")}
    assert len(tests) == len(TEST_POINTS)
    assert all(t("feedback.not_attempted", "nl") in error for error in tests.values())
    assert failed["SCHRIJF HIER JE ANTWOORD / WRITE YOUR ANSWER HERE"] == "You did not provide a response."


# -- the messages themselves, without nbgrader ---------------------------------------------------

def test_grade_explains_an_untouched_starter_and_a_decimal_comma_in_dutch():
    with pytest.raises(GradeFailure) as untouched:
        grade("m01.q2", ___)
    with pytest.raises(GradeFailure) as comma:
        grade("m01.q2", "72,5")
    assert str(untouched.value) == "✎ Nog niet gedaan: " + t("answer.blank", "nl")
    assert "Vervang ___ door je antwoord" in str(untouched.value)
    assert str(comma.value).startswith("✘ Nog niet goed: ")
    assert "met een komma" in str(comma.value) and "72.5" in str(comma.value)
    assert isinstance(comma.value, AssertionError)  # so nbgrader counts the test as failed
    assert comma.value._render_traceback_() == [str(comma.value)]
    assert grade("m01.q2", 72.5) is True


def test_feedback_from_the_kits_config_needs_nothing_from_the_internet(course):
    # nbgrader's template loads MathJax from a CDN; the kit's config leaves it out (offline pages)
    pages = sorted((course["root"] / "feedback").rglob("*.html"))
    assert pages
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"""<script[^>]+src=["']?https?:""", text), page
        assert "cdnjs" not in text and "MathJax.js" not in text and "latest.js?config" not in text, page
