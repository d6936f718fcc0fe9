"""Reading a date as a person types it, for the plan's review date.

Day first, as in the Netherlands and most of Europe: ``1-9-2026``, ``01/09/2026``, ``1.9.26``,
ISO ``2026-09-01``, or with a month name in Dutch or English: ``1 september 2026``,
``1 sep. 2026``, ``1 Sept 2026``. Anything else is refused with a sentence for the learner,
never guessed.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from ..i18n import LANGUAGES, lookup, t
from .model import PlanError

_NUMERIC = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NAMED = re.compile(r"^(\d{1,2})\.?\s+([^\W\d_]+)\.?,?\s+(\d{4})$")


def _month_number(word: str) -> int | None:
    word = word.lower()
    for lang in LANGUAGES:
        for number, name in enumerate(lookup("plan.months", lang), start=1):
            name = name.lower()
            if word == name or (len(word) >= 3 and name.startswith(word)):
                return number
    return None


def parse_date(value) -> date | None:
    """A date from a date, an ISO text or a text typed the Dutch way; None for an empty field.

    Raises :class:`PlanError` with a sentence naming what was typed when it is not a date."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise PlanError(t("plan.errors.date_unreadable", text=str(value)[:40]))
    text = " ".join(value.split())
    if not text:
        return None
    parts = None
    if m := _ISO.match(text):
        parts = int(m[1]), int(m[2]), int(m[3])
    elif m := _NUMERIC.match(text):
        year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
        parts = year, int(m[2]), int(m[1])
    elif (m := _NAMED.match(text)) and (month := _month_number(m[2])):
        parts = int(m[3]), month, int(m[1])
    try:
        return date(*parts) if parts else _refuse(text)
    except ValueError:  # 31-2-2026: looks like a date, is none
        return _refuse(text)


def _refuse(text: str):
    raise PlanError(t("plan.errors.date_unreadable", text=text[:40]))
