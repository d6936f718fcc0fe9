"""Module 09's figures: the money an idea gains month by month, and the self-scan before and
after (as a PNG, made once per pair of scans)."""

from __future__ import annotations

from functools import lru_cache

from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from ... import plan, selfscan
from ...i18n import t
from ...plan import CostBenefit
from ...plotting import PALETTE, as_image, new_axes

__all__ = ["BenefitChart", "benefit_figure", "scan_image"]


class BenefitChart:
    """Money gained so far, month by month over three years: below zero (hatched) the idea has
    not paid back yet; the dashed line marks the month it has.

    The figure is made once; :meth:`update` only changes the data, so a widget callback stays fast.
    """

    def __init__(self):
        self.months = list(range(plan.HORIZON_MONTHS + 1))
        self.ax = ax = new_axes(figsize=(6.4, 3.4))
        self.palette = PALETTE
        (self.line,) = ax.plot(self.months, [0] * len(self.months), color=PALETTE[4], marker="o", markevery=3, markersize=4, label=t("m09.explore.chart_line"))
        ax.axhline(0, color="black", linewidth=0.8)
        self.marker = ax.axvline(0, color="black", linestyle="--", linewidth=1, visible=False)
        self.label = ax.annotate("", (0, 0), xytext=(6, 8), textcoords="offset points", fontsize="small")
        self.fills = []
        ax.set_xlim(0, plan.HORIZON_MONTHS)
        ax.set_xticks(range(0, plan.HORIZON_MONTHS + 1, 6))
        ax.set_xlabel(t("m09.explore.chart_x"))
        ax.set_ylabel(t("m09.explore.chart_y"))
        ax.set_title(t("m09.explore.chart_title"))
        ax.yaxis.set_major_locator(MaxNLocator(5))
        ax.yaxis.set_major_formatter(lambda value, _: plan.euros(value))
        ax.figure.subplots_adjust(left=0.2, right=0.97, top=0.9, bottom=0.15)
        # the legend is made once, from stand-in patches that look like the two areas
        loss = Patch(facecolor="none", edgecolor=PALETTE[5], hatch="///", label=t("m09.explore.chart_loss"))
        gain = Patch(facecolor=PALETTE[2], alpha=0.4, hatch="..", edgecolor=PALETTE[2], label=t("m09.explore.chart_gain"))
        ax.legend(handles=[self.line, loss, gain], loc="upper left", fontsize="small")

    @property
    def figure(self):
        return self.ax.figure

    def update(self, cb: CostBenefit):
        ax, colours = self.ax, self.palette
        money = cb.cumulative()
        self.line.set_ydata(money)
        for fill in self.fills:
            fill.remove()
        self.fills = [
            ax.fill_between(self.months, money, 0, where=[m < 0 for m in money], interpolate=True, facecolor="none", edgecolor=colours[5], hatch="///", linewidth=0),
            ax.fill_between(self.months, money, 0, where=[m >= 0 for m in money], interpolate=True, facecolor=colours[2], alpha=0.25, hatch="..", edgecolor=colours[2], linewidth=0),
        ]
        payback = cb.payback_months
        shown = payback is not None and payback <= plan.HORIZON_MONTHS
        self.marker.set_visible(shown)
        self.label.set_visible(shown)
        if shown:
            self.marker.set_xdata([payback, payback])
            self.label.xy = (payback, 0)
            self.label.set_text(t("m09.explore.chart_payback", months=round(payback, 1)))
        low, high = min(money + [0]), max(money + [0])
        pad = (high - low) * 0.08 or 100
        ax.set_ylim(low - pad, high + pad)
        return self.figure


def benefit_figure(cb: CostBenefit):
    """The chart of one cost-benefit, on a figure of its own."""
    return BenefitChart().update(cb)


@lru_cache(maxsize=8)
def scan_image(lang: str, before: tuple | None, after: tuple):
    """The comparison chart as a PNG, made once per pair of scans (a refresh only redraws when
    the answers changed)."""
    return as_image(selfscan.plot(dict(before), dict(after)) if before else selfscan.plot(dict(after)))
