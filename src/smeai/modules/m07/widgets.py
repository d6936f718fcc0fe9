"""Module 07's widgets: the fixed pictures, the table of unusual badge events, and two explorers
(the washers the model got wrong; the alarm level of the packaging machine)."""

from __future__ import annotations

import ipywidgets as widgets
from IPython.display import HTML

from ...datasets.images import LABELS
from ...i18n import format_number, t
from ...plotting import as_image
from ...ui.controls import FloatSlider, ToggleGroup
from ...ui.explorer import View, build_explorer
from .figures import AlarmPlot, access_figure, error_figure, examples_figure, pixels_figure, sensors_figure
from .model import (
    COST_FALSE,
    COST_MISSED,
    ERROR_KINDS,
    GRID_COLUMNS,
    GRID_ROWS,
    SENSOR_CHOICES,
    START_THRESHOLD,
    THRESHOLD_RANGE,
    THRESHOLD_STEP,
    TOP_UNUSUAL,
    TRAIN_SIZES,
    alarm_summary,
    error_masks,
    image_results,
    label_name,
    most_unusual,
    predictions,
)

__all__ = ["show_alarm_explorer", "show_error_explorer", "show_picture", "show_unusual_events"]


def show_picture(name: str):
    """One of the module's fixed figures as a picture: ``"pixels"``, ``"examples"``,
    ``"sensors"`` or ``"access"``."""
    makers = {"pixels": pixels_figure, "examples": examples_figure, "sensors": sensors_figure, "access": access_figure}
    if name not in makers:
        raise ValueError(f"name must be one of {', '.join(makers)}, not {name!r}")
    return as_image(makers[name](), picture_alt(name))


def picture_alt(name: str) -> str:
    """One sentence that says what a fixed figure shows, in the learner's language."""
    fields = {"labels": ", ".join(label_name(label) for label in LABELS), "n": TOP_UNUSUAL}
    return t(f"m07.explore.alt_{name}", **fields)


def error_alt(n_train: int, kind: str) -> str:
    count = int(error_masks(n_train)[kind].sum())
    kind_name = t(f"m07.explore.kind.{kind}").lower()
    if count == 0:
        return t("m07.explore.alt_no_errors", kind=kind_name)
    return t("m07.explore.alt_errors", kind=kind_name, shown=min(count, GRID_COLUMNS * GRID_ROWS), count=count)


def alarm_alt(summary: dict) -> str:
    return t("m07.explore.alt_alarm", sensor=t(f"m07.explore.choice.{summary['which']}").lower(),
             threshold=format_number(summary["threshold"]), **{k: summary[k] for k in ("caught", "failures", "missed", "false_alarms")})


def show_unusual_events(n: int = TOP_UNUSUAL):
    """The table of the most unusual badge events."""
    return HTML(most_unusual(n).to_html(escape=True, classes="smeai-table"))


def show_error_explorer():
    """Choose how many pictures the model learns from and which errors to see; the washers it
    got wrong appear as pictures, with the true and the predicted label."""
    for n_train in TRAIN_SIZES:  # train all four models now (well under a second), so no click waits
        predictions(n_train)
    sizes = ToggleGroup(options=[(str(n), n) for n in TRAIN_SIZES], value=TRAIN_SIZES[-1],
                        description=t("m07.explore.train_slider"))
    # a short label at its natural width ("initial"): never cut off
    kinds = widgets.Dropdown(
        options=[(t(f"m07.explore.kind.{kind}"), kind) for kind in ERROR_KINDS], value="all",
        description=t("m07.explore.kind_label"), style={"description_width": "initial"}, layout=widgets.Layout(width="min(100%, 32em)"),
    )

    def render() -> View:
        text = t("m07.explore.image_result", **image_results(sizes.value))
        return View(text, error_figure(sizes.value, kinds.value), alt=error_alt(sizes.value, kinds.value))

    return build_explorer([sizes, kinds], render, css="smeai-error-explorer", result_css="smeai-image-result")


def show_alarm_explorer():
    """A slider for the alarm level and a choice of sensors; the alarms on the time line, the
    breakdowns caught and missed, the false alarms and the cost follow."""
    low, high = THRESHOLD_RANGE
    slider = FloatSlider(value=START_THRESHOLD, min=low, max=high, step=THRESHOLD_STEP, decimals=2,
                         description=t("m07.explore.threshold_slider"), width="28em")
    sensors = widgets.Dropdown(
        options=[(t(f"m07.explore.choice.{name}"), name) for name in SENSOR_CHOICES], value="all",
        description=t("m07.explore.sensor_label"), style={"description_width": "initial"}, layout=widgets.Layout(width="min(100%, 32em)"),
    )
    plots = {}  # one chart per choice of sensors, made at first use; a slider step only moves its marks

    def render() -> View:
        threshold = float(slider.value)
        summary = alarm_summary(threshold, sensors.value)
        text = t("m07.explore.alarm_result", **summary, cost_each_missed=COST_MISSED, cost_each_false=COST_FALSE)
        if sensors.value not in plots:
            plots[sensors.value] = AlarmPlot(sensors.value)
        plots[sensors.value].show(threshold)
        return View(text, plots[sensors.value].figure, alt=alarm_alt(summary))

    return build_explorer([slider, sensors], render, css="smeai-alarm-explorer")
