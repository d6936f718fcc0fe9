"""What many explorers share: one control, a line of text and a picture that follow it."""

from __future__ import annotations

from ..i18n import t


def picture_explorer(control, describe, picture, css: str):
    """A widget box: ``control``, then ``describe(value)`` as text and ``picture(value)`` (PNG
    bytes, best cached per value) under it, both redone whenever the control changes. A failure
    shows a short message, never a traceback."""
    import ipywidgets as widgets
    from IPython.display import Image, display

    result = widgets.HTML()
    result.add_class(css.replace("-explorer", "-result"))
    out = widgets.Output()

    def update(change=None):
        try:
            result.value = describe(control.value)
            png = picture(control.value)
        except Exception as error:  # a widget must never show a traceback
            result.value = t("widgets.error", error=type(error).__name__)
            return
        out.clear_output(wait=True)
        with out:
            display(Image(data=png, format="png"))

    control.observe(update, names="value")
    update()
    box = widgets.VBox([control, result, out])
    box.add_class(css)
    return box
