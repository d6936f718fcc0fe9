import numpy as np

from smeai import ___
from smeai.explore import m04 as explore

from .common import BAD_FUNCTION, BAD_NUMBER, BAD_TEXT

INVOICES = explore.invoices()  # a whole table where one number belongs


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
    "m04.q1": ([25.2, 25, np.float64(25.2), [25.2], 0.252 * 100], [
        (0.252, "m04.q1.fraction"), (252, "m04.q1.count"), (74.8, "m04.q1.on_time"),
        (50, "check.number_too_high"), (10, "check.number_too_low"),
    ]),
    "m04.q2": ([37.1, 37, np.float64(37.1)], [
        (0.371, "m04.q2.fraction"), (11.9, "m04.q2.other_group"), (25.2, "m04.q2.overall"), (529, "m04.q2.count"),
        (60, "check.number_too_high"), (30, "check.number_too_low"),
    ]),
    "m04.q3": ([0.25, 1 / 4, np.float64(0.25), [0.25]], [
        (25, "m04.q3.percent"), (0.75, "m04.q3.train_share"), (250, "m04.q3.count"), (750, "m04.q3.count"),
        (0.2, "m04.q3.other_share"), (0.5, "m04.q3.other_share"), (4, "check.number_too_high"), (0, "check.number_too_low"),
    ]),
    "m04.q4": ([2520, 2520.0, 8 * 15 + 40 * 60, np.int64(2520)], [
        (8 * 60 + 40 * 15, "m04.q4.swapped"), (8 * 15, "m04.q4.only_false_alarms"), (40 * 60, "m04.q4.only_misses"),
        (8 + 40, "m04.q4.count_not_euros"), (2520 + 35 * 15, "m04.q4.counted_right_alarms"),
        (5000, "check.number_too_high"), (1500, "check.number_too_low"),
    ]),
    "m04.q5": ([rule, lambda n: n > 0, lambda n: n >= 1.0], [
        (rule_from_two, "m04.q5.case_failed"), (rule_always, "m04.q5.case_failed"),
        (rule_exactly_once, "m04.q5.case_failed"), (crashes, "check.function_raised"),
    ]),
    "m04.q6": ([16, 14, 20, 23, 17.5], [
        (0.16, "m04.q6.fraction"), (50, "m04.q6.half"), (5, "m04.q6.too_low"), (13, "m04.q6.too_low"),
        (24, "m04.q6.too_high"), (40, "m04.q6.too_high"), (0, "m04.q6.out_of_range"), (150, "m04.q6.out_of_range"),
        (-5, "m04.q6.out_of_range"),
    ]),
    "m04.q7": ([8, 7, 10, 9.5], [
        (0.08, "m04.q7.fraction"), (50, "m04.q7.half"), (3, "m04.q7.too_low"), (6, "m04.q7.too_low"),
        (11, "m04.q7.too_high"), (16, "m04.q7.too_high"), (100, "m04.q7.out_of_range"),
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
