"""Numbers that must be written into a notebook or an assignment (a table in a task, a value
between ``### BEGIN SOLUTION`` and ``### END SOLUTION``), computed from the module's model and
compared. The catalogues need no such test: they fill their numbers from the model when shown."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from smeai.modules.m01 import model as m01
from smeai.modules.m02 import model as m02
from smeai.modules.m03 import model as m03

REPO = Path(__file__).resolve().parents[2]


def notebook(path: str):
    return nbformat.read(REPO / path, as_version=4)


def markdown(path: str) -> str:
    return "\n".join(c.source for c in notebook(path).cells if c.cell_type == "markdown")


def solution(path: str, name: str) -> str:
    """The right-hand side of ``name = ...`` in the trainer's solution."""
    for cell in notebook(path).cells:
        if "### BEGIN SOLUTION" in cell.source:
            found = re.search(rf"^{name} = (.+?)\s*(#.*)?$", cell.source.split("### BEGIN SOLUTION")[1], re.M)
            if found:
                return found.group(1)
    raise AssertionError(f"no solution for {name} in {path}")


M01 = "assessments/source/m01/m01-wat-is-ai.ipynb"
M02 = "assessments/source/m02/m02-data-brandstof-van-ai.ipynb"
M03 = "assessments/source/m03/m03-voorspellen.ipynb"


def test_m01_assignment_table_and_solutions_follow_the_apples():
    text = markdown(M01)
    rows = re.findall(r"^\| (\d+) mm \| (\d+) van de (\d+) \|$", text, re.M)
    assert len(rows) >= 10
    for mm, right, total in rows:
        assert (int(right), int(total)) == (m01.rule_right(int(mm)), m01.N_APPLES), mm
    assert f"**{m01.rule_right(70)} van de {m01.N_APPLES} appels**" in text
    assert f"`{m01.rule_right(70)} / {m01.N_APPLES} * 100`" in text
    assert float(solution(M01, "regel_70_pct")) == m01.rule_accuracy(70)
    assert int(solution(M01, "grens_mm")) == m01.best_rule()[0]


@pytest.mark.parametrize("path", ["course/nl/01-wat-is-ai.ipynb", "course/en/01-what-is-ai.ipynb"])
def test_m01_notebooks_state_the_best_rules_share(path):
    (stated,) = re.findall(r"(?:hoger dan|higher than) (\d+) %", markdown(path))
    assert int(stated) == round(m01.best_rule()[1])


def test_m02_assignment_cold_and_warm_day_table_follows_the_sales():
    text = markdown(M02)
    data = m02.sales()
    cold, warm = data[data["temperature_c"] <= 5], data[data["temperature_c"] >= 20]
    assert f"5 °C of kouder, {cold['date'].nunique()} dagen" in text
    assert f"20 °C of warmer, {warm['date'].nunique()} dagen" in text
    rows = dict((name, (int(a), int(b))) for name, a, b in re.findall(r"^\| (\w+) \| (\d+) \| (\d+) \|$", text, re.M))
    assert set(rows) == set(m02.PRODUCTS)
    for product, quoted in rows.items():
        on_cold = round(cold.loc[cold["product"] == product, "units"].mean())
        on_warm = round(warm.loc[warm["product"] == product, "units"].mean())
        assert quoted == (on_cold, on_warm), product
    assert int(solution(M02, "echt_aantal")) == m02.outlier()["real"]


@pytest.mark.parametrize("path", ["course/nl/02-data-brandstof-van-ai.ipynb", "course/en/02-data-fuel-of-ai.ipynb"])
def test_m02_notebooks_replace_the_outlier_by_its_real_value(path):
    code = "\n".join(c.source for c in notebook(path).cells if c.cell_type == "code")
    gone = m02.outlier()
    assert f".replace({gone['typed']}, {gone['real']})" in code


def test_m03_assignment_solutions_follow_the_models():
    numbers = m03.numbers()
    assert solution(M03, "besparing") == f"{numbers['cost_weekday']} - {numbers['cost_linear']}"
    assert int(solution(M03, "voorspelling")) == numbers["what_if"]
    assert int(solution(M03, "diepte")) == m03.best_depth()
