"""Read a number the way a person types it, in Dutch or in English. Pure Python, no widgets.

One parser for every place a learner types a number: a widget's text field, an answer given as
text, and the explanation of a number that Python read differently from what the learner meant.

The rules (``lang`` is the learner's language):

- "€", "EUR", "euro", a trailing ",-" (``€ 12,-``), "%" and spaces around the number are ignored;
  a space, or a non-breaking space, between groups of three digits is a thousands separator
  ("1 200"). A minus ("-", "−" or "–") or a plus may come first.
- With both a dot and a comma, the last one is the decimal sign and the other one separates
  thousands: "1.200,50" and "1,200.50" are both 1200.5, in either language.
- The same sign twice or more only separates thousands: "1.200.000" is 1200000.
- One sign that cannot separate thousands is the decimal sign: "10,5", "10.5", "0,125",
  "12000,5" (not followed by exactly three digits, or after a leading 0 or more than 3 digits).
- One sign followed by exactly three digits ("1.200", "4,120") can be read either way. The
  learner's own convention decides:
  - in Dutch, a dot separates thousands and a comma is the decimal sign: "1.200" is 1200 and
    "4,120" is 4,12;
  - in English, "1,200" is 1200; "1.200" is refused as ambiguous, because in a course about
    Dutch businesses it may be a Dutch thousands dot (1200) as well as 1.2. The problem names
    both readings, so the learner can write the one they mean.
- Anything else is refused with a :class:`NumberProblem` that names the cause: empty, no digit
  ("-"), letters, a sentence with a number in it, two numbers, a sum, or thousands groups that
  are not groups of three.

The value read is a float. A percent sign is allowed and dropped: "45 %" reads as 45, in the
unit the field asks for.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from .i18n import format_number, get_language, t

_SPACES = "\u00a0\u202f\u2009\u2007 \t"
_MINUS = "-\u2212\u2013"
_CURRENCY = re.compile(r"^(€|eur(o|os)?\b)\s*|\s*(€|eur(o|os)?)$", re.IGNORECASE)
_PERCENT = re.compile(r"\s*(%|procent|percent)$", re.IGNORECASE)
_BODY = re.compile(r"^[\d.,]+$")
_THOUSANDS = re.compile(r"^[1-9]\d{0,2}([.,]\d{3})+$")  # "1.200", "12,500,000"
_SPACED_THOUSANDS = re.compile(r"^[1-9]\d{0,2}( \d{3})+([.,]\d+)?$")  # "1 200", "1 200,50"
_NUMBER_IN_TEXT = re.compile(r"[-\u2212]?€?\s?\d[\d.,\u00a0 ]*\d|\d")


class NumberProblem(ValueError):
    """Text that is not one number. ``key`` names the message in the catalogue (``numbers.*``),
    ``params`` fills it in; :meth:`message` is the sentence for the learner."""

    def __init__(self, key: str, **params):
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self, lang: str | None = None) -> str:
        return t(self.key, lang, **self.params)


@dataclass(frozen=True)
class Reading:
    """What was read: the value, and what the text said besides the number."""

    value: float
    euro: bool = False
    percent: bool = False
    # "1.200" or "4,120": one sign before three digits, read by the learner's convention
    shape_ambiguous: bool = False
    other_reading: float | None = field(default=None, compare=False)


def parse_number(text, lang: str | None = None) -> float:
    """The number in ``text``, read as a person in ``lang`` writes it, or a :class:`NumberProblem`.

    >>> parse_number("€ 1.200,50", "nl")
    1200.5
    >>> parse_number("4,120", "nl")
    4.12
    >>> parse_number("1,200", "en")
    1200.0
    """
    return read_number(text, lang).value


def read_number(text, lang: str | None = None) -> Reading:
    """Like :func:`parse_number`, with what else the text said (euro, percent, ambiguous shape)."""
    lang = lang or get_language()
    if text is None:
        raise NumberProblem("numbers.empty")
    raw = str(text)
    shown = _short(raw)
    work = raw.strip(_SPACES)
    if not work:
        raise NumberProblem("numbers.empty")
    sign = 1.0
    if work[0] in _MINUS or work[0] == "+":
        sign = -1.0 if work[0] in _MINUS else 1.0
        work = work[1:].strip(_SPACES)
    work, euro = _strip(work, _CURRENCY)
    if work[:1] in _MINUS and sign == 1.0:  # "€ -5"
        sign, work = -1.0, work[1:].strip(_SPACES)
    work, percent = _strip(work, _PERCENT)
    if work.endswith((",-", ",--", ".-")):  # "€ 12,-": a whole amount of euros
        work = work.rstrip("-")[:-1]
    work = _join_digit_groups(work, raw, shown)
    if not _BODY.match(work):
        raise _unreadable(raw, shown)
    if not any(ch.isdigit() for ch in work):
        raise NumberProblem("numbers.no_digits", given=shown)
    value, ambiguous, other = _value(work, lang, shown)
    if not math.isfinite(value):
        raise NumberProblem("numbers.too_big", given=shown)
    return Reading(sign * value, euro, percent, ambiguous, None if other is None else sign * other)


def _strip(work: str, pattern: re.Pattern) -> tuple[str, bool]:
    stripped = pattern.sub("", work).strip(_SPACES)
    return stripped, stripped != work


def _join_digit_groups(work: str, raw: str, shown: str) -> str:
    """Spaces between digits are allowed only as thousands separators: "1 200", "1 200,50"."""
    spaced = re.sub(f"[{_SPACES}]+", " ", work)
    if " " not in spaced:
        return work
    if _SPACED_THOUSANDS.match(spaced):
        return spaced.replace(" ", "")
    raise _unreadable(raw, shown)


def _unreadable(raw: str, shown: str) -> NumberProblem:
    """Why text is not one number, in the most helpful words."""
    found = [f.strip() for f in _NUMBER_IN_TEXT.findall(raw)]
    if any(ch.isalpha() for ch in raw):
        if not found or not re.search(r"\s", raw.strip()):  # "veel", "1e5", "12uur"
            return NumberProblem("numbers.letters", given=shown)
        if len(found) == 1:
            return NumberProblem("numbers.words", given=shown, number=found[0])
        return NumberProblem("numbers.sentence", given=shown)
    if re.search(r"\d\s*[-+*/×:]\s*[\d€]", raw):
        return NumberProblem("numbers.sum", given=shown)
    if len(re.findall(r"\d[\d.,]*", raw)) >= 2:  # "12 5": spaces that do not group thousands
        return NumberProblem("numbers.several", given=shown)
    if not found:
        return NumberProblem("numbers.no_digits", given=shown)
    return NumberProblem("numbers.unreadable", given=shown)


def _value(body: str, lang: str, shown: str) -> tuple[float, bool, float | None]:
    """The value of digits with dots and commas; True when the shape was ambiguous."""
    dots, commas = body.count("."), body.count(",")
    if dots and commas:
        decimal = "." if body.rfind(".") > body.rfind(",") else ","
        whole, _, fraction = body.rpartition(decimal)
        if not _THOUSANDS.match(whole) and not re.fullmatch(r"\d{1,3}", whole) or decimal in whole:
            raise NumberProblem("numbers.groups", given=shown)
        return float(_digits(whole) + "." + (fraction or "0")), False, None
    sign = "." if dots else "," if commas else ""
    if not sign:
        return float(body), False, None
    if body.count(sign) > 1:
        if not _THOUSANDS.match(body):
            raise NumberProblem("numbers.groups", given=shown)
        return float(_digits(body)), False, None
    whole, _, fraction = body.partition(sign)
    as_decimal = float((whole or "0") + "." + (fraction or "0"))
    if not _THOUSANDS.match(body):
        return as_decimal, False, None
    as_thousands = float(whole + fraction)
    thousands_sign = "." if lang == "nl" else ","
    if sign == thousands_sign:
        return as_thousands, True, as_decimal
    if lang == "nl":
        return as_decimal, True, as_thousands
    # English, a dot before three digits: 1.2 by the English convention, 1200 by the Dutch one
    raise NumberProblem(
        "numbers.ambiguous_dot", given=shown, thousands=python_number(as_thousands), decimal=python_number(as_decimal)
    )


def _digits(text: str) -> str:
    return text.replace(".", "").replace(",", "")


def python_number(value: float) -> str:
    """A number as it is written in Python code: 1200, 4.12 (never a thousands sign)."""
    value = float(value)
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)


def _unseparated(value: float, lang: str) -> str:
    """1200 as "1200", 1.2 as "1,2" in Dutch: the learner's decimal sign, no thousands sign."""
    text = python_number(value)
    return text.replace(".", ",") if lang == "nl" else text


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- for a widget's text field --------------------------------------------------------------------
def read_back(text, lang: str | None = None, *, euro: bool = False) -> tuple[float | None, str]:
    """For a text field's observer: ``(value, sentence)``.

    The sentence shows the value read, in the learner's format ("€ 1.200,00 gelezen"), so a
    misreading is visible before anything is computed; or it says why nothing could be read, and
    the value is None. ``euro=True`` is for amounts: they are shown with two decimals.
    """
    lang = lang or get_language()
    try:
        reading = read_number(text, lang)
    except NumberProblem as problem:
        return None, problem.message(lang)
    value = reading.value
    shown = format_amount(value, lang) if euro or reading.euro else format_number(value, lang)
    if reading.percent:
        shown += " %"
    if reading.shape_ambiguous and reading.other_reading is not None:
        # "1.200" or "4,120": say which of the two readings it was, without any thousands sign
        plain, other = _unseparated(value, lang), _unseparated(reading.other_reading, lang)
        return value, t("numbers.read_ambiguous", lang, shown=shown, plain=plain, other=other)
    return value, t("numbers.read", lang, shown=shown)


def format_amount(value: float, lang: str | None = None) -> str:
    """An amount in euros with two decimals: "€ 1.200,00" in Dutch, "€1,200.00" in English."""
    lang = lang or get_language()
    text = f"{abs(value):,.2f}"
    if lang == "nl":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    sign = "-" if value < 0 else ""
    return f"{sign}€ {text}" if lang == "nl" else f"{sign}€{text}"


# -- a number that Python read differently from what the learner meant --------------------------
def thousands_slip(value: float, expected: float, close) -> bool:
    """True when ``value`` is exactly a thousandth of ``expected`` (``close(a, b)`` decides):
    what Python gives for ``6.766 - 5.435`` when the learner meant 6766 - 5435."""
    if value == 0 or abs(expected) < 999.5:
        return False  # a number below 1000 has no thousands dot to misread
    return bool(close(value * 1000, expected))


_DOT_LITERAL = re.compile(r"(?<![\w.])[1-9]\d{0,2}(?:\.\d{3})+(?![\w.])")
_AMOUNT_LITERAL = re.compile(r"(?<![\w.,])[1-9]\d{0,2}(?:\.\d{3})+,\d+(?![\w.])")
_COMMA_LITERAL = re.compile(r"(?<![\w.,])(\d+),(\d+)(?![\w.])")


def dot_literals(source: str) -> list[str]:
    """Numbers written with a thousands dot in Python code ("6.766"), outside text in quotes."""
    return _DOT_LITERAL.findall(_code_only(source))


def comma_literals(source: str) -> list[str]:
    """Numbers written with a decimal comma and no space in Python code ("2,00", "0,8")."""
    return [f"{a},{b}" for a, b in _COMMA_LITERAL.findall(_code_only(source))]


def dutch_amounts(source: str) -> list[str]:
    """Amounts written the Dutch way in Python code ("1.200,50"), which Python reads as two values."""
    return _AMOUNT_LITERAL.findall(_code_only(source))


def python_spelling(dutch: str) -> str:
    """"2,00" → "2.00", "0,8" → "0.8", "4,120" → "4.12": the trailing zeros of three decimals
    are dropped so that a Dutch reader does not see a thousands dot."""
    whole, _, fraction = dutch.partition(",")
    if len(fraction) == 3:
        fraction = fraction.rstrip("0") or "0"
    return f"{whole}.{fraction}" if fraction else whole


def _code_only(source: str) -> str:
    """The code without comments and text in quotes (crude, enough for a learner's few lines)."""
    source = re.sub(r"(\"\"\"|''')[\s\S]*?\1", " ", source)
    source = re.sub(r"\"[^\"\n]*\"|'[^'\n]*'", " ", source)
    return re.sub(r"#.*", " ", source)
