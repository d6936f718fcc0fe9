"""Module 08, responsible AI: a screening model for technician jobs that learned from unfair past
decisions; measuring the bias, the four-fifths rule, explanation, the GDPR and the EU AI Act.

``model`` (data and answer key), ``figures``, ``widgets`` and ``exercises``. No imports here, so
that a grading kernel which imports the exercises never loads the widgets.
"""
