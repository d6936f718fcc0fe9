"""Module 02, data, the fuel of AI: a bakery's sales, read in, explored and cleaned.

The expected answers come from the shipped files themselves (``smeai/data``), read once by
:mod:`.model`, so a check and the file a learner opens can never disagree. The trainer's extra
cases for q3 live only in the assignment's hidden tests.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ...datasets.bakery import PRODUCTS
from ...exercises.answers import AnswerProblem, BlankUsed, as_function, as_table, is_blank
from ...exercises.checks import Choice, Close, FunctionCases, Outcome, Property
from ...exercises.core import Exercise
from ...quiz import Question
from . import model as data

__all__ = ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "QUIZ"]

# q1: which product sells more on warm days? (read off the sales explorer)
q1 = Exercise(
    "m02.q1",
    Choice(
        correct="stokbrood",
        options={
            "volkorenbrood": ["volkoren", "volkorenbroden", "wholemeal", "wholemeal bread", "brown bread", "wholewheat bread"],
            "witbrood": ["wit brood", "witbroden", "wit", "white bread", "white", "white loaf"],
            "stokbrood": ["stokbroden", "stok brood", "baguette", "baguettes", "french bread", "french stick"],
            "krentenbol": ["krentenbollen", "krenten bol", "currant bun", "currant buns", "bun", "buns"],
            "appeltaart": ["appeltaarten", "appel taart", "apple pie", "apple pies", "apple tart", "taart", "pie"],
        },
    ),
)


# q2: read the till's CSV with the right separator and decimal sign
def _till_table(table) -> Outcome:
    expected = data.till()
    names = [str(c) for c in table.columns]
    wanted = list(expected.columns)
    if not set(wanted) <= set(names):
        if len(names) == 1 or any(";" in n for n in names):
            return Outcome(False, ".not_split", {"columns": ", ".join(names)})
        return Outcome(False, ".missing_columns", {"missing": ", ".join(c for c in wanted if c not in names)})
    if len(table) != len(expected):
        return Outcome(False, ".wrong_rows", {"got": len(table), "expected": len(expected)})
    if not pd.api.types.is_numeric_dtype(table["omzet_eur"]):
        return Outcome(False, ".decimal_comma")
    if not np.allclose(pd.to_numeric(table["omzet_eur"]).to_numpy(dtype=float), expected["omzet_eur"].to_numpy(), atol=0.005):
        return Outcome(False, ".wrong_amounts")
    return Outcome(True, ".good", {"days": len(expected), "total": round(float(expected["omzet_eur"].sum()))})


q2 = Exercise("m02.q2", Property(_till_table, convert=as_table))


@dataclass
class _TextToNumber(FunctionCases):
    """Function cases for a text-to-number function. An untouched ``___`` inside ``replace``
    counts as not attempted, and the numbers in messages are shown as Python writes them."""

    def outcome(self, answer, *, cases=()) -> Outcome:
        function = as_function(answer)

        def guarded(*args):
            try:
                return function(*args)
            except TypeError as error:
                if "Blank" in str(error):  # e.g. replace() argument 2 must be str, not Blank
                    raise BlankUsed("___") from None
                raise

        result = super().outcome(guarded, cases=cases)
        if result.key == ".case_failed":
            params = dict(result.params)
            params["expected"], params["got"] = repr(params["expected"]), repr(params["got"])
            return Outcome(False, result.key, params)
        return result


# q3: what decimal="," does: turn "512,35" into 512.35
q3 = Exercise(
    "m02.q3",
    _TextToNumber(
        cases=[(("3,45",), 3.45), (("512,35",), 512.35), (("14,50",), 14.5)],
        describe=lambda args: f'"{args[0]}"',
    ),
)

# q4: how many cells of the column "aantal" are empty?
q4 = Exercise(
    "m02.q4",
    Close(
        lambda: data.missing_counts()["aantal"],
        tol=0.01,
        mistakes=[
            (lambda x: x == sum(data.missing_counts().values()), ".whole_table"),
            (lambda x: x == data.missing_counts()["opmerking"], ".notes_column"),
            (lambda x: x == len(data.workbook()) - data.missing_counts()["aantal"], ".filled"),
            (lambda x: x == len(data.workbook()), ".rows"),
            (lambda x: x == len(PRODUCTS), ".sick_day_only"),
        ],
    ),
    fields=data.numbers,
)


# q5: correct the misspelled product names with a dictionary of corrections
def _sales_table(value):
    return as_table(value, rows=len(data.workbook()), columns=["product"])


def _names_fixed(table) -> Outcome:
    names = table["product"].tolist()
    if any(is_blank(v) for v in names):
        raise BlankUsed("___")
    official = set(PRODUCTS)
    wrong = sorted({str(v) for v in names if v not in official})
    if wrong:
        return Outcome(False, ".names_left", {"names": ", ".join(f'"{w}"' for w in wrong), "count": len(wrong)})
    expected = data.truth()["product"].value_counts()
    for product in PRODUCTS:
        got = names.count(product)
        if got > int(expected[product]):
            return Outcome(False, ".wrong_product", {"name": product, "got": got, "expected": int(expected[product])})
    return Outcome(True, ".good", {"count": len(PRODUCTS)})


q5 = Exercise("m02.q5", Property(_names_fixed, convert=_sales_table))

# q6: the outlier was typed with a zero too many: what was the real number?
q6 = Exercise(
    "m02.q6",
    Close(
        lambda: data.outlier()["real"],
        tol=0.01,
        mistakes=[
            (lambda x: x == data.outlier()["typed"], ".outlier_itself"),
            (lambda x: abs(x - data.outlier()["typed"] / 100) < 0.01, ".two_zeros"),
            (lambda x: x > 300, ".still_too_big"),
        ],
    ),
    fields=data.numbers,
)


# q7: read the mixed dates with the day first
def _date_series(value):
    if value is None:
        raise AnswerProblem(".none")
    if isinstance(value, pd.DataFrame):
        if "datum" not in value.columns:
            raise AnswerProblem("answer.table_missing_columns", missing="datum")
        value = value["datum"]
    if not isinstance(value, pd.Series):
        raise AnswerProblem(".not_series", kind=type(value).__name__)
    expected = len(data.workbook())
    if len(value) != expected:
        raise AnswerProblem(".wrong_length", got=len(value), expected=expected)
    return value


def _dates_right(series) -> Outcome:
    if any(is_blank(v) for v in series.tolist()):
        raise BlankUsed("___")
    if not pd.api.types.is_datetime64_any_dtype(series):
        return Outcome(False, ".not_dates")
    got = series.to_numpy().astype("datetime64[s]")
    truth = data.true_dates().to_numpy().astype("datetime64[s]")
    wrong = np.flatnonzero(got != truth)
    if len(wrong) == 0:
        return Outcome(True, ".good", {"count": len(truth), "first": data.format_date(data.true_dates().min()), "last": data.format_date(data.true_dates().max())})
    first = int(wrong[0])
    raw = data.workbook()["datum"].iloc[first]
    shown = series.iloc[first]
    params = {
        "count": len(wrong),
        "text": str(raw),
        "wrong": data.format_date(shown) if pd.notna(shown) else "NaT",
        "right": data.format_date(data.true_dates().iloc[first]),
    }
    if pd.isna(shown):
        return Outcome(False, ".not_read", params)
    return Outcome(False, ".swapped", params)


q7 = Exercise("m02.q7", Property(_dates_right, convert=_date_series))

QUIZ = (
    Question("m02.quiz1", correct=1),  # which of these is personal data
    Question("m02.quiz2", correct=1),  # the flour supplier asks for your sales data
    Question("m02.quiz3", correct=1),  # an empty cell: what do you do
    Question("m02.quiz4", correct=0),  # whose data is in the cloud till
    Question("m02.quiz5", correct=2),  # a customer asks what you keep about her
)
