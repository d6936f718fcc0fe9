"""Module 03's data model and answer key: forecasting how many loaves to bake tomorrow, and a
greenhouse's tomato yield.

Everything is trained once, at first use (``functools.cache``): the models learn from 2024 and
are judged on 2025. An explorer callback only predicts one day with a fitted model, or picks
numbers that were made before; it never trains. Every number the course states comes from here.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pandas as pd
from sklearn.linear_model import LinearRegression
from sklearn.tree import DecisionTreeRegressor

from ...datasets.greenhouse import TARGET, make_greenhouse
from ...i18n import lookup, t
from ..m02.model import sales, weekday_name  # the same bakery and the same two years as module 02

__all__ = [
    "BREAD", "COST_UNSOLD_EUR", "COST_MISSED_EUR", "TRAIN_YEAR", "TEST_YEAR", "TREE_DEPTH", "DEPTHS", "METHODS",
    "WHAT_IF_METHODS", "TEMPERATURE_RANGE", "RAIN_RANGE", "MONTHS", "WHAT_IF_DAY", "loaves", "forecast",
    "daily_cost", "forecasts", "comparison", "method_label", "comparison_table",
    "savings_per_year", "depth_errors", "best_depth", "depth_table", "describe_depth", "describe_month",
    "greenhouse", "greenhouse_split", "greenhouse_error", "greenhouse_baseline_error", "GREENHOUSE_TARGET_KG",
    "what_if_forecast", "numbers", "weekday_name", "FORECAST_COLUMN",
]

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
MONTHS = tuple(range(1, 13))
# q4: a warm, dry Saturday that is not a holiday, set in the what-if explorer
WHAT_IF_DAY = dict(weekday=5, temperature_c=24, rain_mm=0, holiday=False)


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
    weekday = np.atleast_1d(np.asarray(weekday, dtype=int))
    onehot = (weekday[:, None] == np.arange(6)[None, :]).astype(float)
    rest = np.column_stack([np.atleast_1d(np.asarray(v, dtype=float)) for v in (temperature_c, rain_mm, holiday)])
    return np.hstack([onehot, rest])


def tree_features(weekday, temperature_c, rain_mm, holiday):
    """One row per day: weekday (0-5), temperature, rain and holiday (0/1)."""
    return np.column_stack([np.atleast_1d(np.asarray(v, dtype=float)) for v in (weekday, temperature_c, rain_mm, holiday)])


def _columns(days):
    return days["weekday"], days["temperature_c"], days["rain_mm"], days["holiday"]


def _tree(depth):
    train, _ = _split()
    return DecisionTreeRegressor(max_depth=depth, random_state=0).fit(tree_features(*_columns(train)), train["loaves"])


@cache
def models() -> dict:
    """The two models, trained once on 2024: a linear regression and a decision tree of depth 4."""
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


FORECAST_COLUMN = {"yesterday": "yesterday", "weekday": "weekday_avg", "linear": "linear", "tree": "tree"}


@cache
def comparison():
    """Per method, over 2025: loaves off on average, loaves left over and too few, and the cost."""
    table = forecasts()
    rows = {}
    for method in METHODS:
        guess = table[FORECAST_COLUMN[method]].to_numpy()
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
    return t(f"m03.explore.method.{method}", lang, depth=TREE_DEPTH)


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
    return make_greenhouse(random_state=GREENHOUSE_SEED)


def greenhouse_split():
    data = greenhouse()
    return data[data["year"] < GREENHOUSE_TEST_YEAR], data[data["year"] == GREENHOUSE_TEST_YEAR]


@cache
def greenhouse_error(features: tuple[str, ...]) -> float:
    """kg/m² a linear regression on these columns is off per week, on average, in 2024."""
    train, test = greenhouse_split()
    columns = list(features)
    model = LinearRegression().fit(train[columns], train[TARGET])
    return float(np.abs(model.predict(test[columns]) - test[TARGET]).mean())


@cache
def greenhouse_baseline_error() -> float:
    """kg/m² off per week when you always guess the average week of the years before."""
    train, test = greenhouse_split()
    return float((test[TARGET] - train[TARGET].mean()).abs().mean())




# -- what the explorers read out -----------------------------------------------------------------

def describe_month(month: int) -> str:
    table = forecasts()
    days = table[table["date"].dt.month == month]
    costs = {m: float(daily_cost(days[FORECAST_COLUMN[m]], days["loaves"]).sum()) for m in WHAT_IF_METHODS}
    months = lookup("m02.explore.months")
    return t(
        "m03.explore.month_result", month=months[month - 1], days=len(days),
        weekday=round(costs["weekday"]), linear=round(costs["linear"]), tree=round(costs["tree"]),
    )


def describe_depth(depth: int) -> str:
    row = depth_errors().loc[depth]
    return t("m03.explore.depth_result", depth=depth, train=round(row["train_mae"], 1), test=round(row["test_mae"], 1))


# -- the numbers the texts state ------------------------------------------------------------------

def what_if_forecast(method: str, **change) -> int:
    """q4: the forecast for :data:`WHAT_IF_DAY` (with ``change``), in whole loaves."""
    return round(forecast(method, **{**WHAT_IF_DAY, **change}))


def numbers() -> dict:
    """The numbers module 03's texts state, by the names the catalogues use (``{saving}``).
    A ``_py`` name is the same number as Python code writes it, for the solutions' code lines."""
    table = comparison()
    cost_weekday, cost_linear = round(table.at["weekday", "cost_year_eur"]), round(table.at["linear", "cost_year_eur"])
    return {
        "off_weekday": round(table.at["weekday", "mae_loaves"]), "off_yesterday": round(table.at["yesterday", "mae_loaves"]),
        "cost_weekday": cost_weekday, "cost_linear": cost_linear, "saving": savings_per_year("weekday", "linear"),
        "cost_weekday_py": repr(cost_weekday), "cost_linear_py": repr(cost_linear),
        "what_if": what_if_forecast("linear"), "what_if_py": repr(what_if_forecast("linear")),
        "best_depth": best_depth(), "best_depth_py": repr(best_depth()), "tree_depth": TREE_DEPTH,
    }
