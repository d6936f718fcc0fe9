"""The accessibility check of test_accessibility.py for modules 05-09 (a file of its own, so
each browser test file stays under about 3 minutes)."""

from __future__ import annotations

import pytest

from .test_accessibility import MODULES_NL, check_module

pytestmark = [pytest.mark.browser, pytest.mark.timeout(900)]

SECOND_HALF = [name for name in MODULES_NL if name[:2] >= "05"]


def test_both_halves_cover_every_module():
    from .test_accessibility import FIRST_HALF

    assert sorted(FIRST_HALF + SECOND_HALF) == MODULES_NL and len(MODULES_NL) == 10


@pytest.mark.parametrize("notebook", SECOND_HALF)
def test_course_outputs_have_no_wcag_violations(notebook, lab_server, browser_page, axe_source):
    check_module(notebook, lab_server, browser_page, axe_source)
