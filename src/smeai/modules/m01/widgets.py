"""Module 01's explorers: a size rule on a slider, and teaching a model with 10 examples."""

from __future__ import annotations

from ...i18n import t
from ...plotting import as_image
from ...ui.controls import IntSlider, ToggleGroup
from ...ui.explorer import View, build_explorer
from .figures import learned_figure, rule_figure
from .model import N_APPLES, SIZE_RANGE, examples, learn_from_labels, model_accuracy, rule_accuracy, rule_right

__all__ = ["show_rule_explorer", "show_teach_explorer"]


def show_rule_explorer():
    """A slider for the size threshold; the sorting and its accuracy follow."""
    slider = IntSlider(value=60, min=SIZE_RANGE[0], max=SIZE_RANGE[1] - 1, step=1, description=t("m01.explore.slider"), suffix=" mm")

    def render() -> View:
        mm = slider.value
        text = t("m01.explore.rule_result", mm=mm, pct=rule_accuracy(mm), right=rule_right(mm), total=N_APPLES)
        alt = t("m01.explore.alt_rule", mm=mm, pct=rule_accuracy(mm))
        return View(text, as_image(rule_figure(mm), alt))

    return build_explorer(slider, render, css="smeai-rule-explorer")


def show_teach_explorer():
    """The learner sorts 10 example apples; a model learns from them and sorts the other 40."""
    import sklearn.neighbors  # noqa: F401 - imported now, in the cell, not in the learner's first click
    choices = [(t("m01.explore.unsorted"), None), (t("m01.explore.class1"), True), (t("m01.explore.juice"), False)]
    pickers = {}
    rows = []
    for i, apple in examples().iterrows():
        # the apple's description names its group of buttons (a screen reader says which apple)
        picker = ToggleGroup(options=choices, value=None, description=t("m01.explore.example", number=i + 1, mm=apple.size_mm, pct=apple.redness_pct))
        pickers[i] = picker
        rows.append(picker)

    def render() -> View:
        labels = {i: p.value for i, p in pickers.items()}
        model = learn_from_labels(labels)
        if model is None:
            return View(t("m01.explore.need_both"))
        count = sum(v is not None for v in labels.values())
        pct = model_accuracy(model)
        picture = as_image(learned_figure(model, count), t("m01.explore.alt_teach", count=count, pct=pct))
        return View(t("m01.explore.teach_result", count=count, pct=pct, total=N_APPLES), picture)

    return build_explorer(rows, render, css="smeai-teach-explorer", watch=list(pickers.values()))
