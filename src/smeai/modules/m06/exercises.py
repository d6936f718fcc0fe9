"""Module 06's exercises and quiz: sorting customer e-mails, and a next-word model. The answers
come from :mod:`.model`; nothing here loads a widget or a figure."""

from __future__ import annotations

import math
import numbers

from ...exercises.answers import AnswerProblem, BlankUsed, as_text, is_blank
from ...exercises.checks import Close, FunctionCases, Outcome, Property
from ...exercises.core import Exercise
from ...i18n import get_language
from ...quiz import Question
from . import model

__all__ = ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "QUIZ", "as_numbers"]

# q1: a keyword rule must find at least this share of the complaints, and the e-mails it finds
# must be complaints at least this often
KEYWORD_MIN_SHARE_PCT = 10
KEYWORD_MIN_PRECISION_PCT = 80
# q6: the likeliest next word must get at least this chance
TEMPERATURE_TARGET_PCT = 90
# q7: which of the six texts must never go into a public chatbot, and why
PRIVACY_ITEMS = {1: None, 2: "personal", 3: None, 4: "secret", 5: "health", 6: "password"}
MUST_STAY_OUT = frozenset(n for n, why in PRIVACY_ITEMS.items() if why)
# the solutions' own choices; what they give is derived from the model (see the fields below)
SOLUTION_KEYWORD = "opgelost"
SOLUTION_TEMPERATURE = 0.2


# -- the numbers the hints and solutions state, from the model -------------------------------------

def _keyword_fields() -> dict:
    stats = model.keyword_stats(SOLUTION_KEYWORD)
    return {"hits": stats.hits, "total": stats.total}


def _next_word_fields() -> dict:
    counts, word = _counts()
    return {"count": str(counts[word]), "total": str(sum(counts.values())), "pct": _next_word_pct()}


def _temperature_fields() -> dict:
    start, likeliest, _ = model.NEXT_WORD[get_language()]
    return {"temperature": repr(SOLUTION_TEMPERATURE), "pct_at_one": model.chance_pct(start, likeliest),
            "pct_near": round(model.chance_pct(start, likeliest, temperature=SOLUTION_TEMPERATURE))}


# q1: one keyword that finds complaints -------------------------------------------------------------

def _keyword(word: str) -> Outcome:
    if not model.words_of(word):
        return Outcome(False, ".no_word", {"given": word})
    try:
        stats = model.keyword_stats(word)
    except ValueError:
        return Outcome(False, ".many_words", {"given": word})
    params = {"given": stats.word, "hits": stats.hits, "total": stats.total, "other": stats.other_hits,
              "pct": round(100 * stats.hits / stats.total, 1), "share": KEYWORD_MIN_SHARE_PCT}
    found = stats.hits + stats.other_hits
    if found == 0:
        return Outcome(False, ".not_found", params)
    precision = 100 * stats.hits / found
    params["precision"] = round(precision, 1)
    params["target"] = KEYWORD_MIN_PRECISION_PCT
    if precision < KEYWORD_MIN_PRECISION_PCT:
        return Outcome(False, ".not_specific", params)
    if 100 * stats.hits / stats.total < KEYWORD_MIN_SHARE_PCT:
        return Outcome(False, ".too_rare", params)
    params["missed"] = stats.total - stats.hits
    return Outcome(True, ".good", params)


q1 = Exercise("m06.q1", Property(_keyword, convert=as_text), fields=_keyword_fields)


# q2: read off the sorter where the model puts the example e-mail -------------------------------------

def _example():
    return model.test_results().loc[model.EXAMPLE_EMAIL]


def _which_pile(text: str) -> Outcome:
    category = model.parse_category(text)
    row = _example()
    params = {"given": text, "number": model.EXAMPLE_EMAIL}
    if category is None:
        return Outcome(False, ".unknown_category", params)
    params["chosen"] = model.category_name(row.predicted)
    if category == row.predicted:
        return Outcome(True, ".right", params)
    if category == row.category:
        return Outcome(False, ".real_category", params)
    return Outcome(False, ".other_category", params)


def _example_fields() -> dict:
    return {"number": model.EXAMPLE_EMAIL}


q2 = Exercise("m06.q2", Property(_which_pile, convert=as_text), fields=_example_fields)


# q3: which word pushed the example e-mail into the wrong pile -----------------------------------------

def _which_word(word: str) -> Outcome:
    row = _example()
    text = model.email_text(row.subject, row.body)
    tokens = model.words_of(word)
    params = {"given": word, "number": model.EXAMPLE_EMAIL, "chosen": model.category_name(row.predicted)}
    if not tokens:
        return Outcome(False, ".no_word", params)
    if len(tokens) != 1:
        return Outcome(False, ".many_words", params)
    points = dict(model.word_points(text, row.predicted))
    token = tokens[0]
    if token not in model.words_of(text):
        return Outcome(False, ".not_in_email", params)
    if token not in points:
        return Outcome(False, ".unknown_word", params)
    params["points"] = points[token]
    best = max(points.values())
    if points[token] == best:
        return Outcome(True, ".right", params)
    if points[token] <= 0:
        return Outcome(False, ".pushes_away", params)
    return Outcome(False, ".not_strongest", params)


q3 = Exercise("m06.q3", Property(_which_word, convert=as_text), fields=_example_fields)


# q4: below 80 % certainty (HUMAN_THRESHOLD_PCT), a person sorts the e-mail ------------------------------

# (the trainer's extra cases, around the edge of 80, live in the assignment's hidden test cell)
q4 = Exercise(
    "m06.q4",
    FunctionCases(cases=[((95,), False), ((50,), True), ((85,), False), ((70,), True)], describe=lambda args: f"{args[0]} %"),
    fields=lambda: {"threshold": model.HUMAN_THRESHOLD_PCT},
)


# q5: the chance of a next word, from the counts -------------------------------------------------------

def _counts():
    start, _, other = model.NEXT_WORD[get_language()]
    counts = dict(model.next_word_model().counts_after(start))
    return counts, other


def _next_word_pct() -> float:
    counts, word = _counts()
    return round(100 * counts[word] / sum(counts.values()), 1)


q5 = Exercise(
    "m06.q5",
    Close(
        _next_word_pct,
        tol=0.5,
        correct_key=".right",
        mistakes=[
            (lambda x: abs(x * 100 - _next_word_pct()) < 0.5, ".fraction"),
            (lambda x: x == _counts()[0][_counts()[1]], ".count"),
            (lambda x: abs(x - 100 * max(_counts()[0].values()) / sum(_counts()[0].values())) < 0.5, ".likeliest"),
        ],
    ),
    fields=_next_word_fields,
)


# q6: a temperature at which the likeliest word nearly always wins --------------------------------------

def _temperature(value: float) -> Outcome:
    low, high = model.TEMPERATURE_RANGE
    params = {"given": value, "low": low, "high": high, "target": TEMPERATURE_TARGET_PCT}
    if value <= 0:
        return Outcome(False, ".not_positive", params)
    if value > high:
        return Outcome(False, ".out_of_range", params)
    lang = get_language()
    start, likeliest, _ = model.NEXT_WORD[lang]
    params["word"] = likeliest
    params["pct"] = model.chance_pct(start, likeliest, temperature=value, lang=lang)
    if params["pct"] >= TEMPERATURE_TARGET_PCT:
        return Outcome(True, ".right", params)
    if value >= 1:
        return Outcome(False, ".too_warm", params)
    return Outcome(False, ".almost", params)


q6 = Exercise("m06.q6", Property(_temperature), fields=_temperature_fields)


# q7: which texts never go into a public chatbot ------------------------------------------------------

def as_numbers(value) -> set[int]:
    """A few item numbers, as a list, tuple or set of whole numbers (or one number alone)."""
    if value is None:
        raise AnswerProblem(".none")
    if isinstance(value, bool):
        raise AnswerProblem(".not_a_list", kind="bool")
    if isinstance(value, str):
        digits = value.replace(",", " ").replace("[", " ").replace("]", " ").split()
        if digits and all(d.isdigit() for d in digits):
            raise AnswerProblem(".numbers_as_text", given=value.strip(), fixed="[" + ", ".join(digits) + "]")
        raise AnswerProblem(".text_not_list", given=value.strip()[:40])
    if isinstance(value, numbers.Real) and not (hasattr(value, "ndim") and value.ndim):
        items = [value]
    elif isinstance(value, (list, tuple, set, frozenset)) or (hasattr(value, "tolist") and getattr(value, "ndim", 0) == 1):
        items = list(value.tolist() if hasattr(value, "tolist") else value)
    else:
        raise AnswerProblem(".not_a_list", kind=type(value).__name__)
    numbers_given = set()
    for item in items:
        if is_blank(item):
            raise BlankUsed("___")
        if isinstance(item, str) and item.strip().isdigit():
            raise AnswerProblem(".numbers_as_text", given=repr(item), fixed=item.strip())
        if isinstance(item, bool) or not isinstance(item, numbers.Real) or not math.isfinite(item) or float(item) != int(item):
            raise AnswerProblem(".not_whole", given=repr(item)[:40])
        numbers_given.add(int(item))
    return numbers_given


def _privacy(chosen: set[int]) -> Outcome:
    params = {"given": ", ".join(map(str, sorted(chosen))) or "-", "count": len(PRIVACY_ITEMS)}
    if not chosen:
        return Outcome(False, ".empty", params)
    outside = sorted(n for n in chosen if n not in PRIVACY_ITEMS)
    if outside:
        params["number"] = outside[0]
        return Outcome(False, ".out_of_range", params)
    for number in sorted(MUST_STAY_OUT - chosen):
        params["number"] = number
        return Outcome(False, ".missed_" + PRIVACY_ITEMS[number], params)
    extra = sorted(chosen - MUST_STAY_OUT)
    if extra:
        params["number"] = extra[0]
        return Outcome(False, ".too_strict", params)
    return Outcome(True, ".right", params)


q7 = Exercise("m06.q7", Property(_privacy, convert=as_numbers))


QUIZ = (
    Question("m06.quiz1", correct=1),  # a bag of words: which words, not their order or meaning
    Question("m06.quiz2", correct=2),  # a fluent reply with a price: check it, it may be made up
    Question("m06.quiz3", correct=0),  # a higher temperature: more surprising words, more nonsense
    Question("m06.quiz4", correct=1),  # what may go into a public chatbot
    Question("m06.quiz5", correct=2),  # an urgent complaint in the wrong pile: what helps
    Question("m06.quiz6", correct=0),  # who is responsible for a generated reply that is sent
)
