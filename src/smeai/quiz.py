"""Multiple-choice questions with feedback for every option.

A question is declared with an id (``m01.quiz1``) and the index of the right option; its prompt,
options and one explanation per option are in the catalogues under the id. The logic
(:func:`answer`) is plain and tested without a browser; :func:`show_quiz` only connects it to
widgets.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import progress
from .exercises.core import load_module
from .exercises.feedback import CORRECT, INCORRECT, NOT_ATTEMPTED, Feedback
from .i18n import lookup, t

_QUESTIONS: dict[str, "Question"] = {}


@dataclass(frozen=True)
class Question:
    id: str  # "m01.quiz1"
    correct: int  # index of the right option

    def __post_init__(self):
        if self.id in _QUESTIONS:
            raise ValueError(f"quiz question {self.id!r} is declared twice")
        _QUESTIONS[self.id] = self

    @property
    def module(self) -> str:
        return self.id[1:3]

    @property
    def prompt(self) -> str:
        return t(f"{self.id}.prompt")

    @property
    def options(self) -> list[str]:
        return list(lookup(f"{self.id}.options"))

    @property
    def explanations(self) -> list[str]:
        return list(lookup(f"{self.id}.explain"))


def questions(module: str) -> list[Question]:
    """The quiz of one module (``"01"``), in order."""
    module = str(module).zfill(2)
    load_module(f"m{module}")
    return [q for q in _QUESTIONS.values() if q.module == module]


def answer(question: Question, choice) -> Feedback:
    """The feedback for choosing option ``choice`` (an index), without side effects."""
    options = question.options
    if choice is None:
        return Feedback(NOT_ATTEMPTED, "quiz.choose_first", {}, question.id)
    if isinstance(choice, bool) or not isinstance(choice, int) or not 0 <= choice < len(options):
        return Feedback(INCORRECT, "quiz.no_such_option", {"count": len(options)}, question.id)
    state = CORRECT if choice == question.correct else INCORRECT
    # the explanation is looked up now; the learner sees it in the language of this moment
    return Feedback(state, "quiz.explained", {"text": question.explanations[choice]}, question.id)


def record_answer(question: Question, choice: int, feedback: Feedback) -> None:
    progress.log_event("quiz", question=question.id, module=question.module, choice=choice, correct=feedback.correct)


def show_quiz(module: str):
    """One block per question: the question as the legend of its options (radio buttons that
    the arrow keys move between), a button, and feedback under it."""
    # here, not at the top: every module's exercises.py imports Question, and a grading kernel
    # that loads the exercises must not load widgets
    import ipywidgets as widgets
    from IPython.display import display

    from .ui.controls import ChoiceGroup

    blocks = [_question_widget(widgets, display, ChoiceGroup, number, question)
              for number, question in enumerate(questions(module), start=1)]
    box = widgets.VBox(blocks)
    box.add_class("smeai-quiz")
    return box


def _question_widget(widgets, display, ChoiceGroup, number, question):
    options = ChoiceGroup(
        options=[(text, i) for i, text in enumerate(question.options)],
        value=None,
        description=f"{number}. {question.prompt}",
    )
    button = widgets.Button(description=t("quiz.button"), icon="check", layout=widgets.Layout(width="auto"))
    out = widgets.Output()

    def on_click(_):
        feedback = answer(question, options.value)
        if feedback.state != NOT_ATTEMPTED:
            record_answer(question, options.value, feedback)
        out.clear_output(wait=True)
        with out:
            display(feedback)

    button.on_click(on_click)
    return widgets.VBox([options, button, out])
