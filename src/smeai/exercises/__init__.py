"""Exercises: the framework, and one definition file per course module (``m00``, ``m01``, …).

The definition files are the single source of truth for what is correct: course notebooks call
``q1.check(answer)``, graded nbgrader assignments call ``grade("m01.q1", answer)``.
"""

from .answers import ___, AnswerProblem, is_blank
from .checks import Check, Choice, Close, FunctionCases, Outcome, Property
from .core import Exercise, GradeFailure, all_exercises, get, grade
from .feedback import CORRECT, INCORRECT, NOT_ATTEMPTED, Feedback

# Definition files, in course order; ``all_exercises`` loads them all.
MODULES = ("m00", "m01")

__all__ = [
    "___", "AnswerProblem", "is_blank", "Check", "Choice", "Close", "FunctionCases", "Outcome",
    "Property", "Exercise", "GradeFailure", "all_exercises", "get", "grade", "CORRECT",
    "INCORRECT", "NOT_ATTEMPTED", "Feedback", "MODULES",
]
