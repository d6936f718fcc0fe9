"""Module 04's explorers (on the shared scaffold) and the confusion table a notebook cell shows."""

from __future__ import annotations

import html

import ipywidgets as widgets

from ...i18n import format_number, get_language, t
from ...ui.controls import IntSlider
from ...ui.explorer import View, build_explorer
from ...ui.messagebox import MessageBox
from ...ui.picture import Picture
from ...ui.tables import Table
from .figures import CostFigure, profile_png
from .model import (DEFAULT_COSTS, pct_late, VIEWS, Counts, check_case, count, group_label, profile, test_chances,
                    threshold_state)

__all__ = ["ConfusionView", "confusion_table", "matrix_html", "profile_summary", "threshold_summary",
           "show_profile_explorer", "show_threshold_explorer", "profile_alt", "cost_alt", "show_table"]


class ConfusionView(MessageBox):
    """A confusion matrix as a small table in plain words, optionally in euros, in the one message
    box: the words in a terminal, the table in a notebook.

    ``confusion_table(alarm, truth)`` in a notebook cell shows it; ``counts`` and ``cost`` hold the
    numbers for code and tests.
    """

    def __init__(self, counts: Counts, case: str = "invoices", false_alarm_eur=None, miss_eur=None):
        self.counts = counts
        self.case = case
        self.false_alarm_eur = false_alarm_eur
        self.miss_eur = miss_eur
        super().__init__(self._words(), icon="", css="smeai-m04-confusion",
                         body_html=matrix_html(counts, case, false_alarm_eur, miss_eur, self._cells()))

    @property
    def in_euros(self) -> bool:
        return self.false_alarm_eur is not None and self.miss_eur is not None

    @property
    def cost(self):
        return self.counts.cost(self.false_alarm_eur, self.miss_eur) if self.in_euros else None

    def _cells(self):
        return _cells(self.counts, self.case, self.false_alarm_eur, self.miss_eur)

    def _words(self) -> str:
        cells = self._cells()
        lines = [f"{t('m04.explore.alarm_col')} | {t('m04.explore.no_alarm_col')}"]
        lines.append(f"{cells['row_yes']}: {cells['caught'][0]} {cells['caught'][1]} | {cells['missed'][0]} {cells['missed'][1]}")
        lines.append(f"{cells['row_no']}: {cells['false_alarm'][0]} {cells['false_alarm'][1]} | {cells['quiet'][0]} {cells['quiet'][1]}")
        if self.in_euros:
            lines.append(t("m04.explore.total_cost", cost=self.cost))
        return "\n".join(lines)


def _cells(counts: Counts, case: str, false_alarm_eur, miss_eur) -> dict:
    """The words (and, with prices, the euros) in each cell of the matrix, and its row names."""
    c, key = counts, f"m04.explore.{case}"
    in_euros = false_alarm_eur is not None and miss_eur is not None
    euros = lambda n, price: f" × € {format_number(price)} = € {format_number(n * price)}" if in_euros else ""  # noqa: E731
    return {
        "caught": (t("m04.explore.caught"), f"{c.caught}"),
        "missed": (t("m04.explore.missed"), f"{c.missed}{euros(c.missed, miss_eur)}"),
        "false_alarm": (t("m04.explore.false_alarm"), f"{c.false_alarm}{euros(c.false_alarm, false_alarm_eur)}"),
        "quiet": (t("m04.explore.quiet"), f"{c.quiet}"),
        "row_yes": t(f"{key}.really_yes"),
        "row_no": t(f"{key}.really_no"),
    }


def confusion_table(alarm, truth, *, false_alarm_eur=None, miss_eur=None, case: str = "invoices") -> ConfusionView:
    """The confusion matrix of ``alarm`` (True/False per row) against ``truth``; with both
    prices given, the mistakes are shown in euros too."""
    return ConfusionView(count(alarm, truth), case, false_alarm_eur, miss_eur)


def matrix_html(counts: Counts, case: str, false_alarm_eur=None, miss_eur=None, cells=None) -> str:
    """The 2×2 table as HTML: words and symbols in every cell, so colour is never the only cue."""
    in_euros = false_alarm_eur is not None and miss_eur is not None
    cells = cells or _cells(counts, case, false_alarm_eur, miss_eur)
    style = "border:1px solid #999;padding:0.35em 0.7em;text-align:left"

    def cell(name, symbol, colour):
        label, value = cells[name]
        return (f'<td class="smeai-m04-{name}" style="{style};border-left:6px solid {colour}">'
                f'<span aria-hidden="true">{symbol}</span> {html.escape(label)}: <b>{html.escape(value)}</b></td>')

    good, bad = "#009E73", "#D55E00"
    rows = [
        f'<tr><th style="{style}"></th><th style="{style}">{html.escape(t("m04.explore.alarm_col"))}</th>'
        f'<th style="{style}">{html.escape(t("m04.explore.no_alarm_col"))}</th></tr>',
        f'<tr><th style="{style}">{html.escape(cells["row_yes"])}</th>{cell("caught", "✔", good)}{cell("missed", "✘", bad)}</tr>',
        f'<tr><th style="{style}">{html.escape(cells["row_no"])}</th>{cell("false_alarm", "✘", bad)}{cell("quiet", "✔", good)}</tr>',
    ]
    total = ""
    if in_euros:
        total = f'<div class="smeai-m04-total">{t("m04.explore.total_cost_html", cost=counts.cost(false_alarm_eur, miss_eur))}</div>'
    return f'<table class="smeai-m04-matrix" style="border-collapse:collapse;margin:0.3em 0">{"".join(rows)}</table>{total}'


# -- the profile explorer ------------------------------------------------------------------------

def profile_alt(case: str, view: str) -> str:
    """One sentence that says what the profile figure shows (for a screen reader)."""
    items = "; ".join(f"{group_label(case, view, key)}: {format_number(round(pct))} %" for key, _, pct in profile(case, view))
    title = t(f"m04.explore.{case}.profile_title", view=t(f"m04.explore.views.{view}"))
    return t("m04.explore.alt_profile", title=title, average=round(pct_late(case)), items=items)

def profile_summary(case: str, view: str) -> str:
    parts = [f"{group_label(case, view, key)}: <b>{format_number(pct)} %</b> ({n})" for key, n, pct in profile(case, view)]
    return t(f"m04.explore.{case}.profile_result") + " " + " · ".join(parts)


def show_profile_explorer(case: str = "invoices"):
    """Zero code: choose a column, see which groups are late (or stay away) more often."""
    check_case(case)
    for view in VIEWS[case]:  # draw every view once now, so that choosing one is instant
        profile_png(case, view, get_language())
    picker = widgets.Dropdown(options=[(t(f"m04.explore.views.{v}"), v) for v in VIEWS[case]], value=VIEWS[case][0],
                              description=t("m04.explore.view_picker"), style={"description_width": "initial"})

    def render() -> View:
        picture = Picture(profile_png(case, picker.value, get_language()), profile_alt(case, picker.value))
        return View(profile_summary(case, picker.value), picture)

    return build_explorer(picker, render, css="smeai-m04-profile-explorer")


# -- the threshold explorer ----------------------------------------------------------------------

def threshold_summary(case: str, state: dict, threshold_pct, false_alarm_eur, miss_eur, use_age: bool = False) -> str:
    """The words under the sliders: the matrix in euros, the total, the rule, and for
    appointments how often each age band gets an alarm."""
    parts = [matrix_html(state["counts"], case, false_alarm_eur, miss_eur)]
    if state["free"]:
        parts.append(MessageBox(t("m04.explore.free"), css="smeai-m04-message")._repr_html_())
    parts.append(t(f"m04.explore.{case}.rule_result", cost=state["rule_cost"], false_alarms=state["rule_counts"].false_alarm, missed=state["rule_counts"].missed))
    parts.append(t("m04.explore.alarms", alarms=state["counts"].alarms, total=state["counts"].total, threshold=threshold_pct))
    if case == "appointments":
        shares = state["flagged_by_age"]
        parts.append(t("m04.explore.by_age", young=shares["18-30"], old=shares["66+"]) + " "
                     + t("m04.explore.with_age" if use_age else "m04.explore.without_age"))
    return "<br>".join(parts)


def show_threshold_explorer(case: str = "invoices"):
    """Set the prices of a false alarm and a miss, move the threshold, and find the cheapest.

    The model's chances on the test set are computed once; each move only recounts.
    """
    check_case(case)
    false_alarm_default, miss_default = DEFAULT_COSTS[case]
    threshold = IntSlider(value=50, min=1, max=99, step=1, description=t("m04.explore.threshold_slider"), suffix=" %")
    false_alarm = IntSlider(value=false_alarm_default, min=0, max=100, step=1, description=t(f"m04.explore.{case}.false_alarm_slider"), prefix="€ ")
    miss = IntSlider(value=miss_default, min=0, max=300, step=5, description=t(f"m04.explore.{case}.miss_slider"), prefix="€ ")
    controls = [threshold, false_alarm, miss]
    use_age = None
    if case == "appointments":
        test_chances(case, True)  # train the model with age now, not when the box is ticked
        use_age = widgets.Checkbox(value=False, description=t("m04.explore.use_age"), indent=False, layout=widgets.Layout(width="auto"))
        controls.append(use_age)
    costs_figure = CostFigure(case)

    def render() -> View:
        age = bool(use_age.value) if use_age is not None else False
        state = threshold_state(case, threshold.value, false_alarm.value, miss.value, age)
        summary = threshold_summary(case, state, threshold.value, false_alarm.value, miss.value, age)
        picture = Picture(costs_figure.update(state, threshold.value).png(), cost_alt(case, state, threshold.value))
        return View(summary, picture)

    return build_explorer(controls, render, css="smeai-m04-threshold-explorer")


def cost_alt(case: str, state: dict, threshold_pct) -> str:
    """One sentence that says what the cost figure shows (for a screen reader)."""
    return t("m04.explore.alt_cost", n=state["counts"].total, what=t(f"m04.explore.{case}.rule_label"),
             rule=f"€ {format_number(round(state['rule_cost']))}", threshold=threshold_pct, cost=f"€ {format_number(round(state['cost']))}")


# -- a table of rows that fits the page ----------------------------------------------------------

def show_table(frame) -> Table:
    """Rows of the invoices or appointments with the learner's name above each column's code
    name; headers and cells wrap, so the answer column (the last) stays on the page."""
    labels = {column: t(f"m04.explore.table_columns.{column}") for column in frame.columns}
    return Table(frame, {column: label for column, label in labels.items() if not label.startswith("m04.")})
