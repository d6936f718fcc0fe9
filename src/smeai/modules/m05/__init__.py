"""Module 05, segmentation: groups of webshop customers with k-means, and what to do with them.

``model`` holds the customers, the groupings and the answer key; ``figures`` draws; ``widgets``
holds the explorer; ``exercises`` the exercises and the quiz. Nothing is imported here, so that
a grading kernel that loads the exercises never loads the widgets.
"""
