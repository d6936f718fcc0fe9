"""Module 01's explorers: the logic without a browser, and the widgets driven in-process."""

from smeai.explore import m01


def test_rule_accuracy_matches_the_data():
    data = m01.apples()
    assert len(data) == 40 and len(m01.examples()) == 10
    assert m01.rule_accuracy(70) == 72.5
    assert m01.best_rule() == (74, 80.0)
    assert m01.rule_accuracy(55) == round(100 * data.class1.mean(), 1)  # everything is class 1


def test_learning_needs_both_classes_and_good_labels_beat_the_best_rule():
    assert m01.learn_from_labels({}) is None
    assert m01.learn_from_labels({0: True, 1: True}) is None
    truth = {i: bool(v) for i, v in m01.examples().class1.items()}
    assert m01.learned_accuracy(truth) > m01.best_rule()[1]
    flipped = {i: not v for i, v in truth.items()}
    assert m01.learned_accuracy(flipped) < 50  # it learns the teacher's mistakes too


def test_rule_explorer_follows_the_slider():
    box = m01.rule_explorer()
    slider, result, _ = box.children
    assert "smeai-rule-explorer" in box._dom_classes
    slider.value = 70
    assert "72,5 %" in result.value and "29" in result.value
    slider.value = 74
    assert "80 %" in result.value


def test_teach_explorer_learns_from_the_labels():
    box = m01.teach_explorer()
    *rows, result, _ = box.children
    pickers = [row.children[1] for row in rows]
    assert "klasse 1" in result.value and "sap" in result.value  # asks for both classes first
    for picker, truth in zip(pickers, m01.examples().class1):
        picker.value = bool(truth)
    assert "10" in result.value and "%" in result.value
