"""The course modules, one package each (``m04``, ``m05``, …).

A module package holds ``model.py`` (data and answer key, no widgets or plotting),
``figures.py`` (matplotlib), ``widgets.py`` (ipywidgets on the shared scaffold in ``smeai.ui``)
and ``exercises.py`` (the exercise declarations and the quiz). Adding a module means copying a
folder, its two catalogues and its notebooks.
"""
