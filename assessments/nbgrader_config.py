"""nbgrader configuration for the smeai course root (this folder).

Run every nbgrader command from this folder, for example::

    cd assessments
    nbgrader generate_assignment m01 --force
    nbgrader autograde m01 --force
    nbgrader generate_feedback m01 --force

Only ``source/`` and this file are committed. ``release/``, ``submitted/``, ``autograded/``,
``feedback/`` and ``gradebook.db`` are made by nbgrader (see the repository's .gitignore).
Every key below exists in nbgrader 0.9.6, apart from the SandboxedExecute keys (smeai.grading).
"""

from smeai.grading.feedback_pages import OfflineHTMLExporter
from smeai.grading.pipeline import AUTOGRADE, FEEDBACK, SANITIZE

from smeai import kernel_poll

c = get_config()  # noqa: F821 (nbgrader provides get_config when it loads this file)

# nbgrader waits for the learner's kernel through nbclient, whose waits sometimes miss a message
# until their timeout (see smeai.kernel_poll): wait in one-second slices instead.
kernel_poll.apply()

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

# -- collecting without the exchange: nbgrader zip_collect -----------------------------------------
# Put what learners handed in (files or zips, for example an LMS's "download all submissions") in
# downloaded/<assignment>/archive/, with each notebook named <learner>_<notebook>.ipynb, for
# example anna_m01-wat-is-ai.ipynb; `nbgrader zip_collect m01` then puts it in
# submitted/anna/m01/m01-wat-is-ai.ipynb. nbgrader matches this pattern against the full path.
c.FileNameCollectorPlugin.named_regexp = r".*/(?P<student_id>[A-Za-z0-9][A-Za-z0-9.@-]*)_(?P<file_id>[^/_]+\.ipynb)$"

# -- autograding -----------------------------------------------------------------------------------
# A cell that runs longer than this is stopped and reported (an endless loop in a learner's
# function must not block the class). Every smeai check takes well under a second.
c.Execute.timeout = 60
# Learners who are not yet in the gradebook are added when their work is autograded (this is
# nbgrader's default, stated here because a class without a roster relies on it).
c.Autograde.create_student = True
# smeai's preprocessors (smeai.grading), so that `nbgrader autograde`, formgrader and
# `smeai grade` grade the same way. Before running a notebook: deleted cells are put back from the
# master copy and edits to locked cells are reported (RestoreCells), and the learner's own code is
# scanned for code that changes the checker (ScanLearnerCode). Running it: SandboxedExecute, which
# is nbgrader's Execute with operating-system limits (memory, CPU, file size, processes; no
# network; the course folder, other learners and the gradebook out of sight), a guard that puts
# back redefined checks before every cell, and a cap on each cell's output. After SaveAutoGrades,
# FlagForReview marks a notebook whose code changed the checker as "needs manual grading".
c.Autograde.sanitize_preprocessors = SANITIZE
c.Autograde.autograde_preprocessors = AUTOGRADE
# Limits of the learner's kernel (SandboxedExecute; the cell timeout above applies too).
c.SandboxedExecute.memory_mb = 2048      # address space (RLIMIT_AS); MemoryError beyond it
c.SandboxedExecute.cpu_seconds = 600     # CPU time of the whole notebook (RLIMIT_CPU)
c.SandboxedExecute.max_output_kb = 1024  # output kept per cell; the rest is cut and marked

# -- feedback --------------------------------------------------------------------------------------
# nbgrader's defaults (GetGrades, CSSHTMLHeaderPreprocessor) plus ClearHiddenTests, so that the
# feedback a learner receives never shows the source of a hidden test. The failure message
# itself (from smeai.exercises.grade) is still shown: that is the feedback.
# RedactHiddenTests (before ClearHiddenTests) cuts errors in cells with hidden tests down to their
# message and blanks any output line that repeats a hidden test; FeedbackSummary puts a summary
# per exercise at the top, in the learner's language, with a hint for what is not right yet.
c.GenerateFeedback.preprocessors = FEEDBACK  # GetGrades, RedactHiddenTests, ClearHiddenTests, FeedbackSummary, CSSHTMLHeaderPreprocessor
# nbgrader's feedback template loads MathJax from a CDN; the pages must work offline and call
# nobody: formulas stay as written.
c.GenerateFeedback.exporter_class = OfflineHTMLExporter
