"""The one way every generator turns ``random_state`` into a generator (scikit-learn's habit)."""

from __future__ import annotations

import numpy as np


def check_random_state(random_state) -> np.random.Generator:
    """``None`` → fresh entropy, an int → a seeded generator, a Generator → itself."""
    if isinstance(random_state, np.random.Generator):
        return random_state
    if random_state is None or isinstance(random_state, (int, np.integer)) and not isinstance(random_state, bool):
        return np.random.default_rng(random_state)
    raise ValueError(f"random_state must be None, an int or a numpy Generator, not {random_state!r}")
