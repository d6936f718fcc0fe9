"""The action plan's arithmetic and advice: cost and benefit, data readiness, build, buy or
partner. Plain Python; no widgets, no files."""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass

from ..i18n import t

MODULE = "09"
MAX_IDEAS = 3
CUSTOM = "custom"  # the key of the learner's own idea (one, typed in the scan)
MONTHS_PER_YEAR = 12
HORIZON_MONTHS = 36  # the cost-benefit chart looks three years ahead
SECTIONS = ("ideas", "benefit", "first", "approach", "data", "values", "risks", "steps", "owner")
READINESS_ITEMS = ("exists", "enough", "answer", "quality", "allowed", "owner")
BLOCKERS = ("exists", "allowed")  # without these, no amount of other work makes the data ready
VALUE_ANSWERS = ("ok", "attention", "unknown")
STEPS = 3
STEP_FIELDS = ("what", "who", "when")
NO_IDEA = ""  # the drop-down's value while the plan has no ideas (a drop-down cannot show None as chosen)
TEXT_LIMIT = 2000  # characters per text field; enough for a plan, short enough to print


OWNER_FIELDS = ("owner", "approver", "review")  # who carries the plan, who approves it, when it is looked at again


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
