import pytest

from smeai import i18n, progress, quiz
from smeai.course import MODULES
from smeai.exercises.feedback import CORRECT, INCORRECT, NOT_ATTEMPTED
from smeai.ui.controls import ChoiceGroup

AVAILABLE = [m.number for m in MODULES if m.available]
QUIZ_MODULES = [m for m in AVAILABLE if quiz.questions(m)]


def test_every_module_after_00_has_a_quiz_of_at_least_four_questions():
    assert [m for m in AVAILABLE if m != "00"] == QUIZ_MODULES
    assert all(len(quiz.questions(m)) >= 4 for m in QUIZ_MODULES)


@pytest.mark.parametrize("module", QUIZ_MODULES)
def test_quiz_has_feedback_for_every_option_in_both_languages(module):
    for q in quiz.questions(module):
        for lang in i18n.LANGUAGES:
            i18n.set_language(lang)
            assert q.prompt and len(q.options) == len(q.explanations) >= 2
            assert 0 <= q.correct < len(q.options)


def test_every_option_gets_its_own_explanation():
    q = quiz.questions("01")[0]
    feedbacks = [quiz.answer(q, i) for i in range(len(q.options))]
    assert [f.state for f in feedbacks].count(CORRECT) == 1
    assert feedbacks[q.correct].correct
    assert len({f.message() for f in feedbacks}) == len(q.options)


@pytest.mark.parametrize("choice", [-1, 3, 99, "b", True, 1.0])
def test_bad_choices(choice):
    q = quiz.questions("01")[0]
    assert quiz.answer(q, choice).state == INCORRECT


def test_no_choice_is_not_attempted_and_module_without_quiz_is_empty():
    assert quiz.answer(quiz.questions("01")[0], None).state == NOT_ATTEMPTED
    assert quiz.questions("42") == []


def test_quiz_widget_records_answers():
    box = quiz.show_quiz("01")
    first = box.children[0]
    options, button, _ = first.children
    # the question is the legend of its radio group: a screen reader names the group by it
    assert isinstance(options, ChoiceGroup) and options.kind == "choices"
    assert options.description == "1. " + quiz.questions("01")[0].prompt
    assert options.labels == quiz.questions("01")[0].options and options.value is None
    button.click()  # nothing chosen: nothing recorded
    assert progress.store().events() == []
    options.value = 1
    button.click()
    options.value = 0
    button.click()
    events = progress.store().events()
    assert [(e["question"], e["choice"], e["correct"]) for e in events] == [("m01.quiz1", 1, True), ("m01.quiz1", 0, False)]


def _length_ratios(module, lang):
    """Per question: the correct option's length over the longest wrong option's length."""
    i18n.set_language(lang)
    ratios = []
    for q in quiz.questions(module):
        others = [len(o) for i, o in enumerate(q.options) if i != q.correct]
        ratios.append(len(q.options[q.correct]) / max(others))
    return ratios


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
@pytest.mark.parametrize("module", QUIZ_MODULES)
def test_length_does_not_give_the_answer_away(module, lang):
    # a learner who always picks the longest option must not pass: the right answer is the
    # longest in at most about a third of a module's questions, never by far in all of them
    ratios = _length_ratios(module, lang)
    longest = [i + 1 for i, r in enumerate(ratios) if r >= 1]
    assert len(longest) <= max(1, len(ratios) // 3), f"module {module} ({lang}): the right answer is the longest in questions {longest}"
    assert sum(r >= 1.5 for r in ratios) < len(ratios)


def test_the_length_test_can_fail(monkeypatch):
    # a quiz whose right answer is always the longest option (as modules 01-03 once were) fails it
    from types import SimpleNamespace

    telling = SimpleNamespace(options=["Nee.", "Ja, maar alleen als een mens het nakijkt.", "Soms."], correct=1)
    monkeypatch.setattr(quiz, "questions", lambda module: [telling] * 5)
    with pytest.raises(AssertionError, match="the right answer is the longest"):
        test_length_does_not_give_the_answer_away("01", "nl")
