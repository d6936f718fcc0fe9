"""Module 02's data model and answer key: the bakery's two years of sales, and the shipped files
with their problems (the owner's workbook and the till's export).

Plain functions on data made once (``functools.cache``), so the explorer's callback only picks
precomputed numbers. Every number the course states about this data comes from here.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pandas as pd

from ...datasets.bakery import PRODUCTS, TILL_CSV, WORKBOOK, make_bakery_sales, messy_truth, shipped_path
from ...i18n import get_language, lookup, t

__all__ = [
    "SALES_SEED", "VIEWS", "OPEN_WEEKDAYS", "PRODUCTS", "sales", "product_label", "weekday_name", "product_days",
    "weekday_means", "temperature_trend", "weekly_means", "warm_day_product", "describe_view", "sales_file",
    "till_file", "workbook", "till", "truth", "missing_counts", "outlier", "misspelled_names", "true_dates",
    "month_first_dates", "format_date", "busiest_saturday", "numbers",
]

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
def product_days(product: str):
    data = sales()
    if product not in PRODUCTS:
        raise ValueError(f"unknown product {product!r}; choose from {', '.join(PRODUCTS)}")
    return data[data["product"] == product].reset_index(drop=True)


@cache
def weekday_means(product: str) -> tuple[float, ...]:
    """Mean pieces sold per open day, Monday .. Saturday."""
    days = product_days(product)
    means = days.groupby("weekday")["units"].mean()
    return tuple(float(means.get(d, 0.0)) for d in OPEN_WEEKDAYS)


@cache
def temperature_trend(product: str) -> tuple[float, float]:
    """The straight line through sales against temperature: (pieces per 10 °C warmer, pieces at 0 °C)."""
    days = product_days(product)
    slope, intercept = np.polyfit(days["temperature_c"], days["units"], 1)
    return float(slope * 10), float(intercept)


@cache
def weekly_means(product: str):
    """Mean pieces sold per open day, week by week (Monday as the week's date). A mean, not a
    sum, so weeks with Christmas or a part week at the end of the data do not look like a drop."""
    days = product_days(product)
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
    days = product_days(product)
    by_year = days.groupby(days["date"].dt.year)["units"].sum()
    return t("m02.explore.time_result", product=label, first=int(by_year.iloc[0]), second=int(by_year.iloc[-1]))


# -- the shipped files ----------------------------------------------------------------------------

def sales_file():
    """Where the owner's workbook is (``korenschoof_verkoop.xlsx``)."""
    return shipped_path(WORKBOOK)


def till_file():
    """Where the till's export is (``korenschoof_kassa.csv``)."""
    return shipped_path(TILL_CSV)


@cache
def _workbook():
    return pd.read_excel(sales_file(), sheet_name="verkoop")


def workbook():
    """The workbook's sheet ``verkoop`` read as a learner reads it: a fresh copy, problems and all."""
    return _workbook().copy()


@cache
def _till():
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
    return pd.to_datetime(_workbook()["datum"], format="mixed")


def format_date(value, lang: str | None = None) -> str:
    """A date in words, the learner's way: "3 februari 2025" or "3 February 2025"."""
    months = lookup("m02.explore.months", lang or get_language())
    return f"{value.day} {months[value.month - 1]} {value.year}"


def busiest_saturday(product: str = "Volkorenbrood") -> int:
    """The most pieces of ``product`` the bakery sold on one Saturday (rounded to tens)."""
    days = product_days(product)
    return int(round(float(days.loc[days["weekday"] == 5, "units"].max()), -1))


def numbers() -> dict:
    """The numbers module 02's texts state, by the names the catalogues use (``{missing}``).
    A ``_py`` name is the same number as Python code writes it, for the solutions' code lines."""
    gone = outlier()
    return {
        "missing": missing_counts()["aantal"], "missing_py": repr(missing_counts()["aantal"]),
        "typed": gone["typed"], "typed_py": repr(gone["typed"]), "real": gone["real"], "real_py": repr(gone["real"]),
        "products": len(PRODUCTS), "busiest_saturday": busiest_saturday(),
    }
