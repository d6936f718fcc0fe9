"""Module 05's figure: the customers as dots, coloured and shaped by group."""

from __future__ import annotations

from functools import cache

from matplotlib.figure import Figure

from ...i18n import get_language, t
from ...plotting import MARKERS, PALETTE, as_image
from .model import FEATURES, customers, feature_words, groups, normalise_choice, profile

__all__ = ["group_colour", "draw", "image", "alt"]

# colours from the Okabe-Ito palette (smeai.plotting.PALETTE), without the pale yellow
_COLOUR_ORDER = (4, 0, 2, 5, 6, 1)


def group_colour(group: int) -> str:
    """The colour of group ``group`` (1 to 6), the same in the figure and in the table."""
    return PALETTE[_COLOUR_ORDER[group - 1]]


def draw(k: int, features=FEATURES, scaled: bool = True):
    """Two panels of the same customers, one dot per customer, coloured and shaped by group:
    days since the last order against spend, and number of orders against spend. The big
    outlined marks are the middles of the groups (their averages)."""
    k, features, scaled = normalise_choice(k, features, scaled)
    data = customers()
    labels = groups(k, features, scaled)
    table = profile(k, features, scaled)
    figure = Figure(figsize=(9.4, 3.9), dpi=80)
    left, right = figure.subplots(1, 2, sharey=True)
    # fixed margins: a layout engine would measure every text twice and double the drawing time
    figure.subplots_adjust(left=0.08, right=0.78, bottom=0.14, top=0.84, wspace=0.06)
    for ax, x_column in ((left, "recency_days"), (right, "orders")):
        ax.grid(True, alpha=0.3)
        for group in range(1, k + 1):
            mask = labels == group
            colour = group_colour(group)
            marker = MARKERS[group - 1]
            label = t("m05.explore.legend", number=group, count=int(table.customers[group]))
            ax.scatter(data[x_column].to_numpy()[mask], data.monetary_eur.to_numpy()[mask], s=18, c=colour, marker=marker, alpha=0.75, linewidths=0.3, label=label)
            ax.scatter([table[x_column][group]], [table.monetary_eur[group]], s=190, c=colour, marker=marker, edgecolors="black", linewidths=1.6, zorder=3)
        ax.set_xlabel(t(f"m05.explore.axis.{x_column}"))
    left.set_ylabel(t("m05.explore.axis.monetary_eur"))
    left.set_title(t("m05.explore.title_left"), fontsize="medium")
    right.set_title(t("m05.explore.title_right"), fontsize="medium")
    handles, labels_ = left.get_legend_handles_labels()
    figure.legend(handles, labels_, loc="upper left", bbox_to_anchor=(0.79, 0.84), fontsize="small", markerscale=1.5, title=t("m05.explore.legend_title"), title_fontsize="small")
    scaled_word = t("m05.explore.scaled" if scaled else "m05.explore.unscaled")
    figure.suptitle(t("m05.explore.suptitle", k=k, features=feature_words(features), scaled=scaled_word), fontsize="medium")
    return figure


@cache
def _image(k: int, features: tuple[str, ...], scaled: bool, lang: str):
    """The drawing as a PNG image, kept per setting: coming back to a setting shows it at once."""
    return as_image(draw(k, features, scaled), alt(k, features, scaled))


def alt(k: int, features=FEATURES, scaled: bool = True) -> str:
    """One sentence that says what the figure shows (for a screen reader)."""
    k, features, scaled = normalise_choice(k, features, scaled)
    table = profile(k, features, scaled)
    sizes = ", ".join(t("m05.explore.legend", number=group, count=int(table.customers[group])) for group in range(1, k + 1))
    scaled_word = t("m05.explore.scaled" if scaled else "m05.explore.unscaled")
    return t("m05.explore.alt", k=k, features=feature_words(features), scaled=scaled_word, sizes=sizes)


def image(k: int, features=FEATURES, scaled: bool = True):
    """The figure of :func:`draw` as an image for display, in the learner's language."""
    return _image(*normalise_choice(k, features, scaled), get_language())
