"""nbgrader configuration for the smeai course root (this folder).

Run every nbgrader command from this folder, for example::

    cd assessments
    nbgrader generate_assignment m01 --force
    nbgrader autograde m01 --force
    nbgrader generate_feedback m01 --force

Only ``source/`` and this file are committed. ``release/``, ``submitted/``, ``autograded/``,
``feedback/`` and ``gradebook.db`` are made by nbgrader (see the repository's .gitignore).
Every key below exists in nbgrader 0.9.6.
"""

from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
from nbgrader.preprocessors import ClearHiddenTests, GetGrades

c = get_config()  # noqa: F821 (nbgrader provides get_config when it loads this file)

# -- the course -----------------------------------------------------------------------------------
c.CourseDirectory.course_id = "smeai"

# -- releasing: what learners see instead of the solution ------------------------------------------
# Each answer cell keeps its starter line (``taak = ___``) above the solution block, so the stub
# says what to do with it; it never shows ``raise NotImplementedError()``. The stub is in both
# course languages because this one course root serves nl and en assignments.
c.ClearSolutions.code_stub = {
    "python": "# VUL HIER IN: vervang ___ door je antwoord / FILL IN: replace ___ with your answer",
}
c.ClearSolutions.text_stub = "SCHRIJF HIER JE ANTWOORD / WRITE YOUR ANSWER HERE"

# -- autograding -----------------------------------------------------------------------------------
# A cell that runs longer than this is stopped and reported (an endless loop in a learner's
# function must not block the class). Every smeai check takes well under a second.
c.Execute.timeout = 60
# Learners who are not yet in the gradebook are added when their work is autograded (this is
# nbgrader's default, stated here because a class without a roster relies on it).
c.Autograde.create_student = True

# -- feedback --------------------------------------------------------------------------------------
# nbgrader's defaults (GetGrades, CSSHTMLHeaderPreprocessor) plus ClearHiddenTests, so that the
# feedback a learner receives never shows the source of a hidden test. The failure message
# itself (from smeai.exercises.grade) is still shown: that is the feedback.
c.GenerateFeedback.preprocessors = [GetGrades, ClearHiddenTests, CSSHTMLHeaderPreprocessor]
