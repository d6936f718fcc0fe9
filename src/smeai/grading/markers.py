"""What smeai reads in, and writes to, nbgrader notebooks, in one place.

- the hidden-test region of a test cell (``### BEGIN HIDDEN TESTS`` … ``### END HIDDEN TESTS``,
  nbgrader's markers): what a learner received, and what must never show in feedback;
- the exercise a test cell checks (``grade("m01.q2", …)``, smeai's shared exercise definitions);
- the events for the trainer, kept in a notebook's ``metadata.smeai.events``.
"""

from __future__ import annotations

import re

BEGIN_HIDDEN, END_HIDDEN = "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"
GRADE_CALL = re.compile(r"""grade\(\s*["'](m\d\d)\.([a-z0-9_]+)["']""")


def split_hidden(source: str) -> tuple[list[str], list[str]]:
    """(the lines a learner received, the hidden lines with their markers and without blanks)."""
    shown, hidden, inside = [], [], False
    for line in (source or "").split("\n"):
        if BEGIN_HIDDEN in line:
            inside = True
            hidden.append(line)
        elif END_HIDDEN in line:
            inside = False
            hidden.append(line)
        elif inside:
            if line.strip():
                hidden.append(line)
        else:
            shown.append(line)
    return shown, hidden


def released_source(source: str) -> str:
    """The source a learner received: the master without its hidden-test region."""
    return "\n".join(split_hidden(source)[0])


def hidden_lines(source: str) -> list[str]:
    """The lines inside the hidden-test region, markers included."""
    return split_hidden(source)[1]


def has_hidden_tests(source: str) -> bool:
    return BEGIN_HIDDEN in (source or "")


def exercise_ids(source: str) -> list[str]:
    """The exercises a cell checks, in order: ``["m01.q2", …]``."""
    return [f"{module}.{name}" for module, name in GRADE_CALL.findall(source or "")]


def exercise_modules(sources) -> list[str]:
    """The course modules (``m01``, …) whose checks these cells call."""
    return sorted({i.split(".")[0] for source in sources for i in exercise_ids(source)})


def add_event(nb, kind: str, **details) -> None:
    """Record something the trainer should know in ``nb.metadata.smeai.events``."""
    nb.metadata.setdefault("smeai", {}).setdefault("events", []).append({"kind": kind, **details})


def events(nb) -> list[dict]:
    return list(nb.metadata.get("smeai", {}).get("events", []))
