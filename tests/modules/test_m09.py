"""Module 09's widgets, driven in-process: each fills in its part of the plan, and the values a
learner reads off a widget are the ones the exercises expect."""

import time
from statistics import median

from smeai import i18n, plan, profile, selfscan
from smeai.exercises import get
from smeai.modules.m09 import figures, model, widgets
from smeai.modules.m09.model import BAKERY, GROWER, PRACTICE_CHECKS
from smeai.selfscan import STATEMENTS
from smeai.ui.controls import ToggleGroup
from smeai.ui.fields import typed as widgets_typed


def scan_parts(box):
    sector, _, processes, _, results, own, count, save, status, _style = box.children
    assert own.description == "Mijn eigen idee" and "smeai-field" in own._dom_classes and save.layout.width == "auto"
    return sector, processes, results, own, count, save, status


def test_opportunity_scan_starts_from_the_profile_and_saves_chosen_ideas():
    profile.save(sector="construction")
    sector, processes, results, own, count, save, status = scan_parts(widgets.show_opportunity_explorer())
    assert sector.value == "construction"
    assert [b.process for b in processes.children] == ["construction.quotes", "construction.planning", "construction.inspection", "construction.maintenance", "admin", "customer_contact"]
    assert "Vink hierboven" in results.children[0].value  # nothing ticked yet
    processes.children[0].value = True  # costing and quotes
    processes.children[4].value = True  # administration
    pickers = [c for c in results.children if hasattr(c, "use_case_id")]
    assert [p.use_case_id for p in pickers] == ["admin.invoice_reading", "construction.cost_estimate", "admin.late_payment"]
    assert "module 03" in results.children[3].value and "uren" in results.children[3].value
    pickers[1].value = True
    own.value = "Werkbonnen sneller verwerken"
    assert "<b>2</b>" in count.value
    save.click()
    assert "✔" in status.value
    assert plan.latest()["ideas"] == [{"key": "construction.cost_estimate"}, {"key": "custom", "title": "Werkbonnen sneller verwerken"}]
    # after a restart the saved ideas are ticked again, with their process
    sector2, processes2, results2, own2, *_ = scan_parts(widgets.show_opportunity_explorer())
    assert processes2.children[0].value is True and own2.value == "Werkbonnen sneller verwerken"
    assert [c.use_case_id for c in results2.children if getattr(c, "value", False) is True and hasattr(c, "use_case_id")] == ["construction.cost_estimate"]


def test_opportunity_scan_refuses_more_than_three_ideas_and_follows_a_change_of_sector():
    sector, processes, results, own, count, save, status = scan_parts(widgets.show_opportunity_explorer())
    assert sector.value == "other"
    sector.value = "agro"
    assert [b.process for b in processes.children][:4] == ["agro.harvest", "agro.crop_health", "agro.sorting", "agro.climate"]
    for box in processes.children:
        box.value = True
    for picker in [c for c in results.children if hasattr(c, "use_case_id")][:4]:
        picker.value = True
    assert "te veel" in count.value
    save.click()
    assert status.value.startswith("✘") and "hoogstens 3" in status.value
    assert plan.latest()["ideas"] == []


def _type(field, text):
    """What a learner does: type into the field and leave it (the value reaches Python then)."""
    field.text.value = text


def _parts(box):
    idea, *rows = box.children[:6]
    result, out, save, status, table = box.children[6:11]
    return idea, [box.fields[name] for name in plan.BENEFIT_FIELDS], rows, result, save, status, table


def test_cost_benefit_widget_shows_what_exercise_1_asks_for():
    box = widgets.show_cost_benefit_explorer()
    idea, inputs, rows, result, save, status, _ = _parts(box)
    assert [row.children[0] for row in rows] == [f.text for f in inputs]  # each field with its read-back under it
    assert idea.value == model.EXAMPLE_KEY and save.disabled  # an example: nothing to save it to
    # real labels, and the example typed as a learner would type it
    assert [f.text.description for f in inputs] == [i18n.t(f"plan.benefit.{name}") for name in plan.BENEFIT_FIELDS]
    assert [f.text.value for f in inputs] == ["8", "35", "0", "600", "1500"]
    assert inputs[4].note.value.endswith("Gelezen: € 1.500,00")
    for field, box_ in zip(plan.BENEFIT_FIELDS, inputs):
        _type(box_, widgets_typed(getattr(BAKERY, field)))
    assert f"<b>{plan.euros(BAKERY.net_per_year)}</b>" in result.value and f"<b>{plan.months_text(BAKERY.payback_months)}</b>" in result.value
    assert get("m09.q1").evaluate(BAKERY.net_per_year).correct  # the number on the screen is the right answer
    _type(inputs[3], "100000")  # a licence that eats everything
    assert "verdient zich niet terug" in result.value
    save.click()  # disabled on screen; called anyway, it still keeps nothing
    assert status.value.startswith("✘") and "Kies eerst" in status.value
    assert plan.latest()["benefit"] == {}


def test_cost_benefit_reads_numbers_the_dutch_way_and_never_computes_with_a_misreading():
    plan.save("ideas", ["retail.demand_forecast"])
    box = widgets.show_cost_benefit_explorer()
    idea, inputs, _, result, save, status, _ = _parts(box)
    idea.value = "retail.demand_forecast"
    hours, cost, errors, licence, implementation = inputs
    # "1.200" is twelve hundred, and the field says so before anything is computed
    _type(implementation, "1.200")
    assert implementation.value == 1200 and "Gelezen: € 1.200,00 (dus 1200, niet 1,2)" in implementation.note.value
    _type(hours, "10,5")
    assert hours.value == 10.5 and hours.note.value.endswith("Gelezen: 10,5")
    _type(errors, "€ 1.200,50")
    assert errors.value == 1200.5 and errors.note.value.endswith("Gelezen: € 1.200,50")
    _type(cost, "€ 1.200,50")  # more than an hour of work can cost here: refused, with the limit
    assert cost.value is None and "€ 1.200,50 kan hier niet. Typ een getal van 0 tot en met 500." in cost.note.value
    _type(cost, "35")
    expected = plan.CostBenefit(hours_per_month=10.5, hourly_cost=35, error_cost_per_year=1200.5, licence_per_year=600, implementation_cost=1200)
    assert f"<b>{plan.months_text(expected.payback_months)}</b>" in result.value
    # what cannot be read is refused, with the reason, and nothing is computed or saved with it
    for text, reason in (("", "leeg"), ("-", "geen cijfer"), ("twaalfhonderd", "geen getal"), ("1.2.00", "drie cijfers"),
                         ("ongeveer 1200 euro per jaar", "zonder woorden"), ("-5", "van 0 tot en met 1.000.000")):
        _type(licence, text)
        assert licence.value is None and licence.note.value.startswith('<span aria-hidden="true">✘</span>') and reason in licence.note.value, text
        assert result.value.startswith("✘ Nog niet uitgerekend") and "Licentie of abonnement per jaar (€)" in result.value
        assert save.disabled
        save.click()  # called anyway: the plan keeps nothing
        assert status.value.startswith("✘ Niet bewaard") and plan.latest()["benefit"] == {}
    _type(licence, "1 200")
    assert licence.value == 1200 and not save.disabled and result.value.startswith("Opbrengst")
    save.click()
    assert plan.latest()["benefit"]["retail.demand_forecast"]["implementation_cost"] == 1200
    assert plan.latest()["benefit"]["retail.demand_forecast"]["hours_per_month"] == 10.5


def test_cost_benefit_reads_english_numbers_in_english():
    i18n.set_language("en")
    box = widgets.show_cost_benefit_explorer()
    _, inputs, _, result, *_ = _parts(box)
    _type(inputs[4], "1,200")
    assert inputs[4].value == 1200 and "Read: €1,200.00" in inputs[4].note.value
    _type(inputs[4], "1.200")  # a Dutch thousands dot or a decimal point: the learner chooses
    assert inputs[4].value is None and "1200" in inputs[4].note.value and "1.2" in inputs[4].note.value
    assert result.value.startswith("✘ Not worked out yet")


def test_cost_benefit_is_saved_per_idea_and_compared():
    plan.save("ideas", ["retail.demand_forecast", "admin.invoice_reading"])
    box = widgets.show_cost_benefit_explorer()
    idea, inputs, _, _, save, status, table = _parts(box)
    assert len(idea.options) == 3 and table.value == ""
    idea.value = "retail.demand_forecast"
    assert not save.disabled
    for field, box_ in zip(plan.BENEFIT_FIELDS, inputs):
        _type(box_, widgets_typed(getattr(BAKERY, field)))
    save.click()
    idea.value = "admin.invoice_reading"
    _type(inputs[4], "700")
    save.click()
    assert "Inkomende facturen" in status.value
    assert plan.latest()["benefit"]["retail.demand_forecast"]["implementation_cost"] == BAKERY.implementation_cost
    assert table.value.index("Inkomende facturen") < table.value.index("Verkoop per product")  # 2 months before 8
    idea.value = "retail.demand_forecast"  # switching back shows the saved numbers
    assert inputs[0].value == BAKERY.hours_per_month and inputs[4].value == BAKERY.implementation_cost
    assert inputs[4].text.value == widgets_typed(BAKERY.implementation_cost)


def test_benefit_chart_has_a_text_alternative():
    alt = widgets.benefit_alt(BAKERY)
    assert alt.startswith("Lijn van het opgetelde resultaat over 36 maanden: het begint bij € -")
    assert f"terugverdiend in {plan.months_text(BAKERY.payback_months)}" in alt and alt.count(". ") == 0
    never = widgets.benefit_alt(plan.CostBenefit(hours_per_month=0, hourly_cost=40, licence_per_year=500, implementation_cost=100))
    assert "wordt in die tijd niet terugverdiend" in never


def test_benefit_chart_marks_the_payback_month():
    figure = figures.benefit_figure(BAKERY)
    ax = figure.axes[0]
    assert ax.get_title() and "€" in ax.get_ylabel() and ax.get_xlabel()
    chart = figures.BenefitChart()
    chart.update(BAKERY)
    assert chart.marker.get_visible() and chart.marker.get_xdata()[0] == BAKERY.payback_months
    assert chart.ax.get_ylim()[0] < -BAKERY.implementation_cost and len(chart.ax.get_legend().get_texts()) == 3
    chart.update(plan.CostBenefit(hours_per_month=0, hourly_cost=40, licence_per_year=500, implementation_cost=100))
    assert not chart.marker.get_visible() and not chart.label.get_visible()
    assert len(chart.ax.collections) == 2  # the old areas were removed, not piled up


def test_build_buy_partner_advice_matches_exercise_5():
    plan.save("ideas", ["agro.disease_detection"])
    box = widgets.show_approach_explorer()
    header, *rows = box.children[:4]
    advice, choice, note, save, status, _style = box.children[4:]
    assert "Ziekte of plagen" in header.value and "drie vragen" in advice.value
    # the yes/no buttons are named by their question (without its HTML), the choice by its label
    assert isinstance(rows[0].children[1], ToggleGroup) and rows[0].children[1].aria_label.startswith("Vraag 1. Hebben veel bedrijven")
    assert isinstance(choice, ToggleGroup) and choice.description == "Mijn keuze" and choice.index == -1
    assert note.description == "Toelichting (mag leeg blijven)" and "smeai-field" in note._dom_classes
    for row, name in zip(rows, ("common", "own_edge", "skills")):
        row.children[1].value = GROWER[name]
    assert "samenwerken" in advice.value and choice.value == "partner"
    assert get("m09.q5").evaluate("samenwerken").correct
    choice.value = "buy"  # the learner may choose otherwise
    save.click()
    assert plan.latest()["approach"] == {"choice": "buy", "common": False, "own_edge": True, "skills": False, "note": ""}
    again = widgets.show_approach_explorer()
    assert again.children[5].value == "buy" and again.children[1].children[1].value is False


def test_data_readiness_verdict_matches_exercise_4():
    box = widgets.show_data_readiness_explorer()
    header, needed, *checks = box.children[:8]
    verdict, save, status, _style = box.children[8:]
    assert needed.description == "Welke data heb je nodig?" and "smeai-field" in needed._dom_classes
    assert "nog geen idee" in header.value
    for item, check in zip(plan.READINESS_ITEMS, checks):
        check.value = PRACTICE_CHECKS[item]
    assert "niet klaar" in verdict.value and "Zoek uit of je de data" in verdict.value
    assert get("m09.q4").evaluate("niet klaar").correct
    checks[4].value = True
    assert "✔" in verdict.value and "klaar: je kunt beginnen" in verdict.value
    needed.value = "agenda van twee jaar"
    save.click()
    assert plan.latest()["data"] == {"needed": "agenda van twee jaar", "checks": dict.fromkeys(plan.READINESS_ITEMS, True)}


def test_values_check_flags_the_values_of_the_first_idea_and_saves_risks():
    plan.save("ideas", ["health.no_show"])
    box = widgets.show_values_explorer()
    header, *rows = box.children[:6]
    risks, summary, save, status, _style = box.children[6:]
    assert rows[0].children[1].aria_label.startswith("Privacy: ") and rows[0].children[2].description == "Toelichting bij Privacy (mag leeg blijven)"
    assert risks.description == "Wat kan er misgaan, en voor wie?" and "smeai-field" in risks._dom_classes
    assert "privacy, gelijke behandeling, menselijk toezicht" in header.value
    assert "⚠" in rows[0].children[0].value and "⚠" not in rows[2].children[0].value  # privacy yes, transparency no
    assert "5 waarde(n) zonder antwoord" in summary.value
    rows[0].children[1].value = "ok"
    rows[1].children[1].value = "attention"
    rows[1].children[2].value = "jongeren krijgen vaker een herinnering"
    for row in rows[2:]:
        row.children[1].value = "unknown"
    assert "Let op bij: gelijke behandeling" in summary.value and "Nog uitzoeken: transparantie" in summary.value
    risks.value = "Een patiënt voelt zich gecontroleerd."
    save.click()
    saved = plan.latest()
    assert saved["values"]["non_discrimination"] == {"answer": "attention", "note": "jongeren krijgen vaker een herinnering"}
    assert saved["risks"] == "Een patiënt voelt zich gecontroleerd."


def test_scan_comparison_needs_the_scan_at_the_end():
    box = widgets.show_scan_comparison_explorer()
    refresh, message, _ = box.children
    assert "Vul eerst de zelfscan" in message.value
    selfscan.save({s.id: 4 for s in STATEMENTS}, "after")
    refresh.click()
    assert "niet ingevuld" in message.value  # no scan at the start
    selfscan.save({s.id: 2 for s in STATEMENTS}, "before")
    refresh.click()
    assert message.value.count("<tr>") == 1 + len(selfscan.AREAS) and "+2" in message.value
    assert model.scan_change_rows({"safety.1": 3}, {s.id: 2 for s in STATEMENTS}) == [("Veiligheid", "3", "2", "-1")]


def test_callbacks_answer_quickly():
    """A loose upper bound (the machine is shared); the report gives the measured median and max."""
    box = widgets.show_cost_benefit_explorer()
    hours = box.fields["hours_per_month"]
    times = []
    for value in (5, 8, 12, 20, 40, 3, 16, 25, 9, 30):
        start = time.perf_counter()
        hours.text.value = str(value)
        times.append(time.perf_counter() - start)
    assert median(times) < 0.5


# -- the exercises: extra cases from the trainer, and the numbers notebooks and assignments type --

def _assignment_cells():
    from pathlib import Path

    import nbformat

    path = Path(__file__).resolve().parents[2] / "assessments" / "source" / "m09" / "m09-van-idee-naar-actieplan.ipynb"
    return {c.metadata["nbgrader"]["grade_id"]: c.source for c in nbformat.read(path, as_version=4).cells if "nbgrader" in c.metadata}


def _notebook_text(lang):
    from pathlib import Path

    import nbformat

    folder = Path(__file__).resolve().parents[2] / "course" / lang
    (path,) = folder.glob("09-*.ipynb")
    return "\n".join(c.source for c in nbformat.read(path, as_version=4).cells)


def terugverdientijd(invoering, netto_per_jaar):
    return invoering / (netto_per_jaar / 12)


def test_q2_takes_the_trainers_extra_cases_and_names_only_their_kind():
    import pytest

    from smeai import i18n
    from smeai.exercises import GradeFailure, grade

    assert grade("m09.q2", terugverdientijd, cases=[((0, 5000), 0.0, "zero"), ((4500, 2000), 27.0, "large")])

    def nothing_for_free(invoering, netto_per_jaar):  # right for the shown cases, none of which costs 0
        return terugverdientijd(invoering, netto_per_jaar) if invoering else None

    assert get("m09.q2").evaluate(nothing_for_free).correct
    with pytest.raises(GradeFailure) as failed:
        grade("m09.q2", nothing_for_free, cases=[((0, 5000), 0.0, "zero")])
    assert "5000" not in str(failed.value) and i18n.t("check.case_kinds.zero") in str(failed.value)


def test_the_assignment_types_the_models_numbers():
    import ast
    import re

    cells = _assignment_cells()
    b = BAKERY
    assert f"= {b.hours_per_month:g} * 12 * {b.hourly_cost:g} + {b.error_cost_per_year:g} - {b.licence_per_year:g}" in cells["q1-answer"]
    assert eval(cells["q1-answer"].split("### BEGIN SOLUTION")[1].split("=", 1)[1].split("\n")[0]) == b.net_per_year
    assert str(model.best_order()).replace("'", '"') in cells["q3-answer"]
    call = re.search(r'grade\("m09.q2", terugverdientijd, cases=(\[.*\])\)', cells["q2-tests"]).group(1)
    cases = ast.literal_eval(call)
    assert len(cases) >= 3
    for args, expected, _ in cases:
        assert expected == plan.payback_months(*args)


def test_the_notebooks_type_the_models_cases():
    from smeai.i18n import format_number

    for lang in ("nl", "en"):
        text = _notebook_text(lang)
        for letter, (cost, net) in model.IDEAS.items():  # the table of exercise 3 and the cell that prints it
            assert f"| **{letter}** |" in text and f"({cost}, {net})" in text, (lang, letter)
            assert f"€ {format_number(cost, lang)} | € {format_number(net, lang)} |" in text, (lang, letter)
        for amount in (BAKERY.hourly_cost, BAKERY.error_cost_per_year, BAKERY.licence_per_year, BAKERY.implementation_cost):
            assert f"€ {format_number(amount, lang)}" in text, (lang, amount)


def test_q1s_messages_name_the_bakerys_amounts():
    from smeai import i18n
    from smeai.i18n import format_number

    for lang in i18n.LANGUAGES:
        assert f"€ {format_number(BAKERY.licence_per_year, lang)}" in i18n.t("m09.q1.forgot_licence", lang)
        assert f"€ {format_number(BAKERY.implementation_cost, lang)}" in i18n.t("m09.q1.minus_implementation", lang)
        assert f"€ {format_number(BAKERY.error_cost_per_year, lang)}" in i18n.t("m09.q1.forgot_errors", lang)
