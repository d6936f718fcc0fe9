"""Where the learner stands, worked out from their progress events.

Used by ``finish()`` at the end of a module, the course map in module 00 and ``smeai progress``.
It only ever reports what the events show, never more.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import datetime

from . import progress
from .course import MODULES, module
from .exercises import all_exercises
from .i18n import t
from .quiz import questions

# Gaps longer than this between two events count as a break, not as time spent.
ACTIVE_GAP_MINUTES = 20


@dataclass
class ModuleStanding:
    number: str
    started: str | None = None  # first activity (ISO time)
    finished: str | None = None  # first module_finish
    work_done: str | None = None  # when every exercise was correct and every quiz question answered
    minutes: int = 0
    exercises_total: int = 0
    exercises_correct: set = field(default_factory=set)
    exercises_tried: set = field(default_factory=set)
    quiz_total: int = 0
    quiz_correct: set = field(default_factory=set)
    solutions_seen: set = field(default_factory=set)
    exercises_own: set = field(default_factory=set)  # correct before the learner looked at the solution
    quiz_first: dict = field(default_factory=dict)  # question -> was the first answer right?

    @property
    def status(self) -> str:
        # finish() is a marker, the work is the evidence: a module whose work is all done counts
        # as finished even if its last cell ran before a record was made (module 09 makes the
        # record above its finish cell)
        return "finished" if self.completed_on else "started" if self.started else "not_started"

    @property
    def completed_on(self) -> str | None:
        """When the module was finished: the first ``module_finish`` or the moment all its work was done."""
        return min((ts for ts in (self.finished, self.work_done) if ts), default=None, key=_sort_key)

    @property
    def quiz_first_correct(self) -> int:
        """Questions answered right the first time (later tries only learn from the explanations)."""
        return sum(1 for right in self.quiz_first.values() if right)

    def describe(self) -> str:
        lines = [t("standing.header", number=self.number, title=module(self.number).title) + ": " + t(f"standing.{self.status}")]
        if self.exercises_total:
            lines.append("• " + t("standing.exercises", correct=len(self.exercises_correct), total=self.exercises_total))
        if self.quiz_total:
            lines.append("• " + t("standing.quiz", correct=len(self.quiz_correct), total=self.quiz_total))
        if self.solutions_seen:
            lines.append("• " + t("standing.solutions", count=len(self.solutions_seen)))
        if self.minutes:
            lines.append("• " + t("standing.minutes", minutes=self.minutes))
        return "\n".join(lines)


def _sort_key(ts: str) -> str:
    when = _parse(ts)
    return when.isoformat() if when else ts


def _parse(ts: str) -> datetime | None:
    try:
        return datetime.fromisoformat(ts)
    except (TypeError, ValueError):
        return None


def active_minutes(timestamps: list[datetime]) -> int:
    """Minutes between consecutive events, leaving out breaks longer than ACTIVE_GAP_MINUTES."""
    ordered = sorted(timestamps)
    seconds = sum(
        gap
        for a, b in zip(ordered, ordered[1:])
        if (gap := (b - a).total_seconds()) <= ACTIVE_GAP_MINUTES * 60
    )
    return round(seconds / 60)


def standings(events: list[dict] | None = None) -> dict[str, ModuleStanding]:
    """One :class:`ModuleStanding` per module of the course, in course order."""
    events = progress.store().events() if events is None else events
    result = {}
    declared = set()  # only what the course declares counts: a hand-edited "m01.q99" does not
    work: dict[str, tuple[set, set]] = {}  # per module: its exercises and its quiz questions
    for m in MODULES:
        standing = ModuleStanding(m.number)
        exercises, quiz = ({e.id for e in all_exercises(m.number)}, {q.id for q in questions(m.number)}) if m.available else (set(), set())
        standing.exercises_total, standing.quiz_total = len(exercises), len(quiz)
        declared |= exercises | quiz
        work[m.number] = (exercises, quiz)
        result[m.number] = standing
    times: dict[str, list[datetime]] = {n: [] for n in result}
    for event in events:
        number = event.get("module")
        standing = result.get(number)
        if standing is None:
            continue
        when = _parse(event.get("ts"))
        if when:
            times[number].append(when)
        standing.started = standing.started or event.get("ts")
        kind = event.get("kind")
        if kind == "module_finish":
            standing.finished = standing.finished or event.get("ts")
        elif kind == "check" and event.get("exercise") in declared:
            exercise = event.get("exercise")
            standing.exercises_tried.add(exercise)
            if event.get("state") == "correct":
                if exercise not in standing.exercises_correct and exercise not in standing.solutions_seen:
                    standing.exercises_own.add(exercise)
                standing.exercises_correct.add(exercise)
        elif kind == "quiz" and event.get("question") in declared:
            question = event.get("question")
            standing.quiz_first.setdefault(question, event.get("correct") is True)
            if event.get("correct") is True:
                standing.quiz_correct.add(question)
        elif kind == "solution" and event.get("exercise") in declared:
            standing.solutions_seen.add(event.get("exercise"))
        exercises, quiz = work[number]
        if (exercises or quiz) and not standing.work_done and exercises <= standing.exercises_correct and quiz <= standing.quiz_first.keys():
            standing.work_done = event.get("ts")
    for number, standing in result.items():
        standing.minutes = active_minutes(times[number])
    return result


def module_standing(number: str, events: list[dict] | None = None) -> ModuleStanding:
    return standings(events)[module(number).number]


def describe_all(events: list[dict] | None = None) -> str:
    """A plain-text overview for ``smeai progress``."""
    all_standings = standings(events)
    if not any(s.started for s in all_standings.values()):
        return t("standing.none_yet")
    return "\n\n".join(s.describe() for s in all_standings.values() if s.started)


def course_map_html(events: list[dict] | None = None) -> str:
    """The course as a table: module, title, minutes and the learner's status."""
    all_standings = standings(events)
    head = "".join(f"<th>{t(f'map.{c}')}</th>" for c in ("number", "module", "minutes", "status"))
    rows = []
    for m in MODULES:
        status = t(f"standing.{all_standings[m.number].status}") if m.available else t("map.coming")
        rows.append(
            f"<tr><td>{m.number}</td><td><b>{html.escape(m.title)}</b><br><small>{html.escape(m.summary)}</small></td>"
            f"<td>{m.minutes}</td><td>{html.escape(status)}</td></tr>"
        )
    return f'<table class="smeai-course-map"><caption>{t("map.title")}</caption><tr>{head}</tr>{"".join(rows)}</table>'


def show_course_map():
    from IPython.display import HTML

    return HTML(course_map_html())
