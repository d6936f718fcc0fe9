"""Turn what a learner typed into the kind of value a check needs, or say kindly what is wrong.

Every problem is raised as :class:`AnswerProblem` with a catalogue key, so the learner reads a
message in their own language and never a traceback.
"""

from __future__ import annotations

import math
import numbers
import re
import unicodedata

from ..numbers import (
    NumberProblem, comma_literals, dot_literals, dutch_amounts, parse_number, python_number, python_spelling, read_number,
    thousands_slip,
)


class BlankUsed(Exception):
    """The placeholder ``___`` was used in a sum or a comparison: the starter is untouched."""


def _refuse(self, *args):
    raise BlankUsed("___")


class Blank:
    """The starter placeholder ``___`` in an exercise cell: the learner has not answered yet.

    Using it in a calculation or comparison (``size >= ___`` inside a starter function) raises
    :class:`BlankUsed`, which a check reports as "not attempted" rather than as an error.
    """

    __lt__ = __le__ = __gt__ = __ge__ = _refuse
    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = _refuse
    __truediv__ = __rtruediv__ = __floordiv__ = __rfloordiv__ = __neg__ = __float__ = __int__ = _refuse

    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "___"

    def __bool__(self) -> bool:
        return False


___ = Blank()


def is_blank(value) -> bool:
    """True for the untouched starter: ``___`` or ``...``."""
    return value is ___ or value is Ellipsis


class AnswerProblem(Exception):
    """An answer of the wrong kind; ``key`` names the message in the catalogue."""

    def __init__(self, key: str, **params):
        super().__init__(key)
        self.key = key
        self.params = params


def _clip(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _short(value, limit: int = 40) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def as_number(value, *, expected=None, close=None) -> float:
    """A single real number, or an :class:`AnswerProblem` that explains the mistake.

    With ``expected`` (and ``close(a, b)``), a comma slip can say more: ``4,120`` where 4 × 120
    was asked is a multiplication written with a comma.
    """
    if value is None:
        raise AnswerProblem("answer.none")
    if isinstance(value, bool):
        raise AnswerProblem("answer.bool_not_number", value=str(value))
    if isinstance(value, numbers.Real):
        number = float(value)
        if math.isnan(number):
            raise AnswerProblem("answer.nan")
        if math.isinf(number):
            raise AnswerProblem("answer.infinite")
        return number
    if isinstance(value, str):
        raise _text_problem(value, expected=expected, close=close)
    if isinstance(value, tuple) and len(value) == 2 and all(
        isinstance(v, numbers.Integral) and not isinstance(v, bool) for v in value
    ):
        # `drempel = 0,6` makes the tuple (0, 6): the commonest slip of Dutch learners
        raise _comma_problem(*map(int, value), expected=expected, close=close)
    if isinstance(value, tuple) and len(value) == 2 and all(_is_number(v) for v in value):
        amounts = dutch_amounts(_current_cell())  # `1.200,50` is the pair (1.2, 50) to Python
        if amounts:
            raise AnswerProblem("answer.number.dutch_amount", given=amounts[0], fixed=python_number(parse_number(amounts[0], "nl")))
    size = _size(value)
    if size is not None:
        if size == 1:
            return as_number(_first(value), expected=expected, close=close)
        raise AnswerProblem("answer.many_not_one", count=size)
    raise AnswerProblem("answer.wrong_type_number", kind=type(value).__name__)


def _text_problem(value: str, *, expected=None, close=None) -> AnswerProblem:
    """A number typed between quotes: read it as the learner meant it, and show Python's way."""
    given = " ".join(value.split())
    try:
        number = read_number(value).value
    except NumberProblem as problem:
        if problem.key == "numbers.ambiguous_dot":
            return AnswerProblem("answer.number.text_ambiguous", given=given, **{k: problem.params[k] for k in ("thousands", "decimal")})
        if problem.key == "numbers.words":  # "het zijn 480 broden": the one number in it
            try:
                number = read_number(problem.params["number"]).value
            except NumberProblem:
                return AnswerProblem("answer.text_not_number", given=_short(value))
            return AnswerProblem("answer.number.text", given=_clip(given), fixed=python_number(number))
        if problem.key == "numbers.empty":
            return AnswerProblem("answer.number.empty_text")
        return AnswerProblem("answer.text_not_number", given=_short(value))
    fixed = python_number(number)
    if given == fixed:
        return AnswerProblem("answer.number_as_text", given=given, fixed=fixed)
    if re.fullmatch(r"[-+]?\d+,\d+", given) and math.isclose(number, float(given.replace(",", "."))):
        return AnswerProblem("answer.decimal_comma_text", given=given, fixed=fixed)
    if _right(number, expected, close):  # the number is right; only the way it is written is not
        return AnswerProblem("answer.number.text_right", given=given, fixed=fixed)
    return AnswerProblem("answer.number.text", given=given, fixed=fixed)


def _comma_problem(whole: int, fraction: int, *, expected=None, close=None) -> AnswerProblem:
    given = f"{whole},{fraction}"
    if expected is not None and close is not None and close(whole * fraction, float(expected)) and whole not in (0, 1):
        return AnswerProblem("answer.number.comma_for_times", given=given, first=str(whole), second=str(fraction))
    params = dict(given=given, first=str(whole), second=str(fraction), fixed=python_spelling(given))
    if _right(float(params["fixed"]), expected, close):  # `72,5` where 72.5 is right
        return AnswerProblem("answer.number.comma_right", **params)
    if whole != 0 and len(str(abs(fraction))) == 3:
        # "4,120": a Dutch 4,12 or an English 4120; say both, and never "4.120"
        return AnswerProblem("answer.number.comma_tuple_three", joined=f"{whole}{fraction}", **params)
    return AnswerProblem("answer.decimal_comma_tuple", **params)


def _right(number: float, expected, close) -> bool:
    return expected is not None and close is not None and bool(close(number, float(expected)))


def _size(value):
    """The number of items in a list-like answer (list, array, Series, DataFrame), else None."""
    if isinstance(value, (str, bytes, dict)):
        return None
    size = getattr(value, "size", None)
    if isinstance(size, numbers.Integral):
        return int(size)
    if isinstance(value, (list, tuple, set)):
        return len(value)
    return None


def _first(value):
    if hasattr(value, "to_numpy"):
        return value.to_numpy().ravel()[0]
    if hasattr(value, "ravel"):
        return value.ravel()[0]
    return next(iter(value))


def normalise_text(text: str) -> str:
    """Lower case, no accents, single spaces: so that ``" Voorspellen "`` matches ``voorspellen``."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.lower().replace("-", " ").replace("_", " ").split()).strip(" .!'\"")


def as_text(value) -> str:
    if value is None:
        raise AnswerProblem("answer.none_text")
    if isinstance(value, str):
        if not value.strip():
            raise AnswerProblem("answer.empty_text")
        return normalise_text(value)
    raise AnswerProblem("answer.wrong_type_text", kind=type(value).__name__)


def as_table(value, *, rows: int | None = None, columns: list[str] | None = None):
    """A pandas DataFrame with the expected number of rows and the expected columns."""
    import pandas as pd  # only tables need pandas; keep it out of the import of this module

    if value is None:
        raise AnswerProblem("answer.none_table")
    if isinstance(value, pd.Series):
        raise AnswerProblem("answer.series_not_table")
    if not isinstance(value, pd.DataFrame):
        raise AnswerProblem("answer.wrong_type_table", kind=type(value).__name__)
    if columns is not None:
        missing = [c for c in columns if c not in value.columns]
        if missing:
            raise AnswerProblem("answer.table_missing_columns", missing=", ".join(map(str, missing)))
    if rows is not None and len(value) != rows:
        raise AnswerProblem("answer.table_wrong_rows", expected=rows, got=len(value))
    return value


def as_function(value):
    if value is None:
        raise AnswerProblem("answer.none_function")
    if not callable(value):
        raise AnswerProblem("answer.not_function", kind=type(value).__name__)
    return value


# -- a number that Python read differently from what the learner meant ---------------------------
def number_slip(number: float, expected: float, close) -> tuple[str, dict] | None:
    """``(key, params)`` when a wrong direct answer comes from a thousands dot: exactly what the
    dot gives (``6.766 - 5.435`` is 1.331 in Python, not 1331), or any wrong answer of a cell
    that has a number like ``1.200`` in it. Else None."""
    literals = dot_literals(_current_cell())
    if thousands_slip(number, expected, close):
        if literals:
            return "answer.number.thousands_dot_seen", {"given": number, **_dot_params(literals[0])}
        return "answer.number.thousands_dot", {"given": number}
    if literals:
        return "answer.number.dot_in_cell", {"given": number, **_dot_params(literals[0])}
    return None


def function_slip(function, got, expected) -> tuple[str, dict] | None:
    """``(key, params)`` when a function's result shows a number typed the Dutch way in its code:
    ``return prijs * 2,00`` gives the pair (40, 0), ``* 10.000`` a thousandth. Else None."""
    source = _source(function)
    if isinstance(got, tuple) and len(got) == 2 and not isinstance(expected, tuple):
        literals = comma_literals(source)
        if literals:
            return "answer.number.function_comma", {"got": got, "literal": literals[0], "fixed": python_spelling(literals[0])}
        return "answer.number.function_comma_unseen", {"got": got}
    if _is_number(got) and _is_number(expected):
        if thousands_slip(float(got), float(expected), lambda a, b: math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-6)):
            literals = dot_literals(source)
            if literals:
                return "answer.number.function_thousands_dot", {"got": got, **_dot_params(literals[0])}
            return "answer.number.function_thousands_dot_unseen", {"got": got}
    return None


def _is_number(value) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def _dot_params(literal: str) -> dict:
    whole, _, fraction = literal.partition(".")
    return {"literal": literal, "whole": whole, "fraction": fraction, "fixed": literal.replace(".", "")}


def _source(function) -> str:
    """The learner's function as they typed it (IPython keeps each cell's source), or ""."""
    import inspect

    try:
        return inspect.getsource(function)
    except (OSError, TypeError):
        return ""


def _current_cell() -> str:
    """The source of the notebook cell that is running now, or "" outside IPython."""
    try:
        from IPython import get_ipython

        shell = get_ipython()
        history = shell.user_ns.get("In") if shell is not None else None
        return str(history[-1]) if history else ""
    except Exception:  # no IPython, or an odd shell: the message without the literal is fine
        return ""
