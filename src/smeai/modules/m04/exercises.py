"""Module 04's exercises and quiz: late invoices at a wholesaler, no-shows at a physiotherapy
practice. The answers come from :mod:`.model`; nothing here loads a widget or a figure."""

from __future__ import annotations

import math

from ...exercises.checks import Choice, Close, FunctionCases, Outcome, Property
from ...exercises.core import Exercise
from ...quiz import Question
from . import model

__all__ = ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "QUIZ"]


def _near(value: float, target: float, tol: float = 0.5) -> bool:
    return math.isclose(value, target, abs_tol=tol)


def _pct_in_group(view: str, key: str) -> float:
    return model.pct_in_group("invoices", view, key)


# -- the numbers the hints and solutions state, from the model (numbers in code as Python writes them)

def _late_fields() -> dict:
    pct = model.pct_late("invoices")
    return {"pct_late_code": repr(pct), "fraction_late": round(pct / 100, 3)}


def _again_fields() -> dict:
    pct = _pct_in_group("late_before", "yes")
    return {"pct_again_code": repr(pct), "pct_again": pct}


def _split_fields() -> dict:
    train, test = model.split("invoices")
    return {"n_test": len(test), "n_train": len(train)}


def _cost_fields() -> dict:
    low, high = model.DEFAULT_COSTS["invoices"]
    counts = _counts_at_half()
    return {"false_alarms": str(counts.false_alarm), "missed": str(counts.missed), "false_alarm_cost": str(counts.false_alarm * low),
            "miss_cost": str(counts.missed * high), "cost": counts.cost(low, high)}


def _cheapest_fields(case: str):
    def fields() -> dict:
        threshold, cost = model.cheapest_threshold(case, *model.DEFAULT_COSTS[case])
        return {"threshold": str(threshold), "cost": cost}

    return fields


# q1: what percentage of the invoices was paid late?
q1 = Exercise(
    "m04.q1",
    Close(
        lambda: model.pct_late("invoices"),
        tol=0.5,
        mistakes=[
            (lambda x: _near(x * 100, model.pct_late("invoices")), ".fraction"),
            (lambda x: _near(x, model.pct_late("invoices") * model.N_INVOICES / 100), ".count"),
            (lambda x: _near(x, 100 - model.pct_late("invoices")), ".on_time"),
        ],
    ),
    fields=_late_fields,
)

# q2: read off the profile explorer: customers who paid late before, how often late again?
q2 = Exercise(
    "m04.q2",
    Close(
        lambda: _pct_in_group("late_before", "yes"),
        tol=0.5,
        mistakes=[
            (lambda x: _near(x * 100, _pct_in_group("late_before", "yes")), ".fraction"),
            (lambda x: _near(x, _pct_in_group("late_before", "no")), ".other_group"),
            (lambda x: _near(x, model.pct_late("invoices")), ".overall"),
            (lambda x: _near(x, next(n for g, n, _ in model.profile("invoices", "late_before") if g == "yes"), tol=0.01), ".count"),
        ],
    ),
    fields=_again_fields,
)


# q3: which share of the invoices do you keep apart as a test set? A quarter, written as 0.25
q3 = Exercise(
    "m04.q3",
    Close(
        model.TEST_SHARE,
        tol=1e-9,
        mistakes=[
            (model.TEST_SHARE * 100, ".percent"),
            (1 - model.TEST_SHARE, ".train_share"),
            (model.TEST_SHARE * model.N_INVOICES, ".count"),
            ((1 - model.TEST_SHARE) * model.N_INVOICES, ".count"),
            (lambda x: 0 < x < 1, ".other_share"),
        ],
    ),
    fields=_split_fields,
)


def _cost_at_half() -> float:
    low, high = model.DEFAULT_COSTS["invoices"]
    return model.cost_at("invoices", 50, low, high)


def _counts_at_half():
    return model.counts_at("invoices", 50)


# q4: what do the mistakes cost at the usual threshold of 50 %, at € 15 per false alarm and
# € 60 per miss?
q4 = Exercise(
    "m04.q4",
    Close(
        _cost_at_half,
        tol=0.5,
        mistakes=[
            (lambda x: _near(x, _counts_at_half().false_alarm * 60 + _counts_at_half().missed * 15), ".swapped"),
            (lambda x: _near(x, _counts_at_half().false_alarm * 15), ".only_false_alarms"),
            (lambda x: _near(x, _counts_at_half().missed * 60), ".only_misses"),
            (lambda x: _near(x, _counts_at_half().false_alarm + _counts_at_half().missed), ".count_not_euros"),
            (lambda x: _near(x, _cost_at_half() + _counts_at_half().caught * 15), ".counted_right_alarms"),
        ],
    ),
    fields=_cost_fields,
)

# q5: the simple rule "late before, late again", as a function of the number of late invoices
# (the trainer's extra cases live in the assignment's hidden test cell, never here)
q5 = Exercise(
    "m04.q5",
    FunctionCases(cases=[((0,), False), ((1,), True), ((6,), True)], describe=lambda args: str(args[0])),
)


def _good_threshold(case: str, use_age: bool = False):
    def test(given: float) -> Outcome:
        if 0 < given < 1:
            return Outcome(False, ".fraction", {"given": given, "pct": round(given * 100, 1)})
        if not 1 <= given <= 99:
            return Outcome(False, ".out_of_range", {"given": given})
        false_alarm_eur, miss_eur = model.DEFAULT_COSTS[case]
        low, high = model.acceptable_thresholds(case, false_alarm_eur, miss_eur, use_age)
        cost = model.cost_at(case, given, false_alarm_eur, miss_eur, use_age)
        params = {"given": given, "cost": cost}
        if low <= given <= high:
            return Outcome(True, ".good", params)
        if given == 50:
            return Outcome(False, ".half", params)
        return Outcome(False, ".too_low" if given < low else ".too_high", params)

    return test


# q6: the cheapest threshold for the invoices, with € 15 per false alarm and € 60 per miss
q6 = Exercise("m04.q6", Property(_good_threshold("invoices")), fields=_cheapest_fields("invoices"))

# q7: the cheapest threshold for the appointments (model without age), € 5 and € 45
q7 = Exercise("m04.q7", Property(_good_threshold("appointments")), fields=_cheapest_fields("appointments"))

# q8: which column should the no-show model leave out?
q8 = Exercise(
    "m04.q8",
    Choice(
        correct="age_band",
        options={
            "age_band": ["leeftijd", "leeftijdsgroep", "leeftijdscategorie", "age", "age band", "age group"],
            "earlier_no_shows": ["eerder niet gekomen", "eerdere no-shows", "earlier no-shows", "no-shows"],
            "reminder_sent": ["herinnering", "herinnering gestuurd", "reminder", "reminder sent"],
            "days_ahead": ["dagen vooruit", "dagen van tevoren", "days ahead"],
            "weekday": ["weekdag", "dag", "dag van de week", "day", "day of the week"],
            "hour": ["uur", "tijd", "tijdstip", "time"],
            "no_show": ["niet gekomen", "no show", "no-show"],
        },
    ),
)

QUIZ = (
    Question("m04.quiz1", correct=1),  # what a false alarm is, for invoices
    Question("m04.quiz2", correct=2),  # why keep a test set apart
    Question("m04.quiz3", correct=0),  # a lower threshold: more alarms, more false alarms, fewer misses
    Question("m04.quiz4", correct=1),  # 75 % right can be worthless when 75 % is on time anyway
    Question("m04.quiz5", correct=2),  # the model is cheaper than the rule, but who decides?
)
