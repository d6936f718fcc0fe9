"""The order of the grading steps, defined once, and how a course's configuration gets smeai's.

nbgrader composes small preprocessors into converters; smeai adds its own into the same chains
(:mod:`smeai.grading.preprocessors`). The lists below are the one place that says where each
goes. The kit's ``assessments/nbgrader_config.py`` uses them as they are; for any other course,
:func:`ensure_preprocessors` and :func:`feedback_preprocessors` keep the course's own chain and put
each missing step of ours after its nearest predecessor in these lists.
"""

from __future__ import annotations

from nbconvert.preprocessors import ClearMetadataPreprocessor, CSSHTMLHeaderPreprocessor
from nbgrader.converters import Autograde, GenerateFeedback
from nbgrader.preprocessors import (
    AssignLatePenalties, CheckCellMetadata, ClearHiddenTests, ClearOutput, DeduplicateIds, Execute, GetGrades,
    IgnorePattern, LimitOutput, OverwriteCells, OverwriteKernelspec, SaveAutoGrades,
)
from traitlets.config import LazyConfigValue
from traitlets.utils.importstring import import_item

from .preprocessors import FeedbackSummary, FlagForReview, RedactHiddenTests, RestoreCells, ScanLearnerCode
from .execute import SandboxedExecute

# c.Autograde.sanitize_preprocessors, c.Autograde.autograde_preprocessors, c.GenerateFeedback.preprocessors
SANITIZE = [ClearOutput, DeduplicateIds, OverwriteKernelspec, RestoreCells, ScanLearnerCode, OverwriteCells,
            CheckCellMetadata]
AUTOGRADE = [SandboxedExecute, IgnorePattern, ClearMetadataPreprocessor, LimitOutput, SaveAutoGrades, FlagForReview,
             AssignLatePenalties, CheckCellMetadata]
FEEDBACK = [GetGrades, RedactHiddenTests, ClearHiddenTests, FeedbackSummary, CSSHTMLHeaderPreprocessor]

GRADING_STEPS = (RestoreCells, ScanLearnerCode, SandboxedExecute, FlagForReview)   # smeai grade needs these
FEEDBACK_STEPS = (GetGrades, RedactHiddenTests, ClearHiddenTests, FeedbackSummary)  # smeai feedback needs these
REPLACES = {Execute: SandboxedExecute}       # ours in place of nbgrader's, with the same settings
RECORDING = (SaveAutoGrades, FlagForReview, AssignLatePenalties)  # the steps that write to the gradebook


def configured(config, owner, trait: str) -> list:
    """A list setting of ``owner`` (an nbgrader class) as nbgrader will use it: the course's
    value, or the trait's real default. ``List`` traits have no ``default_value`` (it is
    ``traitlets.Undefined``); their default comes from ``.default()``. ``+=``/``.append`` in a
    config file gives a lazy value that is applied to that default. Names given as strings
    (``"nbgrader.preprocessors.Execute"``) are imported, as nbconvert does."""
    default = list(getattr(owner, trait).default())
    value = config[owner.__name__].get(trait) if owner.__name__ in config else None
    if value is None:
        value = default
    elif isinstance(value, LazyConfigValue):
        value = value.get_value(default)
    return [import_item(v) if isinstance(v, str) else v for v in value]


def with_steps(steps: list, order: list, needed) -> tuple[list, list[str]]:
    """``steps`` with every step of ``needed`` that it lacks, each put where ``order`` says:
    after its nearest predecessor in ``order`` that ``steps`` has (else before its nearest
    successor, else at the end). Returns the new list and the names of what was added."""
    steps, added = list(steps), []
    for old, new in REPLACES.items():
        if new in needed and new not in steps and old in steps:
            steps[steps.index(old)] = new
            added.append(new.__name__)
    for index, step in enumerate(order):
        if step not in needed or step in steps:
            continue
        before = [s for s in order[:index] if s in steps]
        after = [s for s in order[index + 1:] if s in steps]
        at = steps.index(before[-1]) + 1 if before else steps.index(after[0]) if after else len(steps)
        steps.insert(at, step)
        added.append(step.__name__)
    return steps, added


def ensure_preprocessors(config) -> list[str]:
    """Give the course's autograde chains smeai's steps (sandbox, cell restore, scan, review
    flag), keeping the course's own; returns the names of what had to be added."""
    sanitize, added = with_steps(configured(config, Autograde, "sanitize_preprocessors"), SANITIZE, GRADING_STEPS)
    autograde, more = with_steps(configured(config, Autograde, "autograde_preprocessors"), AUTOGRADE, GRADING_STEPS)
    config.Autograde.sanitize_preprocessors = sanitize
    config.Autograde.autograde_preprocessors = autograde
    return added + more


def feedback_preprocessors(config) -> list:
    """The course's feedback chain with the steps that keep hidden tests out and add the summary."""
    return with_steps(configured(config, GenerateFeedback, "preprocessors"), FEEDBACK, FEEDBACK_STEPS)[0]


def record_preprocessors(config) -> list:
    """The course's autograde steps that write to the gradebook, in their order (the recording
    step of ``smeai grade`` runs only these on a notebook the worker has run)."""
    chosen = [p for p in configured(config, Autograde, "autograde_preprocessors")
              if isinstance(p, type) and issubclass(p, RECORDING)]
    return chosen + [CheckCellMetadata]
