import numpy as np
import pandas as pd

from smeai import ___
from smeai.modules.m03 import model as model

from .common import BAD_FUNCTION, BAD_NUMBER, BAD_TEXT

# -- q4: the what-if explorer on a warm, dry Saturday ----------------------------------------------

SATURDAY = dict(weekday=5, temperature_c=24, rain_mm=0, holiday=False)
LINEAR = round(model.forecast("linear", **SATURDAY))
TREE = round(model.forecast("tree", **SATURDAY))
WEEKDAY = round(model.forecast("weekday", **SATURDAY))
HOLIDAY = round(model.forecast("linear", **{**SATURDAY, "holiday": True}))
MONDAY = round(model.forecast("linear", **{**SATURDAY, "weekday": 0}))


# -- q1: the cost of a day's baking ----------------------------------------------------------------

def cost(baked, demand):
    if baked > demand:
        return (baked - demand) * 1.20
    return (demand - baked) * 2.00


def starter_cost(baked, demand):
    if baked > demand:
        return (baked - demand) * 1.20
    return (demand - baked) * ___


def same_price_both_ways(baked, demand):
    return abs(baked - demand) * 1.20


def prices_swapped(baked, demand):
    return (baked - demand) * 2.00 if baked > demand else (demand - baked) * 1.20


def only_shown_cases(baked, demand):  # right for the visible cases, wrong for the hidden ones
    return {(140, 120): 24.0, (100, 120): 40.0, (120, 120): 0.0}.get((baked, demand), 0.0)


def crashes(baked, demand):
    return baked / (demand - demand)


# -- q3: euros a year saved ------------------------------------------------------------------------

TABLE = model.comparison()
COST = {m: round(TABLE.at[m, "cost_year_eur"]) for m in model.METHODS}
SAVED = COST["weekday"] - COST["linear"]
DAYS = len(model.forecasts())

CASES = {
    "m03.q4": (
        [LINEAR, LINEAR + 0.5, float(LINEAR), np.int64(LINEAR), model.forecast("linear", **SATURDAY)],
        [(TREE, "m03.q4.tree"), (WEEKDAY, "m03.q4.weekday"), (HOLIDAY, "m03.q4.holiday"), (MONDAY, "m03.q4.monday"),
         (LINEAR + 40, "check.number_too_high"), (LINEAR - 20, "check.number_too_low")],
    ),
    "m03.q1": (
        [cost, lambda b, d: max(b - d, 0) * 1.2 + max(d - b, 0) * 2],
        [(same_price_both_ways, "m03.q1.case_failed"), (prices_swapped, "m03.q1.case_failed"), (crashes, "check.function_raised")],
    ),
    "m03.q2": (
        ["weekdaggemiddelde", "Weekdag", "weekday average", " WEEKDAY "],
        [("gisteren", "m03.q2.option.yesterday"), ("yesterday", "m03.q2.option.yesterday"), ("lineaire regressie", "m03.q2.option.linear"),
         ("decision tree", "m03.q2.option.tree"), ("de bakker", "m03.q2.unknown_option")],
    ),
    "m03.q3": (
        [SAVED, COST["weekday"] - COST["linear"], float(SAVED) + 1, TABLE.at["weekday", "cost_year_eur"] - TABLE.at["linear", "cost_year_eur"]],
        [(-SAVED, "m03.q3.reversed"), (round(SAVED / DAYS, 2), "m03.q3.per_day"), (COST["yesterday"] - COST["linear"], "m03.q3.vs_yesterday"),
         (COST["weekday"] - COST["tree"], "m03.q3.tree"), (int(TABLE.at["weekday", "left_over"] - TABLE.at["linear", "left_over"]), "m03.q3.loaves"),
         (COST["linear"], "m03.q3.one_cost"), (COST["weekday"], "m03.q3.one_cost"), (SAVED + 300, "check.number_too_high"), (SAVED - 300, "check.number_too_low")],
    ),
    "m03.q5": (
        [model.best_depth(), float(model.best_depth()), model.best_depth() + 1],
        [(1, "m03.q5.too_shallow"), (2, "m03.q5.too_shallow"), (10, "m03.q5.too_deep"), (15, "m03.q5.too_deep"),
         (0, "m03.q5.out_of_range"), (40, "m03.q5.out_of_range"), (4.5, "m03.q5.not_whole")],
    ),
    "m03.q6": (
        [["light_mol_m2", "co2_ppm"], ("co2_ppm", "light_mol_m2"), ["licht", "CO2"], ["light_mol_m2", "co2_ppm", "temperature_c"], ["light", "co2", "co2"]],
        [(["light_mol_m2"], "m03.q6.too_weak"), ("light_mol_m2", "m03.q6.too_weak"), (["light_mol_m2", "temperature_c"], "m03.q6.too_weak"),
         (["light_mol_m2", "yield_kg_m2"], "m03.q6.target_leak"), (["lihgt_mol_m2"], "m03.q6.unknown_column")],
    ),
}

BAD_INPUT = {
    "m03.q4": BAD_NUMBER,
    "m03.q1": BAD_FUNCTION + [cost(140, 120)],
    "m03.q2": BAD_TEXT,
    "m03.q3": BAD_NUMBER,
    "m03.q5": BAD_NUMBER,
    "m03.q6": [None, 3, [], [3, 4], {"light_mol_m2": 1}, pd.DataFrame({"a": [1]}), True],
}

STARTERS = {"m03.q1": starter_cost, "m03.q6": ["light_mol_m2", ___]}
HIDDEN_ONLY = {"m03.q1": only_shown_cases}
