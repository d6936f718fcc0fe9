"""What the course renders is usable with a keyboard and a screen reader.

axe-core (the npm package, pinned in tests/browser/package.json and installed by .ci/run) is
injected into JupyterLab after "Run All Cells" and checks the WCAG 2.1 A and AA rules on what
the course puts on the screen: the output areas (widgets, figures, feedback, quizzes). JupyterLab's
own toolbar, editors and cell list are out of scope: JupyterLab states that it does not conform
to WCAG 2.1 AA, and that is not ours to fix.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .axe import axe_violations, describe
from .test_lab import assert_no_error_outputs, open_notebook, run_all_cells

pytestmark = [pytest.mark.browser, pytest.mark.timeout(900)]

COURSE = Path(__file__).resolve().parents[2] / "course"
MODULES_NL = sorted(p.name for p in (COURSE / "nl").glob("[0-9][0-9]-*.ipynb"))
# modules 00-04 here, 05-09 in test_accessibility_late.py: each file stays under about 3 minutes
FIRST_HALF = [name for name in MODULES_NL if name[:2] < "05"]


@pytest.mark.parametrize("notebook", FIRST_HALF)
def test_course_outputs_have_no_wcag_violations(notebook, lab_server, browser_page, axe_source):
    check_module(notebook, lab_server, browser_page, axe_source)


def check_module(notebook, lab_server, browser_page, axe_source):
    """Run every cell of one Dutch module, then axe on its output areas: 0 violations."""
    page = browser_page.page
    path = f"nl/{notebook}"
    open_notebook(page, lab_server, path)
    run_all_cells(page, lab_server, path)
    assert_no_error_outputs(page, path)
    found = axe_violations(page, axe_source)
    print(f"\naxe {path}: {found['outputs']} outputs, "
          f"{sum(len(v['nodes']) for v in found['violations'])} violating elements "
          + json.dumps({v['id']: len(v['nodes']) for v in found['violations']}))
    assert found["outputs"] > 0, f"{path} rendered no outputs to check"
    assert not found["violations"], f"WCAG 2.1 A/AA violations in {path}:\n" + describe(found["violations"])
