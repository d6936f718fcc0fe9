"""Module 08's data model and answer key: a screening model for technician jobs that learned
from unfair past decisions.

Plain functions on small, fixed data (no widgets, no plotting). Both models the widget offers
(with and without the postcode area) are trained once, their chances for every new applicant are
computed once, and the permutation importances are computed once (``functools.cache``). A widget
callback then only compares 600 chances with a threshold, counts per group and redraws one small
figure.
"""

from __future__ import annotations

import math
from functools import cache

import numpy as np
import pandas as pd
from sklearn.compose import make_column_transformer
from sklearn.inspection import permutation_importance
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from ...datasets.applicants import make_applicants
from ...i18n import t

__all__ = [
    "DEFAULT_THRESHOLD", "FOUR_FIFTHS", "GROUPS", "HISTORY_SEED", "IMPORTANCE_REPEATS",
    "MODELS", "NEW_SEED", "NUMERIC", "N_HISTORY", "N_NEW", "PROXY", "TARGET_ACCURACY",
    "THRESHOLD_RANGE", "THRESHOLD_STEP", "applicants", "best_threshold", "chances",
    "check_threshold", "fairness", "good_thresholds", "group_label", "group_metrics", "history",
    "history_accuracy", "history_rates", "importances", "inputs", "metric", "model", "numbers",
    "selection_ratio", "thresholds",
]

HISTORY_SEED = 8  # the 800 applicants of past years, with the recruiters' decisions
NEW_SEED = 21  # the 600 new applicants the models judge
N_HISTORY = 800
N_NEW = 600

NUMERIC = ("experience_years", "diploma_level", "test_score")
PROXY = "postcode_area"
MODELS = ("with_postcode", "without_postcode")
GROUPS = ("A", "B")
THRESHOLD_RANGE = (10, 90)  # invite when the model's chance is at least this many percent
THRESHOLD_STEP = 5
FOUR_FIFTHS = 0.8
IMPORTANCE_REPEATS = 10
DEFAULT_THRESHOLD = 50  # the explorer opens here: invite from a 50 % chance
TARGET_ACCURACY = 78  # exercise 5: judged right for at least this share of each group


# -- data and models, made once ------------------------------------------------------------------

@cache
def history():
    """The applicants of past years, with the decision the recruiters took (``invited``)."""
    return make_applicants(n_samples=N_HISTORY, random_state=HISTORY_SEED)


@cache
def applicants():
    """The new applicants the models judge; every rate in module 08 is measured on them."""
    return make_applicants(n_samples=N_NEW, random_state=NEW_SEED)


def inputs(name: str) -> list[str]:
    """The columns a model may use: the three qualities, plus the postcode area or not."""
    if name not in MODELS:
        raise ValueError(f"model must be one of {', '.join(MODELS)}, not {name!r}")
    return list(NUMERIC) + ([PROXY] if name == "with_postcode" else [])


@cache
def model(name: str):
    """A logistic regression that learned the past decisions from the model's inputs."""
    columns = inputs(name)
    parts = [(StandardScaler(), list(NUMERIC))]
    if PROXY in columns:
        parts.append((OneHotEncoder(handle_unknown="ignore"), [PROXY]))
    pipeline = make_pipeline(make_column_transformer(*parts), LogisticRegression())
    data = history()
    return pipeline.fit(data[columns], data.invited)


@cache
def chances(name: str) -> np.ndarray:
    """Each new applicant's chance of an invitation according to the model (0–1)."""
    chance = model(name).predict_proba(applicants()[inputs(name)])[:, 1]
    chance.flags.writeable = False
    return chance


@cache
def _truth():
    data = applicants()
    groups = {g: (data.group == g).to_numpy() for g in GROUPS}
    return groups, data.suitable.to_numpy(), data.invited.to_numpy()


def check_threshold(threshold_pct) -> float:
    """The threshold as a plain number in percent, or ValueError for anything else."""
    if isinstance(threshold_pct, bool) or not isinstance(threshold_pct, (int, float, np.integer, np.floating)):
        raise ValueError(f"threshold must be a number in percent, not {threshold_pct!r}")
    value = float(threshold_pct)
    if not 0 <= value <= 100:
        raise ValueError(f"threshold must be between 0 and 100 percent, not {threshold_pct!r}")
    return value


def _pct(part, whole) -> float | None:
    return round(100 * float(part) / float(whole), 1) if whole else None


def group_metrics(name: str, threshold_pct: float) -> dict:
    """Per group, for the model ``name`` that invites from ``threshold_pct`` % chance:

    ``count`` applicants, ``selected_pct`` (the selection rate), ``accuracy_pct`` (judged
    right, measured against who turned out suitable), ``missed_pct`` (suitable but not
    invited) and ``wrongly_invited_pct`` (invited but not suitable).
    """
    invite = chances(name) >= check_threshold(threshold_pct) / 100
    groups, suitable, _ = _truth()
    result = {}
    for group, members in groups.items():
        chosen, fit = invite[members], suitable[members]
        result[group] = {
            "count": int(members.sum()),
            "selected": int(chosen.sum()),
            "selected_pct": _pct(chosen.sum(), members.sum()),
            "accuracy_pct": _pct((chosen == fit).sum(), members.sum()),
            "missed_pct": _pct((fit & ~chosen).sum(), fit.sum()),
            "wrongly_invited_pct": _pct((chosen & ~fit).sum(), (~fit).sum()),
        }
    return result


def selection_ratio(metrics: dict) -> float | None:
    """The lowest selection rate divided by the highest (1 = equal; None when nobody is invited)."""
    rates = [metrics[g]["selected_pct"] for g in GROUPS]
    if max(rates) == 0:
        return None
    return round(min(rates) / max(rates), 2)


def fairness(name: str, threshold_pct: float) -> dict:
    """Everything the fairness explorer shows for one choice."""
    metrics = group_metrics(name, threshold_pct)
    ratio = selection_ratio(metrics)
    rates = {g: metrics[g]["selected_pct"] for g in GROUPS}
    return {
        "metrics": metrics,
        "ratio": ratio,
        "passes": ratio is not None and ratio >= FOUR_FIFTHS,
        "lower": min(GROUPS, key=rates.get) if ratio is not None and ratio < 1 else None,
        "accuracy_pct": min(metrics[g]["accuracy_pct"] for g in GROUPS),  # the worse-served group
    }


def thresholds() -> list[int]:
    low, high = THRESHOLD_RANGE
    return list(range(low, high + 1, THRESHOLD_STEP))


def history_rates(by: str = "group"):
    """Per group or per postcode area: applicants, % invited in the past decisions, % group B."""
    if by not in ("group", PROXY):
        raise ValueError(f"by must be 'group' or {PROXY!r}, not {by!r}")
    data = history()
    grouped = data.groupby(by)
    return pd.DataFrame(
        {
            "count": grouped.size(),
            "invited_pct": (100 * grouped.invited.mean()).round(1),
            "group_b_pct": (100 * grouped.group.apply(lambda g: (g == "B").mean())).round(1),
        }
    )


@cache
def importances(name: str) -> dict:
    """Permutation importance: how many percentage points of accuracy (against the past
    decisions the model learned) are lost when one input is shuffled, averaged over repeats."""
    columns = inputs(name)
    data = applicants()
    found = permutation_importance(
        model(name), data[columns], data.invited, scoring="accuracy",
        n_repeats=IMPORTANCE_REPEATS, random_state=0,
    )
    return {column: round(100 * float(value), 1) for column, value in zip(columns, found.importances_mean)}


def history_accuracy(name: str, threshold_pct: float = 50) -> float:
    """How often the model agrees with the recruiters' past decisions on the new applicants, in %."""
    invite = chances(name) >= check_threshold(threshold_pct) / 100
    _, _, invited = _truth()
    return _pct((invite == invited).sum(), len(invited))


def group_label(group: str) -> str:
    return t("m08.explore.group", group=group)


# -- the answer key -------------------------------------------------------------------------------

def metric(model_name: str, group: str, key: str, threshold: float = DEFAULT_THRESHOLD) -> float:
    """One number of the fairness table, as the explorer shows it (exercises 1 and 4)."""
    return fairness(model_name, threshold)["metrics"][group][key]


def best_threshold() -> int:
    """The explorer's threshold at which the model without postcode serves its worse-served
    group best (exercise 5 judges a learner's choice against this side)."""
    return max(thresholds(), key=lambda th: fairness("without_postcode", th)["accuracy_pct"])


def good_thresholds() -> list[int]:
    """The slider values exercise 5 asks for: without the postcode area, the four-fifths rule
    passed and at least ``TARGET_ACCURACY`` % of each group judged right."""
    return [th for th in thresholds() if fairness("without_postcode", th)["passes"] and fairness("without_postcode", th)["accuracy_pct"] >= TARGET_ACCURACY]


def numbers() -> dict:
    """The numbers module 08's texts state, by the names the catalogues use (``{selected_b}``).
    A ``_py`` name is the same number as Python code writes it, for the solutions' code lines."""
    with_postcode = fairness("with_postcode", DEFAULT_THRESHOLD)
    a, b = with_postcode["metrics"]["A"], with_postcode["metrics"]["B"]
    best, good = best_threshold(), good_thresholds()
    at_best = fairness("without_postcode", best)
    lowest = min(at_best["metrics"][g]["accuracy_pct"] for g in GROUPS)
    return {
        "pct_b_py": repr(b["selected_pct"]), "pct_a_py": repr(a["selected_pct"]), "selected_b": b["selected"], "count_b": b["count"],
        "ratio_with_postcode": with_postcode["ratio"],
        "missed_b": b["missed_pct"], "missed_b_py": repr(b["missed_pct"]),
        "best_threshold": best, "best_ratio": at_best["ratio"], "good_low": good[0], "good_high": good[-1],
        # "more than 80 %": the worse-served group's share at the best threshold, rounded down to 5
        "accuracy_floor": math.floor(lowest / 5) * 5,
    }
