"""The course's own controls (smeai.ui.controls) in a real JupyterLab: a keyboard and a screen
reader can use them, and a saved notebook reopened without its kernel says "run this cell
again" in the learner's language instead of "model not found"."""

from __future__ import annotations

import json

import nbformat
import pytest

from .axe import axe_violations, describe
from .test_lab import assert_no_browser_errors, assert_no_error_outputs, open_notebook, run_all_cells

pytestmark = [pytest.mark.browser, pytest.mark.timeout(420)]

NOTEBOOK = "controls-check.ipynb"
SETUP = """\
from smeai.i18n import set_language
from smeai.ui.controls import ChoiceGroup, FloatSlider, IntSlider, ToggleGroup
set_language("nl")
seen = []
"""
CELLS = [
    SETUP,
    'grens = IntSlider(value=60, min=55, max=89, description="Grens voor klasse 1", suffix=" mm")\n'
    'grens.observe(lambda change: seen.append(("grens", change["new"])), names="value")\ngrens',
    'prijs = FloatSlider(value=4.75, min=0, max=10, step=0.25, description="Prijs per brood", prefix="€ ")\nprijs',
    'keuze = ToggleGroup(options=[("Nog niet", None), ("Klasse 1", True), ("Sap", False)], '
    'description="Appel 1")\nkeuze.observe(lambda change: seen.append(("keuze", change["new"])), names="value")\nkeuze',
    'antwoord = ChoiceGroup(options=["rood", "groen", "blauw"], description="Welke kleur?")\n'
    'antwoord.observe(lambda change: seen.append(("antwoord", change["new"])), names="value")\nantwoord',
    'print("na de knoppen")',
]


def _write_notebook(root):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(source) for source in CELLS]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, root / NOTEBOOK)


def _kernel_value(page, expression: str):
    """Evaluate ``expression`` in the notebook's kernel and return its repr as text."""
    return page.evaluate(
        """async (code) => {
            const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
            let text = null;
            const future = kernel.requestExecute({code: code, silent: false, store_history: false});
            future.onIOPub = (msg) => {
                if (msg.header.msg_type === 'execute_result') { text = msg.content.data['text/plain']; }
            };
            await future.done;
            return text;
        }""",
        expression,
    )


def test_controls_work_with_keyboard_and_screen_reader(lab_server, browser_page, axe_source):
    page = browser_page.page
    _write_notebook(lab_server.root)
    open_notebook(page, lab_server, NOTEBOOK)
    run_all_cells(page, lab_server, NOTEBOOK)
    assert_no_error_outputs(page, NOTEBOOK)

    found = axe_violations(page, axe_source)
    assert not found["violations"], describe(found["violations"])

    # a slider: its label is its accessible name; the read-out is Dutch, for eyes and ears
    slider = page.get_by_role("slider", name="Grens voor klasse 1")
    slider.wait_for(state="visible")
    assert slider.get_attribute("aria-valuetext") == "60 mm"
    price = page.get_by_role("slider", name="Prijs per brood")
    assert price.get_attribute("aria-valuetext") == "€ 4,75"
    slider.focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    page.wait_for_function("(el) => el.getAttribute('aria-valuetext') === '63 mm'", arg=slider.element_handle())
    assert _wait_kernel(page, "grens.value", "63")

    # toggles: Tab reaches them, Space presses one, aria-pressed says which
    group = page.get_by_role("group", name="Appel 1")
    buttons = group.get_by_role("button")
    assert [b.get_attribute("aria-pressed") for b in buttons.all()] == ["true", "false", "false"]
    buttons.nth(1).focus()
    page.keyboard.press("Space")
    page.wait_for_function("(el) => el.getAttribute('aria-pressed') === 'true'", arg=group.get_by_role("button", name="Klasse 1").element_handle())
    assert _wait_kernel(page, "keuze.value", "True")

    # radio buttons: the arrow keys move between the options, not to the next cell
    first = page.get_by_role("radio", name="rood")
    first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    assert page.get_by_role("radio", name="groen").is_checked()
    assert page.evaluate("() => document.activeElement.getAttribute('type')") == "radio"
    assert _wait_kernel(page, "antwoord.value", "'groen'")
    assert_no_browser_errors(browser_page)


def _wait_kernel(page, expression: str, expected: str, tries: int = 40) -> bool:
    for _ in range(tries):
        if _kernel_value(page, expression) == expected:
            return True
        page.wait_for_timeout(250)
    pytest.fail(f"the kernel's {expression} is {_kernel_value(page, expression)}, expected {expected}")


def test_reopened_notebook_asks_to_run_the_cell_again(lab_server, browser_page):
    page = browser_page.page
    _write_notebook(lab_server.root)
    open_notebook(page, lab_server, NOTEBOOK)
    run_all_cells(page, lab_server, NOTEBOOK)
    page.evaluate("() => window.jupyterapp.commands.execute('docmanager:save')")
    saved = lab_server.root / NOTEBOOK
    page.wait_for_timeout(1000)
    nb = json.loads(saved.read_text(encoding="utf-8"))
    widget_outputs = [o for c in nb["cells"] for o in c.get("outputs", []) if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    assert widget_outputs == [], "the saved notebook still points at widgets in a kernel"
    texts = ["".join(o["data"]["text/plain"]) for c in nb["cells"] for o in c.get("outputs", []) if "text/plain" in o.get("data", {})]
    assert any("Voer deze cel opnieuw uit" in text for text in texts), texts

    # the next day: kernel gone, notebook reopened
    page.evaluate("() => window.jupyterapp.commands.execute('kernelmenu:shutdown')")
    page.evaluate("() => window.jupyterapp.commands.execute('application:close-all')")
    page.goto(lab_server.url(f"lab/tree/{NOTEBOOK}"), wait_until="domcontentloaded")
    page.get_by_text("Voer deze cel opnieuw uit").first.wait_for(state="visible", timeout=60_000)
    assert page.get_by_text("model not found").count() == 0
