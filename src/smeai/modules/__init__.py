"""The course modules, one package each: ``smeai.modules.m00`` … ``smeai.modules.m09``.

A module package holds everything that is the module's own, so a maintainer who changes module
04 works in one folder, its two catalogues (``smeai/locales/{nl,en}/m04.toml``) and its notebooks
(``course/{nl,en}/04-*.ipynb``, ``assessments/source/m04/``):

``__init__.py``   a docstring only, NO imports: importing the exercises in a grading kernel must
                  not load widgets or plotting.
``model.py``      the data model and answer key: plain Python (numpy, pandas, scikit-learn). It
                  imports no ipywidgets, IPython or matplotlib (a test blocks them and imports it).
                  Every number the course states about its data is computed here.
``figures.py``    matplotlib drawings, through :mod:`smeai.plotting`.
``widgets.py``    the explorers, ``show_<thing>_explorer``, thin, on :mod:`smeai.ui.explorer`.
``exercises.py``  the exercise declarations and the module's ``QUIZ``; imports only ``.model``
                  and the exercise framework (never ``.widgets`` or ``.figures``).

A module leaves out the files it does not need (m00 has only ``exercises.py``). Each file lists
its public face in ``__all__``; notebooks import from there::

    from smeai.modules.m01.exercises import q1, q2
    from smeai.modules.m01.widgets import show_rule_explorer

Adding module 10: copy a module folder to ``m10/``, its two catalogues to ``m10.toml``, its
notebooks to ``course/{nl,en}/10-*.ipynb``, and add ``Module("10", minutes)`` to
:data:`smeai.course.MODULES`. Hidden grading cases never go here: they live only in the
assignment's hidden test cell (``grade("m10.q1", f, cases=[...])``).
"""
