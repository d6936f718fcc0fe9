"""make_webshop_customers: shapes, same seed same data, and segments that k-means can find."""

import numpy as np
import pandas as pd
import pytest
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score
from sklearn.preprocessing import StandardScaler

from smeai.datasets.webshop import PROVINCES, SEGMENTS, make_webshop_customers

RFM = ["recency_days", "orders", "monetary_eur"]


def kmeans_labels(values, k=4):
    return KMeans(n_clusters=k, n_init=10, random_state=0).fit_predict(values)


def test_shape_columns_types_and_ranges():
    customers = make_webshop_customers(n_samples=300, random_state=0)
    assert customers.shape == (300, 6)
    assert list(customers.columns) == ["customer_id", "recency_days", *RFM[1:], "province", "newsletter"]
    assert customers.customer_id.is_unique and customers.customer_id.iloc[0] == "K0001"
    assert customers.recency_days.dtype.kind == "i" and customers.recency_days.between(0, 730).all()
    assert customers.orders.dtype.kind == "i" and (customers.orders >= 1).all()
    assert customers.monetary_eur.dtype.kind == "f" and (customers.monetary_eur > 0).all()
    assert (customers.monetary_eur.round(2) == customers.monetary_eur).all()  # whole cents
    assert set(customers.province) <= {name for name, _ in PROVINCES}
    assert customers.newsletter.dtype == bool
    assert not customers.isna().any().any()


def test_default_size_and_segment_shares():
    customers, segments = make_webshop_customers(return_segments=True, random_state=1)
    assert len(customers) == len(segments) == 400
    assert segments.index.equals(customers.index) and segments.name == "segment"
    assert segments.value_counts().to_dict() == {"bargain": 120, "new": 100, "sleeping": 100, "loyal": 80}
    assert set(segments) == set(SEGMENTS)


def test_weights_set_the_shares_and_always_add_up_to_n_samples():
    _, segments = make_webshop_customers(n_samples=101, weights=[1, 1, 1, 0], return_segments=True, random_state=0)
    counts = segments.value_counts()
    assert len(segments) == 101 and "bargain" not in counts and sorted(counts) == [33, 34, 34]
    _, one = make_webshop_customers(n_samples=1, return_segments=True, random_state=0)
    assert len(one) == 1


def test_same_seed_same_data_other_seed_other_data():
    a = make_webshop_customers(random_state=3)
    assert a.equals(make_webshop_customers(random_state=3))
    assert not a.equals(make_webshop_customers(random_state=4))
    rng_a, rng_b = np.random.default_rng(5), np.random.default_rng(5)
    assert make_webshop_customers(random_state=rng_a).equals(make_webshop_customers(random_state=rng_b))
    # asking for the segments does not change the customers
    with_segments, _ = make_webshop_customers(return_segments=True, random_state=3)
    assert with_segments.equals(a)


def test_each_kind_of_customer_has_its_own_pattern():
    customers, segments = make_webshop_customers(n_samples=2000, return_segments=True, random_state=0)
    means = customers.assign(segment=segments, per_order=customers.monetary_eur / customers.orders).groupby("segment").mean(numeric_only=True)
    loyal, new, sleeping, bargain = (means.loc[s] for s in SEGMENTS)
    assert loyal.monetary_eur > 3 * max(new.monetary_eur, sleeping.monetary_eur, bargain.monetary_eur)
    assert loyal.orders > bargain.orders > sleeping.orders > new.orders
    assert new.orders < 1.5 and loyal.recency_days < 40 and new.recency_days < 40
    assert sleeping.recency_days > 365
    assert bargain.per_order < 0.5 * min(loyal.per_order, new.per_order, sleeping.per_order)
    newsletter = customers.newsletter.groupby(segments).mean()
    assert newsletter["loyal"] > newsletter["sleeping"] + 0.2
    provinces = customers.province.value_counts(normalize=True)
    assert provinces.index[0] == "Overijssel" and provinces["Overijssel"] > 0.25  # the shop is in Deventer


@pytest.mark.parametrize("seed", range(6))
def test_kmeans_with_four_groups_on_scaled_rfm_finds_the_segments(seed):
    customers, segments = make_webshop_customers(return_segments=True, random_state=seed)
    scaled = StandardScaler().fit_transform(customers[RFM])
    assert adjusted_rand_score(segments, kmeans_labels(scaled)) >= 0.8


def test_without_scaling_the_euros_and_days_decide_and_the_segments_are_lost():
    customers, segments = make_webshop_customers(return_segments=True, random_state=0)
    raw = customers[RFM].to_numpy(dtype=float)
    unscaled = kmeans_labels(raw)
    scaled = kmeans_labels(StandardScaler().fit_transform(raw))
    assert adjusted_rand_score(segments, unscaled) < adjusted_rand_score(segments, scaled) - 0.2
    # the number of orders hardly counts without scaling: leaving it out changes nothing
    assert adjusted_rand_score(unscaled, kmeans_labels(raw[:, [0, 2]])) > 0.95


def test_more_spread_blurs_the_segments():
    scores = []
    for spread in (1.0, 2.5):
        customers, segments = make_webshop_customers(spread=spread, return_segments=True, random_state=2)
        scores.append(adjusted_rand_score(segments, kmeans_labels(StandardScaler().fit_transform(customers[RFM]))))
    assert scores[1] < scores[0] - 0.2


@pytest.mark.parametrize(
    "kwargs",
    [
        {"n_samples": 0}, {"n_samples": 2.5}, {"n_samples": True}, {"spread": 0}, {"spread": -1},
        {"spread": "wide"}, {"weights": [1, 2]}, {"weights": [0, 0, 0, 0]}, {"weights": [1, -1, 1, 1]},
        {"weights": "even"}, {"weights": [1, np.nan, 1, 1]}, {"random_state": "seed"},
    ],
)
def test_bad_options_are_refused(kwargs):
    with pytest.raises(ValueError):
        make_webshop_customers(**kwargs)


def test_returns_a_plain_dataframe_without_the_hidden_segments():
    customers = make_webshop_customers(n_samples=10, random_state=0)
    assert isinstance(customers, pd.DataFrame) and "segment" not in customers.columns
