"""Module 04: appointments at a physiotherapy practice, some of which are missed (no-shows)."""

from __future__ import annotations

import numpy as np

from ._random import check_option, check_random_state

AGE_BANDS = ("18-30", "31-45", "46-65", "66+")
WEEKDAYS = (1, 2, 3, 4, 5)  # 1 = Monday … 5 = Friday
HOURS = tuple(range(8, 18))  # the first appointment starts at 8:00, the last at 17:00

# The no-show profile, as effects on the log-odds of not turning up.
_AGE_SHARE = (0.18, 0.24, 0.34, 0.24)
# Age works mostly through a patient's habit, which also shows in earlier no-shows; so a model
# that leaves age out loses little.
_AGE_HABIT = {"18-30": 0.55, "31-45": 0.2, "46-65": 0.0, "66+": -0.35}
_AGE_DIRECT = {"18-30": 0.15, "31-45": 0.05, "46-65": 0.0, "66+": -0.1}
_WEEKDAY_EFFECT = {1: 0.3, 2: 0.0, 3: 0.0, 4: 0.0, 5: 0.2}
_EARLY_EFFECT = 0.35  # the 8:00 appointment
_FRIDAY_AFTERNOON_EFFECT = 0.3  # Friday from 15:00
_DAYS_AHEAD_WEIGHT = 0.035  # per day between booking and appointment
_NO_REMINDER_EFFECT = 1.0
_HABIT_WEIGHT = 0.9
_EARLIER_WEIGHT = 0.35  # each earlier no-show is a sign of the habit, and a little more
_INTERCEPT = -3.3


def _sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def make_appointments(n_samples: int = 1500, *, reminder_share: float = 0.7, random_state=None):
    """Appointments at physiotherapy practice De Brug in Deventer, and whether the patient came.

    About one appointment in eight is a **no-show**: the patient does not come and does not
    cancel, and the half hour stays empty. No-shows have a profile, hidden under noise:

    - patients who stayed away before do so more often again (``earlier_no_shows``);
    - without a reminder (text message the day before) patients forget more often;
    - an appointment booked long ahead is forgotten more often than one booked this week;
    - Monday, the 8:00 appointment and Friday afternoon are missed more often;
    - younger patients miss more appointments, but mostly through the habit that also shows in
      their earlier no-shows: leaving age out of a model costs little.

    Parameters
    ----------
    n_samples : int, default=1500
        Number of appointments.
    reminder_share : float, default=0.7
        Share of appointments for which a reminder was sent.
    random_state : None, int or numpy.random.Generator, default=None
        Seed for reproducible data.

    Returns
    -------
    pandas.DataFrame
        One row per appointment, with the columns

        - ``appointment_id`` (str): ``"A-0001"`` and so on;
        - ``age_band`` (str): the patient's age group, ``18-30``, ``31-45``, ``46-65`` or ``66+``;
        - ``weekday`` (int): 1 (Monday) to 5 (Friday);
        - ``hour`` (int): the hour the appointment starts, 8 to 17;
        - ``days_ahead`` (int): days between booking and appointment;
        - ``earlier_no_shows`` (int): how often this patient did not turn up before;
        - ``reminder_sent`` (bool): whether a reminder was sent the day before;
        - ``no_show`` (bool): True when the patient did not come.

    Examples
    --------
    >>> from smeai.datasets.appointments import make_appointments
    >>> appointments = make_appointments(n_samples=300, random_state=0)
    >>> appointments.shape
    (300, 8)
    >>> sorted(appointments.age_band.unique())
    ['18-30', '31-45', '46-65', '66+']
    """
    import pandas as pd

    n_samples = check_option(n_samples, "n_samples", whole=True, low=1)
    reminder_share = check_option(reminder_share, "reminder_share", low=0, high=1)
    rng = check_random_state(random_state)

    age = rng.choice(len(AGE_BANDS), size=n_samples, p=_AGE_SHARE)
    age_name = np.array(AGE_BANDS)[age]
    habit = rng.normal(0.0, 1.0, n_samples) + np.array([_AGE_HABIT[a] for a in AGE_BANDS])[age]

    weekday = rng.choice(WEEKDAYS, size=n_samples, p=(0.22, 0.21, 0.2, 0.21, 0.16))
    # busier mornings and late afternoons (before and after work), quieter around lunch
    hour_weights = np.array([1.0, 1.2, 1.1, 1.0, 0.6, 0.7, 1.0, 1.1, 1.3, 1.2])
    hour = rng.choice(HOURS, size=n_samples, p=hour_weights / hour_weights.sum())
    # most follow-up appointments are booked a week or two ahead; some much further
    days_ahead = np.where(
        rng.random(n_samples) < 0.75,
        rng.integers(0, 15, n_samples),
        15 + rng.geometric(1 / 14, n_samples),
    ).clip(0, 90)
    earlier = np.minimum(rng.poisson(np.exp(-1.4 + 0.9 * habit)), 8)
    reminder = rng.random(n_samples) < reminder_share

    logit = (
        _INTERCEPT
        + _HABIT_WEIGHT * habit
        + _EARLIER_WEIGHT * np.minimum(earlier, 4)
        + np.array([_AGE_DIRECT[a] for a in AGE_BANDS])[age]
        + np.select([weekday == d for d in WEEKDAYS], [_WEEKDAY_EFFECT[d] for d in WEEKDAYS])
        + _EARLY_EFFECT * (hour == 8)
        + _FRIDAY_AFTERNOON_EFFECT * ((weekday == 5) & (hour >= 15))
        + _DAYS_AHEAD_WEIGHT * days_ahead
        + _NO_REMINDER_EFFECT * ~reminder
    )
    no_show = rng.random(n_samples) < _sigmoid(logit)

    return pd.DataFrame({
        "appointment_id": [f"A-{i:04d}" for i in range(1, n_samples + 1)],
        "age_band": age_name,
        "weekday": weekday.astype(int),
        "hour": hour.astype(int),
        "days_ahead": days_ahead.astype(int),
        "earlier_no_shows": earlier.astype(int),
        "reminder_sent": reminder.astype(bool),
        "no_show": no_show.astype(bool),
    })
