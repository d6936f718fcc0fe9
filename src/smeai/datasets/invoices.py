"""Module 04: invoices of a wholesaler in Zwolle, some of which are paid late."""

from __future__ import annotations

import numpy as np

from ._random import check_option, check_random_state

SECTORS = ("hospitality", "construction", "retail", "care", "transport", "services")
PAYMENT_TERMS = (14, 30, 60)

# The late payers' profile, as effects on the log-odds of paying late. What a customer usually
# does (a hidden habit per customer) matters most; it shows in the days-late history.
_SECTOR_SHARE = (0.26, 0.18, 0.24, 0.10, 0.10, 0.12)
_SECTOR_EFFECT = {"hospitality": 0.75, "construction": 0.6, "retail": 0.0, "care": -0.35, "transport": 0.2, "services": -0.65}
_SECTOR_MEDIAN_EUR = {"hospitality": 650, "construction": 2400, "retail": 900, "care": 1300, "transport": 1600, "services": 700}
_TERM_SHARE = (0.35, 0.50, 0.15)
_TERM_EFFECT = {14: 0.35, 30: 0.0, 60: -0.25}
# December (year end, holidays), January, and the summer holidays: bills wait longer
_MONTH_EFFECT = np.array([0.3, 0, 0, 0, 0, 0, 0.45, 0.5, 0, 0, 0, 0.65])
_HABIT_WEIGHT = 1.8
_AMOUNT_WEIGHT = 0.3  # per step of e (about 2.7 times bigger)
_INTERCEPT = -1.85

_NAMES = ("De Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "De Boer", "Bos", "Vos", "Peters", "Hendriks", "Dekker", "Brouwer", "Kok", "Van Dam", "Post", "Kuipers", "Veenstra", "Schouten", "Huisman", "Hoekstra", "Prins", "Kamphuis", "Nijboer", "Wolters", "Oosterhof", "Zwiers")
_KINDS = {
    "hospitality": ("Café", "Eetcafé", "Hotel", "Lunchroom", "Restaurant"),
    "construction": ("Bouwbedrijf", "Aannemersbedrijf", "Installatiebedrijf", "Schildersbedrijf", "Dakdekker"),
    "retail": ("Supermarkt", "Slagerij", "Bakkerij", "Tuincentrum", "Drogisterij"),
    "care": ("Zorgcentrum", "Huisartsenpraktijk", "Tandartspraktijk", "Thuiszorg"),
    "transport": ("Transport", "Koeriersdienst", "Verhuisbedrijf", "Taxibedrijf"),
    "services": ("Administratiekantoor", "Adviesbureau", "Schoonmaakbedrijf", "Uitzendbureau"),
}
_TOWNS = ("Zwolle", "Kampen", "Deventer", "Meppel", "Hardenberg", "Raalte", "Dalfsen", "Ommen", "Hattem", "Heerde", "Steenwijk", "Genemuiden")


def _sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def make_invoices(n_samples: int = 1000, *, n_customers: int | None = None, random_state=None):
    """A year of invoices of Groothandel Van Dijk in Zwolle, and whether each was paid late.

    The wholesaler delivers drinks, food and cleaning products to cafés, builders, shops, care
    homes, transport firms and offices in the region. About one invoice in four is paid after
    its due date. Late payers have a profile, hidden under noise:

    - each customer has a habit (paying on time or not) that shows in its **history**: the
      number of earlier invoices paid late, and the average number of days late;
    - cafés and restaurants (``hospitality``) and builders (``construction``) pay late more
      often, offices (``services``) least often;
    - a short payment term (14 days) is missed more often than a long one (60 days);
    - larger amounts, and invoices sent in December, January, July and August, are paid late
      more often.

    A new customer has no history, so the simple rule "late before, late again" cannot judge
    it; a model that also looks at sector, term, amount and month can.

    Parameters
    ----------
    n_samples : int, default=1000
        Number of invoices.
    n_customers : int or None, default=None
        Number of different customers; by default one customer per four invoices.
    random_state : None, int or numpy.random.Generator, default=None
        Seed for reproducible data.

    Returns
    -------
    pandas.DataFrame
        One row per invoice, in date order, with the columns

        - ``invoice_id`` (str): the invoice number, ``"F24-0001"`` and so on;
        - ``customer`` (str) and ``town`` (str): who was invoiced, and where;
        - ``sector`` (str): one of ``hospitality``, ``construction``, ``retail``, ``care``,
          ``transport``, ``services``;
        - ``amount_eur`` (float): the invoice amount in euros;
        - ``payment_term_days`` (int): 14, 30 or 60 days to pay;
        - ``month`` (int): the month the invoice was sent, 1 (January) to 12;
        - ``invoices_before`` (int): earlier invoices of this customer in the past year;
        - ``late_before`` (int): how many of those were paid late;
        - ``avg_days_late_before`` (float): the average number of days late over those earlier
          invoices (an invoice paid on time counts as 0; 0 when there were none);
        - ``paid_late`` (bool): True when the invoice was paid after its due date.

    Examples
    --------
    >>> from smeai.datasets.invoices import make_invoices
    >>> invoices = make_invoices(n_samples=200, random_state=0)
    >>> invoices.shape
    (200, 11)
    >>> invoices.paid_late.dtype
    dtype('bool')
    """
    import pandas as pd

    n_samples = check_option(n_samples, "n_samples", whole=True, low=1)
    if n_customers is None:
        n_customers = max(1, int(n_samples) // 4)
    n_customers = check_option(n_customers, "n_customers", whole=True, low=1)
    rng = check_random_state(random_state)

    # -- the customers: sector, agreed payment term, name, and a hidden payment habit ----------
    sector_c = rng.choice(len(SECTORS), size=n_customers, p=_SECTOR_SHARE)
    term_c = rng.choice(PAYMENT_TERMS, size=n_customers, p=_TERM_SHARE)
    habit_c = rng.normal(0.0, 1.0, n_customers)
    names_c = np.array([
        f"{rng.choice(_KINDS[SECTORS[s]])} {rng.choice(_NAMES)}" for s in sector_c
    ])
    towns_c = rng.choice(_TOWNS, size=n_customers, p=_town_shares())
    # busy customers get more invoices
    activity_c = rng.gamma(2.0, 1.0, n_customers)
    customer = rng.choice(n_customers, size=n_samples, p=activity_c / activity_c.sum())

    sector_name = np.array(SECTORS)[sector_c[customer]]
    sector_effect = np.array([_SECTOR_EFFECT[s] for s in SECTORS])[sector_c[customer]]
    term = term_c[customer]
    term_effect = np.select([term == 14, term == 30], [_TERM_EFFECT[14], _TERM_EFFECT[30]], _TERM_EFFECT[60])
    habit = habit_c[customer]

    # -- the invoice itself ------------------------------------------------------------------
    month = rng.integers(1, 13, n_samples)
    median = np.array([_SECTOR_MEDIAN_EUR[s] for s in SECTORS])[sector_c[customer]]
    amount = np.round(np.clip(median * rng.lognormal(0.0, 0.75, n_samples), 25, 25_000), 2)

    # -- the history: what this customer did with earlier invoices ---------------------------
    usual = _INTERCEPT + sector_effect + term_effect + _HABIT_WEIGHT * habit
    new_customer = rng.random(n_samples) < 0.15
    invoices_before = np.where(new_customer, 0, 1 + rng.poisson(1.0 + 5.0 * activity_c[customer] / 2.0))
    late_before = rng.binomial(invoices_before, _sigmoid(usual + 0.15))
    # days late on a late invoice: longer for customers with a worse habit
    days_per_late = rng.gamma(2.0, 3.0 + 4.0 * _sigmoid(habit), n_samples)
    avg_days = np.where(invoices_before > 0, late_before * days_per_late / np.maximum(invoices_before, 1), 0.0)

    # -- paid late or not: the profile, then a coin with that chance --------------------------
    logit = usual + _MONTH_EFFECT[month - 1] + _AMOUNT_WEIGHT * np.log(amount / 1000.0)
    paid_late = rng.random(n_samples) < _sigmoid(logit)

    order = np.argsort(month, kind="stable")
    frame = pd.DataFrame({
        "customer": names_c[customer],
        "town": towns_c[customer],
        "sector": sector_name,
        "amount_eur": amount,
        "payment_term_days": term.astype(int),
        "month": month.astype(int),
        "invoices_before": invoices_before.astype(int),
        "late_before": late_before.astype(int),
        "avg_days_late_before": np.round(avg_days, 1),
        "paid_late": paid_late.astype(bool),
    }).iloc[order].reset_index(drop=True)
    frame.insert(0, "invoice_id", [f"F24-{i:04d}" for i in range(1, n_samples + 1)])
    return frame


def _town_shares():
    # Zwolle itself is the biggest town by far; the villages around it are smaller
    weights = np.array([5.0, 1.6, 1.8, 1.2, 1.0, 1.0, 0.7, 0.6, 0.5, 0.5, 0.8, 0.5])
    return weights / weights.sum()
