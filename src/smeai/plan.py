"""The learner's action plan for AI in their own business (module 09).

The plan holds the ideas the learner chose in the opportunity scan (at most three), the expected
benefit and cost of each, the idea they start with, build/buy/partner, the data needed and how
ready it is, risks and public values, and the first three steps with who does them.

Every part is kept as a ``plan`` event in the progress store (``section`` and ``value``), written
by the widget that fills it in, so the plan survives a restart and is read back by
:func:`latest`. Nothing needs to be filled in: a learner who skipped parts still gets a plan that
says plainly what is not filled in yet. :func:`to_markdown` and :func:`to_html` export it; the
HTML is one self-contained, escaped file.
"""

from __future__ import annotations

import html
import logging
import math
import numbers
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from . import opportunities, progress
from .i18n import format_number, get_language, lookup, t

log = logging.getLogger(__name__)

MODULE = "09"
MAX_IDEAS = 3
CUSTOM = "custom"  # the key of the learner's own idea (one, typed in the scan)
MONTHS_PER_YEAR = 12
HORIZON_MONTHS = 36  # the cost-benefit chart looks three years ahead
SECTIONS = ("ideas", "benefit", "first", "approach", "data", "values", "risks", "steps")
READINESS_ITEMS = ("exists", "enough", "answer", "quality", "allowed", "owner")
BLOCKERS = ("exists", "allowed")  # without these, no amount of other work makes the data ready
VALUE_ANSWERS = ("ok", "attention", "unknown")
STEPS = 3
STEP_FIELDS = ("what", "who", "when")
NO_IDEA = ""  # the drop-down's value while the plan has no ideas (a drop-down cannot show None as chosen)
TEXT_LIMIT = 2000  # characters per text field; enough for a plan, short enough to print


class PlanError(ValueError):
    """A value the plan cannot keep; the message is for the learner."""


# -- cost and benefit ---------------------------------------------------------------------------

BENEFIT_FIELDS = ("hours_per_month", "hourly_cost", "error_cost_per_year", "licence_per_year", "implementation_cost")


@dataclass(frozen=True)
class CostBenefit:
    """Hours saved, what an hour costs, error costs avoided, licence and implementation, in €."""

    hours_per_month: float
    hourly_cost: float
    error_cost_per_year: float = 0.0
    licence_per_year: float = 0.0
    implementation_cost: float = 0.0

    def __post_init__(self):
        for name in BENEFIT_FIELDS:
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(value):
                raise PlanError(t("plan.errors.not_a_number", field=t(f"plan.benefit.{name}")))
            if value < 0:
                raise PlanError(t("plan.errors.negative", field=t(f"plan.benefit.{name}")))

    @property
    def hours_value_per_year(self) -> float:
        return self.hours_per_month * MONTHS_PER_YEAR * self.hourly_cost

    @property
    def gross_per_year(self) -> float:
        """What the idea brings in a year: hours saved, valued at the hourly cost, plus errors avoided."""
        return self.hours_value_per_year + self.error_cost_per_year

    @property
    def net_per_year(self) -> float:
        """The yearly net benefit: what it brings minus the yearly licence."""
        return self.gross_per_year - self.licence_per_year

    @property
    def net_per_month(self) -> float:
        return self.net_per_year / MONTHS_PER_YEAR

    @property
    def payback_months(self) -> float | None:
        """Months until the one-off implementation cost is earned back; None if it never is."""
        if self.net_per_year <= 0:
            return None
        return self.implementation_cost / self.net_per_month

    def cumulative(self, months: int = HORIZON_MONTHS) -> list[float]:
        """Money gained (or lost) so far, at the end of each month 0..months: the implementation
        is paid at the start, the net benefit comes in month by month."""
        return [-self.implementation_cost + m * self.net_per_month for m in range(months + 1)]


def payback_months(implementation_cost: float, net_per_year: float) -> float | None:
    """The payback period in months of a one-off cost, from the yearly net benefit."""
    if net_per_year <= 0:
        return None
    return implementation_cost / (net_per_year / MONTHS_PER_YEAR)


# -- data readiness and build, buy or partner ----------------------------------------------------

def readiness(checks: dict) -> str:
    """``ready``, ``almost`` or ``not_ready``, from the data checklist (item → True/False).

    A missing blocker (the data does not exist, or you may not use it) makes the data not ready,
    however good the rest is. Otherwise one or two open items is ``almost``.
    """
    missing = readiness_todo(checks)
    if any(item in BLOCKERS for item in missing):
        return "not_ready"
    if not missing:
        return "ready"
    return "almost" if len(missing) <= 2 else "not_ready"


def readiness_todo(checks: dict) -> list[str]:
    """The checklist items that are not yet true, blockers first."""
    open_items = [item for item in READINESS_ITEMS if checks.get(item) is not True]
    return sorted(open_items, key=lambda item: item not in BLOCKERS)


def advise(common: bool, own_edge: bool, skills: bool) -> str:
    """Build, buy or partner, from three yes/no questions.

    A problem many businesses share, where your own data gives no special edge: buy a ready-made
    tool. Otherwise, with people who can build it: build (small, with simple tools). Otherwise:
    partner with a supplier, a university of applied sciences or a regional AI hub.
    """
    if common and not own_edge:
        return "buy"
    if skills:
        return "build"
    return "partner"


# -- keeping the plan ------------------------------------------------------------------------------

def _text(value, field: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise PlanError(t("plan.errors.not_text", field=field))
    return value.strip()[:TEXT_LIMIT]


def _clean(section: str, value):
    """Check one section's value; returns the value to store, or raises PlanError."""
    if section == "ideas":
        if not isinstance(value, (list, tuple)):
            raise PlanError(t("plan.errors.ideas"))
        ideas, seen = [], set()
        for entry in value:
            key = entry.get("key") if isinstance(entry, dict) else entry
            if key == CUSTOM:
                title = _text(entry.get("title") if isinstance(entry, dict) else None, t("plan.own_idea"))
                if not title:
                    continue  # an empty own idea is no idea
                item = {"key": CUSTOM, "title": title}
            elif opportunities.is_known(key):
                item = {"key": key}
            else:
                raise PlanError(t("plan.errors.unknown_idea", idea=str(key)))
            if key not in seen:
                seen.add(key)
                ideas.append(item)
        if len(ideas) > MAX_IDEAS:
            raise PlanError(t("plan.errors.too_many", most=MAX_IDEAS, count=len(ideas)))
        return ideas
    if section == "benefit":
        if not isinstance(value, dict) or not _is_idea_key(value.get("idea")):
            raise PlanError(t("plan.errors.unknown_idea", idea=str(value.get("idea") if isinstance(value, dict) else value)))
        numbers_only = {k: value.get(k, 0.0) for k in BENEFIT_FIELDS}
        CostBenefit(**numbers_only)  # raises PlanError for a bad number
        return {"idea": value["idea"], **{k: float(v) for k, v in numbers_only.items()}}
    if section == "first":
        if not _is_idea_key(value):
            raise PlanError(t("plan.errors.unknown_idea", idea=str(value)))
        return value
    if section == "approach":
        if not isinstance(value, dict) or value.get("choice") not in opportunities.APPROACHES:
            raise PlanError(t("plan.errors.approach"))
        answers = {k: bool(value.get(k)) for k in ("common", "own_edge", "skills")}
        return {"choice": value["choice"], **answers, "note": _text(value.get("note"), t("plan.note"))}
    if section == "data":
        if not isinstance(value, dict):
            raise PlanError(t("plan.errors.data"))
        checks = value.get("checks") or {}
        if not isinstance(checks, dict):
            raise PlanError(t("plan.errors.data"))
        return {"needed": _text(value.get("needed"), t("plan.data.needed")), "checks": {k: checks.get(k) is True for k in READINESS_ITEMS}}
    if section == "values":
        if not isinstance(value, dict):
            raise PlanError(t("plan.errors.values"))
        clean = {}
        for name in opportunities.VALUES:
            entry = value.get(name) or {}
            answer = entry.get("answer") if isinstance(entry, dict) else None
            if answer not in (None, *VALUE_ANSWERS):
                raise PlanError(t("plan.errors.values"))
            clean[name] = {"answer": answer, "note": _text(entry.get("note") if isinstance(entry, dict) else None, t(f"opportunities.values.{name}"))}
        return clean
    if section == "risks":
        return _text(value, t("plan.risks"))
    if section == "steps":
        if not isinstance(value, (list, tuple)) or len(value) > STEPS:
            raise PlanError(t("plan.errors.steps", count=STEPS))
        steps = []
        for step in value:
            step = step if isinstance(step, dict) else {}
            steps.append({f: _text(step.get(f), t(f"plan.steps.{f}")) for f in STEP_FIELDS})
        return steps
    raise ValueError(f"unknown plan section {section!r}; sections are {', '.join(SECTIONS)}")


def _is_idea_key(key) -> bool:
    return key == CUSTOM or opportunities.is_known(key)


def save(section: str, value) -> dict | None:
    """Keep one part of the plan (after checking it) as an event; returns the event."""
    return progress.record("plan", module=MODULE, section=section, value=_clean(section, value))


def empty() -> dict:
    return {"ideas": [], "benefit": {}, "first": None, "approach": None, "data": None, "values": None, "risks": "", "steps": []}


def latest(events: list[dict] | None = None) -> dict:
    """The plan as it stands: the most recent value of each section (benefit per idea).

    An event that does not pass the checks (edited by hand, or from a later version) is skipped,
    so one bad line never breaks the whole plan.
    """
    events = progress.store().events() if events is None else events
    plan = empty()
    for event in events:
        if event.get("kind") != "plan" or event.get("section") not in SECTIONS:
            continue
        section = event["section"]
        try:
            value = _clean(section, event.get("value"))
        except (PlanError, AttributeError, TypeError):
            continue
        if section == "benefit":
            plan["benefit"][value["idea"]] = {k: value[k] for k in BENEFIT_FIELDS}
        else:
            plan[section] = value
    return plan


# -- reading the plan ------------------------------------------------------------------------------

def idea_title(entry_or_key, plan: dict | None = None) -> str:
    key = entry_or_key.get("key") if isinstance(entry_or_key, dict) else entry_or_key
    if key == CUSTOM:
        if isinstance(entry_or_key, dict) and entry_or_key.get("title"):
            return entry_or_key["title"]
        for entry in (plan or {}).get("ideas", []):
            if entry.get("key") == CUSTOM:
                return entry.get("title") or t("plan.own_idea")
        return t("plan.own_idea")
    return opportunities.use_case(key).title if opportunities.is_known(key) else str(key)


def cost_benefit(plan: dict, key: str) -> CostBenefit | None:
    numbers_ = plan.get("benefit", {}).get(key)
    return CostBenefit(**numbers_) if numbers_ else None


def first_idea(plan: dict) -> str | None:
    """The idea the learner starts with: their own choice, else the chosen idea that pays back
    soonest, else the first one chosen."""
    keys = [entry["key"] for entry in plan.get("ideas", [])]
    if plan.get("first") in keys:
        return plan["first"]
    paybacks = [(cb.payback_months, i, k) for i, k in enumerate(keys) if (cb := cost_benefit(plan, k)) and cb.payback_months is not None]
    if paybacks:
        return min(paybacks)[2]
    return keys[0] if keys else None


def reflections(events: list[dict] | None = None) -> list[tuple[str, str, str]]:
    """What the learner wrote in earlier modules: (reflection id, question, latest text), by module."""
    from . import reflection

    events = progress.store().events() if events is None else events
    ids = sorted({e.get("reflection") for e in events if e.get("kind") == "reflection" and isinstance(e.get("reflection"), str)})
    found = []
    for reflection_id in ids:
        if reflection_id.startswith(f"m{MODULE}."):
            continue
        text = reflection.latest(reflection_id, events)
        if text:
            prompt = t(f"{reflection_id}.prompt")
            found.append((reflection_id, "" if prompt == f"{reflection_id}.prompt" else prompt, text))
    return found


# -- words and numbers as the learner writes them -----------------------------------------------

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


def _label(field: str, lang: str) -> str:
    """A cost-benefit field's name without its unit, for a line that shows the amount in €."""
    return t(f"plan.benefit.{field}", lang).removesuffix(" (€)")


# -- the plan as a table of contents ---------------------------------------------------------------

def view(plan: dict, lang: str | None = None) -> dict:
    """Everything the exports show, worked out once, in the learner's language."""
    lang = lang or get_language()
    ideas = []
    for entry in plan.get("ideas", []):
        key = entry["key"]
        cb = cost_benefit(plan, key)
        task = t(f"opportunities.tasks.{opportunities.use_case(key).task}", lang) if opportunities.is_known(key) else ""
        ideas.append({
            "key": key,
            "title": idea_title(entry, plan) if key == CUSTOM else t(f"opportunities.use_cases.{key}.title", lang),
            "task": task,
            "net_per_year": euros(cb.net_per_year, lang) if cb else "",
            "implementation": euros(cb.implementation_cost, lang) if cb else "",
            "payback": months_text(cb.payback_months, lang) if cb else "",
        })
    first = first_idea(plan)
    first_title = next((i["title"] for i in ideas if i["key"] == first), None)
    cb = cost_benefit(plan, first) if first else None
    benefit = None
    if cb:
        benefit = [
            (t("plan.benefit.hours_line", lang, hours=cb.hours_per_month, cost=euros(cb.hourly_cost, lang)), euros(cb.hours_value_per_year, lang)),
            (_label("error_cost_per_year", lang), euros(cb.error_cost_per_year, lang)),
            (_label("licence_per_year", lang), euros(-cb.licence_per_year, lang)),
            (t("plan.benefit.net_per_year", lang), euros(cb.net_per_year, lang)),
            (_label("implementation_cost", lang), euros(cb.implementation_cost, lang)),
            (t("plan.benefit.payback", lang), months_text(cb.payback_months, lang)),
        ]
    approach = None
    if plan.get("approach"):
        a = plan["approach"]
        advice = advise(a["common"], a["own_edge"], a["skills"])
        approach = {
            "choice": t(f"opportunities.approaches.{a['choice']}", lang),
            "advice": t(f"opportunities.approaches.{advice}", lang),
            "note": a.get("note", ""),
        }
    data = None
    if plan.get("data"):
        checks = plan["data"]["checks"]
        data = {
            "needed": plan["data"]["needed"],
            "checks": [(t(f"plan.data.items.{item}", lang), bool(checks.get(item))) for item in READINESS_ITEMS],
            "verdict": t(f"plan.data.verdict.{readiness(checks)}", lang),
            "todo": [t(f"plan.data.todo.{item}", lang) for item in readiness_todo(checks)],
        }
    values = None
    if plan.get("values"):
        values = [
            (t(f"opportunities.values.{name}", lang), t(f"plan.values.answers.{entry['answer'] or 'none'}", lang), entry.get("note", ""))
            for name, entry in plan["values"].items()
        ]
    steps = [s for s in plan.get("steps", []) if any(s.values())]
    return {"ideas": ideas, "first": first_title, "benefit": benefit, "approach": approach, "data": data, "values": values, "risks": plan.get("risks") or "", "steps": steps}


# -- export ------------------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|~>])")


def _md(text) -> str:
    """Learner text made safe for Markdown: HTML entities for < > &, specials escaped, one line."""
    text = html.escape(str(text), quote=False)
    return " ".join(_MD_SPECIAL.sub(r"\\\1", text).split())


def to_markdown(plan: dict | None = None, *, lang: str | None = None, events: list[dict] | None = None, today: date | None = None) -> str:
    lang = lang or get_language()
    events = progress.store().events() if events is None and plan is None else events
    plan = latest(events) if plan is None else plan
    v = view(plan, lang)
    missing = "_" + t("plan.not_filled", lang) + "_"
    lines = [f"# {t('plan.title', lang)}", "", t("plan.made_on", lang, date=format_date(today or date.today(), lang)), ""]

    lines += [f"## 1. {t('plan.sections.ideas', lang)}", ""]
    if v["ideas"]:
        lines += [f"| {t('plan.columns.idea', lang)} | {t('plan.columns.task', lang)} | {t('plan.columns.net', lang)} | {t('plan.columns.implementation', lang)} | {t('plan.columns.payback', lang)} |", "|---|---|---|---|---|"]
        lines += [f"| {_md(i['title'])} | {_md(i['task'])} | {_md(i['net_per_year'])} | {_md(i['implementation'])} | {_md(i['payback'])} |" for i in v["ideas"]]
        lines += ["", t("plan.start_with", lang, idea="**" + _md(v["first"]) + "**"), ""]
    else:
        lines += [missing, ""]

    lines += [f"## 2. {t('plan.sections.benefit', lang)}", ""]
    lines += ([f"- {_md(label)}: {_md(value)}" for label, value in v["benefit"]] if v["benefit"] else [missing]) + [""]

    lines += [f"## 3. {t('plan.sections.approach', lang)}", ""]
    if v["approach"]:
        lines += [f"- {t('plan.approach.choice', lang)}: **{_md(v['approach']['choice'])}**", f"- {t('plan.approach.advice', lang)}: {_md(v['approach']['advice'])}"]
        if v["approach"]["note"]:
            lines.append(f"- {t('plan.note', lang)}: {_md(v['approach']['note'])}")
    else:
        lines.append(missing)
    lines.append("")

    lines += [f"## 4. {t('plan.sections.data', lang)}", ""]
    if v["data"]:
        lines.append(f"- {t('plan.data.needed_short', lang)}: {_md(v['data']['needed']) or missing}")
        lines += [f"- {'✔' if ok else '✘'} {_md(label)}" for label, ok in v["data"]["checks"]]
        lines.append(f"- {t('plan.data.verdict_label', lang)}: **{_md(v['data']['verdict'])}**")
        lines += [f"- {t('plan.data.todo_label', lang)}: {_md(item)}" for item in v["data"]["todo"]]
    else:
        lines.append(missing)
    lines.append("")

    lines += [f"## 5. {t('plan.sections.values', lang)}", ""]
    if v["values"]:
        lines += [f"- {_md(name)}: {_md(answer)}" + (f" ({_md(note)})" if note else "") for name, answer, note in v["values"]]
    else:
        lines.append(missing)
    lines += ["", f"**{t('plan.risks_short', lang)}:** {_md(v['risks']) if v['risks'] else missing}", ""]

    lines += [f"## 6. {t('plan.sections.steps', lang)}", ""]
    if v["steps"]:
        lines += [f"| # | {t('plan.steps.what', lang)} | {t('plan.steps.who', lang)} | {t('plan.steps.when', lang)} |", "|---|---|---|---|"]
        lines += [f"| {n} | {_md(s['what'])} | {_md(s['who'])} | {_md(s['when'])} |" for n, s in enumerate(v["steps"], start=1)]
    else:
        lines.append(missing)
    lines.append("")

    earlier = reflections(events if events is not None else [])
    if earlier:
        lines += [f"## {t('plan.sections.reflections', lang)}", ""]
        for reflection_id, prompt, text in earlier:
            lines.append(f"- **{t('plan.reflection_from', lang, module=reflection_id[1:3])}**" + (f" _{_md(prompt)}_" if prompt else ""))
            lines.append(f"  {_md(text)}")
        lines.append("")
    lines.append(t("plan.footer", lang))
    return "\n".join(lines) + "\n"


_CSS = """
body{font-family:"DejaVu Sans",Arial,Helvetica,sans-serif;max-width:52em;margin:2em auto;padding:0 1em;line-height:1.45;color:#111}
h1{font-size:1.6em;border-bottom:4px solid #0072B2;padding-bottom:0.2em}
h2{font-size:1.2em;margin-top:1.6em;border-left:6px solid #E69F00;padding-left:0.4em}
table{border-collapse:collapse;margin:0.5em 0;width:100%}
th,td{border:1px solid #999;padding:0.3em 0.5em;text-align:left;vertical-align:top}
th{background:#eee}
.missing{color:#555;font-style:italic}
.ok::before{content:"✔ "}.no::before{content:"✘ "}
footer{margin-top:2em;font-size:0.9em;color:#333}
""".strip()


def _page(title: str, body: str, lang: str) -> str:
    """One self-contained HTML page: inline CSS, no scripts, no links to anything outside."""
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>\n{_CSS}\n</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def html_body(plan: dict | None = None, *, lang: str | None = None, events: list[dict] | None = None, today: date | None = None) -> str:
    """The plan as HTML without the page around it (for a preview in the notebook)."""
    lang = lang or get_language()
    events = progress.store().events() if events is None and plan is None else events
    plan = latest(events) if plan is None else plan
    v = view(plan, lang)
    e = html.escape
    missing = f'<p class="missing">{e(t("plan.not_filled", lang))}</p>'
    parts = [f"<h1>{e(t('plan.title', lang))}</h1>", f"<p>{e(t('plan.made_on', lang, date=format_date(today or date.today(), lang)))}</p>"]

    parts.append(f"<h2>1. {e(t('plan.sections.ideas', lang))}</h2>")
    if v["ideas"]:
        head = "".join(f"<th>{e(t(f'plan.columns.{c}', lang))}</th>" for c in ("idea", "task", "net", "implementation", "payback"))
        rows = "".join(
            "<tr>" + "".join(f"<td>{e(i[k])}</td>" for k in ("title", "task", "net_per_year", "implementation", "payback")) + "</tr>"
            for i in v["ideas"]
        )
        parts.append(f"<table><tr>{head}</tr>{rows}</table>")
        parts.append(f"<p>{e(t('plan.start_with', lang, idea='@@')).replace('@@', '<b>' + e(v['first']) + '</b>')}</p>")
    else:
        parts.append(missing)

    parts.append(f"<h2>2. {e(t('plan.sections.benefit', lang))}</h2>")
    if v["benefit"]:
        parts.append("<table>" + "".join(f"<tr><th>{e(label)}</th><td>{e(value)}</td></tr>" for label, value in v["benefit"]) + "</table>")
    else:
        parts.append(missing)

    parts.append(f"<h2>3. {e(t('plan.sections.approach', lang))}</h2>")
    if v["approach"]:
        a = v["approach"]
        items = [f"<li>{e(t('plan.approach.choice', lang))}: <b>{e(a['choice'])}</b></li>", f"<li>{e(t('plan.approach.advice', lang))}: {e(a['advice'])}</li>"]
        if a["note"]:
            items.append(f"<li>{e(t('plan.note', lang))}: {e(a['note'])}</li>")
        parts.append("<ul>" + "".join(items) + "</ul>")
    else:
        parts.append(missing)

    parts.append(f"<h2>4. {e(t('plan.sections.data', lang))}</h2>")
    if v["data"]:
        d = v["data"]
        needed = e(d["needed"]) if d["needed"] else f'<span class="missing">{e(t("plan.not_filled", lang))}</span>'
        items = [f"<li>{e(t('plan.data.needed_short', lang))}: {needed}</li>"]
        items += [f'<li class="{"ok" if ok else "no"}">{e(label)}</li>' for label, ok in d["checks"]]
        items.append(f"<li>{e(t('plan.data.verdict_label', lang))}: <b>{e(d['verdict'])}</b></li>")
        items += [f"<li>{e(t('plan.data.todo_label', lang))}: {e(item)}</li>" for item in d["todo"]]
        parts.append("<ul>" + "".join(items) + "</ul>")
    else:
        parts.append(missing)

    parts.append(f"<h2>5. {e(t('plan.sections.values', lang))}</h2>")
    if v["values"]:
        parts.append("<table>" + "".join(f"<tr><th>{e(n)}</th><td>{e(a)}</td><td>{e(note)}</td></tr>" for n, a, note in v["values"]) + "</table>")
    else:
        parts.append(missing)
    parts.append(f"<p><b>{e(t('plan.risks_short', lang))}:</b> {e(v['risks']) if v['risks'] else e(t('plan.not_filled', lang))}</p>")

    parts.append(f"<h2>6. {e(t('plan.sections.steps', lang))}</h2>")
    if v["steps"]:
        head = "<th>#</th>" + "".join(f"<th>{e(t(f'plan.steps.{f}', lang))}</th>" for f in STEP_FIELDS)
        rows = "".join(f"<tr><td>{n}</td>" + "".join(f"<td>{e(s[f])}</td>" for f in STEP_FIELDS) + "</tr>" for n, s in enumerate(v["steps"], start=1))
        parts.append(f"<table><tr>{head}</tr>{rows}</table>")
    else:
        parts.append(missing)

    earlier = reflections(events if events is not None else [])
    if earlier:
        parts.append(f"<h2>{e(t('plan.sections.reflections', lang))}</h2><ul>")
        for reflection_id, prompt, text in earlier:
            question = f" <i>{e(prompt)}</i>" if prompt else ""
            parts.append(f"<li><b>{e(t('plan.reflection_from', lang, module=reflection_id[1:3]))}</b>{question}<br>{e(text)}</li>")
        parts.append("</ul>")
    parts.append(f"<footer>{e(t('plan.footer', lang))}</footer>")
    return "\n".join(parts)


def to_html(plan: dict | None = None, *, lang: str | None = None, events: list[dict] | None = None, today: date | None = None) -> str:
    lang = lang or get_language()
    return _page(t("plan.title", lang), html_body(plan, lang=lang, events=events, today=today), lang)


def export(folder: str | Path = ".", *, lang: str | None = None, events: list[dict] | None = None, today: date | None = None) -> tuple[Path, Path]:
    """Write the plan as Markdown and HTML into ``folder``; returns both paths."""
    lang = lang or get_language()
    events = progress.store().events() if events is None else events
    plan = latest(events)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    name = t("plan.file_name", lang)
    md_path, html_path = folder / f"{name}.md", folder / f"{name}.html"
    md_path.write_text(to_markdown(plan, lang=lang, events=events, today=today), encoding="utf-8")
    html_path.write_text(to_html(plan, lang=lang, events=events, today=today), encoding="utf-8")
    return md_path, html_path


# -- the widget ------------------------------------------------------------------------------------

def show_plan():
    """The action plan: what earlier widgets saved, reminders of earlier reflections, the idea to
    start with, the first three steps (what, who, when), a save button and an export button."""
    import ipywidgets as widgets

    events = progress.store().events()
    plan = latest(events)
    wide = widgets.Layout(width="95%")

    earlier = reflections(events)
    if earlier:
        items = "".join(
            f"<li><b>{html.escape(t('plan.reflection_from', module=rid[1:3]))}</b> {html.escape(text)}</li>" for rid, _, text in earlier
        )
        reminder = widgets.HTML(f"<p>{html.escape(t('plan.widget.reminder'))}</p><ul>{items}</ul>")
    else:
        reminder = widgets.HTML(f"<p>{html.escape(t('plan.widget.no_reflections'))}</p>")

    summary = widgets.HTML()
    first = widgets.Dropdown(description=t("plan.widget.first"), style={"description_width": "initial"}, layout=widgets.Layout(width="95%"))
    step_boxes = []
    for n in range(STEPS):
        earlier_step = plan["steps"][n] if n < len(plan["steps"]) else {}
        boxes = {
            f: widgets.Text(value=earlier_step.get(f, ""), placeholder=t(f"plan.widget.placeholder_{f}"), layout=widgets.Layout(width="32%" if f == "what" else "30%"))
            for f in STEP_FIELDS
        }
        step_boxes.append(boxes)
    auto = widgets.Layout(width="auto")
    save_button = widgets.Button(description=t("plan.widget.save"), icon="save", button_style="primary", layout=auto)
    export_button = widgets.Button(description=t("plan.widget.export"), icon="download", layout=auto)
    status = widgets.HTML()
    preview = widgets.HTML()

    def refresh(_=None):
        current = latest()
        v = view(current)
        options = [(i["title"], i["key"]) for i in v["ideas"]]
        first.options = options or [(t("plan.widget.no_ideas"), NO_IDEA)]
        first.value = first_idea(current) if options else NO_IDEA
        first.disabled = not options
        summary.value = _summary_html(v)

    def on_save(_=None):
        try:
            if first.value != NO_IDEA:
                save("first", first.value)
            save("steps", [{f: box.value for f, box in boxes.items()} for boxes in step_boxes])
        except PlanError as problem:
            status.value = "✘ " + html.escape(str(problem))
            return False
        status.value = "✔ " + html.escape(t("plan.widget.saved"))
        return True

    def on_export(_):
        if not on_save():
            return
        try:
            md_path, html_path = export(".")
        except OSError as problem:
            status.value = "✘ " + html.escape(t("plan.widget.export_failed", error=problem.strerror or str(problem)))
            return
        except Exception as problem:  # never a traceback for the learner; the log keeps the details
            log.exception("exporting the plan failed")
            status.value = "✘ " + html.escape(t("plan.widget.export_failed", error=type(problem).__name__))
            return
        status.value = "✔ " + html.escape(t("plan.widget.exported", md=md_path.name, html=html_path.name))
        preview.value = '<div style="border:1px solid #999;padding:0.5em 1em">' + html_body() + "</div>"

    refresh_button = widgets.Button(description=t("plan.widget.refresh"), icon="refresh", layout=auto)
    refresh_button.on_click(refresh)
    save_button.on_click(on_save)
    export_button.on_click(on_export)
    refresh()
    header = widgets.HTML(
        "<b>" + "</b> · <b>".join(html.escape(t(f"plan.steps.{f}")) for f in STEP_FIELDS) + "</b>"
    )
    rows = [widgets.HBox([widgets.HTML(f"{n}.", layout=widgets.Layout(width="1.5em")), *boxes.values()], layout=wide) for n, boxes in enumerate(step_boxes, start=1)]
    box = widgets.VBox([reminder, summary, refresh_button, first, header, *rows, widgets.HBox([save_button, export_button]), status, preview])
    box.add_class("smeai-plan")
    return box


def _summary_html(v: dict) -> str:
    e = html.escape
    no = e(t("plan.not_filled"))

    def line(key, text):
        return f"<li>{e(t(f'plan.sections.{key}'))}: {text}</li>"

    ideas = ", ".join(e(i["title"]) for i in v["ideas"]) or f"<i>{no}</i>"
    benefit = e(v["benefit"][3][1] + " / " + v["benefit"][5][1]) if v["benefit"] else f"<i>{no}</i>"
    approach = e(v["approach"]["choice"]) if v["approach"] else f"<i>{no}</i>"
    data = e(v["data"]["verdict"]) if v["data"] else f"<i>{no}</i>"
    values = e(", ".join(f"{n}: {a}" for n, a, _ in v["values"])) if v["values"] else f"<i>{no}</i>"
    return f"<p>{e(t('plan.widget.so_far'))}</p><ul>" + "".join(
        (line("ideas", ideas), line("benefit", benefit), line("approach", approach), line("data", data), line("values", values))
    ) + "</ul>"
