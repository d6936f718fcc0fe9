import numpy as np

from smeai import ___
from smeai.modules.m05 import model

from .common import BAD_FUNCTION, BAD_NUMBER, BAD_TEXT

# the group sizes come from the model, never typed in: k-means on another numpy or scikit-learn
# release may move a customer, and the cases must follow it
AT_4 = model.group_sizes(4)
G1 = AT_4[0]
OTHER_K = sorted({model.group_sizes(k)[0] for k in model.K_VALUES if k != 4} - {G1})


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
    # k = 4, three columns, scaled: group 1 (highest spend)
    "m05.q1": (
        [G1, float(G1), np.int64(G1), [G1], G1 - 0.4],
        [
            (model.group_sizes(4, scaled=False)[0], "m05.q1.unscaled"),  # group 1 without scaling
            *[(n, "m05.q1.other_k") for n in OTHER_K],  # group 1 at k = 2, 3, 5, 6
            *[(n, "m05.q1.other_group") for n in AT_4[1:] if n not in OTHER_K],  # the other groups at k = 4
            (100 * G1 / model.N_CUSTOMERS, "m05.q1.percent"),  # group 1 as a percentage of all customers
            (model.N_CUSTOMERS, "m05.q1.everyone"),
            (G1 - 13, "check.number_too_low"),
            (model.N_CUSTOMERS - 1, "check.number_too_high"),
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
    "m05.q1": BAD_NUMBER + [f"{G1} klanten", f"{G1},0"],
    "m05.q2": BAD_TEXT + [["bestellingen", "dagen"]],
    "m05.q3": BAD_FUNCTION + [scale(200, 100, 50)],
    "m05.q4": BAD_NUMBER + ["vier", "4"],
    "m05.q5": BAD_TEXT,
    "m05.q6": BAD_TEXT,
}
STARTERS = {"m05.q3": starter_scale}
