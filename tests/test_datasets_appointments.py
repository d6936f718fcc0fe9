"""make_appointments: shapes, determinism, and the no-show profile that module 04 teaches."""

import pandas as pd
import pytest

from smeai.datasets.appointments import AGE_BANDS, HOURS, WEEKDAYS, make_appointments

COLUMNS = ["appointment_id", "age_band", "weekday", "hour", "days_ahead", "earlier_no_shows", "reminder_sent", "no_show"]


@pytest.fixture(scope="module")
def many():
    return make_appointments(n_samples=30_000, random_state=0)


def test_shape_columns_types_and_ranges():
    appointments = make_appointments(n_samples=400, random_state=1)
    assert appointments.shape == (400, 8)
    assert list(appointments.columns) == COLUMNS
    assert appointments.no_show.dtype == bool and appointments.reminder_sent.dtype == bool
    assert set(appointments.age_band) <= set(AGE_BANDS)
    assert set(appointments.weekday) <= set(WEEKDAYS) and set(appointments.hour) <= set(HOURS)
    assert appointments.days_ahead.between(0, 90).all()
    assert appointments.earlier_no_shows.between(0, 8).all()
    assert appointments.appointment_id.is_unique
    for column in ("weekday", "hour", "days_ahead", "earlier_no_shows"):
        assert pd.api.types.is_integer_dtype(appointments[column]), column


def test_same_seed_same_data_other_seed_other_data():
    assert make_appointments(n_samples=200, random_state=3).equals(make_appointments(n_samples=200, random_state=3))
    assert not make_appointments(n_samples=200, random_state=3).equals(make_appointments(n_samples=200, random_state=4))
    assert len(make_appointments(random_state=0)) == 1500


def test_about_one_appointment_in_seven_is_missed(many):
    assert 0.11 <= many.no_show.mean() <= 0.19


def test_the_no_show_profile(many):
    rate = lambda mask: many.no_show[mask].mean()  # noqa: E731
    assert rate(~many.reminder_sent) > rate(many.reminder_sent) + 0.08
    earlier = many.groupby(many.earlier_no_shows.clip(upper=3)).no_show.mean()
    assert earlier.is_monotonic_increasing and earlier[2] > 2 * earlier[0]
    assert rate(many.days_ahead > 30) > rate(many.days_ahead <= 7) + 0.08
    weekday = many.groupby("weekday").no_show.mean()
    assert weekday[1] > weekday[[2, 3, 4]].max()
    assert rate(many.hour == 8) > rate(many.hour.between(10, 14)) + 0.03
    friday_late = (many.weekday == 5) & (many.hour >= 15)
    assert rate(friday_late) > rate((many.weekday == 5) & (many.hour < 15))


def test_reminder_share_is_an_option():
    assert make_appointments(n_samples=2000, reminder_share=0.0, random_state=1).reminder_sent.sum() == 0
    assert make_appointments(n_samples=2000, reminder_share=1.0, random_state=1).reminder_sent.all()
    assert 0.65 < make_appointments(n_samples=4000, random_state=1).reminder_sent.mean() < 0.75


def test_age_matters_but_mostly_through_earlier_no_shows(many):
    """Young patients stay away more often; but a model that already knows the earlier no-shows
    gains little from age (what module 04's exercise on leaving age out relies on)."""
    from sklearn.compose import ColumnTransformer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import OneHotEncoder, StandardScaler

    by_age = many.groupby("age_band").no_show.mean()
    assert list(by_age.index) == list(AGE_BANDS) and by_age.is_monotonic_decreasing
    assert by_age["18-30"] > 1.8 * by_age["66+"]
    # young patients also have more earlier no-shows: the habit shows in the history
    assert many.groupby("age_band").earlier_no_shows.mean().is_monotonic_decreasing

    train, test = many.iloc[:20_000], many.iloc[20_000:]
    aucs = {}
    for with_age in (False, True):
        categories = ["weekday", "hour"] + (["age_band"] if with_age else [])
        columns = ColumnTransformer([
            ("c", OneHotEncoder(handle_unknown="ignore"), categories),
            ("n", StandardScaler(), ["days_ahead", "earlier_no_shows", "reminder_sent"]),
        ])
        model = make_pipeline(columns, LogisticRegression(max_iter=1000)).fit(train, train.no_show)
        aucs[with_age] = roc_auc_score(test.no_show, model.predict_proba(test)[:, 1])
    age_only = roc_auc_score(test.no_show, test.age_band.map({b: -i for i, b in enumerate(AGE_BANDS)}))
    assert aucs[False] > 0.7 and age_only > 0.55  # age alone says something ...
    assert 0 <= aucs[True] - aucs[False] < 0.03  # ... but adds little to the rest


@pytest.mark.parametrize("kwargs", [
    {"n_samples": 0}, {"n_samples": 1.5}, {"reminder_share": 1.5}, {"reminder_share": -0.1},
    {"reminder_share": "half"}, {"random_state": "seed"},
])
def test_bad_options_are_refused(kwargs):
    with pytest.raises(ValueError):
        make_appointments(**kwargs)
