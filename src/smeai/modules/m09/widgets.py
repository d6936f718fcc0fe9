"""Module 09's widgets: each fills in one part of the plan (``smeai.plan``) and saves it with a
button, so a restart loses nothing and the action plan at the end can read it all back.

These are forms with a save button, not explorers with a picture, so they do not use the shared
explorer scaffold; they never show a traceback (a refused save shows the plan's own message).
"""

from __future__ import annotations

import html
import re

import ipywidgets as widgets
from IPython.display import display

from ... import opportunities, plan, selfscan
from ...i18n import get_language, t
from ...plan import BENEFIT_FIELDS, CostBenefit, PlanError
from ...plotting import as_image
from ...profile import SECTORS
from ...ui.controls import ToggleGroup
from ...ui.fields import NumberField, button, field, field_style
from .figures import BenefitChart, scan_image
from .model import (
    EXAMPLE,
    EXAMPLE_KEY,
    INPUT_LIMITS,
    approach_advice,
    benefit_summary,
    comparison_rows,
    first_idea_line,
    readiness_html,
    result_html,
    scan_change_rows,
    scan_results,
    values_summary,
)

__all__ = [
    "benefit_alt", "show_approach_explorer", "show_cost_benefit_explorer", "show_data_readiness_explorer",
    "show_opportunity_explorer", "show_scan_comparison_explorer", "show_values_explorer",
]



def _save_plan(status, saved, **sections) -> bool:
    """Save plan sections in order; ``status`` says it worked (``saved()``, read after saving) or
    why not, in the learner's words, never as a traceback."""
    try:
        for section, value in sections.items():
            plan.save(section, value)
    except PlanError as problem:
        status.value = "✘ " + html.escape(str(problem))
        return False
    status.value = "✔ " + html.escape(saved())
    return True

def show_opportunity_explorer():
    """Sector (from the profile) → processes → candidate use cases; choose up to three, or type
    your own idea, and keep them in the plan."""
    current_plan = plan.latest()
    chosen = {entry["key"] for entry in current_plan["ideas"] if entry["key"] != plan.CUSTOM}
    own = next((entry["title"] for entry in current_plan["ideas"] if entry["key"] == plan.CUSTOM), "")
    sector = field(widgets.Dropdown(
        options=[(t(f"profile.sectors.{s}"), s) for s in SECTORS],
        value=opportunities.default_sector(),
        description=t("profile.sector"),
    ), width="min(100%, 40em)")
    process_box = widgets.VBox()
    results = widgets.VBox()
    own_idea = field(widgets.Text(value=own, placeholder=t("m09.explore.own_placeholder"), description=t("plan.own_idea")))
    count = widgets.HTML()
    save_button = button(t("m09.explore.save_ideas"), icon="save", button_style="primary")
    status = widgets.HTML()
    pickers: dict[str, widgets.Checkbox] = {}

    def show_count(_=None):
        total = len(chosen) + (1 if own_idea.value.strip() else 0)
        count.value = t("m09.explore.chosen", count=total, most=plan.MAX_IDEAS) + (" ⚠ " + t("m09.explore.too_many", most=plan.MAX_IDEAS) if total > plan.MAX_IDEAS else "")

    def on_pick(change):
        use_case_id = change["owner"].use_case_id
        (chosen.add if change["new"] else chosen.discard)(use_case_id)
        show_count()

    def update_results(_=None):
        ticked = [box.process for box in process_box.children if box.value]
        rows = scan_results(sector.value, ticked)
        children = []
        if not ticked:
            children.append(widgets.HTML(f"<i>{html.escape(t('m09.explore.pick_process'))}</i>"))
        for row in rows:
            picker = pickers.get(row["id"])
            if picker is None:
                picker = widgets.Checkbox(value=row["id"] in chosen, description=row["title"], indent=False, layout=widgets.Layout(width="95%"))
                picker.use_case_id = row["id"]
                picker.observe(on_pick, names="value")
                pickers[row["id"]] = picker
            children += [picker, widgets.HTML(result_html(row))]
        results.children = children
        show_count()

    def update_processes(_=None):
        boxes = []
        for process in opportunities.processes(sector.value):
            box = widgets.Checkbox(value=any(opportunities.use_case(c).process == process for c in chosen), description=opportunities.process_name(process), indent=False)
            box.process = process
            box.observe(update_results, names="value")
            boxes.append(box)
        process_box.children = boxes
        update_results()

    def on_save(_):
        ideas = [{"key": key} for key in sorted(chosen, key=[u.id for u in opportunities.USE_CASES].index)]
        if own_idea.value.strip():
            ideas.append({"key": plan.CUSTOM, "title": own_idea.value})
        _save_plan(status, lambda: t("m09.explore.ideas_saved", count=len(ideas)), ideas=ideas)

    sector.observe(update_processes, names="value")
    own_idea.observe(show_count, names="value")
    save_button.on_click(on_save)
    update_processes()
    box = widgets.VBox([
        sector,
        widgets.HTML(f"<b>{html.escape(t('m09.explore.processes'))}</b>"),
        process_box,
        widgets.HTML(f"<b>{html.escape(t('m09.explore.candidates'))}</b>"),
        results,
        own_idea,
        count,
        save_button,
        status,
        field_style(),
    ])
    box.add_class("smeai-opportunity-scan")
    return box


def benefit_alt(cb: CostBenefit) -> str:
    """One sentence that says what the benefit chart shows."""
    money = cb.cumulative()
    fields = {"start": plan.euros(money[0]), "end": plan.euros(money[-1]), "months": plan.HORIZON_MONTHS}
    payback = cb.payback_months
    if payback is not None and payback <= plan.HORIZON_MONTHS:
        return t("m09.explore.chart_alt_payback", payback=plan.months_text(payback), **fields)
    return t("m09.explore.chart_alt_never", **fields)


def show_cost_benefit_explorer():
    """Five numbers in, the yearly net benefit and the payback period out, with a chart; saved
    per idea, and the saved ideas compared.

    The numbers are typed as text and read the way a person writes them ("1.200" is twelve
    hundred, "10,5" ten and a half): each field shows what it read, or why it cannot. Nothing is
    computed or saved while a field cannot be read."""
    current_plan = plan.latest()
    idea_options = [(t("m09.explore.example_idea"), EXAMPLE_KEY)] + [(plan.idea_title(e, current_plan), e["key"]) for e in current_plan["ideas"]]
    idea = field(widgets.Dropdown(options=idea_options, value=EXAMPLE_KEY, description=t("m09.explore.idea")))
    inputs = {
        name: NumberField(t(f"plan.benefit.{name}"), getattr(EXAMPLE, name), euro=name != "hours_per_month", most=INPUT_LIMITS[name][0])
        for name in BENEFIT_FIELDS
    }
    result = widgets.HTML()
    result.add_class("smeai-benefit-result")
    out = widgets.Output()
    save_button = button(t("m09.explore.save_benefit"), icon="save")
    status = widgets.HTML()
    table = widgets.HTML()
    chart = BenefitChart()

    def unread() -> list[str]:
        return [t(f"plan.benefit.{name}") for name, box in inputs.items() if not box.ok]

    def update(_=None):
        wrong = unread()
        save_button.disabled = idea.value == EXAMPLE_KEY or bool(wrong)
        if wrong:  # never compute with a value that was not read
            result.value = "✘ " + html.escape(t("m09.explore.not_computed", fields="; ".join(wrong)))
            out.clear_output()
            return
        try:
            cb = CostBenefit(**{name: box.value for name, box in inputs.items()})
        except PlanError as problem:
            result.value = "✘ " + html.escape(str(problem))
            out.clear_output()
            return
        result.value = benefit_summary(cb)
        image = as_image(chart.update(cb), benefit_alt(cb))
        out.clear_output(wait=True)
        with out:
            display(image)

    def update_table():
        rows = comparison_rows(plan.latest())
        if not rows:
            table.value = ""
            return
        head = "".join(f"<th style='text-align:left;padding-right:1em'>{html.escape(t(f'plan.columns.{c}'))}</th>" for c in ("idea", "net", "payback"))
        body = "".join("<tr>" + "".join(f"<td style='padding-right:1em'>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows)
        table.value = f"<p>{html.escape(t('m09.explore.compare'))}</p><table><tr>{head}</tr>{body}</table>"

    def on_idea(_=None):
        saved = plan.cost_benefit(plan.latest(), idea.value) if idea.value != EXAMPLE_KEY else None
        source = saved or EXAMPLE
        for name, box in inputs.items():
            box.text.unobserve(update, names="value")
            box.show(getattr(source, name))
            box.text.observe(update, names="value")
        update()

    def on_save(_):
        if idea.value == EXAMPLE_KEY:
            status.value = "✘ " + html.escape(t("m09.explore.choose_idea_first"))
            return
        wrong = unread()
        if wrong:  # a misread number never reaches the plan
            status.value = "✘ " + html.escape(t("m09.explore.not_saved", fields="; ".join(wrong)))
            return
        benefit = {"idea": idea.value, **{name: box.value for name, box in inputs.items()}}
        if _save_plan(status, lambda: t("m09.explore.benefit_saved", idea=plan.idea_title(idea.value, plan.latest())), benefit=benefit):
            update_table()

    for box in inputs.values():
        box.text.observe(update, names="value")
    idea.observe(on_idea, names="value")
    save_button.on_click(on_save)
    update()
    update_table()
    box = widgets.VBox([idea, *(f.box for f in inputs.values()), result, out, save_button, status, table, field_style()])
    box.add_class("smeai-cost-benefit")
    box.fields = inputs  # for tests and benchmarks: name -> NumberField
    return box


def show_approach_explorer():
    """Three yes/no questions give advice; the learner makes their own choice and keeps it."""
    current_plan = plan.latest()
    earlier = current_plan.get("approach") or {}
    yes_no = [(t("m09.explore.yes"), True), (t("m09.explore.no"), False)]
    questions = {}
    rows = []
    for name in ("common", "own_edge", "skills"):
        question = t(f"m09.explore.question_{name}")
        # the question (with its bold number) is shown above; the buttons carry it as their name
        toggle = ToggleGroup(options=yes_no, value=earlier.get(name) if earlier else None, aria_label=_plain(question))
        questions[name] = toggle
        rows.append(widgets.VBox([widgets.HTML(question), toggle]))
    advice = widgets.HTML()
    advice.add_class("smeai-advice")
    choice = ToggleGroup(
        options=[(t(f"m09.explore.choice_{a}"), a) for a in opportunities.APPROACHES],
        value=earlier.get("choice"),
        description=t("plan.approach.choice"),
    )
    note = field(widgets.Textarea(value=earlier.get("note", ""), description=t("m09.explore.note_label"), placeholder=t("m09.explore.note_placeholder"), rows=3))
    save_button = button(t("m09.explore.save_approach"), icon="save")
    status = widgets.HTML()

    def update(_=None):
        text = approach_advice(*(questions[n].value for n in ("common", "own_edge", "skills")))
        advice.value = text if text else f"<i>{html.escape(t('m09.explore.answer_three'))}</i>"
        if text and choice.value is None:
            choice.value = plan.advise(*(questions[n].value for n in ("common", "own_edge", "skills")))

    def on_save(_):
        approach = {"choice": choice.value, **{n: q.value for n, q in questions.items()}, "note": note.value}
        _save_plan(status, lambda: t("m09.explore.approach_saved"), approach=approach)

    for toggle in questions.values():
        toggle.observe(update, names="value")
    save_button.on_click(on_save)
    update()
    box = widgets.VBox([widgets.HTML(first_idea_line(current_plan)), *rows, advice, choice, note, save_button, status, field_style()])
    box.add_class("smeai-build-buy-partner")
    return box


def show_data_readiness_explorer():
    """The data checklist: tick what is true, read the verdict and what to sort out first."""
    current_plan = plan.latest()
    earlier = current_plan.get("data") or {}
    first = plan.first_idea(current_plan)
    hint = ""
    if first and opportunities.is_known(first):
        hint = ", ".join(t(f"opportunities.data.{d}") for d in opportunities.use_case(first).data)
    needed = field(widgets.Textarea(value=earlier.get("needed", ""), placeholder=t("m09.explore.data_placeholder", hint=hint) if hint else t("m09.explore.data_placeholder_plain"), description=t("plan.data.needed"), rows=3))
    checks = {
        item: widgets.Checkbox(value=bool((earlier.get("checks") or {}).get(item)), description=t(f"plan.data.items.{item}"), indent=False, layout=widgets.Layout(width="95%"))
        for item in plan.READINESS_ITEMS
    }
    verdict = widgets.HTML()
    verdict.add_class("smeai-readiness")
    save_button = button(t("m09.explore.save_data"), icon="save")
    status = widgets.HTML()

    def update(_=None):
        verdict.value = readiness_html({item: box.value for item, box in checks.items()})

    def on_save(_):
        data = {"needed": needed.value, "checks": {item: box.value for item, box in checks.items()}}
        _save_plan(status, lambda: t("m09.explore.data_saved"), data=data)

    for box in checks.values():
        box.observe(update, names="value")
    save_button.on_click(on_save)
    update()
    box = widgets.VBox([widgets.HTML(first_idea_line(current_plan)), needed, *checks.values(), verdict, save_button, status, field_style()])
    box.add_class("smeai-data-readiness")
    return box


def show_values_explorer():
    """Five public values, each with a question: fine, needs attention, or don't know yet; a
    note per value, and what can go wrong and for whom."""
    current_plan = plan.latest()
    earlier = current_plan.get("values") or {}
    first = plan.first_idea(current_plan)
    flagged = opportunities.use_case(first).values if first and opportunities.is_known(first) else ()
    header = first_idea_line(current_plan)
    if flagged:
        header += " " + t("m09.explore.values_flagged", values=", ".join(t(f"opportunities.values.{v}") for v in flagged))
    answers, notes, rows = {}, {}, []
    options = [(t(f"plan.values.answers.{a}"), a) for a in plan.VALUE_ANSWERS]
    for value in opportunities.VALUES:
        entry = earlier.get(value) or {}
        name = t(f"opportunities.values.{value}").capitalize()
        question = t(f"plan.values.questions.{value}")
        answers[value] = ToggleGroup(options=options, value=entry.get("answer"), aria_label=f"{name}: {question}")
        notes[value] = field(widgets.Text(value=entry.get("note", ""), description=t("m09.explore.value_note_label", value=name), placeholder=t("m09.explore.value_note")))
        marker = " ⚠" if value in flagged else ""
        rows.append(widgets.VBox([
            widgets.HTML(f"<b>{html.escape(name)}{marker}</b>: {html.escape(question)}"),
            answers[value],
            notes[value],
        ]))
    risks = field(widgets.Textarea(value=current_plan.get("risks", ""), placeholder=t("m09.explore.risks_placeholder"), description=t("plan.risks"), rows=3))
    summary = widgets.HTML()
    summary.add_class("smeai-values-summary")
    save_button = button(t("m09.explore.save_values"), icon="save")
    status = widgets.HTML()

    def update(_=None):
        summary.value = html.escape(values_summary({v: a.value for v, a in answers.items()}))

    def on_save(_):
        values = {v: {"answer": answers[v].value, "note": notes[v].value} for v in opportunities.VALUES}
        _save_plan(status, lambda: t("m09.explore.values_saved"), values=values, risks=risks.value)

    for toggle in answers.values():
        toggle.observe(update, names="value")
    save_button.on_click(on_save)
    update()
    box = widgets.VBox([widgets.HTML(header), *rows, risks, summary, save_button, status, field_style()])
    box.add_class("smeai-values-check")
    return box


def show_scan_comparison_explorer():
    """The self-scan of module 00 next to the one just done, as a chart and a table per area."""
    message = widgets.HTML()
    out = widgets.Output()
    refresh = button(t("plan.widget.refresh"), icon="refresh")

    def update(_=None):
        before, after = selfscan.latest("before"), selfscan.latest("after")
        out.clear_output(wait=True)
        if not after:
            message.value = html.escape(t("m09.explore.scan_after_missing"))
            return
        key = (get_language(), tuple(sorted(before.items())) if before else None, tuple(sorted(after.items())))
        if not before:
            message.value = html.escape(t("m09.explore.scan_before_missing"))
            with out:
                display(scan_image(*key))
            return
        rows = scan_change_rows(before, after)
        head = "".join(f"<th style='text-align:left;padding-right:1em'>{html.escape(t(f'record.scan.{c}'))}</th>" for c in ("area", "before", "after", "change"))
        body = "".join("<tr>" + "".join(f"<td style='padding-right:1em'>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows)
        message.value = f"<p>{html.escape(t('m09.explore.scan_compared'))}</p><table><tr>{head}</tr>{body}</table>"
        with out:
            display(scan_image(*key))

    refresh.on_click(update)
    update()
    box = widgets.VBox([refresh, message, out])
    box.add_class("smeai-scan-comparison")
    return box


def _plain(text: str) -> str:
    """A catalogue text without its HTML tags, as an accessible name."""
    return html.unescape(re.sub(r"<[^>]+>", "", text))
