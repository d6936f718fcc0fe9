"""Module 00, welcome: one practice exercise to learn how check, hint and solution work."""

from .checks import Close
from .core import Exercise

# 4 Saturdays of 120 loaves each
q1 = Exercise("m00.q1", Close(480, tol=0.5, mistakes=[(124, ".added"), (120, ".unchanged")]))
