"""What a notebook's setup cell and last cell call: ``start("01", lang="nl")`` and ``finish("01")``."""

from __future__ import annotations

from . import progress
from .course import module
from .display import in_notebook, show
from .i18n import set_language, t
from .ui.formats import use_learner_formats
from .learner_errors import explain_cell_error, explain_syntax_error, notebook_names, running_notebooks
from .ui.messagebox import SKY, MessageBox

_current_module: str | None = None  # the module that ``start`` named: its notebooks define names


def start(number: str, lang: str = "nl") -> None:
    """Set the language, note that the module was opened, and make errors readable.

    Safe to run twice: it records one more ``module_start``, which only marks activity.
    """
    global _current_module
    current = module(number)
    set_language(lang)
    _current_module = current.number
    progress.log_event("module_start", module=current.number, lang=lang)
    if in_notebook():
        install_friendly_errors()
        use_learner_formats(lang)
    show(_banner(t("session.started", number=current.number, title=current.title, folder=str(progress.home()))))


def finish(number: str) -> None:
    """Mark the module as finished and show what the learner did in it."""
    from .standing import module_standing  # reads the whole progress file; only needed here

    current = module(number)
    progress.log_event("module_finish", module=current.number)
    show(_banner(module_standing(current.number).describe()))


def _banner(text: str) -> MessageBox:
    return MessageBox(text, icon="", css="smeai-banner", colour=SKY)


def friendly_error_lines(etype, value, user_ns: dict | None = None) -> list[str]:
    """A short, kind explanation of an error in a learner's cell, in their language.

    A name that the notebook defines in a cell above gets "run the cells above"; a plain word
    that nothing defines gets "put it between quotes". The last line names the kind of error
    for a trainer, without Python's English explanation.
    """
    user_ns = user_ns if user_ns is not None else {}
    try:
        defined = None
        if issubclass(etype, NameError):
            paths = running_notebooks(user_ns, _current_module)
            defined = notebook_names(paths) if paths else None
        error = value if isinstance(value, BaseException) else etype(value)
        if isinstance(error, SyntaxError):  # IPython sends a cell it cannot parse here too
            lines = [explain_syntax_error(error)]
        else:
            lines = [explain_cell_error(error, defined=defined, known=set(user_ns))]
    except Exception:  # explaining must never fail on top of the learner's error
        lines = [t("errors.other_error")]
    lines.append(t("errors.technical", error=etype.__name__))
    return lines


def _friendly_handler(shell, etype, value, tb, tb_offset=None):
    if hasattr(value, "_render_traceback_"):  # our own errors already render themselves
        lines = value._render_traceback_()
    else:
        first, *rest = friendly_error_lines(etype, value, shell.user_ns)
        lines = ["✘ " + first, *rest]
    # IPython ignores what a custom handler returns for errors in a cell, so send the error
    # output here: the cell still counts as failed, and "Run All" still stops at it.
    shell._showtraceback(etype, value, lines)
    return lines


def _friendly_syntax_error(shell, filename=None, running_compiled_code=False):
    """A cell Python could not read (``0,05``, ``€ 1.200``, ``1 200``): say why in words."""
    etype, value, _ = shell._get_exc_info()
    try:
        first = explain_syntax_error(value)
    except Exception:  # explaining must never fail on top of the learner's error
        first = t("errors.other_error")
    shell._showtraceback(etype, value, ["✘ " + first, t("errors.technical", error=etype.__name__)])


def install_friendly_errors() -> None:
    """Replace IPython's traceback with a kind message for errors in learners' cells, and for
    cells that Python cannot read at all (those never reach the custom handler)."""
    from functools import partial

    from IPython import get_ipython

    shell = get_ipython()
    if shell is not None:
        shell.set_custom_exc((Exception,), _friendly_handler)
        shell.showsyntaxerror = partial(_friendly_syntax_error, shell)
