"""Module 02, data, the fuel of AI: a bakery's sales, read in, explored and cleaned.

``model`` (the sales, the shipped files and their problems), ``figures`` (the sales views, a plot
of any column), ``widgets`` (the sales explorer), ``exercises`` (q1-q7 and the quiz). No imports
here (see :mod:`smeai.modules`).
"""
