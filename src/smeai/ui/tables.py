"""A table of data that fits the page, with column names the learner can read.

pandas shows a table as wide as its longest cells and its column names, which are English code
names (``payment_term_days``) that do not wrap: module 04's invoices pushed the answer column off
screen, into a scroll box a keyboard cannot reach. :class:`Table` shows the same rows with the
learner's name for each column over its code name (which the learner's code still uses), every
header and cell free to wrap, and numbers in the learner's format. It only changes what is shown:
the data and the names in code stay as they are.
"""

from __future__ import annotations

import html
import numbers

from .formats import table_number

__all__ = ["Table"]

_CELL = "padding:0.25em 0.5em;white-space:normal;overflow-wrap:anywhere;vertical-align:top"


def _wrappable(name: str) -> str:
    """A code name that may break after each underscore (``payment_<wbr>term_<wbr>days``)."""
    return html.escape(name).replace("_", "_<wbr>")


def _cell(value) -> tuple[str, str]:
    """The value as text, and its alignment (numbers to the right)."""
    if isinstance(value, bool) or value is None:
        return str(value), "left"
    if isinstance(value, numbers.Integral):
        return str(value), "right"
    if isinstance(value, numbers.Real):
        return table_number(value), "right"
    return str(value), "left"


class Table:
    """``Table(frame, labels)``: the rows of ``frame`` with ``labels[column]`` (the learner's
    name) above each column's code name. Columns without a label show their code name only."""

    def __init__(self, frame, labels: dict | None = None):
        self.frame = frame
        self.labels = dict(labels or {})

    def _header(self, column) -> str:
        code = f"<code style='font-size:0.85em'>{_wrappable(str(column))}</code>"
        label = self.labels.get(column)
        label = None if label == column else label
        text = f"{html.escape(label)}<br>{code}" if label else code
        return f'<th scope="col" style="{_CELL};text-align:left;border-bottom:1px solid currentColor">{text}</th>'

    def _repr_html_(self) -> str:
        head = "".join(self._header(c) for c in self.frame.columns)
        rows = []
        for values in self.frame.itertuples(index=False, name=None):
            cells = []
            for value in values:
                text, align = _cell(value)
                cells.append(f'<td style="{_CELL};text-align:{align}">{html.escape(text)}</td>')
            rows.append("<tr>" + "".join(cells) + "</tr>")
        return (f'<table class="smeai-table" style="border-collapse:collapse;width:auto;max-width:100%;table-layout:auto">'
                f'<thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')

    def __repr__(self) -> str:
        names = {c: f"{self.labels[c]} ({c})" for c in self.frame.columns if self.labels.get(c, c) != c}
        return self.frame.rename(columns=names).to_string(index=False, float_format=table_number)
