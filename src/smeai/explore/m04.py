"""Module 04: classifying. Which invoices will be paid late, which patients will not turn up?

Two cases share the same logic: ``"invoices"`` (Groothandel Van Dijk, Zwolle) and
``"appointments"`` (physiotherapy practice De Brug, Deventer). Each is split once into a train
and a test set, a model is trained once, and its chances on the test set are computed once
(all cached). A widget callback then only compares those chances with a threshold, counts four
numbers and redraws one small figure.

Words used throughout: an **alarm** is the model saying "late" (or "no-show"). A **false alarm**
is an alarm for an invoice that was paid on time; a **miss** is a late invoice without an alarm.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..i18n import format_number, get_language, t

CASES = ("invoices", "appointments")
N_INVOICES, INVOICES_SEED = 1000, 14
N_APPOINTMENTS, APPOINTMENTS_SEED = 1500, 2
TEST_SHARE, SPLIT_SEED = 0.25, 0
THRESHOLDS = tuple(range(1, 100))  # whole percentages the widget offers

# the costs the notebook starts from: (false alarm, miss) in euros
DEFAULT_COSTS = {"invoices": (15, 60), "appointments": (5, 45)}
TARGET = {"invoices": "paid_late", "appointments": "no_show"}
# the simple rule each model must beat: "late before, late again" / "stayed away before, …"
RULE_COLUMN = {"invoices": "late_before", "appointments": "earlier_no_shows"}

_INVOICE_CATEGORIES = ["sector", "payment_term_days", "month"]
_INVOICE_NUMBERS = ["amount_eur", "invoices_before", "late_before", "avg_days_late_before"]
_APPOINTMENT_CATEGORIES = ["weekday", "hour"]
_APPOINTMENT_NUMBERS = ["days_ahead", "earlier_no_shows", "reminder_sent"]
SENSITIVE = "age_band"  # left out of the appointments model unless the learner asks for it


# -- data, split, model: made once ---------------------------------------------------------------

@cache
def invoices():
    """The 1000 invoices of Groothandel Van Dijk that module 04 works with."""
    from ..datasets.invoices import make_invoices

    return make_invoices(n_samples=N_INVOICES, random_state=INVOICES_SEED)


@cache
def appointments():
    """The 1500 appointments of physiotherapy practice De Brug."""
    from ..datasets.appointments import make_appointments

    return make_appointments(n_samples=N_APPOINTMENTS, random_state=APPOINTMENTS_SEED)


def data(case: str):
    _check_case(case)
    return invoices() if case == "invoices" else appointments()


def _check_case(case: str) -> None:
    if case not in CASES:
        raise ValueError(f"case must be one of {', '.join(CASES)}, not {case!r}")


@cache
def split(case: str = "invoices"):
    """(train, test): a quarter of the rows kept apart, as the notebook does it."""
    from sklearn.model_selection import train_test_split

    return tuple(train_test_split(data(case), test_size=TEST_SHARE, random_state=SPLIT_SEED))


def train_model(train, case: str = "invoices", *, use_age: bool = False):
    """A logistic regression on the case's columns, trained on ``train``.

    Categories (sector, month, weekday, …) become yes/no columns, numbers are put on one scale.
    Names, towns and ids are left out: they say nothing about paying or coming. Age is only
    used for appointments when ``use_age`` is True, to show what it adds (little).
    """
    from sklearn.compose import ColumnTransformer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler

    import numpy as np

    _check_case(case)
    if case == "invoices":
        categories, numbers = list(_INVOICE_CATEGORIES), list(_INVOICE_NUMBERS)
        # amounts and counts are skewed: a log makes € 5.000 vs € 500 a step like € 500 vs € 50
        scale = make_pipeline(FunctionTransformer(np.log1p, feature_names_out="one-to-one"), StandardScaler())
    else:
        categories = _APPOINTMENT_CATEGORIES + ([SENSITIVE] if use_age else [])
        numbers = list(_APPOINTMENT_NUMBERS)
        scale = StandardScaler()
    columns = ColumnTransformer([
        ("categories", OneHotEncoder(handle_unknown="ignore"), categories),
        ("numbers", scale, numbers),
    ])
    model = make_pipeline(columns, LogisticRegression(max_iter=1000))
    model.fit(train, train[TARGET[case]].astype(bool))
    return model


def chances(model, table):
    """The model's chance of "late" (or "no-show") for each row, in percent (0–100)."""
    import pandas as pd

    return pd.Series(100 * model.predict_proba(table)[:, 1], index=table.index, name="chance_pct").round(1)


@cache
def model_for(case: str = "invoices", use_age: bool = False):
    return train_model(split(case)[0], case, use_age=use_age)


@cache
def test_chances(case: str = "invoices", use_age: bool = False):
    """The model's chances on the test set, in percent: computed once, read by every callback."""
    values = chances(model_for(case, use_age), split(case)[1]).to_numpy()
    values.flags.writeable = False
    return values


@cache
def test_truth(case: str = "invoices"):
    values = split(case)[1][TARGET[case]].to_numpy(dtype=bool)
    values.flags.writeable = False
    return values


@cache
def rule_alarm(case: str = "invoices"):
    """The simple rule on the test set: alarm when it happened at least once before."""
    values = (split(case)[1][RULE_COLUMN[case]].to_numpy() >= 1)
    values.flags.writeable = False
    return values


# -- counting and costing ------------------------------------------------------------------------

@dataclass(frozen=True)
class Counts:
    """The four cells of a confusion matrix."""

    caught: int  # alarm, and it was late: a right alarm
    false_alarm: int  # alarm, but it was on time
    missed: int  # no alarm, but it was late
    quiet: int  # no alarm, and it was on time

    @property
    def total(self) -> int:
        return self.caught + self.false_alarm + self.missed + self.quiet

    @property
    def alarms(self) -> int:
        return self.caught + self.false_alarm

    def cost(self, false_alarm_eur: float, miss_eur: float) -> float:
        """What the mistakes cost: false alarms and misses, each at its own price. Right
        answers cost nothing extra (the call after a right alarm pays for itself)."""
        return self.false_alarm * false_alarm_eur + self.missed * miss_eur


def count(alarm, truth) -> Counts:
    """Compare alarms (True/False per row) with what really happened."""
    import numpy as np

    alarm = np.asarray(alarm, dtype=bool)
    truth = np.asarray(truth, dtype=bool)
    if alarm.shape != truth.shape:
        raise ValueError(f"alarm has {alarm.size} values and truth {truth.size}; they must match")
    return Counts(
        caught=int((alarm & truth).sum()),
        false_alarm=int((alarm & ~truth).sum()),
        missed=int((~alarm & truth).sum()),
        quiet=int((~alarm & ~truth).sum()),
    )


def counts_at(case: str, threshold_pct: float, use_age: bool = False) -> Counts:
    """The model's confusion matrix on the test set when it alarms from ``threshold_pct`` %."""
    return count(test_chances(case, use_age) >= threshold_pct, test_truth(case))


def rule_counts(case: str = "invoices") -> Counts:
    return count(rule_alarm(case), test_truth(case))


@cache
def _count_table(case: str, use_age: bool):
    """Counts for every whole threshold 1–99 %, made once: (false alarms, misses) as arrays."""
    import numpy as np

    chance, truth = test_chances(case, use_age), test_truth(case)
    thresholds = np.array(THRESHOLDS)[:, None]
    alarm = chance[None, :] >= thresholds
    false_alarms = (alarm & ~truth).sum(axis=1)
    missed = (~alarm & truth).sum(axis=1)
    false_alarms.flags.writeable = missed.flags.writeable = False
    return false_alarms, missed


def cost_curve(case: str, false_alarm_eur: float, miss_eur: float, use_age: bool = False):
    """The cost of the mistakes at each threshold 1–99 %, in euros (a numpy array)."""
    false_alarms, missed = _count_table(case, use_age)
    return false_alarms * float(false_alarm_eur) + missed * float(miss_eur)


def cheapest_threshold(case: str, false_alarm_eur: float, miss_eur: float, use_age: bool = False) -> tuple[int, float]:
    """The whole threshold (%) with the lowest cost, and that cost (the lowest such threshold
    when several cost the same)."""
    curve = cost_curve(case, false_alarm_eur, miss_eur, use_age)
    index = int(curve.argmin())
    return THRESHOLDS[index], float(curve[index])


def cost_at(case: str, threshold_pct: float, false_alarm_eur: float, miss_eur: float, use_age: bool = False) -> float:
    return counts_at(case, threshold_pct, use_age).cost(false_alarm_eur, miss_eur)


def flagged_share_by_age(case: str, threshold_pct: float, use_age: bool = False) -> dict[str, float]:
    """Per age band, the percentage of test appointments that get an alarm."""
    if case != "appointments":
        raise ValueError("only appointments have an age band")
    test = split(case)[1]
    alarm = test_chances(case, use_age) >= threshold_pct
    bands = test[SENSITIVE].to_numpy()
    from ..datasets.appointments import AGE_BANDS

    return {band: round(100 * float(alarm[bands == band].mean()), 1) for band in AGE_BANDS}


def pct_late(case: str = "invoices") -> float:
    """Percentage of all rows that were late (or no-show), one decimal."""
    return round(100 * float(data(case)[TARGET[case]].mean()), 1)


def accuracy_pct(alarm, truth) -> float:
    c = count(alarm, truth)
    return round(100 * (c.caught + c.quiet) / c.total, 1)


# -- the profile: share late per group -----------------------------------------------------------

VIEWS = {
    "invoices": ("sector", "payment_term_days", "month", "amount", "late_before"),
    "appointments": ("reminder_sent", "earlier_no_shows", "days_ahead", "weekday", "hour", "age_band"),
}
_AMOUNT_EDGES = (0, 500, 1000, 2500, float("inf"))
_DAYS_AHEAD_EDGES = (-1, 2, 7, 14, 30, float("inf"))


def _groups(case: str, view: str):
    """(group keys in display order, the group key of every row)."""
    import numpy as np
    import pandas as pd

    table = data(case)
    if view not in VIEWS[case]:
        raise ValueError(f"view must be one of {', '.join(VIEWS[case])}, not {view!r}")
    if view == "amount":
        keys = ("lt500", "500_1000", "1000_2500", "ge2500")
        return keys, np.asarray(pd.cut(table.amount_eur, _AMOUNT_EDGES, right=False, labels=keys).astype(str))
    if view == "late_before":
        return ("no", "yes"), np.where(table.late_before >= 1, "yes", "no")
    if view == "days_ahead":
        keys = ("0_2", "3_7", "8_14", "15_30", "gt30")
        return keys, np.asarray(pd.cut(table.days_ahead, _DAYS_AHEAD_EDGES, labels=keys).astype(str))
    if view == "earlier_no_shows":
        return ("0", "1", "2plus"), np.select([table.earlier_no_shows == 0, table.earlier_no_shows == 1], ["0", "1"], "2plus")
    if view == "reminder_sent":
        return ("yes", "no"), np.where(table.reminder_sent, "yes", "no")
    values = table[view].to_numpy()
    return tuple(str(v) for v in sorted(set(values.tolist()), key=_sort_key(view))), values.astype(str)


def _sort_key(view):
    if view == "sector":
        from ..datasets.invoices import SECTORS

        return SECTORS.index
    return lambda v: (str(type(v)), v)


@cache
def profile(case: str, view: str):
    """Per group: the number of rows and the percentage late (or no-show), in display order.

    Returns a list of ``(group key, count, percentage)``.
    """
    import numpy as np

    keys, groups = _groups(case, view)
    target = data(case)[TARGET[case]].to_numpy(dtype=bool)
    rows = []
    for key in keys:
        mask = groups == key
        rows.append((key, int(mask.sum()), round(100 * float(target[mask].mean()), 1) if mask.any() else 0.0))
    return tuple(rows)


def group_label(case: str, view: str, key: str) -> str:
    """A group's name in the learner's language (``"hospitality"`` → ``"horeca"``)."""
    if view in ("sector", "amount", "late_before", "days_ahead", "earlier_no_shows", "reminder_sent"):
        return t(f"m04.explore.groups.{view}.{key}")
    if view == "payment_term_days":
        return t("m04.explore.groups.days", days=int(key))
    if view == "month":
        return t("m04.explore.groups.months").split(",")[int(key) - 1].strip()
    if view == "weekday":
        return t("m04.explore.groups.weekdays").split(",")[int(key) - 1].strip()
    if view == "hour":
        return f"{int(key)}:00"
    return str(key)  # age bands read the same in both languages


# -- what the learner sees in notebook cells -----------------------------------------------------

class ConfusionView:
    """A confusion matrix as a small table in plain words, optionally in euros.

    ``confusion_table(alarm, truth)`` in a notebook cell shows it; ``counts`` and ``cost`` hold the
    numbers for code and tests.
    """

    def __init__(self, counts: Counts, case: str = "invoices", false_alarm_eur=None, miss_eur=None):
        self.counts = counts
        self.case = case
        self.false_alarm_eur = false_alarm_eur
        self.miss_eur = miss_eur

    @property
    def in_euros(self) -> bool:
        return self.false_alarm_eur is not None and self.miss_eur is not None

    @property
    def cost(self):
        return self.counts.cost(self.false_alarm_eur, self.miss_eur) if self.in_euros else None

    def _cells(self):
        c, key = self.counts, f"m04.explore.{self.case}"
        euros = lambda n, price: f" × € {format_number(price)} = € {format_number(n * price)}" if self.in_euros else ""  # noqa: E731
        return {
            "caught": (t("m04.explore.caught"), f"{c.caught}"),
            "missed": (t("m04.explore.missed"), f"{c.missed}{euros(c.missed, self.miss_eur)}"),
            "false_alarm": (t("m04.explore.false_alarm"), f"{c.false_alarm}{euros(c.false_alarm, self.false_alarm_eur)}"),
            "quiet": (t("m04.explore.quiet"), f"{c.quiet}"),
            "row_yes": t(f"{key}.really_yes"),
            "row_no": t(f"{key}.really_no"),
        }

    def __str__(self) -> str:
        cells = self._cells()
        lines = [f"{t('m04.explore.alarm_col')} | {t('m04.explore.no_alarm_col')}"]
        lines.append(f"{cells['row_yes']}: {cells['caught'][0]} {cells['caught'][1]} | {cells['missed'][0]} {cells['missed'][1]}")
        lines.append(f"{cells['row_no']}: {cells['false_alarm'][0]} {cells['false_alarm'][1]} | {cells['quiet'][0]} {cells['quiet'][1]}")
        if self.in_euros:
            lines.append(t("m04.explore.total_cost", cost=self.cost))
        return "\n".join(lines)

    __repr__ = __str__

    def _repr_html_(self) -> str:
        return matrix_html(self.counts, self.case, self.false_alarm_eur, self.miss_eur)


def confusion_table(alarm, truth, *, false_alarm_eur=None, miss_eur=None, case: str = "invoices") -> ConfusionView:
    """The confusion matrix of ``alarm`` (True/False per row) against ``truth``; with both
    prices given, the mistakes are shown in euros too."""
    return ConfusionView(count(alarm, truth), case, false_alarm_eur, miss_eur)


def matrix_html(counts: Counts, case: str, false_alarm_eur=None, miss_eur=None) -> str:
    """The 2×2 table as HTML: words and symbols in every cell, so colour is never the only cue."""
    import html

    view = ConfusionView(counts, case, false_alarm_eur, miss_eur)
    cells = view._cells()
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
    if view.in_euros:
        total = f'<div class="smeai-m04-total">{t("m04.explore.total_cost_html", cost=view.cost)}</div>'
    return f'<table class="smeai-m04-matrix" style="border-collapse:collapse;margin:0.3em 0">{"".join(rows)}</table>{total}'


def train_and_test_scores(model, train, test, case: str = "invoices"):
    """How often three approaches are right, on the train set and on the test set.

    "Memorise" is a decision tree without limits: it learns every training row by heart.
    "Always on time" never alarms. The learner's ``model`` is the third.
    """
    import pandas as pd
    from sklearn.base import clone
    from sklearn.tree import DecisionTreeClassifier

    target = TARGET[case]
    memoriser = clone(model)
    memoriser.steps[-1] = (memoriser.steps[-1][0], DecisionTreeClassifier(random_state=0))
    memoriser.fit(train, train[target])
    rows = []
    for key, predict in (
        ("memorise", lambda table: memoriser.predict(table)),
        ("model", lambda table: model.predict(table)),
        ("never", lambda table: [False] * len(table)),
    ):
        rows.append((t(f"m04.explore.scores.{key}"), accuracy_pct(predict(train), train[target]), accuracy_pct(predict(test), test[target])))
    return pd.DataFrame(rows, columns=[t("m04.explore.scores.approach"), t("m04.explore.scores.train"), t("m04.explore.scores.test")]).set_index(t("m04.explore.scores.approach"))


# -- widgets -------------------------------------------------------------------------------------

def _message_html(text: str) -> str:
    import html

    return f'<div class="smeai-m04-message" role="status" style="border-left:6px solid #0072B2;padding:0.3em 0.6em">ℹ {html.escape(text)}</div>'


def draw_profile(case: str, view: str):
    """A bar per group: the percentage late (or no-show), with the overall average as a line."""
    from ..plotting import PALETTE, new_axes

    rows = profile(case, view)
    labels = [group_label(case, view, key) for key, _, _ in rows]
    values = [pct for _, _, pct in rows]
    ax = new_axes(figsize=(6.4, 3.4))
    bars = ax.bar(range(len(rows)), values, color=PALETTE[1], edgecolor="black", label=t(f"m04.explore.{case}.bar_label"))
    ax.bar_label(bars, labels=[f"{round(pct)} %" for pct in values], fontsize="x-small", padding=2)
    average = pct_late(case)
    ax.axhline(average, color=PALETTE[5], linestyle="--", linewidth=1.5, label=t("m04.explore.average", pct=average))
    ax.set_xticks(range(len(rows)), labels, fontsize="small")
    ax.set_ylim(0, max(values + [average]) * 1.3 + 1)
    ax.set_ylabel(t(f"m04.explore.{case}.pct_axis"), fontsize="small")
    ax.set_xlabel(t(f"m04.explore.views.{view}"))
    ax.set_title(t(f"m04.explore.{case}.profile_title", view=t(f"m04.explore.views.{view}")))
    ax.legend(loc="upper left", fontsize="small")
    ax.figure.subplots_adjust(left=0.11, right=0.98, top=0.9, bottom=0.17)
    return ax.figure


@cache
def _profile_png(case: str, view: str, lang: str) -> bytes:
    """The profile figure as PNG bytes, drawn once per view and language: it never changes."""
    from ..plotting import as_image

    return as_image(draw_profile(case, view)).data


def profile_image(case: str, view: str):
    from IPython.display import Image

    return Image(data=_profile_png(case, view, get_language()), format="png")


def profile_summary(case: str, view: str) -> str:
    parts = [f"{group_label(case, view, key)}: <b>{format_number(pct)} %</b> ({n})" for key, n, pct in profile(case, view)]
    return t(f"m04.explore.{case}.profile_result") + " " + " · ".join(parts)


def show_profile_explorer(case: str = "invoices"):
    """Zero code: choose a column, see which groups are late (or stay away) more often."""
    import ipywidgets as widgets
    from IPython.display import display

    _check_case(case)
    for view in VIEWS[case]:  # draw every view once now, so that choosing one is instant
        _profile_png(case, view, get_language())
    picker = widgets.Dropdown(options=[(t(f"m04.explore.views.{v}"), v) for v in VIEWS[case]], value=VIEWS[case][0],
                              description=t("m04.explore.view_picker"), style={"description_width": "initial"})
    result = widgets.HTML()
    result.add_class("smeai-m04-profile-result")
    out = widgets.Output()

    def update(change=None):
        try:
            image = profile_image(case, picker.value)
            result.value = profile_summary(case, picker.value)
        except Exception:  # never a traceback in a widget
            result.value = _message_html(t("m04.explore.error"))
            return
        out.clear_output(wait=True)
        with out:
            display(image)

    picker.observe(update, names="value")
    update()
    box = widgets.VBox([picker, result, out])
    box.add_class("smeai-m04-profile-explorer")
    return box


def threshold_state(case: str, threshold_pct, false_alarm_eur, miss_eur, use_age: bool = False) -> dict:
    """Everything the threshold explorer shows, as plain values (tested without a browser).

    Raises ``ValueError`` with a catalogue key for values a learner could not mean.
    """
    import math

    values = {"threshold": threshold_pct, "false_alarm": false_alarm_eur, "miss": miss_eur}
    for name, value in values.items():
        if value is None or isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value):
            raise ValueError("m04.explore.bad_value")
    if not 1 <= threshold_pct <= 99:
        raise ValueError("m04.explore.bad_threshold")
    if false_alarm_eur < 0 or miss_eur < 0:
        raise ValueError("m04.explore.negative_cost")
    counts = counts_at(case, threshold_pct, use_age)
    rule = rule_counts(case)
    state = {
        "counts": counts,
        "cost": counts.cost(false_alarm_eur, miss_eur),
        "rule_counts": rule,
        "rule_cost": rule.cost(false_alarm_eur, miss_eur),
        "curve": cost_curve(case, false_alarm_eur, miss_eur, use_age),
        "free": false_alarm_eur == 0 and miss_eur == 0,
    }
    if case == "appointments":
        state["flagged_by_age"] = flagged_share_by_age(case, threshold_pct, use_age)
    return state


class CostFigure:
    """The cost of the mistakes at every threshold, the chosen threshold, and the simple rule.

    Built once per widget. The axes, ticks and labels are drawn once and kept as a background;
    a callback only draws the two lines, the marker and the legend on top of it. The axes are
    drawn again only when the costs no longer fit them well (much higher, or much lower).
    """

    def __init__(self, case: str):
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.lines import Line2D

        from ..plotting import PALETTE, new_axes

        self.case = case
        ax = self.ax = new_axes(figsize=(6.4, 3.4))
        self.canvas = FigureCanvasAgg(ax.figure)
        line = {"color": PALETTE[4], "linewidth": 2}
        rule = {"color": PALETTE[5], "linestyle": "--", "linewidth": 1.5}
        marker = {"marker": "o", "markersize": 11, "color": PALETTE[0], "markeredgecolor": "black", "linestyle": "none"}
        # lines, marker and legend are drawn on their own (animated), on top of the background
        (self.curve,) = ax.plot(THRESHOLDS, [0] * len(THRESHOLDS), animated=True, **line)
        (self.rule,) = ax.plot([0, 100], [0, 0], animated=True, **rule)
        (self.you,) = ax.plot([50], [0], animated=True, **marker)
        handles = [Line2D([], [], **line), Line2D([], [], **rule), Line2D([], [], **marker)]
        labels = [t("m04.explore.curve_label"), t(f"m04.explore.{case}.rule_label"), t("m04.explore.you_label")]
        self.legend = ax.legend(handles, labels, loc="lower right", fontsize="small")
        self.legend.set_animated(True)
        ax.set_xlim(0, 100)
        ax.set_xticks(range(0, 101, 10))
        ax.set_xlabel(t("m04.explore.threshold_axis"))
        ax.set_ylabel(t("m04.explore.cost_axis"))
        ax.figure.subplots_adjust(left=0.13, right=0.98, top=0.9, bottom=0.15)
        self._top = None
        self._background = None

    def _fit_axes(self, state: dict) -> None:
        """Draw the background again only when the costs do not fit the y-axis well."""
        needed = max(float(state["curve"].max()), state["rule_cost"]) * 1.08 + 1
        if self._top is not None and self._top / 2.5 <= needed <= self._top:
            return
        self._top = needed * 1.2  # room to grow, so that a small change keeps the axes
        self.ax.set_ylim(0, self._top)
        self.ax.set_title(t(f"m04.explore.{self.case}.cost_title", n=state["counts"].total))
        self.canvas.draw()
        self._background = self.canvas.copy_from_bbox(self.ax.figure.bbox)

    def update(self, state: dict, threshold_pct) -> "CostFigure":
        self._fit_axes(state)
        self.canvas.restore_region(self._background)
        self.curve.set_ydata(state["curve"])
        self.rule.set_ydata([state["rule_cost"], state["rule_cost"]])
        self.you.set_data([threshold_pct], [state["cost"]])
        for artist in (self.curve, self.rule, self.you, self.legend):
            self.ax.draw_artist(artist)
        return self

    @property
    def figure(self):
        return self.ax.figure

    def png(self) -> bytes:
        """What the canvas shows now, as PNG bytes (without drawing it all again)."""
        from io import BytesIO

        from PIL import Image

        width, height = self.canvas.get_width_height()
        buffer = BytesIO()
        Image.frombuffer("RGBA", (width, height), self.canvas.buffer_rgba(), "raw", "RGBA", 0, 1).save(buffer, format="png", compress_level=1)
        return buffer.getvalue()

    def image(self):
        from IPython.display import Image

        return Image(data=self.png(), format="png")


def draw_costs(case: str, state: dict, threshold_pct) -> CostFigure:
    """The cost figure for one state (for tests and one-off use)."""
    return CostFigure(case).update(state, threshold_pct)


def threshold_summary(case: str, state: dict, threshold_pct, false_alarm_eur, miss_eur, use_age: bool = False) -> str:
    """The words under the sliders: the matrix in euros, the total, the rule, and for
    appointments how often each age band gets an alarm."""
    parts = [matrix_html(state["counts"], case, false_alarm_eur, miss_eur)]
    if state["free"]:
        parts.append(_message_html(t("m04.explore.free")))
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
    import ipywidgets as widgets
    from IPython.display import display

    _check_case(case)
    false_alarm_default, miss_default = DEFAULT_COSTS[case]
    style = {"description_width": "initial"}
    layout = widgets.Layout(width="32em")
    threshold = widgets.IntSlider(value=50, min=1, max=99, step=1, description=t("m04.explore.threshold_slider"), continuous_update=False, style=style, layout=layout)
    false_alarm = widgets.IntSlider(value=false_alarm_default, min=0, max=100, step=1, description=t(f"m04.explore.{case}.false_alarm_slider"), continuous_update=False, style=style, layout=layout)
    miss = widgets.IntSlider(value=miss_default, min=0, max=300, step=5, description=t(f"m04.explore.{case}.miss_slider"), continuous_update=False, style=style, layout=layout)
    controls = [threshold, false_alarm, miss]
    use_age = None
    if case == "appointments":
        test_chances(case, True)  # train the model with age now, not when the box is ticked
        use_age = widgets.Checkbox(value=False, description=t("m04.explore.use_age"), indent=False)
        controls.append(use_age)
    result = widgets.HTML()
    result.add_class("smeai-m04-threshold-result")
    out = widgets.Output()
    costs_figure = CostFigure(case)

    def update(change=None):
        age = bool(use_age.value) if use_age is not None else False
        try:
            state = threshold_state(case, threshold.value, false_alarm.value, miss.value, age)
            summary = threshold_summary(case, state, threshold.value, false_alarm.value, miss.value, age)
            image = costs_figure.update(state, threshold.value).image()
        except ValueError as problem:
            key = str(problem)
            result.value = _message_html(t(key if key.startswith("m04.") else "m04.explore.error"))
            return
        except Exception:  # never a traceback in a widget
            result.value = _message_html(t("m04.explore.error"))
            return
        result.value = summary
        out.clear_output(wait=True)
        with out:
            display(image)

    for control in controls:
        control.observe(update, names="value")
    update()
    box = widgets.VBox([*controls, result, out])
    box.add_class("smeai-m04-threshold-explorer")
    return box
