"""The plan form in module 09: reminders, the idea to start with, the first three steps, who
carries the plan and when it is reviewed, and buttons to save and export."""

from __future__ import annotations

import html
import logging

from .. import progress
from ..i18n import t
from .model import NO_IDEA, OWNER_FIELDS, STEP_FIELDS, STEPS, PlanError
from .render import export, html_body
from .store import first_idea, latest, reflections, save
from .view import view
from .words import format_date

log = logging.getLogger(__name__)


def show_plan():
    """The action plan: what earlier widgets saved, reminders of earlier reflections, the idea to
    start with, the first three steps (what, who, when), who owns and approves the plan and when it
    is reviewed, a save button and an export button."""
    # here, not at the top: the plan's model, the record and module 09's exercises import this
    # package, and a grading kernel must not load widgets
    import ipywidgets as widgets

    from ..ui.fields import button, field, field_style

    events = progress.store().events()
    plan = latest(events)

    earlier = reflections(events)
    if earlier:
        items = "".join(
            f"<li><b>{html.escape(t('plan.reflection_from', module=rid[1:3]))}</b> {html.escape(text)}</li>" for rid, _, text in earlier
        )
        reminder = widgets.HTML(f"<p>{html.escape(t('plan.widget.reminder'))}</p><ul>{items}</ul>")
    else:
        reminder = widgets.HTML(f"<p>{html.escape(t('plan.widget.no_reflections'))}</p>")

    summary = widgets.HTML()
    first = field(widgets.Dropdown(description=t("plan.widget.first")))
    step_boxes = []
    for n in range(STEPS):
        earlier_step = plan["steps"][n] if n < len(plan["steps"]) else {}
        # a label per field ("Stap 1: wat"), linked to it: a placeholder is no label
        boxes = {
            f: field(widgets.Text(value=earlier_step.get(f, ""), placeholder=t(f"plan.widget.placeholder_{f}"),
                                  description=t("plan.widget.step_label", number=n + 1, field=t(f"plan.steps.{f}").lower())),
                     width="min(100%, 22em)" if f == "what" else "min(100%, 16em)")
            for f in STEP_FIELDS
        }
        step_boxes.append(boxes)
    earlier_owner = plan.get("owner") or {}
    owner_boxes = {
        name: field(widgets.Text(
            value=format_date(earlier_owner["review"], short=True) if name == "review" and earlier_owner.get("review") else earlier_owner.get(name, ""),
            description=t(f"plan.owner.{name}"),
            placeholder=t(f"plan.widget.placeholder_{name}"),
        ), width="min(100%, 40em)")
        for name in OWNER_FIELDS
    }
    save_button = button(t("plan.widget.save"), icon="save", button_style="primary")
    export_button = button(t("plan.widget.export"), icon="download")
    status = widgets.HTML()
    preview = widgets.HTML()

    def refresh(_=None):
        current = latest()
        v = view(current)
        options = [(i["title"], i["key"]) for i in v["ideas"]]
        first.options = options or [(t("plan.widget.no_ideas"), NO_IDEA)]
        first.value = first_idea(current) if options else NO_IDEA
        first.disabled = not options
        summary.value = _summary_html(v)

    def on_save(_=None):
        try:
            # the owner first: a date that cannot be read stops the save before anything is kept
            save("owner", {name: box.value for name, box in owner_boxes.items()})
            if first.value != NO_IDEA:
                save("first", first.value)
            save("steps", [{f: box.value for f, box in boxes.items()} for boxes in step_boxes])
        except PlanError as problem:
            status.value = "✘ " + html.escape(str(problem))
            return False
        status.value = "✔ " + html.escape(t("plan.widget.saved"))
        return True

    def on_export(_):
        if not on_save():
            return
        try:
            md_path, html_path = export(".")
        except OSError as problem:
            status.value = "✘ " + html.escape(t("plan.widget.export_failed", error=problem.strerror or str(problem)))
            return
        except Exception as problem:  # never a traceback for the learner; the log keeps the details
            log.exception("exporting the plan failed")
            status.value = "✘ " + html.escape(t("plan.widget.export_failed", error=type(problem).__name__))
            return
        status.value = "✔ " + html.escape(t("plan.widget.exported", md=md_path.name, html=html_path.name))
        preview.value = '<div style="border:1px solid #999;padding:0.5em 1em">' + html_body() + "</div>"

    refresh_button = button(t("plan.widget.refresh"), icon="refresh")
    refresh_button.on_click(refresh)
    save_button.on_click(on_save)
    export_button.on_click(on_export)
    refresh()
    header = widgets.HTML(
        "<b>" + "</b> · <b>".join(html.escape(t(f"plan.steps.{f}")) for f in STEP_FIELDS) + "</b>"
    )
    rows = [widgets.HBox(list(boxes.values()), layout=widgets.Layout(width="95%", flex_flow="row wrap", grid_gap="0.2em 1em")) for boxes in step_boxes]
    owner_box = widgets.VBox(list(owner_boxes.values()))
    box = widgets.VBox([reminder, summary, refresh_button, first, header, *rows, owner_box, widgets.HBox([save_button, export_button], layout=widgets.Layout(flex_flow="row wrap")), status, preview, field_style()])
    box.add_class("smeai-plan")
    return box


def _summary_html(v: dict) -> str:
    e = html.escape
    no = e(t("plan.not_filled"))

    def line(key, text):
        return f"<li>{e(t(f'plan.sections.{key}'))}: {text}</li>"

    ideas = ", ".join(e(i["title"]) for i in v["ideas"]) or f"<i>{no}</i>"
    benefit = e(v["benefit"][3][1] + " / " + v["benefit"][5][1]) if v["benefit"] else f"<i>{no}</i>"
    approach = e(v["approach"]["choice"]) if v["approach"] else f"<i>{no}</i>"
    data = e(v["data"]["verdict"]) if v["data"] else f"<i>{no}</i>"
    values = e(", ".join(f"{n}: {a}" for n, a, _ in v["values"])) if v["values"] else f"<i>{no}</i>"
    return f"<p>{e(t('plan.widget.so_far'))}</p><ul>" + "".join(
        (line("ideas", ideas), line("benefit", benefit), line("approach", approach), line("data", data), line("values", values))
    ) + "</ul>"
