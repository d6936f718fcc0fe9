import numpy as np

from smeai import ___

from .common import BAD_FUNCTION, BAD_NUMBER, BAD_TEXT


def cost(missed, false_alarms):
    return missed * 10000 + false_alarms * 400


def cost_as_float(missed, false_alarms):
    return missed * 10000.0 + false_alarms * 400.0


def swapped(missed, false_alarms):
    return missed * 400 + false_alarms * 10000


def thousands_point(missed, false_alarms):
    return missed * 10.000 + false_alarms * 400  # a Dutch learner's 10.000 is ten to Python


def thousands_comma(missed, false_alarms):
    return missed * 10,000 + false_alarms * 400  # noqa: E231 (the slip itself: a tuple)


def no_false_cost(missed, false_alarms):
    return missed * 10000


def no_missed_cost(missed, false_alarms):
    return false_alarms * 400


def wrong_price(missed, false_alarms):
    return missed * 10000 + false_alarms * 500


def crashes(missed, false_alarms):
    return missed / 0


def starter_cost(missed, false_alarms):
    return missed * ___ + false_alarms * ___


CASES = {
    "m07.q1": ([576, 24 * 24, 576.0, np.int64(576), [576]], [(48, "m07.q1.added"), (24, "m07.q1.one_side"), (1728, "m07.q1.colour"), (500, "check.number_too_low"), (600, "check.number_too_high")]),
    "m07.q2": ([8, 8.0, np.int64(8)], [(15, "m07.q2.all_errors"), (5, "m07.q2.wrong_kind"), (2, "m07.q2.false_reject"), (26, "m07.q2.other_size"), (11, "m07.q2.other_size"), (92.5, "m07.q2.percentage"), (3, "check.number_too_low")]),
    "m07.q3": ([28, 28.0], [(42, "m07.q3.all_alarms"), (5, "m07.q3.caught"), (1, "m07.q3.missed"), (0, "m07.q3.not_moved"), (11200, "m07.q3.euros"), (35, "check.number_too_high"), (11, "check.number_too_low")]),
    "m07.q4": ([cost, cost_as_float, lambda m, f: 10000 * m + 400 * f], [(swapped, "m07.q4.swapped"), (thousands_point, "m07.q4.thousands_point"), (thousands_comma, "m07.q4.thousands_comma"), (no_false_cost, "m07.q4.no_false_cost"), (no_missed_cost, "m07.q4.no_missed_cost"), (wrong_price, "m07.q4.case_failed"), (crashes, "check.function_raised")]),
    "m07.q5": ([2.75, 3, 2.5, 3.25, 2.9], [(1.0, "m07.q5.too_low"), (2.25, "m07.q5.too_low"), (3.5, "m07.q5.too_high"), (5, "m07.q5.too_high"), (7, "m07.q5.out_of_range"), (0.1, "m07.q5.out_of_range")]),
    "m07.q6": (["b", " B ", "b)", "optie b", "option b"], [("a", "m07.q6.option.everything"), ("c", "m07.q6.option.automatic"), ("d", "m07.q6.option.nothing"), ("e", "m07.q6.unknown_option"), ("beveiliging", "m07.q6.unknown_option")]),
}
BAD_INPUT = {
    "m07.q1": BAD_NUMBER,
    "m07.q2": BAD_NUMBER,
    "m07.q3": BAD_NUMBER,
    "m07.q4": BAD_FUNCTION + [cost(1, 4), "cost"],
    "m07.q5": BAD_NUMBER + ["2,25", (2, 25)],
    "m07.q6": BAD_TEXT,
}
STARTERS = {"m07.q4": starter_cost}
