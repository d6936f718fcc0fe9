"""Show something to the learner: rich HTML in Jupyter, plain text anywhere else."""

from __future__ import annotations


def in_notebook() -> bool:
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with Jupyter
        return False
    shell = get_ipython()
    return shell is not None and getattr(shell, "kernel", None) is not None


def show(obj) -> None:
    if in_notebook():
        from IPython.display import display

        display(obj)
    else:
        print(str(obj))
