"""Exercises: the framework. Each course module declares its exercises in
``smeai.modules.mNN.exercises``.

The declarations are the single source of truth for what is correct: course notebooks call
``q1.check(answer)``, graded nbgrader assignments call ``grade("m01.q1", answer)``.
"""

from .answers import ___, AnswerProblem, is_blank
from .checks import Case, Check, Choice, Close, FunctionCases, Outcome, Property
from .core import Exercise, GradeFailure, all_exercises, get, grade
from .feedback import CORRECT, INCORRECT, NOT_ATTEMPTED, Feedback

__all__ = [
    "___", "AnswerProblem", "is_blank", "Case", "Check", "Choice", "Close", "FunctionCases", "Outcome",
    "Property", "Exercise", "GradeFailure", "all_exercises", "get", "grade", "CORRECT",
    "INCORRECT", "NOT_ATTEMPTED", "Feedback",
]
