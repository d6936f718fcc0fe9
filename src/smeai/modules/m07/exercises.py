"""Module 07, images and sensors: a camera that inspects washers, sensors that warn before a
breakdown, and unusual badge events."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import ClassVar, Sequence

from ...exercises.answers import AnswerProblem, BlankUsed, as_function
from ...exercises.checks import Case, Check, Choice, Close, Outcome, Property, _error_text, run_extra_cases
from ...exercises.core import Exercise
from ...i18n import t
from ...quiz import Question
from .model import (
    COST_FALSE,
    COST_MISSED,
    IMAGE_SIZE,
    READ_THRESHOLD,
    START_THRESHOLD,
    THRESHOLD_RANGE,
    TRAIN_SIZES,
    alarm_cost,
    alarm_summary,
    best_threshold,
    cheap_enough,
    image_results,
    numbers,
)

__all__ = ["QUIZ", "q1", "q2", "q3", "q4", "q5", "q6"]

# q1: how many numbers (pixels) make up one IMAGE_SIZE x IMAGE_SIZE grey picture?
q1 = Exercise(
    "m07.q1",
    Close(
        IMAGE_SIZE * IMAGE_SIZE,
        tol=0.5,
        mistakes=[
            (IMAGE_SIZE + IMAGE_SIZE, ".added"),
            (IMAGE_SIZE, ".one_side"),
            (IMAGE_SIZE * IMAGE_SIZE * 3, ".colour"),
        ],
    ),
    fields=lambda: {"size": IMAGE_SIZE, "pixels": IMAGE_SIZE * IMAGE_SIZE},
)


def _missed(n_train: int = TRAIN_SIZES[-1]) -> int:
    return image_results(n_train)["missed"]


def _other_size_missed(value: float) -> bool:
    return any(abs(value - _missed(n)) < 0.5 for n in TRAIN_SIZES[:-1])


# q2: read off the error explorer: with 400 examples, how many defective washers pass as good?
q2 = Exercise(
    "m07.q2",
    Close(
        _missed,
        tol=0.5,
        mistakes=[
            (lambda x: abs(x - image_results(TRAIN_SIZES[-1])["errors"]) < 0.5, ".all_errors"),
            (lambda x: abs(x - image_results(TRAIN_SIZES[-1])["wrong_kind"]) < 0.5, ".wrong_kind"),
            (lambda x: abs(x - image_results(TRAIN_SIZES[-1])["false_reject"]) < 0.5, ".false_reject"),
            (_other_size_missed, ".other_size"),
            (lambda x: abs(x - image_results(TRAIN_SIZES[-1])["pct"]) < 0.05, ".percentage"),
        ],
    ),
    fields=numbers,
)


def _at(threshold: float, key: str) -> int:
    return alarm_summary(threshold)[key]


# q3: read off the alarm explorer: at alarm level 1.5, how many false alarms are there?
q3 = Exercise(
    "m07.q3",
    Close(
        lambda: _at(READ_THRESHOLD, "false_alarms"),
        tol=0.5,
        mistakes=[
            (lambda x: abs(x - _at(READ_THRESHOLD, "alarms")) < 0.5, ".all_alarms"),
            (lambda x: abs(x - _at(READ_THRESHOLD, "caught")) < 0.5, ".caught"),
            (lambda x: abs(x - _at(READ_THRESHOLD, "missed")) < 0.5, ".missed"),
            (lambda x: abs(x - _at(START_THRESHOLD, "false_alarms")) < 0.5, ".not_moved"),
            (lambda x: abs(x - _at(READ_THRESHOLD, "cost_false")) < 0.5, ".euros"),
        ],
    ),
    fields=numbers,
)

# q4's cases: (missed breakdowns, false alarms) -> euros. A trainer's extra cases come from the
# assignment's hidden test cell (grade("m07.q4", kosten, cases=[...])), never from the package.
COST_CASES = ((1, 0), (0, 1), (1, 4), (2, 1))


@dataclass
class CostFunction(Check):
    """The learner's cost function must give the cost of every case. It recognises the usual
    slips: the two prices swapped, a price left out, and 10.000 typed the Dutch way (Python reads
    10.000 as ten, and 10,000 as two numbers)."""

    cases: Sequence[tuple[int, int]]
    takes_cases: ClassVar[bool] = True

    def outcome(self, answer, *, hidden: bool = False, cases: Sequence[Case] = ()) -> Outcome:
        function = as_function(answer)
        shown = self._shown_cases(function)
        if not shown.ok:
            return shown
        return run_extra_cases(function, cases, same=_same) or shown

    def _shown_cases(self, function) -> Outcome:
        cases = list(self.cases)
        got = {}
        for args in [(1, 0), (0, 1), *cases]:
            if args in got:
                continue
            try:
                value = function(*args)
            except (AnswerProblem, BlankUsed):
                raise
            except TypeError as error:
                if "tuple" in str(error):  # `gemist * 10,000` made a tuple
                    return Outcome(False, ".thousands_comma")
                return Outcome(False, "check.function_raised", {"case": _describe(args), "error": _error_text(error)})
            except Exception as error:  # the learner's function crashed: explain, don't trace
                return Outcome(False, "check.function_raised", {"case": _describe(args), "error": _error_text(error)})
            if isinstance(value, tuple):
                return Outcome(False, ".thousands_comma")
            got[args] = value
        per_missed, per_false = got[(1, 0)], got[(0, 1)]
        if _same(per_missed, COST_FALSE) and _same(per_false, COST_MISSED):
            return Outcome(False, ".swapped")
        if _same(per_missed, COST_MISSED / 1000):
            return Outcome(False, ".thousands_point")
        if _same(per_missed, 0) and not _same(per_false, 0):
            return Outcome(False, ".no_missed_cost")
        if _same(per_false, 0) and not _same(per_missed, 0):
            return Outcome(False, ".no_false_cost")
        for args in cases:
            expected = alarm_cost(*args)
            if not _same(got[args], expected):
                return Outcome(False, ".case_failed", {"case": _describe(args), "expected": expected, "got": _shown(got[args])})
        return Outcome(True, "check.correct")


def _same(value, expected) -> bool:
    try:
        return math.isclose(float(value), float(expected), abs_tol=0.5)
    except (TypeError, ValueError):
        return False


def _shown(value):
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else repr(value)[:40]


def _describe(args) -> str:
    missed, false_alarms = args
    return t("m07.q4.case", missed=missed, false_alarms=false_alarms)


# q4: finish the cost function: each missed breakdown and each false alarm, in euros
q4 = Exercise("m07.q4", CostFunction(COST_CASES))


def _cheap_threshold(value: float) -> Outcome:
    low, high = THRESHOLD_RANGE
    if not low <= value <= high:
        return Outcome(False, ".out_of_range", {"given": value, "low": low, "high": high})
    chosen, best = alarm_summary(value), best_threshold()
    params = {
        "given": value, "caught": chosen["caught"], "failures": chosen["failures"], "missed": chosen["missed"],
        "false_alarms": chosen["false_alarms"], "cost": chosen["cost"], "best": best["cost"],
        "cost_missed": chosen["cost_missed"], "cost_false": chosen["cost_false"],
    }
    if cheap_enough(chosen):
        return Outcome(True, ".good", params)
    if chosen["false_alarms"] > best["false_alarms"] and chosen["missed"] <= best["missed"]:
        return Outcome(False, ".too_low", params)
    return Outcome(False, ".too_high", params)


# q5: choose the alarm level with the lowest cost
q5 = Exercise("m07.q5", Property(_cheap_threshold), fields=numbers)

# q6: which way of watching badge events is proportionate?
q6 = Exercise(
    "m07.q6",
    Choice(
        correct="minimal",
        options={
            "everything": ["a", "a)", "optie a", "option a"],
            "minimal": ["b", "b)", "optie b", "option b"],
            "automatic": ["c", "c)", "optie c", "option c"],
            "nothing": ["d", "d)", "optie d", "option d"],
        },
    ),
)

QUIZ = (
    Question("m07.quiz1", correct=2),  # what a model "sees" in a picture: numbers per pixel
    Question("m07.quiz2", correct=0),  # why look at the wrong pictures
    Question("m07.quiz3", correct=1),  # a lower alarm level: more false alarms, fewer missed
    Question("m07.quiz4", correct=2),  # too many false alarms: people stop listening
    Question("m07.quiz5", correct=1),  # badge monitoring: the works council must agree
)
