"""Module 09 with the keyboard alone: the cost fields, a quiz question and the self-scan.

A learner who cannot use a mouse starts at a cell (JupyterLab's command mode, reached through
JupyterLab's own commands, as the arrow keys and Escape would) and then uses Tab, the arrow keys,
Space and Enter, and types the numbers. No click, and no ``focus()`` on a control: every control
is reached the way a keyboard reaches it. After each step the kernel is asked what it received.
"""

from __future__ import annotations

import pytest

from .test_controls import _kernel_value
from .test_lab import assert_no_browser_errors, assert_no_error_outputs, open_notebook, run_all_cells

pytestmark = [pytest.mark.browser, pytest.mark.timeout(600)]

NOTEBOOK = "nl/09-van-idee-naar-actieplan.ipynb"

# What has the keyboard focus: its kind, its label (or its group's name) and the cell it is in.
FOCUS_JS = """() => {
    const e = document.activeElement;
    const panel = window.jupyterapp.shell.currentWidget;
    const cell = Array.from(panel.content.widgets).findIndex((c) => c.node.contains(e));
    const fieldset = e.closest('fieldset');
    const group = e.closest('[role=group]');
    const named = group && group.getAttribute('aria-labelledby');
    return {
        tag: e.tagName.toLowerCase(), type: e.getAttribute('type') || '', cell: cell,
        label: (e.labels && e.labels.length ? e.labels[0].textContent : e.textContent || '').trim(),
        legend: fieldset ? fieldset.querySelector('legend').textContent : '',
        group: named ? document.getElementById(named).textContent : (group ? group.getAttribute('aria-label') || '' : ''),
        pressed: e.getAttribute('aria-pressed'), checked: e.checked === true,
    };
}"""

# Make cell ``i`` the active cell and go to command mode, with its code hidden (JupyterLab's
# "Collapse selected code"): Tab then walks into the cell's output, not into its code editor.
START_AT_CELL_JS = """async (i) => {
    const app = window.jupyterapp;
    const panel = app.shell.currentWidget;
    panel.content.activeCellIndex = i;
    await app.commands.execute('notebook:hide-cell-code');
    await app.commands.execute('notebook:enter-command-mode');
    return panel.content.widgets[i].model.executionCount;
}"""

CELL_WITH_JS = """(text) => window.jupyterapp.shell.currentWidget.content.widgets.findIndex(
    (c) => c.model.type === 'code' && c.model.sharedModel.getSource().trim() === text)"""


def _focus(page) -> dict:
    return page.evaluate(FOCUS_JS)


def _start_at(page, source: str) -> tuple[int, int]:
    index = page.evaluate(CELL_WITH_JS, source)
    assert index >= 0, f"no cell {source!r} in {NOTEBOOK}"
    count = page.evaluate(START_AT_CELL_JS, index)
    assert isinstance(count, int), f"cell {source!r} did not run"
    return index, count


def _tab_until(page, wanted, cell: int, most: int = 12) -> dict:
    """Press Tab until ``wanted(focus)`` holds, at most ``most`` times, never leaving ``cell``."""
    for _ in range(most):
        page.keyboard.press("Tab")
        focus = _focus(page)
        if wanted(focus):
            return focus
        assert focus["cell"] in (cell, -1), f"Tab left the cell before reaching the control: {focus}"
    pytest.fail(f"{most} presses of Tab did not reach the control; focus is on {_focus(page)}")


def _kernel(page, expression: str, expected: str, tries: int = 40) -> None:
    """The kernel's ``repr`` of ``expression`` becomes ``expected`` (widget messages are async)."""
    code = f"repr({expression})"
    for _ in range(tries):
        if _kernel_value(page, code) == repr(repr(expected)):  # the text form of a str is its repr
            return
        page.wait_for_timeout(250)
    pytest.fail(f"the kernel's {expression} is {_kernel_value(page, code)}, expected {expected}")


def _replace_text(page, text: str) -> None:
    """Empty the focused field with the keyboard (End, then Backspace) and type ``text``."""
    current = page.evaluate("() => document.activeElement.value")
    page.keyboard.press("End")
    for _ in current:
        page.keyboard.press("Backspace")
    page.keyboard.type(text)
    page.keyboard.press("Enter")  # the field sends its text to Python on Enter


def test_module_09_with_the_keyboard_alone(lab_server, browser_page):
    page = browser_page.page
    open_notebook(page, lab_server, NOTEBOOK)
    run_all_cells(page, lab_server, NOTEBOOK)
    assert_no_error_outputs(page, NOTEBOOK)

    # 1. the cost-benefit fields: Tab to a field by its label, type a Dutch number, Enter
    cell, count = _start_at(page, "show_cost_benefit_explorer()")
    fields = f"Out[{count}].fields"
    focus = _tab_until(page, lambda f: f["label"] == "Uren bespaard per maand", cell)
    assert focus["tag"] == "input"
    _replace_text(page, "10,5")
    _kernel(page, f"{fields}['hours_per_month'].value", 10.5)
    _tab_until(page, lambda f: f["label"] == "Invoeren, eenmalig (€)", cell)
    _replace_text(page, "1.200")
    _kernel(page, f"{fields}['implementation_cost'].value", 1200.0)
    explorer = page.locator(".smeai-cost-benefit")
    assert "Gelezen: € 1.200,00 (dus 1200, niet 1,2)" in explorer.inner_text()
    assert "Gelezen: 10,5" in explorer.inner_text()
    _replace_text(page, "twaalfhonderd")  # refused, and nothing is computed with it
    _kernel(page, f"{fields}['implementation_cost'].value", None)
    page.get_by_text("Nog niet uitgerekend").first.wait_for(state="visible")

    # 2. a quiz question: Tab into its options, an arrow key chooses, Enter on the button checks
    cell, _ = _start_at(page, 'show_quiz("09")')
    focus = _tab_until(page, lambda f: f["type"] == "radio", cell)
    assert focus["legend"].startswith("1. ") and not focus["checked"]
    page.keyboard.press("ArrowDown")  # the next option, in the same question (not the next cell)
    focus = _focus(page)
    assert focus["type"] == "radio" and focus["checked"] and focus["legend"].startswith("1. "), focus
    chosen = page.evaluate("() => Array.from(document.activeElement.closest('fieldset').querySelectorAll('input')).findIndex((i) => i.checked)")
    assert chosen >= 0
    _tab_until(page, lambda f: f["tag"] == "button" and f["label"] == "Controleer", cell)
    page.keyboard.press("Enter")
    answers = "[(e['question'], e['choice']) for e in __import__('smeai.progress').progress.store().events() if e.get('kind') == 'quiz']"
    _kernel(page, answers, [("m09.quiz1", chosen)])

    # 3. the self-scan: Tab along the buttons of a statement, Space presses one, Enter another
    cell, count = _start_at(page, 'show_scan("after")')
    pickers = f"[w.value for w in Out[{count}].children if type(w).__name__ == 'ToggleGroup'][:2]"
    focus = _tab_until(page, lambda f: f["tag"] == "button" and f["label"] == "4", cell)
    assert focus["group"].startswith("1. ") and focus["pressed"] == "false"
    page.keyboard.press("Space")
    page.wait_for_function("() => document.activeElement.getAttribute('aria-pressed') === 'true'")
    focus = _tab_until(page, lambda f: f["tag"] == "button" and f["label"] == "2" and f["group"].startswith("2. "), cell)
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.getAttribute('aria-pressed') === 'true'")
    _kernel(page, pickers, [4, 2])
    # the chosen value is clearly marked for the eye too: a filled button with a check mark
    mark = page.evaluate("() => getComputedStyle(document.activeElement, '::before').content")
    assert "✓" in mark, mark
    assert_no_browser_errors(browser_page)
