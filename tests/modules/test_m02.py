"""Module 02's explorer and helpers: the logic without a browser, and the widget driven in-process."""

import pandas as pd
import pytest
from IPython.display import Image

from smeai import i18n
from smeai.datasets.bakery import PRODUCTS
from smeai.exercises import CORRECT, INCORRECT, GradeFailure, get, grade
from smeai.modules.m02 import figures, model, widgets
from smeai.ui.messagebox import MessageBox

from ..exercise_cases.m02 import HIDDEN_ONLY


def test_two_years_of_sales_are_made_once():
    assert model.sales() is model.sales()
    assert model.sales()["date"].dt.year.unique().tolist() == [2024, 2025]


def test_saturday_is_the_busiest_day_for_every_product():
    for product in PRODUCTS:
        means = model.weekday_means(product)
        assert len(means) == 6 and max(range(6), key=means.__getitem__) == 5, product


def test_only_baguettes_sell_clearly_more_on_warm_days():
    changes = {p: model.temperature_trend(p)[0] for p in PRODUCTS}
    assert changes["Stokbrood"] > 5
    assert changes["Volkorenbrood"] < -5 and changes["Witbrood"] < -3
    assert abs(changes["Appeltaart"]) < 1
    assert model.warm_day_product() == "Stokbrood"
    assert get("m02.q1").evaluate(model.warm_day_product()).correct


def test_descriptions_say_what_the_figure_shows_in_both_languages():
    text = model.describe_view("Stokbrood", "temperature")
    assert "méér" in text and "Stokbrood" in text
    assert "minder" in model.describe_view("Volkorenbrood", "temperature")
    assert "bijna niets" in model.describe_view("Appeltaart", "temperature")
    assert "zaterdag" in model.describe_view("Witbrood", "weekday") and "zondag" in model.describe_view("Witbrood", "weekday")
    i18n.set_language("en")
    assert "more" in model.describe_view("Stokbrood", "temperature") and "baguette" in model.describe_view("Stokbrood", "temperature")
    assert "Saturday" in model.describe_view("Witbrood", "weekday")
    assert "2024" in model.describe_view("Krentenbol", "time")


def test_explorer_follows_product_and_view():
    box = widgets.show_sales_explorer()
    assert "smeai-sales-explorer" in box._dom_classes
    product, view, result, out = box.children[0].children[0], box.children[1], box.children[2], box.children[3]
    assert product.options[0][1] in PRODUCTS and view.value == "weekday"
    assert "Volkorenbrood" in result.value and "zaterdag" in result.value
    product.value = "Stokbrood"
    view.value = "temperature"
    assert "méér" in result.value
    view.value = "time"
    assert "2025" in result.value
    picture = figures.view_png("Stokbrood", "time", "nl")
    assert picture.startswith(b"\x89PNG") and figures.view_png("Stokbrood", "time", "nl") is picture  # drawn once


def test_explorer_shows_a_message_not_a_traceback_when_drawing_fails(monkeypatch):
    box = widgets.show_sales_explorer()
    view, result = box.children[1], box.children[2]

    def broken(*args):
        raise RuntimeError("boom")

    monkeypatch.setattr(widgets, "view_png", broken)
    view.value = "temperature"
    assert result.value == i18n.t("widgets.error", error="RuntimeError") and "Traceback" not in result.value


def test_figures_have_titles_and_axis_labels_with_units():
    for view in model.VIEWS:
        ax = figures.draw_view("Krentenbol", view).axes[0]
        assert ax.get_title() and ax.get_xlabel() and "(" in ax.get_ylabel(), view
    assert "°C" in figures.draw_view("Krentenbol", "temperature").axes[0].get_xlabel()


# -- the shipped files and the numbers the exercises check -------------------------------------------

def test_facts_about_the_shipped_files():
    assert model.missing_counts()["aantal"] == 6
    assert model.outlier() == {"row": 80, "typed": 740, "real": 74, "product": "Volkorenbrood"}
    assert model.misspelled_names() == ["Krentebol", "Volkoren brood", "Witbrod", "volkorenbrood"]
    assert len(model.true_dates()) == len(model.workbook()) == 380
    assert (model.month_first_dates() != model.true_dates()).sum() == 25
    assert model.format_date(pd.Timestamp("2025-02-03"), "nl") == "3 februari 2025"
    assert model.format_date(pd.Timestamp("2025-02-03"), "en") == "3 February 2025"


def test_workbook_gives_a_fresh_copy_so_a_learner_cannot_spoil_the_checks():
    copy = model.workbook()
    copy.loc[:, "aantal"] = 0
    assert model.workbook()["aantal"].isna().sum() == 6
    assert get("m02.q4").evaluate(6).correct


def test_plot_days_draws_a_column_or_explains_what_is_wrong():
    till = model.till()
    assert isinstance(figures.plot_days(till, "omzet_eur"), Image)
    assert isinstance(figures.plot_days(model.workbook(), "aantal"), Image)  # mixed dates, many rows per day
    no_column = figures.plot_days(till, "omzet")
    assert isinstance(no_column, MessageBox) and "omzet_eur" in str(no_column) and "spelling" in str(no_column)
    text_amounts = figures.plot_days(pd.read_csv(model.till_file(), sep=";"), "omzet_eur")
    assert "komma" in str(text_amounts)
    one_column = figures.plot_days(pd.read_csv(model.till_file()), "omzet_eur")
    assert "datum;klanten;omzet_eur" in str(one_column)
    assert "tabel" in str(figures.plot_days([1, 2], "x")) and "lijst" in str(figures.plot_days([1, 2], "x"))
    assert "datum" in str(figures.plot_days(till.drop(columns=["datum"]), "klanten"))
    assert "<div" in no_column._repr_html_() and "<script" not in figures._message("<script>")._repr_html_()


def test_plot_days_reads_iso_dates_year_first():
    table = pd.DataFrame({"datum": ["2025-03-05", "2025-03-06"], "omzet_eur": [500.0, 600.0]})
    assert isinstance(figures.plot_days(table, "omzet_eur"), Image)


def test_decimal_comma_function_takes_the_trainers_extra_cases_as_data():
    only_shown = HIDDEN_ONLY["m02.q3"]
    assert get("m02.q3").evaluate(only_shown).state == CORRECT
    extra = [(("0,85",), 0.85, "small"), (("-2,5",), -2.5, "negative")]
    failed = get("m02.q3").evaluate(only_shown, cases=extra)
    assert failed.state == INCORRECT and failed.key == "check.extra_case_failed"
    with pytest.raises(GradeFailure, match="klein getal") as caught:
        grade("m02.q3", only_shown, cases=extra)
    assert "0,85" not in str(caught.value) and "0.85" not in str(caught.value)
    # the numbers in a shown case's message are written as Python writes them, not the Dutch way
    assert "345.0" in get("m02.q3").evaluate(lambda s: float(s.replace(",", ""))).message("nl")


def test_the_outlier_changes_the_average_by_about_ten_loaves():
    # the course notebook says so after exercise 6
    wholemeal = model.workbook().query("product == 'Volkorenbrood'")["aantal"]
    gone = model.outlier()
    assert 9 <= wholemeal.mean() - wholemeal.replace(gone["typed"], gone["real"]).mean() <= 11


def test_view_buttons_are_a_named_toggle_group_and_the_figure_has_a_text_alternative():
    from smeai import i18n
    from smeai.ui.controls import ToggleGroup
    from smeai.ui.picture import Picture

    for lang, name, temperature, word in (("nl", "Weergave", "tegen temperatuur", "Spreidingsdiagram"), ("en", "View", "against temperature", "Scatter plot")):
        i18n.set_language(lang)
        try:
            box = widgets.show_sales_explorer()
            product, view = box.children[0].children[0], box.children[1]
            assert isinstance(view, ToggleGroup) and view.description == name
            assert temperature in view.labels  # the whole label: the buttons are as wide as their words
            assert product.description  # the dropdown's visible label, linked by ipywidgets
            view.value = "temperature"
            picture = box.update.render().picture
            assert isinstance(picture, Picture) and picture.alt.startswith(word)
            assert model.product_label(product.value) in picture.alt
        finally:
            i18n.set_language("nl")
