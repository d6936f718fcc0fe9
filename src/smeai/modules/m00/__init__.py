"""Module 00, welcome: one practice exercise to learn how check, hint and solution work.

Only ``exercises.py``: the module has no data model, figures or explorers. No imports here (see
:mod:`smeai.modules`).
"""
