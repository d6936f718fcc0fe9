"""TRANSITIONAL: module 07 now lives in ``smeai.modules.m07``; this file only keeps the exercise
registry and the quiz finding it until the registry looks there (then it is deleted)."""

from ..modules.m07.exercises import *  # noqa: F401,F403
from ..modules.m07.exercises import QUIZ  # noqa: F401
