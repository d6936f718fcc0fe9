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
from IPython.display import display
from matplotlib.figure import Figure

from ..i18n import t
from ..plotting import as_image
from .picture import Picture

__all__ = ["View", "build_explorer"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class View:
    """What an explorer shows after a change: ``text`` (HTML, from the catalogue) and ``picture``:
    a matplotlib Figure, PNG bytes, anything IPython can display, or ``None`` (clears it).

    ``alt`` says in one sentence what the picture shows, in the learner's language (a screen
    reader reads it; axe-core requires it). Without it a Figure's alt is made from its title and
    axis labels, and PNG bytes get the catalogue's generic sentence."""

    text: str
    picture: Any = None
    alt: str | None = None


class _Redraw:
    """The one callback every explorer has: ``render()``, then the read-out and the picture;
    on any error the catalogue's message, and a log line for the trainer."""

    def __init__(self, render: Callable[[], View], result: widgets.HTML, out: widgets.Output | None):
        self.render, self.result, self.out = render, result, out

    def __call__(self, change=None) -> None:
        try:
            view = self.render()
            if isinstance(view, str):
                view = View(view)
            self.result.value = view.text
            if self.out is not None:
                self._draw(view.picture, view.alt)
        except Exception as error:  # the one error path: a widget never shows a traceback
            log.exception("explorer %s could not redraw", getattr(self.render, "__qualname__", self.render))
            self.result.value = t("widgets.error", error=type(error).__name__)

    def _draw(self, picture, alt: str | None) -> None:
        if picture is None:
            self.out.clear_output()
            return
        if isinstance(picture, Figure):
            picture = as_image(picture, alt)
        elif isinstance(picture, bytes):
            picture = Picture(picture, alt or t("controls.figure"))
        elif isinstance(picture, Picture) and alt:
            picture = Picture(picture.data, alt)
        self.out.clear_output(wait=True)
        with self.out:
            display(picture)


def build_explorer(controls, render: Callable[[], View], *, css: str, watch=None, result_css: str | None = None,
                   show_picture: bool = True) -> widgets.VBox:
    """An explorer: ``controls`` (one widget or a list) shown on top, ``render()`` called on
    every change of a ``watch``-ed widget (default: the controls) and once at the start.

    Returns a plain ``VBox`` (children: the controls, the read-out, the picture) with three
    handles: ``.result`` (the read-out, an ``HTML``), ``.out`` (the picture's ``Output``, or
    ``None`` with ``show_picture=False``) and ``.update()`` (redraw now).
    ``css`` names the box (``"smeai-rule-explorer"``); the read-out gets ``result_css`` (default:
    the same name with ``-result``), which browser tests and benchmarks look for.
    """
    controls = [controls] if isinstance(controls, widgets.Widget) else list(controls)
    watch = controls if watch is None else ([watch] if isinstance(watch, widgets.Widget) else list(watch))
    result = widgets.HTML()
    result.add_class(result_css or css.replace("-explorer", "-result"))
    out = widgets.Output() if show_picture else None
    box = widgets.VBox([*controls, result, *([out] if out is not None else [])])
    box.add_class(css)
    box.result, box.out, box.update = result, out, _Redraw(render, result, out)
    for control in watch:
        control.observe(box.update, names="value")
    box.update()
    return box
