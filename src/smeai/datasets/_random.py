"""What every generator shares (scikit-learn's habits): ``random_state`` turned into a generator
once, and one way to refuse a bad option."""

from __future__ import annotations

import math
import numbers

import numpy as np
from sklearn.utils import check_scalar


class BadOption(TypeError, ValueError):
    """An option of a ``make_*`` generator that is out of range or of the wrong type. It is both
    a ``ValueError`` and a ``TypeError``, so callers may catch either (scikit-learn raises the one
    or the other)."""


def check_random_state(random_state) -> np.random.Generator:
    """``None`` → fresh entropy, an int → a seeded generator, a Generator → itself."""
    if isinstance(random_state, np.random.Generator):
        return random_state
    if random_state is None or isinstance(random_state, (int, np.integer)) and not isinstance(random_state, bool):
        return np.random.default_rng(random_state)
    raise BadOption(f"random_state must be None, an int or a numpy Generator, not {random_state!r}")


def check_option(value, name: str, *, whole: bool = False, low=None, high=None, closed: str = "both"):
    """``value`` checked with scikit-learn's ``check_scalar``: a whole number (``whole=True``) or
    any real number, within ``low``..``high`` (``closed``: "both", "left", "right" or "neither"
    end included). Returns it as ``int`` or ``float``; raises :class:`BadOption` otherwise."""
    kind = numbers.Integral if whole else numbers.Real
    if isinstance(value, bool) or (not whole and isinstance(value, numbers.Real) and not math.isfinite(value)):
        raise BadOption(f"{name} must be a {'whole ' if whole else ''}number, not {value!r}")
    try:
        check_scalar(value, name, kind, min_val=low, max_val=high, include_boundaries=closed)
    except (TypeError, ValueError) as error:
        raise BadOption(str(error)) from None
    return int(value) if whole else float(value)
