import numpy as np

from smeai import ___

from .common import BAD_FUNCTION, BAD_NUMBER, BAD_TEXT


def is_class1(size_mm, redness_pct):
    return size_mm >= 70 and redness_pct >= 45


def starter_is_class1(size_mm, redness_pct):
    return size_mm >= 70 and redness_pct >= ___


def crashes(size_mm, redness_pct):
    return size_mm / 0


CASES = {
    "m01.q1": (["voorspellen", " Voorspellen ", "predict", "PREDICT"], [("classificeren", "m01.q1.option.classify"), ("group", "m01.q1.option.group"), ("herkennen", "m01.q1.option.recognise"), ("gokken", "m01.q1.unknown_option")]),
    "m01.q2": ([72.5, 72.4, np.float64(72.5), [72.5]], [(0.725, "m01.q2.fraction"), (29, "m01.q2.count"), (80, "check.number_too_high"), (50, "check.number_too_low")]),
    "m01.q3": ([74, 72, 76, 73.5], [(60, "m01.q3.too_low"), (71, "m01.q3.too_low"), (80, "m01.q3.too_high"), (120, "m01.q3.out_of_range")]),
    "m01.q4": ([is_class1, lambda s, r: s >= 70 and r >= 45.0], [(lambda s, r: s >= 70, "m01.q4.case_failed"), (crashes, "check.function_raised")]),
}
BAD_INPUT = {"m01.q1": BAD_TEXT, "m01.q2": BAD_NUMBER, "m01.q3": BAD_NUMBER, "m01.q4": BAD_FUNCTION + [is_class1(75, 60)]}
STARTERS = {"m01.q4": starter_is_class1}
