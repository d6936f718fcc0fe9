import numpy as np

from smeai import ___
from smeai.modules.m04 import model

from .common import BAD_FUNCTION, BAD_NUMBER, BAD_TEXT

INVOICES = model.invoices()  # a whole table where one number belongs

# every number below comes from the model, never typed in: a numpy or scikit-learn release may
# shift a model by a row, and the cases must follow it
LATE = model.pct_late("invoices")
N = model.N_INVOICES
LATE_AGAIN = model.pct_in_group("invoices", "late_before", "yes")
NEVER_LATE = model.pct_in_group("invoices", "late_before", "no")
N_LATE_BEFORE = next(n for key, n, _ in model.profile("invoices", "late_before") if key == "yes")
AT_HALF = model.counts_at("invoices", 50)
FA, MISSED = AT_HALF.false_alarm, AT_HALF.missed
COST_HALF = AT_HALF.cost(15, 60)
INV_LOW, INV_HIGH = model.acceptable_thresholds("invoices", 15, 60)
INV_BEST = model.cheapest_threshold("invoices", 15, 60)[0]
APP_LOW, APP_HIGH = model.acceptable_thresholds("appointments", 5, 45)
APP_BEST = model.cheapest_threshold("appointments", 5, 45)[0]


def rule(late_before):
    return late_before >= 1


def starter_rule(late_before):
    return late_before >= ___


def rule_from_two(late_before):
    return late_before >= 2


def rule_always(late_before):
    return late_before >= 0


def rule_exactly_once(late_before):
    return late_before == 1


def crashes(late_before):
    return late_before / 0


CASES = {
    "m04.q1": ([LATE, round(LATE), np.float64(LATE), [LATE], LATE / 100 * 100], [
        (LATE / 100, "m04.q1.fraction"), (round(LATE * N / 100), "m04.q1.count"), (100 - LATE, "m04.q1.on_time"),
        (LATE + 25, "check.number_too_high"), (LATE - 15, "check.number_too_low"),
    ]),
    "m04.q2": ([LATE_AGAIN, round(LATE_AGAIN), np.float64(LATE_AGAIN)], [
        (LATE_AGAIN / 100, "m04.q2.fraction"), (NEVER_LATE, "m04.q2.other_group"), (LATE, "m04.q2.overall"),
        (N_LATE_BEFORE, "m04.q2.count"), (LATE_AGAIN + 23, "check.number_too_high"), (LATE_AGAIN - 7, "check.number_too_low"),
    ]),
    "m04.q3": ([0.25, 1 / 4, np.float64(0.25), [0.25]], [
        (25, "m04.q3.percent"), (0.75, "m04.q3.train_share"), (250, "m04.q3.count"), (750, "m04.q3.count"),
        (0.2, "m04.q3.other_share"), (0.5, "m04.q3.other_share"), (4, "check.number_too_high"), (0, "check.number_too_low"),
    ]),
    "m04.q4": ([COST_HALF, float(COST_HALF), FA * 15 + MISSED * 60, np.int64(COST_HALF)], [
        (FA * 60 + MISSED * 15, "m04.q4.swapped"), (FA * 15, "m04.q4.only_false_alarms"), (MISSED * 60, "m04.q4.only_misses"),
        (FA + MISSED, "m04.q4.count_not_euros"), (COST_HALF + AT_HALF.caught * 15, "m04.q4.counted_right_alarms"),
        (2 * COST_HALF, "check.number_too_high"), (0.6 * COST_HALF, "check.number_too_low"),
    ]),
    "m04.q5": ([rule, lambda n: n > 0, lambda n: n >= 1.0], [
        (rule_from_two, "m04.q5.case_failed"), (rule_always, "m04.q5.case_failed"),
        (rule_exactly_once, "m04.q5.case_failed"), (crashes, "check.function_raised"),
    ]),
    "m04.q6": ([INV_BEST, INV_LOW, INV_HIGH, (INV_LOW + INV_HIGH) / 2], [
        (INV_BEST / 100, "m04.q6.fraction"), (50, "m04.q6.half"), (1, "m04.q6.too_low"), (INV_LOW - 1, "m04.q6.too_low"),
        (INV_HIGH + 1, "m04.q6.too_high"), (40, "m04.q6.too_high"), (0, "m04.q6.out_of_range"), (150, "m04.q6.out_of_range"),
        (-5, "m04.q6.out_of_range"),
    ]),
    "m04.q7": ([APP_BEST, APP_LOW, APP_HIGH, (APP_LOW + APP_HIGH) / 2], [
        (APP_BEST / 100, "m04.q7.fraction"), (50, "m04.q7.half"), (1, "m04.q7.too_low"), (APP_LOW - 1, "m04.q7.too_low"),
        (APP_HIGH + 1, "m04.q7.too_high"), (APP_HIGH + 6, "m04.q7.too_high"), (100, "m04.q7.out_of_range"),
    ]),
    "m04.q8": (["age_band", "leeftijd", " Age band ", "AGE_BAND", "leeftijdsgroep"], [
        ("earlier_no_shows", "m04.q8.option.earlier_no_shows"), ("reminder_sent", "m04.q8.option.reminder_sent"),
        ("days_ahead", "m04.q8.option.days_ahead"), ("weekday", "m04.q8.option.weekday"), ("hour", "m04.q8.option.hour"),
        ("no_show", "m04.q8.option.no_show"), ("postcode", "m04.q8.unknown_option"),
    ]),
}

BAD_INPUT = {
    "m04.q1": BAD_NUMBER,
    "m04.q2": BAD_NUMBER,
    "m04.q3": BAD_NUMBER + ["0,25", (0, 25), INVOICES],
    "m04.q4": BAD_NUMBER,
    "m04.q5": BAD_FUNCTION + [True, rule(3)],
    "m04.q6": BAD_NUMBER + [(16, 5)],
    "m04.q7": BAD_NUMBER,
    "m04.q8": BAD_TEXT + [["age_band"]],
}
STARTERS = {"m04.q5": starter_rule}
