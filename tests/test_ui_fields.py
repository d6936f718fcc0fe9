"""Fields whose labels fit and are real labels, and a number field that reads numbers the way a
person types them (smeai.ui.fields)."""

import ipywidgets as widgets
import pytest

from smeai import i18n
from smeai.ui.fields import FIELD_CSS, NumberField, button, field, field_style, typed


def test_a_field_gets_its_label_on_its_own_line_never_cut_off():
    text = field(widgets.Text(description="Foutkosten die je voorkomt, per jaar (€)"))
    assert FIELD_CSS in text._dom_classes and text.style.description_width == "initial" and text.layout.width == "95%"
    css = field_style().value
    assert "white-space: normal" in css and "flex-direction: column" in css and "text-overflow: clip" in css
    made = button("Bewaar mijn antwoord", icon="save")
    assert made.layout.width == "auto" and made.description == "Bewaar mijn antwoord"


@pytest.mark.parametrize(("value", "nl", "en"), [(1500, "1500", "1500"), (10.5, "10,5", "10.5"), (1_000_000, "1000000", "1000000"), (0, "0", "0")])
def test_a_number_is_typed_without_thousands_signs(value, nl, en):
    assert typed(value, "nl") == nl and typed(value, "en") == en


def test_a_number_field_shows_what_it_read_and_refuses_what_it_cannot():
    seen = []
    amount = NumberField("Invoeren, eenmalig (€)", 1500, euro=True, most=1_000_000)
    amount.text.observe(lambda change: seen.append(amount.value), names="value")  # a module's observer sees the new value
    assert amount.text.description == "Invoeren, eenmalig (€)" and amount.text.continuous_update is False
    assert amount.value == 1500 and amount.note.value == '<span aria-hidden="true">✔</span> Gelezen: € 1.500,00'
    cases = {
        "1.200": (1200, "Gelezen: € 1.200,00 (dus 1200, niet 1,2)"),
        "1.200,50": (1200.5, "Gelezen: € 1.200,50"),
        "€ 1.200": (1200, "Gelezen: € 1.200,00"),
        "1 200": (1200, "Gelezen: € 1.200,00"),
        "": (None, "Het vak is leeg."),
        "-": (None, "geen cijfer"),
        "veel": (None, "is geen getal"),
        "Het kost 1200 en 300": (None, "meer getallen"),
        "-5": (None, "-€ 5,00 kan hier niet. Typ een getal van 0 tot en met 1.000.000."),
        "2.000.000": (None, "kan hier niet"),
    }
    for text, (value, sentence) in cases.items():
        amount.text.value = text
        assert amount.value == value and sentence in amount.note.value, text
        assert amount.ok is (value is not None) and amount.note.value.startswith('<span aria-hidden="true">' + ("✔" if value is not None else "✘"))
    assert seen[:4] == [1200, 1200.5, 1200, 1200]
    hours = NumberField("Uren", 8)
    hours.show(10.5)
    assert hours.text.value == "10,5" and hours.value == 10.5 and hours.note.value.endswith("Gelezen: 10,5")


def test_a_number_field_speaks_english_too():
    i18n.set_language("en")
    amount = NumberField("Implementation (€)", 1500, euro=True)
    assert amount.text.value == "1500" and amount.note.value.endswith("Read: €1,500.00")
    amount.text.value = "1.200"  # ambiguous for an English reader in a Dutch business: refused, both readings named
    assert amount.value is None and "1200" in amount.note.value and "1.2" in amount.note.value
