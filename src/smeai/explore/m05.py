"""Module 05: finding groups of customers of a webshop with k-means.

Every grouping the explorer offers (k from 2 to 6, any choice of the three RFM columns, scaled
or not) is computed once, at first use, for the same 400 customers: 70 small k-means runs that
take well under a second together. A callback then only looks a grouping up and redraws.
"""

from __future__ import annotations

import itertools
from functools import cache

import numpy as np

from ..datasets.webshop import make_webshop_customers
from ..i18n import format_number, t

CUSTOMERS_SEED = 7  # the 400 customers of Webwinkel Tuinhuis that every number in module 05 is about
N_CUSTOMERS = 400
FEATURES = ("recency_days", "orders", "monetary_eur")  # recency, frequency, monetary (RFM)
K_VALUES = tuple(range(2, 7))
START_K = 3  # the explorer opens here; exercise 1 asks for k = 4
MIN_GROUP_SIZE = 40  # exercise 4: a mailing is worth the work for a group of at least this many
# the text symbols that stand for the marker shapes in tables (smeai.plotting.MARKERS)
SYMBOLS = ("●", "✖", "■", "▲", "◆", "▼")
# colours from the Okabe-Ito palette (smeai.plotting.PALETTE), without the pale yellow
_COLOUR_ORDER = (4, 0, 2, 5, 6, 1)


@cache
def customers():
    """The 400 customers of Webwinkel Tuinhuis (a fixed seed: the same in every notebook)."""
    return make_webshop_customers(n_samples=N_CUSTOMERS, random_state=CUSTOMERS_SEED)


@cache
def hidden_segments():
    """The kind of customer each one really is. The data was made with it; a real shop never
    knows it. Only the tests use it, to show that the groups are there to be found."""
    return make_webshop_customers(n_samples=N_CUSTOMERS, random_state=CUSTOMERS_SEED, return_segments=True)[1]


def scale(values):
    """Each column as "how many spreads above or below its average" (a z-score): the average
    becomes 0 and the usual distance from the average becomes 1. This is what scikit-learn's
    ``StandardScaler`` does."""
    values = np.asarray(values, dtype=float)
    return (values - values.mean(axis=0)) / values.std(axis=0)


def normalise_choice(k, features, scaled) -> tuple[int, tuple[str, ...], bool]:
    """The explorer's settings in one standard form, or a ValueError that says what is wrong."""
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or int(k) not in K_VALUES:
        raise ValueError(f"k must be a whole number from {K_VALUES[0]} to {K_VALUES[-1]}, not {k!r}")
    if isinstance(features, str):
        features = (features,)
    chosen = set(features or ())
    unknown = chosen - set(FEATURES)
    if unknown:
        raise ValueError(f"unknown column(s) {sorted(unknown)}; choose from {FEATURES}")
    if not chosen:
        raise ValueError("choose at least one column")
    if not isinstance(scaled, (bool, np.bool_)):
        raise ValueError(f"scaled must be True or False, not {scaled!r}")
    return int(k), tuple(f for f in FEATURES if f in chosen), bool(scaled)


@cache
def _threads():
    """threadpoolctl's view of the thread pools, made once (looking them up takes a few ms)."""
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def _fit(k: int, features: tuple[str, ...], scaled: bool) -> np.ndarray:
    from sklearn.cluster import KMeans

    data = customers()
    values = data[list(features)].to_numpy(dtype=float)
    if scaled:
        values = scale(values)
    # one thread: on a problem this small, more threads only wait for each other on a busy machine
    with _threads().limit(limits=1):
        labels = KMeans(n_clusters=k, n_init=10, random_state=0).fit_predict(values)
    # k-means numbers its groups at random; number them by average spend, highest first, so
    # that "group 1" always means the group that spends most
    spend = data.monetary_eur.to_numpy()
    order = sorted(range(k), key=lambda g: -spend[labels == g].mean())
    renumber = np.empty(k, dtype=int)
    renumber[order] = np.arange(1, k + 1)
    return renumber[labels]


@cache
def _groups(k: int, features: tuple[str, ...], scaled: bool) -> np.ndarray:
    labels = _fit(k, features, scaled)
    labels.flags.writeable = False  # shared by every caller: nobody may change it
    return labels


def groups(k: int, features=FEATURES, scaled: bool = True) -> np.ndarray:
    """The group (1 to k) of every customer, for these settings. Computed once, then looked up."""
    return _groups(*normalise_choice(k, features, scaled))


@cache
def precompute() -> int:
    """Every grouping the explorer offers, so that moving a control only looks one up.
    Returns how many there are."""
    choices = [c for r in range(1, len(FEATURES) + 1) for c in itertools.combinations(FEATURES, r)]
    for k in K_VALUES:
        for features in choices:
            for scaled in (True, False):
                _profile(k, features, scaled)
    return len(K_VALUES) * len(choices) * 2


@cache
def _profile(k: int, features: tuple[str, ...], scaled: bool):
    import pandas as pd

    data = customers()
    labels = _groups(k, features, scaled) - 1
    counts = np.bincount(labels, minlength=k)

    def mean(values):
        return np.bincount(labels, weights=np.asarray(values, dtype=float), minlength=k) / counts

    table = pd.DataFrame(
        {
            "customers": counts,
            "recency_days": mean(data.recency_days).round(0),
            "orders": mean(data.orders).round(1),
            "monetary_eur": mean(data.monetary_eur).round(0),
            "per_order_eur": mean(data.monetary_eur / data.orders).round(0),
            "newsletter_pct": (100 * mean(data.newsletter)).round(0),
        },
        index=pd.RangeIndex(1, k + 1, name="group"),
    )
    return table


def profile(k: int, features=FEATURES, scaled: bool = True):
    """One row per group (1 to k): how many customers, and their averages (days since the last
    order, orders, spend in euros, spend per order in euros, % reading the newsletter)."""
    return _profile(*normalise_choice(k, features, scaled)).copy()


def group_sizes(k: int, features=FEATURES, scaled: bool = True) -> list[int]:
    """How many customers each group has, group 1 first."""
    return [int(n) for n in profile(k, features, scaled).customers]


PROFILE_COLUMNS = ("customers", "recency_days", "orders", "monetary_eur", "per_order_eur", "newsletter_pct")


def profile_frame(k: int, features=FEATURES, scaled: bool = True):
    """The profile as a learner reads it: column names in their language, numbers their way,
    one row per group named by its symbol and number. Used by the explorer's table and by the
    graded assignment."""
    import pandas as pd

    table = profile(k, features, scaled)
    labels = [f"{SYMBOLS[(group - 1) % len(SYMBOLS)]} " + t("m05.explore.group", number=group) for group in table.index]
    rows = [[format_number(row[c]) for c in PROFILE_COLUMNS] for _, row in table.iterrows()]
    index = pd.Index(labels, name=t("m05.explore.col.group"))
    return pd.DataFrame(rows, columns=[t(f"m05.explore.col.{c}") for c in PROFILE_COLUMNS], index=index)


def sizes_frame(features=FEATURES, scaled: bool = True):
    """For every k the explorer offers: the size of each group (group 1 = highest spend)."""
    import pandas as pd

    rows = []
    for k in K_VALUES:
        sizes = group_sizes(k, features, scaled)
        rows.append([str(n) for n in sizes] + ["" for _ in range(K_VALUES[-1] - k)])
    headers = [t("m05.explore.group", number=g) for g in range(1, K_VALUES[-1] + 1)]
    return pd.DataFrame(rows, columns=headers, index=pd.Index(K_VALUES, name="k"))


# -- drawing -----------------------------------------------------------------------------------

def _feature_words(features) -> str:
    return ", ".join(t(f"m05.explore.feature.{f}") for f in features)


def draw(k: int, features=FEATURES, scaled: bool = True):
    """Two panels of the same customers, one dot per customer, coloured and shaped by group:
    days since the last order against spend, and number of orders against spend. The big
    outlined marks are the middles of the groups (their averages)."""
    from matplotlib.figure import Figure

    from ..plotting import MARKERS, PALETTE

    k, features, scaled = normalise_choice(k, features, scaled)
    data = customers()
    labels = _groups(k, features, scaled)
    table = _profile(k, features, scaled)
    figure = Figure(figsize=(9.4, 3.9), dpi=80)
    left, right = figure.subplots(1, 2, sharey=True)
    # fixed margins: a layout engine would measure every text twice and double the drawing time
    figure.subplots_adjust(left=0.08, right=0.78, bottom=0.14, top=0.84, wspace=0.06)
    for ax, x_column in ((left, "recency_days"), (right, "orders")):
        ax.grid(True, alpha=0.3)
        for group in range(1, k + 1):
            mask = labels == group
            colour = PALETTE[_COLOUR_ORDER[group - 1]]
            marker = MARKERS[group - 1]
            label = t("m05.explore.legend", number=group, count=int(table.customers[group]))
            ax.scatter(data[x_column].to_numpy()[mask], data.monetary_eur.to_numpy()[mask], s=18, c=colour, marker=marker, alpha=0.75, linewidths=0.3, label=label)
            ax.scatter([table[x_column][group]], [table.monetary_eur[group]], s=190, c=colour, marker=marker, edgecolors="black", linewidths=1.6, zorder=3)
        ax.set_xlabel(t(f"m05.explore.axis.{x_column}"))
    left.set_ylabel(t("m05.explore.axis.monetary_eur"))
    left.set_title(t("m05.explore.title_left"), fontsize="medium")
    right.set_title(t("m05.explore.title_right"), fontsize="medium")
    handles, labels_ = left.get_legend_handles_labels()
    figure.legend(handles, labels_, loc="upper left", bbox_to_anchor=(0.79, 0.84), fontsize="small", markerscale=1.5, title=t("m05.explore.legend_title"), title_fontsize="small")
    scaled_word = t("m05.explore.scaled" if scaled else "m05.explore.unscaled")
    figure.suptitle(t("m05.explore.suptitle", k=k, features=_feature_words(features), scaled=scaled_word), fontsize="medium")
    return figure


@cache
def _image(k: int, features: tuple[str, ...], scaled: bool, lang: str):
    """The drawing as a PNG image, kept per setting: coming back to a setting shows it at once."""
    from ..plotting import as_image

    return as_image(draw(k, features, scaled))


def image(k: int, features=FEATURES, scaled: bool = True):
    """The figure of :func:`draw` as an image for display, in the learner's language."""
    from ..i18n import get_language

    return _image(*normalise_choice(k, features, scaled), get_language())


def _table_html(k, features, scaled) -> str:
    """The profile as a small HTML table; each group's symbol in its colour, so the table
    reads like the legend (shape and colour, never colour alone)."""
    import html

    from ..plotting import PALETTE

    frame = profile_frame(k, features, scaled)
    cell = "padding:0.2em 0.6em;text-align:right"
    names = [frame.index.name, *frame.columns]
    head = "".join(f'<th style="{cell};vertical-align:bottom;border-bottom:1px solid currentColor">{html.escape(str(c))}</th>' for c in names)
    rows = []
    for group, values in enumerate(frame.itertuples(index=True), start=1):
        symbol, _, name = values[0].partition(" ")
        colour = PALETTE[_COLOUR_ORDER[group - 1]]
        first = f'<td style="{cell};text-align:left;white-space:nowrap"><span style="color:{colour}" aria-hidden="true">{symbol}</span> {html.escape(name)}</td>'
        rows.append("<tr>" + first + "".join(f'<td style="{cell}">{html.escape(v)}</td>' for v in values[1:]) + "</tr>")
    return f'<table class="smeai-profile" style="border-collapse:collapse;line-height:1.3;margin-top:0.3em"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def segment_explorer():
    """Choose k, the columns and scaling; the groups are drawn, with a table of averages."""
    import ipywidgets as widgets
    from IPython.display import display

    precompute()
    for k in K_VALUES:  # the slider is what a learner moves most (exercises 1 and 4): draw it now
        image(k)
    style = {"description_width": "initial"}
    k_slider = widgets.IntSlider(value=START_K, min=K_VALUES[0], max=K_VALUES[-1], step=1, description=t("m05.explore.k_slider"), continuous_update=False, style=style)
    boxes = {f: widgets.Checkbox(value=True, description=t(f"m05.explore.feature.{f}"), indent=False, layout=widgets.Layout(width="auto")) for f in FEATURES}
    scaling = widgets.ToggleButtons(options=[(t("m05.explore.scaled"), True), (t("m05.explore.unscaled"), False)], value=True, description=t("m05.explore.scaling"), style=style)
    summary = widgets.HTML()
    summary.add_class("smeai-segment-summary")
    out = widgets.Output()
    table = widgets.HTML()
    table.add_class("smeai-segment-table")

    def update(change=None):
        features = tuple(f for f, box in boxes.items() if box.value)
        out.clear_output(wait=True)
        if not features:
            summary.value = "✎ " + t("m05.explore.need_feature")
            table.value = ""
            return
        try:
            k, features, scaled = normalise_choice(k_slider.value, features, scaling.value)
            sizes = [int(n) for n in _profile(k, features, scaled).customers]
            summary.value = t("m05.explore.summary", k=k, features=_feature_words(features), scaled=t("m05.explore.scaled" if scaled else "m05.explore.unscaled"), smallest=min(sizes), largest=max(sizes))
            table.value = _table_html(k, features, scaled)
            picture = image(k, features, scaled)
        except Exception:  # a learner must never see a traceback in a widget
            summary.value = "✘ " + t("m05.explore.error")
            table.value = ""
            return
        with out:
            display(picture)

    for control in (k_slider, scaling, *boxes.values()):
        control.observe(update, names="value")
    update()
    columns = widgets.HBox([widgets.HTML(t("m05.explore.columns")), *boxes.values()])
    box = widgets.VBox([k_slider, columns, scaling, summary, out, table])
    box.add_class("smeai-segment-explorer")
    return box
