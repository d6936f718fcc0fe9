"""Module 01: sorting apples by a rule, and by learning from examples the learner labels.

The logic is plain functions on small, fixed data (made once, then cached), so every widget
callback only computes a few comparisons and redraws one small figure.
"""

from __future__ import annotations

from functools import cache

from ..datasets import make_apples
from ..i18n import t

APPLES_SEED = 1  # the 40 apples the rules and the model are judged on
EXAMPLES_SEED = 2  # the 10 apples the learner labels
SIZE_RANGE = (55, 90)
REDNESS_RANGE = (0, 100)


@cache
def apples():
    """The 40 sorted apples every accuracy in module 01 is measured on."""
    return make_apples(n_samples=40, random_state=APPLES_SEED)


@cache
def examples():
    """The 10 apples the learner sorts by hand, as a teacher would."""
    return make_apples(n_samples=10, label_noise=0.0, random_state=EXAMPLES_SEED)


def rule_accuracy(threshold_mm: float) -> float:
    """Percentage of apples sorted right by the rule "class 1 when at least ``threshold_mm``"."""
    data = apples()
    return round(100 * float(((data.size_mm >= threshold_mm) == data.class1).mean()), 1)


def best_rule() -> tuple[float, float]:
    """The whole-millimetre threshold with the highest accuracy, and that accuracy."""
    return max(((mm, rule_accuracy(mm)) for mm in range(*SIZE_RANGE)), key=lambda pair: pair[1])


def learn_from_labels(labels: dict[int, bool]):
    """A nearest-neighbour model trained on the examples the learner labelled (None while
    fewer than two classes are labelled, since one class cannot teach a difference)."""
    chosen = {i: v for i, v in labels.items() if v is not None}
    if len(set(chosen.values())) < 2:
        return None
    from sklearn.neighbors import KNeighborsClassifier

    data = examples().iloc[sorted(chosen)]
    model = KNeighborsClassifier(n_neighbors=1)
    model.fit(_scaled(data), [chosen[i] for i in sorted(chosen)])
    return model


def _scaled(data):
    # size and redness on comparable scales, so neither measurement dominates the distance
    return list(zip((data.size_mm - SIZE_RANGE[0]) / (SIZE_RANGE[1] - SIZE_RANGE[0]), data.redness_pct / 100))


def model_accuracy(model) -> float:
    """Percentage of the 40 apples a learned model sorts right."""
    data = apples()
    return round(100 * float((model.predict(_scaled(data)) == data.class1.to_numpy()).mean()), 1)


def learned_accuracy(labels: dict[int, bool]) -> float | None:
    model = learn_from_labels(labels)
    return None if model is None else model_accuracy(model)


# -- widgets ------------------------------------------------------------------------------------

def _scatter(ax, data, predicted, title):
    from ..plotting import MARKERS, PALETTE

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


def rule_explorer():
    """A slider for the size threshold; the sorting and its accuracy follow."""
    import ipywidgets as widgets

    from ..plotting import new_axes, show_figure

    slider = widgets.IntSlider(value=60, min=SIZE_RANGE[0], max=SIZE_RANGE[1] - 1, step=1, description=t("m01.explore.slider"), continuous_update=False, style={"description_width": "initial"})
    result = widgets.HTML()
    result.add_class("smeai-rule-result")
    out = widgets.Output()

    def update(change=None):
        accuracy = rule_accuracy(slider.value)
        result.value = t("m01.explore.rule_result", mm=slider.value, pct=accuracy, right=round(accuracy * 0.4), total=40)
        data = apples()
        ax = new_axes(figsize=(6, 3.6))
        _scatter(ax, data, (data.size_mm >= slider.value).to_numpy(), t("m01.explore.rule_title", mm=slider.value))
        ax.axvline(slider.value, color="black", linestyle="--")
        show_figure(out, ax.figure)

    slider.observe(update, names="value")
    update()
    box = widgets.VBox([slider, result, out])
    box.add_class("smeai-rule-explorer")
    return box


def teach_explorer():
    """The learner sorts 10 example apples; a model learns from them and sorts the other 40."""
    import ipywidgets as widgets

    from ..plotting import new_axes, show_figure

    import sklearn.neighbors  # noqa: F401 - imported now, in the cell, not in the first click

    choices = [(t("m01.explore.unsorted"), None), (t("m01.explore.class1"), True), (t("m01.explore.juice"), False)]
    pickers = {}
    rows = []
    for i, apple in examples().iterrows():
        picker = widgets.ToggleButtons(options=choices, value=None, style={"button_width": "7em"})
        pickers[i] = picker
        label = t("m01.explore.example", number=i + 1, mm=apple.size_mm, pct=apple.redness_pct)
        rows.append(widgets.HBox([widgets.HTML(label, layout=widgets.Layout(width="16em")), picker]))
    result = widgets.HTML()
    result.add_class("smeai-teach-result")
    out = widgets.Output()

    def update(change=None):
        labels = {i: p.value for i, p in pickers.items()}
        model = learn_from_labels(labels)
        if model is None:
            result.value = t("m01.explore.need_both")
            out.clear_output()
            return
        data = apples()
        accuracy = model_accuracy(model)
        count = sum(v is not None for v in labels.values())
        result.value = t("m01.explore.teach_result", count=count, pct=accuracy)
        ax = new_axes(figsize=(6, 3.6))
        _scatter(ax, data, model.predict(_scaled(data)), t("m01.explore.teach_title", count=count))
        show_figure(out, ax.figure)

    for picker in pickers.values():
        picker.observe(update, names="value")
    update()
    box = widgets.VBox([*rows, result, out])
    box.add_class("smeai-teach-explorer")
    return box

