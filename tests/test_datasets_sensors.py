"""make_machine_sensors: shapes, same seed same data, and breakdowns that announce themselves."""

import numpy as np
import pytest

from smeai.datasets.sensors import CAUSES, SENSORS, make_machine_sensors


def test_shape_columns_and_ranges():
    data = make_machine_sensors(n_days=60, n_failures=3, random_state=0)
    assert data.shape == (60 * 24, 6)
    assert list(data.columns) == ["time", *SENSORS, "failure", "cause"]
    assert data.time.is_monotonic_increasing and (data.time.diff().dropna() == data.time.iloc[1] - data.time.iloc[0]).all()
    assert data.failure.dtype == bool and int(data.failure.sum()) == 3
    assert set(data.cause[data.failure]) <= set(CAUSES) and set(data.cause[~data.failure]) == {""}
    assert data.vibration_mm_s.between(1, 12).all()
    assert data.temperature_c.between(25, 75).all()
    assert data.current_a.between(7, 20).all()


def test_same_seed_same_data_other_seed_other_data():
    assert make_machine_sensors(random_state=3).equals(make_machine_sensors(random_state=3))
    assert not make_machine_sensors(random_state=3).equals(make_machine_sensors(random_state=4))


def test_failures_fall_after_three_weeks_and_ten_days_apart():
    for seed in range(5):
        hours = np.flatnonzero(make_machine_sensors(n_days=90, n_failures=6, random_state=seed).failure)
        assert len(hours) == 6 and hours[0] >= 21 * 24
        assert np.diff(hours).min() >= 10 * 24


def _drift(data, hour):
    """How far the half day before a breakdown lies above the two weeks before it, per sensor,
    in standard deviations of those two weeks."""
    before = data.iloc[hour - 12:hour]
    baseline = data.iloc[hour - 16 * 24:hour - 2 * 24]
    return {s: (before[s].mean() - baseline[s].mean()) / baseline[s].std() for s in SENSORS}


def test_breakdowns_are_preceded_by_drift_on_the_sensor_of_their_cause():
    drifts = []
    for seed in range(6):
        data = make_machine_sensors(n_days=120, n_failures=5, sudden_share=0.0, random_state=seed)
        for hour in np.flatnonzero(data.failure):
            drift = _drift(data, hour)
            own = drift["vibration_mm_s"] if data.cause[hour] == "bearing" else drift["temperature_c"]
            assert own > 0.75, (seed, hour, drift)  # every breakdown shows on its own sensor
            drifts.append(own)
    assert np.median(drifts) > 2  # and most show clearly


def test_sudden_breakdowns_give_no_warning():
    data = make_machine_sensors(n_days=120, n_failures=5, sudden_share=1.0, busy_days=0, random_state=1)
    drifts = [max(_drift(data, hour).values()) for hour in np.flatnonzero(data.failure)]
    assert max(drifts) < 1.5, drifts


def test_an_anomaly_score_catches_most_breakdowns_with_few_false_alarms():
    """The pattern the alarm explorer relies on: the score rises before a breakdown, and at a
    good alarm level most breakdowns are seen in time while false alarms stay few."""
    from smeai.modules.m07.model import rolling_zscore

    caught = false_alarms = total = 0
    for seed in range(4):
        data = make_machine_sensors(sudden_share=0.0, random_state=seed)
        score = np.nanmax(np.vstack([np.nan_to_num(rolling_zscore(data[s].to_numpy()), nan=-9) for s in SENSORS]), axis=0)
        alarm = score >= 2.5
        failures = np.flatnonzero(data.failure)
        total += len(failures)
        warned = np.zeros(len(data), dtype=bool)
        for hour in failures:
            warned[hour - 7 * 24:hour] = True
            caught += alarm[hour - 7 * 24:hour].any()
        false_alarms += (alarm & ~warned).sum() / 24  # alarm-days outside the warning windows
    assert caught / total >= 0.75
    assert false_alarms / 4 < 8  # fewer than 8 alarm-days per half year outside the windows


@pytest.mark.parametrize(
    "kwargs",
    [{"n_days": 10}, {"n_days": 40.5}, {"n_failures": -1}, {"n_days": 40, "n_failures": 5},
     {"warning_days": (3, 1)}, {"warning_days": (0, 2)}, {"sudden_share": 2}, {"busy_days": -1},
     {"random_state": "seed"}],
)
def test_bad_options_are_refused(kwargs):
    with pytest.raises(ValueError):
        make_machine_sensors(**kwargs)
