"""Module 07's explorers: the logic without a browser, and the widgets driven in-process."""

import numpy as np
import pytest

from smeai import i18n
from smeai.explore import m07


# -- images ---------------------------------------------------------------------------------------

def test_the_model_gets_better_with_more_examples_and_its_mistakes_are_counted():
    results = [m07.image_results(n) for n in m07.TRAIN_SIZES]
    assert [r["pct"] for r in results] == [83.0, 85.5, 90.5, 92.5]
    assert [r["missed"] for r in results] == [26, 21, 11, 8]
    last = results[-1]
    assert (last["right"], last["errors"], last["false_reject"], last["wrong_kind"], last["defects"]) == (185, 15, 2, 5, 83)
    for r in results:  # every mistake is exactly one of the three kinds
        assert r["missed"] + r["false_reject"] + r["wrong_kind"] == r["errors"] == r["total"] - r["right"]


def test_confusion_table_agrees_with_the_counts():
    table = m07.confusion(400)
    assert list(table.index) == list(table.columns) == ["ok", "scratch", "crack", "missing_hole", "stain"]
    assert table.to_numpy().sum() == 200
    assert table.loc["ok"].sum() == 200 - m07.image_results(400)["defects"]
    assert table["ok"].drop("ok").sum() == m07.image_results(400)["missed"]
    assert table.loc["ok"].drop("ok").sum() == m07.image_results(400)["false_reject"]
    assert np.trace(table.to_numpy()) == m07.image_results(400)["right"]


def test_the_model_only_takes_the_offered_training_sizes():
    with pytest.raises(ValueError):
        m07.predictions(123)
    with pytest.raises(ValueError):
        m07.error_figure(400, "everything")


def test_ring_features_do_not_care_where_the_washer_lies_or_how_it_is_turned():
    images = m07.product_images()[0][:20]
    features = m07.ring_features(images)
    turned = m07.ring_features(np.rot90(images, 1, axes=(1, 2)))
    shifted = m07.ring_features(np.roll(images, 1, axis=2))
    assert features.shape == (20, 60)
    assert np.abs(features - turned).mean() < 0.05
    assert np.abs(features - shifted).mean() < 0.05
    other = m07.ring_features(m07.product_images()[0][20:40])
    assert np.abs(features - other).mean() > 2 * np.abs(features - turned).mean()  # they do differ per washer


def test_error_grid_shows_each_mistake_with_true_and_predicted_label():
    figure = m07.error_figure(400, "missed")
    (ax,) = figure.axes
    texts = [t.get_text() for t in ax.texts]
    assert len(texts) == 8 and all(t.endswith("model: goed") for t in texts)
    assert all(t.startswith("echt: ") and "echt: goed" not in t for t in texts)
    assert len(m07.error_figure(50, "all").axes[0].texts) == m07.GRID_COLUMNS * m07.GRID_ROWS  # at most a full grid
    assert "8 van de 8" in ax.get_title()


def test_an_empty_error_grid_says_so(monkeypatch):
    monkeypatch.setattr(m07, "error_masks", lambda n: {k: np.zeros(200, dtype=bool) for k in m07.ERROR_KINDS})
    (ax,) = m07.error_figure(400, "all").axes
    assert [t.get_text() for t in ax.texts] == ["Geen fouten van deze soort."]


def test_mosaic_puts_pictures_in_a_grid():
    tiles = np.stack([np.full((2, 2), v) for v in (0.1, 0.2, 0.3)])
    mosaic = m07._mosaic(tiles, 2, gap=1, fill=1.0)
    assert mosaic.shape == (5, 5)
    assert mosaic[0, 0] == 0.1 and mosaic[0, 3] == 0.2 and mosaic[3, 0] == 0.3 and mosaic[3, 3] == 1.0


# -- sensors --------------------------------------------------------------------------------------

def test_alarm_counts_at_the_levels_the_exercises_use():
    low = m07.alarm_summary(1.5)
    assert (low["alarms"], low["caught"], low["missed"], low["false_alarms"], low["cost"]) == (42, 5, 1, 28, 21200)
    start = m07.alarm_summary(m07.START_THRESHOLD)
    assert (start["caught"], start["false_alarms"], start["cost"]) == (2, 0, 40000)
    best = m07.best_threshold()
    assert (best["threshold"], best["caught"], best["missed"], best["false_alarms"], best["cost"]) == (2.75, 5, 1, 1, 10400)
    assert {float(x) for x in m07.slider_thresholds() if m07.alarm_summary(float(x))["cost"] <= 10800} == {2.5, 2.75, 3.0, 3.25}


def test_a_lower_level_catches_more_and_raises_more_false_alarms():
    levels = m07.slider_thresholds()
    summaries = [m07.alarm_summary(float(x)) for x in levels]
    for s in summaries:
        assert s["caught"] + s["missed"] == s["failures"] == 6
        assert s["cost"] == s["missed"] * 10_000 + s["false_alarms"] * 400
    assert summaries[0]["false_alarms"] > 50 and summaries[0]["missed"] == 0
    assert summaries[-1]["alarms"] <= 1 and summaries[-1]["missed"] >= 5
    caught = [s["caught"] for s in summaries]
    assert caught == sorted(caught, reverse=True)


def test_one_breakdown_comes_without_warning_and_each_sensor_alone_sees_less():
    # at the best level one breakdown is missed; no single sensor does as well as all three
    assert m07.alarm_summary(2.75)["missed"] == 1
    for name in ("vibration_mm_s", "temperature_c", "current_a"):
        assert m07.alarm_summary(2.75, name)["caught"] < m07.alarm_summary(2.75, "all")["caught"]
        assert m07.best_threshold(name)["cost"] > m07.best_threshold("all")["cost"]
    with pytest.raises(ValueError):
        m07.anomaly_scores("pressure")


def test_rolling_zscore_rises_after_a_step_and_needs_history():
    values = np.r_[np.random.default_rng(0).normal(10, 1, 24 * 20), np.full(24, 14.0)]
    score = m07.rolling_zscore(values, smooth=6, baseline_days=14)
    assert np.isnan(score[: 7 * 24 - 1]).all()  # not enough history yet
    assert np.nanmax(np.abs(score[: 24 * 20])) < 4.5
    assert score[24 * 20 + 5] > 3  # six hours after the step: the recent mean is far above the baseline
    assert score[24 * 20 + 5] > score[24 * 20 - 1] + 2


def test_alarms_within_a_day_of_each_other_are_one_alarm():
    alarms = m07.alarm_hours(1.0)
    assert (np.diff(alarms) >= m07.COOLDOWN_HOURS).all()
    assert m07.alarm_cost(2, 3) == 21_200


# -- badge events ---------------------------------------------------------------------------------

def test_the_most_unusual_badge_events_are_mostly_the_incidents():
    events = m07.access_events()
    top = np.argsort(-m07.access_scores(), kind="stable")[: m07.TOP_UNUSUAL]
    assert events.unusual.to_numpy()[top].sum() == 9  # one of the ten is an innocent slip
    incidents = events[events.unusual].groupby("badge").size()
    found = set(events.badge.to_numpy()[top]) & set(incidents.index)
    assert len(found) == 5 and len(incidents) == 6  # one incident is not in the top ten


def test_the_unusual_table_explains_in_the_learners_words():
    table = m07.most_unusual()
    assert list(table.columns) == ["Wanneer", "Pas", "Deur", "Deur open?", "Wat valt op"]
    assert len(table) == 10 and list(table.index) == list(range(1, 11))
    assert "'s nachts, weekend" in set(table["Wat valt op"])
    assert "meerdere keren geweigerd" in set(table["Wat valt op"])
    i18n.set_language("en")
    assert "at night, weekend" in set(m07.most_unusual()["What stands out"])


def test_reasons_follow_the_features():
    assert m07.reasons([0.1, 1, 1, 0, 0, 0.2, 0.5]) == ["night", "weekend"]
    assert m07.reasons([0.6, 0, 0, 1, 1, 0.99, 0.1]) == ["refused_series", "rare_door"]
    assert m07.reasons([0.6, 0, 0, 1, 1 / 3, 0.5, 0.1]) == ["refused"]
    assert m07.reasons([0.4, 0, 0, 0, 0, 0.5, 0.1]) == []


# -- figures and widgets ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["pixels", "examples", "sensors", "access"])
def test_fixed_figures_are_pictures(name):
    image = m07.show_figure(name)
    assert image.data[:4] == b"\x89PNG"


def test_unknown_figure_is_refused():
    with pytest.raises(ValueError, match="pixels"):
        m07.show_figure("everything")


def test_figures_have_titles_and_axis_labels_with_units():
    ax = m07.alarm_figure(2.0).axes[0]
    assert ax.get_title() and ax.get_xlabel() == "Tijd (dagen)" and ax.get_ylabel() == "Afwijkingsscore"
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "vals alarm" in labels and "alarm op tijd" in labels and "alarmgrens (2)" in labels
    sensors = m07.sensors_figure().axes
    assert [a.get_ylabel() for a in sensors] == ["mm/s", "°C", "ampère"]
    access = m07.access_figure().axes[0]
    assert access.get_ylabel() == "Tijdstip (uur van de dag)" and access.get_title()


def test_error_explorer_follows_the_choices():
    box = m07.error_explorer()
    sizes, kinds, result, out = box.children
    assert "smeai-error-explorer" in box._dom_classes
    assert sizes.value == 400 and "<b>8</b> defecten gemist" in result.value and "92,5 %" in result.value
    sizes.value = 50
    assert "<b>26</b> defecten gemist" in result.value and "83 %" in result.value
    kinds.value = "false_reject"
    assert "defecten gemist" in result.value  # redrawn without a problem


def test_alarm_explorer_follows_the_slider_and_shows_the_cost():
    box = m07.alarm_explorer()
    slider, sensors, result, _ = box.children
    assert slider.value == m07.START_THRESHOLD and "<b>2 van de 6</b>" in result.value
    slider.value = 1.5
    assert "Valse alarmen: <b>28</b>" in result.value and "€ 21.200" in result.value
    slider.value = 2.75
    assert "1 × € 10.000 + 1 × € 400 = <b>€ 10.400</b>" in result.value
    sensors.value = "vibration_mm_s"
    assert "Alarmgrens <b>2,75</b>" in result.value and "<b>3 van de 6</b>" in result.value


def test_widgets_show_a_message_instead_of_a_traceback(monkeypatch):
    box = m07.alarm_explorer()
    slider, _, result, _ = box.children

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(m07, "alarm_summary", broken)
    slider.value = 2.0
    assert result.value == "Er ging iets mis bij het tekenen. Kies een andere waarde, of voer de cel opnieuw uit."


def test_widgets_speak_english_too():
    i18n.set_language("en")
    box = m07.alarm_explorer()
    assert box.children[0].description == "Alarm level:"
    assert "Breakdowns seen in time" in box.children[2].value and "€ 40,000" in box.children[2].value
    assert m07.error_explorer().children[1].options[1][0] == "Missed defects (model says: good)"


def test_the_graded_assignment_shows_what_the_model_says():
    """The tables in assessments/source/m07 were written from these functions; they must agree."""
    from pathlib import Path

    import nbformat

    path = Path(__file__).resolve().parents[1] / "assessments" / "source" / "m07" / "m07-beelden-en-sensoren.ipynb"
    cells = {c.metadata["nbgrader"]["grade_id"]: c.source for c in nbformat.read(path, as_version=4).cells}
    table = m07.confusion(400)
    for label in table.index:
        row = "| **" + m07.label_name(label) + "** | " + " | ".join(str(int(v)) for v in table.loc[label]) + " |"
        assert row in cells["q2-task"], row
    for level in (1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5):
        s = m07.alarm_summary(level)
        row = f"| {i18n.format_number(level)} | {s['alarms']} | {s['caught']} | {s['missed']} | {s['false_alarms']} |"
        assert row in cells["q3-task"], row
    # the solutions in the assignment are the course's right answers
    assert "gemist_400 = 8" in cells["q2-answer"] and "valse_alarmen = 28" in cells["q3-answer"]
    assert "alarmgrens = 3.0" in cells["q5-answer"]  # the cheapest level in the assignment's table
    in_table = [m07.alarm_summary(level)["cost"] for level in (1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5)]
    assert min(in_table) == m07.alarm_summary(3.0)["cost"] == m07.best_threshold()["cost"]
