"""Module 09, from idea to action plan: cost and benefit, choosing what to do first, data
readiness, build/buy/partner and public values."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

from ...exercises.answers import AnswerProblem, BlankUsed, is_blank
from ...exercises.checks import Case, Choice, Close, FunctionCases, Outcome, Property
from ...exercises.core import Exercise
from ...plan import payback_months
from ...quiz import Question
from .model import BAKERY, IDEAS, best_order, grower_advice, numbers, practice_verdict

__all__ = ["QUIZ", "q1", "q2", "q3", "q4", "q5", "q6"]

# q1: the bakery's forecasting tool (model.BAKERY), put into the cost-benefit widget

q1 = Exercise(
    "m09.q1",
    Close(
        lambda: BAKERY.net_per_year,
        tol=0.5,
        mistakes=[
            (BAKERY.gross_per_year, ".forgot_licence"),
            (BAKERY.net_per_month, ".per_month"),
            (BAKERY.net_per_year - BAKERY.implementation_cost, ".minus_implementation"),
            (BAKERY.hours_value_per_year - BAKERY.licence_per_year, ".forgot_errors"),
            (BAKERY.hours_value_per_year, ".hours_only"),
            (lambda x: abs(x - BAKERY.payback_months) < 0.5, ".payback_not_net"),
        ],
    ),
    fields=numbers,
)


@dataclass
class _PaybackCases(FunctionCases):
    """The function cases, plus a pointed message when the learner divided the yearly amount by
    the wrong number: years, weeks or days instead of months."""

    def outcome(self, answer, *, cases: Sequence[Case] = ()) -> Outcome:
        result = super().outcome(answer, cases=cases)
        if result.key != ".case_failed":
            return result
        try:
            ratio = float(result.params["got"]) / float(result.params["expected"])
        except Exception:  # None, text, or an expected 0: no pattern to point at
            return result
        for factor, key in ((1 / 12, ".years"), (52 / 12, ".weeks"), (365 / 12, ".days")):
            if math.isclose(ratio, factor, rel_tol=1e-3):
                return Outcome(False, key, result.params)
        return result


# q2: complete the payback function: the yearly net benefit per month is / 12 (a trainer's extra
# cases come from the assignment's hidden test cell, never from the package)
q2 = Exercise(
    "m09.q2",
    _PaybackCases(
        cases=[((2800, 4200), payback_months(2800, 4200)), ((6000, 11400), payback_months(6000, 11400)), ((900, 3600), payback_months(900, 3600))],
        describe=lambda args: f"({args[0]}, {args[1]})",
    ),
)


def _as_order(value) -> list[str]:
    """The learner's order as a list of capital letters, or a kind message about the mistake."""
    if isinstance(value, str):
        raise AnswerProblem(".text_not_list", given=value.strip()[:40])
    if not isinstance(value, (list, tuple)):
        raise AnswerProblem(".not_a_list", kind=type(value).__name__)
    if any(is_blank(item) for item in value):
        raise BlankUsed("___")
    letters = []
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise AnswerProblem(".not_letters", given=repr(item)[:20])
        letters.append(item.strip().upper())
    for letter in letters:
        if letter not in IDEAS:
            raise AnswerProblem(".unknown_letter", given=letter)
    if len(letters) != len(IDEAS):
        raise AnswerProblem(".wrong_count", count=len(letters), expected=len(IDEAS))
    doubles = sorted({letter for letter in letters if letters.count(letter) > 1})
    if doubles:
        raise AnswerProblem(".duplicate", given=", ".join(doubles))
    return letters


def _sorted_by_payback(letters: list[str]) -> Outcome:
    best = best_order()
    if letters == best:
        return Outcome(True, ".good", {"order": ", ".join(best)})
    by_benefit = sorted(IDEAS, key=lambda letter: -IDEAS[letter][1])
    by_cost = sorted(IDEAS, key=lambda letter: IDEAS[letter][0])
    if letters == by_benefit:
        return Outcome(False, ".by_benefit", {})
    if letters == by_cost:
        return Outcome(False, ".by_cost", {})
    if letters == best[::-1]:
        return Outcome(False, ".reversed", {})
    position = next(i for i, (a, b) in enumerate(zip(letters, best)) if a != b)
    return Outcome(False, ".wrong_order", {"position": position + 1, "given": letters[position], "better": best[position]})


q3 = Exercise("m09.q3", Property(_sorted_by_payback, convert=_as_order), fields=numbers)

# q4: is the physiotherapy practice's data ready? (model.PRACTICE_CHECKS)
_READINESS_WORDS = {
    "ready": ["klaar", "gereed", "ready", "klaar om te beginnen"],
    "almost": ["bijna klaar", "bijna", "almost", "almost ready", "nearly ready"],
    "not_ready": ["niet klaar", "nog niet klaar", "not ready", "not yet ready", "niet gereed"],
}
q4 = Exercise("m09.q4", Choice(correct=practice_verdict(), options=_READINESS_WORDS))

# q5: the tomato grower's disease detection: no product for the variety, no one to build it
# (model.GROWER)
q5 = Exercise(
    "m09.q5",
    Choice(
        correct=grower_advice(),
        options={
            "buy": ["kopen", "kant-en-klaar kopen", "buy", "purchase"],
            "build": ["zelf maken", "maken", "bouwen", "zelf bouwen", "build", "make", "build it"],
            "partner": ["samenwerken", "samenwerking", "partner", "partners", "partnering", "partner up", "cooperate"],
        },
    ),
)

# q6: a chatbot that does not say it is a computer
q6 = Exercise(
    "m09.q6",
    Choice(
        correct="transparency",
        options={
            "privacy": ["privacy", "persoonsgegevens", "personal data"],
            "non_discrimination": ["gelijke behandeling", "non-discriminatie", "geen discriminatie", "discriminatie", "non-discrimination", "equal treatment", "discrimination"],
            "transparency": ["transparantie", "openheid", "transparant", "transparency", "openness", "transparent"],
            "human_oversight": ["menselijk toezicht", "toezicht", "human oversight", "oversight"],
            "sustainability": ["duurzaamheid", "duurzaam", "sustainability", "sustainable"],
        },
    ),
)

QUIZ = (
    Question("m09.quiz1", correct=1),  # where to look for opportunities: your own processes
    Question("m09.quiz2", correct=2),  # a payback of 40 months: start smaller, or another idea first
    Question("m09.quiz3", correct=1),  # AI Act article 4: sufficient AI literacy of staff
    Question("m09.quiz4", correct=0),  # the record: a record of training, not a certificate
    Question("m09.quiz5", correct=1),  # the first step when data is on paper
)
