import numpy as np

from smeai import ___

from .common import BAD_FUNCTION, BAD_NUMBER, BAD_TEXT


def scale(value, average, spread):
    return (value - average) / spread


def starter_scale(value, average, spread):
    return (value - ___) / spread


def forgets_the_average(value, average, spread):  # ___ replaced by 0
    return (value - 0) / spread


def subtracts_the_spread(value, average, spread):  # ___ replaced by spread
    return (value - spread) / spread


def divides_by_zero(value, average, spread):
    return (value - average) / 0


def gives_text(value, average, spread):
    return "twee"


CASES = {
    # k = 4, three columns, scaled: group 1 (highest spend) has 73 customers
    "m05.q1": (
        [73, 73.0, np.int64(73), [73], 72.6],
        [
            (34, "m05.q1.unscaled"),  # group 1 without scaling
            (79, "m05.q1.other_k"),  # group 1 at k = 3, where the explorer opens
            (81, "m05.q1.other_k"),  # group 1 at k = 2
            (26, "m05.q1.other_k"),  # group 1 at k = 5 and 6
            (127, "m05.q1.other_group"),  # group 2 at k = 4
            (103, "m05.q1.other_group"),  # group 4 at k = 4
            (18.25, "m05.q1.percent"),  # 73 of 400 as a percentage
            (400, "m05.q1.everyone"),
            (60, "check.number_too_low"),
            (150, "check.number_too_high"),
        ],
    ),
    "m05.q2": (
        ["bestellingen", " Bestellingen ", "orders", "aantal bestellingen", "frequency", "ORDERS"],
        [
            ("dagen", "m05.q2.option.recency_days"),
            ("recency_days", "m05.q2.option.recency_days"),
            ("besteding", "m05.q2.option.monetary_eur"),
            ("spend", "m05.q2.option.monetary_eur"),
            ("provincie", "m05.q2.unknown_option"),
        ],
    ),
    "m05.q3": (
        [scale, lambda v, a, s: (v - a) / s, lambda v, a, s: v / s - a / s],
        [
            (forgets_the_average, "m05.q3.case_failed"),
            (subtracts_the_spread, "m05.q3.case_failed"),
            (lambda v, a, s: (v - a) * s, "m05.q3.case_failed"),
            (gives_text, "m05.q3.case_failed"),
            (divides_by_zero, "check.function_raised"),
        ],
    ),
    "m05.q4": (
        [4, 4.0, np.int64(4), [4]],
        [
            (5, "m05.q4.too_small"),
            (6, "m05.q4.too_small"),
            (3, "m05.q4.more_possible"),
            (2, "m05.q4.more_possible"),
            (1, "m05.q4.one_group"),
            (4.5, "m05.q4.not_whole"),
            (0, "m05.q4.out_of_range"),
            (7, "m05.q4.out_of_range"),
            (-4, "m05.q4.out_of_range"),
        ],
    ),
    "m05.q5": (
        ["koopjesjager", "Koopjesjagers", "bargain hunter", "bargain-hunters", "koopjes"],
        [
            ("trouw", "m05.q5.option.loyal"),
            ("vaste klanten", "m05.q5.option.loyal"),
            ("nieuw", "m05.q5.option.new"),
            ("slapend", "m05.q5.option.sleeping"),
            ("sleeping customers", "m05.q5.option.sleeping"),
            ("zuinig", "m05.q5.unknown_option"),
        ],
    ),
    "m05.q6": (
        ["terugwinnen", "Terug winnen", "we missen je", "win back", "WINBACK"],
        [
            ("bedanken", "m05.q6.option.thank"),
            ("welkom", "m05.q6.option.welcome"),
            ("aanbieding", "m05.q6.option.sale"),
            ("korting", "m05.q6.option.sale"),
            ("verwijderen", "m05.q6.option.remove"),
            ("bellen", "m05.q6.unknown_option"),
        ],
    ),
}
BAD_INPUT = {
    "m05.q1": BAD_NUMBER + ["73 klanten", "73,0"],
    "m05.q2": BAD_TEXT + [["bestellingen", "dagen"]],
    "m05.q3": BAD_FUNCTION + [scale(200, 100, 50)],
    "m05.q4": BAD_NUMBER + ["vier", "4"],
    "m05.q5": BAD_TEXT,
    "m05.q6": BAD_TEXT,
}
STARTERS = {"m05.q3": starter_scale}
