"""Module 03's figures: a month of forecasts against the loaves sold, and a tree's error against
its depth. Each figure is made once per language; a change only updates its data (a reused figure
draws in about half the time of a new one), and each PNG is cached."""

from __future__ import annotations

from functools import cache

import pandas as pd
from matplotlib.dates import DayLocator, num2date
from matplotlib.ticker import FuncFormatter

from ...i18n import lookup, t
from ...plotting import MARKERS, PALETTE, new_axes, png_bytes
from .model import DEPTHS, depth_errors, forecasts, method_label

__all__ = ["month_png", "depth_png"]


@cache
def _month_figure(lang: str) -> dict:
    """The forecast explorer's figure, made once per language; each month only updates its data."""
    ax = new_axes(figsize=(6.6, 3.6))
    lines = {"loaves": ax.plot([], [], color="black", marker=MARKERS[0], linewidth=2, label=t("m03.explore.actual", lang))[0]}
    styles = (("weekday_avg", "weekday", PALETTE[0], MARKERS[2], "--"), ("linear", "linear", PALETTE[4], MARKERS[3], "-"), ("tree", "tree", PALETTE[2], MARKERS[4], ":"))
    for column, method, colour, marker, line in styles:
        lines[column] = ax.plot([], [], color=colour, marker=marker, linestyle=line, linewidth=1.5, markersize=5, label=method_label(method, lang))[0]
    table = forecasts()
    ax.set_ylim(0, float(table[["loaves", "weekday_avg", "linear", "tree"]].max().max()) * 1.08)  # the same scale every month
    ax.set_ylabel(t("m03.explore.loaves_axis", lang))
    ax.legend(loc="lower left", fontsize="small", ncol=2)
    ax.xaxis.set_major_locator(DayLocator(bymonthday=range(1, 32, 3)))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _: str(num2date(value).day)))  # "%-d" fails on Windows
    ax.figure.subplots_adjust(left=0.1, right=0.98, bottom=0.14, top=0.91)
    return {"ax": ax, "lines": lines}


@cache
def month_png(month: int, lang: str) -> bytes:
    """The loaves sold and three forecasts, day by day, for one month of 2025 (drawn once)."""
    parts = _month_figure(lang)
    ax = parts["ax"]
    table = forecasts()
    days = table[table["date"].dt.month == month]
    for column, line in parts["lines"].items():
        line.set_data(days["date"], days[column])
    ax.set_xlim(days["date"].min() - pd.Timedelta(hours=14), days["date"].max() + pd.Timedelta(hours=14))
    months = lookup("m02.explore.months", lang)
    ax.set_title(t("m03.explore.month_title", lang, month=months[month - 1]))
    ax.set_xlabel(t("m03.explore.date_axis", lang, month=months[month - 1]))
    return png_bytes(ax.figure)


@cache
def _depth_figure(lang: str) -> dict:
    """The overfitting explorer's figure, made once per language; a depth only moves the marker."""
    errors = depth_errors()
    ax = new_axes(figsize=(6.4, 3.6))
    ax.plot(errors.index, errors["train_mae"], color=PALETTE[4], marker=MARKERS[0], linestyle="-", label=t("m03.explore.train_line", lang))
    ax.plot(errors.index, errors["test_mae"], color=PALETTE[5], marker=MARKERS[2], linestyle="--", label=t("m03.explore.test_line", lang))
    marker = ax.axvline(DEPTHS[0], color="black", linestyle=":", linewidth=1.5)
    ax.set_xlabel(t("m03.explore.depth_axis", lang))
    ax.set_ylabel(t("m03.explore.error_axis", lang))
    ax.set_xticks(list(DEPTHS))
    ax.set_ylim(0, float(errors.max().max()) * 1.08)
    ax.legend(loc="lower left", fontsize="small")
    ax.figure.subplots_adjust(left=0.1, right=0.98, bottom=0.15, top=0.91)
    return {"ax": ax, "marker": marker}


@cache
def depth_png(depth: int, lang: str) -> bytes:
    """Train and test error against depth, with the chosen depth marked (drawn once per depth)."""
    parts = _depth_figure(lang)
    parts["marker"].set_xdata([depth, depth])
    parts["ax"].set_title(t("m03.explore.depth_title", lang, depth=depth))
    return png_bytes(parts["ax"].figure)
