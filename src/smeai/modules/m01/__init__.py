"""Module 01, what is AI: sorting apples by a rule, and by learning from examples.

``model`` (the apples, the rules' accuracy, the learned model), ``figures`` (the scatter plots),
``widgets`` (the rule and teach explorers), ``exercises`` (q1-q4 and the quiz). No imports here
(see :mod:`smeai.modules`).
"""
