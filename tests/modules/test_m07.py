"""Module 07: the model without a browser, the figures, and the widgets driven in-process.

No count that a numpy or scikit-learn release may shift by one is pinned here: the tests hold
the relations the lesson relies on, and compare what the learner reads with the model.
"""

import numpy as np
import pytest

from smeai import i18n
from smeai.i18n import format_number
from smeai.modules.m07 import figures, model as m07, widgets
from smeai.ui.controls import FloatSlider, ToggleGroup


# -- images ---------------------------------------------------------------------------------------

def test_the_model_gets_better_with_more_examples_and_its_mistakes_are_counted():
    results = [m07.image_results(n) for n in m07.TRAIN_SIZES]
    pcts, missed = [r["pct"] for r in results], [r["missed"] for r in results]
    assert pcts == sorted(pcts) and pcts[-1] > pcts[0] + 5  # what the lesson shows: more examples, better
    assert missed[-1] < missed[0] and missed[-1] == min(missed)
    assert 75 < pcts[0] and pcts[-1] < 100  # good, and still not perfect: there are mistakes to look at
    last = results[-1]
    assert last["defects"] == int((m07.true_labels() != "ok").sum()) and last["total"] == m07.TEST_SIZE
    assert 0 < last["false_reject"] < last["missed"]  # q2's wrong answers differ from the right one
    assert len({last["missed"], last["errors"], last["wrong_kind"], last["false_reject"]}) == 4
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
        figures.error_figure(400, "everything")


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


def test_ring_features_of_many_pictures_are_those_of_each_picture_alone():
    # the features are computed for all pictures in one go; no picture may leak into another
    images = np.concatenate([m07.product_images()[0][:5], np.full((1, m07.IMAGE_SIZE, m07.IMAGE_SIZE), 0.5)])
    together = m07.ring_features(images)
    alone = np.vstack([m07.ring_features(image[None]) for image in images])
    assert np.array_equal(together, alone) and np.isfinite(together).all()  # a flat picture too


def test_error_grid_shows_each_mistake_with_true_and_predicted_label():
    missed = m07.image_results(400)["missed"]
    assert missed <= m07.GRID_COLUMNS * m07.GRID_ROWS  # all of q2's washers fit on the screen
    figure = figures.error_figure(400, "missed")
    (ax,) = figure.axes
    texts = [t.get_text() for t in ax.texts]
    assert len(texts) == missed and all(t.endswith("model: goed") for t in texts)
    assert all(t.startswith("echt: ") and "echt: goed" not in t for t in texts)
    assert m07.image_results(50)["errors"] > m07.GRID_COLUMNS * m07.GRID_ROWS
    assert len(figures.error_figure(50, "all").axes[0].texts) == m07.GRID_COLUMNS * m07.GRID_ROWS  # at most a full grid
    assert f"{missed} van de {missed}" in ax.get_title()


def test_an_empty_error_grid_says_so(monkeypatch):
    monkeypatch.setattr(figures, "error_masks", lambda n: {k: np.zeros(200, dtype=bool) for k in m07.ERROR_KINDS})
    (ax,) = figures.error_figure(400, "all").axes
    assert [t.get_text() for t in ax.texts] == ["Geen fouten van deze soort."]


def test_mosaic_puts_pictures_in_a_grid():
    tiles = np.stack([np.full((2, 2), v) for v in (0.1, 0.2, 0.3)])
    mosaic = figures._mosaic(tiles, 2, gap=1, fill=1.0)
    assert mosaic.shape == (5, 5)
    assert mosaic[0, 0] == 0.1 and mosaic[0, 3] == 0.2 and mosaic[3, 0] == 0.3 and mosaic[3, 3] == 1.0


# -- sensors --------------------------------------------------------------------------------------

def test_alarm_counts_at_the_levels_the_exercises_use():
    read = m07.alarm_summary(m07.READ_THRESHOLD)  # q3: every wrong answer it recognises differs from the right one
    assert read["false_alarms"] > 0 and read["alarms"] - read["false_alarms"] >= read["caught"]
    assert len({read["alarms"], read["caught"], read["missed"], read["false_alarms"], read["cost_false"]}) == 5
    start = m07.alarm_summary(m07.START_THRESHOLD)  # the slider starts too high: most breakdowns missed
    assert start["false_alarms"] < read["false_alarms"] and start["missed"] > start["failures"] / 2
    best = m07.best_threshold()
    assert best["cost"] < min(start["cost"], read["cost"])
    assert best["cost"] == min(m07.alarm_summary(float(x))["cost"] for x in m07.slider_thresholds())
    good = m07.good_thresholds()
    assert best["threshold"] in good and len(good) >= 2  # q5 accepts a small window, not one exact value
    assert all(m07.alarm_summary(x)["cost"] <= best["cost"] + m07.COST_FALSE for x in good)


def test_a_lower_level_catches_more_and_raises_more_false_alarms():
    levels = m07.slider_thresholds()
    summaries = [m07.alarm_summary(float(x)) for x in levels]
    for s in summaries:
        assert s["caught"] + s["missed"] == s["failures"] == m07.failure_hours().size
        assert s["cost"] == s["missed"] * m07.COST_MISSED + s["false_alarms"] * m07.COST_FALSE
    assert summaries[0]["false_alarms"] > 50 and summaries[0]["missed"] == 0
    assert summaries[-1]["alarms"] <= 1 and summaries[-1]["missed"] >= 5
    caught = [s["caught"] for s in summaries]
    assert caught == sorted(caught, reverse=True)


def test_each_sensor_alone_sees_less():
    # no single sensor does as well as all three ("Je kunt ook één sensor kiezen")
    level = m07.best_threshold()["threshold"]
    for name in ("vibration_mm_s", "temperature_c", "current_a"):
        assert m07.alarm_summary(level, name)["caught"] < m07.alarm_summary(level, "all")["caught"]
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
    assert m07.alarm_cost(2, 3) == 21_200  # the prices of the lesson: € 10.000 and € 400


# -- badge events ---------------------------------------------------------------------------------

def test_the_most_unusual_badge_events_are_mostly_the_incidents():
    events = m07.access_events()
    top = m07.most_unusual_indices()
    assert list(top) == list(np.argsort(-m07.access_scores(), kind="stable")[: m07.TOP_UNUSUAL])
    assert events.unusual.to_numpy()[top].sum() >= m07.TOP_UNUSUAL - 2  # mostly the real incidents
    incidents = events[events.unusual].groupby("badge").size()
    found = set(events.badge.to_numpy()[top]) & set(incidents.index)
    assert len(found) < len(incidents)  # "niet alles wat vreemd is, staat in de top 10"


def test_what_the_notebook_says_about_the_badge_events():
    events = m07.access_events()
    assert round(len(events), -2) == 2300  # "In 4 weken zijn het ongeveer 2.300 registraties"
    assert (events.time.max() - events.time.min()).days < 28
    # "op een zondag, rond het middaguur, twee stippen zonder kruis ... naar de serverruimte"
    top = set(m07.most_unusual_indices())
    at_noon = (events.time.dt.day_of_week == 6) & events.time.dt.hour.between(11, 13)
    visit = np.flatnonzero(at_noon & (events.incident == "weekend_server_room"))
    assert len(visit) == 2 and not top & set(visit)


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
    image = widgets.show_picture(name)
    assert image.data[:4] == b"\x89PNG"
    # a one-sentence text alternative in the learner's language, in the HTML JupyterLab shows
    assert image.alt == i18n.t(f"m07.explore.alt_{name}", labels="goed, kras, barst, geen gat, vlek", n=m07.TOP_UNUSUAL)
    assert image.alt.endswith(".") and image.alt.count(". ") == 0 and f'alt="{image.alt}"' in image._repr_html_().replace("&#x27;", "'")


def test_unknown_figure_is_refused():
    with pytest.raises(ValueError, match="pixels"):
        widgets.show_picture("everything")


def test_figures_have_titles_and_axis_labels_with_units():
    ax = figures.alarm_figure(2.0).axes[0]
    assert ax.get_title() and ax.get_xlabel() == "Tijd (dagen)" and ax.get_ylabel() == "Afwijkingsscore"
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "vals alarm" in labels and "alarm op tijd" in labels and "alarmgrens (2)" in labels
    sensors = figures.sensors_figure().axes
    assert [a.get_ylabel() for a in sensors] == ["mm/s", "°C", "ampère"]
    access = figures.access_figure().axes[0]
    assert access.get_ylabel() == "Tijdstip (uur van de dag)" and access.get_title()


def test_error_explorer_follows_the_choices():
    box = widgets.show_error_explorer()
    sizes, kinds, result, out = box.children
    assert "smeai-error-explorer" in box._dom_classes
    # buttons that say which one is pressed, named by their visible label
    assert isinstance(sizes, ToggleGroup) and sizes.description == "Voorbeeldfoto's om van te leren:"
    assert sizes.labels == [str(n) for n in m07.TRAIN_SIZES] and sizes.index == len(m07.TRAIN_SIZES) - 1
    assert kinds.description == "Laat zien:" and kinds.style.description_width == "initial"  # never cut off
    shown = m07.image_results(400)
    assert sizes.value == 400 and f"gemiste defecten (het model zegt 'goed'): <b>{shown['missed']}</b>" in result.value
    assert f"{format_number(shown['pct'])} %" in result.value
    sizes.value = 50
    shown = m07.image_results(50)
    assert f"goede ringen afgekeurd: <b>{shown['false_reject']}</b>" in result.value and f"{format_number(shown['pct'])} %" in result.value
    kinds.value = "false_reject"
    assert "gemiste defecten" in result.value  # redrawn without a problem
    alt = widgets.error_alt(50, "all")
    assert alt.startswith("Foto's van de ringen die het model fout had (alle fouten)") and f"van de {shown['errors']}," in alt
    none = widgets.error_alt(50, "false_reject") if shown["false_reject"] == 0 else None
    assert none is None or none == "Geen foto's: het model had geen fouten van deze soort (goede ringen afgekeurd)."


def test_counts_read_well_when_they_are_one():
    """No "1 goede ringen afgekeurd" or "1 valse alarmen": a count stands after its label."""
    one = {"n_train": 50, "total": 200, "right": 197, "pct": 98.5, "missed": 1, "false_reject": 1, "wrong_kind": 1}
    text = i18n.t("m07.explore.image_result", **one)
    assert "goede ringen afgekeurd: <b>1</b>" in text and "<b>1</b> goede ringen" not in text
    alarm = i18n.t("m07.explore.alarm_result", threshold=2, alarms=1, caught=0, failures=1, missed=1, false_alarms=1,
                   cost_each_missed=10000, cost_each_false=400, cost=10400)
    assert "Valse alarmen: <b>1</b>" in alarm and "<b>1</b> alarmen" not in alarm
    for lang in ("nl", "en"):
        for key in ("good", "too_low", "too_high"):
            text = i18n.t(f"m07.q5.{key}", lang, given=2, caught=1, failures=3, false_alarms=1, cost=1, best=1, cost_false=400, cost_missed=1, missed=1)
            assert "1 valse alarmen" not in text and "1 false alarms" not in text and "mis je 1 storingen" not in text


def test_alarm_explorer_follows_the_slider_and_shows_the_cost():
    box = widgets.show_alarm_explorer()
    slider, sensors, result, out = box.children
    # the course's slider: named by its label, read out the Dutch way, wide enough for a mouse
    assert isinstance(slider, FloatSlider) and slider.description == "Alarmgrens:" and slider.decimals == 2
    assert slider.locale == "nl-NL" and slider.width == "28em"
    start = m07.alarm_summary(m07.START_THRESHOLD)
    assert slider.value == m07.START_THRESHOLD and f"<b>{start['caught']} van de {start['failures']}</b>" in result.value
    slider.value = m07.READ_THRESHOLD
    read = m07.alarm_summary(m07.READ_THRESHOLD)
    assert f"Valse alarmen: <b>{read['false_alarms']}</b>" in result.value and f"€ {format_number(read['cost'])}" in result.value
    best = m07.best_threshold()
    slider.value = best["threshold"]
    assert f"{best['missed']} × € 10.000 + {best['false_alarms']} × € 400 = <b>€ {format_number(best['cost'])}</b>" in result.value
    sensors.value = "vibration_mm_s"
    alone = m07.alarm_summary(best["threshold"], "vibration_mm_s")
    assert f"Alarmgrens <b>{format_number(best['threshold'])}</b>" in result.value
    assert f"<b>{alone['caught']} van de {alone['failures']}</b>" in result.value
    alt = widgets.alarm_alt(alone)
    assert alt.startswith("Tijdlijn van de afwijkingsscore (alleen trilling)") and f"op {format_number(best['threshold'])}:" in alt
    assert f"valse alarmen: {alone['false_alarms']}." in alt


def test_widgets_show_a_message_instead_of_a_traceback(monkeypatch):
    box = widgets.show_alarm_explorer()
    slider, _, result, _ = box.children

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(widgets, "alarm_summary", broken)
    slider.value = 2.0
    assert result.value == i18n.t("widgets.error")  # the one error path of every explorer


def test_widgets_speak_english_too():
    i18n.set_language("en")
    box = widgets.show_alarm_explorer()
    assert box.children[0].description == "Alarm level:"
    cost = m07.alarm_summary(m07.START_THRESHOLD)["cost"]
    assert "Breakdowns seen in time" in box.children[2].value and f"€ {format_number(cost, 'en')}" in box.children[2].value
    assert widgets.show_error_explorer().children[1].options[1][0] == "Missed defects (model says: good)"


def test_the_graded_assignment_shows_what_the_model_says():
    """The tables in assessments/source/m07 were written from these functions; they must agree."""
    from pathlib import Path

    import nbformat

    path = Path(__file__).resolve().parents[2] / "assessments" / "source" / "m07" / "m07-beelden-en-sensoren.ipynb"
    cells = {c.metadata["nbgrader"]["grade_id"]: c.source for c in nbformat.read(path, as_version=4).cells}
    table = m07.confusion(400)
    for label in table.index:
        row = "| **" + m07.label_name(label) + "** | " + " | ".join(str(int(v)) for v in table.loc[label]) + " |"
        assert row in cells["q2-task"], row
    for level in (1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5):
        s = m07.alarm_summary(level)
        row = f"| {i18n.format_number(level)} | {s['alarms']} | {s['caught']} | {s['missed']} | {s['false_alarms']} |"
        assert row in cells["q3-task"], row
    # the solutions in the assignment are the course's right answers, computed here
    assert f"gemist_400 = {m07.image_results(400)['missed']}" in cells["q2-answer"]
    assert f"valse_alarmen = {m07.alarm_summary(m07.READ_THRESHOLD)['false_alarms']}" in cells["q3-answer"]
    levels = (1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5)
    cheapest = min(levels, key=lambda level: (m07.alarm_summary(level)["cost"], level))
    assert f"alarmgrens = {cheapest}" in cells["q5-answer"]  # the cheapest level in the assignment's table
    assert cheapest in m07.good_thresholds()  # and q5 accepts it


# -- the exercises: extra cases from the trainer, and the numbers the texts state -----------------

def kosten(gemist, vals_alarm):
    return gemist * 10000 + vals_alarm * 400


def test_q4_takes_the_trainers_extra_cases_and_names_only_their_kind():
    from smeai.exercises import GradeFailure, get, grade

    assert grade("m07.q4", kosten, cases=[((0, 0), 0, "zero"), ((3, 12), 34800, "ordinary")])

    def free_when_quiet(gemist, vals_alarm):  # right for the shown cases, wrong when nothing happens
        return kosten(gemist, vals_alarm) if gemist or vals_alarm else 100

    assert get("m07.q4").evaluate(free_when_quiet).correct  # the learner's own check
    with pytest.raises(GradeFailure) as failed:
        grade("m07.q4", free_when_quiet, cases=[((0, 0), 0, "zero")])
    assert "(0, 0)" not in str(failed.value) and "kosten(0, 0)" not in str(failed.value)
    assert i18n.t("check.case_kinds.zero") in str(failed.value)


def test_the_assignments_hidden_cases_are_the_models_costs():
    """The expected values in the assignment's hidden test cell are typed there; compute them."""
    import ast
    import re
    from pathlib import Path

    import nbformat

    path = Path(__file__).resolve().parents[2] / "assessments" / "source" / "m07" / "m07-beelden-en-sensoren.ipynb"
    cells = {c.metadata["nbgrader"]["grade_id"]: c.source for c in nbformat.read(path, as_version=4).cells}
    call = re.search(r"grade\(\"m07.q4\", kosten, cases=(\[.*\])\)", cells["q4-tests"]).group(1)
    cases = ast.literal_eval(call)
    assert len(cases) >= 3
    for args, expected, _ in cases:
        assert expected == m07.alarm_cost(*args)


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_numbers_the_texts_type_are_the_models(lang):
    """Where a text cannot take a field (a quiz, code in a solution), a test computes the number."""
    from smeai.exercises import get

    pct = format_number(m07.image_results(m07.TRAIN_SIZES[-1])["pct"], lang)
    assert f"{pct} %" in i18n.t("m07.quiz2.prompt", lang) and f"{pct} %" in i18n.t("m07.quiz2.options", lang)
    side, pixels = m07.IMAGE_SIZE, format_number(m07.IMAGE_SIZE**2, lang)
    assert f"= {side} * {side}   # {pixels} " in get("m07.q1").solution_text(lang)
    assert f" {pixels} pixels" in i18n.lookup("m07.quiz1.explain", lang)[1]
    assert f"{side} × {side}" in i18n.t("m07.explore.pixels_left", lang, size=side)
    assert f"* {m07.COST_MISSED} + " in i18n.t("m07.q4.solution", lang) and f"* {m07.COST_FALSE}\n" in i18n.t("m07.q4.solution", lang)
    assert f"€ {format_number(m07.COST_MISSED, lang)}" in i18n.t("m07.q4.hints", lang)
    assert f"€ {format_number(m07.COST_FALSE, lang)}" in i18n.t("m07.q4.hints", lang)
    for key in ("swapped", "no_missed_cost", "no_false_cost"):  # the messages name the prices too
        text = i18n.t(f"m07.q4.{key}", lang)
        assert str(m07.COST_MISSED) in text.replace(".", "").replace(",", "") or str(m07.COST_FALSE) in text, key
    assert str(m07.TRAIN_SIZES[-1]) in i18n.t("m07.q2.hints", lang) and str(m07.TRAIN_SIZES[-1]) in i18n.t("m07.q2.other_size", lang)


def test_the_picture_size_the_notebooks_type_is_the_models():
    import re

    from .written import assignment, course, sources

    for path, words in zip((*course("07"), assignment("07")), ("bij", "by", "bij")):
        sizes = [m.groups() for source in sources(path, "markdown") for m in re.finditer(rf"(\d+) {words} (\d+) pixels", source)]
        assert sizes and set(sizes) == {(str(m07.IMAGE_SIZE), str(m07.IMAGE_SIZE))}, (path.name, sizes)


def test_the_missed_defects_are_the_kinds_the_notebooks_name():
    # "Vaak zijn het zwakke krassen en dunne barsten" / "faint scratches and thin cracks"
    missed = m07.confusion(m07.TRAIN_SIZES[-1])["ok"].drop("ok")
    assert set(missed.nlargest(2).index) == {"scratch", "crack"} and missed.sum() == m07.image_results(400)["missed"]


def test_the_assignments_solutions_type_the_models_prices():
    from pathlib import Path

    import nbformat

    path = Path(__file__).resolve().parents[2] / "assessments" / "source" / "m07" / "m07-beelden-en-sensoren.ipynb"
    cells = {c.metadata["nbgrader"]["grade_id"]: c.source for c in nbformat.read(path, as_version=4).cells}
    assert f"gemist * {m07.COST_MISSED} + vals_alarm * {m07.COST_FALSE}" in cells["q4-answer"]
    assert f"aantal_pixels = {m07.IMAGE_SIZE} * {m07.IMAGE_SIZE}" in cells["q1-answer"]
