"""For every exercise of every module: the catalogue's solution, in both languages, run as the
learner would run it, passes its own check ("correct").

A solution is the text ``solution()`` shows (``Exercise.solution_text``), with the numbers the
module's model derives filled in. Most solutions stand alone; one that uses names the course
notebook defines (``pd``, ``verkoop``/``sales``, ``pad_kassa``) runs in the namespace that
notebook builds: its code cells, in order, without the learner's starter cells.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import nbformat
import numpy as np
import pandas as pd
import pytest

from smeai import i18n
from smeai.exercises import all_exercises, get

REPO = Path(__file__).resolve().parents[1]
UNFILLED = re.compile(r"\{[a-z_]+\}")  # "{pct_70}" left in the text; a dict literal has quotes or ":"


def _exercise_ids() -> list:
    return sorted(e.id for e in all_exercises())


class _Recorder:
    """Stands in for ``qN`` in a solution: keeps the answer given to ``qN.check``."""

    def __init__(self):
        self.answers = []

    def check(self, answer=None):
        self.answers.append(answer)

    def hint(self):
        pass

    solution = hint


@cache
def _notebook_namespace(module: str, lang: str) -> dict:
    """What the course notebook defines before the learner answers: every code cell in order,
    except the learner's own (a ``___`` starter or a ``qN.`` call). A cell that needs a learner's
    answer (a NameError) is passed over, as it would fail for a learner who has not answered."""
    (path,) = (REPO / "course" / lang).glob(f"{module}-*.ipynb")
    namespace: dict = {}
    for cell in nbformat.read(path, as_version=4).cells:
        source = cell.source
        starter = any("___" in line and not line.lstrip().startswith(("from ", "import ")) for line in source.splitlines())
        if cell.cell_type != "code" or starter or ".check(" in source or source.lstrip().startswith(("%", "!")):
            continue
        try:
            exec(compile(source, f"{path.name}", "exec"), namespace)
        except NameError:
            continue
    return namespace


def _run_solution(exercise, lang: str):
    source = exercise.solution_text(lang)
    name = exercise.id.split(".")[1]
    recorder = _Recorder()
    try:
        exec(source, {name: recorder, "pd": pd, "np": np})
    except NameError:  # it uses what the notebook made: run it there
        recorder = _Recorder()
        namespace = dict(_notebook_namespace(exercise.module, lang))
        namespace[name] = recorder
        exec(source, namespace)
    return source, recorder.answers


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
@pytest.mark.parametrize("exercise_id", _exercise_ids())
def test_the_catalogues_solution_passes_its_own_check(exercise_id, lang):
    exercise = get(exercise_id)
    i18n.set_language(lang)
    source, answers = _run_solution(exercise, lang)
    assert not UNFILLED.search(source), f"a field the model did not fill:\n{source}"
    assert len(answers) == 1, f"the solution must call {exercise_id.split('.')[1]}.check once:\n{source}"
    feedback = exercise.evaluate(answers[0])
    assert feedback.correct, (lang, source, feedback.text(lang))


def test_a_wrong_solution_would_fail_this_test():
    # control: the same run on a solution with a wrong number is caught
    class Wrong:
        id, module = "m01.q2", "01"

        @staticmethod
        def solution_text(lang):
            return "regel_70_pct = 50\nq2.check(regel_70_pct)"

    _, answers = _run_solution(Wrong, "nl")
    assert not get("m01.q2").evaluate(answers[0]).correct
