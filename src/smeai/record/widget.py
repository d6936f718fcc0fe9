"""The record's widget in module 09: name, organisation and role, and a button that writes it."""

from __future__ import annotations

import html
import logging

import ipywidgets as widgets

from .. import profile
from ..i18n import t
from . import files
from .model import build
from .text import summary_lines

log = logging.getLogger(__name__)


def show_record():
    """Name, organisation and role (from the profile; change them here if you like), and a
    button that writes the record as HTML and PDF next to the notebook."""
    earlier = profile.latest()
    wide, width = {"description_width": "10em"}, widgets.Layout(width="36em")
    name = widgets.Text(value=earlier.get("name") or "", description=t("profile.name"), placeholder=t("profile.optional"), style=wide, layout=width)
    organisation = widgets.Text(value=earlier.get("organisation") or "", description=t("profile.organisation"), placeholder=t("profile.optional"), style=wide, layout=width)
    role = widgets.Dropdown(
        options=[(t("record.widget.no_role"), "")] + [(t(f"profile.roles.{r}"), r) for r in profile.ROLES],
        value=earlier.get("role") if earlier.get("role") in profile.ROLES else "",  # "" is no role: a drop-down cannot show None
        description=t("profile.role"),
        style=wide,
        layout=width,
    )
    button = widgets.Button(description=t("record.widget.make"), icon="file", button_style="primary", layout=widgets.Layout(width="auto"))
    status = widgets.HTML()
    summary = widgets.HTML()

    def on_make(_):
        status.value = html.escape(t("record.widget.busy"))
        try:
            record = build(name=name.value, organisation=organisation.value, role=role.value)
            html_path, pdf_path = files.write(record, ".")
        except OSError as problem:
            status.value = "✘ " + html.escape(t("record.widget.failed", error=problem.strerror or str(problem)))
            return
        except Exception as problem:  # never a traceback for the learner; the log keeps the details
            log.exception("making the record failed")
            status.value = "✘ " + html.escape(t("record.widget.failed", error=type(problem).__name__))
            return
        status.value = "✔ " + html.escape(t("record.widget.made", html=html_path.name, pdf=pdf_path.name))
        lines = summary_lines(record)
        not_done = ", ".join(m.number for m in record.not_completed)
        if not_done:
            lines.append(t("record.widget.not_done", modules=not_done))
        summary.value = "<ul>" + "".join(f"<li>{html.escape(x)}</li>" for x in lines) + "</ul>"

    button.on_click(on_make)
    box = widgets.VBox([name, organisation, role, button, status, summary])
    box.add_class("smeai-record")
    return box
