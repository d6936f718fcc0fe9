"""make_product_images: shapes, same seed same data, and the patterns module 07 teaches."""

import numpy as np
import pytest

from smeai.datasets.images import DEFECTS, LABELS, make_product_images


def test_shapes_ranges_and_labels():
    images, labels = make_product_images(n_samples=50, random_state=0)
    assert images.shape == (50, 24, 24) and labels.shape == (50,)
    assert images.dtype == float and images.min() >= 0 and images.max() <= 1
    assert set(labels) <= set(LABELS) and LABELS[0] == "ok"
    small, _ = make_product_images(n_samples=3, image_size=16, random_state=0)
    assert small.shape == (3, 16, 16)


def test_defect_rate_is_the_share_of_defects_spread_over_the_kinds():
    _, labels = make_product_images(n_samples=400, defect_rate=0.4, random_state=1)
    assert (labels != "ok").sum() == 160
    assert all((labels == kind).sum() == 40 for kind in DEFECTS)
    _, none = make_product_images(n_samples=20, defect_rate=0.0, random_state=1)
    assert set(none) == {"ok"}


def test_same_seed_same_data_other_seed_other_data():
    a, la = make_product_images(n_samples=20, random_state=3)
    b, lb = make_product_images(n_samples=20, random_state=3)
    c, _ = make_product_images(n_samples=20, random_state=4)
    assert np.array_equal(a, b) and np.array_equal(la, lb)
    assert not np.array_equal(a, c)
    rng = np.random.default_rng(5)
    assert make_product_images(n_samples=2, random_state=rng)[0].shape == (2, 24, 24)


def test_each_defect_leaves_its_mark_on_the_pixels():
    """The pattern the model learns: defects darken the ring, a missing hole leaves the middle light."""
    images, labels = make_product_images(n_samples=600, noise=0.0, random_state=2)
    middle = images[:, 10:14, 10:14].mean(axis=(1, 2))
    # no hole: the middle is metal, as light as the ring; with a hole it is dark background
    assert middle[labels == "missing_hole"].min() > middle[labels == "ok"].max()
    # darkest spot on the ring, relative to the ring's own brightness
    yy, xx = np.mgrid[0:24, 0:24] + 0.5
    ring = (np.hypot(xx - 12, yy - 12) > 5.5) & (np.hypot(xx - 12, yy - 12) < 8)
    darkest = np.array([np.quantile(img[ring], 0.02) / np.median(img[ring]) for img in images])
    for kind in ("scratch", "crack", "stain"):
        assert np.median(darkest[labels == kind]) < np.median(darkest[labels == "ok"]) - 0.1, kind


def test_the_kinds_can_be_learned_by_a_simple_model():
    """Defects are learnable, but not perfectly: the faint ones are where a model errs."""
    from sklearn.svm import SVC

    from smeai.modules.m07.model import ring_features

    images, labels = make_product_images(n_samples=600, random_state=11)
    features = ring_features(images)
    mean, spread = features[:400].mean(axis=0), features[:400].std(axis=0) + 1e-9
    model = SVC(C=10).fit((features[:400] - mean) / spread, labels[:400])
    accuracy = (model.predict((features[400:] - mean) / spread) == labels[400:]).mean()
    always_ok = (labels[400:] == "ok").mean()
    assert accuracy > always_ok + 0.2  # far better than calling everything good
    assert 0.8 < accuracy < 1.0  # and still not perfect


@pytest.mark.parametrize(
    "kwargs",
    [{"n_samples": 0}, {"n_samples": 2.5}, {"n_samples": True}, {"image_size": 8}, {"image_size": 24.0},
     {"defect_rate": 1.5}, {"noise": -0.1}, {"random_state": "seed"}],
)
def test_bad_options_are_refused(kwargs):
    with pytest.raises(ValueError):
        make_product_images(**kwargs)
