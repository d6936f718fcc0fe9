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


# One way to refuse a bad option, for every generator (check_scalar's contract, without importing
# scikit-learn): smeai.datasets._random.check_option. The first bad value of each generator is a bool where a
# number belongs, the second is out of range.
_BAD_OPTIONS = {
    "make_access_events": [{"n_days": True}, {"n_employees": 3}],
    "make_apples": [{"n_samples": True}, {"label_noise": float("nan")}],
    "make_applicants": [{"n_samples": True}, {"group_b_share": 1.0}],
    "make_appointments": [{"n_samples": True}, {"reminder_share": 1.5}],
    "make_bakery_sales": [{"noise": True}, {"noise": 1.0}],
    "make_emails": [{"n_samples": True}, {"typo_rate": 0.5}],
    "make_greenhouse": [{"n_years": True}, {"noise": -0.1}],
    "make_product_images": [{"n_samples": True}, {"image_size": 8}],
    "make_invoices": [{"n_samples": True}, {"n_customers": 0}],
    "make_machine_sensors": [{"n_days": True}, {"n_failures": -1}],
    "make_webshop_customers": [{"n_samples": True}, {"spread": 0}],
}


def test_every_generator_is_covered_by_the_option_check():
    import smeai.datasets as datasets

    assert sorted(_BAD_OPTIONS) == sorted(name for name in datasets.__all__ if name.startswith("make_"))


@pytest.mark.parametrize("name, options", [(n, o) for n, bad in _BAD_OPTIONS.items() for o in bad])
def test_every_generator_refuses_bad_options_one_way(name, options):
    import smeai.datasets as datasets
    from smeai.datasets._random import BadOption

    with pytest.raises(BadOption, match=next(iter(options))) as caught:
        getattr(datasets, name)(**options)
    assert isinstance(caught.value, ValueError) and isinstance(caught.value, TypeError)
