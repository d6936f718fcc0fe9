"""The self-scan of digital and AI skills, taken at the start (module 00) and the end (module 09).

Statements follow the five areas of the EU digital competence framework DigComp 2.2, plus AI
literacy. Learners rate each one from 1 ("not at all") to 5 ("completely"). A scan is stored as
one ``selfscan`` event that holds every answer by statement id, with its phase (``before`` or
``after``) and scale, so a later scan can be compared area by area even if statements are added.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import mean

from . import progress
from .i18n import t

SCALE = (1, 2, 3, 4, 5)
PHASES = ("before", "after")
AREAS = ("information", "communication", "content", "safety", "problem_solving", "ai_literacy")


@dataclass(frozen=True)
class Statement:
    id: str  # "safety.2"; the text is the catalogue key "selfscan.statements.<id>"

    @property
    def area(self) -> str:
        return self.id.split(".")[0]

    @property
    def text(self) -> str:
        return t(f"selfscan.statements.{self.id}")


STATEMENTS = tuple(
    Statement(f"{area}.{i}")
    for area, count in (
        ("information", 3),
        ("communication", 3),
        ("content", 3),
        ("safety", 3),
        ("problem_solving", 3),
        ("ai_literacy", 4),
    )
    for i in range(1, count + 1)
)


class ScanError(ValueError):
    """Answers that cannot be stored; the message is for the learner."""


def validate(answers: dict) -> dict[str, int]:
    """Every statement answered with a whole number on the scale, or a clear error."""
    missing = [i for i, s in enumerate(STATEMENTS, start=1) if answers.get(s.id) is None]
    if missing:
        raise ScanError(t("selfscan.missing", numbers=", ".join(map(str, missing))))
    clean = {}
    for statement in STATEMENTS:
        value = answers[statement.id]
        if isinstance(value, bool) or not isinstance(value, int) or value not in SCALE:
            raise ScanError(t("selfscan.out_of_scale", id=statement.id, low=SCALE[0], high=SCALE[-1]))
        clean[statement.id] = value
    return clean


def save(answers: dict, phase: str = "before") -> dict:
    if phase not in PHASES:
        raise ValueError(f"phase must be one of {PHASES}, not {phase!r}")
    return progress.log_event("selfscan", phase=phase, answers=validate(answers), scale=len(SCALE))


def latest(phase: str, events: list[dict] | None = None) -> dict[str, int] | None:
    """The answers of the most recent scan of this phase, or None."""
    events = progress.store().events() if events is None else events
    scans = [e for e in events if e.get("kind") == "selfscan" and e.get("phase") == phase]
    return dict(scans[-1].get("answers") or {}) if scans else None


def area_scores(answers: dict) -> dict[str, float]:
    """The mean score per area, over the statements answered (areas without answers are left out)."""
    scores = {}
    for area in AREAS:
        values = [answers[s.id] for s in STATEMENTS if s.area == area and isinstance(answers.get(s.id), int)]
        if values:
            scores[area] = round(mean(values), 2)
    return scores


def compare(before: dict, after: dict) -> dict[str, tuple[float, float, float]]:
    """Per area that both scans cover: (before, after, change)."""
    a, b = area_scores(before), area_scores(after)
    return {area: (a[area], b[area], round(b[area] - a[area], 2)) for area in AREAS if area in a and area in b}


def plot(before: dict, after: dict | None = None, ax=None, lang: str | None = None):
    """A horizontal bar per area; with ``after``, paired bars told apart by hatching, not colour alone.

    The legend sits under the axis, outside the bars, so it never covers a bar (the last one,
    AI literacy, is the course's key result). ``lang`` chooses the labels' language (default: the
    learner's)."""
    # here, not at the top: the plan, the record and module 09's model import this module, and a
    # grading kernel must not load matplotlib or IPython
    from .plotting import PALETTE, new_axes

    own = ax is None  # lay out only a figure of our own, never a page it is placed on
    ax = ax or new_axes(figsize=(7, 4.0))
    names = [t(f"selfscan.areas.{area}", lang) for area in AREAS]
    positions = range(len(AREAS))
    first = area_scores(before)
    height = 0.38 if after else 0.6
    ax.barh(
        [p - (height / 2 if after else 0) for p in positions],  # before on top: the y axis is inverted
        [first.get(a, 0) for a in AREAS],
        height=height,
        color=PALETTE[0],
        label=t("selfscan.before", lang),
    )
    if after:
        second = area_scores(after)
        ax.barh(
            [p + height / 2 for p in positions],
            [second.get(a, 0) for a in AREAS],
            height=height,
            color=PALETTE[1],
            hatch="//",
            edgecolor="white",
            label=t("selfscan.after", lang),
        )
    ax.set_yticks(list(positions), names)
    ax.invert_yaxis()
    ax.set_xlim(0, SCALE[-1])
    ax.set_xlabel(t("selfscan.axis", lang))
    ax.set_title(t("selfscan.chart_title", lang))
    if after:
        # under the axis label, in one row: outside the data area whatever the scores are
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, LEGEND_BELOW), ncol=2, frameon=False)
    if own:
        ax.figure.tight_layout()
    return ax.figure


LEGEND_BELOW = -0.2  # the legend's top, in axes heights below the axis (under the axis label)


def show_scan(phase: str = "before"):
    """The scan as a form: one row of buttons per statement, a save button, then the chart."""
    import ipywidgets as widgets
    from IPython.display import display

    from .plotting import as_image

    from .ui.controls import ToggleGroup

    earlier = latest(phase) or {}
    scale = [(str(v), v) for v in SCALE]
    rows, pickers = [], {}
    current_area = None
    for number, statement in enumerate(STATEMENTS, start=1):
        if statement.area != current_area:
            current_area = statement.area
            rows.append(widgets.HTML(f"<h4 style='margin:0.6em 0 0.2em'>{t(f'selfscan.areas.{current_area}')}</h4>"))
        # the statement is the group's visible label and its accessible name; the chosen number
        # is a filled button with a check mark and aria-pressed
        picker = ToggleGroup(options=scale, value=earlier.get(statement.id), description=f"{number}. {statement.text}")
        pickers[statement.id] = picker
        rows.append(picker)
    legend = widgets.HTML(t("selfscan.legend"))
    button = widgets.Button(description=t("selfscan.save"), icon="save", button_style="primary", layout=widgets.Layout(width="auto"))
    out = widgets.Output()

    def on_save(_):
        out.clear_output(wait=True)
        with out:
            try:
                answers = save({sid: p.value for sid, p in pickers.items()}, phase)
            except ScanError as problem:
                print("✘ " + str(problem))
                return
            print("✔ " + t("selfscan.saved"))
            before = latest("before") if phase == "after" else None
            figure = plot(before, answers["answers"]) if before else plot(answers["answers"])
            display(as_image(figure))

    button.on_click(on_save)
    box = widgets.VBox([legend, *rows, button, out])
    box.add_class("smeai-selfscan")
    return box
