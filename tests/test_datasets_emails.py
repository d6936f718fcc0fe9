"""make_emails: shapes, the same seed gives the same e-mails, balanced labels, and a pattern a
bag-of-words classifier learns well but not perfectly."""

import doctest
import re

import numpy as np
import pandas as pd
import pytest

from smeai.datasets import emails as emails_module
from smeai.datasets.emails import CATEGORIES, LANGUAGES, make_emails

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


# -- every e-mail is one message from one template of its own intent ---------------------------------

_SLOT = {
    "order": r"WB-\d{5}", "invoice": r"F-\d{6}", "amount": r"€ ?[\d.,]+", "price": r"€ ?[\d.,]+", "fee": r"€ ?[\d.,]+",
    "qty": r"\d+", "days": r"\d+", "sku": r"\d{6}", "phone": r"\d{8}", "customer": r"\d{4}", "date": r"\d{1,2} \w+",
}
_WORDS = r"[\w' -]+?"  # a product, place, weekday or name: words, never a sentence mark


def _sentence(text: str) -> str:
    """A template sentence as a regular expression: its words literally, each slot a value of that slot."""
    pieces = re.split(r"\{(\w+)\}", text)
    return "".join(re.escape(piece) if i % 2 == 0 else f"(?:{_SLOT.get(piece, _WORDS)})" for i, piece in enumerate(pieces))


def _message(parts) -> str:
    """The sentences of a template in order; alternatives as alternatives, optional parts optional."""
    pattern = ""
    for part in parts:
        options = [part] if isinstance(part, str) else [p for p in part if p is not None]
        alternatives = "|".join(_sentence(option) for option in options)
        optional = not isinstance(part, str) and None in part
        pattern += f"(?:{' ' if pattern else ''}(?:{alternatives})){'?' if optional else ''}"
    return pattern


def _templates(lang):
    """(template, kinds it may be sorted under, urgent or not) for every template of a language."""
    vocab = emails_module._VOCAB[lang]
    found = [(t, {c}, False) for c in CATEGORIES for t in vocab["templates"][c]]
    found += [(t, set(pair), False) for pair, group in vocab["shared"].items() for t in group]
    return found + [(t, {"complaint"}, True) for t in vocab["urgent"]]


def _second_matter_starts(lang, category):
    """Regular expressions for what may follow the message: a remark or a message of another kind."""
    vocab = emails_module._VOCAB[lang]
    others = [c for c in CATEGORIES if c != category]
    asides = "|".join(_sentence(a) for c in others for a in vocab["asides"][c])
    connectors = "|".join(re.escape(c) for c in vocab["connectors"])
    return asides, connectors, [parts for c in others for _, parts in vocab["templates"][c]]


def _parse(row):
    """Which template made this e-mail, and what came after the message. Fails if not exactly one."""
    vocab = emails_module._VOCAB[row.language]
    blocks = row.body.split("\n\n")
    assert len(blocks) == 3, row.body  # one greeting, one message, one closing with the name: one e-mail
    assert blocks[0] in vocab["greetings"] and blocks[2] in [f"{c}\n{row.sender}" for c in vocab["closings"]], row.body
    text = blocks[1]
    neutral = "|".join(_sentence(n) for n in vocab["neutral"])
    matches = []
    for template, kinds, urgent in _templates(row.language):
        subjects, parts = template
        found = re.match(_message(parts), text)
        if not found:
            continue
        rest = text[found.end():]
        rest = re.sub(f" (?:{neutral})$", "", rest)
        matches.append((template, kinds, urgent, rest.strip()))
    # the longest match is the template; a shorter one would leave half a sentence behind
    complete = [m for m in matches if not m[3] or _is_second_matter(m[3], row.language, row.category)]
    assert len(complete) == 1, (row.body, [m[0][0] for m in complete])
    return complete[0]


def _is_second_matter(rest, lang, category):
    asides, connectors, others = _second_matter_starts(lang, category)
    if re.fullmatch(asides, rest):
        return True
    found = re.match(f"(?:{connectors}) (.+)$", rest)
    if not found:
        return False
    matter = found.group(1)
    matter = matter[0].upper() + matter[1:]
    return any(re.match(_message(parts[:1]), matter) for parts in others)


def _subject_pattern(subject: str) -> str:
    return _sentence(subject[0].upper() + subject[1:]) if not subject.startswith("{") else "(?i:" + _sentence(subject) + ")"


@pytest.mark.parametrize("seed", [0, 1])
def test_every_email_is_one_template_of_its_own_intent_with_a_subject_of_that_template(seed):
    data = make_emails(n_samples=300, typo_rate=0, random_state=seed)
    generic = {lang: [_subject_pattern(s) for s in emails_module._VOCAB[lang]["generic_subjects"]] for lang in LANGUAGES}
    for row in data.itertuples():
        template, kinds, urgent, rest = _parse(row)
        assert row.category in kinds and row.urgent == urgent, row.body
        subjects = [_subject_pattern(s) for s in template[0]] + generic[row.language]
        assert any(re.fullmatch(s, row.subject) for s in subjects), (row.subject, row.body)


def test_a_template_repeats_its_slots_with_the_same_value():
    data = make_emails(n_samples=600, typo_rate=0, random_state=4)
    for row in data.itertuples():
        for number in re.findall(r"\b(?:WB-\d{5}|F-\d{6})\b", row.subject):
            assert number in row.body, (row.subject, row.body)  # the order or invoice the subject names
    # a product in the subject is the product the message is about
    vocab = emails_module._VOCAB["nl"]
    names = sorted(set(vocab["products"] + vocab["heaters"] + vocab["shop"]), key=len, reverse=True)
    for row in data[data.language == "nl"].itertuples():
        named = [n for n in names if re.search(rf"\b{re.escape(n)}\b", row.subject.lower())]
        if named:
            assert named[0] in row.body.split("\n\n")[1], (row.subject, row.body)


def test_the_checks_refuse_stitched_emails_and_foreign_subjects():
    """The checks above can fail: two messages glued into one body, or the subject of another message."""
    data = make_emails(n_samples=12, english_share=0, mixed_signals=0, typo_rate=0, random_state=2)
    row = data.iloc[0]
    other = data[data.category != row.category].iloc[0]
    greeting, text, closing = row.body.split("\n\n")
    glued = row.copy()
    glued["body"] = f"{greeting}\n\n{text} {other.body.split(chr(10) * 2)[1]}\n\n{closing}"
    with pytest.raises(AssertionError):
        _parse(glued)
    twice = row.copy()
    twice["body"] = f"{row.body}\n\n{other.body}"  # two e-mails in one
    with pytest.raises(AssertionError):
        _parse(twice)
    template, _, _, _ = _parse(row)
    assert any(re.fullmatch(_subject_pattern(s), row.subject) for s in template[0] + ["(geen onderwerp)"])
    if not re.fullmatch("Re: uw e-mail|Contactformulier website|Bericht van .+|\\(geen onderwerp\\)", other.subject):
        assert not any(re.fullmatch(_subject_pattern(s), other.subject) for s in template[0])


def test_a_mixed_signal_is_a_second_matter_of_another_kind_at_the_end_of_one_email():
    clean = make_emails(n_samples=300, mixed_signals=0.0, typo_rate=0, random_state=11)
    assert all(_parse(row)[3] == "" for row in clean.itertuples())
    mixed = make_emails(n_samples=300, mixed_signals=1.0, typo_rate=0, random_state=11)
    rests = [(_parse(row)[3], row.urgent) for row in mixed.itertuples()]
    # every e-mail that is not urgent mentions a second matter; someone in the cold writes about nothing else
    assert all(rest for rest, urgent in rests if not urgent)
    assert not any(rest for rest, urgent in rests if urgent)
    some = make_emails(n_samples=600, typo_rate=0, random_state=12)
    share = np.mean([bool(_parse(row)[3]) for row in some.itertuples()])
    assert 0.12 <= share <= 0.25  # the default: a fifth, less the urgent complaints


def test_the_dutch_and_english_templates_are_the_same_messages():
    nl, en = emails_module._NL, emails_module._EN
    for key in ("urgent", "connectors", "neutral", "generic_subjects"):
        assert len(nl[key]) == len(en[key]), key
    for category in CATEGORIES:
        assert len(nl["templates"][category]) == len(en["templates"][category])
        assert len(nl["asides"][category]) == len(en["asides"][category])
    assert {k: len(v) for k, v in nl["shared"].items()} == {k: len(v) for k, v in en["shared"].items()}
    for a, b in zip(_templates("nl"), _templates("en")):
        (subjects_nl, parts_nl), (subjects_en, parts_en) = a[0], b[0]
        assert len(subjects_nl) == len(subjects_en) and len(parts_nl) == len(parts_en)
        slots = lambda texts: sorted(set(re.findall(r"\{(\w+)\}", str(texts))))  # noqa: E731
        assert slots(a[0]) == slots(b[0]), (subjects_nl, subjects_en)


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
