"""Module 03's agro case: weekly tomato yield of a greenhouse grower in the Westland.

The grower has three greenhouses. Two have grow lights, the oldest one has none. The yield
follows the light (the growers' rule of thumb: 1 % more light gives about 1 % more tomatoes),
rises with CO2 and drops in a heat wave, with noise on top. A linear model learns most of it
from light and CO2 together; light alone misses the CO2 the grower adds in the dark months.
"""

from __future__ import annotations

import numpy as np

from ._random import check_option, check_random_state

GROWER = "Tomatenkwekerij Van der Berg, Westland"
GREENHOUSES = ("Kas 1", "Kas 2", "Kas 3")  # Kas 3 is the oldest: no grow lights
FEATURES = ("light_mol_m2", "temperature_c", "co2_ppm")
TARGET = "yield_kg_m2"


def greenhouse_yield(light_mol_m2, temperature_c, co2_ppm):
    """The expected weekly yield in kg of tomatoes per m² (without noise).

    About 0.05 kg per mol of light a day (so 1 % more light gives about 1 % more tomatoes),
    0.08 kg more per 100 ppm of CO2 above the outside air's 400 ppm, and less in a heat wave
    (above 22.5 °C) or when the greenhouse is cold (below 19 °C).
    """
    light = np.asarray(light_mol_m2, dtype=float)
    co2 = np.asarray(co2_ppm, dtype=float)
    temperature = np.asarray(temperature_c, dtype=float)
    heat = np.clip(temperature - 22.5, 0, None)
    cold = np.clip(19 - temperature, 0, None)
    return np.clip(0.05 * light + 0.0008 * (co2 - 400) - 0.07 * heat - 0.03 * cold, 0, None)


def make_greenhouse(*, n_years: int = 3, first_year: int = 2022, noise: float = 0.06, random_state=None):
    """Weekly climate and tomato yield of three greenhouses in the Westland.

    Parameters
    ----------
    n_years : int, default=3
        Number of years, 52 weeks each.
    first_year : int, default=2022
        The first year.
    noise : float, default=0.06
        Standard deviation of the weekly yield's random variation, in kg/m².
    random_state : None, int or numpy.random.Generator, default=None
        Seed for reproducible data.

    Returns
    -------
    pandas.DataFrame
        One row per greenhouse and week: ``greenhouse`` (str, "Kas 1" .. "Kas 3"), ``year`` (int),
        ``week`` (int, 1–52), ``light_mol_m2`` (float, light per m² per day, daylight plus grow
        lights, in mol), ``temperature_c`` (float, weekly mean in °C), ``co2_ppm`` (float,
        CO2 in the air, parts per million) and ``yield_kg_m2`` (float, tomatoes harvested that
        week, kg per m²).

    Examples
    --------
    >>> from smeai.datasets.greenhouse import make_greenhouse
    >>> greenhouse = make_greenhouse(random_state=0)
    >>> greenhouse.shape
    (468, 7)
    >>> list(greenhouse.columns)
    ['greenhouse', 'year', 'week', 'light_mol_m2', 'temperature_c', 'co2_ppm', 'yield_kg_m2']
    """
    import pandas as pd

    n_years = check_option(n_years, "n_years", whole=True, low=1)
    first_year = check_option(first_year, "first_year", whole=True)
    noise = check_option(noise, "noise", low=0, high=0.5, closed="left")
    rng = check_random_state(random_state)

    weeks = np.tile(np.arange(1, 53), n_years)
    years = np.repeat(np.arange(first_year, first_year + n_years), 52)
    season = np.cos(2 * np.pi * (weeks - 26) / 52)  # 1 at midsummer, -1 at midwinter
    # daylight inside the glass, shared by the three greenhouses (the same sky)
    daylight = np.clip(14.5 + 11.5 * season + rng.normal(0, 2.2, len(weeks)), 1.5, None)
    rows = []
    for number, name in enumerate(GREENHOUSES):
        lamps = 0.0 if number == 2 else np.clip(13 - daylight, 0, None) * 0.9  # lights in the dark months
        light = daylight * (0.97 + 0.02 * number) + lamps + rng.normal(0, 0.6, len(weeks))
        temperature = 20.6 + 1.2 * season + rng.normal(0, 0.9, len(weeks))
        hot = rng.random(len(weeks)) < np.clip(season, 0, None) * 0.12  # heat waves in summer
        temperature = temperature + hot * rng.uniform(2.0, 4.5, len(weeks))
        # CO2 is dosed when the vents are shut (winter); Kas 2 has the best dosing
        co2 = 560 - 230 * season + (110 if number == 1 else 0) + rng.normal(0, 70, len(weeks))
        co2 = np.clip(co2, 380, 1100)
        expected = greenhouse_yield(light, temperature, co2)
        harvest = np.clip(expected + rng.normal(0, noise, len(weeks)), 0, None)
        rows.append(
            pd.DataFrame(
                {
                    "greenhouse": name,
                    "year": years,
                    "week": weeks,
                    "light_mol_m2": np.round(light, 1),
                    "temperature_c": np.round(temperature, 1),
                    "co2_ppm": np.round(co2, 0),
                    "yield_kg_m2": np.round(harvest, 3),
                }
            )
        )
    table = pd.concat(rows, ignore_index=True)
    return table.sort_values(["year", "week", "greenhouse"], kind="stable").reset_index(drop=True)
