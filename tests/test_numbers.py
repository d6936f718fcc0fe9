"""The one number parser (smeai.numbers): every case from issue 11 in a table, and properties that
hold for any number written the way a Dutch or English person writes it."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smeai.i18n import catalogue, format_number
from smeai.numbers import (
    NumberProblem,
    comma_literals,
    dot_literals,
    format_amount,
    parse_number,
    python_spelling,
    read_back,
    read_number,
    thousands_slip,
)

# (typed, language, value read); the cases first
READ = [
    ("1.200", "nl", 1200),  # a Dutch thousands dot
    ("6.766", "nl", 6766),
    ("2.520", "nl", 2520),
    ("4.200", "nl", 4200),
    ("4,120", "nl", 4.12),  # a Dutch decimal comma: four comma twelve, not four thousand
    ("10,5", "nl", 10.5),
    ("1.200,50", "nl", 1200.5),
    ("1.200,50", "en", 1200.5),  # both signs: the last one is the decimal sign, in either language
    ("1,200.50", "nl", 1200.5),
    ("€ 1.200", "nl", 1200),
    ("€1.200,-", "nl", 1200),
    ("€ 12,-", "nl", 12),
    ("EUR 1.200", "nl", 1200),
    ("1200 euro", "nl", 1200),
    ("1 200", "nl", 1200),
    ("1\u00a0200", "nl", 1200),  # a non-breaking space, as a spreadsheet copies it
    ("1 200,50", "nl", 1200.5),
    ("12 500 000", "en", 12500000),
    ("1.200.000", "nl", 1200000),
    ("1,200,000", "en", 1200000),
    ("1,200", "en", 1200),  # an English thousands comma
    ("4,120", "en", 4120),
    ("10.5", "nl", 10.5),  # a dot that cannot separate thousands is a decimal point
    ("10.50", "nl", 10.5),
    ("0.125", "nl", 0.125),  # a leading 0 is never a thousands group
    ("0,125", "en", 0.125),
    ("12000,5", "nl", 12000.5),
    ("1200.500", "en", 1200.5),
    ("-5", "nl", -5),
    ("−3,5", "nl", -3.5),  # the minus sign of a word processor
    ("– 7", "nl", -7),
    ("+7", "nl", 7),
    ("€ -5", "nl", -5),
    ("-€ 1.200", "nl", -1200),
    ("45 %", "nl", 45),
    ("45%", "en", 45),
    ("12,5 procent", "nl", 12.5),
    (" 480 ", "nl", 480),
    (".5", "en", 0.5),
    (",5", "nl", 0.5),
    ("5,", "nl", 5),
]


@pytest.mark.parametrize(("typed", "lang", "value"), READ)
def test_numbers_are_read_as_a_person_means_them(typed, lang, value):
    assert parse_number(typed, lang) == pytest.approx(value)


# (typed, language, catalogue key of the problem)
REFUSED = [
    ("", "nl", "numbers.empty"),
    ("   ", "nl", "numbers.empty"),
    (None, "nl", "numbers.empty"),
    ("-", "nl", "numbers.no_digits"),
    ("€", "nl", "numbers.no_digits"),
    (",", "en", "numbers.no_digits"),
    ("veel", "nl", "numbers.letters"),
    ("twaalfhonderd", "nl", "numbers.letters"),
    ("1e5", "en", "numbers.letters"),
    ("12uur", "nl", "numbers.letters"),
    ("ongeveer 1.200 euro per jaar", "nl", "numbers.words"),
    ("De licentie kost € 1.200 per jaar en het invoeren € 2.800 eenmalig.", "nl", "numbers.sentence"),
    ("6.766 - 5.435", "nl", "numbers.sum"),
    ("3*15", "nl", "numbers.sum"),
    ("12 5", "nl", "numbers.several"),
    ("1.2.3", "nl", "numbers.groups"),
    ("1.20,5", "nl", "numbers.groups"),
    ("1,2,3", "en", "numbers.groups"),
    ("1.200", "en", "numbers.ambiguous_dot"),  # English: 1.2, or a Dutch 1200?
    ("€ 4.120", "en", "numbers.ambiguous_dot"),
    ("9" * 400, "nl", "numbers.too_big"),
]


@pytest.mark.parametrize(("typed", "lang", "key"), REFUSED)
def test_what_is_not_one_number_is_refused_with_its_cause(typed, lang, key):
    with pytest.raises(NumberProblem) as caught:
        parse_number(typed, lang)
    assert caught.value.key == key
    for language in ("nl", "en"):  # a real sentence in both languages
        message = caught.value.message(language)
        assert key in catalogue(language) and "{" not in message and message != key


def test_the_problem_names_what_was_typed_and_what_can_be_meant():
    with pytest.raises(NumberProblem) as caught:
        parse_number("1.200", "en")
    assert caught.value.message("en") == (
        '"1.200" can be two numbers: 1200 (with a point between the thousands, as the Dutch write it) '
        "or 1.2 (with a decimal point). Type 1200 or 1.2."
    )
    with pytest.raises(NumberProblem) as caught:
        parse_number("ongeveer 1.200 euro per jaar", "nl")
    assert caught.value.message("nl") == "Typ alleen het getal, zonder woorden. Bedoel je 1.200?"


def test_the_reading_says_whether_the_shape_could_be_read_the_other_way():
    assert read_number("1.200", "nl") == read_number("1.200", "nl")
    dutch = read_number("4,120", "nl")
    assert dutch.shape_ambiguous and dutch.other_reading == 4120
    assert not read_number("10,5", "nl").shape_ambiguous
    euro = read_number("€ 1.200", "nl")
    assert euro.euro and not euro.percent and euro.value == 1200
    assert read_number("45 %", "nl").percent


# -- the read-back a text field's observer shows --------------------------------------------------
READ_BACK = [
    ("1.200", "nl", True, 1200, "Gelezen: € 1.200,00 (dus 1200, niet 1,2)."),
    ("€ 1.200", "nl", False, 1200, "Gelezen: € 1.200,00 (dus 1200, niet 1,2)."),
    ("10,5", "nl", False, 10.5, "Gelezen: 10,5"),
    ("4,120", "nl", False, 4.12, "Gelezen: 4,12 (dus 4,12, niet 4120)."),
    ("1.200,50", "nl", True, 1200.5, "Gelezen: € 1.200,50"),
    ("1 200", "nl", False, 1200, "Gelezen: 1.200"),
    ("45 %", "nl", False, 45, "Gelezen: 45 %"),
    ("1,200", "en", True, 1200, "Read: €1,200.00 (so 1200, not 1.2)."),
    ("10.5", "en", False, 10.5, "Read: 10.5"),
    ("", "nl", False, None, "Het vak is leeg. Typ een getal, bijvoorbeeld 1200 of 10,5."),
    ("-", "nl", False, None, 'In "-" staat geen cijfer. Typ een getal, bijvoorbeeld 1200 of 10,5.'),
    ("veel", "nl", True, None, '"veel" is geen getal. Typ alleen cijfers, bijvoorbeeld 1200 of 10,5.'),
    ("1.200", "en", True, None, '"1.200" can be two numbers: 1200 (with a point between the thousands, as the Dutch write it) or 1.2 (with a decimal point). Type 1200 or 1.2.'),
]


@pytest.mark.parametrize(("typed", "lang", "euro", "value", "sentence"), READ_BACK)
def test_read_back_shows_the_value_read_or_why_nothing_was_read(typed, lang, euro, value, sentence):
    assert read_back(typed, lang, euro=euro) == (value, sentence)


def test_read_back_never_raises_and_never_returns_a_value_without_a_sentence():
    for typed in ["", "-", "x" * 10_000, "1.2.3", "€€", "%", "1,-", "\n", "١٢٣", "½", object()]:
        value, sentence = read_back(typed, "nl")
        assert sentence and (value is None or math.isfinite(value))


def test_amounts_in_the_learners_format():
    assert format_amount(1200, "nl") == "€ 1.200,00"
    assert format_amount(-3.5, "nl") == "-€ 3,50"
    assert format_amount(1200, "en") == "€1,200.00"


# -- Python code with numbers typed the Dutch way ----------------------------------------------------
def test_literals_typed_the_dutch_way_are_found_in_code_but_not_in_text_or_comments():
    assert dot_literals("besparing = 6.766 - 5.435\nq3.check(besparing)") == ["6.766", "5.435"]
    assert dot_literals('x = 1.5 + 0.125  # 1.200 in a comment\ny = "2.520"') == []
    assert comma_literals("    return (vraag - gebakken) * 2,00  # te weinig") == ["2,00"]
    assert comma_literals("    return verhouding >= 0,8") == ["0,8"]
    assert comma_literals("print(min(3, 4), 'a,b')") == []  # a comma with a space separates arguments


@pytest.mark.parametrize(("dutch", "python"), [("2,00", "2.00"), ("0,8", "0.8"), ("4,120", "4.12"), ("4,125", "4.125"), ("1,000", "1.0"), ("72,5", "72.5")])
def test_python_spelling_of_a_dutch_decimal_never_looks_like_a_thousands_dot(dutch, python):
    assert python_spelling(dutch) == python


def test_a_thousands_slip_is_exactly_a_thousandth_of_a_large_number():
    close = lambda a, b: math.isclose(a, b, abs_tol=0.5)  # noqa: E731
    assert thousands_slip(6.766 - 5.435, 1331, close)
    assert thousands_slip(2.52, 2520, close) and thousands_slip(4.2, 4200, close)
    assert not thousands_slip(0.48, 480, close)  # small answers are not written with a dot
    assert not thousands_slip(1331, 1331, close) and not thousands_slip(0, 1331, close)
    assert not thousands_slip(-1.331, 1331, close)


# -- properties ---------------------------------------------------------------------------------------
amounts = st.decimals(min_value=-10**9, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)


@settings(max_examples=300, deadline=None)
@given(amounts)
def test_dutch_formatting_reads_back_as_the_same_number(amount):
    value = float(amount)
    assert parse_number(format_number(value, "nl", digits=2), "nl") == pytest.approx(value, abs=1e-9)
    assert parse_number(format_amount(value, "nl"), "nl") == pytest.approx(value, abs=1e-9)


@settings(max_examples=300, deadline=None)
@given(amounts)
def test_english_formatting_reads_back_or_asks_when_a_dutch_reader_would_differ(amount):
    value = float(amount)
    text = format_number(value, "en", digits=2)
    try:
        assert parse_number(text, "en") == pytest.approx(value, abs=1e-9)
    except NumberProblem as problem:
        # only "1.250" can be refused: it is 1250 to a Dutch reader
        assert problem.key == "numbers.ambiguous_dot" and text.lstrip("-").count(".") == 1
        assert len(text.split(".")[1]) == 3
    assert parse_number(format_amount(value, "en"), "en") == pytest.approx(value, abs=1e-9)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1000, max_value=10**12), st.sampled_from(["nl", "en"]), st.sampled_from([".", ",", " ", "\u00a0"]))
def test_whole_numbers_with_any_thousands_separator_of_their_language(number, lang, separator):
    if (lang, separator) in (("nl", ","), ("en", ".")):  # the other language's decimal sign
        separator = " "
    text = f"{number:,}".replace(",", separator)
    assert parse_number(text, lang) == number
    assert parse_number("€ " + text, lang) == number


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=99))
def test_a_decimal_comma_with_one_or_two_decimals_is_a_decimal_in_both_languages(whole, cents):
    for fraction in (str(cents), f"{cents:02d}"):
        for lang in ("nl", "en"):
            assert parse_number(f"{whole},{fraction}", lang) == pytest.approx(float(f"{whole}.{fraction}"))


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=60), st.sampled_from(["nl", "en"]))
def test_anything_typed_is_a_number_or_a_problem_never_a_crash(text, lang):
    try:
        value = parse_number(text, lang)
    except NumberProblem as problem:
        assert problem.key in catalogue(lang) and problem.message(lang)
    else:
        assert math.isfinite(value)
    value, sentence = read_back(text, lang)
    assert sentence


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=999))
def test_one_sign_before_three_digits_follows_the_learners_convention(whole, fraction):
    dot, comma = f"{whole}.{fraction:03d}", f"{whole},{fraction:03d}"
    assert parse_number(dot, "nl") == whole * 1000 + fraction  # Dutch: the dot separates thousands
    assert parse_number(comma, "nl") == pytest.approx(whole + fraction / 1000)  # and the comma is decimal
    assert parse_number(comma, "en") == whole * 1000 + fraction  # English: the comma separates thousands
    with pytest.raises(NumberProblem):
        parse_number(dot, "en")  # and the dot is asked about


def test_a_text_fields_observer_shows_the_value_read_and_never_computes_with_a_misreading():
    """How a widget uses read_back: the value is used only when it was read, and the learner sees
    what was read (a real ipywidgets Text, without a browser)."""
    import ipywidgets as widgets

    field, said, used = widgets.Text(), widgets.HTML(), []

    def on_change(change):
        value, sentence = read_back(change["new"], "nl", euro=True)
        said.value = sentence
        if value is not None:
            used.append(value)

    field.observe(on_change, names="value")
    for typed in ["1.200", "1200", "€ 1.200,50", "veel", "", "10,5"]:
        field.value = typed
    assert used == [1200, 1200, 1200.5, 10.5]
    assert said.value == "Gelezen: € 10,50"
    field.value = "1.200"
    assert said.value == "Gelezen: € 1.200,00 (dus 1200, niet 1,2)."
