"""Module 06's data model and answer key: sorting customer e-mails with a bag of words, and a
tiny next-word model. Plain Python: no widgets, no plotting.

The e-mail sorter is trained on first use and the next-word models read their shipped text once
(``functools.cache``); every widget callback then only transforms one text and samples a few words.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression

from ...datasets.emails import CATEGORIES, make_emails
from ...exercises.answers import normalise_text
from ...i18n import get_language, t
from ...nextword import load as load_next_word_model

__all__ = [
    "CATEGORIES", "EMAILS_SEED", "N_TRAIN", "N_TEST", "EXAMPLE_EMAIL", "HUMAN_THRESHOLD_PCT",
    "KEYWORD_CATEGORY", "NEXT_WORD", "TEMPERATURE_RANGE", "LENGTH_RANGE", "TOKEN_PATTERN", "SYNONYMS",
    "emails", "train_emails", "test_emails", "email_text", "sorter", "words_of", "category_name",
    "parse_category", "Prediction", "predict", "word_points", "top_words", "test_results",
    "accuracy_pct", "confusion", "urgent_misrouted", "HumanCheck", "human_check", "KeywordStats",
    "keyword_stats", "word_counts", "next_word_model", "chance_pct", "next_word_chances",
]

EMAILS_SEED = 297
N_TRAIN, N_TEST = 400, 100
EXAMPLE_EMAIL = 74  # the test e-mail of q2 and q3: a Dutch urgent complaint that its one "factuur" puts in invoices
HUMAN_THRESHOLD_PCT = 80  # q4: below this certainty a person sorts the e-mail
KEYWORD_CATEGORY = "complaint"  # q1: one keyword to find complaints
# q5 and q6: the word whose next words the learner studies, and the two words compared
NEXT_WORD = {"nl": ("de monteur", "komt", "belt"), "en": ("the engineer", "comes", "calls")}
TEMPERATURE_RANGE = (0.1, 2.0)
LENGTH_RANGE = (5, 60)
TOKEN_PATTERN = r"(?u)\b[^\W\d_]{2,}\b"  # words of two letters or more; numbers are left out

SYNONYMS = {
    "question": ("vraag", "vragen", "question", "questions", "vraagje"),
    "complaint": ("klacht", "klachten", "complaint", "complaints"),
    "order": ("bestelling", "bestellingen", "bestellen", "order", "orders"),
    "invoice": ("factuur", "facturen", "invoice", "invoices", "rekening", "bill", "betaling", "payment"),
}



# -- the e-mails and the sorter -------------------------------------------------------------------

@cache
def emails():
    """The 500 e-mails Fatima sorted by hand: the first 400 teach the model, the last 100 test it."""
    return make_emails(n_samples=N_TRAIN + N_TEST, random_state=EMAILS_SEED)


def train_emails():
    return emails().iloc[:N_TRAIN]


def test_emails():
    """The 100 test e-mails, numbered from 1 as the learner sees them."""
    data = emails().iloc[N_TRAIN:].reset_index(drop=True)
    data.index = data.index + 1
    return data


def email_text(subject: str, body: str) -> str:
    """What the sorter reads: the subject, an empty line, and the body."""
    return f"{subject}\n\n{body}"


def _texts(data) -> list[str]:
    return [email_text(s, b) for s, b in zip(data.subject, data.body)]


@cache
def sorter():
    """The bag-of-words sorter: which words occur (CountVectorizer) and points per word for
    each category (logistic regression), trained once on the 400 training e-mails."""
    vectorizer = CountVectorizer(binary=True, strip_accents="unicode", lowercase=True, token_pattern=TOKEN_PATTERN)
    features = vectorizer.fit_transform(_texts(train_emails()))
    model = LogisticRegression(C=1.0, max_iter=2000).fit(features, train_emails().category)
    return vectorizer, model


@cache
def _analyzer():
    return sorter()[0].build_analyzer()


def words_of(text: str) -> list[str]:
    """The words the sorter sees in ``text``: lower case, no accents, no numbers."""
    return _analyzer()(str(text))


def category_name(category: str, lang: str | None = None) -> str:
    return t(f"m06.explore.category.{category}", lang)


def parse_category(text: str) -> str | None:
    """A category typed in Dutch or English ("klacht", "Invoice"), or None."""
    word = normalise_text(str(text))
    for category, words in SYNONYMS.items():
        if word in words:
            return category
    return None


@dataclass(frozen=True)
class Prediction:
    category: str
    certainty_pct: int  # the model's own chance for its choice, in whole percent
    chances: dict  # category -> chance in percent


def predict(text: str) -> Prediction:
    vectorizer, model = sorter()
    chances = model.predict_proba(vectorizer.transform([str(text)]))[0]
    by_category = {c: round(100 * float(p), 1) for c, p in zip(model.classes_, chances)}
    best = max(by_category, key=by_category.get)
    return Prediction(best, int(round(by_category[best])), by_category)


def word_points(text: str, category: str) -> list[tuple[str, float]]:
    """Every word of ``text`` the sorter knows, with the points it gives to ``category``
    (positive pushes towards it, negative away), most points first."""
    vectorizer, model = sorter()
    row = list(model.classes_).index(category)
    seen, points = set(), []
    for word in words_of(text):
        column = vectorizer.vocabulary_.get(word)
        if column is not None and word not in seen:
            seen.add(word)
            points.append((word, round(float(model.coef_[row, column]), 2)))
    return sorted(points, key=lambda pair: -pair[1])


def top_words(category: str, n: int = 10) -> list[tuple[str, float]]:
    """The ``n`` words that give the most points to ``category``."""
    vectorizer, model = sorter()
    row = model.coef_[list(model.classes_).index(category)]
    words = vectorizer.get_feature_names_out()
    order = row.argsort()[::-1][:n]
    return [(str(words[i]), round(float(row[i]), 2)) for i in order]


@cache
def test_results():
    """The test e-mails with the model's choice and certainty."""
    data = test_emails().copy()
    predictions = [predict(text) for text in _texts(data)]
    data["predicted"] = [p.category for p in predictions]
    data["certainty_pct"] = [p.certainty_pct for p in predictions]
    data["right"] = data.predicted == data.category
    return data


def accuracy_pct() -> float:
    return round(100 * float(test_results().right.mean()), 1)


def confusion():
    """Counts of test e-mails: rows the real category, columns the model's choice."""
    data = test_results()
    return pd.crosstab(data.category, data.predicted).reindex(index=CATEGORIES, columns=CATEGORIES, fill_value=0)


def urgent_misrouted() -> tuple[int, int]:
    """(urgent complaints among the test e-mails, how many of them the model sorted wrong)."""
    urgent = test_results()[test_results().urgent]
    return len(urgent), int((~urgent.right).sum())


@dataclass(frozen=True)
class HumanCheck:
    threshold_pct: float
    to_person: int  # e-mails below the threshold: a person sorts them
    automatic: int
    mistakes: int  # all mistakes of the model in the test e-mails
    caught: int  # mistakes among the e-mails a person sorts
    urgent_missed: int  # urgent complaints sorted wrong without a person looking


def human_check(threshold_pct: float) -> HumanCheck:
    """What happens when every e-mail the model is less than ``threshold_pct`` sure of goes to a person."""
    data = test_results()
    to_person = data.certainty_pct < threshold_pct
    wrong = ~data.right
    return HumanCheck(
        threshold_pct, int(to_person.sum()), int((~to_person).sum()), int(wrong.sum()),
        int((wrong & to_person).sum()), int((wrong & ~to_person & data.urgent).sum()),
    )


@cache
def _train_word_sets() -> tuple[frozenset, ...]:
    return tuple(frozenset(words_of(text)) for text in _texts(train_emails()))


@dataclass(frozen=True)
class KeywordStats:
    word: str
    hits: int  # e-mails of the category that contain the word
    total: int  # e-mails of the category
    other_hits: int  # other e-mails that contain the word
    other_total: int


def keyword_stats(word: str, category: str = KEYWORD_CATEGORY) -> KeywordStats:
    """How well the rule "``word`` in the e-mail means ``category``" works on the 400 training
    e-mails. Raises ValueError if ``word`` is not one word."""
    tokens = words_of(word)
    if len(tokens) != 1:
        raise ValueError(f"one word please, not {word!r}")
    token = tokens[0]
    contains = np.array([token in words for words in _train_word_sets()])
    mine = (train_emails().category == category).to_numpy()
    return KeywordStats(token, int((contains & mine).sum()), int(mine.sum()), int((contains & ~mine).sum()), int((~mine).sum()))


# -- the next-word model ------------------------------------------------------------------------

def next_word_model(lang: str | None = None):
    return load_next_word_model(lang or get_language())


def chance_pct(start: str, word: str, *, temperature: float = 1.0, context: int = 1, lang: str | None = None) -> float:
    """The chance, in percent, that the model writes ``word`` right after ``start``."""
    chances = dict(next_word_model(lang).probabilities(start, temperature=temperature, context=context))
    return round(100 * chances.get(word, 0.0), 1)


def next_word_chances(start, *, temperature: float, context: int) -> list[tuple[str, float, float]]:
    """The eight likeliest words after ``start`` (text, or the start words of a generation):
    (word, chance in % at ``temperature``, chance in % at temperature 1), so the effect of the
    temperature can be shown."""
    model = next_word_model()
    if isinstance(start, str):  # the start words as a generation reads them (unknown words left out)
        start = model.generate(start, n_words=0, temperature=temperature, context=context, random_state=0).start
    chances = model.probabilities(start, temperature=temperature, context=context)[:8]
    at_one = dict(model.probabilities(start, temperature=1.0, context=context))
    return [(w, 100 * p, 100 * at_one.get(w, 0.0)) for w, p in chances]


def word_counts(text: str) -> list[tuple[str, int]]:
    """Each word the sorter sees in ``text`` and how often, most frequent first."""
    return sorted(Counter(words_of(text)).items(), key=lambda pair: -pair[1])
