"""Trainer tools on top of nbgrader: grade a whole class fast and safely, feedback that teaches
and does not leak hidden tests, and a report of the class.

Everything here extends nbgrader through its own API and configuration points; nothing
replaces it. One module per job:

- ``sandbox``: operating-system limits for the kernel that runs a learner's code (rlimits,
  namespaces, a throwaway folder, no network), and a probe that reports what is enforced;
- ``execute``: ``SandboxedExecute``, nbgrader's ``Execute`` preprocessor with that sandbox, an
  output cap and a kernel that may die without failing the whole submission;
- ``integrity``: restores deleted or edited locked cells and reports it; checks a submission
  folder before grading (unreadable, missing, renamed and extra notebooks);
- ``guard`` (runs inside the kernel) and ``tamper`` (runs in the grader): keep the checks honest
  when learner code redefines ``grade``, builtins or the smeai modules;
- ``runner``, ``worker`` and ``gradebook``: ``smeai grade``, parallel autograding with one writer;
- ``feedback``: ``smeai feedback`` and the preprocessors that keep hidden tests out of it;
- ``report``: ``smeai report``, the class report;
- ``commands``: the command-line glue; ``bench``: timings for benchmarks/.

Importing this package is cheap: nbgrader is imported only by the modules that need it.
"""
