"""The bakery's sales (modules 02 and 03) and the two files module 02 ships with their problems."""

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from smeai.datasets import bakery
from smeai.datasets.bakery import (
    PRODUCTS, TILL_CSV, WORKBOOK, dutch_holidays, easter, make_bakery_sales, messy_truth, shipped_path, write_messy_sales,
)

COLUMNS = ["date", "weekday", "holiday", "temperature_c", "rain_mm", "product", "units", "price_eur", "revenue_eur"]


@pytest.fixture(scope="module")
def sales():
    return make_bakery_sales(random_state=0)


@pytest.fixture(scope="module")
def daily(sales):
    bread = sales[sales["product"].isin(["Volkorenbrood", "Witbrood"])]
    return bread.groupby("date").agg(
        weekday=("weekday", "first"), holiday=("holiday", "first"), temperature_c=("temperature_c", "first"),
        rain_mm=("rain_mm", "first"), loaves=("units", "sum"),
    )


# -- the calendar -----------------------------------------------------------------------------------

@pytest.mark.parametrize("year, day", [(2024, dt.date(2024, 3, 31)), (2025, dt.date(2025, 4, 20)), (2026, dt.date(2026, 4, 5)), (2019, dt.date(2019, 4, 21)), (2000, dt.date(2000, 4, 23)), (2038, dt.date(2038, 4, 25))])
def test_easter_is_computed_right(year, day):
    assert easter(year) == day


def test_dutch_holidays_move_kings_day_and_keep_liberation_day_every_fifth_year():
    h2025 = dutch_holidays(2025)
    assert h2025[dt.date(2025, 4, 26)] == "Koningsdag"  # 27 April 2025 is a Sunday
    assert h2025[dt.date(2025, 5, 5)] == "Bevrijdingsdag"
    assert h2025[dt.date(2025, 5, 29)] == "Hemelvaartsdag" and h2025[dt.date(2025, 6, 9)] == "Tweede Pinksterdag"
    h2024 = dutch_holidays(2024)
    assert h2024[dt.date(2024, 4, 27)] == "Koningsdag" and dt.date(2024, 5, 5) not in h2024
    assert h2024[dt.date(2024, 4, 1)] == "Tweede Paasdag"
    assert len(h2024) == 9 and len(h2025) == 10


# -- the generator ----------------------------------------------------------------------------------

def test_shape_columns_and_types(sales):
    assert list(sales.columns) == COLUMNS
    # 2024-2025 is 731 days; minus 104 Sundays and 6 closed holidays on weekdays
    days = sales["date"].nunique()
    assert days == 731 - 104 - 6 == 621
    assert sales.shape == (days * len(PRODUCTS), len(COLUMNS))
    assert sales.groupby("date").size().eq(len(PRODUCTS)).all()
    assert pd.api.types.is_datetime64_any_dtype(sales["date"])
    assert sales["units"].dtype.kind == "i" and (sales["units"] >= 0).all()
    assert np.allclose(sales["revenue_eur"], sales["units"] * sales["price_eur"])
    assert set(sales["product"]) == set(PRODUCTS)


def test_same_seed_same_data_other_seed_other_data():
    a = make_bakery_sales(start="2025-01-01", end="2025-02-28", random_state=7)
    assert a.equals(make_bakery_sales(start="2025-01-01", end="2025-02-28", random_state=7))
    assert not a.equals(make_bakery_sales(start="2025-01-01", end="2025-02-28", random_state=8))


def test_closed_on_sundays_new_year_and_christmas(sales):
    dates = set(sales["date"].dt.date)
    assert not any(d.weekday() == 6 for d in dates)
    for closed in (dt.date(2024, 1, 1), dt.date(2024, 12, 25), dt.date(2024, 12, 26), dt.date(2025, 1, 1), dt.date(2025, 12, 25), dt.date(2025, 12, 26)):
        assert closed not in dates
    open_holidays = sales.loc[sales["holiday"] != "", ["date", "holiday"]].drop_duplicates()
    assert sorted(open_holidays["holiday"].unique()) == ["Bevrijdingsdag", "Hemelvaartsdag", "Koningsdag", "Tweede Paasdag", "Tweede Pinksterdag"]
    assert len(open_holidays) == 9  # 4 in 2024, 5 in 2025 (with Liberation Day)


def test_saturday_is_busiest_and_monday_to_thursday_quieter(daily):
    means = daily[daily["holiday"] == ""].groupby("weekday")["loaves"].mean()
    assert means.idxmax() == 5
    assert means[5] > 1.3 * means[[0, 1, 2, 3]].mean()


def test_holidays_sell_less_bread_and_more_apple_pie(sales, daily):
    ordinary = daily[daily["holiday"] == ""]
    holidays = daily[daily["holiday"] != ""]
    # compare with the same weekdays, so Saturday's King's Day does not hide the effect
    same_weekday = ordinary.groupby("weekday")["loaves"].mean()[holidays["weekday"]].to_numpy()
    assert (holidays["loaves"].to_numpy() / same_weekday).mean() < 0.8
    pie = sales[sales["product"] == "Appeltaart"]
    assert pie.loc[pie["holiday"] != "", "units"].mean() > 1.6 * pie.loc[(pie["holiday"] == "") & (pie["weekday"] < 5), "units"].mean()


def test_warm_days_sell_less_bread_and_more_baguettes(sales, daily):
    slope = np.polyfit(daily["temperature_c"], daily["loaves"], 1)[0]
    assert slope < -1.0  # over a loaf less per degree
    baguettes = sales[sales["product"] == "Stokbrood"]
    warm = baguettes[baguettes["temperature_c"] >= 18]["units"].mean()
    cold = baguettes[baguettes["temperature_c"] <= 8]["units"].mean()
    assert warm > 1.3 * cold


def test_weather_looks_like_amersfoort(sales):
    days = sales.drop_duplicates("date")
    by_month = days.groupby(days["date"].dt.month)["temperature_c"].mean()
    assert by_month[[1, 2, 12]].mean() < 6 and by_month[[6, 7, 8]].mean() > 15
    assert 0.35 < (days["rain_mm"] > 0).mean() < 0.6 and days["rain_mm"].min() == 0


@pytest.mark.parametrize("kwargs", [{"start": "2025-02-01", "end": "2025-01-01"}, {"start": "gisteren"}, {"noise": 1.5}, {"random_state": "seed"}])
def test_bad_options_are_refused(kwargs):
    with pytest.raises(ValueError):
        make_bakery_sales(**kwargs)


# -- the shipped files --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def workbook():
    return pd.read_excel(shipped_path(WORKBOOK), sheet_name="verkoop")


def test_shipped_files_are_small_and_found_by_name():
    for name in (WORKBOOK, TILL_CSV):
        path = shipped_path(name)
        assert path.is_file() and path.stat().st_size < 50_000
    with pytest.raises(FileNotFoundError, match="korenschoof_kassa.csv"):
        shipped_path("bestaat_niet.csv")


def test_the_shipped_files_are_what_the_function_writes(tmp_path, workbook):
    paths = write_messy_sales(tmp_path)
    assert sorted(paths) == sorted([WORKBOOK, TILL_CSV])
    fresh = pd.read_excel(paths[WORKBOOK], sheet_name=None)
    shipped = pd.read_excel(shipped_path(WORKBOOK), sheet_name=None)
    assert list(fresh) == list(shipped) == ["verkoop", "producten"]
    for sheet in fresh:
        pd.testing.assert_frame_equal(fresh[sheet], shipped[sheet])
    assert paths[TILL_CSV].read_text(encoding="utf-8") == shipped_path(TILL_CSV).read_text(encoding="utf-8")


def test_workbook_has_exactly_the_missing_values_the_exercise_counts(workbook):
    assert list(workbook.columns) == ["datum", "product", "aantal", "prijs_eur", "opmerking"]
    assert len(workbook) == 76 * 5
    missing = workbook.isna().sum()
    assert missing.to_dict() == {"datum": 0, "product": 0, "aantal": 6, "prijs_eur": 0, "opmerking": 373}
    empty = workbook[workbook["aantal"].isna()]
    sick = pd.to_datetime(empty["datum"], format="mixed", dayfirst=True).dt.date.astype(str)
    assert (sick == bakery.SICK_DAY).sum() == 5 and len(empty) == 6


def test_workbook_has_one_outlier_a_zero_too_many(workbook):
    truth = messy_truth()
    big = workbook[workbook["aantal"] > 300]
    assert len(big) == 1
    row = big.index[0]
    assert workbook.at[row, "aantal"] == 740 == 10 * truth.at[row, "aantal"]
    assert workbook["aantal"].drop(index=row).max() < 200  # it stands out by far
    others = workbook["aantal"].drop(index=row).dropna().to_numpy()
    assert np.array_equal(others, truth["aantal"].drop(index=[row, *workbook.index[workbook["aantal"].isna()]]).to_numpy())


def test_workbook_has_exactly_four_misspelled_names(workbook):
    counts = workbook["product"].value_counts().to_dict()
    typos = {k: v for k, v in counts.items() if k not in PRODUCTS}
    assert typos == {"volkorenbrood": 4, "Volkoren brood": 3, "Witbrod": 3, "Krentebol": 2}
    products = pd.read_excel(shipped_path(WORKBOOK), sheet_name="producten")
    assert products["product"].tolist() == list(PRODUCTS)


def test_workbook_dates_are_mixed_and_only_day_first_reads_them_right(workbook):
    kinds = workbook["datum"].map(lambda v: type(v).__name__).value_counts().to_dict()
    assert kinds == {"datetime": 345, "str": 35}  # 7 days typed as text
    texts = sorted(set(v for v in workbook["datum"] if isinstance(v, str)))
    assert texts == sorted(bakery.TEXT_DATES.values())
    truth = messy_truth()["datum"]
    right = pd.to_datetime(workbook["datum"], format="mixed", dayfirst=True)
    assert (right.to_numpy() == truth.to_numpy()).all()
    wrong = pd.to_datetime(workbook["datum"], format="mixed")
    assert (wrong.to_numpy() != truth.to_numpy()).sum() == 25  # 5 ambiguous days x 5 products
    assert truth.is_monotonic_increasing and truth.min() == pd.Timestamp("2025-01-02") and truth.max() == pd.Timestamp("2025-03-31")


def test_till_csv_needs_semicolon_and_decimal_comma():
    path = shipped_path(TILL_CSV)
    first_lines = path.read_text(encoding="utf-8").splitlines()[:2]
    assert first_lines[0] == "datum;klanten;omzet_eur" and first_lines[1].count(";") == 2 and first_lines[1].count(",") == 1
    plain = pd.read_csv(path)
    assert len(plain.columns) == 1  # read the default way: everything in one column
    semicolon = pd.read_csv(path, sep=";")
    assert not pd.api.types.is_numeric_dtype(semicolon["omzet_eur"])
    right = pd.read_csv(path, sep=";", decimal=",")
    assert list(right.columns) == ["datum", "klanten", "omzet_eur"] and len(right) == 76
    assert right["omzet_eur"].dtype == float and right["klanten"].dtype.kind == "i"
    # the till's totals agree with the true sales behind the workbook
    truth = messy_truth()
    revenue = (truth["aantal"] * truth["prijs_eur"]).groupby(truth["datum"]).sum().round(2).to_numpy()
    assert np.allclose(right["omzet_eur"].to_numpy(), revenue)
    assert 5.5 < (right["omzet_eur"] / right["klanten"]).mean() < 8.5  # euros per customer
