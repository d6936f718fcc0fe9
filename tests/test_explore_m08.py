"""Module 08's explorers: the logic without a browser, the widgets driven in-process, and the
numbers that the exercises, solutions and quiz texts rely on."""

import re

import numpy as np
import pytest

from smeai import i18n
from smeai.exercises import get
from smeai.explore import m08


def test_data_sizes_and_the_group_is_never_an_input():
    assert len(m08.history()) == m08.N_HISTORY == 800
    assert len(m08.applicants()) == m08.N_NEW == 600
    assert m08.inputs("with_postcode") == ["experience_years", "diploma_level", "test_score", "postcode_area"]
    assert m08.inputs("without_postcode") == ["experience_years", "diploma_level", "test_score"]
    with pytest.raises(ValueError):
        m08.inputs("with_group")
    for name in m08.MODELS:
        assert list(m08.model(name)[0].feature_names_in_) == m08.inputs(name)
        chances = m08.chances(name)
        assert chances.shape == (600,) and ((chances >= 0) & (chances <= 1)).all()
        assert not chances.flags.writeable  # a cached array that nobody can change by accident
    assert m08.model("with_postcode") is m08.model("with_postcode")  # trained once


def test_the_numbers_module_08_teaches():
    with_postcode = m08.fairness("with_postcode", 50)
    a, b = with_postcode["metrics"]["A"], with_postcode["metrics"]["B"]
    assert (a["count"], b["count"]) == (346, 254)
    assert (a["selected_pct"], b["selected_pct"], a["selected"], b["selected"]) == (34.7, 16.9, 120, 43)
    assert (a["missed_pct"], b["missed_pct"]) == (39.3, 71.0)
    assert (a["accuracy_pct"], b["accuracy_pct"]) == (76.3, 59.1)
    assert with_postcode["ratio"] == 0.49 and not with_postcode["passes"] and with_postcode["lower"] == "B"
    without = m08.fairness("without_postcode", 50)
    assert without["ratio"] == 0.95 and without["passes"]
    assert without["metrics"]["B"]["selected_pct"] == 29.1 and without["metrics"]["B"]["missed_pct"] == 50.3


def test_group_metrics_agree_with_a_plain_count():
    data = m08.applicants()
    for name in m08.MODELS:
        for threshold in (20, 50, 75):
            invite = m08.chances(name) >= threshold / 100
            metrics = m08.group_metrics(name, threshold)
            for group in ("A", "B"):
                members = (data.group == group).to_numpy()
                fit = data.suitable.to_numpy()[members]
                chosen = invite[members]
                assert metrics[group]["selected"] == chosen.sum()
                assert metrics[group]["selected_pct"] == round(100 * chosen.mean(), 1)
                assert metrics[group]["accuracy_pct"] == round(100 * (chosen == fit).mean(), 1)
                assert metrics[group]["missed_pct"] == round(100 * (~chosen[fit]).mean(), 1)
                assert metrics[group]["wrongly_invited_pct"] == round(100 * chosen[~fit].mean(), 1)


def test_the_proxy_keeps_the_model_unfair_at_every_threshold_and_leaving_it_out_helps():
    for threshold in m08.thresholds():
        with_postcode = m08.fairness("with_postcode", threshold)["ratio"]
        without = m08.fairness("without_postcode", threshold)["ratio"]
        assert with_postcode < m08.FOUR_FIFTHS, threshold
        assert without > with_postcode, threshold
        if threshold <= 80:
            assert without >= m08.FOUR_FIFTHS, threshold


def test_the_model_with_postcode_copies_the_old_decisions_better():
    # the numbers in the prompt of m08.quiz2: 85 % against 80 %
    assert round(m08.history_accuracy("with_postcode", 50)) == 85
    assert round(m08.history_accuracy("without_postcode", 50)) == 80
    for lang in i18n.LANGUAGES:
        assert "85 %" in i18n.t("m08.quiz2.prompt", lang) and "80 %" in i18n.t("m08.quiz2.prompt", lang)


def test_nobody_invited_has_no_ratio_and_bad_thresholds_are_refused():
    found = m08.fairness("with_postcode", 100)
    assert found["ratio"] is None and not found["passes"]
    assert "niemand" in m08.fairness_verdict("with_postcode", 100)
    for bad in ("50", None, True, -1, 101, float("nan"), [50]):
        with pytest.raises(ValueError):
            m08.group_metrics("with_postcode", bad)
    assert m08.check_threshold(np.int64(40)) == 40.0


def test_history_shows_the_bias_and_the_proxy():
    by_group = m08.history_rates("group")
    assert list(by_group.index) == ["A", "B"] and by_group["count"].sum() == 800
    assert by_group.loc["A", "invited_pct"] == 43.1 and by_group.loc["B", "invited_pct"] == 10.7
    by_area = m08.history_rates("postcode_area")
    assert list(by_area.index) == [1, 2, 3, 4]
    assert by_area.loc[[3, 4], "group_b_pct"].min() > 75 > 10 > by_area.loc[[1, 2], "group_b_pct"].max()
    assert by_area.loc[[3, 4], "invited_pct"].max() < by_area.loc[[1, 2], "invited_pct"].min()
    with pytest.raises(ValueError):
        m08.history_rates("suitable")


def test_importances_are_computed_once_and_show_the_proxy():
    found = m08.importances("with_postcode")
    assert found is m08.importances("with_postcode")
    assert set(found) == set(m08.inputs("with_postcode"))
    assert found == {"experience_years": 11.3, "diploma_level": 4.4, "test_score": 10.9, "postcode_area": 6.5}
    assert found["diploma_level"] < found["postcode_area"] < min(found["experience_years"], found["test_score"])
    assert set(m08.importances("without_postcode")) == set(m08.inputs("without_postcode"))


def test_best_threshold_for_q5_and_its_window():
    from smeai.exercises.m08 import TARGET_ACCURACY, best_threshold

    assert best_threshold() == 20
    good = [th for th in m08.thresholds() if m08.fairness("without_postcode", th)["passes"] and m08.fairness("without_postcode", th)["accuracy_pct"] >= TARGET_ACCURACY]
    assert good == [15, 20, 25, 30]
    # with the postcode area no threshold on the slider reaches the target and the four-fifths rule
    assert not any(m08.fairness("with_postcode", th)["passes"] for th in m08.thresholds())


class _Recorder:
    def __init__(self):
        self.answer = None

    def check(self, answer):
        self.answer = answer


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
@pytest.mark.parametrize("number", range(1, 9))
def test_every_solution_in_the_catalogue_is_correct(lang, number):
    exercise_id = f"m08.q{number}"
    source = i18n.t(f"{exercise_id}.solution", lang)
    recorder = _Recorder()
    exec(source, {f"q{number}": recorder})  # the solution as the learner would run it
    assert get(exercise_id).evaluate(recorder.answer).correct, (lang, source)
    assert get(exercise_id).evaluate(recorder.answer, hidden=True).correct


# -- widgets --------------------------------------------------------------------------------------

def test_history_explorer_switches_between_group_and_area():
    box = m08.history_explorer()
    view, result, out = box.children
    assert "smeai-history-explorer" in box._dom_classes
    assert "43,1 %" in result.value and "10,7 %" in result.value
    view.value = "postcode_area"
    assert "groep B" in result.value and "43,1" not in result.value


def test_fairness_explorer_follows_the_model_and_the_threshold():
    box = m08.fairness_explorer()
    choice, slider, table, verdict, out = box.children
    assert (choice.value, slider.value) == ("with_postcode", 50)
    assert "16,9 % (43)" in table.value and "34,7 % (120)" in table.value and "71 %" in table.value
    assert "0,49" in verdict.value and "niet" in verdict.value and "groep B" in verdict.value
    choice.value = "without_postcode"
    assert "29,1 %" in table.value and "0,95" in verdict.value and "gehaald" in verdict.value and "niet" not in verdict.value
    slider.value = 20
    metrics = m08.group_metrics("without_postcode", 20)
    assert i18n.t("m08.explore.pct", value=metrics["B"]["accuracy_pct"]) in table.value


def test_fairness_explorer_shows_a_message_instead_of_a_traceback(monkeypatch, capsys):
    box = m08.fairness_explorer()
    _, slider, _, verdict, _ = box.children
    capsys.readouterr()

    def broken(name, threshold):
        raise KeyError("something unexpected")

    monkeypatch.setattr(m08, "fairness_table", broken)
    slider.value = 40
    assert verdict.value == i18n.t("m08.explore.bad_choice")
    assert capsys.readouterr().err == ""  # no traceback on the learner's screen


def test_importance_explorer_names_the_input_that_counts_most():
    box = m08.importance_explorer()
    choice, result, out = box.children
    assert "ervaring" in result.value and "11,3" in result.value
    choice.value = "without_postcode"
    assert "ervaring" in result.value and "10,5" in result.value


def test_figures_have_titles_units_and_hatching_not_colour_alone():
    figures = {
        "history": m08._history_figure("group"),
        "area": m08._history_figure("postcode_area"),
        "fairness": m08._fairness_figure("with_postcode", 50),
        "importance": m08._importance_figure("with_postcode"),
    }
    for name, figure in figures.items():
        (ax,) = figure.axes
        assert ax.get_title(), name
        assert "%" in ax.get_xlabel() + ax.get_ylabel(), name
        assert any(patch.get_hatch() for patch in ax.patches), name  # shapes as well as colours
    fairness_ax = figures["fairness"].axes[0]
    assert "50 %" in fairness_ax.get_title() and len(fairness_ax.collections) == 1  # the 4/5 line
    labels = [text.get_text() for text in figures["importance"].axes[0].get_yticklabels()]
    assert labels[-1] == "ervaring" and "postcodegebied" in labels  # sorted, longest bar on top


def test_widget_texts_follow_the_language():
    i18n.set_language("en")
    box = m08.fairness_explorer()
    _, _, table, verdict, _ = box.children
    assert "16.9 % (43)" in table.value and "suitable, but rejected" in table.value
    assert "0.49" in verdict.value and "not" in verdict.value
    assert re.search(r"group B", verdict.value)


def test_the_graded_assignment_shows_the_same_numbers_as_the_data():
    """The assignment gives the explorer's numbers as tables; they must match the data."""
    from pathlib import Path

    import nbformat

    path = Path(__file__).resolve().parents[1] / "assessments" / "source" / "m08" / "m08-verantwoorde-ai.ipynb"
    cells = {c.metadata["nbgrader"]["grade_id"]: c.source for c in nbformat.read(path, as_version=4).cells}
    data, invite = m08.applicants(), m08.chances("with_postcode") >= 0.5
    rows = {}
    for group in ("A", "B"):
        members = (data.group == group).to_numpy()
        fit = data.suitable.to_numpy() & members
        rows[group] = (members.sum(), (invite & members).sum(), fit.sum(), (invite & fit).sum())
    for label, index in (("sollicitanten", 0), ("uitgenodigd", 1), ("geschikt (volgens de praktijk)", 2), ("geschikt én uitgenodigd", 3)):
        assert f"| {label} | {rows['A'][index]} | {rows['B'][index]} |" in cells["q1-task"], label
    for threshold in range(10, 65, 5):
        found = m08.fairness("without_postcode", threshold)
        accuracy = [found["metrics"][g]["accuracy_pct"] for g in ("A", "B")]
        row = f"| {threshold} % | {found['ratio']:.2f} | {accuracy[0]:.1f} % | {accuracy[1]:.1f} % |".replace(".", ",")
        assert row in cells["q5-task"], row
    for feature, value in m08.importances("with_postcode").items():
        name = i18n.t(f"m08.explore.feature.{feature}", "nl")
        assert f"| {name} | {value:.1f} procentpunt |".replace(".", ",") in cells["q6-task"], name
