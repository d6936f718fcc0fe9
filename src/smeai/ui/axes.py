"""Tick labels with the learner's decimal sign (``0,5`` in Dutch)."""

from __future__ import annotations

from matplotlib.ticker import ScalarFormatter

from ..i18n import get_language


class DecimalCommaFormatter(ScalarFormatter):
    """matplotlib's tick labels with a decimal comma (``0,5``)."""

    def __call__(self, x, pos=None):
        return super().__call__(x, pos).replace(".", ",")

    def get_offset(self):
        return super().get_offset().replace(".", ",")

    def format_data_short(self, value):
        return super().format_data_short(value).replace(".", ",")


def decimal_comma_axes(ax, lang: str | None = None) -> None:
    """Give ``ax`` Dutch tick labels. Still marked as the default formatter, so an axis that
    turns out to hold dates or categories gets matplotlib's own formatter for those."""
    if (lang or get_language()) != "nl":
        return
    for axis in (ax.xaxis, ax.yaxis):
        axis.set_major_formatter(DecimalCommaFormatter())
        axis.isDefault_majfmt = True
