import numpy as np
import pandas as pd

from smeai import ___
from smeai.modules.m06 import model

from .common import BAD_FUNCTION, BAD_NUMBER, BAD_TEXT

# q3's wrong words come from the example e-mail itself: the runner-up pushes it towards the
# model's pile too, the last word pushes it away (a scikit-learn release may reorder them)
_EXAMPLE = model.test_results().loc[model.EXAMPLE_EMAIL]
POINTS = model.word_points(model.email_text(_EXAMPLE.subject, _EXAMPLE.body), _EXAMPLE.predicted)


def needs_person(certainty_pct):
    return certainty_pct < 80


def starter_needs_person(certainty_pct):
    return certainty_pct < ___


def crashes(certainty_pct):
    return certainty_pct / 0


CASES = {
    "m06.q1": (
        ["opgelost", "klacht", " Klacht ", "OPGELOST"],
        [("kapot", "m06.q1.too_rare"), ("slecht", "m06.q1.too_rare"), ("niet", "m06.q1.not_specific"), ("factuur", "m06.q1.not_specific"),
         ("boos", "m06.q1.not_found"), ("geen warm water", "m06.q1.many_words"), ("123", "m06.q1.no_word"), ("a", "m06.q1.no_word")],
    ),
    "m06.q2": (
        ["factuur", "Invoice", " FACTUUR ", "facturen", "rekening"],
        [("klacht", "m06.q2.real_category"), ("complaint", "m06.q2.real_category"), ("vraag", "m06.q2.other_category"),
         ("bestelling", "m06.q2.other_category"), ("de verkeerde", "m06.q2.unknown_category")],
    ),
    "m06.q3": (
        ["factuur", " Factuur ", "FACTUUR"],
        [(POINTS[1][0], "m06.q3.not_strongest"), ("ik", "m06.q3.not_strongest"), (POINTS[-1][0], "m06.q3.pushes_away"),
         ("kou", "m06.q3.pushes_away"), ("pizza", "m06.q3.not_in_email"), ("warmtepomp", "m06.q3.not_in_email"), ("geen warm water", "m06.q3.many_words"), ("75", "m06.q3.no_word")],
    ),
    "m06.q4": (
        [needs_person, lambda c: c < 80.0, lambda c: not c >= 80],
        [(lambda c: c > 80, "m06.q4.case_failed"), (lambda c: c < 90, "m06.q4.case_failed"),
         (lambda c: c < 60, "m06.q4.case_failed"), (lambda c: "mens", "m06.q4.case_failed"), (crashes, "check.function_raised")],
    ),
    "m06.q5": (
        [25, 25.0, 2 / 8 * 100, np.float64(25), [25], 25.3],
        [(0.25, "m06.q5.fraction"), (2, "m06.q5.count"), (50, "m06.q5.likeliest"), (12.5, "check.number_too_low"),
         (75, "check.number_too_high")],
    ),
    "m06.q6": (
        [0.2, 0.1, 0.25, np.float64(0.2)],
        [(0.3, "m06.q6.almost"), (0.5, "m06.q6.almost"), (1, "m06.q6.too_warm"), (1.5, "m06.q6.too_warm"),
         (0, "m06.q6.not_positive"), (-1, "m06.q6.not_positive"), (5, "m06.q6.out_of_range")],
    ),
    "m06.q7": (
        [[2, 4, 5, 6], (6, 5, 4, 2), {2, 4, 5, 6}, np.array([2, 4, 5, 6]), [2.0, 4, 5, 6], [2, 2, 4, 5, 6], pd.Series([2, 4, 5, 6])],
        [([2, 4, 5], "m06.q7.missed_password"), ([4, 5, 6], "m06.q7.missed_personal"), ([2, 5, 6], "m06.q7.missed_secret"),
         ([2, 4, 6], "m06.q7.missed_health"), ([1, 2, 4, 5, 6], "m06.q7.too_strict"), ([2, 3, 4, 5, 6], "m06.q7.too_strict"),
         ([], "m06.q7.empty"), ([2, 4, 5, 6, 9], "m06.q7.out_of_range"), ([0, 2, 4, 5, 6], "m06.q7.out_of_range"),
         (2, "m06.q7.missed_secret")],
    ),
}
BAD_INPUT = {
    "m06.q1": BAD_TEXT,
    "m06.q2": BAD_TEXT,
    "m06.q3": BAD_TEXT,
    "m06.q4": BAD_FUNCTION + [needs_person(50)],
    "m06.q5": BAD_NUMBER,
    "m06.q6": BAD_NUMBER,
    "m06.q7": [None, "2, 4, 5, 6", "[2, 4, 5, 6]", ["2", "4"], "alles", 2.5, [2.5], True, [True], {"a": 1},
               float("nan"), [float("nan")], pd.DataFrame({"a": [2, 4]}), [None], np.array([[2, 4], [5, 6]])],
}
STARTERS = {"m06.q4": starter_needs_person}
