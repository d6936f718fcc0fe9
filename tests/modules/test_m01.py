"""Module 01's explorers: the logic without a browser, and the widgets driven in-process."""

from smeai import i18n
from smeai.modules.m01 import model, widgets


def test_rule_accuracy_matches_the_data():
    data = model.apples()
    assert len(data) == model.N_APPLES == 40 and len(model.examples()) == model.N_EXAMPLES == 10
    # relations, not pinned numbers: a numpy release may move an apple, the lesson still holds
    assert model.rule_accuracy(70) == round(100 * model.rule_right(70) / 40, 1)
    best_mm, best_pct = model.best_rule()
    assert model.rule_accuracy(70) < model.TARGET_PCT <= best_pct  # q2's rule falls short; q3 can be met
    low, high = model.good_thresholds()
    assert low <= best_mm <= high and 70 < low  # "the best thresholds lie a little above 70 mm"
    assert all(model.rule_accuracy(mm) >= model.TARGET_PCT for mm in (low, high))
    assert model.rule_accuracy(55) == round(100 * data.class1.mean(), 1)  # everything is class 1


def test_learning_needs_both_classes_and_good_labels_beat_the_best_rule():
    assert model.learn_from_labels({}) is None
    assert model.learn_from_labels({0: True, 1: True}) is None
    truth = {i: bool(v) for i, v in model.examples().class1.items()}
    assert model.learned_accuracy(truth) > model.best_rule()[1]
    flipped = {i: not v for i, v in truth.items()}
    assert model.learned_accuracy(flipped) < 50  # it learns the teacher's mistakes too


def test_rule_explorer_follows_the_slider():
    box = widgets.show_rule_explorer()
    slider, result, _ = box.children
    assert "smeai-rule-explorer" in box._dom_classes
    slider.value = 70
    pct = i18n.format_number(model.rule_accuracy(70))
    assert f"{pct} %" in result.value and f"({model.rule_right(70)} van de 40 appels)" in result.value
    slider.value = model.best_rule()[0]
    assert f"{i18n.format_number(model.best_rule()[1])} %" in result.value


def test_teach_explorer_learns_from_the_labels():
    box = widgets.show_teach_explorer()
    *pickers, result, _ = box.children
    assert "klasse 1" in result.value and "sap" in result.value  # asks for both classes first
    for picker, truth in zip(pickers, model.examples().class1):
        picker.value = bool(truth)
    assert "10" in result.value and "%" in result.value


def test_controls_are_named_and_figures_have_a_text_alternative():
    from smeai.ui.controls import IntSlider, ToggleGroup
    from smeai.ui.picture import Picture

    for lang, words in (("nl", ("Grens", "appels", "klasse 1")), ("en", ("Threshold", "apples", "class 1"))):
        i18n.set_language(lang)
        try:
            box = widgets.show_rule_explorer()
            slider = box.children[0]
            assert isinstance(slider, IntSlider) and slider.suffix == " mm" and slider.description.startswith(words[0])
            slider.value = 70
            picture = box.update.render().picture
            assert isinstance(picture, Picture) and words[1] in picture.alt and "70 mm" in picture.alt
            assert i18n.format_number(model.rule_accuracy(70)) + " %" in picture.alt
            teach = widgets.show_teach_explorer()
            pickers = teach.children[:-2]
            assert all(isinstance(p, ToggleGroup) for p in pickers) and len(pickers) == model.N_EXAMPLES
            assert pickers[0].description.startswith("Appel 1" if lang == "nl" else "Apple 1")
            assert [label for label, _ in pickers[0].options][1] == words[2]
            for picker, truth in zip(pickers, model.examples().class1):
                picker.value = bool(truth)
            picture = teach.update.render().picture
            assert isinstance(picture, Picture) and "10" in picture.alt and words[1] in picture.alt
        finally:
            i18n.set_language("nl")
