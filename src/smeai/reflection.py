"""Free-text reflections on the learner's own work, saved as they type (on leaving the box) so
that a kernel restart loses nothing. Module 09's action plan reads them back."""

from __future__ import annotations

import re

from . import progress
from .i18n import t

_ID = re.compile(r"^m\d\d\.r\d+$")


def save(reflection_id: str, text: str) -> dict | None:
    if not _ID.match(reflection_id):
        raise ValueError(f"reflection id must look like 'm01.r1', not {reflection_id!r}")
    if not isinstance(text, str):
        raise TypeError("a reflection is text")
    return progress.log_event("reflection", reflection=reflection_id, module=reflection_id[1:3], text=text.strip())


def latest(reflection_id: str, events: list[dict] | None = None) -> str:
    events = progress.store().events() if events is None else events
    texts = [e.get("text", "") for e in events if e.get("kind") == "reflection" and e.get("reflection") == reflection_id]
    return texts[-1] if texts else ""


def show_reflection(reflection_id: str):
    """The question, a text box that keeps what was written earlier, and a save button."""
    # here, not at the top: plan and record read reflections back without any widgets
    import ipywidgets as widgets

    from .ui.fields import button as make_button, field, field_style

    # the question is the text box's label (linked to it, so a screen reader names the box by
    # it), on its own line, wrapped; the placeholder only says how saving works
    box = field(widgets.Textarea(value=latest(reflection_id), description=t(reflection_id + ".prompt"),
                                 placeholder=t("reflection.placeholder"), continuous_update=False))
    box.layout.height = "auto"
    box.rows = 5
    button = make_button(t("reflection.save"), icon="save")
    status = widgets.HTML()

    def store(_=None):
        if box.value.strip():
            save(reflection_id, box.value)
            status.value = "✔ " + t("reflection.saved")

    box.observe(store, names="value")  # fires when the learner leaves the box
    button.on_click(store)
    container = widgets.VBox([box, widgets.HBox([button, status]), field_style()])
    container.add_class("smeai-reflection")
    return container
