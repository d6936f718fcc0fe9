"""Module 07's widgets: the fixed pictures, the table of unusual badge events, and two explorers
(the washers the model got wrong; the alarm level of the packaging machine)."""

from __future__ import annotations

import ipywidgets as widgets
from IPython.display import HTML

from ...i18n import t
from ...plotting import as_image
from ...plotting import show_figure as redraw
from .figures import AlarmPlot, access_figure, error_figure, examples_figure, pixels_figure, sensors_figure
from .model import (
    COST_FALSE,
    COST_MISSED,
    ERROR_KINDS,
    SENSOR_CHOICES,
    START_THRESHOLD,
    THRESHOLD_RANGE,
    THRESHOLD_STEP,
    TOP_UNUSUAL,
    TRAIN_SIZES,
    alarm_summary,
    image_results,
    most_unusual,
    predictions,
)

__all__ = ["show_alarm_explorer", "show_error_explorer", "show_picture", "show_unusual_events"]


def _show(figure, out):
    redraw(out, figure)


def show_picture(name: str):
    """One of the module's fixed figures as a picture: ``"pixels"``, ``"examples"``,
    ``"sensors"`` or ``"access"``."""
    makers = {"pixels": pixels_figure, "examples": examples_figure, "sensors": sensors_figure, "access": access_figure}
    if name not in makers:
        raise ValueError(f"name must be one of {', '.join(makers)}, not {name!r}")
    return as_image(makers[name]())


def show_unusual_events(n: int = TOP_UNUSUAL):
    """The table of the most unusual badge events."""
    return HTML(most_unusual(n).to_html(escape=True, classes="smeai-table"))


def show_error_explorer():
    """Choose how many pictures the model learns from and which errors to see; the washers it
    got wrong appear as pictures, with the true and the predicted label."""
    for n_train in TRAIN_SIZES:  # train all four models now (well under a second), so no click waits
        predictions(n_train)
    sizes = widgets.ToggleButtons(
        options=[(str(n), n) for n in TRAIN_SIZES], value=TRAIN_SIZES[-1],
        description=t("m07.explore.train_slider"), style={"description_width": "initial", "button_width": "4.5em"},
    )
    kinds = widgets.Dropdown(
        options=[(t(f"m07.explore.kind.{kind}"), kind) for kind in ERROR_KINDS], value="all",
        description=t("m07.explore.kind_label"), style={"description_width": "initial"}, layout=widgets.Layout(width="32em"),
    )
    result = widgets.HTML()
    result.add_class("smeai-image-result")
    out = widgets.Output()

    def update(change=None):
        try:
            summary = image_results(sizes.value)
            result.value = t("m07.explore.image_result", **summary)
            _show(error_figure(sizes.value, kinds.value), out)
        except Exception:  # never a traceback in a widget
            result.value = t("m07.explore.widget_error")

    sizes.observe(update, names="value")
    kinds.observe(update, names="value")
    update()
    box = widgets.VBox([sizes, kinds, result, out])
    box.add_class("smeai-error-explorer")
    return box


def show_alarm_explorer():
    """A slider for the alarm level and a choice of sensors; the alarms on the time line, the
    breakdowns caught and missed, the false alarms and the cost follow."""
    low, high = THRESHOLD_RANGE
    slider = widgets.FloatSlider(
        value=START_THRESHOLD, min=low, max=high, step=THRESHOLD_STEP, readout_format=".2f",
        description=t("m07.explore.threshold_slider"), continuous_update=False,
        style={"description_width": "initial"}, layout=widgets.Layout(width="34em"),
    )
    sensors = widgets.Dropdown(
        options=[(t(f"m07.explore.choice.{name}"), name) for name in SENSOR_CHOICES], value="all",
        description=t("m07.explore.sensor_label"), style={"description_width": "initial"}, layout=widgets.Layout(width="34em"),
    )
    result = widgets.HTML()
    result.add_class("smeai-alarm-result")
    out = widgets.Output()

    plots = {}  # one chart per choice of sensors, made at first use

    def update(change=None):
        try:
            summary = alarm_summary(float(slider.value), sensors.value)
            result.value = t("m07.explore.alarm_result", **summary, cost_each_missed=COST_MISSED, cost_each_false=COST_FALSE)
            if sensors.value not in plots:
                plots[sensors.value] = AlarmPlot(sensors.value)
            plot = plots[sensors.value]
            plot.show(float(slider.value))
            _show(plot.figure, out)
        except Exception:  # never a traceback in a widget
            result.value = t("m07.explore.widget_error")

    slider.observe(update, names="value")
    sensors.observe(update, names="value")
    update()
    box = widgets.VBox([slider, sensors, result, out])
    box.add_class("smeai-alarm-explorer")
    return box
