"""Module 09, from idea to action plan: cost and benefit, choosing what to do first, data
readiness, build/buy/partner and public values.

``model`` (examples and answer key; the plan itself is :mod:`smeai.plan`), ``figures``,
``widgets`` and ``exercises``. No imports here, so that a grading kernel which imports the
exercises never loads the widgets.
"""
