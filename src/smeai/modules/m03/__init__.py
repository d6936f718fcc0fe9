"""Module 03, forecasting: how many loaves does the bakery bake tomorrow? And a greenhouse.

``model`` (the forecasts, their costs, the tree's depth, the greenhouse), ``figures`` (a month
of forecasts, error against depth), ``widgets`` (forecast, what-if and depth explorers),
``exercises`` (q1-q6 and the quiz). No imports here (see :mod:`smeai.modules`).
"""
