"""Figures that every reader can read: the Okabe-Ito palette, which colour-blind readers can
tell apart, and figures that are not tied to pyplot, so a notebook shows each one exactly once."""

from __future__ import annotations

# Okabe & Ito (2008), "Color Universal Design": orange, sky blue, bluish green, yellow, blue,
# vermillion, reddish purple, grey.
PALETTE = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999")
# Marker shapes to pair with colours, so classes differ in shape as well.
MARKERS = ("o", "X", "s", "^", "D", "v", "P", "*")


def new_axes(figsize=(6.4, 4.0)):
    """One axes on a new Figure; the caller returns or displays the figure."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=figsize, dpi=90)
    ax = figure.subplots()
    ax.set_prop_cycle(color=PALETTE)
    ax.grid(True, alpha=0.3)
    return ax


def as_image(figure):
    """The figure as a PNG image for display. A Figure made without pyplot has no picture
    form in a fresh kernel (only its text form), so widgets show this image instead."""
    from io import BytesIO

    from IPython.display import Image

    buffer = BytesIO()
    # light compression: a quarter faster than the default, for a file a few % larger
    figure.savefig(buffer, format="png", pil_kwargs={"compress_level": 1})
    return Image(data=buffer.getvalue(), format="png")


def show_figure(out, figure) -> None:
    """Replace what a widget's ``Output`` shows with this figure (as a PNG image)."""
    from IPython.display import display

    image = as_image(figure)
    out.clear_output(wait=True)
    with out:
        display(image)
