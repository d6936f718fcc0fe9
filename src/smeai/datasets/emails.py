"""Module 06: e-mails from customers of an installation company with a webshop, in Dutch and English.

Every e-mail is one whole message written from a template of its intent (a question, a
complaint, an order, an invoice matter): a subject that belongs to the body, a greeting, the
message itself, sometimes a remark in passing about a second matter (a mixed signal), a
closing and the sender's name. Names, order and invoice numbers, products, places, dates and
amounts in euros are filled in at random, the same value wherever a template repeats a slot;
a few letters are typed wrong. The company, De Warmtebron in Apeldoorn, and all people are
made up. The texts are in ``_email_nl`` and ``_email_en``.
"""

from __future__ import annotations

import re

import numpy as np

from . import _email_en, _email_nl
from ._random import check_option, check_random_state

CATEGORIES = ("question", "complaint", "order", "invoice")
LANGUAGES = ("nl", "en")
SHARED_SHARE = 0.06  # share of (non-urgent) e-mails that are honestly borderline between two kinds

_NL = _email_nl.TEXTS
_EN = _email_en.TEXTS
_VOCAB = {"nl": _NL, "en": _EN}
_WORD = re.compile(r"[^\W\d_]{4,}")


def make_emails(n_samples: int = 200, *, english_share: float = 0.3, mixed_signals: float = 0.2, typo_rate: float = 0.02,
                random_state=None):
    """Customer e-mails to an installation company with a webshop, in Dutch and English.

    De Warmtebron in Apeldoorn fits and services boilers and heat pumps and sells parts in a
    webshop. Its info mailbox gets four kinds of e-mail: questions, complaints, orders and
    invoice matters, in equal numbers. Each e-mail is one coherent message from a template of
    its kind, with a subject that fits the body, a greeting, a closing and the sender's name;
    names, order and invoice numbers, products, places, dates and amounts in euros are filled
    in. About a third of the complaints are urgent (no heating, a leak, a smell of gas).

    Three kinds of noise make sorting realistic but not perfect: ``mixed_signals`` of the
    e-mails end with a second matter of another kind ("the previous invoice I have already
    paid" in an order; never in an urgent complaint); some messages are honestly borderline (a question about
    an invoice, a complaint about a bill); and ``typo_rate`` of the longer words are typed
    wrong. Some subjects say nothing of the content ("Re: your e-mail").

    Parameters
    ----------
    n_samples : int, default=200
        Number of e-mails. The four categories differ in number by at most one.
    english_share : float, default=0.3
        Share of e-mails written in English (the rest is Dutch).
    mixed_signals : float, default=0.2
        Share of e-mails that also mention a matter of another category in passing.
    typo_rate : float, default=0.02
        Share of words of four letters or more with a typing error (a swapped, dropped or
        doubled letter).
    random_state : None, int or numpy.random.Generator, default=None
        Seed for reproducible e-mails.

    Returns
    -------
    pandas.DataFrame
        One row per e-mail, columns ``sender`` (str), ``subject`` (str), ``body`` (str, with
        line breaks), ``language`` ("nl" or "en"), ``category`` ("question", "complaint",
        "order" or "invoice") and ``urgent`` (bool, True only for some complaints).

    Examples
    --------
    >>> from smeai.datasets.emails import make_emails
    >>> emails = make_emails(n_samples=8, random_state=0)
    >>> emails.shape
    (8, 6)
    >>> list(emails.columns)
    ['sender', 'subject', 'body', 'language', 'category', 'urgent']
    >>> sorted(emails.category.value_counts().to_dict().items())
    [('complaint', 2), ('invoice', 2), ('order', 2), ('question', 2)]
    """
    import pandas as pd

    n_samples = check_option(n_samples, "n_samples", whole=True, low=1)
    english_share = check_option(english_share, "english_share", low=0, high=1)
    mixed_signals = check_option(mixed_signals, "mixed_signals", low=0, high=1)
    typo_rate = check_option(typo_rate, "typo_rate", low=0, high=0.3)
    rng = check_random_state(random_state)

    categories = np.resize(np.array(CATEGORIES), n_samples)
    rng.shuffle(categories)
    rows = [_email(str(category), rng, english_share, mixed_signals, typo_rate) for category in categories]
    return pd.DataFrame(rows, columns=["sender", "subject", "body", "language", "category", "urgent"])


def _pick(rng, options):
    return options[int(rng.integers(len(options)))]


def _amount(rng, lang: str) -> str:
    low, high = ((45, 400), (400, 2500), (2500, 12000))[int(rng.integers(3))]
    return _euros(round(float(rng.uniform(low, high)), 2), lang)


def _euros(value: float, lang: str) -> str:
    """``€ 1.249,50`` in Dutch, ``€1,249.50`` in English."""
    text = f"{value:,.2f}"
    if lang == "nl":
        return "€ " + text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return "€" + text


def _slots(rng, lang: str) -> dict:
    vocab = _VOCAB[lang]
    day, month = int(rng.integers(1, 29)), _pick(rng, vocab["months"])
    return {
        "product": _pick(rng, vocab["products"]),
        "shop": _pick(rng, vocab["shop"]),
        "place": _pick(rng, vocab["places"]),
        "weekday": _pick(rng, vocab["weekdays"]),
        "order": f"WB-{int(rng.integers(10000, 99999))}",
        "invoice": f"F-{int(rng.integers(24, 26))}{int(rng.integers(1, 9999)):04d}",
        "sku": str(int(rng.integers(100000, 999999))),
        "heater": _pick(rng, vocab["heaters"]),
        "amount": _amount(rng, lang),
        "fee": _euros(float(rng.integers(60, 150)), lang),
        "price": _euros(round(float(rng.uniform(6, 180)), 2), lang),
        "date": f"{day} {month}",
        "qty": str(int(rng.integers(2, 7))),
        "phone": f"{int(rng.integers(10000000, 99999999))}",
        "customer": f"{int(rng.integers(1000, 9999))}",
        "days": str(int(rng.integers(2, 5))),
    }


def _typo(match, rng, rate):
    word = match.group(0)
    if rng.random() >= rate:
        return word
    i = int(rng.integers(1, len(word) - 1))
    kind = int(rng.integers(3))
    if kind == 0:  # two letters swapped
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == 1:  # a letter dropped
        return word[:i] + word[i + 1:]
    return word[:i] + word[i] + word[i:]  # a letter doubled


def _fill(parts, rng) -> list[str]:
    """The sentences of one template: alternatives chosen, optional parts kept or left out."""
    chosen = [part if isinstance(part, str) else _pick(rng, part) for part in parts]
    return [sentence for sentence in chosen if sentence is not None]


def _second_matter(category: str, rng, lang: str, slots: dict) -> str:
    """A matter of another kind, added at the end of the e-mail (a mixed signal): a remark in
    passing, or the start of a message of that kind after "Something else:". It gets its own
    order number, product and amounts, as a second matter would."""
    vocab = _VOCAB[lang]
    other = _pick(rng, [c for c in CATEGORIES if c != category])
    own = {**_slots(rng, lang), "place": slots["place"], "sender_first": slots["sender_first"]}
    if rng.random() < 0.5:
        return _pick(rng, vocab["asides"][other]).format(**own)
    _, parts = _pick(rng, vocab["templates"][other])
    matter = " ".join(_fill(parts, rng)[:2]).format(**own)
    if not matter.startswith("I "):  # after the colon the sentence goes on in lower case
        matter = matter[0].lower() + matter[1:]
    return f"{_pick(rng, vocab['connectors'])} {matter}"


def _email(category: str, rng, english_share: float, mixed_signals: float, typo_rate: float) -> tuple:
    lang = "en" if rng.random() < english_share else "nl"
    vocab = _VOCAB[lang]
    slots = _slots(rng, lang)
    first = _pick(rng, vocab["first"])
    sender = f"{first} {_pick(rng, vocab['last'])}"
    slots["sender_first"] = first

    urgent = category == "complaint" and rng.random() < 0.35
    if urgent:
        templates = vocab["urgent"]
    elif rng.random() < SHARED_SHARE:
        # a borderline message: the same words are sorted under either of two kinds
        templates = [t for pair, group in vocab["shared"].items() if category in pair for t in group]
    else:
        templates = vocab["templates"][category]
    subjects, parts = _pick(rng, templates)
    sentences = _fill(parts, rng)
    text = " ".join(sentences).format(**slots)
    if rng.random() < mixed_signals and not urgent:  # someone in the cold writes about nothing else
        text += " " + _second_matter(category, rng, lang, slots)
    if rng.random() < 0.3:
        text += " " + _pick(rng, vocab["neutral"]).format(**slots)
    if typo_rate:
        text = _WORD.sub(lambda m: _typo(m, rng, typo_rate), text)

    subject = _pick(rng, vocab["generic_subjects"] if rng.random() < 0.15 else subjects).format(**slots)
    subject = subject[0].upper() + subject[1:]
    body = f"{_pick(rng, vocab['greetings'])}\n\n{text}\n\n{_pick(rng, vocab['closings'])}\n{sender}"
    return sender, subject, body, lang, category, bool(urgent)
