"""Module 03's forecasts and explorers: the logic without a browser, the widgets driven in-process."""

import re

import numpy as np
import pytest

from smeai import i18n
from smeai.exercises import CORRECT, INCORRECT, GradeFailure, get, grade
from smeai.explore import m03

from .exercise_cases.m03 import HIDDEN_ONLY


def test_loaves_are_wholemeal_and_white_bread_per_open_day():
    days = m03.loaves()
    assert days["year"].unique().tolist() == [2024, 2025] and days["date"].is_unique
    assert set(days["weekday"]) == set(range(6))
    assert 90 < days["loaves"].mean() < 150
    assert days["holiday"].sum() == 9


def test_models_are_trained_once_and_never_again():
    assert m03.models() is m03.models()
    assert m03.forecasts() is m03.forecasts() and m03.depth_errors() is m03.depth_errors()
    assert len(m03.forecasts()) == (m03.loaves()["year"] == 2025).sum()


def test_forecasts_follow_the_patterns():
    saturday, monday = m03.forecast("linear", 5, 15), m03.forecast("linear", 0, 15)
    assert saturday > monday + 40
    assert m03.forecast("linear", 2, 25) < m03.forecast("linear", 2, 0) - 20  # warm days: less bread
    assert m03.forecast("linear", 2, 15, holiday=True) < m03.forecast("linear", 2, 15) - 20
    assert m03.forecast("linear", 2, 15, rain_mm=15) < m03.forecast("linear", 2, 15)
    assert m03.forecast("weekday", 5, 30) == m03.forecast("weekday", 5, -5)  # the baseline ignores weather
    with pytest.raises(ValueError):
        m03.forecast("linear", 6, 15)  # closed on Sunday
    with pytest.raises(ValueError):
        m03.forecast("crystal ball", 1, 15)


def test_daily_cost_counts_left_over_and_missed_loaves_at_their_own_price():
    assert m03.daily_cost([140], [120]).tolist() == pytest.approx([24.0])
    assert m03.daily_cost([100], [120]).tolist() == pytest.approx([40.0])
    assert m03.daily_cost([119.6, 120.4], [120, 120]).tolist() == [0.0, 0.0]  # the baker bakes whole loaves
    assert m03.COST_MISSED_EUR > m03.COST_UNSOLD_EUR


def test_comparison_ranks_the_methods_as_the_module_says():
    table = m03.comparison()
    assert list(table.index) == list(m03.METHODS)
    mae, cost = table["mae_loaves"], table["cost_year_eur"]
    assert mae["yesterday"] > 1.8 * mae["weekday"]  # yesterday is a poor baseline
    assert mae["linear"] < mae["weekday"] - 2 and cost["linear"] < cost["weekday"] - 1000
    assert mae["linear"] < mae["tree"] < mae["weekday"]  # a more complex model is not automatically better
    assert (round(mae["yesterday"]), round(mae["weekday"])) == (29, 14)  # the numbers m03.q2's messages quote
    assert table.loc["linear", "left_over"] < table.loc["weekday", "left_over"] - 400  # less bread thrown away
    assert np.isclose(cost["weekday"], m03.daily_cost(m03.forecasts()["weekday_avg"], m03.forecasts()["loaves"]).sum())
    assert m03.savings_per_year() == round(cost["weekday"]) - round(cost["linear"])


def test_comparison_table_is_in_the_learners_language():
    dutch = m03.comparison_table()
    assert "Lineaire regressie" in dutch.index and "kosten in 2025 (€)" in dutch.columns
    assert dutch["kosten in 2025 (€)"].dtype.kind == "i"
    english = m03.comparison_table("en")
    assert "Linear regression" in english.index and "cost in 2025 (€)" in english.columns


def test_overfitting_deep_trees_learn_the_training_year_by_heart():
    errors = m03.depth_errors()
    assert list(errors.index) == list(m03.DEPTHS)
    assert errors["train_mae"].is_monotonic_decreasing and errors["train_mae"].iloc[-1] < 1
    best = m03.best_depth()
    assert 3 <= best <= 6
    assert errors["test_mae"].iloc[-1] > errors.at[best, "test_mae"] + 2  # deep trees do worse on new data
    assert errors["test_mae"].iloc[0] > errors.at[best, "test_mae"] + 1  # and so does a stump


def test_greenhouse_needs_light_and_co2():
    assert m03.greenhouse_error(("light_mol_m2",)) > m03.GREENHOUSE_TARGET_KG
    assert m03.greenhouse_error(("co2_ppm", "light_mol_m2")) <= m03.GREENHOUSE_TARGET_KG
    assert m03.greenhouse_baseline_error() > 2.5 * m03.GREENHOUSE_TARGET_KG


def test_what_if_explorer_predicts_per_change():
    box = m03.what_if_explorer()
    day, temperature, rain, holiday, result = box.children
    assert "smeai-what-if-explorer" in box._dom_classes
    day.value, temperature.value, rain.value, holiday.value = 5, 24, 0, False
    numbers = [int(n) for n in re.findall(r"<b>(\d+)</b>", result.value)]
    assert round(m03.forecast("linear", 5, 24)) in numbers and round(m03.forecast("tree", 5, 24)) in numbers
    assert "zaterdag" in result.value and "24 °C" in result.value
    holiday.value = True
    assert "feestdag" in result.value and str(round(m03.forecast("linear", 5, 24, 0, True))) in result.value
    assert "dashed" in result.value and "dotted" in result.value  # bars differ in line style, not colour alone


def test_what_if_explorer_never_shows_a_traceback(monkeypatch):
    box = m03.what_if_explorer()

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(m03, "forecast", broken)
    box.children[1].value = 20
    assert "RuntimeError" in box.children[-1].value and "Traceback" not in box.children[-1].value


def test_forecast_explorer_shows_a_month():
    box = m03.forecast_explorer()
    month, result, _ = box.children
    month.value = 3
    assert "maart 2025" in result.value and "€" in result.value
    picture = m03.month_png(3, "nl")
    assert picture.startswith(b"\x89PNG") and m03.month_png(3, "nl") is picture


def test_depth_explorer_reads_train_and_test_error():
    box = m03.depth_explorer()
    slider, result, _ = box.children
    slider.value = 12
    errors = m03.depth_errors()
    assert "12" in result.value and i18n.format_number(round(errors.at[12, "test_mae"], 1)) in result.value
    i18n.set_language("en")
    assert "new data" in m03.describe_depth(3)
    assert m03.depth_png(3, "en").startswith(b"\x89PNG")


def test_cost_function_has_hidden_cases_for_the_grader():
    only_shown = HIDDEN_ONLY["m03.q1"]
    assert get("m03.q1").evaluate(only_shown).state == CORRECT
    assert get("m03.q1").evaluate(only_shown, hidden=True).state == INCORRECT
    with pytest.raises(GradeFailure, match="131"):
        grade("m03.q1", only_shown, hidden=True)


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_the_numbers_in_the_solutions_are_the_right_answers(lang):
    catalogue = i18n.catalogue(lang)
    q4 = int(re.search(r"= (\d+)", catalogue["m03.q4.solution"]).group(1))
    assert get("m03.q4").evaluate(q4).correct
    a, b = map(int, re.search(r"= (\d+) - (\d+)", catalogue["m03.q3.solution"]).groups())
    assert get("m03.q3").evaluate(a - b).correct and a == round(m03.comparison().at["weekday", "cost_year_eur"])
    depth = int(re.search(r"= (\d+)", catalogue["m03.q5.solution"]).group(1))
    assert get("m03.q5").evaluate(depth).correct


def test_module_02_solutions_hold_the_right_numbers():
    for lang in i18n.LANGUAGES:
        catalogue = i18n.catalogue(lang)
        assert get("m02.q4").evaluate(int(re.search(r"= (\d+)", catalogue["m02.q4.solution"]).group(1))).correct
        assert get("m02.q6").evaluate(int(re.search(r"= (\d+)", catalogue["m02.q6.solution"]).group(1))).correct
