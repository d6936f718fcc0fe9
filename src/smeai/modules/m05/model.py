"""Module 05's data model and answer key: groups of customers of a webshop, found with k-means.
Plain Python: no widgets, no plotting.

Every grouping the explorer offers (k from 2 to 6, any choice of the three RFM columns, scaled
or not) is computed once, at first use, for the same 400 customers: 70 small k-means runs that
take well under a second together. A callback then only looks a grouping up and redraws.
"""

from __future__ import annotations

import itertools
from functools import cache

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from threadpoolctl import ThreadpoolController

from ...datasets.webshop import make_webshop_customers
from ...i18n import format_number, t

__all__ = [
    "CUSTOMERS_SEED", "N_CUSTOMERS", "FEATURES", "K_VALUES", "START_K", "MIN_GROUP_SIZE", "SYMBOLS",
    "PROFILE_COLUMNS", "customers", "hidden_segments", "scale", "normalise_choice", "groups",
    "precompute", "profile", "group_sizes", "profile_frame", "sizes_frame", "feature_words",
]

CUSTOMERS_SEED = 7  # the 400 customers of Webwinkel Tuinhuis that every number in module 05 is about
N_CUSTOMERS = 400
FEATURES = ("recency_days", "orders", "monetary_eur")  # recency, frequency, monetary (RFM)
K_VALUES = tuple(range(2, 7))
START_K = 3  # the explorer opens here; exercise 1 asks for k = 4
MIN_GROUP_SIZE = 40  # exercise 4: a mailing is worth the work for a group of at least this many
# the text symbols that stand for the marker shapes in tables (smeai.plotting.MARKERS)
SYMBOLS = ("●", "✖", "■", "▲", "◆", "▼")


@cache
def customers():
    """The 400 customers of Webwinkel Tuinhuis (a fixed seed: the same in every notebook)."""
    return make_webshop_customers(n_samples=N_CUSTOMERS, random_state=CUSTOMERS_SEED)


@cache
def hidden_segments():
    """The kind of customer each one really is. The data was made with it; a real shop never
    knows it. Only the tests use it, to show that the groups are there to be found."""
    return make_webshop_customers(n_samples=N_CUSTOMERS, random_state=CUSTOMERS_SEED, return_segments=True)[1]


def scale(values):
    """Each column as "how many spreads above or below its average" (a z-score): the average
    becomes 0 and the usual distance from the average becomes 1. This is what scikit-learn's
    ``StandardScaler`` does."""
    values = np.asarray(values, dtype=float)
    return (values - values.mean(axis=0)) / values.std(axis=0)


def normalise_choice(k, features, scaled) -> tuple[int, tuple[str, ...], bool]:
    """The explorer's settings in one standard form, or a ValueError that says what is wrong."""
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or int(k) not in K_VALUES:
        raise ValueError(f"k must be a whole number from {K_VALUES[0]} to {K_VALUES[-1]}, not {k!r}")
    if isinstance(features, str):
        features = (features,)
    chosen = set(features or ())
    unknown = chosen - set(FEATURES)
    if unknown:
        raise ValueError(f"unknown column(s) {sorted(unknown)}; choose from {FEATURES}")
    if not chosen:
        raise ValueError("choose at least one column")
    if not isinstance(scaled, (bool, np.bool_)):
        raise ValueError(f"scaled must be True or False, not {scaled!r}")
    return int(k), tuple(f for f in FEATURES if f in chosen), bool(scaled)


@cache
def _threads():
    """threadpoolctl's view of the thread pools, made once (looking them up takes a few ms)."""
    return ThreadpoolController()


def _fit(k: int, features: tuple[str, ...], scaled: bool) -> np.ndarray:
    data = customers()
    values = data[list(features)].to_numpy(dtype=float)
    if scaled:
        values = scale(values)
    # one thread: on a problem this small, more threads only wait for each other on a busy machine
    with _threads().limit(limits=1):
        labels = KMeans(n_clusters=k, n_init=10, random_state=0).fit_predict(values)
    # k-means numbers its groups at random; number them by average spend, highest first, so
    # that "group 1" always means the group that spends most
    spend = data.monetary_eur.to_numpy()
    order = sorted(range(k), key=lambda g: -spend[labels == g].mean())
    renumber = np.empty(k, dtype=int)
    renumber[order] = np.arange(1, k + 1)
    return renumber[labels]


@cache
def _groups(k: int, features: tuple[str, ...], scaled: bool) -> np.ndarray:
    labels = _fit(k, features, scaled)
    labels.flags.writeable = False  # shared by every caller: nobody may change it
    return labels


def groups(k: int, features=FEATURES, scaled: bool = True) -> np.ndarray:
    """The group (1 to k) of every customer, for these settings. Computed once, then looked up."""
    return _groups(*normalise_choice(k, features, scaled))


@cache
def precompute() -> int:
    """Every grouping the explorer offers, so that moving a control only looks one up.
    Returns how many there are."""
    choices = [c for r in range(1, len(FEATURES) + 1) for c in itertools.combinations(FEATURES, r)]
    for k in K_VALUES:
        for features in choices:
            for scaled in (True, False):
                _profile(k, features, scaled)
    return len(K_VALUES) * len(choices) * 2


@cache
def _profile(k: int, features: tuple[str, ...], scaled: bool):
    data = customers()
    labels = _groups(k, features, scaled) - 1
    counts = np.bincount(labels, minlength=k)

    def mean(values):
        return np.bincount(labels, weights=np.asarray(values, dtype=float), minlength=k) / counts

    table = pd.DataFrame(
        {
            "customers": counts,
            "recency_days": mean(data.recency_days).round(0),
            "orders": mean(data.orders).round(1),
            "monetary_eur": mean(data.monetary_eur).round(0),
            "per_order_eur": mean(data.monetary_eur / data.orders).round(0),
            "newsletter_pct": (100 * mean(data.newsletter)).round(0),
        },
        index=pd.RangeIndex(1, k + 1, name="group"),
    )
    return table


def profile(k: int, features=FEATURES, scaled: bool = True):
    """One row per group (1 to k): how many customers, and their averages (days since the last
    order, orders, spend in euros, spend per order in euros, % reading the newsletter)."""
    return _profile(*normalise_choice(k, features, scaled)).copy()


def group_sizes(k: int, features=FEATURES, scaled: bool = True) -> list[int]:
    """How many customers each group has, group 1 first."""
    return [int(n) for n in profile(k, features, scaled).customers]


PROFILE_COLUMNS = ("customers", "recency_days", "orders", "monetary_eur", "per_order_eur", "newsletter_pct")


def profile_frame(k: int, features=FEATURES, scaled: bool = True):
    """The profile as a learner reads it: column names in their language, numbers their way,
    one row per group named by its symbol and number. Used by the explorer's table and by the
    graded assignment."""
    table = profile(k, features, scaled)
    labels = [f"{SYMBOLS[(group - 1) % len(SYMBOLS)]} " + t("m05.explore.group", number=group) for group in table.index]
    rows = [[format_number(row[c]) for c in PROFILE_COLUMNS] for _, row in table.iterrows()]
    index = pd.Index(labels, name=t("m05.explore.col.group"))
    return pd.DataFrame(rows, columns=[t(f"m05.explore.col.{c}") for c in PROFILE_COLUMNS], index=index)


def sizes_frame(features=FEATURES, scaled: bool = True):
    """For every k the explorer offers: the size of each group (group 1 = highest spend)."""
    rows = []
    for k in K_VALUES:
        sizes = group_sizes(k, features, scaled)
        rows.append([str(n) for n in sizes] + ["" for _ in range(K_VALUES[-1] - k)])
    headers = [t("m05.explore.group", number=g) for g in range(1, K_VALUES[-1] + 1)]
    return pd.DataFrame(rows, columns=headers, index=pd.Index(K_VALUES, name="k"))


def feature_words(features) -> str:
    """The chosen columns in the learner's words: "dagen, besteding"."""
    return ", ".join(t(f"m05.explore.feature.{f}") for f in features)
