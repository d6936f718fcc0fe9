"""Every exercise with a right answer, a wrong answer, the untouched starter and bad input.

``CASES`` must cover every declared exercise: a new exercise without cases fails
``test_every_exercise_has_cases``.
"""

import importlib
from pathlib import Path

import numpy as np
import pytest

from smeai import ___, i18n, progress
from smeai.exercises import CORRECT, INCORRECT, NOT_ATTEMPTED, GradeFailure, all_exercises, get, grade


def _load_cases():
    cases, bad, starters = {}, {}, {}
    for path in sorted((Path(__file__).parent / "exercise_cases").glob("m[0-9][0-9].py")):
        module = importlib.import_module(f"tests.exercise_cases.{path.stem}")
        cases.update(module.CASES)
        bad.update(module.BAD_INPUT)
        starters.update(getattr(module, "STARTERS", {}))
    return cases, bad, starters


CASES, BAD_INPUT, STARTERS = _load_cases()


def only_public_cases(size_mm, redness_pct):  # passes the cases shown in m01.q4, fails the extra ones
    return size_mm >= 70 and redness_pct >= 40


def test_every_exercise_has_cases():
    declared = {e.id for e in all_exercises()}
    assert declared == set(CASES) == set(BAD_INPUT)


@pytest.mark.parametrize("exercise_id", sorted(CASES))
def test_right_answers_are_correct(exercise_id):
    for answer in CASES[exercise_id][0]:
        feedback = get(exercise_id).evaluate(answer)
        assert feedback.state == CORRECT, (answer, feedback.text())
        assert grade(exercise_id, answer) is True


@pytest.mark.parametrize("exercise_id", sorted(CASES))
def test_wrong_answers_get_a_message_that_points_at_the_mistake(exercise_id):
    for answer, key in CASES[exercise_id][1]:
        feedback = get(exercise_id).evaluate(answer)
        assert feedback.state == INCORRECT, answer
        assert feedback.key == key, (answer, feedback.key)
        for lang in i18n.LANGUAGES:  # a real sentence in both languages, never the bare key
            message = feedback.message(lang)
            assert message != key and "{" not in message, (lang, message)


@pytest.mark.parametrize("exercise_id", sorted(CASES))
def test_untouched_starter_is_not_attempted(exercise_id):
    starter = STARTERS.get(exercise_id, ___)
    for answer in (starter, ...):
        feedback = get(exercise_id).evaluate(answer)
        assert feedback.state == NOT_ATTEMPTED
        assert "___" in feedback.message("nl")
    with pytest.raises(AssertionError, match="Nog niet gedaan"):
        grade(exercise_id, starter)


@pytest.mark.parametrize("exercise_id", sorted(BAD_INPUT))
def test_bad_input_gets_a_kind_message_and_never_correct(exercise_id):
    for answer in BAD_INPUT[exercise_id]:
        feedback = get(exercise_id).evaluate(answer)
        assert feedback.state == INCORRECT, (answer, feedback.text())
        assert feedback.key.startswith(("answer.", f"{exercise_id}.")), (answer, feedback.key)
        text = feedback.text()
        assert "Traceback" not in text and "{" not in text


def test_decimal_comma_messages_show_the_fix():
    q2 = get("m01.q2")
    assert "72.5" in q2.evaluate("72,5").message() and "komma" in q2.evaluate("72,5").message()
    assert "72.5" in q2.evaluate((72, 5)).message() and "twee getallen" in q2.evaluate((72, 5)).message()
    assert "Haal de aanhalingstekens weg" in q2.evaluate("72.5").message()
    assert "NaN" in q2.evaluate(float("nan")).message()


# the trainer's extra cases for m01.q4, as the assignment's hidden test cell hands them in
M01_Q4_EXTRA = [((72, 45), True, "boundary"), ((72, 44), False, "boundary"), ((70, 90), True, "boundary"), ((69, 90), False, "boundary")]


def test_extra_cases_run_only_when_grading_and_never_name_their_input():
    q4 = get("m01.q4")
    assert q4.evaluate(only_public_cases).state == CORRECT
    assert q4.evaluate(only_public_cases, cases=M01_Q4_EXTRA).state == INCORRECT
    with pytest.raises(GradeFailure, match="grenswaarde") as caught:
        grade("m01.q4", only_public_cases, cases=M01_Q4_EXTRA)
    assert "72" not in str(caught.value) and "44" not in str(caught.value)


def test_grade_raises_the_same_message_the_learner_sees():
    message = get("m01.q2").evaluate(0.725).text()
    with pytest.raises(AssertionError) as caught:
        grade("m01.q2", 0.725)
    assert str(caught.value) == message
    # IPython shows only this line: the test cell's source never appears in nbgrader feedback
    assert caught.value._render_traceback_() == [message]


def test_check_without_an_answer_explains_how():
    feedback = get("m01.q2").evaluate()
    assert feedback.state == NOT_ATTEMPTED and "q2.check(" in feedback.message()


def test_a_bug_inside_a_check_is_a_friendly_message(monkeypatch):
    q3 = get("m01.q3")
    monkeypatch.setattr(q3._check, "test", lambda value: 1 / 0)
    feedback = q3.evaluate(74)
    assert feedback.state == INCORRECT and feedback.key == "check.internal_error"

    # In a kernel no logging is set up: the internal error must not print a traceback there.
    import subprocess
    import sys

    code = "from smeai.exercises import get\nq = get('m01.q3')\nq._check.test = lambda v: 1 / 0\nprint(q.evaluate(74).state)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "incorrect" and done.stderr == ""


def test_unknown_exercise_and_bad_ids():
    with pytest.raises(KeyError, match="m99.q1"):
        get("m99.q1")
    from smeai.exercises import Close, Exercise

    with pytest.raises(ValueError, match="m01.q2"):
        Exercise("exercise 2", Close(1))
    with pytest.raises(ValueError, match="twice"):
        Exercise("m01.q1", Close(1))


def test_check_shows_plain_text_outside_jupyter_and_records_it(capsys):
    get("m01.q2").check(72.5)
    assert capsys.readouterr().out.strip() == "✔ Goed: Goed gedaan!"
    get("m01.q2").check("72,5")
    assert capsys.readouterr().out.startswith("✘ Nog niet goed: ")
    events = progress.store().events()
    assert [(e["kind"], e["exercise"], e["state"]) for e in events] == [("check", "m01.q2", "correct"), ("check", "m01.q2", "incorrect")]


def test_feedback_html_has_an_icon_and_words_not_colour_alone():
    html = get("m01.q2").evaluate(50)._repr_html_()
    assert 'class="smeai-feedback smeai-incorrect"' in html and 'role="status"' in html
    assert "✘" in html and "Nog niet goed" in html and "te laag" in html
    assert "<script" not in get("m01.q1").evaluate("<script>alert(1)</script>")._repr_html_()


def test_hints_come_in_order_and_the_last_one_points_to_the_solution(capsys):
    q1 = get("m01.q1")
    q1._hints_shown = 0
    hints = q1.hints()
    assert len(hints) >= 2
    for number in range(len(hints) + 1):
        q1.hint()
        out = capsys.readouterr().out
        assert hints[min(number, len(hints) - 1)] in out
    assert "q1.solution()" in out
    q1.solution()
    assert 'taak = "voorspellen"' in capsys.readouterr().out
    kinds = [e["kind"] for e in progress.store().events()]
    assert kinds == ["hint"] * (len(hints) + 1) + ["solution"]


@pytest.mark.parametrize("exercise_id", sorted(CASES))
def test_every_exercise_has_hints_and_a_solution_in_both_languages(exercise_id):
    for lang in i18n.LANGUAGES:
        catalogue = i18n.catalogue(lang)
        assert isinstance(catalogue[f"{exercise_id}.hints"], list) and catalogue[f"{exercise_id}.hints"]
        assert catalogue[f"{exercise_id}.solution"].strip()


def test_every_message_key_an_exercise_can_give_exists():
    # keys relative to an exercise (".too_low") must be in the catalogue under its id
    for exercise_id, (_, wrong) in CASES.items():
        for _, key in wrong:
            assert key in i18n.catalogue("nl") and key in i18n.catalogue("en"), key


class Stop(BaseException):
    pass


def test_a_function_that_escapes_with_a_base_exception_is_still_a_message():
    def exits(size_mm, redness_pct):
        raise SystemExit(3)

    def stops_only_on_hidden(size_mm, redness_pct):
        if (size_mm, redness_pct) == (72, 45):
            raise Stop()
        return size_mm >= 70 and redness_pct >= 45

    assert get("m01.q4").evaluate(exits).key == "check.function_raised"
    with pytest.raises(GradeFailure) as info:
        grade("m01.q4", stops_only_on_hidden, cases=M01_Q4_EXTRA)
    assert "72" not in str(info.value)  # an extra (hidden) case's input is never named


def test_grade_ignores_warnings_so_nbgrader_does_not_score_stderr(recwarn):
    import warnings

    def warns(size_mm, redness_pct):
        warnings.warn("a library warning")
        return size_mm >= 70 and redness_pct >= 45

    assert grade("m01.q4", warns, cases=M01_Q4_EXTRA) is True
    assert len(recwarn) == 0


def test_an_answer_that_claims_to_equal_everything_is_not_correct():
    class Anything:
        def __eq__(self, other):
            return True

    def cheats(size_mm, redness_pct):
        return Anything()

    assert get("m01.q4").evaluate(cheats).state == INCORRECT
    with pytest.raises(GradeFailure):
        grade("m01.q4", cheats, cases=M01_Q4_EXTRA)


# -- extra cases from the trainer's hidden test cell, handed in as data -----------------------------

EXTRA = [((72, 45), True, "boundary"), ((72, 44), False, "boundary")]


def test_extra_cases_run_only_when_handed_in_and_name_their_kind_not_their_input():
    def strict_above(size_mm, redness_pct):  # passes the shown cases, fails on the boundary
        return size_mm >= 70 and redness_pct > 45

    assert get("m01.q4").evaluate(strict_above).state == CORRECT
    feedback = get("m01.q4").evaluate(strict_above, cases=EXTRA)
    assert feedback.state == INCORRECT and feedback.key == "check.extra_case_failed"
    for lang, words in (("nl", "een grenswaarde"), ("en", "a boundary value")):
        text = feedback.text(lang)
        assert words in text and "72" not in text and "45" not in text
    with pytest.raises(GradeFailure, match="grenswaarde") as caught:
        grade("m01.q4", strict_above, cases=EXTRA)
    assert "72" not in str(caught.value)
    assert grade("m01.q4", lambda s, r: s >= 70 and r >= 45, cases=EXTRA) is True


def test_a_crash_in_an_extra_case_names_the_error_type_only():
    def crashes_on_boundary(size_mm, redness_pct):
        if redness_pct == 44:
            raise ValueError("redness 44 is not allowed")
        return size_mm >= 70 and redness_pct >= 45

    feedback = get("m01.q4").evaluate(crashes_on_boundary, cases=EXTRA)
    assert feedback.key == "check.extra_case_raised"
    assert "ValueError" in feedback.text() and "44" not in feedback.text()


def test_a_trainers_mistake_in_the_cases_is_loud_not_a_wrong_answer():
    with pytest.raises(ValueError, match="case kind"):
        get("m01.q4").evaluate(lambda s, r: True, cases=[((72, 45), True, "edgy")])
    with pytest.raises(ValueError, match="takes no extra cases"):
        get("m01.q2").evaluate(72.5, cases=EXTRA)
    # in a graded cell the mistake never shows the cell's source: one calm line, logged in full
    with pytest.raises(GradeFailure, match="Dat ligt niet aan jou"):
        grade("m01.q4", lambda s, r: True, cases=[((72, 45),)])
