"""What a learner sees after a check: one of three states, with an icon and words (never colour alone)."""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from ..i18n import describe_kind, get_language, t
from ..learner_errors import Phrase
from ..ui.messagebox import BLUE, GREEN, VERMILLION, MessageBox, escape_lines

CORRECT = "correct"
INCORRECT = "incorrect"
NOT_ATTEMPTED = "not_attempted"
STATES = (CORRECT, INCORRECT, NOT_ATTEMPTED)

_ICONS = {CORRECT: "✔", INCORRECT: "✘", NOT_ATTEMPTED: "✎"}
# Okabe-Ito colours for the border only; the icon and the label carry the meaning.
_COLOURS = {CORRECT: GREEN, INCORRECT: VERMILLION, NOT_ATTEMPTED: BLUE}


@dataclass(frozen=True, repr=False)
class Feedback:
    """The outcome of checking one answer. ``key`` and ``params`` are resolved at display time,
    so the message follows the language the learner has chosen."""

    state: str
    key: str
    params: dict = field(default_factory=dict)
    exercise_id: str = ""

    @property
    def correct(self) -> bool:
        return self.state == CORRECT

    def label(self, lang: str | None = None) -> str:
        return t(f"feedback.{self.state}", lang)

    def message(self, lang: str | None = None) -> str:
        params = dict(self.params)
        if "kind" in params:  # a Python type name, said in everyday words
            params["kind"] = describe_kind(params["kind"], lang)
        for name, value in params.items():  # a sentence of its own, e.g. why a function stopped
            if isinstance(value, Phrase):
                params[name] = value.text(lang)
        if "case_kind" in params:  # what kind of extra case failed ("a boundary value"), never its input
            params["case_kind"] = t(f"check.case_kinds.{params['case_kind']}", lang)
        return t(self.key, lang, **params)

    def text(self, lang: str | None = None) -> str:
        """Plain text, for a terminal, a log or an nbgrader assertion."""
        return f"{_ICONS[self.state]} {self.label(lang)}: {self.message(lang)}"

    __str__ = __repr__ = text

    def _repr_html_(self) -> str:
        return render_html(self.state, self.label(), self.message(), self.exercise_id)


def render_html(state: str, label: str, message: str, exercise_id: str = "") -> str:
    attrs = {"lang": get_language()}
    if exercise_id:
        attrs["data-exercise"] = exercise_id
    box = MessageBox(
        f"{_ICONS[state]} {label}: {message}", icon=_ICONS[state], icon_size="1.2em", colour=_COLOURS[state],
        css=f"smeai-feedback smeai-{state}", attrs=attrs,
        body_html=f"<strong>{html.escape(label)}</strong> {escape_lines(message)}",
    )
    return box._repr_html_()
