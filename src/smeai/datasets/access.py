"""Module 07: badge events at the doors of a small company, with a few unusual ones."""

from __future__ import annotations

from ._random import check_option, check_random_state

DOORS = ("main_entrance", "office", "workshop", "warehouse", "server_room")
UNUSUAL_KINDS = ("night", "refused_series", "weekend_server_room")

# per role: share of the staff, the doors its people use (with weights), and when they arrive
_ROLES = {
    "office": {"share": 0.45, "doors": {"office": 0.9, "warehouse": 0.1}},
    "production": {"share": 0.40, "doors": {"workshop": 0.7, "warehouse": 0.3}},
    "it": {"share": 0.05, "doors": {"office": 0.6, "server_room": 0.4}},
    "cleaning": {"share": 0.10, "doors": {"office": 0.5, "workshop": 0.5}},
}


def make_access_events(
    n_days: int = 28,
    *,
    n_employees: int = 40,
    n_unusual: int = 6,
    start: str = "2024-03-04",
    random_state=None,
):
    """Badge events at the doors of a metal company in Helmond over ``n_days`` days.

    Everyone enters with a personal badge. Each badge is a code (``B001``, ``B002``, ...), not a
    name: that is already a privacy measure. Staff come in through the main entrance and then
    open the doors of their own work: office staff the office, production staff the workshop and
    the warehouse (in an early or a late shift), the two IT people also the server room, and the
    cleaners come in the early evening. A badge that is not allowed through a door is refused
    (``granted`` is False); that happens now and then by mistake.

    ``n_unusual`` incidents are mixed in, marked in the column ``unusual`` (in real life nobody
    knows this; here it lets us check a model):

    - ``"night"``: a badge enters between 00:30 and 04:30;
    - ``"refused_series"``: a badge is refused at the server room three to five times in a few minutes;
    - ``"weekend_server_room"``: a badge that never goes there enters the server room at the weekend.

    Parameters
    ----------
    n_days : int, default=28
        Number of days, starting on ``start``. At least 7.
    n_employees : int, default=40
        Number of staff with a badge. At least 10.
    n_unusual : int, default=6
        Number of unusual incidents (an incident can be several events).
    start : str, default="2024-03-04"
        The first day (a Monday in the default).
    random_state : None, int or numpy.random.Generator, default=None
        Seed for reproducible data.

    Returns
    -------
    pandas.DataFrame
        One row per badge event, sorted by time: ``time`` (Timestamp), ``badge`` (str),
        ``door`` (one of ``DOORS``), ``granted`` (bool), ``unusual`` (bool) and ``incident``
        (the kind of incident, one of ``UNUSUAL_KINDS``, or ``""``).

    Examples
    --------
    >>> from smeai.datasets.access import make_access_events
    >>> events = make_access_events(n_days=7, n_employees=12, random_state=0)
    >>> list(events.columns)
    ['time', 'badge', 'door', 'granted', 'unusual', 'incident']
    >>> bool(events.unusual.any())
    True
    """
    import pandas as pd

    n_days = check_option(n_days, "n_days", whole=True, low=7)
    n_employees = check_option(n_employees, "n_employees", whole=True, low=10)
    n_unusual = check_option(n_unusual, "n_unusual", whole=True, low=0, high=n_days)
    rng = check_random_state(random_state)
    first = pd.Timestamp(start).normalize()

    roles = _assign_roles(rng, n_employees)
    badges = [f"B{k + 1:03d}" for k in range(n_employees)]
    rows = []  # (minutes since the first day, badge, door, granted, incident)

    for day in range(n_days):
        weekday = (first + pd.Timedelta(days=day)).day_of_week
        for badge, role in zip(badges, roles):
            if weekday >= 5:
                # the weekend: now and then production works a Saturday morning
                if not (role == "production" and weekday == 5 and rng.random() < 0.35):
                    continue
                arrive = 7 * 60 + rng.normal(0, 15)
                length = 4 * 60
            elif rng.random() < 0.08:  # ill, on leave, working elsewhere
                continue
            elif role == "production":
                shift = 6 if int(badge[1:]) % 2 == 0 else 14
                arrive = shift * 60 - 10 + rng.normal(0, 8)
                length = 8 * 60
            elif role == "cleaning":
                arrive = 18 * 60 + rng.normal(0, 15)
                length = 2.5 * 60
            else:
                arrive = 8 * 60 + rng.normal(15, 35)
                length = 8.5 * 60
            base = day * 24 * 60
            rows.append((base + arrive, badge, "main_entrance", True, ""))
            doors = _ROLES[role]["doors"]
            for _ in range(int(rng.integers(1, 4))):
                door = rng.choice(list(doors), p=list(doors.values()))
                at = arrive + rng.uniform(5, length - 10)
                rows.append((base + at, badge, door, True, ""))
            if rng.random() < 0.004:  # a slip: trying a door the badge does not open
                rows.append((base + arrive + rng.uniform(30, length - 30), badge, "server_room", role == "it", ""))

    rows.extend(_unusual(rng, n_unusual, n_days, first, badges, roles))
    frame = pd.DataFrame(rows, columns=["minute", "badge", "door", "granted", "incident"])
    frame["time"] = first + pd.to_timedelta(frame.minute.round(), unit="min")
    frame["unusual"] = frame.incident != ""
    frame = frame.sort_values(["time", "badge"], kind="stable").reset_index(drop=True)
    return frame[["time", "badge", "door", "granted", "unusual", "incident"]]


def _assign_roles(rng, n):
    names = list(_ROLES)
    counts = [max(1, int(round(_ROLES[name]["share"] * n))) for name in names]
    counts[0] += n - sum(counts)  # whatever is left over works in the office
    roles = [name for name, count in zip(names, counts) for _ in range(count)]
    return [roles[i] for i in rng.permutation(n)]


def _unusual(rng, n_unusual, n_days, first, badges, roles):
    import pandas as pd

    rows = []
    weekdays = [d for d in range(n_days) if (first + pd.Timedelta(days=d)).day_of_week < 5]
    weekends = [d for d in range(n_days) if (first + pd.Timedelta(days=d)).day_of_week >= 5] or weekdays
    outsiders = [b for b, r in zip(badges, roles) if r != "it"]
    chosen = rng.permutation(len(outsiders))  # a different badge for each incident, while they last
    for k in range(n_unusual):
        kind = UNUSUAL_KINDS[k % len(UNUSUAL_KINDS)]
        badge = outsiders[int(chosen[k % len(chosen)])]
        if kind == "night":
            day = int(rng.integers(n_days))
            at = day * 1440 + rng.uniform(30, 270)
            rows.append((at, badge, "main_entrance", True, kind))
            rows.append((at + rng.uniform(2, 6), badge, "warehouse", True, kind))
        elif kind == "refused_series":
            day = weekdays[int(rng.integers(len(weekdays)))]
            at = day * 1440 + rng.uniform(10, 16) * 60
            for attempt in range(int(rng.integers(3, 6))):
                rows.append((at + attempt * rng.uniform(0.5, 1.5), badge, "server_room", False, kind))
        else:
            day = weekends[int(rng.integers(len(weekends)))]
            at = day * 1440 + rng.uniform(9, 20) * 60
            rows.append((at, badge, "main_entrance", True, kind))
            rows.append((at + rng.uniform(2, 8), badge, "server_room", True, kind))
    return rows
