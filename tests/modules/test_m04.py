"""Module 04: the model without a browser, the figures, and the widgets driven in-process.

The numbers the course states are not pinned here: a numpy or scikit-learn release may shift a
model by a row. The tests check relations (the cheapest threshold beats the rule, which beats
50 %) and that what the widgets show is what the model computes.
"""

import numpy as np
import pytest

from smeai import i18n
from smeai.i18n import format_number
from smeai.modules.m04 import figures, model, widgets
from smeai.modules.m04.model import acceptable_thresholds
from smeai.ui.messagebox import MessageBox

m04 = model  # the model's functions, under the name the tests always used


def test_the_data_split_and_what_the_exercises_read():
    train, test = m04.split("invoices")
    assert (len(train), len(test)) == (m04.N_INVOICES * (1 - m04.TEST_SHARE), m04.N_INVOICES * m04.TEST_SHARE)
    assert set(train.index).isdisjoint(test.index)
    # "about one in four invoices is paid late", as the course says
    assert 20 < m04.pct_late("invoices") < 30
    assert m04.pct_late("invoices") == round(100 * m04.invoices().paid_late.mean(), 1)
    (no, n_no, pct_no), (yes, n_yes, pct_yes) = m04.profile("invoices", "late_before")
    assert (no, yes) == ("no", "yes") and n_no + n_yes == m04.N_INVOICES
    assert pct_yes > m04.pct_late("invoices") + 5 > pct_no + 10  # late before: late again, much more often
    assert m04.pct_in_group("invoices", "late_before", "yes") == pct_yes
    a_train, a_test = m04.split("appointments")
    assert (len(a_train), len(a_test)) == (m04.N_APPOINTMENTS * (1 - m04.TEST_SHARE), m04.N_APPOINTMENTS * m04.TEST_SHARE)
    assert 10 < m04.pct_late("appointments") < 20


def test_every_profile_view_covers_every_row_once():
    for case, views in m04.VIEWS.items():
        for view in views:
            rows = m04.profile(case, view)
            assert sum(n for _, n, _ in rows) == len(m04.data(case)), (case, view)
            assert all(0 <= pct <= 100 for _, _, pct in rows)
            labels = [m04.group_label(case, view, key) for key, _, _ in rows]
            assert len(set(labels)) == len(labels) and not any(label.startswith("m04.") for label in labels)
    with pytest.raises(ValueError):
        m04.profile("invoices", "age_band")
    with pytest.raises(ValueError):
        m04.data("bakery")


def test_profile_shows_the_late_payers_profile():
    sector = {key: pct for key, _, pct in m04.profile("invoices", "sector")}
    assert max(sector, key=sector.get) == "hospitality" and min(sector, key=sector.get) == "services"
    reminder = dict((key, pct) for key, _, pct in m04.profile("appointments", "reminder_sent"))
    assert reminder["no"] > reminder["yes"] + 8
    assert m04.group_label("invoices", "month", "12") == "dec"
    assert m04.group_label("appointments", "weekday", "1") == "ma"
    i18n.set_language("en")
    assert m04.group_label("invoices", "sector", "hospitality") == "hospitality"
    assert m04.group_label("invoices", "payment_term_days", "14") == "14 days"


def test_counting_the_four_cells():
    counts = m04.count([True, True, False, False, True], [True, False, True, False, True])
    assert counts == m04.Counts(caught=2, false_alarm=1, missed=1, quiet=1)
    assert counts.total == 5 and counts.alarms == 3
    assert counts.cost(15, 60) == 75
    with pytest.raises(ValueError):
        m04.count([True], [True, False])


def test_the_model_at_the_usual_threshold_and_the_rule():
    truth = m04.test_truth("invoices")
    at_half = m04.counts_at("invoices", 50)
    assert at_half.total == len(truth) and at_half.caught + at_half.missed == truth.sum()
    assert at_half.cost(15, 60) == at_half.false_alarm * 15 + at_half.missed * 60
    # at 50 % the model is careful: few alarms, and more misses than false alarms
    assert at_half.false_alarm < at_half.missed and at_half.alarms < truth.sum()
    rule = m04.rule_counts("invoices")
    assert rule.total == len(truth) and rule.alarms == m04.rule_alarm("invoices").sum()
    # the cheapest threshold beats the rule, which beats the usual 50 %
    best, lowest = m04.cheapest_threshold("invoices", 15, 60)
    assert lowest < rule.cost(15, 60) < at_half.cost(15, 60)
    assert 5 < best < 30 and lowest == m04.cost_at("invoices", best, 15, 60)
    low, high = acceptable_thresholds("invoices", 15, 60)
    assert low <= best <= high and high - low >= 3
    assert m04.cost_at("invoices", high, 15, 60) <= lowest * (1 + m04.COST_SLACK) < m04.cost_at("invoices", high + 1, 15, 60)


def test_cost_curve_agrees_with_counting_at_each_threshold():
    curve = m04.cost_curve("invoices", 15, 60)
    assert curve.shape == (99,)
    for threshold in (1, 16, 50, 99):
        assert curve[threshold - 1] == m04.cost_at("invoices", threshold, 15, 60)
    # a threshold of 1 % alarms for almost everything; 99 % for almost nothing
    assert m04.counts_at("invoices", 99).alarms < 5 < 200 < m04.counts_at("invoices", 1).alarms
    # when a miss costs more, the cheapest threshold goes down
    assert m04.cheapest_threshold("invoices", 15, 150)[0] < m04.cheapest_threshold("invoices", 15, 60)[0] < m04.cheapest_threshold("invoices", 40, 45)[0]


def test_the_chances_are_made_once_and_cannot_be_changed():
    first = m04.test_chances("invoices")
    assert first is m04.test_chances("invoices")
    assert first.shape == (250,) and 0 <= first.min() and first.max() <= 100
    with pytest.raises(ValueError):
        first[0] = 1.0


def test_appointments_age_adds_little_but_changes_who_gets_an_alarm():
    best, lowest = m04.cheapest_threshold("appointments", 5, 45)
    best_age, lowest_age = m04.cheapest_threshold("appointments", 5, 45, use_age=True)
    assert lowest_age < lowest < 1.1 * lowest_age  # age saves a little money, not much
    low, high = acceptable_thresholds("appointments", 5, 45)
    assert low <= best <= high < 15
    without = m04.flagged_share_by_age("appointments", best)
    with_age = m04.flagged_share_by_age("appointments", best, use_age=True)
    assert without["18-30"] > without["66+"]  # through earlier no-shows, even without age
    assert with_age["18-30"] - with_age["66+"] > without["18-30"] - without["66+"] + 15
    with pytest.raises(ValueError):
        m04.flagged_share_by_age("invoices", 8)


def test_train_and_test_scores_show_why_a_test_set_matters():
    train, test = m04.split("invoices")
    table = m04.train_and_test_scores(m04.model_for("invoices"), train, test)
    memorise, model, never = table.to_numpy()
    assert memorise[0] == 100.0 and memorise[1] < model[1] - 5  # perfect at home, worse outside
    assert abs(model[0] - model[1]) < 5
    # always "on time" is right as often as invoices in the test set were on time, and finds nothing
    assert never[1] == round(100 * (1 - m04.test_truth("invoices").mean()), 1) < model[1]
    assert list(table.columns) == ["Goed op de trainingsset (%)", "Goed op de testset (%)"]


def test_the_notebook_model_is_the_explorer_model():
    train, test = m04.split("invoices")
    chances = m04.chances(m04.train_model(train), test)
    assert np.allclose(chances.to_numpy(), m04.test_chances("invoices"))
    assert chances.index.equals(test.index)


def test_confusion_table_in_words_and_euros():
    test = m04.split("invoices")[1]
    chances = m04.test_chances("invoices")
    view = widgets.confusion_table(chances >= 50, test["paid_late"])
    at_half = m04.counts_at("invoices", 50)
    assert view.counts == at_half and view.cost is None
    assert "vals alarm" in str(view) and "€" not in str(view)
    priced = widgets.confusion_table(chances >= 50, test["paid_late"], false_alarm_eur=15, miss_eur=60)
    assert priced.cost == at_half.cost(15, 60)
    html = priced._repr_html_()
    fa, missed = at_half.false_alarm, at_half.missed
    assert f"{fa} × € 15 = € {format_number(fa * 15)}" in html and f"{missed} × € 60 = € {format_number(missed * 60)}" in html
    assert f"€ {format_number(priced.cost)}" in html
    assert "✔" in html and "✘" in html  # symbols and words, not colour alone


def test_threshold_state_refuses_values_a_learner_could_not_mean():
    for bad in ((0, 15, 60), (100, 15, 60), (50, -1, 60), (None, 15, 60), (50, float("nan"), 60), (True, 15, 60)):
        with pytest.raises(ValueError) as caught:
            m04.threshold_state("invoices", *bad)
        assert str(caught.value).startswith("m04.explore.")
        assert not i18n.t(str(caught.value)).startswith("m04.")
    state = m04.threshold_state("invoices", 50, 0, 0)
    assert state["free"] and state["cost"] == 0


def test_threshold_explorer_follows_the_sliders():
    box = widgets.show_threshold_explorer("invoices")
    threshold, false_alarm, miss, result, out = box.children
    assert "smeai-m04-threshold-explorer" in box._dom_classes
    assert (threshold.value, false_alarm.value, miss.value) == (50, 15, 60)
    euros = lambda value: f"€ {format_number(value)}"  # noqa: E731
    # the model at 50 % and the rule
    assert euros(m04.cost_at("invoices", 50, 15, 60)) in result.value and euros(m04.rule_counts("invoices").cost(15, 60)) in result.value
    best, lowest = m04.cheapest_threshold("invoices", 15, 60)
    threshold.value = best
    assert euros(lowest) in result.value
    assert f"<b>{m04.counts_at('invoices', best).alarms}</b> keer alarm" in result.value
    miss.value = 0
    false_alarm.value = 0
    assert "maakt de drempel niets uit" in result.value


def test_appointments_explorer_has_the_age_switch_and_says_who_gets_alarms():
    box = widgets.show_threshold_explorer("appointments")
    threshold, false_alarm, miss, use_age, result, _ = box.children
    assert (false_alarm.value, miss.value, use_age.value) == (5, 45, False)
    best, lowest = m04.cheapest_threshold("appointments", 5, 45)
    threshold.value = best
    assert f"€ {format_number(lowest)}" in result.value and "geen leeftijd" in result.value
    use_age.value = True
    young = m04.flagged_share_by_age("appointments", best, use_age=True)["18-30"]
    assert "gebruikt nu leeftijd" in result.value and f"{format_number(young)} %" in result.value


def test_profile_explorer_follows_the_dropdown():
    box = widgets.show_profile_explorer("invoices")
    picker, result, out = box.children
    picker.value = "late_before"
    for _, n, pct in m04.profile("invoices", "late_before"):
        assert f"<b>{format_number(pct)} %</b> ({n})" in result.value
    picker.value = "sector"
    assert "horeca" in result.value


def test_figures_have_titles_units_and_more_than_colour():
    figure = figures.draw_profile("invoices", "sector")
    ax = figure.axes[0]
    assert ax.get_title() and "%" in ax.get_ylabel() and ax.get_xlabel() == "Sector"
    assert [line.get_linestyle() for line in ax.get_lines()] == ["--"]  # the average: a dashed line, not only a colour
    assert len(ax.patches) == 6 and all(bar.get_edgecolor()[:3] == (0, 0, 0) for bar in ax.patches)
    state = m04.threshold_state("invoices", 30, 15, 60)
    drawn = figures.draw_costs("invoices", state, 30)
    ax = drawn.figure.axes[0]
    assert "€" in ax.get_ylabel() and "%" in ax.get_xlabel() and str(len(m04.split("invoices")[1])) in ax.get_title()
    styles = {line.get_linestyle() for line in ax.get_lines()}
    assert {"-", "--"} <= styles  # the model solid, the rule dashed
    assert len(ax.get_legend().get_texts()) == 3
    assert drawn.you.get_xydata().tolist() == [[30.0, state["cost"]]] and drawn.you.get_marker() == "o"
    assert drawn.png().startswith(b"\x89PNG")


def test_moving_a_slider_only_redraws_what_changed():
    drawn = figures.CostFigure("invoices")
    drawn.update(m04.threshold_state("invoices", 30, 15, 60), 30)
    background, top = drawn._background, drawn._top
    drawn.update(m04.threshold_state("invoices", 16, 15, 60), 16)
    image_16 = drawn.png()
    drawn.update(m04.threshold_state("invoices", 16, 15, 70), 16)
    assert drawn._background is background and drawn._top == top  # a little dearer: same axes
    assert drawn.png() != image_16
    drawn.update(m04.threshold_state("invoices", 16, 15, 300), 16)
    assert drawn._top > top  # much dearer: the axes grow
    drawn.update(m04.threshold_state("invoices", 16, 1, 5), 16)
    assert drawn._top < top  # much cheaper: the axes shrink, so the line stays readable
    # the quick picture equals a fresh drawing of the same state
    state = m04.threshold_state("invoices", 16, 15, 100)
    fresh = figures.draw_costs("invoices", state, 16)
    assert fresh.png() == figures.CostFigure("invoices").update(state, 16).png()
    assert fresh.curve.get_ydata().tolist() == state["curve"].tolist()


def test_a_failing_callback_shows_the_one_error_message_and_logs_it(monkeypatch, caplog):
    box = widgets.show_profile_explorer("appointments")
    picker, result, _ = box.children
    monkeypatch.setattr(widgets, "profile_png", lambda case, view, lang: 1 / 0)
    picker.value = "hour"
    assert result.value == i18n.t("widgets.error", error="ZeroDivisionError") and "Traceback" not in result.value
    assert "ZeroDivisionError" in caplog.text  # logged for the trainer, not swallowed


def test_a_failing_drawing_in_the_threshold_explorer_is_a_message(monkeypatch, caplog):
    box = widgets.show_threshold_explorer("invoices")
    threshold, *_, result, _ = box.children
    monkeypatch.setattr(figures.CostFigure, "update", lambda self, state, pct: 1 / 0)
    threshold.value = 20
    assert result.value == i18n.t("widgets.error", error="ZeroDivisionError")
    assert "ZeroDivisionError" in caplog.text


def test_the_confusion_table_is_the_one_message_box():
    view = widgets.confusion_table([True, False], [True, True])
    assert isinstance(view, MessageBox) and 'role="status"' in view._repr_html_()
    assert "smeai-m04-matrix" in view._repr_html_() and str(view).count("\n") == 2


def test_widgets_speak_english_too():
    i18n.set_language("en")
    box = widgets.show_threshold_explorer("invoices")
    cost = format_number(m04.cost_at("invoices", 50, 15, 60), lang="en")
    assert "false alarm" in box.children[3].value and f"€ {cost}" in box.children[3].value


def test_sliders_are_named_controls_with_units_and_figures_have_a_text_alternative():
    from smeai.ui.controls import IntSlider
    from smeai.ui.picture import Picture

    for lang, words in (("nl", ("Drempel", "Prijs van een vals alarm", "Staafdiagram", "Lijndiagram")), ("en", ("Threshold", "Price of a false alarm", "Bar chart", "Line chart"))):
        i18n.set_language(lang)
        try:
            box = widgets.show_threshold_explorer("appointments")
            threshold, false_alarm, miss, use_age, *_ = box.children
            assert all(isinstance(s, IntSlider) for s in (threshold, false_alarm, miss))
            assert (threshold.description, threshold.suffix) == (words[0], " %")
            assert false_alarm.description == words[1] and false_alarm.prefix == miss.prefix == "€ " and miss.description
            assert use_age.layout.width == "auto"  # the label is never cut off
            threshold.value = 30
            picture = box.update.render().picture
            assert isinstance(picture, Picture) and picture.alt.startswith(words[3]) and "30 %" in picture.alt and "€ " in picture.alt
            box = widgets.show_profile_explorer("invoices")
            picture = box.update.render().picture
            assert isinstance(picture, Picture) and picture.alt.startswith(words[2])
            first_group = model.group_label("invoices", box.children[0].value, model.profile("invoices", box.children[0].value)[0][0])
            assert first_group in picture.alt
        finally:
            i18n.set_language("nl")


def test_the_invoice_table_wraps_and_names_the_columns_in_dutch():
    from smeai.datasets.invoices import make_invoices

    rows = make_invoices(n_samples=1000, random_state=14).head(8)
    shown = widgets.show_table(rows)._repr_html_()
    assert "te laat betaald<br><code" in shown and "paid_<wbr>late" in shown and "payment_<wbr>term_<wbr>days" in shown
    assert shown.count("<tr>") == 9 and "white-space:normal" in shown and "max-width:100%" in shown
    assert "overflow" not in shown.replace("overflow-wrap", "")  # no scroll box of our own
