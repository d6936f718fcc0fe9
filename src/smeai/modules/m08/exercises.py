"""Module 08, responsible AI: a screening model for technician jobs that learned from unfair
past decisions; measuring the bias, the four-fifths rule, explanation, the GDPR and the EU AI Act."""

from __future__ import annotations

from ...exercises.answers import AnswerProblem, BlankUsed, as_text, is_blank, normalise_text
from ...exercises.checks import Choice, Close, FunctionCases, Outcome, Property
from ...exercises.core import Exercise
from ...quiz import Question
from .model import DEFAULT_THRESHOLD, TARGET_ACCURACY, THRESHOLD_RANGE, best_threshold, fairness, numbers
from .model import metric as _metric

__all__ = ["LEVELS", "QUIZ", "USES", "as_sorting", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8"]


def _near(value: float, target: float, tol: float = 0.5) -> bool:
    return abs(value - target) <= tol


# q1: read off the explorer which share of group B the model with postcode invites
q1 = Exercise(
    "m08.q1",
    Close(
        lambda: _metric("with_postcode", "B", "selected_pct"),
        tol=0.5,
        mistakes=[
            (lambda x: _near(x, _metric("with_postcode", "A", "selected_pct")), ".group_a"),
            (lambda x: _near(x * 100, _metric("with_postcode", "B", "selected_pct")), ".fraction"),
            (lambda x: _near(x, _metric("with_postcode", "B", "selected")), ".count"),
            (lambda x: _near(x, _metric("without_postcode", "B", "selected_pct")), ".without_postcode"),
        ],
    ),
    fields=numbers,
)


def _ratio_parts() -> tuple[float, float]:
    return _metric("with_postcode", "B", "selected_pct"), _metric("with_postcode", "A", "selected_pct")


def _ratio_outcome(value: float) -> Outcome:
    b, a = _ratio_parts()
    ratio = b / a
    if abs(value - ratio) <= 0.01 or abs(value - 100 * ratio) <= 1:
        return Outcome(True, ".good", {"given": value, "ratio": round(ratio, 2)})
    if abs(value - a / b) <= 0.02:
        return Outcome(False, ".inverted", {"given": value})
    if abs(abs(value) - (a - b)) <= 0.5:
        return Outcome(False, ".difference", {"given": value})
    if abs(value - fairness("without_postcode", DEFAULT_THRESHOLD)["ratio"]) <= 0.01:
        return Outcome(False, ".without_postcode", {"given": value})
    return Outcome(False, "check.number_too_high" if value > ratio else "check.number_too_low", {"given": value})


# q2: the ratio of the selection rates, group B divided by group A (a share of 1, or in %)
q2 = Exercise(
    "m08.q2",
    Property(_ratio_outcome),
    fields=numbers,
)

# q3: finish the four-fifths rule of thumb: the lowest rate at least 0.8 of the highest (a
# trainer's extra cases come from the assignment's hidden test cell, never from the package)
q3 = Exercise(
    "m08.q3",
    FunctionCases(
        cases=[((40, 36), True), ((40, 20), False), ((50, 41), True), ((40, 30), False)],
        describe=lambda args: f"A {args[0]} %, B {args[1]} %",
    ),
)

# q4: read off the explorer which share of the suitable applicants in group B the model misses
q4 = Exercise(
    "m08.q4",
    Close(
        lambda: _metric("with_postcode", "B", "missed_pct"),
        tol=0.5,
        mistakes=[
            (lambda x: _near(x, _metric("with_postcode", "A", "missed_pct")), ".group_a"),
            (lambda x: _near(x * 100, _metric("with_postcode", "B", "missed_pct")), ".fraction"),
            (lambda x: _near(x, _metric("with_postcode", "B", "selected_pct")), ".selected"),
            (lambda x: _near(x, _metric("with_postcode", "B", "accuracy_pct")), ".accuracy"),
            (lambda x: _near(x, _metric("with_postcode", "B", "wrongly_invited_pct")), ".wrongly_invited"),
            (lambda x: _near(x, _metric("without_postcode", "B", "missed_pct")), ".without_postcode"),
        ],
    ),
    fields=numbers,
)


def _good_threshold(value: float) -> Outcome:
    low, high = THRESHOLD_RANGE
    if 0 < value < 1:
        return Outcome(False, ".fraction", {"given": value, "pct": round(value * 100)})
    if not low <= value <= high:
        return Outcome(False, ".out_of_range", {"given": value, "low": low, "high": high})
    found = fairness("without_postcode", value)
    params = {"given": value, "ratio": found["ratio"], "accuracy": found["accuracy_pct"], "target": TARGET_ACCURACY}
    if not found["passes"]:
        return Outcome(False, ".unfair", params)
    if found["accuracy_pct"] >= TARGET_ACCURACY:
        return Outcome(True, ".good", params)
    # below the best threshold too many unsuitable applicants are invited; above it, too many
    # suitable ones are missed
    return Outcome(False, ".too_low" if value < best_threshold() else ".too_high", params)


# q5: without the postcode area, choose a threshold that passes the four-fifths rule of thumb
# and judges at least 78 % of each group right
q5 = Exercise("m08.q5", Property(_good_threshold), fields=numbers)

# q6: read off the importance explorer which input counts for less than the postcode area
q6 = Exercise(
    "m08.q6",
    Choice(
        correct="diploma",
        options={
            "diploma": ["diploma", "diploma niveau", "mbo niveau", "mbo", "niveau", "opleiding", "opleidingsniveau", "diploma level", "education", "level"],
            "experience": ["ervaring", "werkervaring", "jaren ervaring", "experience", "experience years", "work experience", "years of experience"],
            "test": ["toets", "vakkennistoets", "toetsscore", "score", "test", "test score", "knowledge test"],
            "postcode": ["postcode", "postcodegebied", "postcode area", "area", "gebied"],
        },
    ),
)

# q7: data minimisation: which field of the application form does the company not need
q7 = Exercise(
    "m08.q7",
    Choice(
        correct="birth_country",
        options={
            "birth_country": ["geboorteland", "land van geboorte", "afkomst", "country of birth", "birth country", "birthplace", "nationaliteit", "nationality"],
            "licence": ["rijbewijs", "rijbewijs b", "driving licence", "driving license", "driver's licence", "drivers licence"],
            "vca": ["vca", "vca certificaat", "veiligheidscertificaat", "vca certificate", "safety certificate"],
            "experience": ["ervaring", "werkervaring", "experience", "work experience"],
        },
    ),
)

# q8: sort five SME uses of AI into the risk levels of the EU AI Act
LEVELS = {
    "unacceptable": ("onaanvaardbaar", "onaanvaardbaar risico", "verboden", "unacceptable", "unacceptable risk", "prohibited", "forbidden"),
    "high": ("hoog", "hoog risico", "high", "high risk"),
    "limited": ("beperkt", "beperkt risico", "transparantie", "transparantierisico", "limited", "limited risk", "transparency", "transparency risk"),
    "minimal": ("minimaal", "minimaal risico", "laag", "geen", "minimal", "minimal risk", "low", "none"),
}
USES = {  # the use, the words for it in either language, its level
    "cv_screening": (("cv-screening", "cv screening", "cv's screenen", "screening van cv's", "cv screenen"), "high"),
    "chatbot": (("chatbot op de website", "chatbot", "website chatbot", "chatbot on the website"), "limited"),
    "spam_filter": (("spamfilter", "spam filter", "spamfilter voor e-mail", "spam filter for e-mail"), "minimal"),
    "social_scoring": (("sociale score voor burgers", "sociale score", "social scoring", "social scoring of citizens", "social score"), "unacceptable"),
    "emotion_recognition": (("emotieherkenning bij personeel", "emotieherkenning", "emotion recognition of staff", "emotion recognition"), "unacceptable"),
}


def _words(table: dict) -> dict[str, str]:
    return {normalise_text(word): name for name, words in table.items() for word in (name, *words)}


def as_sorting(value) -> dict[str, str]:
    """The learner's sorting ``{use: level}`` as ``{use name: level name}``, or a kind message."""
    if not isinstance(value, dict):
        raise AnswerProblem(".not_a_dict", kind=type(value).__name__)
    uses, levels = _words({k: v[0] for k, v in USES.items()}), _words(LEVELS)
    sorting: dict[str, str] = {}
    blanks = []
    for key, level in value.items():
        use = uses.get(normalise_text(key)) if isinstance(key, str) else None
        if use is None:
            raise AnswerProblem(".unknown_use", given=str(key))
        if is_blank(level):
            blanks.append(key)
            continue
        if not isinstance(level, str):
            raise AnswerProblem(".level_not_text", use=key, kind=type(level).__name__)
        text = as_text(level)
        if text not in levels:
            raise AnswerProblem(".unknown_level", use=key, given=level)
        sorting[use] = levels[text]
    if blanks and not sorting:
        raise BlankUsed("___")
    if blanks:
        raise AnswerProblem(".still_blank", use=blanks[0])
    missing = [name for name in USES if name not in sorting]
    if missing:
        raise AnswerProblem(".missing_use", count=len(missing), total=len(USES))
    return sorting


def _sorted_right(sorting: dict[str, str]) -> Outcome:
    wrong = [name for name, (_, level) in USES.items() if sorting[name] != level]
    right = len(USES) - len(wrong)
    if not wrong:
        return Outcome(True, ".good", {"right": right, "total": len(USES)})
    return Outcome(False, ".wrong." + wrong[0], {"right": right, "total": len(USES)})


q8 = Exercise("m08.q8", Property(_sorted_right, convert=as_sorting))

QUIZ = (
    Question("m08.quiz1", correct=2),  # leave out the group column: fair?  no, proxies
    Question("m08.quiz2", correct=1),  # the model agrees better with the old decisions
    Question("m08.quiz3", correct=0),  # four-fifths passed: a rule of thumb, keep looking
    Question("m08.quiz4", correct=1),  # GDPR art. 22: solely automated rejection
    Question("m08.quiz5", correct=2),  # clicking "OK" 200 times a day is not oversight
    Question("m08.quiz6", correct=1),  # bought from a supplier: the deployer has duties too
)
