"""Keeping the plan: every part is a ``plan`` event in the progress store (``section`` and
``value``), checked before it is kept and again when it is read back, so one bad line never
breaks the whole plan."""

from __future__ import annotations

from datetime import date

from .. import opportunities, progress, reflection
from ..i18n import t
from .dates import parse_date
from .model import (BENEFIT_FIELDS, CUSTOM, MAX_IDEAS, MODULE, READINESS_ITEMS, SECTIONS, STEP_FIELDS, STEPS,
                    TEXT_LIMIT, VALUE_ANSWERS, CostBenefit, PlanError)
from .words import format_date


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
    if section == "owner":
        if not isinstance(value, dict):
            raise PlanError(t("plan.errors.owner"))
        review = parse_date(value.get("review"))
        return {
            "owner": _text(value.get("owner"), t("plan.owner.owner")),
            "approver": _text(value.get("approver"), t("plan.owner.approver")),
            "review": review.isoformat() if review else "",
        }
    raise ValueError(f"unknown plan section {section!r}; sections are {', '.join(SECTIONS)}")


def _is_idea_key(key) -> bool:
    return key == CUSTOM or opportunities.is_known(key)


def save(section: str, value, *, today: date | None = None) -> dict | None:
    """Keep one part of the plan (after checking it) as an event; returns the event.

    A review date must lie after ``today``: a plan is reviewed in the future. (When the plan is
    read back later, a date that has passed since is kept, and the exports say it is due.)"""
    clean = _clean(section, value)
    if section == "owner" and clean["review"] and date.fromisoformat(clean["review"]) <= (today or date.today()):
        raise PlanError(t("plan.errors.date_past", date=format_date(date.fromisoformat(clean["review"]))))
    return progress.log_event("plan", module=MODULE, section=section, value=clean)


def empty() -> dict:
    return {"ideas": [], "benefit": {}, "first": None, "approach": None, "data": None, "values": None, "risks": "", "steps": [], "owner": None}


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


