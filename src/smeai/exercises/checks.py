"""The kinds of check an exercise can declare.

A check gets the learner's answer and returns an :class:`Outcome`: right or not, plus the
catalogue key of the message. A key that starts with a dot is relative to the exercise, so
``".too_high"`` in exercise ``m01.q3`` means ``m01.q3.too_high``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Callable, ClassVar, Sequence

from ..learner_errors import explain_function_error
from .answers import AnswerProblem, BlankUsed, as_function, as_number, as_text, function_slip, normalise_text, number_slip


@dataclass(frozen=True)
class Outcome:
    ok: bool
    key: str
    params: dict = field(default_factory=dict)


def _resolve(expected):
    return expected() if callable(expected) else expected


class Check:
    """Base class: ``outcome(answer)`` does the work.

    A check that sets ``takes_cases`` also accepts ``cases=``: extra cases a trainer hands in as
    data from an assignment's hidden test cell (see :class:`Case`); they never live in the package.
    """

    takes_cases: ClassVar[bool] = False

    def outcome(self, answer) -> Outcome:  # pragma: no cover - interface
        raise NotImplementedError


# What kinds of extra case a trainer may name; each has words in ``check.case_kinds.<kind>``.
CASE_KINDS = ("boundary", "zero", "negative", "large", "small", "whole", "ordinary", "other")


@dataclass(frozen=True)
class Case:
    """An extra case from the trainer: ``args`` in, ``expected`` out. Feedback for a failed
    case names its ``kind`` ("a boundary value"), never its input, so it does not leak."""

    args: tuple
    expected: Any
    kind: str = "other"


def as_cases(cases) -> tuple[Case, ...]:
    """Trainer data (``[(args, expected, "boundary"), (args, expected)]``, ``args`` a tuple) as
    :class:`Case` objects."""
    result = []
    for case in cases or ():
        if not isinstance(case, Case):
            if not isinstance(case, (tuple, list)) or len(case) not in (2, 3):
                raise ValueError(f"a case is (args, expected) or (args, expected, kind), not {case!r}")
            args = case[0] if isinstance(case[0], (tuple, list)) else (case[0],)
            case = Case(tuple(args), *case[1:])
        if case.kind not in CASE_KINDS:
            raise ValueError(f"case kind must be one of {', '.join(CASE_KINDS)}, not {case.kind!r}")
        result.append(case)
    return tuple(result)


def run_extra_cases(function: Callable, cases: Sequence[Case], same: Callable[[Any, Any], bool] | None = None) -> Outcome | None:
    """Run the trainer's extra cases; the first failure as an :class:`Outcome` that names the
    case's kind (and for a crash only the error's type), or ``None`` when all pass."""
    same = same or _same
    for case in cases:
        try:
            got = function(*case.args)
        except (AnswerProblem, BlankUsed):
            raise
        except BaseException as error:  # noqa: B036 - as in FunctionCases: never a traceback
            return Outcome(False, "check.extra_case_raised", {"case_kind": case.kind, "error": type(error).__name__})
        if not same(got, case.expected):
            return Outcome(False, "check.extra_case_failed", {"case_kind": case.kind})
    return None


@dataclass
class Close(Check):
    """A number equal to ``expected`` within ``tol`` (absolute) or ``rel`` (relative).

    ``expected`` may be a function, so that data is only made when a learner checks.
    ``mistakes`` maps a wrong value (or a predicate on the number) to a message key that says
    what the learner probably did, e.g. ``{0.85: ".fraction_not_percent"}``.
    """

    expected: Any
    tol: float = 1e-6
    rel: float = 0.0
    mistakes: Sequence[tuple[Any, str]] = ()
    correct_key: str = "check.correct"

    def _close(self, a: float, b: float) -> bool:
        return math.isclose(a, b, abs_tol=self.tol, rel_tol=self.rel)

    def outcome(self, answer) -> Outcome:
        expected = float(_resolve(self.expected))
        number = as_number(answer, expected=expected, close=self._close)
        if self._close(number, expected):
            return Outcome(True, self.correct_key, {"given": number})
        slip = number_slip(number, expected, self._close)  # 6.766 - 5.435: a thousands dot
        if slip is not None:
            return Outcome(False, *slip)
        for pattern, key in self.mistakes:
            matched = pattern(number) if callable(pattern) else self._close(number, float(pattern))
            if matched:
                return Outcome(False, key, {"given": number})
        key = "check.number_too_high" if number > expected else "check.number_too_low"
        return Outcome(False, key, {"given": number})


@dataclass
class Choice(Check):
    """One of a few named options, typed as a word in either language.

    ``options`` maps each option's name to the words that mean it (``"predict": ["voorspellen",
    "predict"]``). Every wrong option has its own message, ``.option.<name>``.
    """

    correct: str
    options: dict[str, Sequence[str]]

    def _lookup(self) -> dict[str, str]:
        words = {}
        for name, synonyms in self.options.items():
            for word in (name, *synonyms):
                words[normalise_text(word)] = name
        return words

    def outcome(self, answer) -> Outcome:
        text = as_text(answer)
        chosen = self._lookup().get(text)
        if chosen is None:
            return Outcome(False, ".unknown_option", {"given": answer})
        if chosen == self.correct:
            return Outcome(True, ".option." + chosen, {"given": answer})
        return Outcome(False, ".option." + chosen, {"given": answer})


@dataclass
class FunctionCases(Check):
    """The answer is a function; it must give ``expected`` for each ``(args, expected)`` case.

    ``outcome(..., cases=...)`` adds a trainer's extra cases (run only when grading, so a learner
    cannot tune the function to the cases that are shown).
    """

    cases: Sequence[tuple[tuple, Any]]
    describe: Callable[[tuple], str] | None = None
    takes_cases: ClassVar[bool] = True

    def outcome(self, answer, *, cases: Sequence[Case] = ()) -> Outcome:
        function = as_function(answer)
        shown = self._shown_cases(function)
        if not shown.ok:
            return shown
        return run_extra_cases(function, as_cases(cases)) or shown

    def _shown_cases(self, function) -> Outcome:
        for args, expected in self.cases:
            shown = self.describe(args) if self.describe else ", ".join(map(repr, args))
            try:
                got = function(*args)
            except (AnswerProblem, BlankUsed):
                raise
            except BaseException as error:  # noqa: B036 - even sys.exit or a custom BaseException
                # The learner's function crashed: explain it. Letting it escape would print a
                # traceback that quotes the test cell, hidden tests included.
                return Outcome(False, "check.function_raised", {"case": shown, "error": explain_function_error(error, function)})
            if not _same(got, expected):
                slip = function_slip(function, got, expected)  # `* 2,00` gives a pair, `10.000` a thousandth
                if slip is not None:
                    return Outcome(False, slip[0], {"case": shown, **slip[1]})
                return Outcome(False, ".case_failed", {"case": shown, "expected": expected, "got": got})
        return Outcome(True, "check.correct", {"count": len(self.cases)})


@dataclass
class Property(Check):
    """A custom property of the answer, e.g. "this threshold sorts at least 85 % correctly".

    ``convert`` turns the raw answer into the value ``test`` needs (``as_number`` by default);
    ``test(value)`` returns an :class:`Outcome`.
    """

    test: Callable[[Any], Outcome]
    convert: Callable[[Any], Any] = as_number

    def outcome(self, answer) -> Outcome:
        return self.test(self.convert(answer))


def _same(got, expected) -> bool:
    if isinstance(expected, float) or isinstance(got, float):
        try:
            return math.isclose(float(got), float(expected), abs_tol=1e-9)
        except (TypeError, ValueError):
            return False
    if got is None or expected is None:
        return got is expected
    if type(got).__module__ not in ("builtins", "numpy"):
        # an object of the learner's own making could claim to equal anything (its own __eq__)
        return False
    try:
        return bool(got == expected)
    except Exception:  # e.g. an array, whose truth value is ambiguous
        return False


def _error_text(error: BaseException) -> str:
    """Why the learner's function stopped, in the learner's language (never Python's English)."""
    return explain_function_error(error)
