"""Module 07's figures: the washers the model got wrong, example washers, pixels as numbers, the
alarm chart, the three sensors and the badge events. Each returns a matplotlib Figure."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from ...datasets.images import LABELS
from ...datasets.sensors import SENSORS
from ...i18n import format_number, t
from ...plotting import MARKERS, PALETTE, new_axes
from .model import (
    ERROR_KINDS,
    GRID_COLUMNS,
    GRID_ROWS,
    IMAGE_SIZE,
    SCORE_LIMITS,
    TOP_UNUSUAL,
    WARNING_DAYS,
    access_events,
    alarm_hours,
    anomaly_scores,
    error_masks,
    failure_hours,
    judge_alarms,
    label_name,
    machine_sensors,
    most_unusual_indices,
    new_images,
    predictions,
    product_images,
    true_labels,
)

__all__ = ["AlarmPlot", "access_figure", "alarm_figure", "error_figure", "examples_figure", "pixels_figure", "sensors_figure"]


def _mosaic(images, columns, gap=2, fill=1.0):
    """Many small pictures in one array, so a figure draws them with one image call (fast)."""
    count, size, _ = images.shape
    rows = max(1, -(-count // columns))
    out = np.full((rows * (size + gap) - gap, columns * (size + gap) - gap), fill)
    for k, image in enumerate(images):
        r, c = divmod(k, columns)
        out[r * (size + gap): r * (size + gap) + size, c * (size + gap): c * (size + gap) + size] = image
    return out


TILE_FONT_PT = 7.5  # the two-line label under each washer in the error grid
TILE_LINE_SPACING = 1.1


def _label_gap(size: int, columns: int, width_in: float) -> int:
    """The gap, in picture pixels, between rows of the error grid: just room for a tile's two-line
    label. The grid is scaled to the figure's width, so the gap in pixels depends on the picture size."""
    label_in = 2 * TILE_FONT_PT * 1.2 * TILE_LINE_SPACING / 72 + 0.08  # two lines of text and a little air
    # gap * inch_per_pixel >= label_in, with inch_per_pixel = width_in / (columns * (size + gap) - gap)
    return int(np.ceil(label_in * columns * size / (width_in - label_in * (columns - 1))))


def error_figure(n_train: int, kind: str = "all"):
    """A grid of the washers the model got wrong, each with its true and predicted label."""
    if kind not in ERROR_KINDS:
        raise ValueError(f"kind must be one of {ERROR_KINDS}, not {kind!r}")
    indices = np.flatnonzero(error_masks(n_train)[kind])
    shown = indices[: GRID_COLUMNS * GRID_ROWS]
    truth, predicted = true_labels(), predictions(n_train)
    rows = max(1, -(-len(shown) // GRID_COLUMNS))
    size, width, title_space = IMAGE_SIZE, 7.2, 0.45
    gap = _label_gap(size, GRID_COLUMNS, width * 0.98)
    # the figure is exactly as high as the grid of pictures (with room for the labels) and the title
    inch_per_pixel = width * 0.98 / (GRID_COLUMNS * (size + gap) - gap)
    height = rows * (size + gap) * inch_per_pixel + title_space if len(shown) else 1.2
    ax = new_axes(figsize=(width, height))
    ax.grid(False)
    ax.set_xticks([])
    ax.set_yticks([])
    for side in ax.spines.values():
        side.set_visible(False)
    title = t("m07.explore.grid_title", shown=len(shown), count=len(indices), kind=t(f"m07.explore.kind.{kind}").lower())
    ax.set_title(title, fontsize=10)
    # fixed margins instead of tight_layout, which draws the figure twice (a widget must be quick)
    ax.figure.subplots_adjust(left=0.01, right=0.99, top=1 - title_space / height, bottom=0.0)
    if len(shown) == 0:
        ax.text(0.5, 0.5, t("m07.explore.no_errors"), ha="center", va="center", transform=ax.transAxes)
        return ax.figure
    mosaic = _mosaic(new_images()[shown], GRID_COLUMNS, gap=gap)
    ax.imshow(mosaic, cmap="gray", vmin=0, vmax=1, interpolation="nearest")
    ax.set_xlim(-0.5, GRID_COLUMNS * (size + gap) - gap - 0.5)
    ax.set_ylim(rows * (size + gap) - 0.5, -0.5)  # room under the last row for its labels
    for k, index in enumerate(shown):
        r, c = divmod(k, GRID_COLUMNS)
        x, y = c * (size + gap) + size / 2 - 0.5, r * (size + gap) + size
        text = t("m07.explore.tile", truth=label_name(truth[index]), predicted=label_name(predicted[index]))
        ax.text(x, y, text, ha="center", va="top", fontsize=TILE_FONT_PT, linespacing=TILE_LINE_SPACING)
    return ax.figure


def examples_figure(per_label: int = 3):
    """A few washers of each kind, labelled, so the learner knows what each defect looks like."""
    images, labels = product_images()
    chosen = [np.flatnonzero(labels[:400] == label)[:per_label] for label in LABELS]
    ax = new_axes(figsize=(7.2, 1.2 * per_label + 0.8))
    ax.grid(False)
    ax.set_xticks([])
    ax.set_yticks([])
    for side in ax.spines.values():
        side.set_visible(False)
    size, gap = IMAGE_SIZE, 4
    # one column per kind: the first row of the mosaic holds one example of each kind
    order = np.array([chosen[c][r] for r in range(per_label) for c in range(len(LABELS))])
    ax.imshow(_mosaic(images[order], len(LABELS), gap=gap), cmap="gray", vmin=0, vmax=1, interpolation="nearest")
    for c, label in enumerate(LABELS):
        ax.text(c * (size + gap) + size / 2, -1.5, label_name(label), ha="center", va="bottom", fontsize=9, fontweight="bold")
    ax.set_title(t("m07.explore.examples_title"), fontsize=10, pad=18)
    ax.figure.tight_layout()
    return ax.figure


def pixels_figure():
    """One washer as the camera sees it, and a corner of it as the numbers the computer sees."""
    images, labels = product_images()
    image = images[int(np.flatnonzero(labels == "ok")[0])]
    figure = Figure(figsize=(7.2, 3.4), dpi=90)
    left, right = figure.subplots(1, 2)
    left.imshow(image, cmap="gray", vmin=0, vmax=1, interpolation="nearest")
    left.tick_params(which="both", length=0, labelsize=7)
    left.set_xlabel(t("m07.explore.pixels_x"))
    left.set_ylabel(t("m07.explore.pixels_y"))
    left.set_title(t("m07.explore.pixels_left", size=IMAGE_SIZE), fontsize=10)
    top, col = _edge_corner(image, CROP)
    crop = image[top: top + CROP, col: col + CROP]
    # no line around every pixel: at 64 pixels that turns the picture grey; the numbers show the pixels
    left.add_patch(_rectangle((col - 0.5, top - 0.5), CROP, CROP))
    right.imshow(crop, cmap="gray", vmin=0, vmax=1, interpolation="nearest")
    for (r, c), value in np.ndenumerate(crop):
        right.text(c, r, format_number(round(float(value), 1)), ha="center", va="center", fontsize=8, color="black" if value > 0.45 else "white")
    right.set_xticks([])
    right.set_yticks([])
    right.set_title(t("m07.explore.pixels_right"), fontsize=10)
    figure.tight_layout()
    return figure


CROP = 6  # the framed piece of the picture shown as numbers: 6 x 6 pixels


def _edge_corner(image, crop: int) -> tuple[int, int]:
    """The top-left pixel of a ``crop`` x ``crop`` frame on the washer's upper-left edge, on the
    diagonal from the picture's corner: half belt, half steel, so the numbers show the difference."""
    steel = image > (image.max() + image.min()) / 2
    diagonal = np.flatnonzero(steel[np.arange(image.shape[0] // 2), np.arange(image.shape[0] // 2)])
    edge = int(diagonal[0]) if diagonal.size else crop  # the first steel pixel from the corner
    start = max(0, edge - crop // 2)
    return start, start


def _rectangle(corner, width, height):
    return Rectangle(corner, width, height, fill=False, edgecolor="#E69F00", linewidth=2, linestyle="--")


def alarm_figure(threshold: float, which: str = "all"):
    """The score over time, the alarm level, the alarms and the breakdowns."""
    plot = AlarmPlot(which)
    plot.show(threshold)
    return plot.figure


class AlarmPlot:
    """The alarm chart for one choice of sensors. What stays the same (the score, the breakdowns,
    the axes) is drawn once; moving the alarm level only moves the line and the markers, which
    makes a slider step about a third quicker than drawing the whole chart again."""

    def __init__(self, which: str = "all"):
        self.which = which
        score = anomaly_scores(which)
        self.days = np.arange(score.size) / 24
        low, high = SCORE_LIMITS
        self.level = np.clip(score, low, high)
        ax = new_axes(figsize=(7.6, 4.0))
        every = slice(None, None, 2)  # every second hour is enough for the eye, and draws twice as fast
        ax.plot(self.days[every], self.level[every], color=PALETTE[7], linewidth=0.6, label=t("m07.explore.score_line"))
        for k, hour in enumerate(failure_hours()):
            # a light band with dashed edges (hatching would show it without colour too, but doubles the drawing time)
            ax.axvspan((hour - WARNING_DAYS * 24) / 24, hour / 24, facecolor=(0.34, 0.71, 0.91, 0.18), edgecolor=PALETTE[4], linestyle="--", linewidth=0.8, label=t("m07.explore.window") if k == 0 else None)
            ax.axvline(hour / 24, color=PALETTE[4], linestyle=":", linewidth=1.6, label=t("m07.explore.failure") if k == 0 else None)
        self.line = ax.axhline(0, color="black", linestyle="--", linewidth=1.2, label=t("m07.explore.threshold_line", value=0))
        marker = {"s": 70, "edgecolors": "black", "linewidths": 0.6, "zorder": 3}
        self.in_time = ax.scatter([0], [0], marker=MARKERS[3], color=PALETTE[2], label=t("m07.explore.alarm_in_time"), **marker)
        self.false = ax.scatter([0], [0], marker=MARKERS[1], color=PALETTE[5], label=t("m07.explore.alarm_false"), **marker)
        ax.set_xlim(0, self.days[-1] + 1)
        ax.set_ylim(low, high)
        ax.set_xlabel(t("m07.explore.days_axis"))
        ax.set_ylabel(t("m07.explore.score_axis"))
        ax.set_title(t("m07.explore.alarm_title", sensor=t(f"m07.explore.choice.{which}")), fontsize=10)
        legend = ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), fontsize=7, ncol=3, frameon=False)
        self.line_label = legend.get_texts()[[h.get_label() for h in legend.legend_handles].index(self.line.get_label())]
        ax.figure.subplots_adjust(left=0.08, right=0.98, top=0.92, bottom=0.27)  # fixed: quicker than tight_layout
        self.figure = ax.figure

    def show(self, threshold: float) -> None:
        """Move the alarm level to ``threshold`` and mark the alarms it gives."""
        alarms = alarm_hours(threshold, self.which)
        in_time, _ = judge_alarms(alarms)
        self.line.set_ydata([threshold, threshold])
        self.line_label.set_text(t("m07.explore.threshold_line", value=format_number(threshold)))
        for points, chosen in ((self.in_time, in_time), (self.false, ~in_time)):
            points.set_offsets(np.column_stack([self.days[alarms[chosen]], self.level[alarms[chosen]]]) if chosen.any() else np.empty((0, 2)))


def sensors_figure():
    """The three sensors over 180 days, with the breakdowns, so the drift before them shows."""
    data = machine_sensors()
    days = np.arange(len(data)) / 24
    figure = Figure(figsize=(7.6, 5.0), dpi=90)
    axes = figure.subplots(3, 1, sharex=True)
    for ax, name, colour in zip(axes, SENSORS, (PALETTE[0], PALETTE[4], PALETTE[6])):  # one panel each
        ax.plot(days, data[name].to_numpy(), color=colour, linewidth=0.5)
        for j, hour in enumerate(failure_hours()):
            ax.axvline(hour / 24, color="black", linestyle=":", linewidth=1.4, label=t("m07.explore.failure") if j == 0 else None)
        ax.set_ylabel(t(f"m07.explore.unit.{name}"), fontsize=8)
        ax.set_title(t(f"m07.explore.sensor.{name}") + f" ({t(f'm07.explore.unit.{name}')})", fontsize=9, loc="left")
        ax.grid(True, alpha=0.3)
    axes[0].legend(loc="upper left", fontsize=7)
    axes[-1].set_xlabel(t("m07.explore.days_axis"))
    figure.suptitle(t("m07.explore.sensors_title"), fontsize=10)
    figure.tight_layout()
    return figure


def access_figure(n: int = TOP_UNUSUAL):
    """Every badge event in four weeks by day and hour; the ``n`` most unusual ones stand out."""
    events = access_events()
    first = events.time.min().normalize()
    day = ((events.time - first).dt.total_seconds() / 86400).to_numpy()
    hour = events.time.dt.hour.to_numpy() + events.time.dt.minute.to_numpy() / 60
    top = np.zeros(len(events), dtype=bool)
    top[most_unusual_indices(n)] = True
    ax = new_axes(figsize=(7.6, 3.6))
    ax.scatter(np.floor(day[~top]) + 0.5, hour[~top], s=6, marker=MARKERS[0], color=PALETTE[7], alpha=0.5, label=t("m07.explore.usual_event"))
    ax.scatter(np.floor(day[top]) + 0.5, hour[top], s=80, marker=MARKERS[1], color=PALETTE[5], edgecolors="black", linewidths=0.6, label=t("m07.explore.unusual_event", n=n))
    n_days = int(np.ceil(day.max()))
    weekend_days = [k for k in range(n_days) if (first + np.timedelta64(k, "D")).day_of_week >= 5]
    for k in weekend_days:  # shaded and dotted, so the weekend shows without colour too
        ax.axvspan(k, k + 1, facecolor=PALETTE[1], alpha=0.12, hatch="..", edgecolor=PALETTE[4], linewidth=0, label=t("m07.explore.weekend") if k == weekend_days[0] else None)
    ax.set_ylim(24, 0)
    ax.set_yticks(range(0, 25, 3))
    ax.set_xlim(0, n_days)
    ax.set_xlabel(t("m07.explore.access_days_axis"))
    ax.set_ylabel(t("m07.explore.hour_axis"))
    ax.set_title(t("m07.explore.access_title"), fontsize=10)
    ax.legend(loc="lower left", fontsize=7, framealpha=0.9)
    ax.figure.tight_layout()
    return ax.figure
