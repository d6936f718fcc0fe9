"""Show something to the learner: rich HTML in Jupyter, plain text anywhere else."""

from __future__ import annotations


def in_notebook() -> bool:
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with Jupyter
        return False
    shell = get_ipython()
    return shell is not None and getattr(shell, "kernel", None) is not None


def show(obj) -> None:
    if in_notebook():
        from IPython.display import display

        display(obj)
    else:
        print(str(obj))


class Notice:
    """A short message in the notebook (a status line, a "that column does not exist"), shown
    in the course's calm style instead of a traceback or a bare print."""

    def __init__(self, text: str, *, icon: str = "ℹ", css: str = "smeai-notice", colour: str = "#0072B2"):
        self.text, self.icon, self.css, self.colour = text, icon, css, colour

    def __str__(self) -> str:
        return self.text

    __repr__ = __str__

    def _repr_html_(self) -> str:
        import html

        body = html.escape(self.text).replace("\n", "<br>")
        icon = f"{self.icon} " if self.icon else ""
        return (
            f'<div class="{self.css}" role="status" style="border-left:6px solid {self.colour};'
            f'padding:0.4em 0.8em;margin:0.3em 0;background:rgba(127,127,127,0.08)">{icon}{body}</div>'
        )
