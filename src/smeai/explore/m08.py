"""Module 08: a screening model for technician jobs that learned from unfair past decisions.

The logic is plain functions on small, fixed data. Both models the widget offers (with and
without the postcode area) are trained once, their chances for every new applicant are computed
once, and the permutation importances are computed once (``functools.cache``). A widget
callback then only compares 600 chances with a threshold, counts per group and redraws one
small figure.
"""

from __future__ import annotations

import logging
from functools import cache

import numpy as np

from ..datasets.applicants import make_applicants
from ..i18n import get_language, t
from ..plotting import PALETTE

log = logging.getLogger(__name__)

HISTORY_SEED = 8  # the 800 applicants of past years, with the recruiters' decisions
NEW_SEED = 21  # the 600 new applicants the models judge
N_HISTORY = 800
N_NEW = 600

NUMERIC = ("experience_years", "diploma_level", "test_score")
PROXY = "postcode_area"
MODELS = ("with_postcode", "without_postcode")
GROUPS = ("A", "B")
THRESHOLD_RANGE = (10, 90)  # invite when the model's chance is at least this many percent
THRESHOLD_STEP = 5
FOUR_FIFTHS = 0.8
IMPORTANCE_REPEATS = 10


# -- data and models, made once ------------------------------------------------------------------

@cache
def history():
    """The applicants of past years, with the decision the recruiters took (``invited``)."""
    return make_applicants(n_samples=N_HISTORY, random_state=HISTORY_SEED)


@cache
def applicants():
    """The new applicants the models judge; every rate in module 08 is measured on them."""
    return make_applicants(n_samples=N_NEW, random_state=NEW_SEED)


def inputs(name: str) -> list[str]:
    """The columns a model may use: the three qualities, plus the postcode area or not."""
    if name not in MODELS:
        raise ValueError(f"model must be one of {', '.join(MODELS)}, not {name!r}")
    return list(NUMERIC) + ([PROXY] if name == "with_postcode" else [])


@cache
def model(name: str):
    """A logistic regression that learned the past decisions from the model's inputs."""
    from sklearn.compose import make_column_transformer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import OneHotEncoder, StandardScaler

    columns = inputs(name)
    parts = [(StandardScaler(), list(NUMERIC))]
    if PROXY in columns:
        parts.append((OneHotEncoder(handle_unknown="ignore"), [PROXY]))
    pipeline = make_pipeline(make_column_transformer(*parts), LogisticRegression())
    data = history()
    return pipeline.fit(data[columns], data.invited)


@cache
def chances(name: str) -> np.ndarray:
    """Each new applicant's chance of an invitation according to the model (0–1)."""
    chance = model(name).predict_proba(applicants()[inputs(name)])[:, 1]
    chance.flags.writeable = False
    return chance


@cache
def _truth():
    data = applicants()
    groups = {g: (data.group == g).to_numpy() for g in GROUPS}
    return groups, data.suitable.to_numpy(), data.invited.to_numpy()


def check_threshold(threshold_pct) -> float:
    """The threshold as a plain number in percent, or ValueError for anything else."""
    if isinstance(threshold_pct, bool) or not isinstance(threshold_pct, (int, float, np.integer, np.floating)):
        raise ValueError(f"threshold must be a number in percent, not {threshold_pct!r}")
    value = float(threshold_pct)
    if not 0 <= value <= 100:
        raise ValueError(f"threshold must be between 0 and 100 percent, not {threshold_pct!r}")
    return value


def _pct(part, whole) -> float | None:
    return round(100 * float(part) / float(whole), 1) if whole else None


def group_metrics(name: str, threshold_pct: float) -> dict:
    """Per group, for the model ``name`` that invites from ``threshold_pct`` % chance:

    ``count`` applicants, ``selected_pct`` (the selection rate), ``accuracy_pct`` (judged
    right, measured against who turned out suitable), ``missed_pct`` (suitable but not
    invited) and ``wrongly_invited_pct`` (invited but not suitable).
    """
    invite = chances(name) >= check_threshold(threshold_pct) / 100
    groups, suitable, _ = _truth()
    result = {}
    for group, members in groups.items():
        chosen, fit = invite[members], suitable[members]
        result[group] = {
            "count": int(members.sum()),
            "selected": int(chosen.sum()),
            "selected_pct": _pct(chosen.sum(), members.sum()),
            "accuracy_pct": _pct((chosen == fit).sum(), members.sum()),
            "missed_pct": _pct((fit & ~chosen).sum(), fit.sum()),
            "wrongly_invited_pct": _pct((chosen & ~fit).sum(), (~fit).sum()),
        }
    return result


def selection_ratio(metrics: dict) -> float | None:
    """The lowest selection rate divided by the highest (1 = equal; None when nobody is invited)."""
    rates = [metrics[g]["selected_pct"] for g in GROUPS]
    if max(rates) == 0:
        return None
    return round(min(rates) / max(rates), 2)


def fairness(name: str, threshold_pct: float) -> dict:
    """Everything the fairness explorer shows for one choice."""
    metrics = group_metrics(name, threshold_pct)
    ratio = selection_ratio(metrics)
    rates = {g: metrics[g]["selected_pct"] for g in GROUPS}
    return {
        "metrics": metrics,
        "ratio": ratio,
        "passes": ratio is not None and ratio >= FOUR_FIFTHS,
        "lower": min(GROUPS, key=rates.get) if ratio is not None and ratio < 1 else None,
        "accuracy_pct": min(metrics[g]["accuracy_pct"] for g in GROUPS),  # the worse-served group
    }


def thresholds() -> list[int]:
    low, high = THRESHOLD_RANGE
    return list(range(low, high + 1, THRESHOLD_STEP))


def history_rates(by: str = "group"):
    """Per group or per postcode area: applicants, % invited in the past decisions, % group B."""
    import pandas as pd

    if by not in ("group", PROXY):
        raise ValueError(f"by must be 'group' or {PROXY!r}, not {by!r}")
    data = history()
    grouped = data.groupby(by)
    return pd.DataFrame(
        {
            "count": grouped.size(),
            "invited_pct": (100 * grouped.invited.mean()).round(1),
            "group_b_pct": (100 * grouped.group.apply(lambda g: (g == "B").mean())).round(1),
        }
    )


@cache
def importances(name: str) -> dict:
    """Permutation importance: how many percentage points of accuracy (against the past
    decisions the model learned) are lost when one input is shuffled, averaged over repeats."""
    from sklearn.inspection import permutation_importance

    columns = inputs(name)
    data = applicants()
    found = permutation_importance(
        model(name), data[columns], data.invited, scoring="accuracy",
        n_repeats=IMPORTANCE_REPEATS, random_state=0,
    )
    return {column: round(100 * float(value), 1) for column, value in zip(columns, found.importances_mean)}


def history_accuracy(name: str, threshold_pct: float = 50) -> float:
    """How often the model agrees with the recruiters' past decisions on the new applicants, in %."""
    invite = chances(name) >= check_threshold(threshold_pct) / 100
    _, _, invited = _truth()
    return _pct((invite == invited).sum(), len(invited))


# -- widgets ------------------------------------------------------------------------------------

GROUP_STYLE = {  # colour and hatching: never colour alone (Okabe-Ito orange and blue)
    "A": {"color": PALETTE[0], "hatch": ""},
    "B": {"color": PALETTE[4], "hatch": "//"},
}


@cache
def figure_image(kind: str, lang: str, *args):
    """The figure of one choice as a PNG image, drawn once per choice and language: drawing
    takes most of a callback's time, and a learner often goes back to a choice seen before."""
    from ..plotting import as_image

    builders = {"history": _history_figure, "fairness": _fairness_figure, "importance": _importance_figure}
    return as_image(builders[kind](*args))


def _group_label(group: str) -> str:
    return t("m08.explore.group", group=group)


def _pct_text(value) -> str:
    return "–" if value is None else t("m08.explore.pct", value=value)


def _history_figure(by: str):
    from ..plotting import new_axes

    rates = history_rates(by)
    ax = new_axes(figsize=(6.4, 3.6))
    positions = np.arange(len(rates))
    if by == "group":
        bars = ax.bar(positions, rates.invited_pct, color=[GROUP_STYLE[g]["color"] for g in rates.index], edgecolor="black")
        for bar, group in zip(bars, rates.index):
            bar.set_hatch(GROUP_STYLE[group]["hatch"])
        ax.set_xticks(positions, [_group_label(g) for g in rates.index])
        ax.set_xlabel(t("m08.explore.group_axis"))
    else:
        width = 0.4
        invited = ax.bar(positions - width / 2, rates.invited_pct, width, color=PALETTE[2], edgecolor="black", label=t("m08.explore.invited_label"))
        share = ax.bar(positions + width / 2, rates.group_b_pct, width, color=GROUP_STYLE["B"]["color"], hatch=GROUP_STYLE["B"]["hatch"], edgecolor="black", label=t("m08.explore.group_b_share_label"))
        ax.bar_label(share, fmt="%.0f", fontsize="small")
        ax.set_xticks(positions, [t("m08.explore.area", area=a) for a in rates.index])
        ax.set_xlabel(t("m08.explore.area_axis"))
        ax.legend(loc="upper left", fontsize="small")
        bars = invited
    ax.bar_label(bars, fmt="%.0f", fontsize="small")
    ax.set_ylim(0, 100)
    ax.set_ylabel(t("m08.explore.pct_axis"))
    ax.set_title(t("m08.explore.history_title"))
    ax.figure.subplots_adjust(left=0.11, right=0.97, top=0.9, bottom=0.17)
    return ax.figure


def history_explorer():
    """The past decisions, per group or per postcode area: who was invited?"""
    import ipywidgets as widgets
    from IPython.display import display

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
    head = "".join(f"<th {cell.format(align='right')}>{_group_label(g)}</th>" for g in GROUPS)
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
    lower = _group_label(found["lower"]) if found["lower"] else t("m08.explore.no_group")
    return t(key, ratio=found["ratio"], lower=lower)


MEASURES = ("selected_pct", "accuracy_pct", "missed_pct")


@cache
def _fairness_canvas(lang: str):
    """One figure per language, drawn into again for every choice: its text never changes
    but the title, so matplotlib can reuse the text layout, and a redraw is much faster."""
    from ..plotting import new_axes

    ax = new_axes(figsize=(6.4, 4.2))
    positions = np.arange(len(MEASURES))
    width = 0.38
    bars = {}
    for offset, group in ((-width / 2, "A"), (width / 2, "B")):
        style = GROUP_STYLE[group]
        bars[group] = ax.bar(positions + offset, [0] * len(MEASURES), width, color=style["color"], hatch=style["hatch"], edgecolor="black", label=_group_label(group))
    line = ax.hlines(0, -0.45, 0.45, colors="black", linestyles="--", label=t("m08.explore.four_fifths_line"))
    ax.set_xticks(positions, [t("m08.explore.measure." + m) for m in MEASURES])
    ax.set_ylim(0, 100)
    ax.set_xlabel(t("m08.explore.measure_axis"))
    ax.set_ylabel(t("m08.explore.pct_axis"))
    ax.figure.legend(loc="lower center", ncols=3, fontsize="small", frameon=False)
    ax.figure.subplots_adjust(left=0.11, right=0.97, top=0.92, bottom=0.27)
    return ax, bars, line


def _fairness_figure(name: str, threshold_pct: float):
    """Selection rate, judged right and missed, per group; the dashed line is 4/5 of the
    highest selection rate."""
    metrics = fairness(name, threshold_pct)["metrics"]
    ax, bars, line = _fairness_canvas(get_language())
    for group in GROUPS:
        for bar, measure in zip(bars[group], MEASURES):
            bar.set_height(metrics[group][measure] or 0)
    highest = max(metrics[g]["selected_pct"] for g in GROUPS)
    line.set_segments([[(-0.45, FOUR_FIFTHS * highest), (0.45, FOUR_FIFTHS * highest)]])
    line.set_visible(bool(highest))
    ax.set_title(t("m08.explore.fairness_title", model=t("m08.explore.model." + name), threshold=round(threshold_pct)))
    return ax.figure


def fairness_explorer():
    """Choose the model's inputs (with or without the postcode area) and its threshold; the
    selection rates, the four-fifths check and the errors per group follow."""
    import ipywidgets as widgets
    from IPython.display import display

    for name in MODELS:  # train every model the buttons offer now, never in a callback
        chances(name)
    choice = widgets.ToggleButtons(
        options=[(t("m08.explore.model." + name), name) for name in MODELS],
        value="with_postcode", description=t("m08.explore.inputs"), style={"description_width": "initial"},
    )
    low, high = THRESHOLD_RANGE
    slider = widgets.IntSlider(
        value=50, min=low, max=high, step=THRESHOLD_STEP, description=t("m08.explore.threshold"),
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


def _importance_figure(name: str):
    from ..plotting import new_axes

    found = importances(name)
    order = sorted(found, key=found.get)
    ax = new_axes(figsize=(6.4, 3.2))
    colours = [PALETTE[5] if column == PROXY else PALETTE[1] for column in order]
    hatches = ["xx" if column == PROXY else "" for column in order]
    bars = ax.barh([t("m08.explore.feature." + c) for c in order], [found[c] for c in order], color=colours, edgecolor="black")
    for bar, hatch in zip(bars, hatches):
        bar.set_hatch(hatch)
    ax.bar_label(bars, labels=[t("m08.explore.pp", value=found[c]) for c in order], padding=3, fontsize="small")
    ax.set_xlim(0, max(max(found.values()) * 1.3, 1))
    ax.set_xlabel(t("m08.explore.importance_axis"))
    ax.set_title(t("m08.explore.importance_title", model=t("m08.explore.model." + name)))
    ax.figure.subplots_adjust(left=0.3, right=0.97, top=0.9, bottom=0.17)
    return ax.figure


def importance_explorer():
    """Which inputs matter to each model: permutation importance, computed once per model."""
    import ipywidgets as widgets
    from IPython.display import display

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
