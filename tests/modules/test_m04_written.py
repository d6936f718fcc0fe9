"""Module 04's numbers written in its notebooks and its assignment, computed from the model."""

import re

import pytest

from smeai.exercises import CORRECT, GradeFailure, all_exercises, get, grade
from smeai.modules.m04 import model

from .written import assignment, course, hidden_cases, number, one, solution_feedback, sources


def test_the_assignments_confusion_matrix_and_threshold_table_are_the_models():
    path = assignment("04")
    at_half = model.counts_at("invoices", 50)
    matrix = one(path, r"terecht alarm: (\d+) \| gemist: (\d+) \|\n\| \*\*werkelijk op tijd\*\* \| vals alarm: (\d+) \| terecht geen alarm: (\d+)")
    assert tuple(map(int, matrix.groups())) == (at_half.caught, at_half.missed, at_half.false_alarm, at_half.quiet)
    assert one(path, r"verwarringsmatrix voor de (\d+) facturen").group(1) == str(at_half.total)
    cell = next(source for source in sources(path, "markdown") if "drempel: alarm vanaf" in source)
    table = re.findall(r"^\| (\d+) % \| (\d+) \| (\d+) \|$", cell, flags=re.M)
    assert [int(pct) for pct, _, _ in table] == list(range(5, 55, 5))
    for pct, false_alarms, missed in table:
        counts = model.counts_at("invoices", int(pct))
        assert (int(false_alarms), int(missed)) == (counts.false_alarm, counts.missed), pct


def test_the_assignments_solutions_are_the_models_answers():
    path = assignment("04")
    at_half = model.counts_at("invoices", 50)
    cost = one(path, r"kosten_50 = (\d+) \* 15 \+ (\d+) \* 60", "code")
    assert (int(cost.group(1)), int(cost.group(2))) == (at_half.false_alarm, at_half.missed)
    # the cheapest threshold of the table (every 5 %), with its cost in the comment
    solution = one(path, r"drempel = (\d+)   # (\d+) × € 15 \+ (\d+) × € 60 = € ([\d.]+)", "code")
    threshold, false_alarms, missed, cost = solution.groups()
    costs = {pct: model.cost_at("invoices", pct, 15, 60) for pct in range(5, 55, 5)}
    assert int(threshold) == min(costs, key=costs.get)
    counts = model.counts_at("invoices", int(threshold))
    assert (int(false_alarms), int(missed), number(cost)) == (counts.false_alarm, counts.missed, costs[int(threshold)])
    low, high = model.acceptable_thresholds("invoices", 15, 60)
    assert low <= int(threshold) <= high  # the grader accepts it too


# the sentences, per language, with the number they state
COURSE_TEXTS = {
    "never": (r"'op tijd' zeggen\*\* heeft (\d+) % goed op de testset", r"'on time'\*\* is (\d+) % right on the test set"),
    "per_month": (r"Per maand zijn er maar zo'n (\d+) facturen", r"only about (\d+) invoices per month"),
    "no_shows": (r"Ongeveer (\d+) van de 100 patiënten", r"About (\d+) in 100 patients"),
    "test_set": (r"voor de (\d+) facturen in de testset", r"for the (\d+) invoices in the test set"),
}


def test_the_course_texts_say_what_the_model_computes():
    stated = {key: [int(one(path, pattern).group(1)) for path, pattern in zip(course("04"), patterns)] for key, patterns in COURSE_TEXTS.items()}
    # "always on time" is right as often as an invoice in the test set was on time
    assert set(stated["never"]) == {round(100 * (1 - model.test_truth("invoices").mean()))}
    assert all(abs(n - model.N_INVOICES / 12) < 10 for n in stated["per_month"])  # "about"
    assert all(abs(n - model.pct_late("appointments")) < 1 for n in stated["no_shows"])  # "about"
    assert set(stated["test_set"]) == {len(model.split("invoices")[1])}


def test_every_solution_text_passes_its_own_check_in_both_languages():
    for exercise in all_exercises("04"):
        for lang in ("nl", "en"):
            feedback = solution_feedback(exercise, lang)
            assert feedback.state == CORRECT, (exercise.id, lang, feedback.text())


def test_the_hints_ranges_hold_the_cheapest_thresholds():
    # q6: "try values between 10 and 30"; q7: "try values below 15 %"
    assert 10 <= model.acceptable_thresholds("invoices", 15, 60)[0] <= model.acceptable_thresholds("invoices", 15, 60)[1] <= 30
    assert model.acceptable_thresholds("appointments", 5, 45)[1] < 15
    for lang in ("nl", "en"):
        assert ("10" in get("m04.q6").hints(lang)[1] and "30" in get("m04.q6").hints(lang)[1]) and "15 %" in get("m04.q7").hints(lang)[1]


def test_the_assignments_extra_cases_catch_a_rule_tuned_to_the_shown_cases():
    cases = hidden_cases(assignment("04"), "m04.q5")

    def tuned(late_before):  # right for the cases the learner sees (0, 1 and 6), wrong in between
        return late_before in (1, 6)

    assert grade("m04.q5", tuned) is True
    with pytest.raises(GradeFailure) as failed:
        grade("m04.q5", tuned, cases=cases)
    assert "een gewoon geval" in str(failed.value) and "2" not in str(failed.value)  # the kind, never the input
    assert grade("m04.q5", lambda n: n >= 1, cases=cases) is True


def test_the_notebooks_split_is_the_models_split():
    # the learner's own cell splits the invoices as the explorers do, so their numbers agree
    for path in course("04"):
        share, seed = one(path, r"train_test_split\(\w+, test_size=([\d.]+), random_state=(\d+)\)", "code").groups()
        assert (float(share), int(seed)) == (model.TEST_SHARE, model.SPLIT_SEED)
