"""The course modules, one package each (``m01``, ``m02``, …).

A module package holds ``model.py`` (the data model and answer key, plain Python without widgets
or plotting), ``figures.py``, ``widgets.py`` and ``exercises.py``. Its ``__init__`` imports
nothing, so that a grading kernel importing the exercises never loads the widgets.
"""
