"""Module 01's figures: the apples by size and redness, as a rule or a model sorts them."""

from __future__ import annotations

from ...i18n import t
from ...plotting import MARKERS, PALETTE, new_axes
from .model import REDNESS_RANGE, SIZE_RANGE, apples, scaled

__all__ = ["rule_figure", "learned_figure"]


def _scatter(ax, data, predicted, title):
    for value, colour, marker, key in ((True, PALETTE[2], MARKERS[0], "m01.explore.class1"), (False, PALETTE[0], MARKERS[1], "m01.explore.juice")):
        mask = predicted == value
        ax.scatter(data.size_mm[mask], data.redness_pct[mask], c=colour, marker=marker, s=45, label=t(key))
    wrong = predicted != data.class1.to_numpy()
    ax.scatter(data.size_mm[wrong], data.redness_pct[wrong], facecolors="none", edgecolors="black", s=160, linewidths=1.2, label=t("m01.explore.wrong"))
    ax.set_xlim(*SIZE_RANGE)
    ax.set_ylim(*REDNESS_RANGE)
    ax.set_xlabel(t("m01.explore.size_axis"))
    ax.set_ylabel(t("m01.explore.redness_axis"))
    ax.set_title(title)
    ax.legend(loc="upper left", fontsize="small")


def rule_figure(threshold_mm: int):
    """The apples as the rule "class 1 from ``threshold_mm``" sorts them, wrong ones circled."""
    data = apples()
    ax = new_axes(figsize=(6, 3.6))
    _scatter(ax, data, (data.size_mm >= threshold_mm).to_numpy(), t("m01.explore.rule_title", mm=threshold_mm))
    ax.axvline(threshold_mm, color="black", linestyle="--")
    return ax.figure


def learned_figure(model, count: int):
    """The apples as a model learned from ``count`` labelled examples sorts them."""
    data = apples()
    ax = new_axes(figsize=(6, 3.6))
    _scatter(ax, data, model.predict(scaled(data)), t("m01.explore.teach_title", count=count))
    return ax.figure
