"""Numbers in outputs and figures are shown the learner's way; what Python computes is not."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from IPython.core.interactiveshell import InteractiveShell

from smeai import i18n
from smeai.plotting import new_axes
from smeai.ui.formats import show_float, table_number, use_learner_formats


@pytest.fixture
def shell():
    shell = InteractiveShell.instance()
    yield shell
    use_learner_formats("en")


def shown(shell, value, mime="text/plain"):
    data, _ = shell.display_formatter.format(value)
    return data[mime]


def test_dutch_outputs_use_a_decimal_comma(shell):
    use_learner_formats("nl")
    assert shown(shell, np.float64(0.252)) == "0,252"  # not np.float64(0.252)
    assert shown(shell, 28.6) == "28,6"
    assert shown(shell, np.float32(1.5)) == "1,5"
    assert shown(shell, np.int64(5)) == "5"  # not np.int64(5)
    assert shown(shell, 0.1 + 0.2) == "0,30000000000000004"  # the value Python has, unrounded
    table = pd.DataFrame({"broden": [13.4, 1.5], "dag": ["ma", "di"]})
    assert "13,4" in shown(shell, table, "text/html") and "13.4" not in shown(shell, table, "text/html")
    assert shown(shell, 7) == "7" and shown(shell, "1.5") == "'1.5'"  # ints and text untouched


def test_dates_are_shown_the_learners_way(shell):
    use_learner_formats("nl")
    assert shown(shell, pd.Timestamp("2025-01-02")) == "2-1-2025"  # not Timestamp('2025-01-02 00:00:00')
    assert shown(shell, pd.Timestamp("2025-01-02 14:30")) == "2-1-2025 14:30"
    assert shown(shell, dt.date(2025, 4, 27)) == "27-4-2025"
    use_learner_formats("en")
    assert shown(shell, pd.Timestamp("2025-01-02")) == "2025-01-02"


def test_english_outputs_keep_the_point(shell):
    use_learner_formats("nl")
    use_learner_formats("en")
    assert shown(shell, np.float64(0.252)) == "0.252"
    assert shown(shell, 28.6) == "28.6"
    assert "13.4" in shown(shell, pd.DataFrame({"x": [13.4]}), "text/html")


def test_table_numbers_keep_small_values_and_group_thousands():
    assert table_number(0.0004, "nl") == "0,0004"
    assert table_number(0.00001, "nl") == "1e-05"
    assert table_number(1234.5, "nl") == "1.234,5"
    assert table_number(1234.5, "en") == "1,234.5"
    assert table_number(2.0, "nl") == "2"
    assert table_number(float("nan"), "nl") == "nan"


def test_show_float_never_rounds():
    assert show_float(1 / 3, "nl") == "0,3333333333333333"
    assert show_float(1e-7, "nl") == "1e-07"
    assert show_float(2.0, "en") == "2.0"


def _tick_texts(ax):
    ax.figure.canvas.draw() if hasattr(ax.figure.canvas, "draw") else None
    return [label.get_text() for label in ax.get_yticklabels()]


def test_dutch_figures_have_comma_ticks_and_dates_stay_dates():
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    i18n.set_language("nl")
    ax = new_axes()
    FigureCanvasAgg(ax.figure)
    ax.plot([0, 1, 2], [0.5, 1.25, 2.0])
    assert any("," in text for text in _tick_texts(ax)), _tick_texts(ax)
    assert not any("." in text for text in _tick_texts(ax))

    ax = new_axes()
    FigureCanvasAgg(ax.figure)
    ax.plot([dt.date(2025, 1, 1), dt.date(2025, 3, 1)], [1, 2])
    ax.figure.canvas.draw()
    dates = [label.get_text() for label in ax.get_xticklabels()]
    assert any("2025" in text or "-" in text for text in dates), dates

    i18n.set_language("en")
    ax = new_axes()
    FigureCanvasAgg(ax.figure)
    ax.plot([0, 1, 2], [0.5, 1.25, 2.0])
    assert any("." in text for text in _tick_texts(ax))
