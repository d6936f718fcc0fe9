"""Module 03's forecasts and explorers: the logic without a browser, the widgets driven in-process."""

import re

import numpy as np
import pytest

from smeai import i18n
from smeai.exercises import CORRECT, INCORRECT, GradeFailure, get, grade
from smeai.modules.m03 import figures, model, widgets

from ..exercise_cases.m03 import HIDDEN_ONLY


def test_loaves_are_wholemeal_and_white_bread_per_open_day():
    days = model.loaves()
    assert days["year"].unique().tolist() == [2024, 2025] and days["date"].is_unique
    assert set(days["weekday"]) == set(range(6))
    assert 90 < days["loaves"].mean() < 150
    assert days["holiday"].sum() == 9


def test_models_are_trained_once_and_never_again():
    assert model.models() is model.models()
    assert model.forecasts() is model.forecasts() and model.depth_errors() is model.depth_errors()
    assert len(model.forecasts()) == (model.loaves()["year"] == 2025).sum()


def test_forecasts_follow_the_patterns():
    saturday, monday = model.forecast("linear", 5, 15), model.forecast("linear", 0, 15)
    assert saturday > monday + 40
    assert model.forecast("linear", 2, 25) < model.forecast("linear", 2, 0) - 20  # warm days: less bread
    assert model.forecast("linear", 2, 15, holiday=True) < model.forecast("linear", 2, 15) - 20
    assert model.forecast("linear", 2, 15, rain_mm=15) < model.forecast("linear", 2, 15)
    assert model.forecast("weekday", 5, 30) == model.forecast("weekday", 5, -5)  # the baseline ignores weather
    with pytest.raises(ValueError):
        model.forecast("linear", 6, 15)  # closed on Sunday
    with pytest.raises(ValueError):
        model.forecast("crystal ball", 1, 15)


def test_daily_cost_counts_left_over_and_missed_loaves_at_their_own_price():
    assert model.daily_cost([140], [120]).tolist() == pytest.approx([24.0])
    assert model.daily_cost([100], [120]).tolist() == pytest.approx([40.0])
    assert model.daily_cost([119.6, 120.4], [120, 120]).tolist() == [0.0, 0.0]  # the baker bakes whole loaves
    assert model.COST_MISSED_EUR > model.COST_UNSOLD_EUR


def test_comparison_ranks_the_methods_as_the_module_says():
    table = model.comparison()
    assert list(table.index) == list(model.METHODS)
    mae, cost = table["mae_loaves"], table["cost_year_eur"]
    assert mae["yesterday"] > 1.8 * mae["weekday"]  # yesterday is a poor baseline
    assert mae["linear"] < mae["weekday"] - 2 and cost["linear"] < cost["weekday"] - 1000
    assert mae["linear"] < mae["tree"] < mae["weekday"]  # a more complex model is not automatically better
    assert mae["weekday"] < 0.6 * mae["yesterday"]  # m03.q2's message: "half as much as 'yesterday'"
    assert table.loc["linear", "left_over"] < table.loc["weekday", "left_over"] - 400  # less bread thrown away
    assert np.isclose(cost["weekday"], model.daily_cost(model.forecasts()["weekday_avg"], model.forecasts()["loaves"]).sum())
    assert model.savings_per_year() == round(cost["weekday"]) - round(cost["linear"])


def test_comparison_table_is_in_the_learners_language():
    dutch = model.comparison_table()
    assert "Lineaire regressie" in dutch.index and "kosten in 2025 (€)" in dutch.columns
    assert dutch["kosten in 2025 (€)"].dtype.kind == "i"
    english = model.comparison_table("en")
    assert "Linear regression" in english.index and "cost in 2025 (€)" in english.columns


def test_overfitting_deep_trees_learn_the_training_year_by_heart():
    errors = model.depth_errors()
    assert list(errors.index) == list(model.DEPTHS)
    assert errors["train_mae"].is_monotonic_decreasing and errors["train_mae"].iloc[-1] < 1
    best = model.best_depth()
    assert 3 <= best <= 6
    assert errors["test_mae"].iloc[-1] > errors.at[best, "test_mae"] + 2  # deep trees do worse on new data
    assert errors["test_mae"].iloc[0] > errors.at[best, "test_mae"] + 1  # and so does a stump


def test_greenhouse_needs_light_and_co2():
    assert model.greenhouse_error(("light_mol_m2",)) > model.GREENHOUSE_TARGET_KG
    assert model.greenhouse_error(("co2_ppm", "light_mol_m2")) <= model.GREENHOUSE_TARGET_KG
    assert model.greenhouse_baseline_error() > 2.5 * model.GREENHOUSE_TARGET_KG


def test_what_if_explorer_predicts_per_change():
    box = widgets.show_what_if_explorer()
    day, temperature, rain, holiday, result = box.children
    assert "smeai-what-if-explorer" in box._dom_classes
    day.value, temperature.value, rain.value, holiday.value = 5, 24, 0, False
    numbers = [int(n) for n in re.findall(r"<b>(\d+)</b>", result.value)]
    assert round(model.forecast("linear", 5, 24)) in numbers and round(model.forecast("tree", 5, 24)) in numbers
    assert "zaterdag" in result.value and "24 °C" in result.value
    holiday.value = True
    assert "feestdag" in result.value and str(round(model.forecast("linear", 5, 24, 0, True))) in result.value
    assert "dashed" in result.value and "dotted" in result.value  # bars differ in line style, not colour alone


def test_what_if_explorer_never_shows_a_traceback(monkeypatch):
    box = widgets.show_what_if_explorer()

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(widgets, "forecast", broken)
    box.children[1].value = 20
    assert box.children[-1].value == i18n.t("widgets.error", error="RuntimeError") and "Traceback" not in box.children[-1].value


def test_forecast_explorer_shows_a_month():
    box = widgets.show_forecast_explorer()
    month, result, _ = box.children
    month.value = 3
    assert "maart 2025" in result.value and "€" in result.value
    picture = figures.month_png(3, "nl")
    assert picture.startswith(b"\x89PNG") and figures.month_png(3, "nl") is picture


def test_depth_explorer_reads_train_and_test_error():
    box = widgets.show_depth_explorer()
    slider, result, _ = box.children
    slider.value = 12
    errors = model.depth_errors()
    assert "12" in result.value and i18n.format_number(round(errors.at[12, "test_mae"], 1)) in result.value
    i18n.set_language("en")
    assert "new data" in model.describe_depth(3)
    assert figures.depth_png(3, "en").startswith(b"\x89PNG")


def test_cost_function_takes_the_trainers_extra_cases_as_data():
    only_shown = HIDDEN_ONLY["m03.q1"]
    assert get("m03.q1").evaluate(only_shown).state == CORRECT
    extra = [((131, 130), 1.2, "boundary"), ((0, 10), 20.0, "zero")]
    assert get("m03.q1").evaluate(only_shown, cases=extra).state == INCORRECT
    with pytest.raises(GradeFailure, match="grenswaarde") as caught:
        grade("m03.q1", only_shown, cases=extra)
    assert "131" not in str(caught.value)


def test_controls_are_named_with_units_and_figures_have_a_text_alternative():
    from smeai.ui.controls import IntSlider
    from smeai.ui.picture import Picture

    for lang, words in (("nl", ("Temperatuur", "Regen", "Feestdag", "maart", "Lijndiagram")), ("en", ("Temperature", "Rain", "Public holiday", "March", "Line chart"))):
        i18n.set_language(lang)
        try:
            day, temperature, rain, holiday, _ = widgets.show_what_if_explorer().children
            assert isinstance(temperature, IntSlider) and temperature.description == words[0] and temperature.suffix == " °C"
            assert isinstance(rain, IntSlider) and rain.description == words[1] and rain.suffix == " mm"
            assert holiday.description.startswith(words[2]) and holiday.layout.width == "auto"  # never cut off
            assert day.description
            box = widgets.show_forecast_explorer()
            box.children[0].value = 3
            picture = box.update.render().picture
            assert isinstance(picture, Picture) and picture.alt.startswith(words[4]) and f"{words[3]} 2025" in picture.alt
            box = widgets.show_depth_explorer()
            assert isinstance(box.children[0], IntSlider) and box.children[0].description
            box.children[0].value = 12
            picture = box.update.render().picture
            test_error = i18n.format_number(round(model.depth_errors().at[12, "test_mae"], 1), lang)
            assert isinstance(picture, Picture) and " 12 " in picture.alt and test_error in picture.alt
        finally:
            i18n.set_language("nl")


def test_greenhouse_table_shows_dutch_column_names_over_the_code_names():
    table = widgets.show_table(model.greenhouse().head())
    shown = table._repr_html_()
    for dutch, code in (("kas", "greenhouse"), ("oogst (kg per m²)", "yield_kg_m2"), ("licht (mol per m²)", "light_mol_m2")):
        assert f"{dutch}<br><code" in shown and code.replace("_", "_<wbr>") in shown
    assert "0,813" in shown and "0.813" not in shown  # numbers the Dutch way
    assert "oogst (kg per m²) (yield_kg_m2)" in repr(table) and "0,813" in repr(table)
    assert list(table.frame.columns) == list(model.greenhouse().columns)  # the learner's code keeps the code names
    i18n.set_language("en")
    try:
        assert "yield (kg per m²)<br><code" in widgets.show_table(model.greenhouse().head())._repr_html_()
    finally:
        i18n.set_language("nl")
