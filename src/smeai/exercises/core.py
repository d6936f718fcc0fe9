"""An exercise is declared once and used in two places.

In a course notebook the learner calls ``q2.check(answer)``, ``q2.hint()`` and ``q2.solution()``.
In an nbgrader test cell, ``grade("m01.q2", answer)`` runs the very same check and raises an
``AssertionError`` with the very same message.
"""

from __future__ import annotations

import html
import importlib
import logging
import re
import warnings
from typing import Callable

from .. import progress
from ..course import MODULES
from ..display import show
from ..i18n import fill, lookup, t
from ..ui.messagebox import ORANGE, MessageBox, escape_lines
from .answers import AnswerProblem, BlankUsed, is_blank
from .checks import Case, Check, as_cases
from .feedback import CORRECT, INCORRECT, NOT_ATTEMPTED, Feedback

log = logging.getLogger(__name__)

_REGISTRY: dict[str, "Exercise"] = {}
_ID = re.compile(r"^m\d\d\.[a-z0-9_]+$")
_NOTHING = object()


class Exercise:
    """One exercise: a stable id, a check, hints in order and a solution.

    The texts (hints, solution, the exercise's own messages) are catalogue keys under the id,
    e.g. ``m01.q2.hints`` and ``m01.q2.solution``. ``fields()`` gives the values of the
    ``{fields}`` in the hints, the solution and the messages: numbers the module's model derives
    (a share, a count), so no catalogue types them by hand. (With ``fields``, write a literal
    brace in a hint or solution as ``{{``.)
    """

    def __init__(self, id: str, check: Check, *, fields: Callable[[], dict] | None = None):
        if not _ID.match(id):
            raise ValueError(f"exercise id must look like 'm01.q2', not {id!r}")
        if id in _REGISTRY:
            raise ValueError(f"exercise {id!r} is declared twice")
        self.id = id
        self.module = id[1:3]
        self._check = check
        self._fields = fields
        self._hints_shown = 0
        _REGISTRY[id] = self

    def __repr__(self) -> str:
        return f"<exercise {self.id}: {t('exercise.usage', id=self.id)}>"

    # -- the single source of truth --------------------------------------------------------
    def evaluate(self, answer=_NOTHING, *, cases=()) -> Feedback:
        """Check an answer without showing or recording anything.

        ``cases`` are a trainer's extra cases, handed in as data (see :func:`grade`).
        """
        extra = {}
        if cases:
            if not self._check.takes_cases:
                raise ValueError(f"exercise {self.id} takes no extra cases")
            extra["cases"] = as_cases(cases)  # a trainer's typo fails here, loudly, not as "incorrect"
        if answer is _NOTHING:
            return self._feedback(NOT_ATTEMPTED, "answer.no_argument", {"name": self.id.split(".")[1]})
        if is_blank(answer):
            return self._feedback(NOT_ATTEMPTED, "answer.blank")
        try:
            outcome = self._check.outcome(answer, **extra)
        except BlankUsed:
            return self._feedback(NOT_ATTEMPTED, "answer.blank")
        except AnswerProblem as problem:
            return self._feedback(INCORRECT, problem.key, problem.params)
        except Exception:  # a bug in a check must never look like a traceback to a learner
            log.exception("check %s failed", self.id)
            return self._feedback(INCORRECT, "check.internal_error")
        return self._feedback(CORRECT if outcome.ok else INCORRECT, outcome.key, outcome.params)

    def _feedback(self, state: str, key: str, params: dict | None = None) -> Feedback:
        if key.startswith("."):
            key = self.id + key
        # the model's numbers can appear in any message of the exercise; the outcome's own win
        return Feedback(state, key, {**self.fields(), **(params or {})}, self.id)

    # -- what the learner calls ------------------------------------------------------------
    def check(self, answer=_NOTHING) -> None:
        """Show whether ``answer`` is right, and keep the result in the learner's progress."""
        feedback = self.evaluate(answer)
        progress.log_event("check", exercise=self.id, module=self.module, state=feedback.state)
        show(feedback)

    def hints(self, lang: str | None = None) -> list[str]:
        value = lookup(f"{self.id}.hints", lang)
        return [fill(hint, lang, f"{self.id}.hints", **self.fields()) for hint in (value if isinstance(value, list) else [value])]

    def solution_text(self, lang: str | None = None) -> str:
        """The solution, with the model's numbers filled in (what :meth:`solution` shows)."""
        return t(f"{self.id}.solution", lang, **self.fields())

    def fields(self) -> dict:
        return dict(self._fields()) if self._fields else {}

    def hint(self) -> None:
        """Show the next hint; after the last one, keep showing it with a pointer to the solution."""
        hints = self.hints()
        number = min(self._hints_shown, len(hints) - 1)
        self._hints_shown += 1
        progress.log_event("hint", exercise=self.id, module=self.module, number=number + 1)
        text = t("exercise.hint_title", number=number + 1, total=len(hints)) + " " + hints[number]
        if number == len(hints) - 1:
            text += "\n" + t("exercise.last_hint", id=self.id.split(".")[1])
        show(_note("hint", text))

    def solution(self) -> None:
        """Show the solution. Looking is allowed; it is recorded so the record stays honest."""
        progress.log_event("solution", exercise=self.id, module=self.module)
        show(_note("solution", t("exercise.solution_title") + "\n" + self.solution_text()))


def _note(kind: str, text: str) -> MessageBox:
    """A hint or a solution, in the same calm box as feedback."""
    title, _, body = text.partition("\n")
    if kind == "solution":
        inner = f"{html.escape(title)}<pre style='margin:0.3em 0'>{html.escape(body)}</pre>"
    else:
        inner = html.escape(title) + (f"<br>{escape_lines(body)}" if body else "")
    return MessageBox(text, icon="💡" if kind == "hint" else "📖", colour=ORANGE, css=f"smeai-{kind}", body_html=inner)


def load_module(module: str) -> None:
    """Import a module's exercise declarations (``"m01"`` → ``smeai.modules.m01.exercises``)."""
    try:
        importlib.import_module(f"smeai.modules.{module}.exercises")
    except ModuleNotFoundError as error:
        if error.name not in (f"smeai.modules.{module}", f"smeai.modules.{module}.exercises"):
            raise  # a real missing import inside the module must not look like "no such module"


def get(exercise_id: str) -> Exercise:
    """The exercise with this id, loading its module's declarations on first use."""
    if exercise_id not in _REGISTRY and _ID.match(str(exercise_id)):
        load_module(exercise_id.split(".")[0])
    try:
        return _REGISTRY[exercise_id]
    except KeyError:
        raise KeyError(f"no exercise with id {exercise_id!r}") from None


def all_exercises(module: str | None = None) -> list[Exercise]:
    """Every declared exercise (of one module, ``"01"``), loading every available module."""
    for candidate in MODULES:
        if candidate.available:
            load_module(f"m{candidate.number}")
    return [e for e in _REGISTRY.values() if module is None or e.module == module]


class GradeFailure(AssertionError):
    """A failed graded check. IPython shows only the message, never the line that raised it,
    so nbgrader feedback cannot reveal the source of a hidden test."""

    def _render_traceback_(self) -> list[str]:
        return [str(self)]


def grade(exercise_id: str, answer=_NOTHING, *, cases=()) -> bool:
    """The check for an nbgrader test cell: passes silently, or raises ``AssertionError``
    with the message the learner would see in the course.

    ``cases`` are extra cases that only the trainer's source notebook holds, between
    ``### BEGIN HIDDEN TESTS`` and ``### END HIDDEN TESTS``, as data on one line:
    ``grade("m01.q4", is_klasse1, cases=[(args, expected, "boundary"), ...])`` with ``args`` a tuple.
    A failed extra case is reported by its kind, never by its input.
    """
    exercise = get(exercise_id)
    try:
        # nbgrader scores a test cell 0 when it writes to stderr, so a library warning
        # (a ConvergenceWarning, a FutureWarning) must not cost a right answer its points.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            feedback = exercise.evaluate(answer, cases=cases)
    except BaseException:  # noqa: B036 - whatever escapes, the cell source must not be traced
        log.exception("grading %s failed", exercise_id)
        raise GradeFailure(exercise._feedback(INCORRECT, "check.internal_error").text()) from None
    if not feedback.correct:
        raise GradeFailure(feedback.text())
    return True
