"""Exercises: the framework, and one definition file per course module (``m00``, ``m01``, …).

The definition files are the single source of truth for what is correct: course notebooks call
``q1.check(answer)``, graded nbgrader assignments call ``grade("m01.q1", answer)``.
"""

import pkgutil
import re

from .answers import ___, AnswerProblem, is_blank
from .checks import Check, Choice, Close, FunctionCases, Outcome, Property
from .core import Exercise, GradeFailure, all_exercises, get, grade
from .feedback import CORRECT, INCORRECT, NOT_ATTEMPTED, Feedback

# Definition files, in course order (``m00``, ``m01``, …), found on disk: adding a module's
# file is all it takes for ``all_exercises`` and the course map to know it.
MODULES = tuple(
    sorted(name for _, name, _ in pkgutil.iter_modules(__path__) if re.fullmatch(r"m\d\d", name))
)

__all__ = [
    "___", "AnswerProblem", "is_blank", "Check", "Choice", "Close", "FunctionCases", "Outcome",
    "Property", "Exercise", "GradeFailure", "all_exercises", "get", "grade", "CORRECT",
    "INCORRECT", "NOT_ATTEMPTED", "Feedback", "MODULES",
]
