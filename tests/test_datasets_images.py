"""make_product_images: shapes, same seed same data, visible defects, and the patterns module 07 teaches."""

import doctest

import numpy as np
import pytest
from scipy import ndimage

from smeai.datasets import images as images_module
from smeai.datasets.images import DEFECTS, LABELS, make_product_images

SIZE = 64  # the size module 07 shows


def test_shapes_ranges_and_labels():
    images, labels = make_product_images(n_samples=50, random_state=0)
    assert images.shape == (50, SIZE, SIZE) and labels.shape == (50,)
    assert images.dtype == float and images.min() >= 0 and images.max() <= 1
    assert set(labels) <= set(LABELS) and LABELS[0] == "ok"
    for size in (16, 24, 96, 128):  # the drawing scales with the size
        small, _ = make_product_images(n_samples=3, image_size=size, random_state=0)
        assert small.shape == (3, size, size)


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
    rng_a, rng_b = np.random.default_rng(5), np.random.default_rng(5)
    assert np.array_equal(make_product_images(n_samples=4, random_state=rng_a)[0], make_product_images(n_samples=4, random_state=rng_b)[0])


def _washer_and_belt(picture):
    """Pixels of the washer's steel and of the belt, told apart by brightness."""
    steel = picture > (np.quantile(picture, 0.02) + np.quantile(picture, 0.98)) / 2
    return steel, ~steel


def test_a_picture_shows_a_light_washer_with_a_hole_on_a_darker_belt():
    images, labels = make_product_images(n_samples=40, defect_rate=0, noise=0.0, random_state=6)
    for picture in images:
        steel, belt = _washer_and_belt(picture)
        assert 0.3 < steel.mean() < 0.65  # the washer fills about half the picture
        assert np.median(picture[steel]) - np.median(picture[belt]) > 0.3
        middle = picture[SIZE // 2 - 3: SIZE // 2 + 3, SIZE // 2 - 3: SIZE // 2 + 3]
        assert middle.mean() < np.median(picture[steel]) - 0.25  # the belt shows through the hole
        assert picture[belt].std() > 0.01 and picture[steel].std() > 0.01  # texture and light, not flat grey


def _disc(picture):
    """The round outline of the washer (hole included), from where its bright steel lies, plus a pixel."""
    steel = ndimage.binary_fill_holes(picture > np.quantile(picture, 0.1) + 0.1)  # all of the steel, also its shaded side
    cy, cx = ndimage.center_of_mass(steel)
    yy, xx = np.mgrid[0:picture.shape[0], 0:picture.shape[1]] + 0.5
    return np.hypot(yy - cy, xx - cx) < np.sqrt(steel.sum() / np.pi) + 1.5


def _same_washer(label, seed, size=SIZE):
    """The same washer (same place, light and belt), without and with a defect, without camera noise."""
    yy, xx = np.mgrid[0:size, 0:size].astype(float) + 0.5
    good = images_module._picture(np.random.default_rng(seed), "ok", xx, yy, size, 0.0)
    bad = images_module._picture(np.random.default_rng(seed), label, xx, yy, size, 0.0)
    return good, bad


@pytest.mark.parametrize("label", DEFECTS)
def test_each_defect_is_visible_on_the_washer_and_only_there(label):
    strongest, areas = [], []
    for seed in range(30):
        good, bad = _same_washer(label, seed)
        changed = np.abs(bad - good) > 0.05
        assert changed.any(), (label, seed)  # even a faint defect changes the picture
        washer = _disc(good)
        assert not (changed & ~washer).any(), (label, seed)  # on the washer, never on the belt
        strongest.append(np.abs(bad - good).max())
        areas.append(changed.mean())
    assert np.median(strongest) > 0.2, label  # most defects are plain to see ...
    assert max(areas) < 0.2, label  # ... in one place of the washer, not all over it
    if label != "missing_hole":
        darker = [(_same_washer(label, seed)[1] - _same_washer(label, seed)[0]).min() for seed in range(5)]
        assert max(darker) < -0.05  # scratches, cracks and stains are darker than the steel


def test_a_missing_hole_leaves_the_middle_steel():
    images, labels = make_product_images(n_samples=300, noise=0.0, random_state=2)
    c = SIZE // 2
    middle = images[:, c - 3: c + 3, c - 3: c + 3].mean(axis=(1, 2))
    assert middle[labels == "missing_hole"].min() > middle[labels != "missing_hole"].max() + 0.15


def test_module_07s_features_tell_good_from_defective_and_the_kinds_apart():
    """Defects are learnable from the pictures with the module's own features, but not perfectly."""
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler
    from sklearn.svm import SVC

    from smeai.modules.m07.model import ring_features

    images, labels = make_product_images(n_samples=600, random_state=11)
    features = ring_features(images)
    model = make_pipeline(StandardScaler(), SVC(C=10)).fit(features[:400], labels[:400])
    predicted, truth = model.predict(features[400:]), labels[400:]
    accuracy = (predicted == truth).mean()
    good_or_not = ((predicted == "ok") == (truth == "ok")).mean()
    assert accuracy > (truth == "ok").mean() + 0.2  # far better than calling everything good
    assert 0.85 < accuracy < 1.0  # and still not perfect: the faint defects
    assert good_or_not > 0.9
    # a model that saw only good washers' noise cannot do this: shuffled labels learn nothing
    shuffled = np.random.default_rng(0).permutation(labels[:400])
    chance = make_pipeline(StandardScaler(), SVC(C=10)).fit(features[:400], shuffled).predict(features[400:])
    assert (chance == truth).mean() < accuracy - 0.2


@pytest.mark.parametrize(
    "kwargs",
    [{"n_samples": 0}, {"n_samples": 2.5}, {"n_samples": True}, {"image_size": 8}, {"image_size": 24.0},
     {"image_size": 256}, {"defect_rate": 1.5}, {"noise": -0.1}, {"random_state": "seed"}],
)
def test_bad_options_are_refused(kwargs):
    with pytest.raises(ValueError):
        make_product_images(**kwargs)


def test_docstring_examples_run():
    assert doctest.testmod(images_module).failed == 0
