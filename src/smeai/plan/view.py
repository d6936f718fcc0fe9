"""The plan as the exports show it: everything worked out once, in the learner's language."""

from __future__ import annotations

from datetime import date

from .. import opportunities
from ..i18n import get_language, t
from .model import CUSTOM, OWNER_FIELDS, READINESS_ITEMS, advise, readiness, readiness_todo
from .store import cost_benefit, first_idea, idea_title
from .words import euros, format_date, label, months_text


def view(plan: dict, lang: str | None = None, today: date | None = None) -> dict:
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
            (label("error_cost_per_year", lang), euros(cb.error_cost_per_year, lang)),
            (label("licence_per_year", lang), euros(-cb.licence_per_year, lang)),
            (t("plan.benefit.net_per_year", lang), euros(cb.net_per_year, lang)),
            (label("implementation_cost", lang), euros(cb.implementation_cost, lang)),
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
    return {"ideas": ideas, "first": first_title, "benefit": benefit, "approach": approach, "data": data, "values": values,
            "risks": plan.get("risks") or "", "steps": steps, "owner": owner_view(plan.get("owner"), lang, today)}


def owner_view(owner: dict | None, lang: str, today: date | None = None) -> list[tuple[str, str]] | None:
    """(label, text) for the owner, the approver and the review date; a date that has passed says so."""
    if not owner or not any(owner.get(f) for f in OWNER_FIELDS):
        return None
    missing = t("plan.not_filled", lang)
    review = missing
    if owner.get("review"):
        when = date.fromisoformat(owner["review"])
        review = format_date(when, lang)
        if when <= (today or date.today()):
            review += " " + t("plan.owner.due", lang)
    return [
        (t("plan.owner.owner", lang), owner.get("owner") or missing),
        (t("plan.owner.approver", lang), owner.get("approver") or missing),
        (t("plan.owner.review", lang), review),
    ]


