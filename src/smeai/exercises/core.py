"""An exercise is declared once and used in two places.

In a course notebook the learner calls ``q2.check(answer)``, ``q2.hint()`` and ``q2.solution()``.
In an nbgrader test cell, ``grade("m01.q2", answer)`` runs the very same check and raises an
``AssertionError`` with the very same message.
"""

from __future__ import annotations

import importlib
import logging
import re
import warnings

from .. import progress
from ..display import show
from ..i18n import lookup, t
from .answers import AnswerProblem, BlankUsed, is_blank
from .checks import Check
from .feedback import CORRECT, INCORRECT, NOT_ATTEMPTED, Feedback

log = logging.getLogger(__name__)

_REGISTRY: dict[str, "Exercise"] = {}
_ID = re.compile(r"^m\d\d\.[a-z0-9_]+$")
_NOTHING = object()


class Exercise:
    """One exercise: a stable id, a check, hints in order and a solution.

    The texts (hints, solution, the exercise's own messages) are catalogue keys under the id,
    e.g. ``m01.q2.hints`` and ``m01.q2.solution``.
    """

    def __init__(self, id: str, check: Check):
        if not _ID.match(id):
            raise ValueError(f"exercise id must look like 'm01.q2', not {id!r}")
        if id in _REGISTRY:
            raise ValueError(f"exercise {id!r} is declared twice")
        self.id = id
        self.module = id[1:3]
        self._check = check
        self._hints_shown = 0
        _REGISTRY[id] = self

    def __repr__(self) -> str:
        return f"<exercise {self.id}: {t('exercise.usage', id=self.id)}>"

    # -- the single source of truth --------------------------------------------------------
    def evaluate(self, answer=_NOTHING, *, hidden: bool = False) -> Feedback:
        """Check an answer without showing or recording anything."""
        if answer is _NOTHING:
            return self._feedback(NOT_ATTEMPTED, "answer.no_argument", {"name": self.id.split(".")[1]})
        if is_blank(answer):
            return self._feedback(NOT_ATTEMPTED, "answer.blank")
        try:
            outcome = self._check.outcome(answer, hidden=hidden)
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
        return Feedback(state, key, dict(params or {}), self.id)

    # -- what the learner calls ------------------------------------------------------------
    def check(self, answer=_NOTHING) -> None:
        """Show whether ``answer`` is right, and keep the result in the learner's progress."""
        feedback = self.evaluate(answer)
        progress.record("check", exercise=self.id, module=self.module, state=feedback.state)
        show(feedback)

    def hints(self) -> list[str]:
        value = lookup(f"{self.id}.hints")
        return value if isinstance(value, list) else [value]

    def hint(self) -> None:
        """Show the next hint; after the last one, keep showing it with a pointer to the solution."""
        hints = self.hints()
        number = min(self._hints_shown, len(hints) - 1)
        self._hints_shown += 1
        progress.record("hint", exercise=self.id, module=self.module, number=number + 1)
        text = t("exercise.hint_title", number=number + 1, total=len(hints)) + " " + hints[number]
        if number == len(hints) - 1:
            text += "\n" + t("exercise.last_hint", id=self.id.split(".")[1])
        show(_Note("hint", text))

    def solution(self) -> None:
        """Show the solution. Looking is allowed; it is recorded so the record stays honest."""
        progress.record("solution", exercise=self.id, module=self.module)
        show(_Note("solution", t("exercise.solution_title") + "\n" + t(f"{self.id}.solution")))


class _Note:
    """A hint or a solution, in the same calm style as feedback."""

    def __init__(self, kind: str, text: str):
        self.kind, self.text = kind, text

    def __str__(self) -> str:
        return self.text

    __repr__ = __str__

    def _repr_html_(self) -> str:
        import html

        title, _, body = self.text.partition("\n")
        icon = "💡" if self.kind == "hint" else "📖"
        pre = f"<pre style='margin:0.3em 0'>{html.escape(body)}</pre>" if self.kind == "solution" else html.escape(body).replace("\n", "<br>")
        return (
            f'<div class="smeai-{self.kind}" role="note" style="border-left:6px solid #E69F00;'
            f'padding:0.4em 0.8em;margin:0.3em 0;background:rgba(127,127,127,0.08)">'
            f'<span aria-hidden="true">{icon}</span> {html.escape(title)}{"<br>" if body and self.kind == "hint" else ""}{pre}</div>'
        )


def get(exercise_id: str) -> Exercise:
    """The exercise with this id, loading its module's definitions on first use."""
    if exercise_id not in _REGISTRY and _ID.match(str(exercise_id)):
        try:
            importlib.import_module(f"{__package__}.{exercise_id.split('.')[0]}")
        except ModuleNotFoundError:
            pass
    try:
        return _REGISTRY[exercise_id]
    except KeyError:
        raise KeyError(f"no exercise with id {exercise_id!r}") from None


def all_exercises(module: str | None = None) -> list[Exercise]:
    """Every declared exercise (of one module, ``"01"``), loading all definition files."""
    from . import MODULES

    for name in MODULES:
        importlib.import_module(f"{__package__}.{name}")
    return [e for e in _REGISTRY.values() if module is None or e.module == module]


class GradeFailure(AssertionError):
    """A failed graded check. IPython shows only the message, never the line that raised it,
    so nbgrader feedback cannot reveal the source of a hidden test."""

    def _render_traceback_(self) -> list[str]:
        return [str(self)]


def grade(exercise_id: str, answer=_NOTHING, *, hidden: bool = False) -> bool:
    """The check for an nbgrader test cell: passes silently, or raises ``AssertionError``
    with the message the learner would see in the course. ``hidden=True`` adds the cases
    only the grader runs."""
    exercise = get(exercise_id)
    try:
        # nbgrader scores a test cell 0 when it writes to stderr, so a library warning
        # (a ConvergenceWarning, a FutureWarning) must not cost a right answer its points.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            feedback = exercise.evaluate(answer, hidden=hidden)
    except BaseException:  # noqa: B036 - whatever escapes, the cell source must not be traced
        log.exception("grading %s failed", exercise_id)
        raise GradeFailure(exercise._feedback(INCORRECT, "check.internal_error").text()) from None
    if not feedback.correct:
        raise GradeFailure(feedback.text())
    return True
