"""Module 09's model and answer key: from an idea to an action plan.

The plan itself (what is saved, the cost-benefit sums, the advice) lives in :mod:`smeai.plan` and
:mod:`smeai.opportunities`; here are the module's own examples, the exercises' cases and the
plain functions that turn the plan into what the widgets show (no widgets, no plotting here).
"""

from __future__ import annotations

import html

from ... import opportunities, plan, selfscan
from ...i18n import format_number, t
from ...plan import CostBenefit, advise, payback_months, readiness

__all__ = [
    "BAKERY", "EXAMPLE", "EXAMPLE_KEY", "GROWER", "IDEAS", "INPUT_LIMITS", "PRACTICE_CHECKS",
    "approach_advice", "benefit_summary", "best_order", "comparison_rows", "first_idea_line",
    "grower_advice", "numbers", "practice_verdict", "readiness_html", "result_html", "scan_change_rows",
    "scan_results", "values_summary",
]

# What the cost-benefit widget shows before the learner types anything: a modest example,
# deliberately not the bakery of exercise 1, so the learner really puts those numbers in.
EXAMPLE = CostBenefit(hours_per_month=8, hourly_cost=35, error_cost_per_year=0, licence_per_year=600, implementation_cost=1500)
EXAMPLE_KEY = "example"  # the drop-down's value for the example (a drop-down cannot show None as chosen)
INPUT_LIMITS = {  # (largest value, step) per field of the cost-benefit widget
    "hours_per_month": (400, 1),
    "hourly_cost": (500, 1),
    "error_cost_per_year": (1_000_000, 100),
    "licence_per_year": (1_000_000, 100),
    "implementation_cost": (1_000_000, 100),
}


# -- the exercises' cases and answers -------------------------------------------------------------

# q1: the bakery's forecasting tool, put into the cost-benefit widget
BAKERY = CostBenefit(hours_per_month=10, hourly_cost=40, error_cost_per_year=600, licence_per_year=1200, implementation_cost=2800)

# q3: four ideas of an installer, sorted by payback period (shortest first)
IDEAS = {  # letter: (implementation € one-off, net benefit € per year)
    "A": (3000, 12000),  # quotes drafted with a language model
    "B": (12000, 14000),  # stock forecast
    "C": (600, 4800),  # reading invoices automatically
    "D": (2000, 3000),  # planning the engineers
}

# q4: is the physiotherapy practice's data ready? Everything but "allowed" is there.
PRACTICE_CHECKS = {"exists": True, "enough": True, "answer": True, "quality": True, "allowed": False, "owner": True}

# q5: the tomato grower's disease detection: no product for the variety, no one to build it
GROWER = {"common": False, "own_edge": True, "skills": False}


def best_order() -> list[str]:
    """q3's answer: the ideas' letters, shortest payback first."""
    return sorted(IDEAS, key=lambda letter: payback_months(*IDEAS[letter]))


def practice_verdict() -> str:
    """q4's answer: the readiness of the practice's data."""
    return readiness(PRACTICE_CHECKS)


def grower_advice() -> str:
    """q5's answer: build, buy or partner for the grower."""
    return advise(**GROWER)


def numbers() -> dict:
    """The numbers module 09's texts state, by the names the catalogues use (``{net_py}``).
    A ``_py`` name is the same value as Python code writes it, for the solutions' code lines."""
    b, order = BAKERY, best_order()
    first = IDEAS[order[0]]
    return {
        "hours": b.hours_per_month, "hourly": b.hourly_cost, "errors": b.error_cost_per_year, "licence": b.licence_per_year,
        "implementation": b.implementation_cost, "hours_value": b.hours_value_per_year, "gross": b.gross_per_year,
        "net_py": repr(round(b.net_per_year)),
        "order_py": "[" + ", ".join(f'"{letter}"' for letter in order) + "]", "first": order[0], "second": order[1],
        "first_args_py": f"{first[0]}, {first[1]}",
        **{f"p{k}": round(payback_months(*IDEAS[letter]), 1) for k, letter in enumerate(order, 1)},
    }


# -- what the widgets show -----------------------------------------------------------------------

def scan_results(sector: str, processes) -> list[dict]:
    """The candidate use cases for the chosen processes, as the scan shows them (with their id)."""
    return [{"id": u.id, **opportunities.describe(u)} for u in opportunities.candidates(sector, processes)]


def result_html(row: dict) -> str:
    e = html.escape
    lines = [
        f"<i>{e(row['example'])}</i>",
        t("m09.explore.scan_task", task=e(row["task"]), module=e(row["module"])),
        t("m09.explore.scan_data", data=e(row["data"])),
        t("m09.explore.scan_effort", effort=e(row["effort"]), approach=e(row["approach"])),
    ]
    if row["values"]:
        lines.append("⚠ " + t("m09.explore.scan_values", values=e(row["values"])))
    return "<div style='margin:0 0 0.6em 2.2em;font-size:0.92em'>" + "<br>".join(lines) + "</div>"


def benefit_summary(cb: CostBenefit) -> str:
    """The result of the cost-benefit widget in words, the learner's way."""
    return t(
        "m09.explore.benefit_result",
        gross=plan.euros(cb.gross_per_year),
        licence=plan.euros(cb.licence_per_year),
        net=plan.euros(cb.net_per_year),
        payback=plan.months_text(cb.payback_months),
    )


def comparison_rows(current_plan: dict) -> list[tuple[str, str, str]]:
    """The chosen ideas with a saved cost-benefit, shortest payback first: (title, net per year, payback)."""
    rows = []
    for entry in current_plan.get("ideas", []):
        cb = plan.cost_benefit(current_plan, entry["key"])
        if cb:
            order = cb.payback_months if cb.payback_months is not None else float("inf")
            rows.append((order, plan.idea_title(entry, current_plan), plan.euros(cb.net_per_year), plan.months_text(cb.payback_months)))
    return [row[1:] for row in sorted(rows, key=lambda r: r[0])]


def approach_advice(common, own_edge, skills) -> str | None:
    """The advice text once all three questions are answered (None before)."""
    if None in (common, own_edge, skills):
        return None
    choice = plan.advise(common, own_edge, skills)
    return t("m09.explore.advice", choice=t(f"opportunities.approaches.{choice}"), why=t(f"m09.explore.why.{choice}"))


def readiness_html(checks: dict) -> str:
    verdict = plan.readiness(checks)
    icon = {"ready": "✔", "almost": "◐", "not_ready": "✘"}[verdict]
    todo = "".join(f"<li>{html.escape(t(f'plan.data.todo.{item}'))}</li>" for item in plan.readiness_todo(checks))
    text = f"<p><b>{icon} {html.escape(t('plan.data.verdict_label'))}: {html.escape(t(f'plan.data.verdict.{verdict}'))}</b></p>"
    if todo:
        text += f"<p>{html.escape(t('plan.data.todo_label'))}:</p><ol>{todo}</ol>"
    return text


def values_summary(answers: dict) -> str:
    attention = [t(f"opportunities.values.{v}") for v in opportunities.VALUES if answers.get(v) == "attention"]
    unknown = [t(f"opportunities.values.{v}") for v in opportunities.VALUES if answers.get(v) == "unknown"]
    open_ = [v for v in opportunities.VALUES if answers.get(v) is None]
    parts = []
    if open_:
        parts.append(t("m09.explore.values_open", count=len(open_)))
    if attention:
        parts.append(t("m09.explore.values_attention", values=", ".join(attention)))
    if unknown:
        parts.append(t("m09.explore.values_unknown", values=", ".join(unknown)))
    if not parts:
        parts.append(t("m09.explore.values_all_ok"))
    return " ".join(parts)


def first_idea_line(current_plan: dict) -> str:
    first = plan.first_idea(current_plan)
    if first is None:
        return t("m09.explore.no_idea_yet")
    return t("m09.explore.for_idea", idea=html.escape(plan.idea_title(first, current_plan)))


def scan_change_rows(before: dict | None, after: dict | None) -> list[tuple[str, str, str, str]]:
    """Per area: name, score at the start, at the end, and the change (as the learner writes numbers)."""
    rows = []
    for area, (b, a, change) in selfscan.compare(before or {}, after or {}).items():
        rows.append((t(f"selfscan.areas.{area}"), format_number(b), format_number(a), ("+" if change > 0 else "") + format_number(change)))
    return rows
