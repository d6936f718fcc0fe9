"""The action plan: cost and benefit, data readiness, build/buy/partner, kept as events in the
progress store, read back after a restart, and exported as Markdown and self-contained HTML."""

import json
import math
import os
import re
import subprocess
import sys
from datetime import date

import pytest

from smeai import i18n, plan, progress, reflection
from smeai.plan import CostBenefit, PlanError
from smeai.plan.form import show_plan

BAKERY = dict(hours_per_month=10, hourly_cost=40, error_cost_per_year=600, licence_per_year=1200, implementation_cost=2800)
HOSTILE = '<script>alert("x")</script> | **bold** & [link](http://evil.example)'
DAY = date(2026, 3, 2)


# -- cost and benefit -------------------------------------------------------------------------------

def test_cost_benefit_of_the_bakery():
    cb = CostBenefit(**BAKERY)
    assert cb.hours_value_per_year == 4800
    assert cb.gross_per_year == 5400
    assert cb.net_per_year == 4200 and cb.net_per_month == 350
    assert cb.payback_months == 8.0
    money = cb.cumulative()
    assert len(money) == plan.HORIZON_MONTHS + 1
    assert money[0] == -2800 and money[8] == 0 and money[12] == 1400


def test_payback_when_nothing_is_gained_or_nothing_is_paid():
    assert CostBenefit(hours_per_month=0, hourly_cost=40, licence_per_year=100, implementation_cost=500).payback_months is None
    assert CostBenefit(hours_per_month=1, hourly_cost=100, licence_per_year=1200).payback_months is None  # net exactly 0
    assert CostBenefit(hours_per_month=5, hourly_cost=40).payback_months == 0
    assert plan.payback_months(6000, 11400) == pytest.approx(6.3157894)
    assert plan.payback_months(1000, -5) is None


@pytest.mark.parametrize("bad", [-1, float("nan"), math.inf, True, "40", None])
def test_cost_benefit_refuses_bad_numbers_naming_the_field(bad):
    with pytest.raises(PlanError, match="Kosten van een uur werk"):
        CostBenefit(hours_per_month=10, hourly_cost=bad)


# -- readiness and build/buy/partner ----------------------------------------------------------------

ALL = dict.fromkeys(plan.READINESS_ITEMS, True)


def test_readiness_blockers_stop_everything():
    assert plan.readiness(ALL) == "ready" and plan.readiness_todo(ALL) == []
    assert plan.readiness({**ALL, "quality": False}) == "almost"
    assert plan.readiness({**ALL, "quality": False, "owner": False}) == "almost"
    assert plan.readiness({**ALL, "quality": False, "owner": False, "enough": False}) == "not_ready"
    assert plan.readiness({**ALL, "allowed": False}) == "not_ready"  # one open point, but a blocker
    assert plan.readiness({**ALL, "exists": False}) == "not_ready"
    assert plan.readiness({}) == "not_ready"
    assert plan.readiness_todo({**ALL, "owner": False, "allowed": False}) == ["allowed", "owner"]  # blockers first


@pytest.mark.parametrize("common, edge, skills, expected", [
    (True, False, False, "buy"), (True, False, True, "buy"),
    (True, True, True, "build"), (False, True, True, "build"), (False, False, True, "build"),
    (False, True, False, "partner"), (True, True, False, "partner"), (False, False, False, "partner"),
])
def test_advice(common, edge, skills, expected):
    assert plan.advise(common, edge, skills) == expected


# -- kept as events -------------------------------------------------------------------------------

def fill_plan():
    plan.save("ideas", [{"key": "retail.demand_forecast"}, {"key": "admin.invoice_reading"}, {"key": "custom", "title": "  Offertes nakijken  "}])
    plan.save("benefit", {"idea": "retail.demand_forecast", **BAKERY})
    plan.save("benefit", {"idea": "admin.invoice_reading", **BAKERY, "implementation_cost": 700})  # 2 months
    plan.save("approach", {"choice": "buy", "common": True, "own_edge": False, "skills": False, "note": "drie leveranciers"})
    plan.save("data", {"needed": "kassadata van twee jaar", "checks": {**ALL, "quality": False}})
    plan.save("values", {"privacy": {"answer": "ok", "note": "geen klantnamen"}, "transparency": {"answer": "attention"}})
    plan.save("risks", "Te veel brood als het weer omslaat.")
    plan.save("steps", [{"what": "Leveranciers bellen", "who": "Anna", "when": "week 12"}, {"what": "Proef van zes weken", "who": "team", "when": "april"}])


def test_plan_is_kept_as_events_and_read_back():
    assert plan.latest() == plan.empty()
    fill_plan()
    events = [e for e in progress.store().events() if e["kind"] == "plan"]
    assert [e["section"] for e in events] == ["ideas", "benefit", "benefit", "approach", "data", "values", "risks", "steps"]
    assert all(e["module"] == "09" for e in events)
    p = plan.latest()
    assert p["ideas"] == [{"key": "retail.demand_forecast"}, {"key": "admin.invoice_reading"}, {"key": "custom", "title": "Offertes nakijken"}]
    assert set(p["benefit"]) == {"retail.demand_forecast", "admin.invoice_reading"}
    assert p["benefit"]["admin.invoice_reading"]["implementation_cost"] == 700
    assert p["approach"]["choice"] == "buy" and p["approach"]["note"] == "drie leveranciers"
    assert p["data"]["checks"]["quality"] is False and p["data"]["checks"]["exists"] is True
    assert p["values"]["privacy"] == {"answer": "ok", "note": "geen klantnamen"}
    assert p["values"]["sustainability"] == {"answer": None, "note": ""}
    assert [s["who"] for s in p["steps"]] == ["Anna", "team"]
    # a later save of a section replaces it; the benefit of another idea stays
    plan.save("benefit", {"idea": "retail.demand_forecast", **BAKERY, "hours_per_month": 20})
    plan.save("risks", "")
    p = plan.latest()
    assert p["benefit"]["retail.demand_forecast"]["hours_per_month"] == 20 and "admin.invoice_reading" in p["benefit"]
    assert p["risks"] == ""


def test_the_plan_survives_a_restart(learner_home):
    fill_plan()
    code = "import json; from smeai import plan; p = plan.latest(); print(json.dumps([p['ideas'][0]['key'], p['steps'][0]['what'], plan.first_idea(p)]))"
    done = subprocess.run([sys.executable, "-c", code], env={**os.environ, "SMEAI_HOME": str(learner_home)}, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == ["retail.demand_forecast", "Leveranciers bellen", "admin.invoice_reading"]


def test_bad_values_are_refused_and_nothing_is_kept():
    with pytest.raises(PlanError, match="hoogstens 3"):
        plan.save("ideas", ["agro.grading", "agro.energy", "agro.yield_forecast", "admin.late_payment"])
    with pytest.raises(PlanError, match="niet in de lijst"):
        plan.save("ideas", ["no.such.idea"])
    with pytest.raises(PlanError, match="niet in de lijst"):
        plan.save("benefit", {"idea": "no.such.idea", **BAKERY})
    with pytest.raises(PlanError, match="getal van 0 of meer"):
        plan.save("benefit", {"idea": "agro.grading", **BAKERY, "licence_per_year": -5})
    with pytest.raises(PlanError):
        plan.save("approach", {"choice": "steal"})
    with pytest.raises(PlanError):
        plan.save("values", {"privacy": {"answer": "maybe"}})
    with pytest.raises(PlanError, match="hoogstens 3"):
        plan.save("steps", [{}] * 4)
    with pytest.raises(PlanError, match="tekst"):
        plan.save("risks", 42)
    with pytest.raises(ValueError, match="unknown plan section"):
        plan.save("budget", 1000)
    assert progress.store().events() == []


def test_ideas_drop_doubles_and_an_empty_own_idea():
    plan.save("ideas", ["agro.grading", {"key": "agro.grading"}, {"key": "custom", "title": "   "}])
    assert plan.latest()["ideas"] == [{"key": "agro.grading"}]


def test_an_event_edited_by_hand_is_skipped_and_the_rest_is_kept():
    fill_plan()
    progress.log_event("plan", module="09", section="steps", value="not a list")
    progress.log_event("plan", module="09", section="benefit", value={"idea": "retail.demand_forecast", "hours_per_month": "veel"})
    progress.log_event("plan", module="09", section="nonsense", value=1)
    p = plan.latest()
    assert [s["what"] for s in p["steps"]] == ["Leveranciers bellen", "Proef van zes weken"]
    assert p["benefit"]["retail.demand_forecast"]["hours_per_month"] == 10


def test_first_idea_is_the_learners_choice_else_the_fastest_payback_else_the_first():
    assert plan.first_idea(plan.empty()) is None
    fill_plan()
    assert plan.first_idea(plan.latest()) == "admin.invoice_reading"  # 2 months against 8
    plan.save("first", "retail.demand_forecast")
    assert plan.first_idea(plan.latest()) == "retail.demand_forecast"
    plan.save("ideas", ["agro.grading", "agro.energy"])  # the chosen first idea is no longer in the plan
    assert plan.first_idea(plan.latest()) == "agro.grading"


def test_reflections_of_earlier_modules_are_read_back():
    reflection.save("m01.r1", "eerst")
    reflection.save("m01.r1", "Offertes doe ik op ervaring.")
    reflection.save("m03.r1", "Broden voorspellen.")
    reflection.save("m09.r1", "not a reminder of itself")
    found = plan.reflections()
    assert [(rid, text) for rid, _, text in found] == [("m01.r1", "Offertes doe ik op ervaring."), ("m03.r1", "Broden voorspellen.")]
    assert found[0][1].startswith("Denk aan je eigen werk")
    assert found[1][1] in ("", i18n.t("m03.r1.prompt"))  # a module without a catalogue prompt: no question shown


# -- exports ------------------------------------------------------------------------------------------

def test_markdown_has_every_section_and_escapes_the_learners_text():
    fill_plan()
    reflection.save("m01.r1", "Regels | ervaring")
    plan.save("steps", [{"what": HOSTILE, "who": "Anna", "when": "week 12"}])
    text = plan.to_markdown(lang="nl", today=DAY)
    assert text.startswith("# Mijn actieplan voor AI\n\nGemaakt op 2 maart 2026.")
    for n, heading in enumerate(["Mijn ideeën voor AI", "Kosten en baten van het eerste idee", "Zelf maken, kopen of samenwerken", "Data", "Risico's en publieke waarden", "De eerste drie stappen"], start=1):
        assert f"## {n}. {heading}" in text
    assert "| Verkoop per product voorspellen | voorspellen | € 4.200 | € 2.800 | 8 maanden |" in text
    assert "Ik begin met: **Inkomende facturen automatisch inlezen**." in text
    assert "Netto voordeel per jaar: € 4.200" in text.replace("\\", "")
    assert "- ✘ De data is redelijk volledig en juist." in text and "bijna klaar" in text
    assert "- transparantie: let op" in text and "- duurzaamheid: niet beantwoord" in text
    assert "Wat ik eerder in de cursus schreef" in text and "Regels \\| ervaring" in text
    # hostile text: no raw HTML, and table pipes cannot break the table
    assert "<script>" not in text and "&lt;script&gt;" in text
    row = next(line for line in text.splitlines() if line.startswith("| 1 |"))
    assert row.count(" | ") == 3 and "\\|" in row


def test_empty_plan_still_exports_and_says_what_is_missing():
    text = plan.to_markdown(lang="nl", today=DAY)
    assert text.count("_Nog niet ingevuld._") == 8  # seven sections and the risks
    assert "Ik begin met" not in text and "Wat ik eerder" not in text
    page = plan.to_html(lang="en", today=DAY)
    assert page.count("Not filled in yet.") == 8 and '<html lang="en">' in page


def test_html_is_self_contained_and_escaped():
    fill_plan()
    plan.save("risks", HOSTILE)
    plan.save("ideas", [{"key": "custom", "title": HOSTILE}])
    page = plan.to_html(lang="nl", today=DAY)
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert "<script" not in page.lower()
    assert "&lt;script&gt;" in page
    assert not re.search(r"""(src|href)\s*=|url\(|@import|<link|<iframe""", page, re.IGNORECASE)
    assert "http://evil.example" in page  # shown as text, never as a link
    assert page.count("<h2>") == 7


def test_export_writes_both_files_in_the_learners_language(tmp_path):
    fill_plan()
    md_path, html_path = plan.export(tmp_path, lang="nl", today=DAY)
    assert (md_path.name, html_path.name) == ("actieplan.md", "actieplan.html")
    assert "Leveranciers bellen" in md_path.read_text(encoding="utf-8") and "Leveranciers bellen" in html_path.read_text(encoding="utf-8")
    md_en, html_en = plan.export(tmp_path / "en", lang="en", today=DAY)
    assert md_en.name == "action-plan.md" and "Made on 2 March 2026." in md_en.read_text(encoding="utf-8")
    assert "Predict sales per product" in html_en.read_text(encoding="utf-8")


def test_numbers_and_dates_are_written_the_learners_way():
    assert plan.euros(4200, "nl") == "€ 4.200" and plan.euros(4200, "en") == "€4,200"
    assert plan.euros(-1200.4, "nl") == "€ -1.200" and plan.euros(-1200, "en") == "-€1,200"
    assert plan.months_text(8.57, "nl") == "8,6 maanden" and plan.months_text(None, "en").startswith("never pays back")
    assert plan.format_date(DAY, "nl") == "2 maart 2026" and plan.format_date(DAY, "en", short=True) == "2 Mar 2026"
    assert plan.format_date("2026-03-02T12:00:00+00:00", "nl", short=True) == "2-3-2026"
    assert plan.format_date("not a date", "nl") == "not a date"


# -- the widget -------------------------------------------------------------------------------------

def test_plan_widget_saves_steps_exports_and_is_filled_in_after_a_restart(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    reflection.save("m01.r1", "Offertes doe ik op ervaring.")
    fill_plan()
    box = show_plan()
    reminder, summary, refresh, first, header, *rows = box.children[:8]
    owner, approver, review = box.children[8].children
    save, export = box.children[9].children
    status = box.children[10]
    assert "Offertes doe ik op ervaring." in reminder.value
    assert "Verkoop per product voorspellen" in summary.value and "bijna klaar" in summary.value
    assert first.value == "admin.invoice_reading" and len(first.options) == 3
    first.value = "retail.demand_forecast"
    whats = [row.children[0] for row in rows]
    assert [w.description for w in whats] == ["Stap 1: wat", "Stap 2: wat", "Stap 3: wat"]  # real labels, not placeholders
    assert rows[0].children[2].description == "Stap 1: wanneer" and all("smeai-field" in w._dom_classes for w in whats)
    assert first.description == "Met welk idee begin je?" and "smeai-field" in first._dom_classes
    whats[2].value = "Evalueren met het team"
    save.click()
    assert "bewaard" in status.value
    assert plan.latest()["first"] == "retail.demand_forecast"
    assert plan.latest()["steps"][2]["what"] == "Evalueren met het team"
    export.click()
    assert (tmp_path / "actieplan.md").exists() and (tmp_path / "actieplan.html").exists()
    preview = box.children[11].value
    assert "actieplan.md" in status.value and "Evalueren met het team" in preview
    # the preview has no style sheet: the checklist's marks must be in the text itself
    assert "✔ De data bestaat al" in preview and "✘ De data is redelijk volledig en juist." in preview
    again = show_plan()
    assert again.children[3].value == "retail.demand_forecast"
    assert again.children[7].children[0].value == "Evalueren met het team"


def test_plan_widget_without_ideas_or_reflections_still_works(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    box = show_plan()
    assert "nog geen reflecties" in box.children[0].value
    assert box.children[3].disabled and box.children[3].value == plan.NO_IDEA
    box.children[9].children[1].click()
    assert (tmp_path / "actieplan.html").exists()


def test_plan_widget_reports_files_it_cannot_write(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "actieplan.md").mkdir()  # a folder where the file should go
    box = show_plan()
    box.children[9].children[1].click()
    assert box.children[10].value.startswith("✘") and "niet worden weggeschreven" in box.children[10].value
    assert box.children[11].value == ""


# -- owner, approver and review date ----------------------------------------------------------------

def test_owner_approver_and_review_date_are_kept_and_shown(tmp_path):
    plan.save("owner", {"owner": "Anna de Vries", "approver": "Directie", "review": "1-9-2026"}, today=DAY)
    assert plan.latest()["owner"] == {"owner": "Anna de Vries", "approver": "Directie", "review": "2026-09-01"}
    text = plan.to_markdown(lang="nl", today=DAY)
    assert "## 7. Wie is verantwoordelijk, en wanneer kijken we opnieuw?" in text
    assert "- Eigenaar van het plan: Anna de Vries" in text and "- Goedkeuring door: Directie" in text
    assert "- Evalueren op: 1 september 2026" in text and "voorbij" not in text
    page = plan.to_html(lang="en", today=DAY)
    assert "Owner of the plan" in page and "1 September 2026" in page
    # months later the date has passed: the plan is kept and says it is due
    later = plan.to_markdown(lang="nl", today=date(2026, 10, 1))
    assert "1 september 2026 (deze datum is voorbij" in later


@pytest.mark.parametrize("typed", ["1-9-2026", "01/09/2026", "1.9.26", "2026-09-01", "1 september 2026", "1 Sept. 2026", " 1  sep 2026 ", date(2026, 9, 1)])
def test_review_dates_typed_the_dutch_way_are_read(typed):
    assert plan.parse_date(typed) == date(2026, 9, 1)


@pytest.mark.parametrize("typed", ["31-2-2026", "volgende week", "1200", "9/1", "2026", "1-13-2026", 42, ["1-9-2026"]])
def test_an_unreadable_review_date_gets_a_clear_sentence_and_nothing_is_kept(typed):
    with pytest.raises(PlanError, match="niet lezen als datum.*dag-maand-jaar"):
        plan.save("owner", {"owner": "Anna", "review": typed}, today=DAY)
    assert progress.store().events() == []


def test_a_review_date_in_the_past_is_refused_with_the_date_in_words():
    for typed in ("1-3-2026", "2-3-2026"):  # before today, and today itself
        with pytest.raises(PlanError, match=r"\(\d maart 2026\) is vandaag of al voorbij"):
            plan.save("owner", {"review": typed}, today=DAY)
    assert progress.store().events() == []
    plan.save("owner", {"owner": "", "approver": "", "review": ""}, today=DAY)  # empty is allowed: not filled in yet
    assert plan.to_markdown(lang="nl", today=DAY).count("_Nog niet ingevuld._") == 8


def test_owner_fields_escape_a_hostile_name():
    plan.save("owner", {"owner": HOSTILE, "approver": "O'Brien & <Zn>"}, today=DAY)
    text, page = plan.to_markdown(lang="nl", today=DAY), plan.to_html(lang="nl", today=DAY)
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "<script" not in page.lower() and "O&#x27;Brien &amp; &lt;Zn&gt;" in page
    with pytest.raises(PlanError, match="tekst"):
        plan.save("owner", {"owner": 42})
    with pytest.raises(PlanError):
        plan.save("owner", "Anna")


def test_plan_widget_refuses_a_bad_review_date_and_saves_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    box = show_plan()
    owner, approver, review = box.children[8].children
    save, status = box.children[9].children[0], box.children[10]
    owner.value, review.value = "Anna", "volgende week"
    save.click()
    assert status.value.startswith("✘") and "volgende week" in status.value and "dag-maand-jaar" in status.value
    assert plan.latest()["owner"] is None and plan.latest()["steps"] == []
    review.value = "1-1-2099"
    save.click()
    assert status.value.startswith("✔") and plan.latest()["owner"]["review"] == "2099-01-01"
    again = show_plan().children[8].children
    assert (again[0].value, again[2].value) == ("Anna", "1-1-2099")  # filled in after a restart, the Dutch way
