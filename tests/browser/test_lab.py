"""A learner's first steps in a real browser: open module 01, run it all, use the explorer.

JupyterLab runs as ``smeai lab`` starts it (see conftest.py); Debian's Chromium is driven by
Playwright. Every wait has a deadline.
"""

from __future__ import annotations

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.timeout(420)]

NOTEBOOK_NL = "nl/01-wat-is-ai.ipynb"
NOTEBOOK_EN = "en/01-what-is-ai.ipynb"

OPEN_TIMEOUT = 90_000  # ms: page load, extensions, kernel start
RUN_ALL_TIMEOUT = 240_000  # ms: the whole module on a fresh kernel
WIDGET_TIMEOUT = 20_000  # ms: a widget callback round trip

# True when the notebook at ``path`` is the current tab, loaded, with an idle, connected kernel.
KERNEL_IDLE_JS = """(path) => {
    const app = window.jupyterapp;
    const panel = app && app.shell && app.shell.currentWidget;
    if (!panel || !panel.context || panel.context.path !== path || !panel.context.isReady) {
        return false;
    }
    const session = panel.sessionContext && panel.sessionContext.session;
    const kernel = session && session.kernel;
    return !!kernel && kernel.status === 'idle' && kernel.connectionStatus === 'connected';
}"""

# Starts "Run > Run All Cells" and records how it ended in window.__smeaiRunAll.
START_RUN_ALL_JS = """() => {
    window.__smeaiRunAll = null;
    window.jupyterapp.commands.execute('notebook:run-all-cells').then(
        (ok) => { window.__smeaiRunAll = {done: true, ok: ok}; },
        (err) => { window.__smeaiRunAll = {done: true, ok: false, error: String(err)}; },
    );
}"""

# Every error output in the current notebook, from the model (in the DOM an error looks like
# stderr: both are rendered as application/vnd.jupyter.stderr).
ERROR_OUTPUTS_JS = """() => {
    const panel = window.jupyterapp.shell.currentWidget;
    const found = [];
    panel.content.widgets.forEach((cell, index) => {
        if (cell.model.type !== 'code') { return; }
        for (const output of cell.model.outputs.toJSON()) {
            if (output.output_type === 'error') {
                found.push({cell: index, ename: output.ename, evalue: output.evalue,
                            traceback: (output.traceback || []).join('\\n')});
            }
        }
    });
    return found;
}"""

# Outputs that show a figure's text stand-in ("<Figure size 640x480 with 1 Axes>") instead of
# the picture: what a learner sees when a figure is displayed without a PNG formatter.
BARE_FIGURES_JS = """() => Array.from(document.querySelectorAll('.jp-OutputArea-output'))
    .map((node) => node.innerText.trim())
    .filter((text) => /^<Figure size [^>]*>$/.test(text))"""

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def open_notebook(page, server, path: str) -> None:
    """Open a notebook in JupyterLab and wait until its kernel is idle."""
    page.goto(server.url(f"lab/tree/{path}"), wait_until="domcontentloaded", timeout=OPEN_TIMEOUT)
    try:
        page.wait_for_function(KERNEL_IDLE_JS, arg=path, timeout=OPEN_TIMEOUT, polling=250)
    except Exception as exc:
        pytest.fail(
            f"{path} did not open with an idle kernel within {OPEN_TIMEOUT / 1000:.0f} s: {exc}\n"
            f"--- server log ---\n{server.log_tail()}"
        )


def run_all_cells(page, server, path: str) -> dict:
    page.evaluate(START_RUN_ALL_JS)
    try:
        page.wait_for_function(
            "() => window.__smeaiRunAll !== null", timeout=RUN_ALL_TIMEOUT, polling=500
        )
    except Exception as exc:
        pytest.fail(
            f"Running all cells of {path} did not finish within {RUN_ALL_TIMEOUT / 1000:.0f} s: "
            f"{exc}\n--- server log ---\n{server.log_tail()}"
        )
    # Outputs (widgets, figures) arrive before the kernel goes idle again.
    page.wait_for_function(KERNEL_IDLE_JS, arg=path, timeout=OPEN_TIMEOUT, polling=250)
    return page.evaluate("() => window.__smeaiRunAll")


def assert_no_error_outputs(page, path: str) -> None:
    errors = page.evaluate(ERROR_OUTPUTS_JS)
    if errors:
        pytest.fail(
            f"{path} has error outputs:\n"
            + "\n\n".join(
                f"cell {e['cell']}: {e['ename']}: {e['evalue']}\n{ANSI.sub('', e['traceback'])}"
                for e in errors
            ),
            pytrace=False,
        )


def assert_no_browser_errors(browser) -> None:
    if browser.errors:
        pytest.fail("the browser reported errors:\n" + "\n".join(browser.errors), pytrace=False)


def test_module_01_runs_and_explorer_responds(lab_server, browser_page):
    page = browser_page.page
    open_notebook(page, lab_server, NOTEBOOK_NL)

    result = run_all_cells(page, lab_server, NOTEBOOK_NL)
    # (a) no cell raised
    assert_no_error_outputs(page, NOTEBOOK_NL)
    assert result.get("ok") is True, f"Run All Cells did not succeed: {result}"

    # (b) a check cell rendered its feedback
    feedback = page.locator(".smeai-feedback").first
    feedback.wait_for(state="attached", timeout=WIDGET_TIMEOUT)
    feedback.scroll_into_view_if_needed(timeout=WIDGET_TIMEOUT)
    feedback.wait_for(state="visible", timeout=WIDGET_TIMEOUT)

    # (c) the rule explorer: a widget that was rendered by the widget manager responds to the
    # keyboard, and its result text follows
    explorer = page.locator(".smeai-rule-explorer").first
    explorer.wait_for(state="attached", timeout=WIDGET_TIMEOUT)
    explorer.scroll_into_view_if_needed(timeout=WIDGET_TIMEOUT)
    explorer.wait_for(state="visible", timeout=WIDGET_TIMEOUT)
    handle = explorer.get_by_role("slider").first
    handle.wait_for(state="visible", timeout=WIDGET_TIMEOUT)
    result_text = explorer.locator(".smeai-rule-result")
    if result_text.count() == 0:  # the result may sit next to the explorer, not inside it
        result_text = page.locator(".smeai-rule-result")
    result_text = result_text.first
    result_text.wait_for(state="visible", timeout=WIDGET_TIMEOUT)
    before_text = result_text.inner_text(timeout=WIDGET_TIMEOUT)
    # the slider is a native <input type="range"> (smeai.ui.controls): its value is the input's
    before_value = handle.input_value(timeout=WIDGET_TIMEOUT)

    handle.focus(timeout=WIDGET_TIMEOUT)
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    if handle.input_value(timeout=WIDGET_TIMEOUT) == before_value:
        # already at the maximum: move the other way
        for _ in range(5):
            page.keyboard.press("ArrowLeft")
    after_value = handle.input_value(timeout=WIDGET_TIMEOUT)
    assert after_value != before_value, f"the slider did not move (value {before_value})"

    try:
        page.wait_for_function(
            "([el, before]) => el.innerText !== before",
            arg=[result_text.element_handle(timeout=WIDGET_TIMEOUT), before_text],
            timeout=WIDGET_TIMEOUT,
            polling=100,
        )
    except Exception:
        pytest.fail(
            f"the slider moved ({before_value} -> {after_value}) but the result text stayed "
            f"{before_text!r}\n--- server log ---\n{lab_server.log_tail()}"
        )
    # (a, again) the callback did not raise into an output either
    assert_no_error_outputs(page, NOTEBOOK_NL)

    # figures (also those redrawn by the slider) are pictures, not their text stand-in
    bare = page.evaluate(BARE_FIGURES_JS)
    if bare:
        pytest.fail(f"{len(bare)} figure(s) shown as text, not as a picture: {bare}", pytrace=False)

    # (d) nothing went wrong in the page itself
    assert_no_browser_errors(browser_page)


def test_english_module_01_opens_for_a_self_study_learner(lab_server, browser_page):
    """The English notebook opens; a self-study learner sees no news pop-up, no instructor tools
    and none of nbgrader's learner tools (its "Validate" button answers an ungraded course
    notebook with an English "Success!"). JupyterLab's menus follow the course language (this
    server runs the Dutch course)."""
    page = browser_page.page
    open_notebook(page, lab_server, NOTEBOOK_EN)

    plugins = page.evaluate(
        """() => {
            const app = window.jupyterapp;
            return {
                formgrader: app.hasPlugin('@jupyter/nbgrader:formgrader'),
                createAssignment: app.hasPlugin('@jupyter/nbgrader:create-assignment'),
                assignmentList: app.hasPlugin('@jupyter/nbgrader:assignment-list'),
                courseList: app.hasPlugin('@jupyter/nbgrader:course-list'),
                validate: app.hasPlugin('@jupyter/nbgrader:validate-assignment'),
                menu: app.hasPlugin('@jupyter/nbgrader:menu'),
                formgraderCommand: app.commands.hasCommand('nbgrader:open-formgrader'),
                // a plugin that stays, to show the check itself works
                notebook: app.hasPlugin('@jupyterlab/notebook-extension:tracker'),
            };
        }"""
    )
    assert plugins == {
        "formgrader": False,
        "createAssignment": False,
        "assignmentList": False,
        "courseList": False,
        "validate": False,
        "menu": False,
        "formgraderCommand": False,
        "notebook": True,
    }, plugins
    assert page.locator(".validate-button").count() == 0
    # Dutch menus from the language pack: "Run" is "Uitvoeren", "File" is "Bestand"
    menubar = page.locator("#jp-menu-panel, .lm-MenuBar").first.inner_text(timeout=WIDGET_TIMEOUT)
    assert "Uitvoeren" in menubar and "Bestand" in menubar, menubar
    # The news question would be a toast shortly after start-up; the kernel start gave it time.
    assert page.get_by_text("Jupyter news").count() == 0
    assert_no_browser_errors(browser_page)


def test_server_has_no_formgrader_and_no_news(lab_server):
    """The same checks on the server's side: the formgrader is not served, news is off."""
    import json
    import urllib.error
    import urllib.request

    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(lab_server.url("formgrader"), timeout=15)
    assert info.value.code == 404

    url = lab_server.url("lab/api/settings/@jupyterlab/apputils-extension:notification")
    with urllib.request.urlopen(url, timeout=15) as response:
        settings = json.load(response)
    defaults = settings["schema"]["properties"]
    assert defaults["fetchNews"]["default"] == "false"
    assert defaults["checkForUpdates"]["default"] is False
