"""Figures that every reader can read: the Okabe-Ito palette, which colour-blind readers can
tell apart, and figures that are not tied to pyplot, so a notebook shows each one exactly once.

Only a module's ``figures.py`` and ``widgets.py`` import this file (never its ``model.py``), so
matplotlib is imported here, at the top.
"""

from __future__ import annotations

from io import BytesIO

from IPython.display import display
from matplotlib.figure import Figure

from .ui.axes import decimal_comma_axes
from .ui.picture import Picture, describe_figure

__all__ = ["PALETTE", "MARKERS", "new_axes", "png_bytes", "as_image", "draw_into"]

# Okabe & Ito (2008), "Color Universal Design": orange, sky blue, bluish green, yellow, blue,
# vermillion, reddish purple, grey.
PALETTE = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999")
# Marker shapes to pair with colours, so classes differ in shape as well.
MARKERS = ("o", "X", "s", "^", "D", "v", "P", "*")


def new_axes(figsize=(6.4, 4.0)):
    """One axes on a new Figure; the caller returns or displays the figure."""
    figure = Figure(figsize=figsize, dpi=90)
    ax = figure.subplots()
    ax.set_prop_cycle(color=PALETTE)
    ax.grid(True, alpha=0.3)
    decimal_comma_axes(ax)
    return ax


def png_bytes(figure) -> bytes:
    """The figure as PNG bytes (light compression: a quarter faster than the default, for a
    file a few % larger)."""
    buffer = BytesIO()
    figure.savefig(buffer, format="png", pil_kwargs={"compress_level": 1})
    return buffer.getvalue()


def as_image(figure, alt: str | None = None) -> Picture:
    """The figure as a PNG picture with a text alternative, for display. A Figure made without
    pyplot has no picture form in a fresh kernel (only its text form), so widgets show this
    picture instead. ``alt`` says in one sentence what the figure shows; without it, the text
    is made from the figure's title and axis labels."""
    return Picture(png_bytes(figure), alt or describe_figure(figure))


def draw_into(out, figure) -> None:
    """Replace what a widget's ``Output`` shows with this figure (as a PNG image)."""
    image = as_image(figure)
    out.clear_output(wait=True)
    with out:
        display(image)

