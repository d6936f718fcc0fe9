"""Money, months and dates written the learner's way, for the plan and the record."""

from __future__ import annotations

from datetime import date, datetime

from ..i18n import format_number, get_language, lookup, t


def euros(value: float, lang: str | None = None) -> str:
    """Whole euros, the learner's way: ``€ 4.200`` in Dutch, ``€4,200`` in English."""
    lang = lang or get_language()
    amount = format_number(abs(round(value)), lang)
    sign = "-" if round(value) < 0 else ""
    return f"€ {sign}{amount}" if lang == "nl" else f"{sign}€{amount}"


def months_text(months: float | None, lang: str | None = None) -> str:
    if months is None:
        return t("plan.benefit.never", lang)
    return t("plan.benefit.months", lang, months=round(months, 1))


def format_date(when, lang: str | None = None, *, short: bool = False) -> str:
    """A date as people write it: ``2 november 2026`` (nl) or ``2 November 2026`` (en); short:
    ``2-11-2026`` (nl) or ``2 Nov 2026`` (en). Accepts a date, a datetime or an ISO text; times
    with a time zone (the progress store's UTC) are shown in local time."""
    lang = lang or get_language()
    if isinstance(when, str):
        try:
            when = datetime.fromisoformat(when)
        except ValueError:
            return when
    if isinstance(when, datetime):
        when = when.astimezone().date() if when.tzinfo else when.date()
    if not isinstance(when, date):
        return str(when)
    if short and lang == "nl":
        return f"{when.day}-{when.month}-{when.year}"
    month = lookup("plan.months", lang)[when.month - 1]
    return f"{when.day} {month[:3] if short else month} {when.year}"


def label(field: str, lang: str) -> str:
    """A cost-benefit field's name without its unit, for a line that shows the amount in €."""
    return t(f"plan.benefit.{field}", lang).removesuffix(" (€)")

