"""The grading kernel: ipykernel with :mod:`smeai.grading.guard` installed before any cell.

``SandboxedExecute`` starts ``python -P -m smeai.grading.kernel`` instead of
``python -m ipykernel_launcher``. ``-P`` keeps the notebook's folder off ``sys.path`` while this
module imports the real smeai modules and the guard, so a learner's own ``smeai.py`` (nbgrader
copies every handed-in file next to the notebook) can neither replace the checks nor switch the
guard off. IPython puts the folder on ``sys.path`` later, for the notebook's own imports.
"""

from __future__ import annotations


def main() -> None:
    from smeai.grading import guard

    guard.prepare()
    from ipykernel.kernelapp import IPKernelApp

    app = IPKernelApp.instance()
    app.initialize()
    guard.install(app.shell)
    app.start()


if __name__ == "__main__":
    main()
