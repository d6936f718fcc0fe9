"""Module 02's explorer and helpers: the logic without a browser, and the widget driven in-process."""

import pandas as pd
import pytest
from IPython.display import Image

from smeai import i18n
from smeai.datasets.bakery import PRODUCTS
from smeai.exercises import CORRECT, INCORRECT, GradeFailure, get, grade
from smeai.explore import m02

from .exercise_cases.m02 import HIDDEN_ONLY


def test_two_years_of_sales_are_made_once():
    assert m02.sales() is m02.sales()
    assert m02.sales()["date"].dt.year.unique().tolist() == [2024, 2025]


def test_saturday_is_the_busiest_day_for_every_product():
    for product in PRODUCTS:
        means = m02.weekday_means(product)
        assert len(means) == 6 and max(range(6), key=means.__getitem__) == 5, product


def test_only_baguettes_sell_clearly_more_on_warm_days():
    changes = {p: m02.temperature_trend(p)[0] for p in PRODUCTS}
    assert changes["Stokbrood"] > 5
    assert changes["Volkorenbrood"] < -5 and changes["Witbrood"] < -3
    assert abs(changes["Appeltaart"]) < 1
    assert m02.warm_day_product() == "Stokbrood"
    assert get("m02.q1").evaluate(m02.warm_day_product()).correct


def test_descriptions_say_what_the_figure_shows_in_both_languages():
    text = m02.describe_view("Stokbrood", "temperature")
    assert "méér" in text and "Stokbrood" in text
    assert "minder" in m02.describe_view("Volkorenbrood", "temperature")
    assert "bijna niets" in m02.describe_view("Appeltaart", "temperature")
    assert "zaterdag" in m02.describe_view("Witbrood", "weekday") and "zondag" in m02.describe_view("Witbrood", "weekday")
    i18n.set_language("en")
    assert "more" in m02.describe_view("Stokbrood", "temperature") and "baguette" in m02.describe_view("Stokbrood", "temperature")
    assert "Saturday" in m02.describe_view("Witbrood", "weekday")
    assert "2024" in m02.describe_view("Krentenbol", "time")


def test_explorer_follows_product_and_view():
    box = m02.sales_explorer()
    assert "smeai-sales-explorer" in box._dom_classes
    product, view, result, out = box.children[0].children[0], box.children[1], box.children[2], box.children[3]
    assert product.options[0][1] in PRODUCTS and view.value == "weekday"
    assert "Volkorenbrood" in result.value and "zaterdag" in result.value
    product.value = "Stokbrood"
    view.value = "temperature"
    assert "méér" in result.value
    view.value = "time"
    assert "2025" in result.value
    picture = m02.view_png("Stokbrood", "time", "nl")
    assert picture.startswith(b"\x89PNG") and m02.view_png("Stokbrood", "time", "nl") is picture  # drawn once


def test_explorer_shows_a_message_not_a_traceback_when_drawing_fails(monkeypatch):
    box = m02.sales_explorer()
    view, result = box.children[1], box.children[2]

    def broken(*args):
        raise RuntimeError("boom")

    monkeypatch.setattr(m02, "view_png", broken)
    view.value = "temperature"
    assert "RuntimeError" in result.value and "Traceback" not in result.value


def test_figures_have_titles_and_axis_labels_with_units():
    for view in m02.VIEWS:
        ax = m02.draw_view("Krentenbol", view).axes[0]
        assert ax.get_title() and ax.get_xlabel() and "(" in ax.get_ylabel(), view
    assert "°C" in m02.draw_view("Krentenbol", "temperature").axes[0].get_xlabel()


# -- the shipped files and the numbers the exercises check -------------------------------------------

def test_facts_about_the_shipped_files():
    assert m02.missing_counts()["aantal"] == 6
    assert m02.outlier() == {"row": 80, "typed": 740, "real": 74, "product": "Volkorenbrood"}
    assert m02.misspelled_names() == ["Krentebol", "Volkoren brood", "Witbrod", "volkorenbrood"]
    assert len(m02.true_dates()) == len(m02.workbook()) == 380
    assert (m02.month_first_dates() != m02.true_dates()).sum() == 25
    assert m02.format_date(pd.Timestamp("2025-02-03"), "nl") == "3 februari 2025"
    assert m02.format_date(pd.Timestamp("2025-02-03"), "en") == "3 February 2025"


def test_workbook_gives_a_fresh_copy_so_a_learner_cannot_spoil_the_checks():
    copy = m02.workbook()
    copy.loc[:, "aantal"] = 0
    assert m02.workbook()["aantal"].isna().sum() == 6
    assert get("m02.q4").evaluate(6).correct


def test_plot_days_draws_a_column_or_explains_what_is_wrong():
    till = m02.till()
    assert isinstance(m02.plot_days(till, "omzet_eur"), Image)
    assert isinstance(m02.plot_days(m02.workbook(), "aantal"), Image)  # mixed dates, many rows per day
    no_column = m02.plot_days(till, "omzet")
    assert isinstance(no_column, m02.Message) and "omzet_eur" in str(no_column) and "spelling" in str(no_column)
    text_amounts = m02.plot_days(pd.read_csv(m02.till_file(), sep=";"), "omzet_eur")
    assert "komma" in str(text_amounts)
    one_column = m02.plot_days(pd.read_csv(m02.till_file()), "omzet_eur")
    assert "datum;klanten;omzet_eur" in str(one_column)
    assert "tabel" in str(m02.plot_days([1, 2], "x")) and "lijst" in str(m02.plot_days([1, 2], "x"))
    assert "datum" in str(m02.plot_days(till.drop(columns=["datum"]), "klanten"))
    assert "<div" in no_column._repr_html_() and "<script" not in m02.Message("<script>")._repr_html_()


def test_plot_days_reads_iso_dates_year_first():
    table = pd.DataFrame({"datum": ["2025-03-05", "2025-03-06"], "omzet_eur": [500.0, 600.0]})
    assert isinstance(m02.plot_days(table, "omzet_eur"), Image)


def test_decimal_comma_function_has_hidden_cases_for_the_grader():
    only_shown = HIDDEN_ONLY["m02.q3"]
    assert get("m02.q3").evaluate(only_shown).state == CORRECT
    hidden = get("m02.q3").evaluate(only_shown, hidden=True)
    assert hidden.state == INCORRECT and hidden.key == "m02.q3.case_failed"
    with pytest.raises(GradeFailure, match='"0,85"'):
        grade("m02.q3", only_shown, hidden=True)
    # the numbers in the message are written as Python writes them, not the Dutch way
    assert "345.0" in get("m02.q3").evaluate(lambda s: float(s.replace(",", ""))).message("nl")


def test_the_cold_and_warm_day_table_of_the_graded_assignment_matches_the_data():
    # assessments/source/m02 (exercise 1) quotes these numbers
    data = m02.sales()
    cold, warm = data[data["temperature_c"] <= 5], data[data["temperature_c"] >= 20]
    assert (cold["date"].nunique(), warm["date"].nunique()) == (135, 37)
    quoted = {"Volkorenbrood": (84, 66), "Witbrood": (56, 43), "Stokbrood": (25, 40), "Krentenbol": (85, 81), "Appeltaart": (6, 6)}
    for product, (on_cold, on_warm) in quoted.items():
        assert round(cold.loc[cold["product"] == product, "units"].mean()) == on_cold, product
        assert round(warm.loc[warm["product"] == product, "units"].mean()) == on_warm, product


def test_the_outlier_changes_the_average_by_about_ten_loaves():
    # the course notebook says so after exercise 6
    wholemeal = m02.workbook().query("product == 'Volkorenbrood'")["aantal"]
    assert 9 <= wholemeal.mean() - wholemeal.replace(740, 74).mean() <= 11
