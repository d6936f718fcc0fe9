"""Text fields, drop-downs and buttons whose labels fit, in both languages.

ipywidgets links a field's ``description`` to the field (``<label for=...>``), so the
description is the field's accessible name; a placeholder is not. But it draws the description
on one line in a fixed width and cuts it off ("Bewaar mijn a…"). :func:`field` puts the label on
its own line above the field, where it wraps, and :func:`button` sizes a button to its words.
The style travels with the box (:func:`field_style`), so nothing depends on a theme.
"""

from __future__ import annotations

import ipywidgets as widgets

__all__ = ["FIELD_CSS", "button", "field", "field_style"]

FIELD_CSS = "smeai-field"

_STYLE = f"""<style>
.{FIELD_CSS} {{ flex-direction: column !important; align-items: stretch !important; height: auto !important; }}
.{FIELD_CSS} > label.widget-label {{ width: auto !important; max-width: 100%; white-space: normal !important;
  overflow: visible !important; text-overflow: clip !important; text-align: left !important;
  line-height: 1.35; height: auto !important; margin: 0 0 0.2em 0 !important; font-weight: 600; }}
.{FIELD_CSS} > input, .{FIELD_CSS} > textarea, .{FIELD_CSS} > select {{ width: 100% !important; max-width: 100%; }}
.widget-button.smeai-button, .widget-upload.smeai-button {{ width: auto !important; max-width: 100%; white-space: normal; height: auto; min-height: var(--jp-widgets-inline-height, 28px); }}
</style>"""


def field(widget: widgets.Widget, width: str = "95%") -> widgets.Widget:
    """A ``Text``, ``Textarea`` or ``Dropdown`` with its ``description`` as a real label on its
    own line (it wraps, never cut off); returns the same widget."""
    widget.add_class(FIELD_CSS)
    widget.layout.width = width
    widget.style.description_width = "initial"
    return widget


def button(description: str, icon: str = "", **kwargs) -> widgets.Button:
    """A button as wide as its words."""
    made = widgets.Button(description=description, icon=icon, layout=widgets.Layout(width="auto"), **kwargs)
    made.add_class("smeai-button")
    return made


def field_style() -> widgets.HTML:
    """The style of :func:`field` and :func:`button`; put it once in the box that holds them."""
    return widgets.HTML(_STYLE, layout=widgets.Layout(display="none"))
