"""ONE explorer scaffold: controls, a read-out and a picture that follow them.

Every module's ``show_<thing>_explorer`` is built on :func:`build_explorer`. The module gives the
controls and a ``render()`` that reads them and returns a :class:`View` (the read-out text and an
optional picture). The scaffold wires the controls, redraws on every change, and has the ONE error
path: a failing ``render`` shows the catalogue's ``widgets.error`` (never a traceback) and is
logged for the trainer (never swallowed silently).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Callable, Sequence

import ipywidgets as widgets
from IPython.display import Image, display
from matplotlib.figure import Figure

from ..i18n import t
from ..plotting import draw_into

__all__ = ["View", "Explorer", "build_explorer"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class View:
    """What an explorer shows after a change: ``text`` (HTML, from the catalogue) and ``picture``:
    a matplotlib Figure, PNG bytes, anything IPython can display, or ``None`` (clears it)."""

    text: str
    picture: Any = None


class Explorer(widgets.VBox):
    """The explorer's box: ``controls``, then the read-out (``.result``), then the picture
    (``.out``). ``update()`` redraws; it runs once when the explorer is built."""

    def __init__(self, controls: Sequence[widgets.Widget], render: Callable[[], View], *, css: str,
                 watch: Sequence[widgets.Widget] | None = None, result_css: str | None = None,
                 show_picture: bool = True):
        self.render = render
        self.result = widgets.HTML()
        self.result.add_class(result_css or css.replace("-explorer", "-result"))
        self.out = widgets.Output()
        super().__init__([*controls, self.result, *([self.out] if show_picture else [])])
        self.add_class(css)
        for control in (controls if watch is None else watch):
            control.observe(self.update, names="value")
        self.update()

    def update(self, change=None) -> None:
        try:
            view = self.render()
            if isinstance(view, str):
                view = View(view)
            self.result.value = view.text
            self._draw(view.picture)
        except Exception as error:  # the one error path: a widget never shows a traceback
            log.exception("explorer %s could not redraw", getattr(self.render, "__qualname__", self.render))
            self.result.value = t("widgets.error", error=type(error).__name__)

    def _draw(self, picture) -> None:
        if picture is None:
            self.out.clear_output()
        elif isinstance(picture, Figure):
            draw_into(self.out, picture)
        else:
            shown = Image(data=picture, format="png") if isinstance(picture, bytes) else picture
            self.out.clear_output(wait=True)
            with self.out:
                display(shown)


def build_explorer(controls, render: Callable[[], View], *, css: str, watch=None, result_css: str | None = None,
                   show_picture: bool = True) -> Explorer:
    """An explorer: ``controls`` (one widget or a list) shown on top, ``render()`` called on
    every change of a ``watch``-ed widget (default: the controls) and once at the start.

    ``css`` names the box (``"smeai-rule-explorer"``); the read-out gets ``result_css`` (default:
    the same name with ``-result``), which browser tests and benchmarks look for.
    """
    if isinstance(controls, widgets.Widget):
        controls = [controls]
    if isinstance(watch, widgets.Widget):
        watch = [watch]
    return Explorer(list(controls), render, css=css, watch=watch, result_css=result_css, show_picture=show_picture)
