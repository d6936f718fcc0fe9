"""Module 04, classifying: late invoices at a wholesaler, no-shows at a physiotherapy practice.

``model`` holds the data, the model and the answer key; ``figures`` draws; ``widgets`` holds the
explorers; ``exercises`` the exercises and the quiz. Nothing is imported here, so that a grading
kernel that loads the exercises never loads the widgets.
"""
