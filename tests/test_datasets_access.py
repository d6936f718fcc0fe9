"""make_access_events: shapes, same seed same data, and unusual events that stand out."""

import pytest

from smeai.datasets.access import DOORS, UNUSUAL_KINDS, make_access_events


def test_columns_types_and_order():
    events = make_access_events(n_days=14, n_employees=20, random_state=0)
    assert list(events.columns) == ["time", "badge", "door", "granted", "unusual", "incident"]
    assert events.time.is_monotonic_increasing
    assert set(events.door) <= set(DOORS)
    assert events.granted.dtype == bool and events.unusual.dtype == bool
    assert events.badge.str.fullmatch(r"B\d{3}").all()  # codes, not names
    assert events.badge.nunique() <= 20
    assert set(events.incident[events.unusual]) <= set(UNUSUAL_KINDS)
    assert (events.incident[~events.unusual] == "").all()


def test_same_seed_same_data_other_seed_other_data():
    assert make_access_events(random_state=3).equals(make_access_events(random_state=3))
    assert not make_access_events(random_state=3).equals(make_access_events(random_state=4))


def test_every_kind_of_incident_is_there_and_none_without_asking():
    events = make_access_events(n_unusual=6, random_state=1)
    assert set(events.incident[events.unusual]) == set(UNUSUAL_KINDS)
    assert events.groupby("incident").badge.nunique().drop("").sum() == 6  # one badge per incident
    assert not make_access_events(n_unusual=0, random_state=1).unusual.any()


def test_normal_days_look_like_a_working_company():
    events = make_access_events(n_unusual=0, random_state=2)
    hour = events.time.dt.hour
    assert hour.between(5, 22).all()  # nobody comes at night
    weekend = events.time.dt.day_of_week >= 5
    assert weekend.mean() < 0.05  # hardly anyone at the weekend
    assert (~events.granted).mean() < 0.01  # a refused door is a rare slip
    assert events.door.value_counts().idxmax() == "main_entrance"


def test_unusual_events_stand_out():
    """What the badge-event exercise relies on: incidents differ from normal events in ways a
    model can see (night, a series of refusals, the server room at the weekend)."""
    for seed in range(3):
        events = make_access_events(random_state=seed)
        normal, odd = events[~events.unusual], events[events.unusual]
        night = odd[odd.incident == "night"]
        assert (night.time.dt.hour < 5).all() and not (normal.time.dt.hour < 5).any()
        series = odd[odd.incident == "refused_series"]
        assert (~series.granted).all() and (series.door == "server_room").all()
        assert series.groupby("badge").size().min() >= 3
        weekend = odd[odd.incident == "weekend_server_room"]
        assert (weekend.time.dt.day_of_week >= 5).all() and (weekend.door == "server_room").any()


@pytest.mark.parametrize(
    "kwargs",
    [{"n_days": 3}, {"n_days": 7.5}, {"n_employees": 5}, {"n_unusual": -1}, {"n_unusual": 40},
     {"random_state": "seed"}],
)
def test_bad_options_are_refused(kwargs):
    with pytest.raises(ValueError):
        make_access_events(**kwargs)
