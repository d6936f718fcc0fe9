"""Module 04's data model and answer key: which invoices will be paid late, which patients will
not turn up? Plain Python: no widgets, no plotting.

Two cases share the same logic: ``"invoices"`` (Groothandel Van Dijk, Zwolle) and
``"appointments"`` (physiotherapy practice De Brug, Deventer). Each is split once into a train
and a test set, a model is trained once, and its chances on the test set are computed once
(all cached). A widget callback then only compares those chances with a threshold, counts four
numbers and redraws one small figure.

Words used throughout: an **alarm** is the model saying "late" (or "no-show"). A **false alarm**
is an alarm for an invoice that was paid on time; a **miss** is a late invoice without an alarm.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler
from sklearn.tree import DecisionTreeClassifier

from ...datasets.appointments import AGE_BANDS, make_appointments
from ...datasets.invoices import SECTORS, make_invoices
from ...i18n import t

__all__ = [
    "CASES", "N_INVOICES", "N_APPOINTMENTS", "TEST_SHARE", "THRESHOLDS", "DEFAULT_COSTS", "TARGET",
    "SENSITIVE", "VIEWS", "COST_SLACK", "Counts", "invoices", "appointments", "data", "split",
    "train_model", "chances", "model_for", "test_chances", "test_truth", "rule_alarm", "count",
    "counts_at", "rule_counts", "cost_curve", "cheapest_threshold", "cost_at",
    "acceptable_thresholds", "flagged_share_by_age", "pct_late", "accuracy_pct", "profile",
    "pct_in_group", "group_label", "train_and_test_scores", "threshold_state",
]

CASES = ("invoices", "appointments")
N_INVOICES, INVOICES_SEED = 1000, 14
N_APPOINTMENTS, APPOINTMENTS_SEED = 1500, 2
TEST_SHARE, SPLIT_SEED = 0.25, 0
THRESHOLDS = tuple(range(1, 100))  # whole percentages the widget offers

# the costs the notebook starts from: (false alarm, miss) in euros
DEFAULT_COSTS = {"invoices": (15, 60), "appointments": (5, 45)}
TARGET = {"invoices": "paid_late", "appointments": "no_show"}
# the simple rule each model must beat: "late before, late again" / "stayed away before, …"
RULE_COLUMN = {"invoices": "late_before", "appointments": "earlier_no_shows"}
# the acceptable thresholds (q6, q7): every whole threshold from the first to the last one whose
# cost is within this share of the lowest cost (the bottom of the cost curve is flat, and a
# little noisy)
COST_SLACK = 0.10

_INVOICE_CATEGORIES = ["sector", "payment_term_days", "month"]
_INVOICE_NUMBERS = ["amount_eur", "invoices_before", "late_before", "avg_days_late_before"]
_APPOINTMENT_CATEGORIES = ["weekday", "hour"]
_APPOINTMENT_NUMBERS = ["days_ahead", "earlier_no_shows", "reminder_sent"]
SENSITIVE = "age_band"  # left out of the appointments model unless the learner asks for it


# -- data, split, model: made once ---------------------------------------------------------------

@cache
def invoices():
    """The 1000 invoices of Groothandel Van Dijk that module 04 works with."""
    return make_invoices(n_samples=N_INVOICES, random_state=INVOICES_SEED)


@cache
def appointments():
    """The 1500 appointments of physiotherapy practice De Brug."""
    return make_appointments(n_samples=N_APPOINTMENTS, random_state=APPOINTMENTS_SEED)


def data(case: str):
    check_case(case)
    return invoices() if case == "invoices" else appointments()


def check_case(case: str) -> None:
    if case not in CASES:
        raise ValueError(f"case must be one of {', '.join(CASES)}, not {case!r}")


@cache
def split(case: str = "invoices"):
    """(train, test): a quarter of the rows kept apart, as the notebook does it."""
    return tuple(train_test_split(data(case), test_size=TEST_SHARE, random_state=SPLIT_SEED))


def train_model(train, case: str = "invoices", *, use_age: bool = False):
    """A logistic regression on the case's columns, trained on ``train``.

    Categories (sector, month, weekday, …) become yes/no columns, numbers are put on one scale.
    Names, towns and ids are left out: they say nothing about paying or coming. Age is only
    used for appointments when ``use_age`` is True, to show what it adds (little).
    """
    check_case(case)
    if case == "invoices":
        categories, numbers = list(_INVOICE_CATEGORIES), list(_INVOICE_NUMBERS)
        # amounts and counts are skewed: a log makes € 5.000 vs € 500 a step like € 500 vs € 50
        scale = make_pipeline(FunctionTransformer(np.log1p, feature_names_out="one-to-one"), StandardScaler())
    else:
        categories = _APPOINTMENT_CATEGORIES + ([SENSITIVE] if use_age else [])
        numbers = list(_APPOINTMENT_NUMBERS)
        scale = StandardScaler()
    columns = ColumnTransformer([
        ("categories", OneHotEncoder(handle_unknown="ignore"), categories),
        ("numbers", scale, numbers),
    ])
    model = make_pipeline(columns, LogisticRegression(max_iter=1000))
    model.fit(train, train[TARGET[case]].astype(bool))
    return model


def chances(model, table):
    """The model's chance of "late" (or "no-show") for each row, in percent (0–100)."""
    return pd.Series(100 * model.predict_proba(table)[:, 1], index=table.index, name="chance_pct").round(1)


@cache
def model_for(case: str = "invoices", use_age: bool = False):
    return train_model(split(case)[0], case, use_age=use_age)


def _frozen(values):
    values.flags.writeable = False  # shared by every caller: nobody may change it
    return values


@cache
def test_chances(case: str = "invoices", use_age: bool = False):
    """The model's chances on the test set, in percent: computed once, read by every callback."""
    return _frozen(chances(model_for(case, use_age), split(case)[1]).to_numpy())


@cache
def test_truth(case: str = "invoices"):
    return _frozen(split(case)[1][TARGET[case]].to_numpy(dtype=bool))


@cache
def rule_alarm(case: str = "invoices"):
    """The simple rule on the test set: alarm when it happened at least once before."""
    return _frozen(split(case)[1][RULE_COLUMN[case]].to_numpy() >= 1)


# -- counting and costing ------------------------------------------------------------------------

@dataclass(frozen=True)
class Counts:
    """The four cells of a confusion matrix."""

    caught: int  # alarm, and it was late: a right alarm
    false_alarm: int  # alarm, but it was on time
    missed: int  # no alarm, but it was late
    quiet: int  # no alarm, and it was on time

    @property
    def total(self) -> int:
        return self.caught + self.false_alarm + self.missed + self.quiet

    @property
    def alarms(self) -> int:
        return self.caught + self.false_alarm

    def cost(self, false_alarm_eur: float, miss_eur: float) -> float:
        """What the mistakes cost: false alarms and misses, each at its own price. Right
        answers cost nothing extra (the call after a right alarm pays for itself)."""
        return self.false_alarm * false_alarm_eur + self.missed * miss_eur


def count(alarm, truth) -> Counts:
    """Compare alarms (True/False per row) with what really happened."""
    alarm = np.asarray(alarm, dtype=bool)
    truth = np.asarray(truth, dtype=bool)
    if alarm.shape != truth.shape:
        raise ValueError(f"alarm has {alarm.size} values and truth {truth.size}; they must match")
    return Counts(
        caught=int((alarm & truth).sum()),
        false_alarm=int((alarm & ~truth).sum()),
        missed=int((~alarm & truth).sum()),
        quiet=int((~alarm & ~truth).sum()),
    )


def counts_at(case: str, threshold_pct: float, use_age: bool = False) -> Counts:
    """The model's confusion matrix on the test set when it alarms from ``threshold_pct`` %."""
    return count(test_chances(case, use_age) >= threshold_pct, test_truth(case))


def rule_counts(case: str = "invoices") -> Counts:
    return count(rule_alarm(case), test_truth(case))


@cache
def _count_table(case: str, use_age: bool):
    """Counts for every whole threshold 1–99 %, made once: (false alarms, misses) as arrays."""
    chance, truth = test_chances(case, use_age), test_truth(case)
    thresholds = np.array(THRESHOLDS)[:, None]
    alarm = chance[None, :] >= thresholds
    return _frozen((alarm & ~truth).sum(axis=1)), _frozen((~alarm & truth).sum(axis=1))


def cost_curve(case: str, false_alarm_eur: float, miss_eur: float, use_age: bool = False):
    """The cost of the mistakes at each threshold 1–99 %, in euros (a numpy array)."""
    false_alarms, missed = _count_table(case, use_age)
    return false_alarms * float(false_alarm_eur) + missed * float(miss_eur)


def cheapest_threshold(case: str, false_alarm_eur: float, miss_eur: float, use_age: bool = False) -> tuple[int, float]:
    """The whole threshold (%) with the lowest cost, and that cost (the lowest such threshold
    when several cost the same)."""
    curve = cost_curve(case, false_alarm_eur, miss_eur, use_age)
    index = int(curve.argmin())
    return THRESHOLDS[index], float(curve[index])


def cost_at(case: str, threshold_pct: float, false_alarm_eur: float, miss_eur: float, use_age: bool = False) -> float:
    return counts_at(case, threshold_pct, use_age).cost(false_alarm_eur, miss_eur)


def acceptable_thresholds(case: str, false_alarm_eur: float, miss_eur: float, use_age: bool = False) -> tuple[int, int]:
    """From the first to the last whole threshold that costs at most ``COST_SLACK`` more than
    the cheapest one."""
    curve = cost_curve(case, false_alarm_eur, miss_eur, use_age)
    limit = curve.min() * (1 + COST_SLACK)
    good = [threshold for threshold, cost in zip(THRESHOLDS, curve) if cost <= limit]
    return good[0], good[-1]


def flagged_share_by_age(case: str, threshold_pct: float, use_age: bool = False) -> dict[str, float]:
    """Per age band, the percentage of test appointments that get an alarm."""
    if case != "appointments":
        raise ValueError("only appointments have an age band")
    test = split(case)[1]
    alarm = test_chances(case, use_age) >= threshold_pct
    bands = test[SENSITIVE].to_numpy()
    return {band: round(100 * float(alarm[bands == band].mean()), 1) for band in AGE_BANDS}


def pct_late(case: str = "invoices") -> float:
    """Percentage of all rows that were late (or no-show), one decimal."""
    return round(100 * float(data(case)[TARGET[case]].mean()), 1)


def accuracy_pct(alarm, truth) -> float:
    c = count(alarm, truth)
    return round(100 * (c.caught + c.quiet) / c.total, 1)


# -- the profile: share late per group -----------------------------------------------------------

VIEWS = {
    "invoices": ("sector", "payment_term_days", "month", "amount", "late_before"),
    "appointments": ("reminder_sent", "earlier_no_shows", "days_ahead", "weekday", "hour", "age_band"),
}
_AMOUNT_EDGES = (0, 500, 1000, 2500, float("inf"))
_DAYS_AHEAD_EDGES = (-1, 2, 7, 14, 30, float("inf"))


def _groups(case: str, view: str):
    """(group keys in display order, the group key of every row)."""
    table = data(case)
    if view not in VIEWS[case]:
        raise ValueError(f"view must be one of {', '.join(VIEWS[case])}, not {view!r}")
    if view == "amount":
        keys = ("lt500", "500_1000", "1000_2500", "ge2500")
        return keys, np.asarray(pd.cut(table.amount_eur, _AMOUNT_EDGES, right=False, labels=keys).astype(str))
    if view == "late_before":
        return ("no", "yes"), np.where(table.late_before >= 1, "yes", "no")
    if view == "days_ahead":
        keys = ("0_2", "3_7", "8_14", "15_30", "gt30")
        return keys, np.asarray(pd.cut(table.days_ahead, _DAYS_AHEAD_EDGES, labels=keys).astype(str))
    if view == "earlier_no_shows":
        return ("0", "1", "2plus"), np.select([table.earlier_no_shows == 0, table.earlier_no_shows == 1], ["0", "1"], "2plus")
    if view == "reminder_sent":
        return ("yes", "no"), np.where(table.reminder_sent, "yes", "no")
    values = table[view].to_numpy()
    order = SECTORS.index if view == "sector" else (lambda v: (str(type(v)), v))
    return tuple(str(v) for v in sorted(set(values.tolist()), key=order)), values.astype(str)


@cache
def profile(case: str, view: str):
    """Per group: the number of rows and the percentage late (or no-show), in display order.

    Returns a list of ``(group key, count, percentage)``.
    """
    keys, groups = _groups(case, view)
    target = data(case)[TARGET[case]].to_numpy(dtype=bool)
    rows = []
    for key in keys:
        mask = groups == key
        rows.append((key, int(mask.sum()), round(100 * float(target[mask].mean()), 1) if mask.any() else 0.0))
    return tuple(rows)


def pct_in_group(case: str, view: str, key: str) -> float:
    """The percentage late (or no-show) of one group of a profile view."""
    return next(pct for group, _, pct in profile(case, view) if group == key)


def group_label(case: str, view: str, key: str) -> str:
    """A group's name in the learner's language (``"hospitality"`` → ``"horeca"``)."""
    if view in ("sector", "amount", "late_before", "days_ahead", "earlier_no_shows", "reminder_sent"):
        return t(f"m04.explore.groups.{view}.{key}")
    if view == "payment_term_days":
        return t("m04.explore.groups.days", days=int(key))
    if view == "month":
        return t("m04.explore.groups.months").split(",")[int(key) - 1].strip()
    if view == "weekday":
        return t("m04.explore.groups.weekdays").split(",")[int(key) - 1].strip()
    if view == "hour":
        return f"{int(key)}:00"
    return str(key)  # age bands read the same in both languages


def train_and_test_scores(model, train, test, case: str = "invoices"):
    """How often three approaches are right, on the train set and on the test set.

    "Memorise" is a decision tree without limits: it learns every training row by heart.
    "Always on time" never alarms. The learner's ``model`` is the third.
    """
    target = TARGET[case]
    memoriser = clone(model)
    memoriser.steps[-1] = (memoriser.steps[-1][0], DecisionTreeClassifier(random_state=0))
    memoriser.fit(train, train[target])
    rows = []
    for key, predict in (
        ("memorise", lambda table: memoriser.predict(table)),
        ("model", lambda table: model.predict(table)),
        ("never", lambda table: [False] * len(table)),
    ):
        rows.append((t(f"m04.explore.scores.{key}"), accuracy_pct(predict(train), train[target]), accuracy_pct(predict(test), test[target])))
    columns = [t("m04.explore.scores.approach"), t("m04.explore.scores.train"), t("m04.explore.scores.test")]
    return pd.DataFrame(rows, columns=columns).set_index(columns[0])


# -- the threshold explorer's state, as plain values ---------------------------------------------

def threshold_state(case: str, threshold_pct, false_alarm_eur, miss_eur, use_age: bool = False) -> dict:
    """Everything the threshold explorer shows, as plain values (tested without a browser).

    Raises ``ValueError`` with a catalogue key for values a learner could not mean.
    """
    values = {"threshold": threshold_pct, "false_alarm": false_alarm_eur, "miss": miss_eur}
    for value in values.values():
        if value is None or isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value):
            raise ValueError("m04.explore.bad_value")
    if not 1 <= threshold_pct <= 99:
        raise ValueError("m04.explore.bad_threshold")
    if false_alarm_eur < 0 or miss_eur < 0:
        raise ValueError("m04.explore.negative_cost")
    counts = counts_at(case, threshold_pct, use_age)
    rule = rule_counts(case)
    state = {
        "counts": counts,
        "cost": counts.cost(false_alarm_eur, miss_eur),
        "rule_counts": rule,
        "rule_cost": rule.cost(false_alarm_eur, miss_eur),
        "curve": cost_curve(case, false_alarm_eur, miss_eur, use_age),
        "free": false_alarm_eur == 0 and miss_eur == 0,
    }
    if case == "appointments":
        state["flagged_by_age"] = flagged_share_by_age(case, threshold_pct, use_age)
    return state
