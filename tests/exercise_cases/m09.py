import numpy as np
import pandas as pd

from smeai import ___
from smeai.modules.m09.model import BAKERY as B
from smeai.modules.m09.model import best_order

from .common import BAD_FUNCTION, BAD_NUMBER, BAD_TEXT


def payback(implementation, net_per_year):
    return implementation / (net_per_year / 12)


def payback_in_years(implementation, net_per_year):  # ___ = 1
    return implementation / (net_per_year / 1)


def payback_in_weeks(implementation, net_per_year):  # ___ = 52
    return implementation / (net_per_year / 52)


def payback_in_days(implementation, net_per_year):
    return implementation / (net_per_year / 365)


def upside_down(implementation, net_per_year):
    return (net_per_year / 12) / implementation


def starter_payback(implementation, net_per_year):
    return implementation / (net_per_year / ___)


def crashes(implementation, net_per_year):
    return implementation / 0


def gives_text(implementation, net_per_year):
    return "8 maanden"


CASES = {
    "m09.q1": (
        [B.net_per_year, float(B.net_per_year), np.int64(B.net_per_year), [B.net_per_year], B.net_per_year - 0.4],
        [
            (B.gross_per_year, "m09.q1.forgot_licence"),
            (B.net_per_month, "m09.q1.per_month"),
            (B.net_per_year - B.implementation_cost, "m09.q1.minus_implementation"),
            (B.hours_value_per_year - B.licence_per_year, "m09.q1.forgot_errors"),
            (B.hours_value_per_year, "m09.q1.hours_only"),
            (B.payback_months, "m09.q1.payback_not_net"),
            (B.net_per_year + 1800, "check.number_too_high"),
            (B.net_per_year - 2200, "check.number_too_low"),
        ],
    ),
    "m09.q2": (
        [payback, lambda i, n: i / n * 12, lambda i, n: 12 * i / n],
        [
            (payback_in_years, "m09.q2.years"),
            (payback_in_weeks, "m09.q2.weeks"),
            (payback_in_days, "m09.q2.days"),
            (upside_down, "m09.q2.case_failed"),
            (gives_text, "m09.q2.case_failed"),
            (crashes, "check.function_raised"),
        ],
    ),
    "m09.q3": (
        [best_order(), tuple(best_order()), [f" {letter.lower()} " for letter in best_order()]],
        [
            (["B", "A", "C", "D"], "m09.q3.by_benefit"),
            (["C", "D", "A", "B"], "m09.q3.by_cost"),
            (["B", "D", "A", "C"], "m09.q3.reversed"),
            (["A", "B", "C", "D"], "m09.q3.wrong_order"),
            (["C", "A", "B", "D"], "m09.q3.wrong_order"),
        ],
    ),
    "m09.q4": (
        ["niet klaar", "Niet klaar", "not ready", "NOT_READY", "nog niet klaar"],
        [("klaar", "m09.q4.option.ready"), ("bijna klaar", "m09.q4.option.almost"), ("almost", "m09.q4.option.almost"), ("misschien", "m09.q4.unknown_option")],
    ),
    "m09.q5": (
        ["samenwerken", "Samenwerken", "partner", " PARTNER "],
        [("kopen", "m09.q5.option.buy"), ("zelf maken", "m09.q5.option.build"), ("build", "m09.q5.option.build"), ("wachten", "m09.q5.unknown_option")],
    ),
    "m09.q6": (
        ["transparantie", "Transparantie", "transparency", "openheid"],
        [
            ("privacy", "m09.q6.option.privacy"),
            ("gelijke behandeling", "m09.q6.option.non_discrimination"),
            ("menselijk toezicht", "m09.q6.option.human_oversight"),
            ("human oversight", "m09.q6.option.human_oversight"),
            ("duurzaamheid", "m09.q6.option.sustainability"),
            ("eerlijkheid", "m09.q6.unknown_option"),
        ],
    ),
}
BAD_ORDER = [None, 3, "CADB", "C, A, D, B", ["C", "A"], ["C", "A", "D", "X"], ["C", "C", "D", "B"], [1, 2, 3, 4], ["C", "", "D", "B"], {"a": 1}, pd.DataFrame({"a": [1, 2]}), True]
BAD_INPUT = {
    "m09.q1": BAD_NUMBER,
    "m09.q2": BAD_FUNCTION + [payback(2800, 4200)],
    "m09.q3": BAD_ORDER,
    "m09.q4": BAD_TEXT,
    "m09.q5": BAD_TEXT,
    "m09.q6": BAD_TEXT,
}
STARTERS = {"m09.q2": starter_payback, "m09.q3": [___, ___, ___, ___]}
