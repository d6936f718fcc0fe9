"""make_emails: shapes, the same seed gives the same e-mails, balanced labels, and a pattern a
bag-of-words classifier learns well but not perfectly."""

import doctest
import re

import numpy as np
import pandas as pd
import pytest

from smeai.datasets import emails as emails_module
from smeai.datasets.emails import CATEGORIES, make_emails

COLUMNS = ["sender", "subject", "body", "language", "category", "urgent"]


def test_shape_columns_and_kinds():
    data = make_emails(n_samples=120, random_state=0)
    assert data.shape == (120, 6) and list(data.columns) == COLUMNS
    assert set(data.category) == set(CATEGORIES) and set(data.language) <= {"nl", "en"}
    assert data.urgent.dtype == bool
    assert all(isinstance(v, str) and v.strip() for column in ("sender", "subject", "body") for v in data[column])
    assert make_emails(n_samples=1, random_state=0).shape == (1, 6)


def test_same_seed_same_emails_other_seed_other_emails():
    assert make_emails(n_samples=50, random_state=3).equals(make_emails(n_samples=50, random_state=3))
    assert not make_emails(n_samples=50, random_state=3).equals(make_emails(n_samples=50, random_state=4))
    rng_a, rng_b = np.random.default_rng(9), np.random.default_rng(9)
    assert make_emails(n_samples=20, random_state=rng_a).equals(make_emails(n_samples=20, random_state=rng_b))


@pytest.mark.parametrize("n", [4, 7, 101, 402])
def test_the_four_categories_differ_in_number_by_at_most_one(n):
    counts = make_emails(n_samples=n, random_state=n).category.value_counts()
    assert counts.max() - counts.min() <= 1 and counts.sum() == n


def test_languages_follow_english_share():
    assert set(make_emails(n_samples=60, english_share=0, random_state=1).language) == {"nl"}
    assert set(make_emails(n_samples=60, english_share=1, random_state=1).language) == {"en"}
    share = (make_emails(n_samples=2000, random_state=2).language == "en").mean()
    assert 0.26 <= share <= 0.34


def test_only_complaints_are_urgent_and_about_a_third_of_them():
    data = make_emails(n_samples=2000, random_state=5)
    assert not data.urgent[data.category != "complaint"].any()
    assert 0.28 <= data.urgent[data.category == "complaint"].mean() <= 0.42


def test_the_details_look_real_in_each_language():
    data = make_emails(n_samples=400, typo_rate=0, random_state=7)
    nl, en = data[data.language == "nl"].body.str.cat(), data[data.language == "en"].body.str.cat()
    assert re.search(r"€ \d{1,3}(\.\d{3})*,\d\d\b", nl) and not re.search(r"€\d", nl)  # € 1.249,50
    assert re.search(r"€\d{1,3}(,\d{3})*\.\d\d\b", en) and not re.search(r"€ \d", en)  # €1,249.50
    assert re.search(r"\bWB-\d{5}\b", nl + en) and re.search(r"\bF-2[45]\d{4}\b", nl + en)
    for body, sender in zip(data.body, data.sender):
        assert body.rstrip().endswith(sender)  # signed with the sender's name
    assert "Beste" in nl and "Dear" in en and "Met vriendelijke groet" in nl and "Kind regards" in en


def _template_words():
    words = set()

    def walk(value):
        if isinstance(value, str):
            words.update(re.findall(r"[^\W\d_]+", value.lower()))
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(key)
                walk(item)
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item)

    walk(emails_module._VOCAB)
    return words | {"wb", "f"}  # the letters of order numbers (WB-12345) and invoice numbers (F-250412)


def _words(data):
    return set(re.findall(r"[^\W\d_]+", " ".join(data.subject + " " + data.body).lower()))


def test_typos_are_the_only_words_outside_the_templates():
    known = _template_words()
    assert _words(make_emails(n_samples=300, typo_rate=0, random_state=8)) <= known
    unknown = _words(make_emails(n_samples=300, typo_rate=0.05, random_state=8)) - known
    assert len(unknown) >= 20


def test_mixed_signals_put_words_of_another_category_in_an_email():
    def share_with_foreign_sentence(mixed):
        data = make_emails(n_samples=600, mixed_signals=mixed, typo_rate=0, random_state=11)
        own = {c: [s.split("{")[0] for s in emails_module._NL["sentences"][c]] for c in CATEGORIES}
        hits = 0
        for body, category, lang in zip(data.body, data.category, data.language):
            if lang != "nl":
                continue
            foreign = [s for c in CATEGORIES if c != category for s in own[c] + emails_module._NL["asides"][c]]
            hits += any(piece.split("{")[0] in body for piece in foreign if len(piece.split("{")[0]) > 20)
        return hits / (data.language == "nl").sum()

    assert share_with_foreign_sentence(0.0) == 0
    assert share_with_foreign_sentence(0.6) > 0.4


def _accuracy(seed, **options):
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    data = make_emails(n_samples=500, random_state=seed, **options)
    texts = (data.subject + "\n\n" + data.body).tolist()
    vectorizer = CountVectorizer(binary=True, strip_accents="unicode", token_pattern=r"(?u)\b[^\W\d_]{2,}\b")
    model = LogisticRegression(max_iter=2000).fit(vectorizer.fit_transform(texts[:400]), data.category[:400])
    return float((model.predict(vectorizer.transform(texts[400:])) == data.category[400:]).mean())


def test_a_bag_of_words_classifier_learns_them_well_but_not_perfectly():
    scores = [_accuracy(seed) for seed in (0, 1, 2)]
    assert 0.85 <= np.mean(scores) <= 0.96, scores
    assert max(scores) < 1.0  # never perfect: some e-mails are honestly ambiguous
    noisy = np.mean([_accuracy(seed, mixed_signals=1.0) for seed in (0, 1, 2)])
    clean = np.mean([_accuracy(seed, mixed_signals=0.0) for seed in (0, 1, 2)])
    assert noisy < clean - 0.1  # mixed signals are what makes sorting hard


@pytest.mark.parametrize("options", [
    {"n_samples": 0}, {"n_samples": 2.5}, {"n_samples": True}, {"english_share": 1.5}, {"english_share": -0.1},
    {"mixed_signals": "veel"}, {"typo_rate": 0.5}, {"random_state": "seed"},
])
def test_bad_options_are_refused(options):
    with pytest.raises(ValueError):
        make_emails(**options)


def test_docstring_examples_run():
    assert doctest.testmod(emails_module).failed == 0
    assert isinstance(make_emails(n_samples=3, random_state=0), pd.DataFrame)
