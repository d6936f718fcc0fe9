"""Module 04, classifying: late invoices at a wholesaler, no-shows at a physiotherapy practice."""

from __future__ import annotations

import math

from ..explore import m04 as explore
from ..quiz import Question
from .checks import Choice, Close, FunctionCases, Outcome, Property
from .core import Exercise

# the acceptable thresholds: every whole threshold from the first to the last one whose cost is
# within this share of the lowest cost (the bottom of the cost curve is flat, and a little noisy)
COST_SLACK = 0.10


def _near(value: float, target: float, tol: float = 0.5) -> bool:
    return math.isclose(value, target, abs_tol=tol)


def _pct_in_group(view: str, key: str) -> float:
    return next(pct for group, _, pct in explore.profile("invoices", view) if group == key)


# q1: what percentage of the invoices was paid late?
q1 = Exercise(
    "m04.q1",
    Close(
        lambda: explore.pct_late("invoices"),
        tol=0.5,
        mistakes=[
            (lambda x: _near(x * 100, explore.pct_late("invoices")), ".fraction"),
            (lambda x: _near(x, explore.pct_late("invoices") * explore.N_INVOICES / 100), ".count"),
            (lambda x: _near(x, 100 - explore.pct_late("invoices")), ".on_time"),
        ],
    ),
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
            (lambda x: _near(x, explore.pct_late("invoices")), ".overall"),
            (lambda x: _near(x, next(n for g, n, _ in explore.profile("invoices", "late_before") if g == "yes"), tol=0.01), ".count"),
        ],
    ),
)


# q3: which share of the invoices do you keep apart as a test set? A quarter, written as 0.25
q3 = Exercise(
    "m04.q3",
    Close(
        explore.TEST_SHARE,
        tol=1e-9,
        mistakes=[
            (explore.TEST_SHARE * 100, ".percent"),
            (1 - explore.TEST_SHARE, ".train_share"),
            (explore.TEST_SHARE * explore.N_INVOICES, ".count"),
            ((1 - explore.TEST_SHARE) * explore.N_INVOICES, ".count"),
            (lambda x: 0 < x < 1, ".other_share"),
        ],
    ),
)


def _cost_at_half() -> float:
    low, high = explore.DEFAULT_COSTS["invoices"]
    return explore.cost_at("invoices", 50, low, high)


def _counts_at_half():
    return explore.counts_at("invoices", 50)


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
)

# q5: the simple rule "late before, late again", as a function of the number of late invoices
q5 = Exercise(
    "m04.q5",
    FunctionCases(
        cases=[((0,), False), ((1,), True), ((6,), True)],
        hidden_cases=[((2,), True), ((3,), True), ((0,), False), ((11,), True)],
        describe=lambda args: str(args[0]),
    ),
)


def _good_threshold(case: str, use_age: bool = False):
    def test(given: float) -> Outcome:
        if 0 < given < 1:
            return Outcome(False, ".fraction", {"given": given, "pct": round(given * 100, 1)})
        if not 1 <= given <= 99:
            return Outcome(False, ".out_of_range", {"given": given})
        false_alarm_eur, miss_eur = explore.DEFAULT_COSTS[case]
        low, high = acceptable_thresholds(case, false_alarm_eur, miss_eur, use_age)
        cost = explore.cost_at(case, given, false_alarm_eur, miss_eur, use_age)
        params = {"given": given, "cost": cost}
        if low <= given <= high:
            return Outcome(True, ".good", params)
        if given == 50:
            return Outcome(False, ".half", params)
        return Outcome(False, ".too_low" if given < low else ".too_high", params)

    return test


def acceptable_thresholds(case: str, false_alarm_eur: float, miss_eur: float, use_age: bool = False) -> tuple[int, int]:
    """From the first to the last whole threshold that costs at most ``COST_SLACK`` more than
    the cheapest one."""
    curve = explore.cost_curve(case, false_alarm_eur, miss_eur, use_age)
    limit = curve.min() * (1 + COST_SLACK)
    good = [threshold for threshold, cost in zip(explore.THRESHOLDS, curve) if cost <= limit]
    return good[0], good[-1]


# q6: the cheapest threshold for the invoices, with € 15 per false alarm and € 60 per miss
q6 = Exercise("m04.q6", Property(_good_threshold("invoices")))

# q7: the cheapest threshold for the appointments (model without age), € 5 and € 45
q7 = Exercise("m04.q7", Property(_good_threshold("appointments")))

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
