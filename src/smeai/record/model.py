"""What the completion record says, worked out from the progress events: no layout, no files.

It never claims more than the events show:

* a module counts as completed once its ``finish`` cell ran, or once all its work is done (every
  exercise correct, every quiz question answered). ``finish`` is a marker; the work is the
  evidence. So the order does not matter: a record made in module 09 above its ``finish`` cell
  includes 09 when its exercises and quiz are done, and lists it as started when they are not;
* a completed module's learning outcomes are claimed only when its checks and quiz show them:
  at least ``PASS_SHARE`` of the exercises correct before the learner looked at the solution, and
  at least ``PASS_SHARE`` of the quiz questions right at the first answer. A module finished with
  a weak quiz says so, and its outcomes are left out;
* the time is the time measured between events; when it is far below the module's estimate
  (less than ``PLAUSIBLE_SHARE``, e.g. cells run automatically) the record says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from .. import profile, progress, selfscan
from ..course import MODULES
from ..i18n import get_language, lookup, t
from ..standing import standings

REFRESH_AFTER_YEARS = 1
PASS_SHARE = 0.55  # a Dutch pass mark ("een voldoende": 5,5 of 10)
PLAUSIBLE_SHARE = 1 / 3  # less than a third of the estimated time is not a real session


@dataclass
class ModuleRecord:
    number: str
    title: str
    available: bool
    status: str  # "finished", "started", "not_started"
    started: str | None = None  # ISO time of the first activity
    finished: str | None = None  # ISO time the module was completed (finish, or all work done)
    minutes: int = 0  # measured
    estimate: int = 0  # the course's stated time for the module
    exercises_correct: int = 0
    exercises_own: int = 0  # correct before looking at the solution
    exercises_total: int = 0
    quiz_correct: int = 0  # right at the first answer
    quiz_total: int = 0
    solutions_seen: int = 0
    outcomes: list[str] = field(default_factory=list)

    @property
    def completed(self) -> bool:
        return self.status == "finished"

    @property
    def weak(self) -> list[tuple[str, int, int]]:
        """Why the checks and the quiz do not show the outcomes: (``exercises``/``quiz``, done, total)."""
        reasons = []
        if self.exercises_total and self.exercises_own < PASS_SHARE * self.exercises_total:
            reasons.append(("exercises", self.exercises_own, self.exercises_total))
        if self.quiz_total and self.quiz_correct < PASS_SHARE * self.quiz_total:
            reasons.append(("quiz", self.quiz_correct, self.quiz_total))
        return reasons

    @property
    def shown(self) -> bool:
        """Completed, and the checks and quiz show the learning outcomes."""
        return self.completed and not self.weak

    @property
    def too_short(self) -> bool:
        """Completed in far less time than a real session takes."""
        return self.completed and self.minutes < PLAUSIBLE_SHARE * self.estimate


@dataclass
class Record:
    lang: str
    made_on: date
    name: str | None
    role: str | None
    organisation: str | None
    sector: str | None
    modules: list[ModuleRecord]
    scan: list[tuple[str, float | None, float | None]]  # (area name, before, after)
    scan_before: dict | None
    scan_after: dict | None
    events: int
    first_activity: str | None
    last_activity: str | None

    @property
    def completed(self) -> list[ModuleRecord]:
        return [m for m in self.modules if m.completed]

    @property
    def not_completed(self) -> list[ModuleRecord]:
        return [m for m in self.modules if not m.completed]

    @property
    def shown(self) -> list[ModuleRecord]:
        """Completed modules whose outcomes the checks and quiz show."""
        return [m for m in self.modules if m.shown]

    @property
    def weak(self) -> list[ModuleRecord]:
        """Completed modules whose checks or quiz were too weak to claim their outcomes."""
        return [m for m in self.completed if not m.shown]

    @property
    def minutes(self) -> int:
        return sum(m.minutes for m in self.modules)

    @property
    def estimate(self) -> int:
        """The stated time of the completed modules together."""
        return sum(m.estimate for m in self.completed)

    @property
    def too_short(self) -> bool:
        """The time measured over the completed modules is far below what they take."""
        done = self.completed
        return bool(done) and sum(m.minutes for m in done) < PLAUSIBLE_SHARE * self.estimate

    @property
    def exercises(self) -> tuple[int, int]:
        return sum(m.exercises_correct for m in self.modules), sum(m.exercises_total for m in self.modules)

    @property
    def quiz(self) -> tuple[int, int]:
        return sum(m.quiz_correct for m in self.modules), sum(m.quiz_total for m in self.modules)

    @property
    def last_completion(self) -> date | None:
        days = [day(m.finished) for m in self.completed if m.finished]
        return max((d for d in days if d), default=None)

    @property
    def refresh_on(self) -> date:
        """One year after the last completed module (or after today, if none is completed)."""
        start = self.last_completion or self.made_on
        try:
            return start.replace(year=start.year + REFRESH_AFTER_YEARS)
        except ValueError:  # 29 February
            return start.replace(year=start.year + REFRESH_AFTER_YEARS, day=28)


def day(ts) -> date | None:
    """The local calendar date of an ISO time (None if it is not one)."""
    if not isinstance(ts, str) or not ts:
        return None
    try:
        when = datetime.fromisoformat(ts)
    except ValueError:
        return None
    return when.astimezone().date() if when.tzinfo else when.date()


def _role_text(role: str | None, lang: str) -> str | None:
    if not role:
        return None
    return t(f"profile.roles.{role}", lang) if role in profile.ROLES else role


def _sector_text(sector, lang: str) -> str | None:
    # a sector outside the list (an edited file) is shown as written, never as a catalogue key
    if not sector:
        return None
    return t(f"profile.sectors.{sector}", lang) if sector in profile.SECTORS else str(sector)


def build(events: list[dict] | None = None, *, name: str | None = None, organisation: str | None = None, role: str | None = None,
          lang: str | None = None, today: date | None = None) -> Record:
    """The record, from the events (by default the learner's store; a corrupt line is skipped with
    a warning and the rest is used). ``name``, ``organisation`` and ``role`` override the profile
    (None takes the profile's value; an empty text leaves the field out)."""
    lang = lang or get_language()
    events = progress.store().events() if events is None else events
    person = profile.latest(events)
    all_standings = standings(events)
    modules = []
    for m in MODULES:
        s = all_standings[m.number]  # counts only exercises and questions the course declares
        outcomes = lookup(f"outcomes.m{m.number}", lang)
        modules.append(ModuleRecord(
            number=m.number,
            title=t(f"modules.m{m.number}.title", lang),
            available=m.available,
            status=s.status,
            started=s.started,
            finished=s.completed_on,
            minutes=s.minutes,
            estimate=m.minutes,
            exercises_correct=len(s.exercises_correct),
            exercises_own=len(s.exercises_own),
            exercises_total=s.exercises_total,
            quiz_correct=s.quiz_first_correct,
            quiz_total=s.quiz_total,
            solutions_seen=len(s.solutions_seen),
            outcomes=list(outcomes) if isinstance(outcomes, list) else [],
        ))
    before, after = selfscan.latest("before", events), selfscan.latest("after", events)
    first, second = (selfscan.area_scores(before) if before else {}), (selfscan.area_scores(after) if after else {})
    scan = [(t(f"selfscan.areas.{area}", lang), first.get(area), second.get(area)) for area in selfscan.AREAS] if (first or second) else []
    stamps = sorted(ts for e in events if day(ts := e.get("ts")))

    def pick(given, key):
        # None: take it from the profile; text (also empty text, a field the learner cleared): as given
        if given is None:
            return person.get(key) or None
        return str(given).strip() or None

    return Record(
        lang=lang,
        made_on=today or date.today(),
        name=pick(name, "name"),
        role=_role_text(pick(role, "role"), lang),
        organisation=pick(organisation, "organisation"),
        sector=_sector_text(person.get("sector"), lang),
        modules=modules,
        scan=scan,
        scan_before=before,
        scan_after=after,
        events=len(events),
        first_activity=stamps[0] if stamps else None,
        last_activity=stamps[-1] if stamps else None,
    )
