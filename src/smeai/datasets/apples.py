"""Module 01: apples at a fruit grower, sorted into class 1 or juice."""

from __future__ import annotations

import numpy as np

from ._random import check_option, check_random_state


def make_apples(n_samples: int = 60, *, label_noise: float = 0.05, random_state=None):
    """Apples from a fruit grower in the Betuwe, sorted into "class 1" (shop) or juice.

    The grower's experts sort by eye. Underneath, an apple is class 1 when it is at least
    70 mm across *and* at least 45 % red; ``label_noise`` of the labels are the expert's
    slips. One measurement alone cannot sort them all right, both together nearly can.

    Parameters
    ----------
    n_samples : int, default=60
        Number of apples.
    label_noise : float, default=0.05
        Share of apples whose label is flipped (human error in the examples).
    random_state : None, int or numpy.random.Generator, default=None
        Seed for reproducible data.

    Returns
    -------
    pandas.DataFrame
        Columns ``size_mm`` (float, 55–90), ``redness_pct`` (float, 0–100) and
        ``class1`` (bool: True for class 1).

    Examples
    --------
    >>> from smeai.datasets import make_apples
    >>> apples = make_apples(n_samples=40, random_state=0)
    >>> apples.shape
    (40, 3)
    >>> sorted(apples.columns)
    ['class1', 'redness_pct', 'size_mm']
    """
    import pandas as pd

    n_samples = check_option(n_samples, "n_samples", whole=True, low=1)
    label_noise = check_option(label_noise, "label_noise", low=0, high=0.5, closed="left")
    rng = check_random_state(random_state)
    size = rng.normal(71, 7, n_samples).clip(55, 90).round(1)
    redness = (rng.beta(2.2, 2.0, n_samples) * 100).round(0)
    class1 = (size >= 70) & (redness >= 45)
    flipped = rng.random(n_samples) < label_noise
    class1 = np.where(flipped, ~class1, class1)
    return pd.DataFrame({"size_mm": size, "redness_pct": redness, "class1": class1.astype(bool)})
