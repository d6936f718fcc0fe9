"""Module 06, language and generative AI: sorting customer e-mails, and a next-word model.

``model`` holds the e-mails, the sorter, the next-word model and the answer key; ``figures``
draws; ``widgets`` holds the explorers and what notebook cells show; ``exercises`` the exercises
and the quiz. Nothing is imported here, so that a grading kernel that loads the exercises never
loads the widgets.
"""
