"""Numbers in notebook outputs the learner's way: ``0,252`` and ``13,4`` in Dutch.

A Dutch learner reads ``28.6`` as twenty-eight thousand six hundred. ``start`` calls
:func:`use_learner_formats`, which changes how this kernel *shows* numbers (IPython's text
formatter for floats and numpy scalars, pandas' tables); what Python computes is untouched.
Figures get the same decimal comma from :mod:`smeai.ui.axes`.

It also gives every widget its text stand-in: "run this cell again", in the learner's language.
A saved notebook keeps a widget's output as a pointer to a model in the kernel plus a
``text/plain`` copy. ``smeai.jupyter_hooks.drop_widget_views`` drops the pointer on save, so a
notebook reopened without its kernel shows the text instead of JupyterLab's English "Error
displaying widget: model not found". IPython's per-mime formatter for ``text/plain`` is the
cleanest place for that text: a formatter registered by the user wins over the text that
ipywidgets' ``_repr_mimebundle_`` offers, it covers every widget class (ipywidgets' own,
anywidget's, subclasses) without subclassing any of them, and it changes no widget's ``repr``.
"""

from __future__ import annotations

import datetime as dt

from ..i18n import get_language, t


def show_float(value, lang: str | None = None) -> str:
    """A float as Python would write it, with the learner's decimal sign (no rounding: the
    learner sees the value Python really has)."""
    text = repr(float(value))
    return text.replace(".", ",") if (lang or get_language()) == "nl" else text


def table_number(value, lang: str | None = None) -> str:
    """A float in a pandas table: up to four decimals, thousands grouped, the learner's signs
    (``1.234,5`` in Dutch); very small or very large values in scientific notation."""
    value = float(value)
    if value != value or value in (float("inf"), float("-inf")):
        return str(value)
    if value == 0 or 1e-4 <= abs(value) < 1e12:
        text = f"{value:,.4f}".rstrip("0").rstrip(".")
    else:
        text = f"{value:.4g}"
    if (lang or get_language()) == "nl":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def widget_stand_in(widget, printer, cycle) -> None:
    """The text a saved notebook shows where a widget was (looked up when it is displayed, so
    in the language of that moment)."""
    printer.text(t("controls.rerun"))


def show_date(value, lang: str | None = None) -> str:
    """A date (and a time, when it has one) the learner's way: ``2-1-2025`` in Dutch, the
    unambiguous ``2025-01-02`` in English; never pandas' ``Timestamp('2025-01-02 00:00:00')``."""
    has_time = any(getattr(value, part, 0) for part in ("hour", "minute", "second"))
    if (lang or get_language()) == "nl":
        text = f"{value.day}-{value.month}-{value.year}"
    else:
        text = f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
    return f"{text} {value.hour:02d}:{value.minute:02d}" if has_time else text


def use_learner_formats(lang: str) -> None:
    """Show floats, numpy scalars and pandas tables in ``lang``'s number format, and every
    widget's text stand-in as "run this cell again"."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with Jupyter
        return
    shell = get_ipython()
    if shell is None:
        return
    # imported here, not at the top: ``import smeai`` (and the ``smeai`` command) stays fast
    import numpy as np
    import pandas as pd

    plain = shell.display_formatter.formatters["text/plain"]
    # by name: ipywidgets is imported only when a widget is first shown. IPython's printer
    # walks a class's bases and stops at the first registered type or own __repr__, and
    # anywidget's base class has its own __repr__, so it is named as well
    plain.for_type_by_name("ipywidgets.widgets.widget", "Widget", widget_stand_in)
    plain.for_type_by_name("anywidget.widget", "AnyWidget", widget_stand_in)
    # numpy scalars have their own __repr__ (numpy 2: ``np.float64(0.252)``), found before any
    # base class, so each concrete type is named here
    floats = (float, np.float16, np.float32, np.float64, np.longdouble)
    integers = (np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64)
    for kind in floats:
        plain.for_type(kind, lambda value, printer, cycle: printer.text(show_float(value, lang)))
    for kind in integers:
        plain.for_type(kind, lambda value, printer, cycle: printer.text(str(int(value))))
    for kind in (pd.Timestamp, dt.datetime, dt.date):
        plain.for_type(kind, lambda value, printer, cycle: printer.text(show_date(value, lang)))
    if lang == "nl":
        pd.set_option("display.float_format", lambda value: table_number(value, "nl"))
    else:
        pd.reset_option("display.float_format")
