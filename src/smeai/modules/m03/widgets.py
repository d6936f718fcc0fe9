"""Module 03's explorers: a month of forecasts, a what-if for tomorrow, and a tree's depth."""

from __future__ import annotations

import html

import ipywidgets as widgets

from ...i18n import get_language, lookup, t
from ...ui.controls import IntSlider
from ...ui.explorer import View, build_explorer
from ...ui.picture import Picture
from ...ui.tables import Table
from ...ui.messagebox import BLUE, GREEN, ORANGE
from .figures import depth_png, month_png
from .model import (
    DEPTHS, MONTHS, depth_errors, RAIN_RANGE, TEMPERATURE_RANGE, TEST_YEAR, WHAT_IF_METHODS, describe_depth, describe_month,
    forecast, method_label, weekday_name,
)

__all__ = ["show_forecast_explorer", "show_what_if_explorer", "show_depth_explorer", "what_if", "month_picture", "depth_picture", "show_table"]

BAR_SCALE_LOAVES = 250  # the what-if bars' full width, in loaves
_STYLE = {"description_width": "initial"}


def show_forecast_explorer():
    """Choose a month of 2025: the loaves sold and what each method forecast, day by day."""
    months = lookup("m02.explore.months")
    month = widgets.Dropdown(options=[(f"{months[m - 1]} {TEST_YEAR}", m) for m in MONTHS], value=6, description=t("m03.explore.month"), style=_STYLE)
    return build_explorer(month, lambda: View(describe_month(month.value), month_picture(month.value)), css="smeai-forecast-explorer")


def month_picture(month: int) -> Picture:
    """The forecast explorer's figure with one sentence that says what it shows."""
    months = lookup("m02.explore.months")
    return Picture(month_png(month, get_language()), t("m03.explore.alt_month", month=months[month - 1], year=str(TEST_YEAR)))


def depth_picture(depth: int) -> Picture:
    """The depth explorer's figure with one sentence that says what it shows."""
    row = depth_errors().loc[depth]
    return Picture(depth_png(depth, get_language()), t("m03.explore.alt_depth", depth=depth, train=round(row["train_mae"], 1), test=round(row["test_mae"], 1)))


def what_if(weekday: int, temperature_c: float, rain_mm: float, holiday: bool) -> str:
    """The what-if explorer's answer as HTML: each method's forecast, with a bar to compare."""
    values = {m: forecast(m, weekday, temperature_c, rain_mm, holiday) for m in WHAT_IF_METHODS}
    top = max(BAR_SCALE_LOAVES, *values.values())  # a fixed scale, so bars compare across settings
    borders = {"weekday": "dashed", "linear": "solid", "tree": "dotted"}
    colours = {"weekday": ORANGE, "linear": BLUE, "tree": GREEN}
    rows = []
    for method, value in values.items():
        width = max(0.0, value) / top * 100
        bar = f'<div style="width:{width:.0f}%;height:1em;background:{colours[method]};border:2px {borders[method]} black"></div>'
        rows.append(
            f'<tr><td style="padding-right:1em">{html.escape(method_label(method))}</td>'
            f'<td style="text-align:right;padding-right:1em"><b>{round(value)}</b></td><td style="width:16em">{bar}</td></tr>'
        )
    day = weekday_name(weekday)
    heading = t("m03.explore.what_if_heading", day=day, temperature=temperature_c, rain=rain_mm) + (" " + t("m03.explore.on_holiday") if holiday else "")
    return f"<p>{heading}</p><table>{''.join(rows)}</table><p>{t('m03.explore.what_if_unit')}</p>"


def show_what_if_explorer():
    """Set tomorrow's weekday, weather and holiday: each method's forecast of the loaves."""
    day = widgets.Dropdown(options=[(weekday_name(d), d) for d in range(6)], value=0, description=t("m03.explore.weekday"), style=_STYLE)
    temperature = IntSlider(value=15, min=TEMPERATURE_RANGE[0], max=TEMPERATURE_RANGE[1], step=1, description=t("m03.explore.temperature"), suffix=" °C")
    rain = IntSlider(value=0, min=RAIN_RANGE[0], max=RAIN_RANGE[1], step=1, description=t("m03.explore.rain"), suffix=" mm")
    # as wide as its words: a fixed width cut the label off ("Feestdag (zoals Koningsdag of Hemelva…")
    holiday = widgets.Checkbox(value=False, description=t("m03.explore.holiday"), indent=False, layout=widgets.Layout(width="auto"))
    return build_explorer(
        [day, temperature, rain, holiday], lambda: View(what_if(day.value, temperature.value, rain.value, holiday.value)),
        css="smeai-what-if-explorer", show_picture=False,
    )


def show_depth_explorer():
    """A slider for the decision tree's depth: how far off it is on 2024 (learned) and 2025 (new)."""
    slider = IntSlider(value=1, min=DEPTHS[0], max=DEPTHS[-1], step=1, description=t("m03.explore.depth"))
    return build_explorer(slider, lambda: View(describe_depth(slider.value), depth_picture(slider.value)), css="smeai-depth-explorer")


def show_table(frame) -> Table:
    """The greenhouse rows with a name in the learner's language above each column's code name
    (the name the learner's code uses, e.g. ``yield_kg_m2``)."""
    labels = {column: lookup(f"m03.explore.greenhouse_columns.{column}") for column in frame.columns}
    return Table(frame, {column: label for column, label in labels.items() if not label.startswith("m03.")})
