"""Module 04's figures: the profile bars and the cost curve of the threshold explorer."""

from __future__ import annotations

from functools import cache
from io import BytesIO

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.lines import Line2D
from PIL import Image

from ...i18n import t
from ...plotting import PALETTE, as_image, new_axes
from .model import THRESHOLDS, group_label, pct_late, profile

__all__ = ["draw_profile", "profile_png", "CostFigure", "draw_costs"]


def draw_profile(case: str, view: str):
    """A bar per group: the percentage late (or no-show), with the overall average as a line."""
    rows = profile(case, view)
    labels = [group_label(case, view, key) for key, _, _ in rows]
    values = [pct for _, _, pct in rows]
    ax = new_axes(figsize=(6.4, 3.4))
    bars = ax.bar(range(len(rows)), values, color=PALETTE[1], edgecolor="black", label=t(f"m04.explore.{case}.bar_label"))
    ax.bar_label(bars, labels=[f"{round(pct)} %" for pct in values], fontsize="x-small", padding=2)
    average = pct_late(case)
    ax.axhline(average, color=PALETTE[5], linestyle="--", linewidth=1.5, label=t("m04.explore.average", pct=average))
    ax.set_xticks(range(len(rows)), labels, fontsize="small")
    ax.set_ylim(0, max(values + [average]) * 1.3 + 1)
    ax.set_ylabel(t(f"m04.explore.{case}.pct_axis"), fontsize="small")
    ax.set_xlabel(t(f"m04.explore.views.{view}"))
    ax.set_title(t(f"m04.explore.{case}.profile_title", view=t(f"m04.explore.views.{view}")))
    ax.legend(loc="upper left", fontsize="small")
    ax.figure.subplots_adjust(left=0.11, right=0.98, top=0.9, bottom=0.17)
    return ax.figure


@cache
def profile_png(case: str, view: str, lang: str) -> bytes:
    """The profile figure as PNG bytes, drawn once per view and language: it never changes."""
    return as_image(draw_profile(case, view)).data


class CostFigure:
    """The cost of the mistakes at every threshold, the chosen threshold, and the simple rule.

    Built once per widget. The axes, ticks and labels are drawn once and kept as a background;
    a callback only draws the two lines, the marker and the legend on top of it. The axes are
    drawn again only when the costs no longer fit them well (much higher, or much lower).
    """

    def __init__(self, case: str):
        self.case = case
        ax = self.ax = new_axes(figsize=(6.4, 3.4))
        self.canvas = FigureCanvasAgg(ax.figure)
        line = {"color": PALETTE[4], "linewidth": 2}
        rule = {"color": PALETTE[5], "linestyle": "--", "linewidth": 1.5}
        marker = {"marker": "o", "markersize": 11, "color": PALETTE[0], "markeredgecolor": "black", "linestyle": "none"}
        # lines, marker and legend are drawn on their own (animated), on top of the background
        (self.curve,) = ax.plot(THRESHOLDS, [0] * len(THRESHOLDS), animated=True, **line)
        (self.rule,) = ax.plot([0, 100], [0, 0], animated=True, **rule)
        (self.you,) = ax.plot([50], [0], animated=True, **marker)
        handles = [Line2D([], [], **line), Line2D([], [], **rule), Line2D([], [], **marker)]
        labels = [t("m04.explore.curve_label"), t(f"m04.explore.{case}.rule_label"), t("m04.explore.you_label")]
        self.legend = ax.legend(handles, labels, loc="lower right", fontsize="small")
        self.legend.set_animated(True)
        ax.set_xlim(0, 100)
        ax.set_xticks(range(0, 101, 10))
        ax.set_xlabel(t("m04.explore.threshold_axis"))
        ax.set_ylabel(t("m04.explore.cost_axis"))
        ax.figure.subplots_adjust(left=0.13, right=0.98, top=0.9, bottom=0.15)
        self._top = None
        self._background = None

    def _fit_axes(self, state: dict) -> None:
        """Draw the background again only when the costs do not fit the y-axis well."""
        needed = max(float(state["curve"].max()), state["rule_cost"]) * 1.08 + 1
        if self._top is not None and self._top / 2.5 <= needed <= self._top:
            return
        self._top = needed * 1.2  # room to grow, so that a small change keeps the axes
        self.ax.set_ylim(0, self._top)
        self.ax.set_title(t(f"m04.explore.{self.case}.cost_title", n=state["counts"].total))
        self.canvas.draw()
        self._background = self.canvas.copy_from_bbox(self.ax.figure.bbox)

    def update(self, state: dict, threshold_pct) -> "CostFigure":
        self._fit_axes(state)
        self.canvas.restore_region(self._background)
        self.curve.set_ydata(state["curve"])
        self.rule.set_ydata([state["rule_cost"], state["rule_cost"]])
        self.you.set_data([threshold_pct], [state["cost"]])
        for artist in (self.curve, self.rule, self.you, self.legend):
            self.ax.draw_artist(artist)
        return self

    @property
    def figure(self):
        return self.ax.figure

    def png(self) -> bytes:
        """What the canvas shows now, as PNG bytes (without drawing it all again)."""
        width, height = self.canvas.get_width_height()
        buffer = BytesIO()
        Image.frombuffer("RGBA", (width, height), self.canvas.buffer_rgba(), "raw", "RGBA", 0, 1).save(buffer, format="png", compress_level=1)
        return buffer.getvalue()


def draw_costs(case: str, state: dict, threshold_pct) -> CostFigure:
    """The cost figure for one state (for tests and one-off use)."""
    return CostFigure(case).update(state, threshold_pct)
