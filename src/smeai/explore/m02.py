"""Module 02: the bakery's data. Exploring two years of sales, and the shipped files with their
problems.

The logic is plain functions on data made once (``functools.cache``); the explorer's callback
only picks precomputed numbers and draws one small figure.
"""

from __future__ import annotations

from functools import cache

from ..datasets.bakery import PRODUCTS, TILL_CSV, WORKBOOK, messy_truth, make_bakery_sales, shipped_path
from ..ui.messagebox import MessageBox
from ..i18n import describe_kind, get_language, lookup, t

SALES_SEED = 3  # the bakery's two years (2024-2025) in modules 02 and 03
VIEWS = ("weekday", "temperature", "time")
OPEN_WEEKDAYS = range(6)  # Monday .. Saturday; closed on Sunday


@cache
def sales():
    """Two years of daily sales per product (2024-2025), the same in every module."""
    return make_bakery_sales(random_state=SALES_SEED)


def product_label(product: str) -> str:
    """A product's name for the learner, e.g. "Stokbrood (baguette)" in English."""
    return t(f"m02.explore.products.{product.lower()}")


def weekday_name(weekday: int, lang: str | None = None) -> str:
    return lookup("m02.explore.weekdays", lang)[int(weekday)]


@cache
def _product_days(product: str):
    data = sales()
    if product not in PRODUCTS:
        raise ValueError(f"unknown product {product!r}; choose from {', '.join(PRODUCTS)}")
    return data[data["product"] == product].reset_index(drop=True)


@cache
def weekday_means(product: str) -> tuple[float, ...]:
    """Mean pieces sold per open day, Monday .. Saturday."""
    days = _product_days(product)
    means = days.groupby("weekday")["units"].mean()
    return tuple(float(means.get(d, 0.0)) for d in OPEN_WEEKDAYS)


@cache
def temperature_trend(product: str) -> tuple[float, float]:
    """The straight line through sales against temperature: (pieces per 10 °C warmer, pieces at 0 °C)."""
    import numpy as np

    days = _product_days(product)
    slope, intercept = np.polyfit(days["temperature_c"], days["units"], 1)
    return float(slope * 10), float(intercept)


@cache
def weekly_means(product: str):
    """Mean pieces sold per open day, week by week (Monday as the week's date). A mean, not a
    sum, so weeks with Christmas or a part week at the end of the data do not look like a drop."""
    days = _product_days(product)
    return days.set_index("date")["units"].resample("W-MON", label="left", closed="left").mean().dropna()


def warm_day_product() -> str:
    """The product whose sales rise most on warm days (the answer of exercise m02.q1)."""
    return max(PRODUCTS, key=lambda p: temperature_trend(p)[0] / max(sum(weekday_means(p)) / 6, 1e-9))


def describe_view(product: str, view: str) -> str:
    """The sentence under the explorer's figure."""
    label = product_label(product)
    if view == "weekday":
        means = weekday_means(product)
        busiest = max(OPEN_WEEKDAYS, key=lambda d: means[d])
        quietest = min(OPEN_WEEKDAYS, key=lambda d: means[d])
        return t(
            "m02.explore.weekday_result", product=label, mean=round(sum(means) / 6),
            busiest=weekday_name(busiest), busiest_mean=round(means[busiest]),
            quietest=weekday_name(quietest), quietest_mean=round(means[quietest]),
        )
    if view == "temperature":
        change, _ = temperature_trend(product)
        if abs(change) < 1:
            return t("m02.explore.temperature_flat", product=label)
        key = "m02.explore.temperature_more" if change > 0 else "m02.explore.temperature_less"
        return t(key, product=label, change=abs(round(change)))
    days = _product_days(product)
    by_year = days.groupby(days["date"].dt.year)["units"].sum()
    return t("m02.explore.time_result", product=label, first=int(by_year.iloc[0]), second=int(by_year.iloc[-1]))


@cache
def _view_figure(view: str, lang: str) -> dict:
    """One figure per view and language, made once; :func:`draw_view` only updates its data.
    A reused figure draws in about half the time of a new one (its ticks already exist)."""
    import numpy as np

    from ..plotting import MARKERS, PALETTE, new_axes

    ax = new_axes(figsize=(6.4, 3.6))
    parts = {"ax": ax}
    if view == "weekday":
        names = [weekday_name(d, lang)[:2] for d in OPEN_WEEKDAYS]
        parts["bars"] = ax.bar(names, np.ones(6), color=PALETTE[1], edgecolor="black")
        parts["labels"] = [ax.text(x, 0, "", ha="center", va="bottom", fontsize="small") for x in OPEN_WEEKDAYS]
        ax.set_xlabel(t("m02.explore.weekday_axis", lang))
        ax.set_ylabel(t("m02.explore.mean_axis", lang))
    elif view == "temperature":
        styles = ((PALETTE[4], MARKERS[0], "m02.explore.other_days"), (PALETTE[0], MARKERS[3], "m02.explore.saturdays"))
        parts["dots"] = [ax.scatter([], [], s=12, alpha=0.6, c=colour, marker=marker, label=t(key, lang)) for colour, marker, key in styles]
        (parts["trend"],) = ax.plot([], [], color="black", linestyle="--", linewidth=2, label=t("m02.explore.trend", lang))
        ax.set_xlabel(t("m02.explore.temperature_axis", lang))
        ax.set_ylabel(t("m02.explore.units_axis", lang))
        ax.legend(loc="upper right", fontsize="small")
    else:
        (parts["line"],) = ax.plot([], [], color=PALETTE[4], marker=MARKERS[0], markersize=3, linewidth=1.2)
        ax.set_xlabel(t("m02.explore.week_axis", lang))
        ax.set_ylabel(t("m02.explore.weekly_axis", lang))
        ax.tick_params(axis="x", labelrotation=30)
    ax.figure.subplots_adjust(left=0.11, right=0.98, bottom=0.2 if view == "time" else 0.14, top=0.91)
    return parts


def draw_view(product: str, view: str, lang: str | None = None):
    """The explorer's figure for one product and view (the view's figure, updated)."""
    import numpy as np

    from ..plotting import PALETTE

    lang = lang or get_language()
    parts = _view_figure(view, lang)
    ax = parts["ax"]
    label = product_label(product) if lang == get_language() else t(f"m02.explore.products.{product.lower()}", lang)
    if view == "weekday":
        means = weekday_means(product)
        busiest = max(OPEN_WEEKDAYS, key=lambda d: means[d])
        for d, (bar, text) in enumerate(zip(parts["bars"], parts["labels"])):
            bar.set_height(means[d])
            bar.set_facecolor(PALETTE[0] if d == busiest else PALETTE[1])
            bar.set_hatch("//" if d == busiest else "")
            text.set_position((d, means[d]))
            text.set_text(f"{means[d]:.0f}")
        top = max(means)
        ax.set_title(t("m02.explore.weekday_title", lang, product=label))
    elif view == "temperature":
        days = _product_days(product)
        saturday = (days["weekday"] == 5).to_numpy()
        for dots, mask in zip(parts["dots"], (~saturday, saturday)):
            dots.set_offsets(np.column_stack([days["temperature_c"][mask], days["units"][mask]]))
        change, intercept = temperature_trend(product)
        xs = np.array([days["temperature_c"].min(), days["temperature_c"].max()])
        parts["trend"].set_data(xs, intercept + change / 10 * xs)
        ax.set_xlim(xs[0] - 1, xs[1] + 1)
        top = float(days["units"].max()) * 1.2  # room for the legend above the dots
        ax.set_title(t("m02.explore.temperature_title", lang, product=label))
    else:
        totals = weekly_means(product)
        parts["line"].set_data(totals.index, totals.to_numpy())
        ax.set_xlim(totals.index.min(), totals.index.max())
        top = float(totals.max())
        ax.set_title(t("m02.explore.time_title", lang, product=label))
    ax.set_ylim(0, top * 1.12)
    return ax.figure


@cache
def view_png(product: str, view: str, lang: str) -> bytes:
    """The explorer's figure as PNG bytes, drawn once per product, view and language."""
    from io import BytesIO

    buffer = BytesIO()
    draw_view(product, view, lang).savefig(buffer, format="png", pil_kwargs={"compress_level": 1})
    return buffer.getvalue()


def sales_explorer():
    """Choose a product and a view: per weekday, against temperature, or week by week."""
    import ipywidgets as widgets
    from IPython.display import Image, display

    product = widgets.Dropdown(options=[(product_label(p), p) for p in PRODUCTS], value="Volkorenbrood", description=t("m02.explore.product"), style={"description_width": "initial"})
    view = widgets.ToggleButtons(options=[(t(f"m02.explore.view_{v}"), v) for v in VIEWS], value="weekday", style={"button_width": "11em"})
    result = widgets.HTML()
    result.add_class("smeai-sales-result")
    out = widgets.Output()

    def update(change=None):
        try:
            result.value = describe_view(product.value, view.value)
            picture = view_png(product.value, view.value, get_language())
        except Exception as error:  # a widget must never show a traceback
            result.value = t("m02.explore.widget_error", error=type(error).__name__)
            return
        out.clear_output(wait=True)
        with out:
            display(Image(data=picture, format="png"))

    product.observe(update, names="value")
    view.observe(update, names="value")
    update()
    box = widgets.VBox([widgets.HBox([product]), view, result, out])
    box.add_class("smeai-sales-explorer")
    return box


# -- the shipped files ----------------------------------------------------------------------------

def sales_file():
    """Where the owner's workbook is (``korenschoof_verkoop.xlsx``)."""
    return shipped_path(WORKBOOK)


def till_file():
    """Where the till's export is (``korenschoof_kassa.csv``)."""
    return shipped_path(TILL_CSV)


@cache
def _workbook():
    import pandas as pd

    return pd.read_excel(sales_file(), sheet_name="verkoop")


def workbook():
    """The workbook's sheet ``verkoop`` read as a learner reads it: a fresh copy, problems and all."""
    return _workbook().copy()


@cache
def _till():
    import pandas as pd

    return pd.read_csv(till_file(), sep=";", decimal=",")


def till():
    """The till's export, read the right way (``sep=";"``, ``decimal=","``): a fresh copy."""
    return _till().copy()


@cache
def truth():
    """What the workbook holds without its problems (from the generator that made it)."""
    return messy_truth()


def missing_counts() -> dict[str, int]:
    """Empty cells per column of the workbook."""
    return {str(k): int(v) for k, v in _workbook().isna().sum().items()}


def outlier() -> dict:
    """The one number typed with a zero too many: its row, the value typed and the real value."""
    data = _workbook()
    row = int(data["aantal"].idxmax())
    return {"row": row, "typed": int(data.at[row, "aantal"]), "real": int(truth().at[row, "aantal"]), "product": str(truth().at[row, "product"])}


def misspelled_names() -> list[str]:
    """The product names in the workbook that are not on the product list."""
    return sorted(set(_workbook()["product"]) - set(PRODUCTS))


@cache
def true_dates():
    """The date of every row of the workbook, as it should be read."""
    return truth()["datum"]


@cache
def month_first_dates():
    """The dates as pandas reads them when it is not told that the day comes first."""
    import pandas as pd

    return pd.to_datetime(_workbook()["datum"], format="mixed")


def format_date(value, lang: str | None = None) -> str:
    """A date in words, the learner's way: "3 februari 2025" or "3 February 2025"."""
    months = lookup("m02.explore.months", lang or get_language())
    return f"{value.day} {months[value.month - 1]} {value.year}"


# -- a plot of any column, for the learner's own exploring ------------------------------------

class Message(MessageBox):
    """A short message instead of a figure (a wrong column name, say): never a traceback."""

    def __init__(self, text: str):
        super().__init__(text, css="smeai-message")


def _axis_label(column: str) -> str:
    label = lookup(f"m02.explore.columns.{column}")
    return column if label == f"m02.explore.columns.{column}" else label


def plot_days(table, column: str, *, date_column: str = "datum"):
    """Plot one column of a table against its dates: a line for one row per day, dots for more.

    Returns the figure as an image, or a :class:`Message` that says what is wrong (not a table,
    no such column, no numbers in it).
    """
    import pandas as pd

    from ..plotting import MARKERS, PALETTE, as_image, new_axes

    if not isinstance(table, pd.DataFrame):
        return Message(t("m02.explore.plot_not_table", kind=describe_kind(type(table).__name__)))
    columns = ", ".join(map(str, table.columns))
    if not isinstance(column, str) or column not in table.columns:
        return Message(t("m02.explore.plot_no_column", column=str(column), columns=columns))
    if date_column not in table.columns:
        return Message(t("m02.explore.plot_no_dates", column=date_column, columns=columns))
    values = pd.to_numeric(table[column], errors="coerce")
    if values.notna().sum() == 0:
        return Message(t("m02.explore.plot_not_numbers", column=column))
    dates = table[date_column]
    if not pd.api.types.is_datetime64_any_dtype(dates):
        # Dutch dates put the day first (03-02-2025); only ISO dates (2025-02-03) put the year first
        iso = dates.astype(str).str.match(r"^\d{4}-\d\d-\d\d").all()
        dates = pd.to_datetime(dates, format="ISO8601" if iso else "mixed", dayfirst=not iso, errors="coerce")
    keep = (dates.notna() & values.notna()).to_numpy()
    if not keep.any():
        return Message(t("m02.explore.plot_no_dates", column=date_column, columns=columns))
    dates, values = dates[keep], values[keep]
    ax = new_axes(figsize=(6.4, 3.4))
    if dates.duplicated().any():
        ax.scatter(dates, values, s=10, c=PALETTE[4], marker=MARKERS[0], alpha=0.7)
    else:
        ax.plot(dates, values, color=PALETTE[4], marker=MARKERS[0], markersize=3, linewidth=1.2)
    ax.set_xlabel(t("m02.explore.date_axis"))
    ax.set_ylabel(_axis_label(column))
    ax.set_title(t("m02.explore.plot_title", column=_axis_label(column)))
    ax.figure.autofmt_xdate()
    ax.figure.tight_layout()
    return as_image(ax.figure)
