"""Module 00, welcome: one practice exercise to learn how check, hint and solution work."""

from ...exercises.checks import Close
from ...exercises.core import Exercise

__all__ = ["q1"]

# 4 Saturdays of 120 loaves each
q1 = Exercise("m00.q1", Close(480, tol=0.5, mistakes=[(124, ".added"), (120, ".unchanged")]))
