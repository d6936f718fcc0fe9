"""TRANSITIONAL: module 08 now lives in ``smeai.modules.m08``; this file only keeps the exercise
registry and the quiz finding it until the registry looks there (then it is deleted)."""

from ..modules.m08.exercises import *  # noqa: F401,F403
from ..modules.m08.exercises import QUIZ  # noqa: F401
