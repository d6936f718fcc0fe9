"""The AI opportunity scan: from the work a business does (its processes) to candidate uses of AI.

A catalogue per sector (the sector ids of :mod:`smeai.profile`) lists processes, and for each
process a few use cases that small businesses in that sector really start with. Every use case
says which kind of AI task it is (the five kinds of module 01), which course module teaches it,
what data it needs, how much effort it takes, the usual way to get it (build, buy or partner), and
which public values need attention. The words are in the catalogues (``opportunities.*``); this
file holds only what is the same in every language.

The logic is plain and fast (lookups in small tuples), so the widget in module 09 answers at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import t
from .profile import SECTORS

TASKS = ("predict", "classify", "group", "generate", "recognise")
EFFORTS = ("low", "medium", "high")
APPROACHES = ("buy", "build", "partner")
DATA = (
    "invoices", "payments", "emails", "documents", "sales", "calendar", "customers", "orders",
    "hours", "bookkeeping", "images", "sensors", "quotes", "harvest", "appointments", "notes",
    "trips", "reviews", "rosters",
)
# what each flag of a use case asks the learner to look at (public values, as in module 08)
FLAG_VALUES = {
    "personal_data": ("privacy",),
    "about_people": ("non_discrimination", "human_oversight"),
    "customer_facing": ("transparency",),
}
# processes every business has, whatever its sector; shown after the sector's own processes
COMMON_PROCESSES = ("admin", "customer_contact")


@dataclass(frozen=True)
class UseCase:
    id: str  # "retail.demand_forecast"; texts under opportunities.use_cases.<id>
    process: str  # "retail.stock"; name under opportunities.processes.<id>
    task: str  # one of TASKS
    module: str  # the course module that teaches this kind of task ("03")
    data: tuple[str, ...]  # ids in DATA
    effort: str = "medium"
    approach: str = "buy"
    flags: tuple[str, ...] = ()  # keys of FLAG_VALUES

    def __post_init__(self):
        assert self.task in TASKS and self.effort in EFFORTS and self.approach in APPROACHES, self
        assert set(self.data) <= set(DATA) and set(self.flags) <= set(FLAG_VALUES), self

    @property
    def title(self) -> str:
        return t(f"opportunities.use_cases.{self.id}.title")

    @property
    def example(self) -> str:
        return t(f"opportunities.use_cases.{self.id}.example")

    @property
    def values(self) -> tuple[str, ...]:
        """The public values this use case asks attention for, in a fixed order."""
        wanted = {v for flag in self.flags for v in FLAG_VALUES[flag]}
        return tuple(v for v in VALUES if v in wanted)


VALUES = ("privacy", "non_discrimination", "transparency", "human_oversight", "sustainability")

_P, _A, _C = "personal_data", "about_people", "customer_facing"

USE_CASES = (
    # -- every sector ---------------------------------------------------------------------------
    UseCase("admin.invoice_reading", "admin", "recognise", "06", ("invoices",), "low", "buy"),
    UseCase("admin.late_payment", "admin", "classify", "04", ("invoices", "payments"), "medium", "buy", (_P,)),
    UseCase("contact.email_sorting", "customer_contact", "classify", "06", ("emails",), "medium", "buy", (_P,)),
    UseCase("contact.draft_replies", "customer_contact", "generate", "06", ("emails", "documents"), "low", "buy", (_P, _C)),
    # -- retail -----------------------------------------------------------------------------------
    UseCase("retail.demand_forecast", "retail.stock", "predict", "03", ("sales", "calendar"), "medium", "buy"),
    UseCase("retail.segments", "retail.marketing", "group", "05", ("customers", "orders"), "medium", "build", (_P, _A)),
    UseCase("retail.product_texts", "retail.marketing", "generate", "06", ("documents",), "low", "buy", (_C,)),
    UseCase("retail.return_risk", "retail.returns", "classify", "04", ("orders", "customers"), "medium", "build", (_P, _A)),
    # -- services ---------------------------------------------------------------------------------
    UseCase("services.document_search", "services.documents", "generate", "06", ("documents",), "low", "buy", (_P,)),
    UseCase("services.hours_forecast", "services.planning", "predict", "03", ("hours", "quotes"), "medium", "build"),
    UseCase("services.anomalies", "services.bookkeeping", "classify", "04", ("bookkeeping",), "medium", "buy", (_P, _A)),
    # -- technical industry -----------------------------------------------------------------------
    UseCase("technical.visual_inspection", "technical.quality", "recognise", "07", ("images",), "medium", "partner"),
    UseCase("technical.predictive_maintenance", "technical.maintenance", "recognise", "07", ("sensors",), "high", "partner"),
    UseCase("technical.quote_estimate", "technical.quotes", "predict", "03", ("quotes", "hours"), "medium", "build"),
    # -- agro ---------------------------------------------------------------------------------------
    UseCase("agro.yield_forecast", "agro.harvest", "predict", "03", ("harvest", "calendar"), "medium", "buy"),
    UseCase("agro.disease_detection", "agro.crop_health", "recognise", "07", ("images",), "high", "partner"),
    UseCase("agro.grading", "agro.sorting", "classify", "01", ("images",), "medium", "buy"),
    UseCase("agro.energy", "agro.climate", "predict", "03", ("sensors", "calendar"), "medium", "partner"),
    # -- healthcare ---------------------------------------------------------------------------------
    UseCase("health.no_show", "health.appointments", "classify", "04", ("appointments",), "medium", "build", (_P, _A)),
    UseCase("health.report_drafts", "health.reporting", "generate", "06", ("notes",), "medium", "buy", (_P, _C)),
    UseCase("health.busy_forecast", "health.rosters", "predict", "03", ("appointments", "rosters"), "medium", "buy"),
    # -- logistics ----------------------------------------------------------------------------------
    UseCase("logistics.eta", "logistics.routes", "predict", "03", ("trips",), "medium", "buy", (_P,)),
    UseCase("logistics.volume_forecast", "logistics.warehouse", "predict", "03", ("orders", "calendar"), "low", "buy"),
    UseCase("logistics.document_reading", "logistics.paperwork", "recognise", "06", ("documents",), "low", "buy"),
    UseCase("logistics.damage_photos", "logistics.warehouse", "recognise", "07", ("images",), "medium", "partner"),
    # -- construction and installation ------------------------------------------------------------
    UseCase("construction.cost_estimate", "construction.quotes", "predict", "03", ("quotes", "hours"), "medium", "build"),
    UseCase("construction.defect_photos", "construction.inspection", "recognise", "07", ("images",), "medium", "partner"),
    UseCase("construction.remote_monitoring", "construction.maintenance", "recognise", "07", ("sensors",), "medium", "partner", (_P,)),
    UseCase("construction.job_duration", "construction.planning", "predict", "03", ("hours", "rosters"), "medium", "buy"),
    # -- safety and security ----------------------------------------------------------------------
    UseCase("safety.false_alarms", "safety.surveillance", "recognise", "07", ("images",), "high", "buy", (_P, _A)),
    UseCase("safety.incident_reports", "safety.reporting", "generate", "06", ("notes",), "low", "buy", (_P,)),
    UseCase("safety.staffing_forecast", "safety.rosters", "predict", "03", ("rosters", "calendar"), "medium", "buy"),
    # -- hospitality ------------------------------------------------------------------------------
    UseCase("hospitality.guest_forecast", "hospitality.purchasing", "predict", "03", ("sales", "calendar"), "low", "buy"),
    UseCase("hospitality.review_sorting", "hospitality.reviews", "classify", "06", ("reviews",), "low", "buy"),
    UseCase("hospitality.menu_texts", "hospitality.marketing", "generate", "06", ("documents",), "low", "buy", (_C,)),
    # -- other: a general one next to the common processes ------------------------------------------
    UseCase("other.demand_forecast", "other.planning", "predict", "03", ("sales", "calendar"), "medium", "buy"),
)
_BY_ID = {u.id: u for u in USE_CASES}

# each sector's own processes, in the order the learner sees them
SECTOR_PROCESSES = {
    "retail": ("retail.stock", "retail.marketing", "retail.returns"),
    "services": ("services.documents", "services.planning", "services.bookkeeping"),
    "technical_industry": ("technical.quality", "technical.maintenance", "technical.quotes"),
    "agro": ("agro.harvest", "agro.crop_health", "agro.sorting", "agro.climate"),
    "healthcare": ("health.appointments", "health.reporting", "health.rosters"),
    "logistics": ("logistics.routes", "logistics.warehouse", "logistics.paperwork"),
    "construction": ("construction.quotes", "construction.planning", "construction.inspection", "construction.maintenance"),
    "safety": ("safety.surveillance", "safety.reporting", "safety.rosters"),
    "hospitality": ("hospitality.purchasing", "hospitality.reviews", "hospitality.marketing"),
    "other": ("other.planning",),
}
assert set(SECTOR_PROCESSES) == set(SECTORS)

_EFFORT_ORDER = {e: i for i, e in enumerate(EFFORTS)}


def default_sector(events: list[dict] | None = None) -> str:
    """The sector from the learner's saved profile (module 00), else ``"other"``."""
    from . import profile

    sector = profile.latest(events).get("sector")
    return sector if sector in SECTORS else "other"


def processes(sector: str) -> tuple[str, ...]:
    """The processes to look at in this sector: its own, then those every business has."""
    if sector not in SECTOR_PROCESSES:
        raise ValueError(t("profile.unknown_sector", sector=sector))
    return SECTOR_PROCESSES[sector] + COMMON_PROCESSES


def process_name(process: str) -> str:
    return t(f"opportunities.processes.{process}")


def use_case(use_case_id: str) -> UseCase:
    try:
        return _BY_ID[use_case_id]
    except KeyError:
        raise KeyError(f"no use case with id {use_case_id!r}") from None


def is_known(use_case_id) -> bool:
    return isinstance(use_case_id, str) and use_case_id in _BY_ID


def candidates(sector: str, chosen_processes) -> list[UseCase]:
    """The use cases for the chosen processes of a sector, quick wins (low effort) first.

    Processes that do not belong to the sector are ignored, so a stale choice after a change of
    sector cannot bring in use cases from another sector.
    """
    allowed = [p for p in processes(sector) if p in set(chosen_processes or ())]
    found = [u for u in USE_CASES if u.process in allowed]
    order = {p: i for i, p in enumerate(allowed)}
    return sorted(found, key=lambda u: (_EFFORT_ORDER[u.effort], order[u.process]))


def describe(u: UseCase) -> dict[str, str]:
    """Everything the scan shows about a use case, in the learner's language."""
    return {
        "title": u.title,
        "example": u.example,
        "task": t(f"opportunities.tasks.{u.task}"),
        "module": u.module,
        "data": ", ".join(t(f"opportunities.data.{d}") for d in u.data),
        "effort": t(f"opportunities.efforts.{u.effort}"),
        "approach": t(f"opportunities.approaches.{u.approach}"),
        "values": ", ".join(t(f"opportunities.values.{v}") for v in u.values),
    }
