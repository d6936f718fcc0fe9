"""Module 07: hourly sensor readings of a packaging machine, with breakdowns that announce themselves."""

from __future__ import annotations

import numpy as np

from ._random import BadOption, check_option, check_random_state

SENSORS = ("vibration_mm_s", "temperature_c", "current_a")
CAUSES = ("bearing", "motor")


def make_machine_sensors(
    n_days: int = 180,
    *,
    n_failures: int = 6,
    warning_days: tuple[float, float] = (2.0, 6.0),
    sudden_share: float = 0.15,
    busy_days: int = 12,
    start: str = "2024-01-01",
    random_state=None,
):
    """Hourly readings of three sensors on a packaging machine at a metal company in Helmond.

    The machine packs washers into boxes and runs day and night. Three sensors measure,
    averaged per hour:

    - ``vibration_mm_s``: vibration of the main bearing, in mm/s (normally about 2.8);
    - ``temperature_c``: temperature of the drive motor, in °C (about 40, a little warmer in
      the afternoon and in summer);
    - ``current_a``: electric current of the motor, in ampere (about 11.5).

    The machine breaks down ``n_failures`` times. A breakdown has one of two causes, and most
    announce themselves: in the days before, readings drift away from normal.

    - ``"bearing"``: a worn bearing; vibration rises (and the motor gets a little warmer);
    - ``"motor"``: an overheating motor; temperature and current rise.

    The drift starts ``warning_days`` before the breakdown (a random number of days in that
    range) and grows until the breakdown. A share ``sudden_share`` of breakdowns is sudden (a
    belt snaps): nothing in the readings announces it. After a breakdown the
    machine is repaired at once and the readings are normal again. On ``busy_days`` days the
    machine runs a heavy order for some hours: current and temperature rise a little, which is
    harmless but looks unusual (a source of false alarms). The bearing also wears very slowly
    over the months, so "normal" shifts a little.

    Parameters
    ----------
    n_days : int, default=180
        Number of days, 24 readings per day. At least 30.
    n_failures : int, default=6
        Number of breakdowns. They fall after the first 21 days, spread over the period, at least 10 days apart.
    warning_days : (float, float), default=(2.0, 6.0)
        Shortest and longest drift before a (not sudden) breakdown, in days.
    sudden_share : float, default=0.15
        Chance that a breakdown comes without any warning in the readings.
    busy_days : int, default=12
        Number of days with a heavy, harmless order run.
    start : str, default="2024-01-01"
        Date of the first reading.
    random_state : None, int or numpy.random.Generator, default=None
        Seed for reproducible data.

    Returns
    -------
    pandas.DataFrame
        One row per hour: ``time`` (Timestamp), ``vibration_mm_s``, ``temperature_c``,
        ``current_a`` (floats), ``failure`` (bool: the machine broke down in this hour) and
        ``cause`` (``"bearing"``, ``"motor"`` in a failure's hour, else ``""``).

    Examples
    --------
    >>> from smeai.datasets.sensors import make_machine_sensors
    >>> sensors = make_machine_sensors(n_days=60, n_failures=2, random_state=0)
    >>> sensors.shape
    (1440, 6)
    >>> int(sensors.failure.sum())
    2
    """
    import pandas as pd

    n_days = check_option(n_days, "n_days", whole=True, low=30)
    n_failures = check_option(n_failures, "n_failures", whole=True, low=0)
    if (n_days - 21) < n_failures * 10:
        raise BadOption(f"{n_failures} failures do not fit in {n_days} days (they need 10 days apart after day 21)")
    low, high = warning_days
    if not 0 < low <= high <= 14:
        raise BadOption(f"warning_days must be (low, high) with 0 < low <= high <= 14, not {warning_days!r}")
    sudden_share = check_option(sudden_share, "sudden_share", low=0, high=1)
    busy_days = check_option(busy_days, "busy_days", whole=True, low=0, high=n_days)
    rng = check_random_state(random_state)

    hours = n_days * 24
    time = pd.date_range(start, periods=hours, freq="h")
    t_days = np.arange(hours) / 24
    hour_of_day = np.arange(hours) % 24
    day_of_year = time.day_of_year.to_numpy()

    # normal running: slow wear, the day's rhythm, the season in the hall, and sensor noise
    daytime = np.sin(2 * np.pi * (hour_of_day - 9) / 24)  # warmest mid-afternoon
    season = -np.cos(2 * np.pi * (day_of_year - 15) / 365)  # cold in January, warm in July
    vibration = 2.8 + 0.3 * t_days / 180 + 0.10 * daytime + _smooth_noise(rng, hours, 0.22, 0.6)
    temperature = 40 + 2.5 * season + 1.5 * daytime + _smooth_noise(rng, hours, 0.7, 0.8)
    current = 11.5 + 0.25 * daytime + _smooth_noise(rng, hours, 0.35, 0.5)

    # product changes every few days: each product loads the machine a little differently
    change = 0
    while change < hours:
        length = int(rng.integers(1, 5)) * 24
        load = rng.normal(0, 1)
        span = slice(change, min(change + length, hours))
        vibration[span] += 0.12 * load
        current[span] += 0.25 * load
        temperature[span] += 0.6 * load
        change += length

    # heavy order runs: harmless, but unusual
    for day in rng.choice(n_days, size=busy_days, replace=False):
        begin = int(day) * 24 + int(rng.integers(6, 14))
        length = int(rng.integers(6, 12))
        load = rng.uniform(0.6, 1.0)
        span = slice(begin, min(begin + length, hours))
        current[span] += 1.2 * load
        temperature[span] += 2.5 * load
        vibration[span] += 0.25 * load

    failure = np.zeros(hours, dtype=bool)
    cause = np.full(hours, "", dtype=object)
    for at in _failure_hours(rng, n_days, n_failures):
        kind = CAUSES[int(rng.integers(len(CAUSES)))]
        sudden = rng.random() < sudden_share
        lead = 0 if sudden else int(rng.uniform(low, high) * 24)
        strength = rng.uniform(0.6, 1.2)
        begin = max(at - lead, 0)
        ramp = (np.arange(begin, at) - begin + 1) / max(lead, 1)
        ramp = ramp**1.6  # slow at first, faster near the end
        span = slice(begin, at)
        if kind == "bearing":
            vibration[span] += 3.0 * strength * ramp
            temperature[span] += 2.0 * strength * ramp
        else:
            temperature[span] += 9.0 * strength * ramp
            current[span] += 2.0 * strength * ramp
        failure[at] = True
        cause[at] = kind

    return pd.DataFrame(
        {
            "time": time,
            "vibration_mm_s": vibration.round(2),
            "temperature_c": temperature.round(1),
            "current_a": current.round(2),
            "failure": failure,
            "cause": cause.astype(str),
        }
    )


def _smooth_noise(rng, n, scale, memory):
    """Noise where one hour looks a little like the hour before (as real readings do)."""
    shocks = rng.normal(0, scale * np.sqrt(1 - memory**2), n)
    out = np.empty(n)
    out[0] = rng.normal(0, scale)
    for i in range(1, n):
        out[i] = memory * out[i - 1] + shocks[i]
    return out


def _failure_hours(rng, n_days, n_failures):
    """Breakdown hours after day 21, spread over the period (one in each equal stretch of time)
    and at least 10 days apart."""
    if n_failures == 0:
        return []
    first, last, gap = 21 * 24, n_days * 24 - 12, 10 * 24
    stretch = (last - first) / n_failures
    starts = first + stretch * np.arange(n_failures)
    return [int(start + rng.uniform(0, stretch - gap)) for start in starts]
