import numpy as np
import pytest

from smeai.datasets import check_random_state, make_apples


def test_shape_columns_and_ranges():
    apples = make_apples(n_samples=200, random_state=0)
    assert apples.shape == (200, 3)
    assert list(apples.columns) == ["size_mm", "redness_pct", "class1"]
    assert apples.size_mm.between(55, 90).all() and apples.redness_pct.between(0, 100).all()
    assert apples.class1.dtype == bool


def test_same_seed_same_data_other_seed_other_data():
    assert make_apples(random_state=3).equals(make_apples(random_state=3))
    assert not make_apples(random_state=3).equals(make_apples(random_state=4))
    rng = np.random.default_rng(5)
    assert check_random_state(rng) is rng


def test_the_pattern_module_01_teaches_is_there_under_noise():
    apples = make_apples(n_samples=2000, label_noise=0.05, random_state=0)
    rule = (apples.size_mm >= 70) & (apples.redness_pct >= 45)
    agreement = (rule == apples.class1).mean()
    assert 0.93 <= agreement <= 0.97  # the expert's rule, apart from about 5 % slips
    size_only = max(((apples.size_mm >= mm) == apples.class1).mean() for mm in range(55, 90))
    assert size_only < agreement - 0.1  # one measurement alone is clearly worse


@pytest.mark.parametrize("kwargs", [{"n_samples": 0}, {"n_samples": 2.5}, {"label_noise": 0.7}, {"random_state": "seed"}])
def test_bad_options_are_refused(kwargs):
    with pytest.raises(ValueError):
        make_apples(**kwargs)
