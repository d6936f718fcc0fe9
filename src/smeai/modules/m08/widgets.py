"""Module 08's widgets: the past decisions, the fairness of the screening model per group, and
what counts in the model."""

from __future__ import annotations

from ...i18n import get_language, t
from ...ui.controls import IntSlider, ToggleGroup
from ...ui.explorer import View, build_explorer
from .figures import figure_image
from .model import (
    DEFAULT_THRESHOLD,
    FOUR_FIFTHS,
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

__all__ = ["fairness_alt", "history_alt", "importance_alt", "fairness_table", "fairness_verdict", "show_fairness_explorer", "show_history_explorer", "show_importance_explorer"]


def _pct_text(value) -> str:
    return "–" if value is None else t("m08.explore.pct", value=value)


def history_alt(by: str) -> str:
    """One sentence that says what the history chart shows."""
    rates = history_rates(by)
    if by == "group":
        return t("m08.explore.alt_history_group", a=rates.loc["A"].invited_pct, b=rates.loc["B"].invited_pct)
    areas = "; ".join(t("m08.explore.alt_history_one_area", area=t("m08.explore.area", area=area), invited=row.invited_pct, share=row.group_b_pct)
                      for area, row in rates.iterrows())
    return t("m08.explore.alt_history_area", areas=areas)


def fairness_alt(name: str, threshold_pct: float) -> str:
    metrics = fairness(name, threshold_pct)["metrics"]
    fields = {f"{g.lower()}_{key}": _pct_text(metrics[g][f"{key}_pct"]) for g in GROUPS for key in ("selected", "accuracy", "missed")}
    line = _pct_text(round(FOUR_FIFTHS * max(metrics[g]["selected_pct"] or 0 for g in GROUPS), 1))
    return t("m08.explore.alt_fairness", model=t("m08.explore.model." + name), threshold=round(threshold_pct), line=line, **fields)


def importance_alt(name: str) -> str:
    found = importances(name)
    items = ", ".join(f"{t('m08.explore.feature.' + c)} {t('m08.explore.pp', value=found[c])}" for c in sorted(found, key=found.get, reverse=True))
    return t("m08.explore.alt_importance", model=t("m08.explore.model." + name), items=items)


def _model_choice() -> ToggleGroup:
    return ToggleGroup(options=[(t("m08.explore.model." + name), name) for name in MODELS], value="with_postcode",
                       description=t("m08.explore.inputs"))


def show_history_explorer():
    """The past decisions, per group or per postcode area: who was invited?"""
    view = ToggleGroup(options=[(t("m08.explore.by_group"), "group"), (t("m08.explore.by_area"), PROXY)],
                       value="group", description=t("m08.explore.view"))

    def render() -> View:
        rates = history_rates(view.value)
        if view.value == "group":
            a, b = rates.loc["A"], rates.loc["B"]
            text = t("m08.explore.history_group", a=a.invited_pct, b=b.invited_pct, count_a=int(a["count"]), count_b=int(b["count"]))
        else:
            text = t("m08.explore.history_area")
        return View(text, figure_image("history", get_language(), view.value), alt=history_alt(view.value))

    return build_explorer(view, render, css="smeai-history-explorer")


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
    choice = _model_choice()
    low, high = THRESHOLD_RANGE
    # a track of 24em for 10-90 %: steps of 5 % are a finger's width apart
    slider = IntSlider(value=DEFAULT_THRESHOLD, min=low, max=high, step=THRESHOLD_STEP, description=t("m08.explore.threshold"),
                       suffix=" %", width="24em")

    def render() -> View:
        verdict = f"<div class='smeai-fairness-verdict'>{fairness_verdict(choice.value, slider.value)}</div>"
        text = fairness_table(choice.value, slider.value) + verdict
        return View(text, figure_image("fairness", get_language(), choice.value, slider.value),
                    alt=fairness_alt(choice.value, slider.value))

    return build_explorer([choice, slider], render, css="smeai-fairness-explorer")


def show_importance_explorer():
    """Which inputs matter to each model: permutation importance, computed once per model."""
    for name in MODELS:  # the slow part, once, before the learner clicks
        importances(name)
    choice = _model_choice()

    def render() -> View:
        found = importances(choice.value)
        top = max(found, key=found.get)
        text = t("m08.explore.importance_result", feature=t("m08.explore.feature." + top), value=found[top])
        return View(text, figure_image("importance", get_language(), choice.value), alt=importance_alt(choice.value))

    return build_explorer(choice, render, css="smeai-importance-explorer")
