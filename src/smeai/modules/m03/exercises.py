"""Module 03, forecasting: how many loaves does the bakery bake tomorrow? And a greenhouse.

Every expected answer comes from the models in :mod:`.model`, trained once, so the numbers in a
check, in the explorers and tables, and in the hints and solutions (``model.numbers()``) are
always the same. The trainer's extra cases for q1 live only in the assignment's hidden tests.
"""

from __future__ import annotations

import math

from ...datasets.greenhouse import FEATURES, TARGET
from ...exercises.answers import AnswerProblem, BlankUsed, is_blank, normalise_text
from ...exercises.checks import Choice, Close, FunctionCases, Outcome, Property
from ...exercises.core import Exercise
from ...i18n import t
from ...quiz import Question
from . import model

__all__ = ["q1", "q2", "q3", "q4", "q5", "q6", "QUIZ"]


# q1: the cost of a day's baking: €1.20 for a loaf left over, €2.00 for a loaf too few
def _describe_day(args) -> str:
    return t("m03.q1.case", baked=args[0], demand=args[1])


q1 = Exercise(
    "m03.q1",
    FunctionCases(
        cases=[((140, 120), 24.0), ((100, 120), 40.0), ((120, 120), 0.0)],
        describe=_describe_day,
    ),
)

# q2: which simple forecast (baseline) is better: yesterday's sales, or the weekday's average?
q2 = Exercise(
    "m03.q2",
    Choice(
        correct="weekday",
        options={
            "yesterday": ["gisteren", "yesterday", "vorige dag", "de dag ervoor", "previous day", "day before"],
            "weekday": ["weekdaggemiddelde", "weekdag", "gemiddelde per weekdag", "weekdag gemiddelde", "weekday", "weekday average", "average per weekday", "weekday mean"],
            "linear": ["lineaire regressie", "regressie", "linear regression", "linear", "regression"],
            "tree": ["beslisboom", "boom", "decision tree", "tree"],
        },
    ),
    fields=model.numbers,
)


# q3: how many euros a year does the linear regression save, compared with the weekday average?
def _cost(method: str) -> float:
    return round(model.comparison().at[method, "cost_year_eur"])


def _days() -> int:
    return len(model.forecasts())


q3 = Exercise(
    "m03.q3",
    Close(
        lambda: model.savings_per_year("weekday", "linear"),
        tol=2.0,
        mistakes=[
            (lambda x: abs(x + model.savings_per_year("weekday", "linear")) <= 2, ".reversed"),
            (lambda x: abs(x - model.savings_per_year("weekday", "linear") / _days()) <= 0.05, ".per_day"),
            (lambda x: abs(x - model.savings_per_year("yesterday", "linear")) <= 2, ".vs_yesterday"),
            (lambda x: abs(x - model.savings_per_year("weekday", "tree")) <= 2, ".tree"),
            (lambda x: abs(x - (model.comparison().at["weekday", "left_over"] - model.comparison().at["linear", "left_over"])) <= 1, ".loaves"),
            (lambda x: abs(x - _cost("linear")) <= 2 or abs(x - _cost("weekday")) <= 2, ".one_cost"),
        ],
    ),
    fields=model.numbers,
)


# q4: read tomorrow's forecast off the what-if explorer (model.WHAT_IF_DAY: a warm, dry Saturday)
_what_if = model.what_if_forecast

q4 = Exercise(
    "m03.q4",
    Close(
        lambda: _what_if("linear"),
        tol=1.0,
        mistakes=[
            (lambda x: abs(x - _what_if("tree")) <= 1, ".tree"),
            (lambda x: abs(x - _what_if("weekday")) <= 1, ".weekday"),
            (lambda x: abs(x - _what_if("linear", holiday=True)) <= 1, ".holiday"),
            (lambda x: abs(x - _what_if("linear", weekday=0)) <= 1, ".monday"),
        ],
    ),
    fields=model.numbers,
)


# q5: choose the tree's depth that does best on new data (2025), not on the data it learned from
DEPTH_MARGIN = 0.5  # loaves: depths this close to the best one count as good too


def _good_depth(depth: float) -> Outcome:
    low, high = model.DEPTHS[0], model.DEPTHS[-1]
    if not math.isclose(depth, round(depth)):
        return Outcome(False, ".not_whole", {"given": depth})
    depth = int(round(depth))
    if not low <= depth <= high:
        return Outcome(False, ".out_of_range", {"given": depth, "low": low, "high": high})
    errors = model.depth_errors()
    best = model.best_depth()
    params = {"given": depth, "train": round(errors.at[depth, "train_mae"], 1), "test": round(errors.at[depth, "test_mae"], 1), "best_test": round(errors.at[best, "test_mae"], 1)}
    if errors.at[depth, "test_mae"] <= errors.at[best, "test_mae"] + DEPTH_MARGIN:
        return Outcome(True, ".good", params)
    return Outcome(False, ".too_deep" if depth > best else ".too_shallow", params)


q5 = Exercise("m03.q5", Property(_good_depth), fields=model.numbers)


# q6: the greenhouse: which columns let a linear regression forecast the weekly yield?
ALIASES = {
    "light_mol_m2": ["light_mol_m2", "licht", "light"],
    "temperature_c": ["temperature_c", "temperatuur", "temperature"],
    "co2_ppm": ["co2_ppm", "co2"],
    TARGET: [TARGET, "opbrengst", "yield"],
}
_BY_WORD = {normalise_text(word): column for column, words in ALIASES.items() for word in words}


def _feature_list(value) -> tuple[str, ...]:
    if value is None:
        raise AnswerProblem(".none")
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)):
        raise AnswerProblem(".not_a_list", kind=type(value).__name__)
    if any(is_blank(v) for v in value):
        raise BlankUsed("___")
    if not value:
        raise AnswerProblem(".empty")
    if not all(isinstance(v, str) for v in value):
        raise AnswerProblem(".not_names")
    return tuple(value)


def _greenhouse_model(names) -> Outcome:
    unknown = [n for n in names if normalise_text(n) not in _BY_WORD]
    if unknown:
        return Outcome(False, ".unknown_column", {"names": ", ".join(f'"{n}"' for n in unknown), "columns": ", ".join(FEATURES)})
    columns = tuple(dict.fromkeys(_BY_WORD[normalise_text(n)] for n in names))  # in order, once each
    if TARGET in columns:
        return Outcome(False, ".target_leak", {"target": TARGET})
    error = model.greenhouse_error(tuple(sorted(columns)))
    params = {"columns": ", ".join(columns), "error": round(error, 3), "target": model.GREENHOUSE_TARGET_KG, "baseline": round(model.greenhouse_baseline_error(), 3)}
    if error <= model.GREENHOUSE_TARGET_KG:
        return Outcome(True, ".good", params)
    return Outcome(False, ".too_weak", params)


q6 = Exercise("m03.q6", Property(_greenhouse_model, convert=_feature_list))

QUIZ = (
    Question("m03.quiz1", correct=0),  # what a baseline is for
    Question("m03.quiz2", correct=2),  # a tree that is nearly perfect on its own training data
    Question("m03.quiz3", correct=1),  # which error counts for the bakery
    Question("m03.quiz4", correct=1),  # a new supermarket opens next door
    Question("m03.quiz5", correct=0),  # who decides how much to bake
)

