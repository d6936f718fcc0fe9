"""ONE message box: a short text for the learner, plain in a terminal and a calm box in a notebook.

Feedback, hints, solutions, status lines and "that column does not exist" all render through
:class:`MessageBox`, so the box has one style (a coloured left border, a light background, an
icon that carries the meaning next to the words, never colour alone) and one ``role="status"``.
"""

from __future__ import annotations

import html

__all__ = ["MessageBox", "BLUE", "ORANGE", "GREEN", "VERMILLION", "SKY", "escape_lines"]

# Okabe-Ito colours (see smeai.plotting.PALETTE), for the border only.
BLUE, ORANGE, GREEN, VERMILLION, SKY = "#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9"

_STYLE = "border-left:6px solid {colour};padding:0.4em 0.8em;margin:0.3em 0;background:rgba(127,127,127,0.08)"


def escape_lines(text: str) -> str:
    """Text as safe HTML, line breaks kept."""
    return html.escape(text).replace("\n", "<br>")


class MessageBox:
    """A message for the learner.

    ``text`` is what ``str()`` gives (a terminal, a log, an nbgrader assertion). In a notebook the
    box shows ``body_html`` when given (already safe HTML, e.g. a bold label or a ``<pre>``), else
    ``text`` escaped. ``icon`` is decorative (hidden from screen readers; the words say it too).
    ``attrs`` adds attributes to the box (``lang``, ``data-exercise``); values are escaped.
    """

    def __init__(self, text: str, *, icon: str = "ℹ", colour: str = BLUE, css: str = "smeai-notice",
                 body_html: str | None = None, icon_size: str = "", attrs: dict | None = None):
        self.text, self.icon, self.colour, self.css = text, icon, colour, css
        self.body_html, self.icon_size, self.attrs = body_html, icon_size, dict(attrs or {})

    def __str__(self) -> str:
        return self.text

    __repr__ = __str__

    def _repr_html_(self) -> str:
        extra = "".join(f' {name}="{html.escape(str(value))}"' for name, value in self.attrs.items())
        icon = ""
        if self.icon:
            size = f' style="font-size:{self.icon_size}"' if self.icon_size else ""
            icon = f'<span class="smeai-icon" aria-hidden="true"{size}>{html.escape(self.icon)}</span> '
        body = self.body_html if self.body_html is not None else escape_lines(self.text)
        return (f'<div class="{html.escape(self.css)}" role="status"{extra} '
                f'style="{_STYLE.format(colour=self.colour)}">{icon}{body}</div>')
