"""Module 08's widgets: the past decisions, the fairness of the screening model per group, and
what counts in the model."""

from __future__ import annotations

import logging

import ipywidgets as widgets
from IPython.display import display

from ...i18n import get_language, t
from .figures import figure_image
from .model import (
    DEFAULT_THRESHOLD,
    GROUPS,
    MODELS,
    PROXY,
    THRESHOLD_RANGE,
    THRESHOLD_STEP,
    chances,
    fairness,
    group_label,
    history_rates,
    importances,
)

__all__ = ["fairness_table", "fairness_verdict", "show_fairness_explorer", "show_history_explorer", "show_importance_explorer"]

log = logging.getLogger(__name__)


def _pct_text(value) -> str:
    return "–" if value is None else t("m08.explore.pct", value=value)


def show_history_explorer():
    """The past decisions, per group or per postcode area: who was invited?"""
    view = widgets.ToggleButtons(
        options=[(t("m08.explore.by_group"), "group"), (t("m08.explore.by_area"), PROXY)],
        value="group", description=t("m08.explore.view"), style={"description_width": "initial"},
    )
    result = widgets.HTML()
    result.add_class("smeai-history-result")
    out = widgets.Output()

    def update(change=None):
        try:
            rates = history_rates(view.value)
        except Exception:  # never a traceback for the learner (INFO: not printed unless logging is set up)
            log.info("module 08 explorer failed", exc_info=True)
            result.value = t("m08.explore.bad_choice")
            return
        if view.value == "group":
            a, b = rates.loc["A"], rates.loc["B"]
            result.value = t("m08.explore.history_group", a=a.invited_pct, b=b.invited_pct, count_a=int(a["count"]), count_b=int(b["count"]))
        else:
            result.value = t("m08.explore.history_area")
        out.clear_output(wait=True)
        with out:
            display(figure_image("history", get_language(), view.value))

    view.observe(update, names="value")
    update()
    box = widgets.VBox([view, result, out])
    box.add_class("smeai-history-explorer")
    return box


def fairness_table(name: str, threshold_pct: float) -> str:
    """The numbers of one choice as a small HTML table, one column per group."""
    found = fairness(name, threshold_pct)
    metrics = found["metrics"]
    rows = [
        ("count", lambda m: str(m["count"])),
        ("selected", lambda m: f"{_pct_text(m['selected_pct'])} ({m['selected']})"),
        ("accuracy", lambda m: _pct_text(m["accuracy_pct"])),
        ("missed", lambda m: _pct_text(m["missed_pct"])),
        ("wrongly_invited", lambda m: _pct_text(m["wrongly_invited_pct"])),
    ]
    cell = "style='padding:0.1em 0.8em;text-align:{align}'"
    head = "".join(f"<th {cell.format(align='right')}>{group_label(g)}</th>" for g in GROUPS)
    body = "".join(
        f"<tr><td {cell.format(align='left')}>{t('m08.explore.row.' + key)}</td>"
        + "".join(f"<td {cell.format(align='right')}>{show(metrics[g])}</td>" for g in GROUPS)
        + "</tr>"
        for key, show in rows
    )
    return f"<table class='smeai-fairness-table'><tr><th></th>{head}</tr>{body}</table>"


def fairness_verdict(name: str, threshold_pct: float) -> str:
    found = fairness(name, threshold_pct)
    if found["ratio"] is None:
        return t("m08.explore.nobody")
    key = "m08.explore.passes" if found["passes"] else "m08.explore.fails"
    lower = group_label(found["lower"]) if found["lower"] else t("m08.explore.no_group")
    return t(key, ratio=found["ratio"], lower=lower)


def show_fairness_explorer():
    """Choose the model's inputs (with or without the postcode area) and its threshold; the
    selection rates, the four-fifths check and the errors per group follow."""
    for name in MODELS:  # train every model the buttons offer now, never in a callback
        chances(name)
    choice = widgets.ToggleButtons(
        options=[(t("m08.explore.model." + name), name) for name in MODELS],
        value="with_postcode", description=t("m08.explore.inputs"), style={"description_width": "initial"},
    )
    low, high = THRESHOLD_RANGE
    slider = widgets.IntSlider(
        value=DEFAULT_THRESHOLD, min=low, max=high, step=THRESHOLD_STEP, description=t("m08.explore.threshold"),
        continuous_update=False, style={"description_width": "initial"}, layout=widgets.Layout(width="28em"),
    )
    table = widgets.HTML()
    table.add_class("smeai-fairness-result")
    verdict = widgets.HTML()
    verdict.add_class("smeai-fairness-verdict")
    out = widgets.Output()

    def update(change=None):
        try:
            table.value = fairness_table(choice.value, slider.value)
            verdict.value = fairness_verdict(choice.value, slider.value)
            figure = figure_image("fairness", get_language(), choice.value, slider.value)
        except Exception:  # never a traceback for the learner (INFO: not printed unless logging is set up)
            log.info("module 08 explorer failed", exc_info=True)
            verdict.value = t("m08.explore.bad_choice")
            return
        out.clear_output(wait=True)
        with out:
            display(figure)

    choice.observe(update, names="value")
    slider.observe(update, names="value")
    update()
    box = widgets.VBox([choice, slider, table, verdict, out])
    box.add_class("smeai-fairness-explorer")
    return box


def show_importance_explorer():
    """Which inputs matter to each model: permutation importance, computed once per model."""
    for name in MODELS:  # the slow part, once, before the learner clicks
        importances(name)
    choice = widgets.ToggleButtons(
        options=[(t("m08.explore.model." + name), name) for name in MODELS],
        value="with_postcode", description=t("m08.explore.inputs"), style={"description_width": "initial"},
    )
    result = widgets.HTML()
    result.add_class("smeai-importance-result")
    out = widgets.Output()

    def update(change=None):
        try:
            found = importances(choice.value)
        except Exception:  # never a traceback for the learner (INFO: not printed unless logging is set up)
            log.info("module 08 explorer failed", exc_info=True)
            result.value = t("m08.explore.bad_choice")
            return
        top = max(found, key=found.get)
        result.value = t("m08.explore.importance_result", feature=t("m08.explore.feature." + top), value=found[top])
        out.clear_output(wait=True)
        with out:
            display(figure_image("importance", get_language(), choice.value))

    choice.observe(update, names="value")
    update()
    box = widgets.VBox([choice, result, out])
    box.add_class("smeai-importance-explorer")
    return box
