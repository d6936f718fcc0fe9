"""Module 01's explorers: a size rule on a slider, and teaching a model with 10 examples."""

from __future__ import annotations

import ipywidgets as widgets

from ...i18n import t
from ...ui.explorer import View, build_explorer
from .figures import learned_figure, rule_figure
from .model import N_APPLES, SIZE_RANGE, examples, learn_from_labels, model_accuracy, rule_accuracy, rule_right

__all__ = ["show_rule_explorer", "show_teach_explorer"]


def show_rule_explorer():
    """A slider for the size threshold; the sorting and its accuracy follow."""
    slider = widgets.IntSlider(value=60, min=SIZE_RANGE[0], max=SIZE_RANGE[1] - 1, step=1, description=t("m01.explore.slider"), continuous_update=False, style={"description_width": "initial"})

    def render() -> View:
        mm = slider.value
        text = t("m01.explore.rule_result", mm=mm, pct=rule_accuracy(mm), right=rule_right(mm), total=N_APPLES)
        return View(text, rule_figure(mm))

    return build_explorer(slider, render, css="smeai-rule-explorer")


def show_teach_explorer():
    """The learner sorts 10 example apples; a model learns from them and sorts the other 40."""
    import sklearn.neighbors  # noqa: F401 - imported now, in the cell, not in the learner's first click
    choices = [(t("m01.explore.unsorted"), None), (t("m01.explore.class1"), True), (t("m01.explore.juice"), False)]
    pickers = {}
    rows = []
    for i, apple in examples().iterrows():
        picker = widgets.ToggleButtons(options=choices, value=None, style={"button_width": "7em"})
        pickers[i] = picker
        label = t("m01.explore.example", number=i + 1, mm=apple.size_mm, pct=apple.redness_pct)
        rows.append(widgets.HBox([widgets.HTML(label, layout=widgets.Layout(width="16em")), picker]))

    def render() -> View:
        labels = {i: p.value for i, p in pickers.items()}
        model = learn_from_labels(labels)
        if model is None:
            return View(t("m01.explore.need_both"))
        count = sum(v is not None for v in labels.values())
        return View(t("m01.explore.teach_result", count=count, pct=model_accuracy(model), total=N_APPLES), learned_figure(model, count))

    return build_explorer(rows, render, css="smeai-teach-explorer", watch=list(pickers.values()))
