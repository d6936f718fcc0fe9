"""Turn what a learner typed into the kind of value a check needs, or say kindly what is wrong.

Every problem is raised as :class:`AnswerProblem` with a catalogue key, so the learner reads a
message in their own language and never a traceback.
"""

from __future__ import annotations

import math
import numbers
import re
import unicodedata


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


def _short(value, limit: int = 40) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


_DECIMAL_COMMA = re.compile(r"^\s*[-+]?\d+(\.\d{3})*,\d+\s*$")
_PLAIN_NUMBER = re.compile(r"^\s*[-+]?(\d+(\.\d*)?|\.\d+)\s*%?\s*$")


def as_number(value) -> float:
    """A single real number, or an :class:`AnswerProblem` that explains the mistake."""
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
        if _DECIMAL_COMMA.match(value):
            fixed = value.strip().replace(".", "").replace(",", ".")
            raise AnswerProblem("answer.decimal_comma_text", given=value.strip(), fixed=fixed)
        if _PLAIN_NUMBER.match(value):
            raise AnswerProblem("answer.number_as_text", given=value.strip(), fixed=value.strip().rstrip("%").strip())
        raise AnswerProblem("answer.text_not_number", given=_short(value))
    if isinstance(value, tuple) and len(value) == 2 and all(
        isinstance(v, numbers.Integral) and not isinstance(v, bool) for v in value
    ):
        # `drempel = 0,6` makes the tuple (0, 6): the commonest slip of Dutch learners
        whole, fraction = value
        raise AnswerProblem("answer.decimal_comma_tuple", given=f"{whole},{fraction}", fixed=f"{whole}.{fraction}")
    size = _size(value)
    if size is not None:
        if size == 1:
            return as_number(_first(value))
        raise AnswerProblem("answer.many_not_one", count=size)
    raise AnswerProblem("answer.wrong_type_number", kind=type(value).__name__)


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
