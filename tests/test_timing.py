"""The stated time of every module follows from the time model (smeai.timing) and its notebook."""

import json
import re
from pathlib import Path

import pytest

from smeai import timing
from smeai.course import MODULES

COURSE = Path(__file__).resolve().parents[1] / "course"
STATED = {"nl": re.compile(r"\*\*Tijd:\*\* ongeveer (\d+) minuten"), "en": re.compile(r"\*\*Time:\*\* about (\d+) minutes")}


def _notebook(lang, number):
    (path,) = sorted((COURSE / lang).glob(f"{number}-*.ipynb"))
    return path


def _stated_in_notebook(path, lang):
    text = "".join("".join(c["source"]) for c in json.loads(path.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "markdown")
    found = STATED[lang].findall(text)
    assert len(found) == 1, f"{path.name}: expected one time line, found {found}"
    return int(found[0])


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.number)
def test_stated_time_is_the_model_estimate(module):
    estimate = timing.count(_notebook("nl", module.number))
    assert module.minutes == estimate.stated, (
        f"module {module.number}: the course states {module.minutes} minutes, the time model gives "
        f"{estimate.minutes:.1f} (rounded {estimate.stated}); run `python -m smeai.timing course/nl` and update "
        "smeai/course.py and the time lines of both notebooks"
    )
    for lang in ("nl", "en"):
        assert _stated_in_notebook(_notebook(lang, module.number), lang) == module.minutes


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.number)
def test_english_notebook_gives_the_same_rounded_time(module):
    # the stated time is one number for both languages; the model must not depend on which one
    nl, en = (timing.count(_notebook(lang, module.number)) for lang in ("nl", "en"))
    assert abs(nl.minutes - en.minutes) < timing.ROUND_TO


def test_slow_modules_of_the_trial_are_raised():
    # issue 11: 02, 03, 04 and 08 took 1.5-2x the 75 minutes stated then
    for number in ("02", "03", "04", "08"):
        assert timing.count(_notebook("nl", number)).stated >= 1.5 * 75


def test_model_counts_what_a_notebook_holds(tmp_path):
    cells = [
        {"cell_type": "markdown", "source": ["# Kop\n", "Lees deze tien woorden eens rustig door, dan ben je klaar."]},
        {"cell_type": "code", "source": "antwoord = ___\nq1.check(antwoord)"},
        {"cell_type": "code", "source": "q2.check(f)\n# q2.hint()"},
        {"cell_type": "code", "source": "forecast_explorer()"},
        {"cell_type": "code", "source": "show_reflection('m99.r1')"},
        {"cell_type": "code", "source": "show_quiz('99')"},
        {"cell_type": "raw", "source": "show_plan()  words here do not count"},
    ]
    path = tmp_path / "99-test.ipynb"
    path.write_text(json.dumps({"cells": cells}), encoding="utf-8")
    e = timing.count(path, quiz_questions=4)
    assert (e.words, e.exercises, e.widgets, e.quiz_questions, e.trial) == (12, 2, ("forecast_explorer", "show_reflection"), 4, None)
    expected = (timing.SETUP_MINUTES + 12 / timing.READING_WPM + 2 * timing.EXERCISE_MINUTES + timing.WIDGET_MINUTES
                + timing.WIDGET_MINUTES_BY_NAME["show_reflection"] + 4 * timing.QUIZ_QUESTION_MINUTES)
    assert e.model == pytest.approx(expected) and e.stated == 5 * round(expected / 5)


def test_empty_notebook_still_states_a_time(tmp_path):
    path = tmp_path / "98-leeg.ipynb"
    path.write_text(json.dumps({"cells": []}), encoding="utf-8")
    e = timing.count(path)
    assert e.model == timing.SETUP_MINUTES and e.stated == timing.ROUND_TO


def test_cli_prints_every_module(capsys):
    assert timing.main([str(COURSE / "nl")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines[1:]] == [m.number for m in MODULES]
