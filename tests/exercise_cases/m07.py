import numpy as np

from smeai import ___
from smeai.modules.m07 import model

from .common import BAD_FUNCTION, BAD_NUMBER, BAD_TEXT

# The right and wrong answers of q2, q3 and q5 come from the model: no count a numpy or
# scikit-learn release could shift is typed here.
IMAGES = {n: model.image_results(n) for n in model.TRAIN_SIZES}
SEEN = IMAGES[400]
READ = model.alarm_summary(model.READ_THRESHOLD)
START = model.alarm_summary(model.START_THRESHOLD)
GOOD = model.good_thresholds()
TOO_LOW = [float(x) for x in model.slider_thresholds() if x < GOOD[0]]
TOO_HIGH = [float(x) for x in model.slider_thresholds() if x > GOOD[-1]]
SIDE, PIXELS = model.IMAGE_SIZE, model.IMAGE_SIZE**2


def cost(missed, false_alarms):
    return missed * 10000 + false_alarms * 400


def cost_as_float(missed, false_alarms):
    return missed * 10000.0 + false_alarms * 400.0


def swapped(missed, false_alarms):
    return missed * 400 + false_alarms * 10000


def thousands_point(missed, false_alarms):
    return missed * 10.000 + false_alarms * 400  # a Dutch learner's 10.000 is ten to Python


def thousands_comma(missed, false_alarms):
    return missed * 10,000 + false_alarms * 400  # noqa: E231 (the slip itself: a tuple)


def no_false_cost(missed, false_alarms):
    return missed * 10000


def no_missed_cost(missed, false_alarms):
    return false_alarms * 400


def wrong_price(missed, false_alarms):
    return missed * 10000 + false_alarms * 500


def crashes(missed, false_alarms):
    return missed / 0


def starter_cost(missed, false_alarms):
    return missed * ___ + false_alarms * ___


CASES = {
    "m07.q1": ([PIXELS, SIDE * SIDE, float(PIXELS), np.int64(PIXELS), [PIXELS]], [(2 * SIDE, "m07.q1.added"), (SIDE, "m07.q1.one_side"), (3 * PIXELS, "m07.q1.colour"), (PIXELS - 100, "check.number_too_low"), (PIXELS + 30, "check.number_too_high")]),
    "m07.q2": ([SEEN["missed"], float(SEEN["missed"]), np.int64(SEEN["missed"])], [
        (SEEN["errors"], "m07.q2.all_errors"),
        (SEEN["wrong_kind"], "m07.q2.wrong_kind"),
        (SEEN["false_reject"], "m07.q2.false_reject"),
        (IMAGES[50]["missed"], "m07.q2.other_size"),
        (IMAGES[200]["missed"], "m07.q2.other_size"),
        (SEEN["pct"], "m07.q2.percentage"),
        (SEEN["missed"] + 200, "check.number_too_high"),
        (-1, "check.number_too_low"),
    ]),
    "m07.q3": ([READ["false_alarms"], float(READ["false_alarms"])], [
        (READ["alarms"], "m07.q3.all_alarms"),
        (READ["caught"], "m07.q3.caught"),
        (READ["missed"], "m07.q3.missed"),
        (START["false_alarms"], "m07.q3.not_moved"),
        (READ["cost_false"], "m07.q3.euros"),
        (READ["alarms"] + 7, "check.number_too_high"),
        (-1, "check.number_too_low"),
    ]),
    "m07.q4": ([cost, cost_as_float, lambda m, f: 10000 * m + 400 * f], [(swapped, "m07.q4.swapped"), (thousands_point, "m07.q4.thousands_point"), (thousands_comma, "m07.q4.thousands_comma"), (no_false_cost, "m07.q4.no_false_cost"), (no_missed_cost, "m07.q4.no_missed_cost"), (wrong_price, "m07.q4.case_failed"), (crashes, "check.function_raised")]),
    "m07.q5": ([*GOOD, model.best_threshold()["threshold"]], [
        *[(x, "m07.q5.too_low") for x in (TOO_LOW[0], TOO_LOW[-1])],
        *[(x, "m07.q5.too_high") for x in (TOO_HIGH[0], model.START_THRESHOLD)],
        (7, "m07.q5.out_of_range"),
        (0.1, "m07.q5.out_of_range"),
    ]),
    "m07.q6": (["b", " B ", "b)", "optie b", "option b"], [("a", "m07.q6.option.everything"), ("c", "m07.q6.option.automatic"), ("d", "m07.q6.option.nothing"), ("e", "m07.q6.unknown_option"), ("beveiliging", "m07.q6.unknown_option")]),
}
BAD_INPUT = {
    "m07.q1": BAD_NUMBER,
    "m07.q2": BAD_NUMBER,
    "m07.q3": BAD_NUMBER,
    "m07.q4": BAD_FUNCTION + [cost(1, 4), "cost"],
    "m07.q5": BAD_NUMBER + ["2,25", (2, 25)],
    "m07.q6": BAD_TEXT,
}
STARTERS = {"m07.q4": starter_cost}
