"""Module 09, from idea to action plan: cost and benefit, choosing what to do first, data
readiness, build/buy/partner and public values."""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..plan import CostBenefit, advise, payback_months, readiness
from ..quiz import Question
from .answers import AnswerProblem, BlankUsed, is_blank
from .checks import Choice, Close, FunctionCases, Outcome, Property
from .core import Exercise

# q1: the bakery's forecasting tool, put into the cost-benefit widget
BAKERY = CostBenefit(hours_per_month=10, hourly_cost=40, error_cost_per_year=600, licence_per_year=1200, implementation_cost=2800)

q1 = Exercise(
    "m09.q1",
    Close(
        lambda: BAKERY.net_per_year,  # 4200
        tol=0.5,
        mistakes=[
            (BAKERY.gross_per_year, ".forgot_licence"),  # 5400
            (BAKERY.net_per_month, ".per_month"),  # 350
            (BAKERY.net_per_year - BAKERY.implementation_cost, ".minus_implementation"),  # 1400
            (BAKERY.hours_value_per_year - BAKERY.licence_per_year, ".forgot_errors"),  # 3600
            (BAKERY.hours_value_per_year, ".hours_only"),  # 4800
            (lambda x: abs(x - BAKERY.payback_months) < 0.5, ".payback_not_net"),  # 8
        ],
    ),
)


@dataclass
class _PaybackCases(FunctionCases):
    """The function cases, plus a pointed message when the learner divided the yearly amount by
    the wrong number: years, weeks or days instead of months."""

    def outcome(self, answer, *, hidden: bool = False) -> Outcome:
        result = super().outcome(answer, hidden=hidden)
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


# q2: complete the payback function: the yearly net benefit per month is / 12
q2 = Exercise(
    "m09.q2",
    _PaybackCases(
        cases=[((2800, 4200), payback_months(2800, 4200)), ((6000, 11400), payback_months(6000, 11400)), ((900, 3600), 3.0)],
        hidden_cases=[((1200, 1200), 12.0), ((5000, 60000), 1.0), ((0, 5000), 0.0), ((4500, 2000), 27.0)],
        describe=lambda args: f"({args[0]}, {args[1]})",
    ),
)

# q3: four ideas of an installer, sorted by payback period (shortest first)
IDEAS = {  # letter: (implementation € one-off, net benefit € per year)
    "A": (3000, 12000),  # quotes drafted with a language model: 3 months
    "B": (12000, 14000),  # stock forecast: about 10.3 months
    "C": (600, 4800),  # reading invoices automatically: 1.5 months
    "D": (2000, 3000),  # planning the engineers: 8 months
}


def best_order() -> list[str]:
    return sorted(IDEAS, key=lambda letter: payback_months(*IDEAS[letter]))


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


q3 = Exercise("m09.q3", Property(_sorted_by_payback, convert=_as_order))

# q4: is the physiotherapy practice's data ready? Everything but "allowed" is there.
PRACTICE_CHECKS = {"exists": True, "enough": True, "answer": True, "quality": True, "allowed": False, "owner": True}
_READINESS_WORDS = {
    "ready": ["klaar", "gereed", "ready", "klaar om te beginnen"],
    "almost": ["bijna klaar", "bijna", "almost", "almost ready", "nearly ready"],
    "not_ready": ["niet klaar", "nog niet klaar", "not ready", "not yet ready", "niet gereed"],
}
q4 = Exercise("m09.q4", Choice(correct=readiness(PRACTICE_CHECKS), options=_READINESS_WORDS))

# q5: the tomato grower's disease detection: no product for the variety, no one to build it
GROWER = {"common": False, "own_edge": True, "skills": False}
q5 = Exercise(
    "m09.q5",
    Choice(
        correct=advise(**GROWER),
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
