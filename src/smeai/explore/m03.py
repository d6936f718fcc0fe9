"""Module 03: forecasting how many loaves to bake tomorrow, and a greenhouse's tomato yield.

Everything is trained once, at first use (``functools.cache``): the models learn from 2024 and
are judged on 2025. A widget callback only predicts one day with a fitted model, or picks
numbers and pictures that were made before; it never trains.
"""

from __future__ import annotations

from functools import cache

from ..i18n import get_language, lookup, t
from .common import picture_explorer
from .m02 import sales, weekday_name

BREAD = ("Volkorenbrood", "Witbrood")  # the loaves: wholemeal and white bread
COST_UNSOLD_EUR = 1.20  # a loaf left over: flour, energy and work thrown away
COST_MISSED_EUR = 2.00  # a loaf too few: the profit on a sale the bakery missed
TRAIN_YEAR, TEST_YEAR = 2024, 2025
TREE_DEPTH = 4  # the decision tree in the comparison
DEPTHS = tuple(range(1, 16))  # the overfitting explorer's slider
METHODS = ("yesterday", "weekday", "linear", "tree")
WHAT_IF_METHODS = ("weekday", "linear", "tree")
TEMPERATURE_RANGE = (-5, 32)
RAIN_RANGE = (0, 20)
BAR_SCALE_LOAVES = 250  # the what-if bars' full width, in loaves


# -- the data -----------------------------------------------------------------------------------

@cache
def loaves():
    """Loaves sold per open day (wholemeal plus white bread), with the day's calendar and weather."""
    data = sales()
    bread = data[data["product"].isin(BREAD)]
    days = bread.groupby("date", sort=True).agg(
        weekday=("weekday", "first"), holiday_name=("holiday", "first"), temperature_c=("temperature_c", "first"),
        rain_mm=("rain_mm", "first"), loaves=("units", "sum"),
    ).reset_index()
    days["holiday"] = days["holiday_name"] != ""
    days["year"] = days["date"].dt.year
    return days


def _split():
    days = loaves()
    return days[days["year"] == TRAIN_YEAR], days[days["year"] == TEST_YEAR]


def linear_features(weekday, temperature_c, rain_mm, holiday):
    """One row per day: a 0/1 column for each weekday, then temperature, rain and holiday (0/1)."""
    import numpy as np

    weekday = np.atleast_1d(np.asarray(weekday, dtype=int))
    onehot = (weekday[:, None] == np.arange(6)[None, :]).astype(float)
    rest = np.column_stack([np.atleast_1d(np.asarray(v, dtype=float)) for v in (temperature_c, rain_mm, holiday)])
    return np.hstack([onehot, rest])


def tree_features(weekday, temperature_c, rain_mm, holiday):
    """One row per day: weekday (0-5), temperature, rain and holiday (0/1)."""
    import numpy as np

    return np.column_stack([np.atleast_1d(np.asarray(v, dtype=float)) for v in (weekday, temperature_c, rain_mm, holiday)])


def _columns(days):
    return days["weekday"], days["temperature_c"], days["rain_mm"], days["holiday"]


def _tree(depth):
    from sklearn.tree import DecisionTreeRegressor

    train, _ = _split()
    return DecisionTreeRegressor(max_depth=depth, random_state=0).fit(tree_features(*_columns(train)), train["loaves"])


@cache
def models() -> dict:
    """The two models, trained once on 2024: a linear regression and a decision tree of depth 4."""
    from sklearn.linear_model import LinearRegression

    train, _ = _split()
    linear = LinearRegression().fit(linear_features(*_columns(train)), train["loaves"])
    return {"linear": linear, "tree": _tree(TREE_DEPTH)}


@cache
def weekday_averages() -> tuple[float, ...]:
    """The simple forecast: the mean of the same weekday in 2024, Monday .. Saturday."""
    train, _ = _split()
    means = train.groupby("weekday")["loaves"].mean()
    return tuple(float(means[d]) for d in range(6))


def forecast(method: str, weekday: int, temperature_c: float, rain_mm: float = 0.0, holiday: bool = False) -> float:
    """The forecast for one day with the given weekday (0 = Monday .. 5 = Saturday) and weather."""
    if not 0 <= int(weekday) <= 5:
        raise ValueError("the bakery is open Monday (0) to Saturday (5)")
    if method == "weekday":
        return weekday_averages()[int(weekday)]
    if method == "linear":
        return float(models()["linear"].predict(linear_features(weekday, temperature_c, rain_mm, holiday))[0])
    if method == "tree":
        return float(models()["tree"].predict(tree_features(weekday, temperature_c, rain_mm, holiday))[0])
    raise ValueError(f"unknown method {method!r}; choose from {', '.join(WHAT_IF_METHODS)}")


# -- judging the forecasts on 2025 --------------------------------------------------------------

def daily_cost(forecast, demand):
    """Euros lost per day when the baker bakes the forecast (rounded to whole loaves):
    €1.20 for every loaf left over, €2.00 for every loaf a customer wanted but could not buy."""
    import numpy as np

    baked = np.round(np.asarray(forecast, dtype=float))
    demand = np.asarray(demand, dtype=float)
    left_over = np.clip(baked - demand, 0, None)
    too_few = np.clip(demand - baked, 0, None)
    return left_over * COST_UNSOLD_EUR + too_few * COST_MISSED_EUR


@cache
def forecasts():
    """2025, day by day: the loaves sold and the four forecasts made for that day."""
    days = loaves()
    train, test = _split()
    table = test[["date", "weekday", "holiday", "temperature_c", "rain_mm", "loaves"]].copy()
    table["yesterday"] = days["loaves"].shift(1).loc[test.index].to_numpy()  # the open day before
    table["weekday_avg"] = [weekday_averages()[d] for d in test["weekday"]]
    table["linear"] = models()["linear"].predict(linear_features(*_columns(test)))
    table["tree"] = models()["tree"].predict(tree_features(*_columns(test)))
    return table.reset_index(drop=True)


_FORECAST_COLUMN = {"yesterday": "yesterday", "weekday": "weekday_avg", "linear": "linear", "tree": "tree"}


@cache
def comparison():
    """Per method, over 2025: loaves off on average, loaves left over and too few, and the cost."""
    import numpy as np
    import pandas as pd

    table = forecasts()
    rows = {}
    for method in METHODS:
        guess = table[_FORECAST_COLUMN[method]].to_numpy()
        actual = table["loaves"].to_numpy()
        baked = np.round(guess)
        rows[method] = {
            "mae_loaves": float(np.abs(guess - actual).mean()),
            "left_over": int(np.clip(baked - actual, 0, None).sum()),
            "too_few": int(np.clip(actual - baked, 0, None).sum()),
            "cost_year_eur": float(daily_cost(guess, actual).sum()),
            "cost_day_eur": float(daily_cost(guess, actual).mean()),
        }
    return pd.DataFrame.from_dict(rows, orient="index")


def method_label(method: str, lang: str | None = None) -> str:
    return t(f"m03.explore.method.{method}", lang)


def comparison_table(lang: str | None = None):
    """The comparison as the learner reads it: words in their language, whole numbers."""
    table = comparison()
    shown = table.rename(index=lambda m: method_label(m, lang))
    shown = shown.rename(columns={c: t(f"m03.explore.columns.{c}", lang) for c in table.columns})
    return shown.round({shown.columns[0]: 1, shown.columns[3]: 0, shown.columns[4]: 2}).astype({shown.columns[3]: int})


def savings_per_year(baseline: str = "weekday", model: str = "linear") -> float:
    """Euros a year the model saves compared with the baseline, over 2025 (as in the table)."""
    table = comparison()
    return round(table.at[baseline, "cost_year_eur"]) - round(table.at[model, "cost_year_eur"])


# -- overfitting: a decision tree's depth -------------------------------------------------------

@cache
def depth_errors():
    """For every depth on the slider: loaves off on average on the training year and on 2025."""
    import numpy as np
    import pandas as pd

    train, test = _split()
    rows = []
    for depth in DEPTHS:
        tree = _tree(depth)
        rows.append({
            "depth": depth,
            "train_mae": float(np.abs(tree.predict(tree_features(*_columns(train))) - train["loaves"]).mean()),
            "test_mae": float(np.abs(tree.predict(tree_features(*_columns(test))) - test["loaves"]).mean()),
        })
    return pd.DataFrame(rows).set_index("depth")


def best_depth() -> int:
    return int(depth_errors()["test_mae"].idxmin())


def depth_table(lang: str | None = None):
    """The depth errors as the learner reads them: words in their language, one decimal."""
    table = depth_errors().round(1)
    table.index.name = t("m03.explore.depth_columns.depth", lang)
    return table.rename(columns={"train_mae": t("m03.explore.depth_columns.train", lang), "test_mae": t("m03.explore.depth_columns.test", lang)})


# -- the greenhouse (exercise) ------------------------------------------------------------------

GREENHOUSE_SEED = 8
GREENHOUSE_TEST_YEAR = 2024
GREENHOUSE_TARGET_KG = 0.07  # the model must be at most this far off per week, on average


@cache
def greenhouse():
    """Three years of weekly tomato yield in three greenhouses (2022-2024)."""
    from ..datasets.greenhouse import make_greenhouse

    return make_greenhouse(random_state=GREENHOUSE_SEED)


def greenhouse_split():
    data = greenhouse()
    return data[data["year"] < GREENHOUSE_TEST_YEAR], data[data["year"] == GREENHOUSE_TEST_YEAR]


@cache
def greenhouse_error(features: tuple[str, ...]) -> float:
    """kg/m² a linear regression on these columns is off per week, on average, in 2024."""
    import numpy as np
    from sklearn.linear_model import LinearRegression

    from ..datasets.greenhouse import TARGET

    train, test = greenhouse_split()
    columns = list(features)
    model = LinearRegression().fit(train[columns], train[TARGET])
    return float(np.abs(model.predict(test[columns]) - test[TARGET]).mean())


@cache
def greenhouse_baseline_error() -> float:
    """kg/m² off per week when you always guess the average week of the years before."""
    from ..datasets.greenhouse import TARGET

    train, test = greenhouse_split()
    return float((test[TARGET] - train[TARGET].mean()).abs().mean())


# -- widgets ------------------------------------------------------------------------------------

MONTHS = tuple(range(1, 13))


@cache
def _month_figure(lang: str) -> dict:
    """The forecast explorer's figure, made once per language; each month only updates its data."""
    from matplotlib.dates import DayLocator, num2date
    from matplotlib.ticker import FuncFormatter

    from ..plotting import MARKERS, PALETTE, new_axes

    ax = new_axes(figsize=(6.6, 3.6))
    lines = {"loaves": ax.plot([], [], color="black", marker=MARKERS[0], linewidth=2, label=t("m03.explore.actual", lang))[0]}
    styles = (("weekday_avg", "weekday", PALETTE[0], MARKERS[2], "--"), ("linear", "linear", PALETTE[4], MARKERS[3], "-"), ("tree", "tree", PALETTE[2], MARKERS[4], ":"))
    for column, method, colour, marker, line in styles:
        lines[column] = ax.plot([], [], color=colour, marker=marker, linestyle=line, linewidth=1.5, markersize=5, label=method_label(method, lang))[0]
    table = forecasts()
    ax.set_ylim(0, float(table[["loaves", "weekday_avg", "linear", "tree"]].max().max()) * 1.08)  # the same scale every month
    ax.set_ylabel(t("m03.explore.loaves_axis", lang))
    ax.legend(loc="lower left", fontsize="small", ncol=2)
    ax.xaxis.set_major_locator(DayLocator(bymonthday=range(1, 32, 3)))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _: str(num2date(value).day)))  # "%-d" fails on Windows
    ax.figure.subplots_adjust(left=0.1, right=0.98, bottom=0.14, top=0.91)
    return {"ax": ax, "lines": lines}


@cache
def month_png(month: int, lang: str) -> bytes:
    """The loaves sold and three forecasts, day by day, for one month of 2025 (drawn once)."""
    from io import BytesIO

    import pandas as pd

    parts = _month_figure(lang)
    ax = parts["ax"]
    table = forecasts()
    days = table[table["date"].dt.month == month]
    for column, line in parts["lines"].items():
        line.set_data(days["date"], days[column])
    ax.set_xlim(days["date"].min() - pd.Timedelta(hours=14), days["date"].max() + pd.Timedelta(hours=14))
    months = lookup("m02.explore.months", lang)
    ax.set_title(t("m03.explore.month_title", lang, month=months[month - 1]))
    ax.set_xlabel(t("m03.explore.date_axis", lang, month=months[month - 1]))
    buffer = BytesIO()
    ax.figure.savefig(buffer, format="png", pil_kwargs={"compress_level": 1})
    return buffer.getvalue()


def describe_month(month: int) -> str:
    table = forecasts()
    days = table[table["date"].dt.month == month]
    costs = {m: float(daily_cost(days[_FORECAST_COLUMN[m]], days["loaves"]).sum()) for m in ("weekday", "linear", "tree")}
    months = lookup("m02.explore.months")
    return t(
        "m03.explore.month_result", month=months[month - 1], days=len(days),
        weekday=round(costs["weekday"]), linear=round(costs["linear"]), tree=round(costs["tree"]),
    )


def forecast_explorer():
    """Choose a month of 2025: the loaves sold and what each method forecast, day by day."""
    import ipywidgets as widgets

    months = lookup("m02.explore.months")
    month = widgets.Dropdown(options=[(f"{months[m - 1]} {TEST_YEAR}", m) for m in MONTHS], value=6, description=t("m03.explore.month"), style={"description_width": "initial"})
    return picture_explorer(month, describe_month, lambda m: month_png(m, get_language()), "smeai-forecast-explorer")


def what_if(weekday: int, temperature_c: float, rain_mm: float, holiday: bool) -> str:
    """The what-if explorer's answer as HTML: each method's forecast, with a bar to compare."""
    import html

    values = {m: forecast(m, weekday, temperature_c, rain_mm, holiday) for m in WHAT_IF_METHODS}
    top = max(BAR_SCALE_LOAVES, *values.values())  # a fixed scale, so bars compare across settings
    borders = {"weekday": "dashed", "linear": "solid", "tree": "dotted"}
    colours = {"weekday": "#E69F00", "linear": "#0072B2", "tree": "#009E73"}
    rows = []
    for method, value in values.items():
        width = max(0.0, value) / top * 100
        bar = f'<div style="width:{width:.0f}%;height:1em;background:{colours[method]};border:2px {borders[method]} black"></div>'
        rows.append(
            f'<tr><td style="padding-right:1em">{html.escape(method_label(method))}</td>'
            f'<td style="text-align:right;padding-right:1em"><b>{round(value)}</b></td><td style="width:16em">{bar}</td></tr>'
        )
    day = weekday_name(weekday)
    heading = t("m03.explore.what_if_heading", day=day, temperature=temperature_c, rain=rain_mm) + (" " + t("m03.explore.on_holiday") if holiday else "")
    return f"<p>{heading}</p><table>{''.join(rows)}</table><p>{t('m03.explore.what_if_unit')}</p>"


def what_if_explorer():
    """Set tomorrow's weekday, weather and holiday: each method's forecast of the loaves."""
    import ipywidgets as widgets

    style = {"description_width": "initial"}
    day = widgets.Dropdown(options=[(weekday_name(d), d) for d in range(6)], value=0, description=t("m03.explore.weekday"), style=style)
    temperature = widgets.IntSlider(value=15, min=TEMPERATURE_RANGE[0], max=TEMPERATURE_RANGE[1], step=1, description=t("m03.explore.temperature"), continuous_update=False, style=style)
    rain = widgets.IntSlider(value=0, min=RAIN_RANGE[0], max=RAIN_RANGE[1], step=1, description=t("m03.explore.rain"), continuous_update=False, style=style)
    holiday = widgets.Checkbox(value=False, description=t("m03.explore.holiday"), indent=False)
    result = widgets.HTML()
    result.add_class("smeai-what-if-result")

    def update(change=None):
        try:
            result.value = what_if(day.value, temperature.value, rain.value, holiday.value)
        except Exception as error:  # a widget must never show a traceback
            result.value = t("m03.explore.widget_error", error=type(error).__name__)

    for control in (day, temperature, rain, holiday):
        control.observe(update, names="value")
    update()
    box = widgets.VBox([day, temperature, rain, holiday, result])
    box.add_class("smeai-what-if-explorer")
    return box


@cache
def _depth_figure(lang: str) -> dict:
    """The overfitting explorer's figure, made once per language; a depth only moves the marker."""
    from ..plotting import MARKERS, PALETTE, new_axes

    errors = depth_errors()
    ax = new_axes(figsize=(6.4, 3.6))
    ax.plot(errors.index, errors["train_mae"], color=PALETTE[4], marker=MARKERS[0], linestyle="-", label=t("m03.explore.train_line", lang))
    ax.plot(errors.index, errors["test_mae"], color=PALETTE[5], marker=MARKERS[2], linestyle="--", label=t("m03.explore.test_line", lang))
    marker = ax.axvline(DEPTHS[0], color="black", linestyle=":", linewidth=1.5)
    ax.set_xlabel(t("m03.explore.depth_axis", lang))
    ax.set_ylabel(t("m03.explore.error_axis", lang))
    ax.set_xticks(list(DEPTHS))
    ax.set_ylim(0, float(errors.max().max()) * 1.08)
    ax.legend(loc="lower left", fontsize="small")
    ax.figure.subplots_adjust(left=0.1, right=0.98, bottom=0.15, top=0.91)
    return {"ax": ax, "marker": marker}


@cache
def depth_png(depth: int, lang: str) -> bytes:
    """Train and test error against depth, with the chosen depth marked (drawn once per depth)."""
    from io import BytesIO

    parts = _depth_figure(lang)
    parts["marker"].set_xdata([depth, depth])
    parts["ax"].set_title(t("m03.explore.depth_title", lang, depth=depth))
    buffer = BytesIO()
    parts["ax"].figure.savefig(buffer, format="png", pil_kwargs={"compress_level": 1})
    return buffer.getvalue()


def describe_depth(depth: int) -> str:
    errors = depth_errors()
    row = errors.loc[depth]
    return t("m03.explore.depth_result", depth=depth, train=round(row["train_mae"], 1), test=round(row["test_mae"], 1))


def depth_explorer():
    """A slider for the decision tree's depth: how far off it is on 2024 (learned) and 2025 (new)."""
    import ipywidgets as widgets

    slider = widgets.IntSlider(value=1, min=DEPTHS[0], max=DEPTHS[-1], step=1, description=t("m03.explore.depth"), continuous_update=False, style={"description_width": "initial"})
    return picture_explorer(slider, describe_depth, lambda depth: depth_png(depth, get_language()), "smeai-depth-explorer")
