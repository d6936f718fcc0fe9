"""Module 08's figures: the past decisions, the selection rates per group, and the permutation
importances. Groups differ in hatching as well as colour."""

from __future__ import annotations

from functools import cache

import numpy as np

from ...i18n import get_language, t
from ...plotting import PALETTE, as_image, new_axes
from .model import FOUR_FIFTHS, GROUPS, PROXY, fairness, group_label, history_rates, importances

__all__ = ["GROUP_STYLE", "MEASURES", "fairness_figure", "figure_image", "history_figure", "importance_figure"]

GROUP_STYLE = {  # colour and hatching: never colour alone (Okabe-Ito orange and blue)
    "A": {"color": PALETTE[0], "hatch": ""},
    "B": {"color": PALETTE[4], "hatch": "//"},
}


@cache
def figure_image(kind: str, lang: str, *args):
    """The figure of one choice as a PNG image, drawn once per choice and language: drawing
    takes most of a callback's time, and a learner often goes back to a choice seen before."""
    builders = {"history": history_figure, "fairness": fairness_figure, "importance": importance_figure}
    return as_image(builders[kind](*args))


def history_figure(by: str):
    rates = history_rates(by)
    ax = new_axes(figsize=(6.4, 3.6))
    positions = np.arange(len(rates))
    if by == "group":
        bars = ax.bar(positions, rates.invited_pct, color=[GROUP_STYLE[g]["color"] for g in rates.index], edgecolor="black")
        for bar, group in zip(bars, rates.index):
            bar.set_hatch(GROUP_STYLE[group]["hatch"])
        ax.set_xticks(positions, [group_label(g) for g in rates.index])
        ax.set_xlabel(t("m08.explore.group_axis"))
    else:
        width = 0.4
        invited = ax.bar(positions - width / 2, rates.invited_pct, width, color=PALETTE[2], edgecolor="black", label=t("m08.explore.invited_label"))
        share = ax.bar(positions + width / 2, rates.group_b_pct, width, color=GROUP_STYLE["B"]["color"], hatch=GROUP_STYLE["B"]["hatch"], edgecolor="black", label=t("m08.explore.group_b_share_label"))
        ax.bar_label(share, fmt="%.0f", fontsize="small")
        ax.set_xticks(positions, [t("m08.explore.area", area=a) for a in rates.index])
        ax.set_xlabel(t("m08.explore.area_axis"))
        ax.legend(loc="upper left", fontsize="small")
        bars = invited
    ax.bar_label(bars, fmt="%.0f", fontsize="small")
    ax.set_ylim(0, 100)
    ax.set_ylabel(t("m08.explore.pct_axis"))
    ax.set_title(t("m08.explore.history_title"))
    ax.figure.subplots_adjust(left=0.11, right=0.97, top=0.9, bottom=0.17)
    return ax.figure


MEASURES = ("selected_pct", "accuracy_pct", "missed_pct")


@cache
def _fairness_canvas(lang: str):
    """One figure per language, drawn into again for every choice: its text never changes
    but the title, so matplotlib can reuse the text layout, and a redraw is much faster."""
    ax = new_axes(figsize=(6.4, 4.2))
    positions = np.arange(len(MEASURES))
    width = 0.38
    bars = {}
    for offset, group in ((-width / 2, "A"), (width / 2, "B")):
        style = GROUP_STYLE[group]
        bars[group] = ax.bar(positions + offset, [0] * len(MEASURES), width, color=style["color"], hatch=style["hatch"], edgecolor="black", label=group_label(group))
    line = ax.hlines(0, -0.45, 0.45, colors="black", linestyles="--", label=t("m08.explore.four_fifths_line"))
    ax.set_xticks(positions, [t("m08.explore.measure." + m) for m in MEASURES])
    ax.set_ylim(0, 100)
    ax.set_xlabel(t("m08.explore.measure_axis"))
    ax.set_ylabel(t("m08.explore.pct_axis"))
    ax.figure.legend(loc="lower center", ncols=3, fontsize="small", frameon=False)
    ax.figure.subplots_adjust(left=0.11, right=0.97, top=0.92, bottom=0.27)
    return ax, bars, line


def fairness_figure(name: str, threshold_pct: float):
    """Selection rate, judged right and missed, per group; the dashed line is 4/5 of the
    highest selection rate."""
    metrics = fairness(name, threshold_pct)["metrics"]
    ax, bars, line = _fairness_canvas(get_language())
    for group in GROUPS:
        for bar, measure in zip(bars[group], MEASURES):
            bar.set_height(metrics[group][measure] or 0)
    highest = max(metrics[g]["selected_pct"] for g in GROUPS)
    line.set_segments([[(-0.45, FOUR_FIFTHS * highest), (0.45, FOUR_FIFTHS * highest)]])
    line.set_visible(bool(highest))
    ax.set_title(t("m08.explore.fairness_title", model=t("m08.explore.model." + name), threshold=round(threshold_pct)))
    return ax.figure


def importance_figure(name: str):
    found = importances(name)
    order = sorted(found, key=found.get)
    ax = new_axes(figsize=(6.4, 3.2))
    colours = [PALETTE[5] if column == PROXY else PALETTE[1] for column in order]
    hatches = ["xx" if column == PROXY else "" for column in order]
    bars = ax.barh([t("m08.explore.feature." + c) for c in order], [found[c] for c in order], color=colours, edgecolor="black")
    for bar, hatch in zip(bars, hatches):
        bar.set_hatch(hatch)
    ax.bar_label(bars, labels=[t("m08.explore.pp", value=found[c]) for c in order], padding=3, fontsize="small")
    ax.set_xlim(0, max(max(found.values()) * 1.3, 1))
    ax.set_xlabel(t("m08.explore.importance_axis"))
    ax.set_title(t("m08.explore.importance_title", model=t("m08.explore.model." + name)))
    ax.figure.subplots_adjust(left=0.3, right=0.97, top=0.9, bottom=0.17)
    return ax.figure
