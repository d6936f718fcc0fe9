"""Module 07: camera pictures of washers on a production line, some of them with a defect."""

from __future__ import annotations

import numpy as np

from ._random import check_option, check_random_state

DEFECTS = ("scratch", "crack", "missing_hole", "stain")
LABELS = ("ok", *DEFECTS)


def make_product_images(
    n_samples: int = 600,
    *,
    image_size: int = 24,
    defect_rate: float = 0.4,
    noise: float = 0.06,
    random_state=None,
):
    """Small grayscale camera pictures of steel washers, as a quality check on the line sees them.

    A metal shop in Helmond punches washers (a flat steel ring with a hole in the middle). A camera
    above the conveyor belt takes a picture of every washer. Most washers are fine (``"ok"``);
    the others have one of four defects:

    - ``"scratch"``: a thin, straight, darker line across the ring;
    - ``"crack"``: a dark, jagged line that runs from the outer edge inwards;
    - ``"missing_hole"``: the hole in the middle was not punched;
    - ``"stain"``: a round dark spot (oil or rust) on the ring.

    Every picture differs a little: the washer lies slightly off-centre, the light is brighter or
    darker and falls from another side, and the camera adds noise. Defects differ in strength,
    so a few are hard to see, even for a person. The kind of defect can be learned from the
    pixels; the faint ones are where a model makes its mistakes.

    Parameters
    ----------
    n_samples : int, default=600
        Number of pictures.
    image_size : int, default=24
        Width and height of each picture in pixels (at least 16).
    defect_rate : float, default=0.4
        Share of washers with a defect, spread evenly over the four kinds.
    noise : float, default=0.06
        Standard deviation of the camera noise (pixel values run from 0 to 1).
    random_state : None, int or numpy.random.Generator, default=None
        Seed for reproducible data.

    Returns
    -------
    images : numpy.ndarray of shape (n_samples, image_size, image_size)
        Brightness per pixel, from 0.0 (black) to 1.0 (white).
    labels : numpy.ndarray of shape (n_samples,)
        ``"ok"`` or the kind of defect (see ``LABELS``), as text.

    Examples
    --------
    >>> from smeai.datasets.images import make_product_images
    >>> images, labels = make_product_images(n_samples=10, random_state=0)
    >>> images.shape
    (10, 24, 24)
    >>> sorted(set(labels)) <= ["crack", "missing_hole", "ok", "scratch", "stain"]
    True
    """
    n_samples = check_option(n_samples, "n_samples", whole=True, low=1)
    image_size = check_option(image_size, "image_size", whole=True, low=16, high=64)
    defect_rate = check_option(defect_rate, "defect_rate", low=0, high=1)
    noise = check_option(noise, "noise", low=0, high=0.5)
    rng = check_random_state(random_state)

    # labels: a fixed share of defects, evenly over the kinds, in random order
    n_defects = int(round(defect_rate * n_samples))
    kinds = np.array([DEFECTS[i % len(DEFECTS)] for i in range(n_defects)] + ["ok"] * (n_samples - n_defects), dtype=object)
    labels = kinds[rng.permutation(n_samples)].astype(str)

    size = int(image_size)
    yy, xx = np.mgrid[0:size, 0:size].astype(float) + 0.5
    images = np.empty((n_samples, size, size))
    for i, label in enumerate(labels):
        images[i] = _washer(rng, label, xx, yy, size, noise)
    return images, labels


def _washer(rng, label, xx, yy, size, noise):
    half = size / 2
    cx, cy = half + rng.uniform(-1.2, 1.2, 2) * size / 24
    outer = half * rng.uniform(0.78, 0.86)
    inner = half * rng.uniform(0.30, 0.36)
    r = np.hypot(xx - cx, yy - cy)
    background = rng.uniform(0.08, 0.18)
    metal = rng.uniform(0.62, 0.80)
    # soft edges: a pixel on the border is partly metal
    ring = np.clip(outer + 0.5 - r, 0, 1)
    hole = np.clip(inner + 0.5 - r, 0, 1)
    if label == "missing_hole":
        # the hole was not punched; a faint punch mark is sometimes visible
        hole = hole * rng.uniform(0.0, 0.35)
    on_metal = ring * (1 - hole)
    # light from one side: a gentle brightness gradient over the ring
    angle = rng.uniform(0, 2 * np.pi)
    light = 1 + rng.uniform(0.05, 0.18) * ((xx - cx) * np.cos(angle) + (yy - cy) * np.sin(angle)) / half
    surface = metal * light
    darken = np.zeros_like(r)
    if label == "scratch":
        # a straight chord across the ring, thin and moderately dark
        theta = rng.uniform(0, np.pi)
        offset = rng.uniform(0.45, 0.7) * outer * rng.choice([-1, 1])
        length = rng.uniform(0.5, 0.9) * outer
        px, py = cx - offset * np.sin(theta), cy + offset * np.cos(theta)
        darken += rng.uniform(0.35, 0.7) * _segment(xx, yy, px, py, theta, length, width=0.55)
    elif label == "crack":
        # a jagged line from the outer edge towards the hole
        theta = rng.uniform(0, 2 * np.pi)
        depth = rng.uniform(0.45, 0.9)
        steps = 8
        radii = np.linspace(outer + 0.5, outer - depth * (outer - inner), steps)
        angles = theta + np.cumsum(rng.normal(0, 0.12, steps))
        strength = rng.uniform(0.5, 0.85)
        for k in range(steps - 1):
            x0, y0 = cx + radii[k] * np.cos(angles[k]), cy + radii[k] * np.sin(angles[k])
            x1, y1 = cx + radii[k + 1] * np.cos(angles[k + 1]), cy + radii[k + 1] * np.sin(angles[k + 1])
            direction = np.arctan2(y1 - y0, x1 - x0)
            length = np.hypot(x1 - x0, y1 - y0)
            mx, my = (x0 + x1) / 2, (y0 + y1) / 2
            darken = np.maximum(darken, strength * _segment(xx, yy, mx, my, direction, length, width=0.6))
    elif label == "stain":
        # a round spot somewhere on the ring
        spot_r = rng.uniform(inner + 1, outer - 1)
        spot_a = rng.uniform(0, 2 * np.pi)
        sx, sy = cx + spot_r * np.cos(spot_a), cy + spot_r * np.sin(spot_a)
        radius = rng.uniform(1.4, 2.6) * size / 24
        darken += rng.uniform(0.35, 0.65) * np.exp(-((xx - sx) ** 2 + (yy - sy) ** 2) / (2 * radius**2))
    picture = background + on_metal * (surface * (1 - np.clip(darken, 0, 0.9)) - background)
    picture = picture + rng.normal(0, noise, picture.shape)
    return np.clip(picture, 0, 1)


def _segment(xx, yy, mx, my, direction, length, width):
    """How much each pixel is covered by a line segment (1 on the line, fading off it)."""
    dx, dy = np.cos(direction), np.sin(direction)
    along = (xx - mx) * dx + (yy - my) * dy
    across = -(xx - mx) * dy + (yy - my) * dx
    beyond = np.clip(np.abs(along) - length / 2, 0, None)
    distance = np.hypot(across, beyond)
    return np.clip(1 - distance / (width + 0.5) , 0, 1) ** 1.5
