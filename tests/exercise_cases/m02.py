import numpy as np
import pandas as pd

from smeai import ___
from smeai.modules.m02 import model as data

from .common import BAD_FUNCTION, BAD_NUMBER, BAD_TEXT

# -- the answers a learner makes, from the shipped files -------------------------------------------

TILL = data.till_file()
RIGHT_TILL = pd.read_csv(TILL, sep=";", decimal=",")
NO_SEPARATOR = pd.read_csv(TILL)  # everything in one column
NO_DECIMAL = pd.read_csv(TILL, sep=";")  # omzet_eur is text
DECIMAL_ONLY = pd.read_csv(TILL, decimal=",")
CENTS = RIGHT_TILL.assign(omzet_eur=RIGHT_TILL["omzet_eur"] * 100)  # commas removed instead of replaced
HALF_TILL = RIGHT_TILL.head(30)
NO_CUSTOMERS = RIGHT_TILL.drop(columns=["klanten"])

SALES = pd.read_excel(data.sales_file(), sheet_name="verkoop")
FIXES = {"volkorenbrood": "Volkorenbrood", "Volkoren brood": "Volkorenbrood", "Krentebol": "Krentenbol"}
CLEAN = SALES.replace({"product": {**FIXES, "Witbrod": "Witbrood"}})
STARTER_CLEAN = SALES.replace({"product": {**FIXES, "Witbrod": ___}})
LOWERCASE = SALES.replace({"product": {**FIXES, "Witbrod": "witbrood"}})
WRONG_PRODUCT = SALES.replace({"product": {**FIXES, "Witbrod": "Stokbrood"}})
ROWS_DROPPED = CLEAN.drop(index=[0, 1])

RIGHT_DATES = pd.to_datetime(SALES["datum"], format="mixed", dayfirst=True)
MONTH_FIRST = pd.to_datetime(SALES["datum"], format="mixed")  # the runnable starter of the course
STRICT_FORMAT = pd.to_datetime(SALES["datum"], format="%d-%m-%Y", errors="coerce")


def to_number(text):
    return float(text.replace(",", "."))


def starter_to_number(text):
    return float(text.replace(",", ___))


def drops_comma(text):
    return float(text.replace(",", ""))


def keeps_comma(text):
    return float(text.replace(",", ","))


def only_shown_cases(text):  # passes the three visible cases, fails the hidden ones
    return {"3,45": 3.45, "512,35": 512.35, "14,50": 14.5}.get(text, 0.0)


CASES = {
    "m02.q1": (
        ["stokbrood", " Stokbrood ", "baguette", "STOKBROOD", "French bread"],
        [("volkorenbrood", "m02.q1.option.volkorenbrood"), ("white bread", "m02.q1.option.witbrood"),
         ("krentenbollen", "m02.q1.option.krentenbol"), ("apple pie", "m02.q1.option.appeltaart"),
         ("croissant", "m02.q1.unknown_option")],
    ),
    "m02.q2": (
        [RIGHT_TILL, RIGHT_TILL.copy()],
        [(NO_SEPARATOR, "m02.q2.not_split"), (DECIMAL_ONLY, "m02.q2.not_split"), (NO_DECIMAL, "m02.q2.decimal_comma"),
         (CENTS, "m02.q2.wrong_amounts"), (HALF_TILL, "m02.q2.wrong_rows"), (NO_CUSTOMERS, "m02.q2.missing_columns")],
    ),
    "m02.q3": (
        [to_number, lambda text: float(text.replace(",", ".").strip())],
        [(drops_comma, "m02.q3.case_failed"), (lambda text: round(to_number(text)), "m02.q3.case_failed"),
         (keeps_comma, "check.function_raised")],
    ),
    "m02.q4": (
        [6, 6.0, np.int64(6), SALES["aantal"].isna().sum()],
        [(int(SALES.isna().sum().sum()), "m02.q4.whole_table"), (373, "m02.q4.notes_column"), (374, "m02.q4.filled"),
         (380, "m02.q4.rows"), (5, "m02.q4.sick_day_only"), (7, "check.number_too_high"), (0, "check.number_too_low")],
    ),
    "m02.q5": (
        [CLEAN, CLEAN.copy()],
        [(LOWERCASE, "m02.q5.names_left"), (SALES, "m02.q5.names_left"), (WRONG_PRODUCT, "m02.q5.wrong_product")],
    ),
    "m02.q6": (
        [74, 74.0, 740 / 10, [74]],
        [(740, "m02.q6.outlier_itself"), (7.4, "m02.q6.two_zeros"), (370, "m02.q6.still_too_big"),
         (80, "check.number_too_high"), (60, "check.number_too_low")],
    ),
    "m02.q7": (
        [RIGHT_DATES, SALES.assign(datum=RIGHT_DATES)],
        [(MONTH_FIRST, "m02.q7.swapped"), (SALES.assign(datum=MONTH_FIRST), "m02.q7.swapped"),
         (SALES["datum"], "m02.q7.not_dates"), (STRICT_FORMAT, "m02.q7.not_read")],
    ),
}

BAD_INPUT = {
    "m02.q1": BAD_TEXT,
    "m02.q2": [None, "kassa.csv", 3, RIGHT_TILL["omzet_eur"], [1, 2], str(TILL)],
    "m02.q3": BAD_FUNCTION + [to_number("3,45")],
    "m02.q4": BAD_NUMBER,
    "m02.q5": [None, "verkoop", SALES["product"], ROWS_DROPPED, SALES.drop(columns=["product"]), 5],
    "m02.q6": BAD_NUMBER,
    "m02.q7": [None, "03-02-2025", 3, RIGHT_DATES.head(10), SALES.drop(columns=["datum"]), [RIGHT_DATES]],
}

STARTERS = {"m02.q3": starter_to_number, "m02.q5": STARTER_CLEAN}
HIDDEN_ONLY = {"m02.q3": only_shown_cases}  # right for the visible cases, wrong for the hidden ones
