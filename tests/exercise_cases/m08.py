import numpy as np

from smeai import ___
from smeai.modules.m08 import model

from .common import BAD_FUNCTION, BAD_NUMBER, BAD_TEXT

# The right and wrong answers of q1, q2, q4 and q5 come from the model: no rate a numpy or
# scikit-learn release could shift is typed here.
WITH = model.fairness("with_postcode", model.DEFAULT_THRESHOLD)
WITHOUT = model.fairness("without_postcode", model.DEFAULT_THRESHOLD)
A, B, B_WITHOUT = WITH["metrics"]["A"], WITH["metrics"]["B"], WITHOUT["metrics"]["B"]
GOOD = model.good_thresholds()


def four_fifths_met(pct_a, pct_b):
    ratio = min(pct_a, pct_b) / max(pct_a, pct_b)
    return ratio >= 0.8


def starter_four_fifths(pct_a, pct_b):
    ratio = min(pct_a, pct_b) / max(pct_a, pct_b)
    return ratio >= ___


def percent_not_fraction(pct_a, pct_b):  # 80 instead of 0.8: nothing ever passes
    ratio = min(pct_a, pct_b) / max(pct_a, pct_b)
    return ratio >= 80


def too_strict(pct_a, pct_b):  # 0.85: the public case 50 % against 41 % (0.82) fails
    return min(pct_a, pct_b) / max(pct_a, pct_b) >= 0.85


def crashes(pct_a, pct_b):
    return pct_a / 0


SORTED_NL = {
    "cv-screening": "hoog",
    "chatbot op de website": "beperkt",
    "spamfilter": "minimaal",
    "sociale score voor burgers": "onaanvaardbaar",
    "emotieherkenning bij personeel": "onaanvaardbaar",
}
SORTED_EN = {
    "cv-screening": "high",
    "website chatbot": "limited",
    "spam filter": "minimal",
    "social scoring of citizens": "unacceptable",
    "emotion recognition of staff": "unacceptable",
}


def changed(sorting, **levels):
    """The sorting with some uses put at another level (keys: the first words of each use)."""
    result = dict(sorting)
    for start, level in levels.items():
        (key,) = [k for k in result if k.replace("-", "_").replace(" ", "_").startswith(start)]
        result[key] = level
    return result


STARTER_SORTING = dict.fromkeys(SORTED_NL, ___)

CASES = {
    "m08.q1": ([B["selected_pct"], B["selected_pct"] + 0.4, np.float64(B["selected_pct"]), [B["selected_pct"]], B["selected"] / B["count"] * 100], [
        (A["selected_pct"], "m08.q1.group_a"),
        (B["selected_pct"] / 100, "m08.q1.fraction"),
        (B["selected"], "m08.q1.count"),
        (B_WITHOUT["selected_pct"], "m08.q1.without_postcode"),
        (1, "check.number_too_low"),
        (99, "check.number_too_high"),
    ]),
    "m08.q2": ([B["selected_pct"] / A["selected_pct"], WITH["ratio"], 100 * B["selected_pct"] / A["selected_pct"], (B["selected"] / B["count"]) / (A["selected"] / A["count"])], [
        (A["selected_pct"] / B["selected_pct"], "m08.q2.inverted"),
        (A["selected_pct"] - B["selected_pct"], "m08.q2.difference"),
        (B["selected_pct"] - A["selected_pct"], "m08.q2.difference"),
        (WITHOUT["ratio"], "m08.q2.without_postcode"),
        (WITH["ratio"] + 0.1, "check.number_too_high"),
        (WITH["ratio"] - 0.1, "check.number_too_low"),
    ]),
    "m08.q3": ([four_fifths_met, lambda a, b: min(a, b) / max(a, b) >= 4 / 5], [
        (percent_not_fraction, "m08.q3.case_failed"),
        (too_strict, "m08.q3.case_failed"),
        (crashes, "check.function_raised"),
    ]),
    "m08.q4": ([B["missed_pct"], round(B["missed_pct"]), [B["missed_pct"]]], [
        (A["missed_pct"], "m08.q4.group_a"),
        (B["missed_pct"] / 100, "m08.q4.fraction"),
        (B["selected_pct"], "m08.q4.selected"),
        (B["accuracy_pct"], "m08.q4.accuracy"),
        (B["wrongly_invited_pct"], "m08.q4.wrongly_invited"),
        (B_WITHOUT["missed_pct"], "m08.q4.without_postcode"),
        (99.9, "check.number_too_high"),
    ]),
    "m08.q5": ([*GOOD, (GOOD[0] + GOOD[1]) / 2, np.int64(model.best_threshold())], [
        (GOOD[0] - model.THRESHOLD_STEP, "m08.q5.too_low"),
        (model.DEFAULT_THRESHOLD, "m08.q5.too_high"),
        (GOOD[-1] + model.THRESHOLD_STEP, "m08.q5.too_high"),
        (85, "m08.q5.unfair"),
        (0.2, "m08.q5.fraction"),
        (5, "m08.q5.out_of_range"),
        (95, "m08.q5.out_of_range"),
    ]),
    "m08.q6": (["diploma", " Diploma ", "mbo-niveau", "diploma_level", "opleiding"], [
        ("ervaring", "m08.q6.option.experience"),
        ("test score", "m08.q6.option.test"),
        ("toets", "m08.q6.option.test"),
        ("postcodegebied", "m08.q6.option.postcode"),
        ("leeftijd", "m08.q6.unknown_option"),
    ]),
    "m08.q7": (["geboorteland", "Geboorteland", "country of birth", "nationaliteit"], [
        ("rijbewijs", "m08.q7.option.licence"),
        ("driving licence", "m08.q7.option.licence"),
        ("VCA", "m08.q7.option.vca"),
        ("werkervaring", "m08.q7.option.experience"),
        ("foto", "m08.q7.unknown_option"),
    ]),
    "m08.q8": ([SORTED_NL, SORTED_EN, changed(SORTED_NL, emotie="verboden", chatbot="transparantie"), {k.upper(): v.upper() for k, v in SORTED_EN.items()}], [
        (changed(SORTED_NL, cv="beperkt"), "m08.q8.wrong.cv_screening"),
        (changed(SORTED_NL, chatbot="hoog"), "m08.q8.wrong.chatbot"),
        (changed(SORTED_EN, spam="limited"), "m08.q8.wrong.spam_filter"),
        (changed(SORTED_NL, sociale="hoog"), "m08.q8.wrong.social_scoring"),
        (changed(SORTED_NL, emotie="beperkt"), "m08.q8.wrong.emotion_recognition"),
        (changed(SORTED_NL, cv="minimaal", spam="hoog"), "m08.q8.wrong.cv_screening"),  # the first wrong one
        (changed(SORTED_NL, cv="heel hoog"), "m08.q8.unknown_level"),
        ({**SORTED_NL, "fietsenmaker": "hoog"}, "m08.q8.unknown_use"),
        ({k: v for k, v in SORTED_NL.items() if k != "spamfilter"}, "m08.q8.missing_use"),
        (changed(SORTED_NL, spam=___), "m08.q8.still_blank"),
        (changed(SORTED_NL, cv=3), "m08.q8.level_not_text"),
        (changed(SORTED_NL, cv=None), "m08.q8.level_not_text"),
    ]),
}

BAD_INPUT = {
    "m08.q1": BAD_NUMBER,
    "m08.q2": BAD_NUMBER,
    "m08.q3": BAD_FUNCTION + [four_fifths_met(40, 36)],
    "m08.q4": BAD_NUMBER,
    "m08.q5": BAD_NUMBER,
    "m08.q6": BAD_TEXT,
    "m08.q7": BAD_TEXT,
    "m08.q8": [None, "hoog", 3, ["hoog"] * 5, list(SORTED_NL.items()), {}, {1: "hoog"}, changed(SORTED_NL, cv=""), changed(SORTED_NL, cv=float("nan"))],
}

STARTERS = {"m08.q3": starter_four_fifths, "m08.q8": STARTER_SORTING}
