"""Module 05: the customers of a webshop, described by recency, frequency and monetary value."""

from __future__ import annotations


import numpy as np

from ._random import BadOption, check_option, check_random_state

# The four kinds of customer hidden in the data, in this order everywhere:
# loyal big spenders, new customers, sleeping customers and bargain hunters.
SEGMENTS = ("loyal", "new", "sleeping", "bargain")
DEFAULT_WEIGHTS = (0.2, 0.25, 0.25, 0.3)

# What each kind of customer looks like, over the last two years (730 days):
# days since the last order (a gamma distribution: mean = shape * scale), the number of orders
# (1 + Poisson) and the average amount per order in euros (log-normal: median and spread).
_PROFILES = {
    #            recency: shape, scale   orders: extra   order value: median €, sigma
    "loyal": dict(recency=(2.0, 10.0), orders=20.0, order_value=(55.0, 0.12)),
    "new": dict(recency=(2.0, 12.0), orders=0.15, order_value=(50.0, 0.3)),
    "sleeping": dict(recency=(16.0, 28.0), orders=2.5, order_value=(60.0, 0.3)),
    "bargain": dict(recency=(6.0, 10.0), orders=10.0, order_value=(18.0, 0.25)),
}

# Where the customers of a shop in Deventer (Overijssel) live: most nearby, some further away.
PROVINCES = (
    ("Overijssel", 0.34), ("Gelderland", 0.27), ("Utrecht", 0.07), ("Drenthe", 0.06),
    ("Noord-Holland", 0.06), ("Zuid-Holland", 0.06), ("Noord-Brabant", 0.05), ("Flevoland", 0.03),
    ("Friesland", 0.02), ("Groningen", 0.02), ("Limburg", 0.01), ("Zeeland", 0.01),
)
# Share of each kind of customer that reads the newsletter.
_NEWSLETTER = {"loyal": 0.7, "new": 0.45, "sleeping": 0.3, "bargain": 0.65}
PERIOD_DAYS = 730


def make_webshop_customers(n_samples: int = 400, *, weights=None, spread: float = 1.0, return_segments: bool = False, random_state=None):
    """Customers of "Webwinkel Tuinhuis" in Deventer, a webshop for garden supplies.

    Each customer is described the way marketers do (RFM): how many days ago they last ordered
    (*recency*), how many orders they placed (*frequency*) and how much they spent (*monetary*
    value), all over the last two years. Four kinds of customer are hidden in the data, each
    with its own pattern under noise:

    - ``"loyal"``: loyal big spenders, who order often, recently, and spend a lot;
    - ``"new"``: new customers, with one or two recent orders;
    - ``"sleeping"``: customers who used to order but have not for many months;
    - ``"bargain"``: bargain hunters, who order often but spend little per order.

    With the three RFM columns scaled to the same size, k-means with four groups finds these
    kinds back well; without scaling, the euros and the days decide and the orders hardly count.

    Parameters
    ----------
    n_samples : int, default=400
        Number of customers.
    weights : sequence of 4 floats or None, default=None
        Share of each kind of customer, in the order of ``SEGMENTS``
        (loyal, new, sleeping, bargain). ``None`` means 20 %, 25 %, 25 % and 30 %.
        The shares are normalised to add up to 1.
    spread : float, default=1.0
        How much the customers of one kind differ among themselves (1 is realistic; higher
        values blur the kinds into each other, as ``cluster_std`` does in ``make_blobs``).
    return_segments : bool, default=False
        Also return the hidden kind of every customer (a real shop never knows this).
    random_state : None, int or numpy.random.Generator, default=None
        Seed for reproducible data.

    Returns
    -------
    customers : pandas.DataFrame
        One row per customer, with columns ``customer_id`` (str, "K0001"...),
        ``recency_days`` (int, 0–730: days since the last order), ``orders`` (int, at least 1:
        orders in the last two years), ``monetary_eur`` (float: euros spent in the last two
        years), ``province`` (str: one of the twelve Dutch provinces) and ``newsletter``
        (bool: reads the newsletter).
    segments : pandas.Series
        Only when ``return_segments=True``: the hidden kind of each customer, one of
        ``SEGMENTS``, with the same index as ``customers``.

    Examples
    --------
    >>> from smeai.datasets.webshop import make_webshop_customers
    >>> customers = make_webshop_customers(n_samples=200, random_state=0)
    >>> customers.shape
    (200, 6)
    >>> list(customers.columns)
    ['customer_id', 'recency_days', 'orders', 'monetary_eur', 'province', 'newsletter']
    >>> customers, segments = make_webshop_customers(n_samples=200, return_segments=True, random_state=0)
    >>> sorted(segments.unique())
    ['bargain', 'loyal', 'new', 'sleeping']
    """
    import pandas as pd

    n_samples = check_option(n_samples, "n_samples", whole=True, low=1)
    spread = check_option(spread, "spread", low=0, high=5, closed="right")
    shares = _check_weights(weights)
    rng = check_random_state(random_state)

    # how many customers of each kind: the shares, rounded so that they add up to n_samples
    counts = np.floor(shares * n_samples).astype(int)
    for i in np.argsort(-(shares * n_samples - counts))[: n_samples - counts.sum()]:
        counts[i] += 1
    kinds = np.repeat(np.array(SEGMENTS), counts)
    kinds = kinds[rng.permutation(n_samples)]

    recency = np.empty(n_samples)
    orders = np.empty(n_samples, dtype=int)
    per_order = np.empty(n_samples)
    newsletter = np.empty(n_samples, dtype=bool)
    for kind in SEGMENTS:
        mask = kinds == kind
        size = int(mask.sum())
        profile = _PROFILES[kind]
        shape, scale = profile["recency"]
        # a larger spread: a flatter gamma with the same mean
        recency[mask] = rng.gamma(shape / spread**2, scale * spread**2, size)
        orders[mask] = 1 + rng.poisson(profile["orders"] * rng.lognormal(0, 0.1 * spread, size))
        median, sigma = profile["order_value"]
        per_order[mask] = median * rng.lognormal(0, sigma * spread, size)
        newsletter[mask] = rng.random(size) < _NEWSLETTER[kind]

    recency_days = np.clip(np.round(recency), 0, PERIOD_DAYS).astype(int)
    monetary = np.round(orders * per_order * rng.lognormal(0, 0.1, n_samples), 2)
    names, probabilities = zip(*PROVINCES)
    province = rng.choice(np.array(names), size=n_samples, p=np.array(probabilities) / sum(probabilities))

    customers = pd.DataFrame(
        {
            "customer_id": [f"K{i:04d}" for i in range(1, n_samples + 1)],
            "recency_days": recency_days,
            "orders": orders,
            "monetary_eur": monetary,
            "province": province,
            "newsletter": newsletter,
        }
    )
    if return_segments:
        return customers, pd.Series(kinds, index=customers.index, name="segment")
    return customers


def _check_weights(weights) -> np.ndarray:
    if weights is None:
        return np.array(DEFAULT_WEIGHTS)
    try:
        shares = np.asarray(weights, dtype=float)
    except (TypeError, ValueError):
        raise BadOption(f"weights must be {len(SEGMENTS)} numbers, not {weights!r}") from None
    if shares.shape != (len(SEGMENTS),) or not np.isfinite(shares).all() or (shares < 0).any() or shares.sum() <= 0:
        raise BadOption(f"weights must be {len(SEGMENTS)} numbers of at least 0, not all 0; got {weights!r}")
    return shares / shares.sum()
