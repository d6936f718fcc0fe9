"""Module 07, images and sensors: a camera that inspects washers, sensors that warn before a
breakdown, and unusual badge events.

``model`` (data and answer key), ``figures``, ``widgets`` and ``exercises``. No imports here, so
that a grading kernel which imports the exercises never loads the widgets.
"""
