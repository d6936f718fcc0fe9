"""TRANSITIONAL: the old one-control explorer, now built on :mod:`smeai.ui.explorer`; removed
once every module that uses it has moved to ``smeai/modules/``."""

from __future__ import annotations

from ..ui.explorer import View, build_explorer


def picture_explorer(control, describe, picture, css: str):
    """``control``, then ``describe(value)`` as text and ``picture(value)`` (PNG bytes) under it."""
    return build_explorer(control, lambda: View(describe(control.value), picture(control.value)), css=css)
