"""What a notebook's setup cell and last cell call: ``start("01", lang="nl")`` and ``finish("01")``."""

from __future__ import annotations

from . import progress
from .course import module
from .display import in_notebook, show
from .i18n import set_language, t
from .ui.messagebox import SKY, MessageBox


def start(number: str, lang: str = "nl") -> None:
    """Set the language, note that the module was opened, and make errors readable.

    Safe to run twice: it records one more ``module_start``, which only marks activity.
    """
    current = module(number)
    set_language(lang)
    progress.record("module_start", module=current.number, lang=lang)
    if in_notebook():
        install_friendly_errors()
    show(_banner(t("session.started", number=current.number, title=current.title, folder=str(progress.home()))))


def finish(number: str) -> None:
    """Mark the module as finished and show what the learner did in it."""
    from .standing import module_standing  # reads the whole progress file; only needed here

    current = module(number)
    progress.record("module_finish", module=current.number)
    show(_banner(module_standing(current.number).describe()))


def _banner(text: str) -> MessageBox:
    return MessageBox(text, icon="", css="smeai-banner", colour=SKY)


def friendly_error_lines(etype, value) -> list[str]:
    """A short, kind explanation of an error in a learner's cell, in their language.

    The technical line stays at the end, so a trainer can still see what happened.
    """
    if issubclass(etype, NameError):
        name = getattr(value, "name", None) or str(value)
        lines = [t("errors.name_error", name=name)]
    else:
        lines = [t("errors.other_error")]
    lines.append(t("errors.technical", error=f"{etype.__name__}: {value}"))
    return lines


def _friendly_handler(shell, etype, value, tb, tb_offset=None):
    if hasattr(value, "_render_traceback_"):  # our own errors already render themselves
        lines = value._render_traceback_()
    else:
        first, *rest = friendly_error_lines(etype, value)
        lines = ["✘ " + first, *rest]
    # IPython ignores what a custom handler returns for errors in a cell, so send the error
    # output here: the cell still counts as failed, and "Run All" still stops at it.
    shell._showtraceback(etype, value, lines)
    return lines


def install_friendly_errors() -> None:
    """Replace IPython's traceback with a kind message for errors in learners' cells."""
    from IPython import get_ipython

    shell = get_ipython()
    if shell is not None:
        shell.set_custom_exc((Exception,), _friendly_handler)
