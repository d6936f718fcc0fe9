"""The learner's action plan for AI in their own business (module 09).

The plan holds the ideas the learner chose in the opportunity scan (at most three), the expected
benefit and cost of each, the idea they start with, build/buy/partner, the data needed and how
ready it is, risks and public values, the first three steps with who does them, and who owns the
plan, who approves it and when it is reviewed.

Every part is kept as a ``plan`` event in the progress store, so the plan survives a restart.
Nothing needs to be filled in: a learner who skipped parts still gets a plan that says plainly
what is not filled in yet.

One job per file: ``model`` (the arithmetic and advice), ``dates`` (reading a typed date),
``store`` (keeping and reading the plan), ``words`` (money, months and dates as text), ``view``
(what the exports show), ``render`` (Markdown and HTML) and ``form`` (the widget).
"""

from .dates import parse_date
from .form import show_plan
from .model import (BENEFIT_FIELDS, BLOCKERS, CUSTOM, HORIZON_MONTHS, MAX_IDEAS, MODULE, MONTHS_PER_YEAR, NO_IDEA, OWNER_FIELDS,
                    READINESS_ITEMS, SECTIONS, STEP_FIELDS, STEPS, TEXT_LIMIT, VALUE_ANSWERS, CostBenefit, PlanError, advise,
                    payback_months, readiness, readiness_todo)
from .render import export, html_body, to_html, to_markdown
from .store import cost_benefit, empty, first_idea, idea_title, latest, reflections, save
from .view import view
from .words import euros, format_date, months_text

__all__ = [
    "BENEFIT_FIELDS", "BLOCKERS", "CUSTOM", "HORIZON_MONTHS", "MAX_IDEAS", "MODULE", "MONTHS_PER_YEAR", "NO_IDEA", "OWNER_FIELDS",
    "READINESS_ITEMS", "SECTIONS", "STEP_FIELDS", "STEPS", "TEXT_LIMIT", "VALUE_ANSWERS", "CostBenefit", "PlanError", "advise",
    "cost_benefit", "empty", "euros", "export", "first_idea", "format_date", "html_body", "idea_title", "latest", "months_text",
    "parse_date", "payback_months", "readiness", "readiness_todo", "reflections", "save", "show_plan", "to_html", "to_markdown", "view",
]
