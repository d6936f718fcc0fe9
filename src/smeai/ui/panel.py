"""The box every course widget is shown in.

A notebook saved with a widget in it keeps only a reference to the widget's state in the
kernel. Reopened the next day, with that kernel gone, JupyterLab would say "Error displaying
widget: model not found", in English. ``smeai.jupyter_hooks.drop_widget_views`` removes those
references when the notebook is saved, so JupyterLab shows the plain-text stand-in instead; this
box makes that stand-in a sentence in the learner's language: run this cell again.
"""

from __future__ import annotations

import ipywidgets as widgets

from ..i18n import t


class Panel(widgets.VBox):
    def __repr__(self) -> str:
        return t("controls.rerun")
