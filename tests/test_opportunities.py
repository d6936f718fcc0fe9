"""The sector catalogue of module 09's opportunity scan: complete, in both languages, and the
lookup that turns chosen processes into candidate use cases."""

import pytest

from smeai import i18n, opportunities, profile
from smeai.course import MODULES
from smeai.opportunities import APPROACHES, DATA, EFFORTS, SECTOR_PROCESSES, TASKS, USE_CASES, VALUES

REQUIRED = ("retail", "services", "technical_industry", "agro", "healthcare", "logistics", "construction")


def test_every_profile_sector_has_processes_and_the_required_ones_have_their_own():
    assert set(SECTOR_PROCESSES) == set(profile.SECTORS)
    for sector in profile.SECTORS:
        assert opportunities.processes(sector)[-2:] == opportunities.COMMON_PROCESSES
    for sector in REQUIRED:
        own = SECTOR_PROCESSES[sector]
        assert len(own) >= 3, sector
        cases = [u for u in USE_CASES if u.process in own]
        assert len(cases) >= 3, sector
        assert {u.task for u in cases} >= {"predict"} and len({u.task for u in cases}) >= 2, sector


def test_every_process_has_use_cases_and_every_use_case_a_process():
    all_processes = {p for ps in SECTOR_PROCESSES.values() for p in ps} | set(opportunities.COMMON_PROCESSES)
    assert {u.process for u in USE_CASES} == all_processes
    assert len({u.id for u in USE_CASES}) == len(USE_CASES)
    numbers = {m.number for m in MODULES}
    assert all(u.module in numbers for u in USE_CASES)


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_every_text_of_the_catalogue_exists_in_both_languages(lang):
    catalogue = i18n.catalogue(lang)
    keys = [f"opportunities.use_cases.{u.id}.{part}" for u in USE_CASES for part in ("title", "example")]
    keys += [f"opportunities.processes.{p}" for ps in SECTOR_PROCESSES.values() for p in ps]
    keys += [f"opportunities.processes.{p}" for p in opportunities.COMMON_PROCESSES]
    keys += [f"opportunities.tasks.{x}" for x in TASKS] + [f"opportunities.efforts.{x}" for x in EFFORTS]
    keys += [f"opportunities.approaches.{x}" for x in APPROACHES] + [f"opportunities.values.{x}" for x in VALUES]
    keys += [f"opportunities.data.{x}" for x in DATA]
    missing = [k for k in keys if not isinstance(catalogue.get(k), str) or not catalogue[k].strip()]
    assert missing == []


def test_candidates_follow_the_chosen_processes_quick_wins_first():
    found = opportunities.candidates("retail", ["retail.stock", "admin"])
    assert {u.process for u in found} == {"retail.stock", "admin"}
    assert [u.id for u in found] == ["admin.invoice_reading", "retail.demand_forecast", "admin.late_payment"]
    efforts = [EFFORTS.index(u.effort) for u in found]
    assert efforts == sorted(efforts)
    assert opportunities.candidates("retail", []) == []
    # a process of another sector, left over after switching sector, brings in nothing
    assert opportunities.candidates("agro", ["retail.stock"]) == []
    with pytest.raises(ValueError, match="lijst met sectoren"):
        opportunities.candidates("space", ["admin"])


def test_use_case_values_come_from_its_flags_in_a_fixed_order():
    no_show = opportunities.use_case("health.no_show")
    assert no_show.values == ("privacy", "non_discrimination", "human_oversight")
    assert opportunities.use_case("contact.draft_replies").values == ("privacy", "transparency")
    assert opportunities.use_case("technical.visual_inspection").values == ()
    with pytest.raises(KeyError, match="nope"):
        opportunities.use_case("nope")
    assert opportunities.is_known("agro.grading") and not opportunities.is_known("agro") and not opportunities.is_known(None)


def test_describe_is_in_the_learners_language():
    u = opportunities.use_case("retail.demand_forecast")
    nl = opportunities.describe(u)
    assert nl["title"] == "Verkoop per product voorspellen" and nl["task"] == "voorspellen" and nl["module"] == "03"
    assert "verkoopcijfers per dag" in nl["data"] and nl["values"] == ""
    i18n.set_language("en")
    en = opportunities.describe(u)
    assert en["title"] == "Predict sales per product" and en["task"] == "predict"


def test_default_sector_comes_from_the_profile():
    assert opportunities.default_sector() == "other"
    profile.save(sector="logistics")
    assert opportunities.default_sector() == "logistics"
    assert opportunities.default_sector([{"kind": "profile", "sector": "agro"}]) == "agro"
    assert opportunities.default_sector([{"kind": "profile", "sector": "moon"}]) == "other"
