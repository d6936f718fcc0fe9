"""A figure as a picture with a text alternative.

JupyterLab shows a PNG output as an ``<img>`` without ``alt``, so a screen reader says nothing
useful (axe-core: "Images must have alternative text"). A :class:`Picture` offers the same PNG
as HTML with an ``alt`` text, which JupyterLab prefers over the bare PNG, and keeps the PNG for
every other front end.
"""

from __future__ import annotations

import base64
import html

from IPython.display import Image

from ..i18n import t


class Picture(Image):
    """PNG bytes plus one sentence that says what they show, in the learner's language. An
    IPython ``Image``, so whatever takes an Image takes a Picture."""

    def __init__(self, data: bytes, alt: str):
        super().__init__(data=data, format="png")
        self.alt = alt

    def _repr_html_(self) -> str:
        source = base64.b64encode(self.data).decode("ascii")
        return f'<img class="smeai-picture" src="data:image/png;base64,{source}" alt="{html.escape(self.alt)}">'

    def __repr__(self) -> str:
        return self.alt


def describe_figure(figure) -> str:
    """A one-sentence text alternative made from what the figure says about itself: its
    title(s) and axis labels. A module that can say more passes its own ``alt``."""
    parts = []
    for ax in figure.get_axes():
        title = ax.get_title() or (figure.get_suptitle() if hasattr(figure, "get_suptitle") else "")
        fields = {"title": (title or "").strip(), "x": ax.get_xlabel().strip(), "y": ax.get_ylabel().strip()}
        if fields["title"] and fields["x"] and fields["y"]:
            parts.append(t("controls.figure_axes", **fields))
        elif fields["title"]:
            parts.append(t("controls.figure_title", title=fields["title"]))
    return " ".join(parts) if parts else t("controls.figure")
