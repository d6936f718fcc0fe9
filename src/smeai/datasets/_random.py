"""What every generator shares (scikit-learn's habits): ``random_state`` turned into a generator
once, and one way to refuse a bad option."""

from __future__ import annotations

import math
import numbers

import numpy as np


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


_INCLUDED = {"both": (True, True), "left": (True, False), "right": (False, True), "neither": (False, False)}


def check_option(value, name: str, *, whole: bool = False, low=None, high=None, closed: str = "both"):
    """``value`` as a whole number (``whole=True``) or a finite real number within ``low``..``high``
    (``closed``: which ends are included: "both", "left", "right" or "neither"). Returns it as
    ``int`` or ``float``; raises :class:`BadOption` otherwise.

    The same contract as scikit-learn's ``sklearn.utils.check_scalar`` (and the same message
    shape), but without importing scikit-learn: that import costs 1-3 s, and generators such as
    the bakery's (module 02) need only numpy and pandas. A bool is refused (``check_scalar`` would
    take ``True`` as 1).
    """
    kind = numbers.Integral if whole else numbers.Real
    if isinstance(value, bool) or not isinstance(value, kind) or (not whole and not math.isfinite(value)):
        wanted = "a whole number" if whole else "a finite number"
        raise BadOption(f"{name} must be {wanted}, not {value!r}")
    low_in, high_in = _INCLUDED[closed]
    if low is not None and (value < low or (value == low and not low_in)):
        raise BadOption(f"{name} == {value!r}, must be {'>=' if low_in else '>'} {low}.")
    if high is not None and (value > high or (value == high and not high_in)):
        raise BadOption(f"{name} == {value!r}, must be {'<=' if high_in else '<'} {high}.")
    return int(value) if whole else float(value)
