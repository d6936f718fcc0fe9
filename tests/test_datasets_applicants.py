"""make_applicants: shapes, the same seed gives the same data, and the unfairness module 08 measures."""

import numpy as np
import pytest

from smeai.datasets.applicants import FEATURES, make_applicants

COLUMNS = ["experience_years", "diploma_level", "test_score", "postcode_area", "group", "suitable", "invited"]


def selection_ratio(invited, group) -> float:
    rates = {g: invited[group == g].mean() for g in ("A", "B")}
    return min(rates.values()) / max(rates.values())


def test_shape_columns_types_and_ranges():
    data = make_applicants(n_samples=300, random_state=0)
    assert data.shape == (300, 7)
    assert list(data.columns) == COLUMNS
    assert set(FEATURES) <= set(data.columns) and "group" not in FEATURES
    assert data.experience_years.between(0, 20).all()
    assert set(data.diploma_level) <= {2, 3, 4}
    assert data.test_score.between(0, 100).all() and data.test_score.dtype.kind == "i"
    assert set(data.postcode_area) == {1, 2, 3, 4}
    assert set(data.group) == {"A", "B"}
    assert data.suitable.dtype == bool and data.invited.dtype == bool
    assert len(make_applicants(n_samples=1, random_state=0)) == 1


def test_same_seed_same_data_other_seed_other_data():
    assert make_applicants(random_state=3).equals(make_applicants(random_state=3))
    assert not make_applicants(random_state=3).equals(make_applicants(random_state=4))
    rng = np.random.default_rng(5)
    first = make_applicants(n_samples=50, random_state=rng)
    assert not first.equals(make_applicants(n_samples=50, random_state=rng))  # the generator moved on


def test_both_groups_are_equally_qualified_and_equally_suitable():
    data = make_applicants(n_samples=20000, random_state=1)
    a, b = data[data.group == "A"], data[data.group == "B"]
    assert 0.37 <= (data.group == "B").mean() <= 0.43
    for column in ("experience_years", "diploma_level", "test_score"):
        assert abs(a[column].mean() - b[column].mean()) < 0.05 * data[column].std()
    assert abs(a.suitable.mean() - b.suitable.mean()) < 0.02
    assert 0.4 <= data.suitable.mean() <= 0.6


def test_past_decisions_are_biased_against_group_b_and_the_bias_is_measurable():
    data = make_applicants(n_samples=20000, random_state=2)
    rates = data.groupby("group").invited.mean()
    assert rates["B"] < 0.5 * rates["A"]  # far below the four-fifths rule of thumb
    assert selection_ratio(data.invited, data.group) < 0.4
    # among equally suitable applicants, group B was still invited less often
    fit = data[data.suitable]
    assert fit[fit.group == "B"].invited.mean() < 0.5 * fit[fit.group == "A"].invited.mean()


def test_without_bias_the_past_decisions_treat_both_groups_alike():
    data = make_applicants(n_samples=20000, bias=0.0, random_state=2)
    assert selection_ratio(data.invited, data.group) > 0.95


def test_the_postcode_area_is_a_proxy_for_the_group_and_nothing_else():
    data = make_applicants(n_samples=20000, random_state=3)
    share_b = data.groupby("postcode_area").group.apply(lambda g: (g == "B").mean())
    assert share_b[[3, 4]].min() > 0.7 and share_b[[1, 2]].max() < 0.12
    # within one group, the area says nothing about suitability
    for group in ("A", "B"):
        members = data[data.group == group]
        by_area = members.groupby("postcode_area").suitable.mean()
        assert by_area.max() - by_area.min() < 0.1  # sampling noise only
    # with proxy_strength=0 everyone lives everywhere alike
    flat = make_applicants(n_samples=20000, proxy_strength=0.0, random_state=3)
    flat_share = flat.groupby("postcode_area").group.apply(lambda g: (g == "B").mean())
    assert flat_share.max() - flat_share.min() < 0.04


def _model_ratio(train, test, columns, threshold=0.5):
    from sklearn.compose import make_column_transformer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import OneHotEncoder, StandardScaler

    numeric = [c for c in columns if c != "postcode_area"]
    parts = [(StandardScaler(), numeric)] + ([(OneHotEncoder(), ["postcode_area"])] if "postcode_area" in columns else [])
    model = make_pipeline(make_column_transformer(*parts), LogisticRegression()).fit(train[columns], train.invited)
    invited = model.predict_proba(test[columns])[:, 1] >= threshold
    return selection_ratio(invited, test.group.to_numpy())


def test_a_model_learns_the_bias_through_the_proxy_and_removing_the_proxy_reduces_it():
    train = make_applicants(n_samples=4000, random_state=10)
    test = make_applicants(n_samples=4000, random_state=11)
    qualities = ["experience_years", "diploma_level", "test_score"]
    for threshold in (0.3, 0.5):
        with_proxy = _model_ratio(train, test, qualities + ["postcode_area"], threshold)
        without_proxy = _model_ratio(train, test, qualities, threshold)
        assert with_proxy < 0.7, threshold  # the model never saw the group, and still fails 4/5
        assert without_proxy > 0.85, threshold
        assert without_proxy - with_proxy > 0.25, threshold


def test_when_the_area_is_no_proxy_leaving_it_in_does_not_create_bias():
    train = make_applicants(n_samples=4000, proxy_strength=0.0, random_state=12)
    test = make_applicants(n_samples=4000, proxy_strength=0.0, random_state=13)
    columns = ["experience_years", "diploma_level", "test_score", "postcode_area"]
    assert _model_ratio(train, test, columns, 0.4) > 0.85


@pytest.mark.parametrize("kwargs", [
    {"n_samples": 0}, {"n_samples": 2.5}, {"n_samples": True}, {"group_b_share": 0}, {"group_b_share": 1.2},
    {"bias": -1}, {"bias": "veel"}, {"proxy_strength": 1.5}, {"noise": -0.1}, {"random_state": "seed"},
])
def test_bad_options_are_refused(kwargs):
    with pytest.raises(ValueError):
        make_applicants(**kwargs)
