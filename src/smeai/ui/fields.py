"""Text fields, drop-downs and buttons whose labels fit, in both languages.

ipywidgets links a field's ``description`` to the field (``<label for=...>``), so the
description is the field's accessible name; a placeholder is not. But it draws the description
on one line in a fixed width and cuts it off ("Bewaar mijn a…"). :func:`field` puts the label on
its own line above the field, where it wraps, and :func:`button` sizes a button to its words.
The style travels with the box (:func:`field_style`), so nothing depends on a theme.

:class:`NumberField` is a text field for a number as a person types it ("1.200", "€ 1.200,50",
"10,5"): it shows under the field what it read, in the learner's format, and refuses what it
cannot read; its ``value`` is ``None`` then, so nothing is computed or saved with a misreading.
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from ..i18n import format_number, get_language, t
from ..numbers import format_amount, read_back

__all__ = ["FIELD_CSS", "NumberField", "button", "field", "field_style", "typed"]

FIELD_CSS = "smeai-field"

_STYLE = f"""<style>
.{FIELD_CSS} {{ flex-direction: column !important; align-items: stretch !important; height: auto !important; }}
.{FIELD_CSS} > label.widget-label {{ width: auto !important; max-width: 100%; white-space: normal !important;
  overflow: visible !important; text-overflow: clip !important; text-align: left !important;
  line-height: 1.35; height: auto !important; margin: 0 0 0.2em 0 !important; font-weight: 600; }}
.{FIELD_CSS} > input, .{FIELD_CSS} > textarea, .{FIELD_CSS} > select {{ width: 100% !important; max-width: 100%;
  flex: 0 0 auto !important; }}
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


def typed(value: float, lang: str | None = None) -> str:
    """A number as a learner would type it into a field: the learner's decimal sign, no
    thousands sign ("1500", "10,5"), so it reads back without any doubt."""
    lang = lang or get_language()
    text = format_number(value, lang)
    return text.replace(".", "") if lang == "nl" else text.replace(",", "")


class NumberField:
    """A labelled text field for one number, with the value read shown under it.

    ``box`` is what to show; ``text`` the ``Text`` widget (observe its ``value`` to follow the
    learner); ``value`` the number read, or ``None`` when the text is not one number or lies
    outside 0..``most``. ``euro=True`` shows the value read as an amount ("€ 1.200,00").
    """

    def __init__(self, description: str, value: float | None = None, *, euro: bool = False, most: float | None = None,
                 width: str = "min(100%, 30em)"):
        self.euro, self.most, self.value = euro, most, None
        self.text = field(widgets.Text(value="" if value is None else typed(value), description=description,
                                       continuous_update=False), width)
        self.note = widgets.HTML()
        self.note.add_class("smeai-read-back")
        self.box = widgets.VBox([self.text, self.note])
        self.text.observe(self._read, names="value")  # before any observer a module adds: they see the new value
        self._read()

    @property
    def ok(self) -> bool:
        return self.value is not None

    def show(self, value: float) -> None:
        """Put a number in the field, as the learner would type it."""
        self.text.value = typed(value)

    def _read(self, change=None) -> None:
        value, sentence = read_back(self.text.value, euro=self.euro)
        if value is not None and (value < 0 or (self.most is not None and value > self.most)):
            shown = format_amount(value) if self.euro else format_number(value)
            value, sentence = None, t("fields.out_of_range", shown=shown, most=self.most)
        self.value = value
        mark = "✔" if value is not None else "✘"
        self.note.value = f'<span aria-hidden="true">{mark}</span> {html.escape(sentence)}'
