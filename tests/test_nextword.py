"""The next-word model: counting, chances with a temperature, sampling with a seed, and the two
shipped practice texts that module 06's exercises rely on."""

import doctest
import math

import pytest

from smeai import nextword
from smeai.nextword import NextWordModel, load, tokenize, training_text

SMALL = "The engineer comes today. The engineer comes on Friday. The engineer calls first. A filter costs 12 euros."


def test_tokenize_keeps_words_numbers_and_punctuation_in_lower_case():
    assert tokenize("De cv-ketel kost 95 euro, toch?") == ["de", "cv-ketel", "kost", "95", "euro", ",", "toch", "?"]
    assert tokenize("The company's call-out: €45.") == ["the", "company's", "call-out", ":", "45", "."]
    assert tokenize("") == []


def test_counts_after_one_and_two_words():
    model = NextWordModel(SMALL)
    assert model.counts_after("the engineer") == [("comes", 2), ("calls", 1)]
    assert model.counts_after("engineer comes", context=2) == [("today", 1), ("on", 1)]
    assert model.counts_after("nothing here") == []
    assert model.counts_after("") == [("the", 3), ("a", 1)]  # how sentences start


def test_chances_follow_the_counts_and_the_temperature():
    model = NextWordModel(SMALL)
    plain = dict(model.probabilities("the engineer"))
    assert plain == pytest.approx({"comes": 2 / 3, "calls": 1 / 3})
    cold = dict(model.probabilities("the engineer", temperature=0.5))
    hot = dict(model.probabilities("the engineer", temperature=2.0))
    assert cold["comes"] == pytest.approx(4 / 5)  # weights 2**2 and 1**2
    assert hot["comes"] == pytest.approx(math.sqrt(2) / (math.sqrt(2) + 1))
    assert cold["comes"] > plain["comes"] > hot["comes"] > 0.5
    for temperature in (0.1, 1.0, 2.0):
        assert sum(p for _, p in model.probabilities("the", temperature=temperature)) == pytest.approx(1.0)


def test_unknown_context_backs_off_to_the_start_of_a_sentence():
    model = NextWordModel(SMALL)
    assert dict(model.probabilities("zebra")) == pytest.approx({"the": 0.75, "a": 0.25})
    # two words never seen together: it uses the last word alone
    assert dict(model.probabilities("filter engineer", context=2)) == dict(model.probabilities("engineer"))


def test_generate_is_reproducible_with_a_seed_and_varies_without_one():
    model = load("nl")
    first = model.generate("de monteur", n_words=30, random_state=4)
    assert first.text == model.generate("de monteur", n_words=30, random_state=4).text
    assert len(first.added) == 30 and first.start == ["de", "monteur"]
    assert first.text.startswith("De monteur ")
    texts = {model.generate("de monteur", n_words=30, random_state=seed).text for seed in range(8)}
    assert len(texts) >= 6
    assert model.generate("de monteur", n_words=0, random_state=1).added == []


def test_every_word_pair_of_a_generated_text_is_in_the_training_text():
    model = load("en")
    tokens = model.generate("the engineer", n_words=60, random_state=2).tokens
    pairs = set(zip(["."] + model.tokens, model.tokens))
    assert all(pair in pairs for pair in zip(tokens, tokens[1:]))


def test_a_low_temperature_repeats_the_likeliest_words():
    model = load("nl")
    cold = model.generate("de monteur", n_words=40, temperature=0.1, random_state=3)
    hot = model.generate("de monteur", n_words=40, temperature=2.0, random_state=3)
    assert cold.added[0] == "komt"
    assert len(set(cold.added)) < len(set(hot.added))


def test_unknown_start_words_are_reported_and_a_new_sentence_starts():
    model = load("nl")
    generation = model.generate("de xyzzy", n_words=5, random_state=0)
    assert generation.unknown == ["xyzzy"] and generation.added[0] == "."
    assert generation.text.startswith("De xyzzy. ")


def test_detokenize_writes_readable_text():
    model = load("nl")
    text = model.detokenize(tokenize("uw bestelling staat om acht uur klaar. fatima van de warmtebron, in apeldoorn!"))
    assert text == "Uw bestelling staat om acht uur klaar. Fatima van de Warmtebron, in Apeldoorn!"


def test_sentences_seen_tells_copied_from_stitched():
    model = load("nl")
    copied = tokenize("Een nieuwe thermostaat kost 179 euro.")
    stitched = tokenize("Een nieuwe thermostaat kost 45 euro.")
    assert model.sentences_seen(copied + stitched + tokenize("Een half")) == [
        ("Een nieuwe thermostaat kost 179 euro.", True),
        ("Een nieuwe thermostaat kost 45 euro.", False),
    ]


@pytest.mark.parametrize("lang, start, likeliest, second, price_word", [
    ("nl", "de monteur", "komt", "belt", "kost"),
    ("en", "the engineer", "comes", "calls", "costs"),
])
def test_the_shipped_texts_have_the_counts_the_exercises_use(lang, start, likeliest, second, price_word):
    model = load(lang)
    counts = dict(model.counts_after(start))
    assert sum(counts.values()) == 8 and counts[likeliest] == 4 and counts[second] == 2  # q5: 25 %, q6: 50 % at 1
    chances = dict(model.probabilities(start, temperature=0.2))
    assert chances[likeliest] >= 0.9 > dict(model.probabilities(start, temperature=0.3))[likeliest]
    # one word back, every price fits after "costs": the model cannot know which one is true
    assert [w for w, _ in model.counts_after(price_word)] in (["95", "179", "45", "vanaf"], ["95", "179", "45", "from"])
    thermostat = "thermostaat" if lang == "nl" else "thermostat"
    assert model.counts_after(f"{thermostat} {price_word}", context=2) == [("179", 1)]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_shipped_texts_are_short_original_and_free(lang):
    text = training_text(lang)
    words = [t for t in tokenize(text) if t.isalpha()]
    assert 300 <= len(words) <= 2500
    assert "CC0" in text  # the licence line
    assert "cc0" not in load(lang).vocabulary  # comment lines are not read


def test_the_model_is_trained_once_per_language():
    assert load("nl") is load("nl") and load("nl") is not load("en")
    with pytest.raises(ValueError):
        training_text("fr")


@pytest.mark.parametrize("options", [
    {"temperature": 0}, {"temperature": -1}, {"temperature": float("nan")}, {"temperature": "warm"},
    {"temperature": True}, {"context": 3}, {"context": 0}, {"n_words": -1}, {"n_words": 2.5}, {"random_state": "x"},
])
def test_bad_settings_are_refused(options):
    with pytest.raises(ValueError):
        load("nl").generate("de monteur", **options)


def test_a_text_without_words_is_refused_and_the_docstring_runs():
    with pytest.raises(ValueError):
        NextWordModel("# only a comment\n. , !")
    assert doctest.testmod(nextword).failed == 0
