"""Module 07: camera pictures of washers on a production line, some of them with a defect.

Everything is drawn with numpy, fast enough for a few hundred pictures in well under a second.
"""

from __future__ import annotations

import numpy as np

from ._random import check_option, check_random_state

DEFECTS = ("scratch", "crack", "missing_hole", "stain")
LABELS = ("ok", *DEFECTS)


def make_product_images(
    n_samples: int = 600,
    *,
    image_size: int = 64,
    defect_rate: float = 0.4,
    noise: float = 0.025,
    random_state=None,
):
    """Grayscale camera pictures of steel washers on a conveyor belt, as a quality check sees them.

    A metal shop in Helmond punches washers (a flat steel ring with a hole in the middle). A camera
    above the conveyor belt takes a picture of every washer: a bright steel ring with bevelled
    edges and fine turning marks, on the dark ribbed rubber of the belt, lit by a lamp from one
    side so that the washer casts a soft shadow. Most washers are fine (``"ok"``); the others
    have one of four defects:

    - ``"scratch"``: a thin, straight, dark groove across the ring, with a light lip beside it;
    - ``"crack"``: a dark, jagged line that opens at the outer edge and runs inwards;
    - ``"missing_hole"``: the hole in the middle was not punched, only a faint round mark shows;
    - ``"stain"``: a dark, blotchy spot of oil or rust on the ring.

    Every picture differs a little: the washer lies slightly off-centre, its size varies, the
    light is brighter or darker and falls from another side, and the camera adds noise. Defects
    differ in strength, so a few are hard to see, even for a person. The kind of defect can be
    learned from the pixels; the faint ones are where a model makes its mistakes.

    Parameters
    ----------
    n_samples : int, default=600
        Number of pictures.
    image_size : int, default=64
        Width and height of each picture in pixels (16 to 128). The drawing scales with it.
    defect_rate : float, default=0.4
        Share of washers with a defect, spread evenly over the four kinds.
    noise : float, default=0.025
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
    (10, 64, 64)
    >>> sorted(set(labels)) <= ["crack", "missing_hole", "ok", "scratch", "stain"]
    True
    """
    n_samples = check_option(n_samples, "n_samples", whole=True, low=1)
    image_size = check_option(image_size, "image_size", whole=True, low=16, high=128)
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
        images[i] = _picture(rng, label, xx, yy, size, noise)
    return images, labels


def _picture(rng, label, xx, yy, size, noise):
    """One camera picture: the belt, the washer's shadow, the lit washer, its defect, noise."""
    half = size / 2
    px = size / 24  # lengths below are in pixels of a 24-pixel picture, scaled to this size
    cx, cy = half + rng.uniform(-1.2, 1.2, 2) * px
    outer = half * rng.uniform(0.78, 0.86)
    inner = half * rng.uniform(0.30, 0.36)
    light = rng.uniform(0, 2 * np.pi)  # where the lamp stands, seen from the washer
    lx, ly = np.cos(light), np.sin(light)
    dx, dy = xx - cx, yy - cy
    r = np.hypot(dx, dy)

    # the belt: dark rubber with lengthwise streaks, a coarse texture, brighter under the lamp
    belt = rng.uniform(0.17, 0.25) + 0.025 * _blotches(rng, size, 6) + rng.normal(0, 0.012, size)[None, :]
    belt = belt + 0.03 * np.sin(2 * np.pi * (yy / (1.1 * px) + rng.uniform()))  # the belt's fine cross ribs
    belt = belt * (1.12 - 0.3 * (np.hypot(xx - half, yy - half) / size) ** 2)
    # the washer's soft shadow on the belt, away from the lamp
    sx, sy = cx - 0.9 * px * lx, cy - 0.9 * px * ly
    rs = np.hypot(xx - sx, yy - sy)
    shadow = np.clip((outer + px - rs) / (1.6 * px), 0, 1) * np.clip((rs - inner + px) / (1.6 * px), 0, 1)
    belt = belt * (1 - 0.45 * shadow)

    # the washer: steel, lit from one side, with a band where the lamp reflects and fine turning marks
    along = (dx * lx + dy * ly) / half
    metal = rng.uniform(0.56, 0.72) * (1 + rng.uniform(0.05, 0.15) * along)
    metal = metal + rng.uniform(0.04, 0.1) * np.exp(-((along - rng.uniform(-0.2, 0.5)) ** 2) / 0.06)
    rings = rng.normal(0, 1, int(half) * 3 + 8)  # one brightness per fine circle: marks left by the lathe
    metal = metal + 0.02 * rings[np.minimum((r * 3 / px).astype(int), rings.size - 1)]
    # the bevelled edges are darker, a little lighter on the lamp's side than on the far side
    facing = (dx * lx + dy * ly) / np.maximum(r, 1e-6)
    outer_edge = np.clip(1 - np.abs(r - (outer - 0.7 * px)) / (0.8 * px), 0, 1)
    inner_edge = np.clip(1 - np.abs(r - (inner + 0.7 * px)) / (0.8 * px), 0, 1)
    metal = metal + 0.08 * facing * (outer_edge - inner_edge) - 0.1 * (outer_edge + inner_edge)

    # soft borders: a pixel on the edge is partly metal
    ring = np.clip((outer - r) / px + 0.5, 0, 1)
    hole = np.clip((inner - r) / px + 0.5, 0, 1)
    darken = np.zeros_like(r)
    if label == "missing_hole":
        # the hole was not punched; the punch left only a faint round mark
        mark = np.clip(1 - np.abs(r - inner) / (0.7 * px), 0, 1)
        darken = np.maximum(darken, rng.uniform(0.08, 0.25) * mark)
        hole = hole * 0
    elif label == "scratch":
        # a straight, thin groove across the ring, with a light lip beside it
        theta = rng.uniform(0, np.pi)
        offset = rng.uniform(0.45, 0.65) * outer * rng.choice([-1, 1])
        length = rng.uniform(0.5, 0.9) * outer
        mx, my = cx - offset * np.sin(theta), cy + offset * np.cos(theta)
        strength = rng.uniform(0.12, 0.7)
        darken = np.maximum(darken, strength * _segment(xx, yy, mx, my, theta, length, 0.8 * px, px))
        lip = _segment(xx, yy, mx + 0.9 * px * np.sin(theta), my - 0.9 * px * np.cos(theta), theta, length, 0.3 * px, px)
        metal = metal + 0.12 * strength * lip
    elif label == "crack":
        # a jagged dark line from the outer edge inwards, open at the edge
        theta = rng.uniform(0, 2 * np.pi)
        depth = rng.uniform(0.45, 0.9)
        steps = 9
        radii = np.linspace(outer + 0.5 * px, outer - depth * (outer - inner), steps)
        angles = theta + np.cumsum(rng.normal(0, 0.06, steps))
        strength = rng.uniform(0.3, 0.85)
        x, y = cx + radii * np.cos(angles), cy + radii * np.sin(angles)
        # all pieces of the line at once (one array per piece, stacked): quicker than a loop
        each = np.s_[:, None, None]
        widths = px * (0.9 - 0.5 * np.arange(steps - 1) / steps)  # widest where it opens at the edge
        mx, my, ex, ey = (x[:-1] + x[1:]) / 2, (y[:-1] + y[1:]) / 2, np.diff(x), np.diff(y)
        pieces = _segment(xx, yy, mx[each], my[each], np.arctan2(ey, ex)[each], np.hypot(ex, ey)[each], widths[each], px)
        darken = np.maximum(darken, strength * pieces.max(axis=0))
    elif label == "stain":
        # a blot of oil or rust somewhere on the ring: a few overlapping spots, mottled
        spot_r = rng.uniform(inner + px, outer - px)
        spot_a = rng.uniform(0, 2 * np.pi)
        sx, sy = cx + spot_r * np.cos(spot_a), cy + spot_r * np.sin(spot_a)
        radius = rng.uniform(1.4, 2.6) * px
        blot = np.zeros_like(r)
        for _ in range(3):
            ox, oy = rng.normal(0, 0.5 * radius, 2)
            blot = np.maximum(blot, np.exp(-((xx - sx - ox) ** 2 + (yy - sy - oy) ** 2) / (2 * (radius * rng.uniform(0.6, 1.0)) ** 2)))
        blot = blot * (0.8 + 0.2 * _blotches(rng, size, max(3, size // 6)))
        darken = np.maximum(darken, rng.uniform(0.35, 0.7) * np.clip(1.4 * blot, 0, 1))

    on_metal = ring * (1 - hole)
    picture = belt + on_metal * (metal * (1 - np.clip(darken, 0, 0.9)) - belt)
    picture = picture + rng.normal(0, noise, picture.shape)
    return np.clip(picture, 0, 1)


def _blotches(rng, size, cells):
    """Smooth random shading from -1 to 1: a coarse grid of random values, blown up to the picture."""
    coarse = rng.uniform(-1, 1, (cells + 1, cells + 1))
    steps = np.linspace(0, cells, size)
    low = np.minimum(steps.astype(int), cells - 1)
    frac = steps - low
    rows = coarse[low] * (1 - frac)[:, None] + coarse[low + 1] * frac[:, None]
    return rows[:, low] * (1 - frac) + rows[:, low + 1] * frac


def _segment(xx, yy, mx, my, direction, length, width, px):
    """How much each pixel is covered by a line segment (1 on the line, fading off it within a pixel)."""
    dx, dy = np.cos(direction), np.sin(direction)
    along = (xx - mx) * dx + (yy - my) * dy
    across = -(xx - mx) * dy + (yy - my) * dx
    beyond = np.clip(np.abs(along) - length / 2, 0, None)
    distance = np.hypot(across, beyond)
    return np.clip(1 - distance / (width + 0.5 * px), 0, 1) ** 1.5
