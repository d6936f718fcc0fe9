"""Text, tables and a chart laid out on A4 matplotlib figures, top to bottom, page by page.

The rules that keep a printed record clean:

* words are never broken: a table's columns are widened to fit their longest word (words joined
  by a no-break space, such as "5 van 5", count as one), and the font
  gets smaller only if the columns cannot all fit (a single "word" wider than the page, such as a
  pasted link, is the only thing ever cut, and then with a hyphen);
* a table with a header that fits on one page is never split; a longer one repeats its header
  on every page (a table without a header, a list of fields, flows on row by row);
* a heading never stands alone at the foot of a page, and a block (a table with its chart, the
  sign-off) moves to the next page whole.
"""

from __future__ import annotations

import re
from functools import lru_cache

from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D

A4 = (8.27, 11.69)  # inches
_RENDERER = RendererAgg(10, 10, 72)  # at 72 dpi, one pixel is one point
CELL_PADDING = 0.012  # of the page width, between columns
SMALLEST_FONT = 6.0


@lru_cache(maxsize=8192)  # a record measures the same words many times while it fits columns
def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width of a text in points, measured the way matplotlib will draw it."""
    width, _, _ = _RENDERER.get_text_width_height_descent(text, _font(size, bold), ismath=False)
    return width


@lru_cache(maxsize=64)
def _font(size: float, bold: bool) -> FontProperties:
    return FontProperties(size=size, weight="bold" if bold else "normal")


def wrap(text: str, size: float, width: float, bold: bool = False) -> list[str]:
    """Greedy word wrap on measured widths (``width`` as a share of the page width)."""
    limit = width * A4[0] * 72  # points
    lines = []
    for paragraph in str(text).split("\n"):
        line = ""
        for word in _words(paragraph):
            candidate = f"{line} {word}" if line else word
            if text_width(candidate, size, bold) <= limit:
                line = candidate
                continue
            if line:
                lines.append(line)
            while text_width(word, size, bold) > limit and len(word) > 2:  # only a "word" wider than the column
                cut = max(1, int(len(word) * limit / text_width(word, size, bold)) - 2)
                lines.append(word[:cut] + "-")
                word = word[cut:]
            line = word
        lines.append(line)
    return lines


def _words(text: str) -> list[str]:
    # split on ordinary white space only: a no-break space (U+00A0) keeps its words together
    return [word for word in re.split(r"[ \t\r\f\v]+", str(text)) if word]


def _longest_word(cells: list[str], size: float, bold: bool) -> float:
    return max((text_width(word, size, bold) for cell in cells for word in _words(cell)), default=0.0)


def fit_columns(header: list[str] | None, rows: list[list[str]], widths: list[float], total: float, size: float) -> tuple[list[float], float]:
    """Column widths (shares of the page) in which every word fits whole, and the font size.

    Starts from the wished ``widths`` (relative); a column narrower than its longest word gets
    wider at the cost of columns with room to spare. If that cannot work, the font shrinks."""
    page_points = A4[0] * 72
    share = [w / sum(widths) * total for w in widths]
    while True:
        need = []
        for i in range(len(widths)):
            head = [header[i]] if header else []
            body = [row[i] for row in rows]
            word = _longest_word(head + body, size, True)  # measured bold: rows of completed modules are bold
            need.append(word / page_points + CELL_PADDING)
        if sum(need) <= total or size <= SMALLEST_FONT:
            break
        size -= 0.5
    fitted = [max(s, n) for s, n in zip(share, need)]
    extra = sum(fitted) - total
    if extra > 0:  # take it from the columns that have room beyond their longest word
        slack = [f - n for f, n in zip(fitted, need)]
        room = sum(slack)
        if room > 0:
            fitted = [f - extra * s / room for f, s in zip(fitted, slack)]
    return fitted, size


class Pages:
    """Lines and tables on A4 figures, with a new page when one is full."""

    TOP, BOTTOM, LEFT, RIGHT = 0.94, 0.06, 0.08, 0.92
    SIZES = {"h1": 17, "h2": 12.5, "h3": 10.5, "p": 9.5, "small": 8}

    def __init__(self, footer: str):
        self.figures: list[Figure] = []
        self.footer = footer
        self.new_page()

    def new_page(self):
        self.figures.append(Figure(figsize=A4))
        self.y = self.TOP

    @property
    def page_height(self) -> float:
        return self.TOP - self.BOTTOM

    def line_height(self, size: float) -> float:
        return size * 1.45 / 72 / A4[1]

    def room(self, height: float):
        """Start a new page unless ``height`` still fits on this one."""
        if self.y - height < self.BOTTOM and self.y < self.TOP:
            self.new_page()

    def text_height(self, text: str, style: str = "p", width: float | None = None, bold: bool = False) -> float:
        size = self.SIZES[style]
        return len(wrap(text, size, width or (self.RIGHT - self.LEFT), bold)) * self.line_height(size)

    def text(self, text: str, style: str = "p", *, x: float | None = None, width: float | None = None, bold: bool = False, colour="#111111", gap_before: float = 0.0):
        size = self.SIZES[style]
        x = self.LEFT if x is None else x
        width = (self.RIGHT - x) if width is None else width
        weight = "bold" if bold or style in ("h1", "h2", "h3") else "normal"
        height = self.line_height(size)
        self.y -= gap_before
        for line in wrap(text, size, width, weight == "bold"):
            self.room(height)
            self.figures[-1].text(x, self.y, line, fontsize=size, fontweight=weight, color=colour, va="top", ha="left")
            self.y -= height

    def heading(self, text: str, level: str = "h2", keep_with: float = 0.0):
        """A heading, kept on the page with at least ``keep_with`` of what follows (and two lines)."""
        gap = self.line_height(self.SIZES["p"]) * 0.8
        self.room(gap + self.line_height(self.SIZES[level]) + max(keep_with, self.line_height(self.SIZES["p"]) * 2))
        self.text(text, level, gap_before=gap, colour="#0072B2" if level == "h1" else "#111111")

    def _layout(self, header, rows, widths, style):
        total = self.RIGHT - self.LEFT
        fitted, size = fit_columns(header, rows, widths, total, self.SIZES[style])
        xs = [self.LEFT + sum(fitted[:i]) for i in range(len(fitted))]
        cells = [w - CELL_PADDING for w in fitted]
        return xs, cells, size

    def _row_height(self, row, cells, size, bold) -> tuple[list[list[str]], float]:
        wrapped = [wrap(cell, size, w, bold) for cell, w in zip(row, cells)]
        return wrapped, max(len(w) for w in wrapped) * self.line_height(size) + self.line_height(size) * 0.3

    def table_height(self, header, rows, widths, style: str = "small") -> float:
        xs, cells, size = self._layout(header, rows, widths, style)
        heights = [self._row_height(r, cells, size, False)[1] for r in rows]
        return sum(heights) + (self._row_height(header, cells, size, True)[1] if header else 0)

    def table(self, header: list[str] | None, rows: list[list[str]], widths: list[float], style: str = "small", bold_rows: list[bool] | None = None):
        """Columns that fit their words; a table that fits on a page stays whole; a longer one
        moves row by row and repeats its header on each new page."""
        xs, cells, size = self._layout(header, rows, widths, style)
        if header:
            whole = self.table_height(header, rows, widths, style)
            if whole <= self.page_height:
                self.room(whole)

        def draw(row, bold):
            wrapped, needed = self._row_height(row, cells, size, bold)
            if self.y - needed < self.BOTTOM:
                self.new_page()
                if header:
                    draw(header, True)
            height = self.line_height(size)
            for x, lines in zip(xs, wrapped):
                for i, line in enumerate(lines):
                    self.figures[-1].text(x, self.y - i * height, line, fontsize=size, fontweight="bold" if bold else "normal", va="top", ha="left")
            self.y -= needed
            self.figures[-1].add_artist(Line2D([self.LEFT, self.RIGHT], [self.y + height * 0.15] * 2, linewidth=0.4, color="#999999"))

        if header:
            draw(header, True)
        for i, row in enumerate(rows):
            draw(row, bool(bold_rows and bold_rows[i]))

    def chart(self, draw, height: float = 0.3):
        """An axes across the text width, ``height`` of the page high; ``draw(ax)`` fills it.
        The axes leaves room on the left for area names and below for the axis label and legend."""
        self.room(height)
        ax = self.figures[-1].add_axes([self.LEFT + 0.26, self.y - height + 0.09, self.RIGHT - self.LEFT - 0.28, height - 0.13])
        draw(ax)
        self.y -= height

    def signature_lines(self, labels: list[str]):
        """One row per label with a line to write on; the block moves to the next page whole."""
        size = self.SIZES["p"]
        step = self.line_height(size) * 2.6
        self.room(step * len(labels))
        for label in labels:
            self.y -= step
            self.figures[-1].text(self.LEFT, self.y, label, fontsize=size, va="bottom", ha="left")
            self.figures[-1].add_artist(Line2D([self.LEFT + 0.22, self.RIGHT], [self.y] * 2, linewidth=0.6, color="#333333"))
        self.y -= self.line_height(size)

    def finish(self) -> list[Figure]:
        count = len(self.figures)
        for number, figure in enumerate(self.figures, start=1):
            figure.text(self.LEFT, 0.035, self.footer, fontsize=6.5, color="#444444", va="bottom", ha="left")
            figure.text(self.RIGHT, 0.018, f"{number} / {count}", fontsize=7, color="#444444", va="bottom", ha="right")
        return self.figures
