"""The greenhouse of module 03's agro exercise: weekly tomato yield from light, temperature and CO2."""

import numpy as np
import pytest
from sklearn.linear_model import LinearRegression

from smeai.datasets.greenhouse import FEATURES, GREENHOUSES, TARGET, greenhouse_yield, make_greenhouse

COLUMNS = ["greenhouse", "year", "week", "light_mol_m2", "temperature_c", "co2_ppm", "yield_kg_m2"]


@pytest.fixture(scope="module")
def data():
    return make_greenhouse(random_state=0)


def test_shape_columns_and_ranges(data):
    assert list(data.columns) == COLUMNS
    assert data.shape == (3 * 52 * len(GREENHOUSES), 7)
    assert sorted(data["greenhouse"].unique()) == list(GREENHOUSES)
    assert data["year"].unique().tolist() == [2022, 2023, 2024] and data["week"].between(1, 52).all()
    assert data.groupby(["greenhouse", "year"]).size().eq(52).all()
    assert data["light_mol_m2"].between(0, 45).all() and data["temperature_c"].between(14, 30).all()
    assert data["co2_ppm"].between(380, 1100).all() and (data[TARGET] >= 0).all()
    assert make_greenhouse(n_years=1, first_year=2030, random_state=0)["year"].unique().tolist() == [2030]


def test_same_seed_same_data_other_seed_other_data():
    assert make_greenhouse(random_state=4).equals(make_greenhouse(random_state=4))
    assert not make_greenhouse(random_state=4).equals(make_greenhouse(random_state=5))


def test_yields_look_like_a_dutch_tomato_greenhouse(data):
    per_year = data.groupby(["greenhouse", "year"])[TARGET].sum()
    assert per_year.between(35, 70).all()  # kg of tomatoes per m² per year
    summer = data[data["week"].between(22, 30)][TARGET].mean()
    winter = data[(data["week"] <= 4) | (data["week"] >= 49)][TARGET].mean()
    assert summer > 1.4 * winter  # grow lights and CO2 keep winter going, at a lower level
    # the greenhouse without grow lights is darker, and yields less, in winter
    dark = data[(data["week"] <= 4) | (data["week"] >= 49)].groupby("greenhouse")["light_mol_m2"].mean()
    assert dark["Kas 3"] < 0.7 * dark[["Kas 1", "Kas 2"]].mean()
    # CO2 is dosed when the vents are shut: more in winter than in summer
    assert data[data["week"] <= 8]["co2_ppm"].mean() > data[data["week"].between(22, 30)]["co2_ppm"].mean() + 200


def test_yield_follows_light_rises_with_co2_and_drops_in_a_heat_wave():
    assert greenhouse_yield(20, 21, 400) == pytest.approx(1.0)
    assert greenhouse_yield(22, 21, 400) / greenhouse_yield(20, 21, 400) == pytest.approx(1.1)  # 10 % light, 10 % yield
    assert greenhouse_yield(20, 21, 800) > greenhouse_yield(20, 21, 400) + 0.3
    assert greenhouse_yield(20, 26, 400) < greenhouse_yield(20, 21, 400) - 0.2
    assert greenhouse_yield(0, 30, 400) == 0


def test_a_linear_model_learns_the_yield_from_light_and_co2_not_from_light_alone(data):
    train, test = data[data["year"] < 2024], data[data["year"] == 2024]

    def error(columns):
        model = LinearRegression().fit(train[columns], train[TARGET])
        return np.abs(model.predict(test[columns]) - test[TARGET]).mean()

    baseline = (test[TARGET] - train[TARGET].mean()).abs().mean()
    light, light_co2, everything = error(["light_mol_m2"]), error(["light_mol_m2", "co2_ppm"]), error(list(FEATURES))
    assert light < 0.6 * baseline
    assert light_co2 < 0.75 * light and everything < 0.75 * light
    assert error(["temperature_c"]) > 0.8 * baseline  # temperature alone tells little


@pytest.mark.parametrize("kwargs", [{"n_years": 0}, {"n_years": 1.5}, {"first_year": "2022"}, {"noise": 0.9}, {"random_state": "x"}])
def test_bad_options_are_refused(kwargs):
    with pytest.raises(ValueError):
        make_greenhouse(**kwargs)
