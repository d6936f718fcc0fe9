"""What the record says, as text in the record's language: shared by the HTML page and the PDF."""

from __future__ import annotations

from .. import __version__
from ..i18n import t
from ..plan import format_date
from ..standing import ACTIVE_GAP_MINUTES
from .model import PASS_SHARE, PLAUSIBLE_SHARE, ModuleRecord, Record, day

MODULE_COLUMNS = ("number", "title", "status", "started", "finished", "minutes", "exercises", "quiz", "solutions")
SCAN_COLUMNS = ("area", "before", "after", "change")
SIGNOFF_FIELDS = ("name", "role", "date", "signature")


def _one_decimal(value: float, lang: str, sign: bool = False) -> str:
    # scores with one decimal everywhere, so "2,3" and "+2,0" line up (not "+2" next to "+2,34")
    text = f"{value:+.1f}" if sign else f"{value:.1f}"
    return text.replace(".", ",") if lang == "nl" else text


def _score(value: float | None, lang: str) -> str:
    return _one_decimal(value, lang) if value is not None else "–"


def _change(before, after, lang: str) -> str:
    if before is None or after is None:
        return "–"
    return _one_decimal(round(after, 1) - round(before, 1), lang, sign=True)


def date_text(ts, lang: str, short: bool = False) -> str:
    when = day(ts) if isinstance(ts, str) else ts
    return format_date(when, lang, short=short) if when else "–"


def status_text(m: ModuleRecord, lang: str) -> str:
    key = "not_available" if not m.available and m.status == "not_started" else m.status
    return t(f"record.status.{key}", lang)


NO_BREAK = "\u00a0"


def no_break(text: str) -> str:
    """Keep a short cell on one line in the PDF: "5 van 5" must not wrap into "5 van | 5"."""
    return text.replace(" ", NO_BREAK)


def minutes_text(m: ModuleRecord, lang: str) -> str:
    """Measured / estimated minutes, with "te kort" when far below the estimate."""
    if not m.started:
        return "–"
    text = no_break(t("record.minutes_cell", lang, measured=m.minutes, estimate=m.estimate))
    return text + " " + no_break(t("record.too_short_mark", lang)) if m.too_short else text


def module_rows(record: Record) -> list[list[str]]:
    """One row per module: number, title, status, started, completed, minutes, exercises, quiz, solutions seen."""
    lang = record.lang
    return [
        [
            m.number,
            m.title,
            status_text(m, lang),
            no_break(date_text(m.started, lang, short=True)),
            no_break(date_text(m.finished, lang, short=True)),
            minutes_text(m, lang),
            no_break(t("record.of", lang, done=m.exercises_correct, total=m.exercises_total)) if m.exercises_total else "–",
            no_break(t("record.of", lang, done=m.quiz_correct, total=m.quiz_total)) if m.quiz_total else "–",
            str(m.solutions_seen) if m.exercises_total else "–",
        ]
        for m in record.modules
    ]


def columns_note(record: Record) -> str:
    return t("record.columns_note", record.lang, gap=ACTIVE_GAP_MINUTES, share=round(PLAUSIBLE_SHARE * 100))


def time_remark(record: Record) -> str | None:
    """A plain warning when the measured time cannot be a real session."""
    if not record.too_short:
        return None
    return t("record.summary.too_short", record.lang, estimate=record.estimate)


def summary_lines(record: Record) -> list[str]:
    lang = record.lang
    done, total = record.exercises
    quiz_done, quiz_total = record.quiz
    lines = [
        t("record.summary.modules", lang, done=len(record.completed), total=len(record.modules)),
        t("record.summary.minutes", lang, minutes=record.minutes),
    ]
    remark = time_remark(record)
    if remark:
        lines.append(remark)
    lines += [
        t("record.summary.exercises", lang, done=done, total=total),
        t("record.summary.quiz", lang, done=quiz_done, total=quiz_total),
    ]
    if record.completed:
        lines.append(t("record.summary.shown", lang, shown=len(record.shown), done=len(record.completed)))
    if record.first_activity:
        lines.append(t("record.summary.period", lang, first=date_text(record.first_activity, lang), last=date_text(record.last_activity, lang)))
    return lines


def weak_text(m: ModuleRecord, lang: str) -> str:
    """Why a completed module's outcomes are not claimed, in one sentence."""
    reasons = [t(f"record.weak.{kind}", lang, done=done, total=total) for kind, done, total in m.weak]
    return t("record.weak.line", lang, number=m.number, title=m.title, reasons="; ".join(reasons))


def outcomes_intro(record: Record) -> str:
    return t("record.outcomes_intro", record.lang, share=round(PASS_SHARE * 100))


def person_lines(record: Record) -> list[tuple[str, str]]:
    lang = record.lang
    missing = t("record.not_given", lang)
    return [
        (t("record.person.name", lang), record.name or missing),
        (t("record.person.role", lang), record.role or missing),
        (t("record.person.organisation", lang), record.organisation or missing),
        (t("record.person.made_on", lang), format_date(record.made_on, lang)),
    ]


def employer_lines(record: Record) -> list[tuple[str, str]]:
    """The fields an employer keeps to document AI-literacy measures (EU AI Act, Article 4)."""
    lang = record.lang
    audience = t("record.employer.audience_text", lang)
    who = ", ".join(x for x in (record.role, record.sector) if x)
    if who:
        audience += " " + t("record.employer.audience_role", lang, role=who)
    completed = ", ".join(m.number for m in record.completed) or t("record.none", lang)
    done, total = record.exercises
    measure = t("record.employer.measure_text", lang, version=__version__, done=len(record.completed), total=len(record.modules), modules=completed, minutes=record.minutes)
    if record.too_short:
        measure += " " + t("record.employer.too_short", lang)
    evidence = t("record.employer.evidence_text", lang, date=format_date(record.made_on, lang), events=record.events, exercises=done, exercises_total=total)
    return [
        (t("record.employer.audience", lang), audience),
        (t("record.employer.objective", lang), t("record.employer.objective_text", lang)),
        (t("record.employer.measure", lang), measure),
        (t("record.employer.evidence", lang), evidence),
        (t("record.employer.refresh", lang), t("record.employer.refresh_text", lang, date=format_date(record.refresh_on, lang))),
    ]


def signoff_fields(record: Record) -> list[str]:
    """The labels of the sign-off block: name, role, date, signature (filled in by hand)."""
    return [t(f"record.signoff.{f}", record.lang) for f in SIGNOFF_FIELDS]


def scan_rows(record: Record) -> list[list[str]]:
    lang = record.lang
    return [[area, _score(b, lang), _score(a, lang), _change(b, a, lang)] for area, b, a in record.scan]


def scan_note(record: Record) -> str:
    key = "both" if record.scan_before and record.scan_after else "before_only" if record.scan_before else "after_only" if record.scan_after else "none"
    return t(f"record.scan.{key}", record.lang)


def header(keys: tuple[str, ...], prefix: str, lang: str) -> list[str]:
    return [t(f"{prefix}.{k}", lang) for k in keys]
