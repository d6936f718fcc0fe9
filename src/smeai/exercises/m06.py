# TRANSITIONAL: the registry still looks here until struct1's registry (smeai.modules.mNN) is merged.
from ..modules.m06.exercises import *  # noqa: F401,F403
