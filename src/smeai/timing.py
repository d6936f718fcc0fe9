"""How long a module takes: an estimate that anyone can check, from the module's notebook.

The model adds up four things a learner does, with these figures (all minutes unless named):

* **Reading.** Words in the markdown cells, read at ``READING_WPM`` = 100 words a minute.
  Source and assumption: Brysbaert (2019, *Journal of Memory and Language* 109, "How many words
  do we read per minute?") puts silent reading of non-fiction by fluent adults at about 238
  words a minute (English). Reading to learn is slower: Carver's "learning" gear (Carver 1992,
  *Journal of Reading* 36) is about 200 words a minute for students, against about 300 for
  ordinary reading. Our learners read at B1 level, in text with tables and numbers, and many are
  not used to study. We assume 100 words a minute. That is an assumption, not a measurement of
  these learners; it is the figure to change first if real sessions say otherwise.
* **Exercises.** ``EXERCISE_MINUTES`` = 4 per ``.check(`` call: type an answer, run the cell,
  read the feedback, try once more on average. Reading the task is already in the words.
  Assumption.
* **Widgets.** ``WIDGET_MINUTES`` = 3 per explorer or ``show_*`` widget (try a few settings and
  read what changes), except the widgets in ``WIDGET_MINUTES_BY_NAME``: writing a reflection
  (5: a few sentences, typed slowly), the self-scan (5: 19 statements at about 15 seconds),
  the action plan (10), a figure to look at (1). Assumptions.
* **Quiz.** ``QUIZ_QUESTION_MINUTES`` = 1.5 per question: about 70 words of question and options
  (0.7 minutes at 100 words a minute), choosing, and reading the explanation.

Plus ``SETUP_MINUTES`` = 3 per module: open the notebook, run the setup cell, run ``finish``.

**What the model cannot see, and the trial.** Issue 11 reports a trial with three learners who
had never programmed, in JupyterLab: modules 02, 03, 04 and 08 took about 1.5 to 2 times the
75 minutes stated then, because they ask for several pandas edits. Counting words and cells does
not see how hard an edit is. For those modules the trial is the better measure, so
``TRIAL_MINUTES`` holds the middle of what was seen (1.75 × 75 ≈ 130 minutes), and the stated
time is the larger of the model and the trial. A test recomputes every module's time from its
notebook and compares it with the time the course states (``smeai.course.MODULES`` and the
"Tijd: ongeveer N minuten" line of each notebook).

Pure Python: reads the ``.ipynb`` as JSON, imports no Jupyter, widget or plotting library.
Run ``python -m smeai.timing course/nl`` to see the figures per module.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

READING_WPM = 100
EXERCISE_MINUTES = 4.0
WIDGET_MINUTES = 3.0
WIDGET_MINUTES_BY_NAME = {
    "show_reflection": 5.0,
    "show_scan": 5.0,
    "show_plan": 10.0,
    "show_record": 3.0,
    "show_profile": 2.0,
    "show_backup": 2.0,
    "show_course_map": 1.0,
    "show_figure": 1.0,
}
QUIZ_QUESTION_MINUTES = 1.5
SETUP_MINUTES = 3.0
ROUND_TO = 5  # stated times are "about N minutes", N a multiple of 5

#: Minutes measured in the trial of issue 11 (1.5-2x the 75 minutes then stated; the middle).
TRIAL_MINUTES = {"02": 130, "03": 130, "04": 130, "08": 130}

_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d[\d.,]*")
_CHECK = re.compile(r"\.check\(")
# a widget: a call to show_<something>(...) or <something>_explorer(...) at the start of a line
_WIDGET = re.compile(r"^\s*(?:\w+\s*=\s*)?(show_\w+|\w+_explorer)\(", re.MULTILINE)
_QUIZ = re.compile(r"show_quiz\(")


@dataclass(frozen=True)
class Estimate:
    """What was counted in one notebook, and the minutes that follow from it."""

    words: int
    exercises: int
    widgets: tuple[str, ...]
    quiz_questions: int
    trial: int | None = None

    @property
    def reading(self) -> float:
        return self.words / READING_WPM

    @property
    def widget_minutes(self) -> float:
        return sum(WIDGET_MINUTES_BY_NAME.get(name, WIDGET_MINUTES) for name in self.widgets)

    @property
    def model(self) -> float:
        """Minutes from the counts alone."""
        return (
            SETUP_MINUTES
            + self.reading
            + self.exercises * EXERCISE_MINUTES
            + self.widget_minutes
            + self.quiz_questions * QUIZ_QUESTION_MINUTES
        )

    @property
    def minutes(self) -> float:
        """The model, or the trial where one measured more."""
        return max(self.model, self.trial or 0)

    @property
    def stated(self) -> int:
        """The time to state: :attr:`minutes` rounded to the nearest 5."""
        return max(ROUND_TO, int(ROUND_TO * round(self.minutes / ROUND_TO)))


def _source(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def count(notebook: str | Path, quiz_questions: int | None = None, number: str | None = None) -> Estimate:
    """Count words, exercises, widgets and quiz questions in one notebook.

    ``quiz_questions`` is the length of the module's quiz (it lives in the catalogue, not the
    notebook); by default it is looked up with :func:`smeai.quiz.questions` when the notebook
    shows a quiz. ``number`` ("02") defaults to the first two characters of the file name.
    """
    path = Path(notebook)
    number = number or path.name[:2]
    cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
    words = exercises = 0
    widgets: list[str] = []
    has_quiz = False
    for cell in cells:
        text = _source(cell)
        if cell.get("cell_type") == "markdown":
            words += len(_WORD.findall(text))
        elif cell.get("cell_type") == "code":
            exercises += len(_CHECK.findall(text))
            widgets += [name for name in _WIDGET.findall(text) if name != "show_quiz"]
            has_quiz = has_quiz or bool(_QUIZ.search(text))
    if quiz_questions is None:
        quiz_questions = _quiz_length(number) if has_quiz else 0
    return Estimate(words, exercises, tuple(widgets), quiz_questions, TRIAL_MINUTES.get(number))


def _quiz_length(number: str) -> int:
    # the quiz module pulls in the exercise declarations; only needed when a quiz is shown
    from .quiz import questions

    return len(questions(number))


def estimates(folder: str | Path) -> dict[str, Estimate]:
    """One estimate per ``NN-*.ipynb`` notebook in ``folder``, by module number."""
    return {path.name[:2]: count(path) for path in sorted(Path(folder).glob("[0-9][0-9]-*.ipynb"))}


def main(argv: list[str] | None = None) -> int:
    folder = (argv or sys.argv[1:] or ["course/nl"])[0]
    print("module  words  reading  exercises  widgets  quiz  model  trial  stated")
    for number, e in estimates(folder).items():
        print(
            f"{number:>6}  {e.words:>5}  {e.reading:>7.1f}  {e.exercises:>9}  {e.widget_minutes:>7.1f}"
            f"  {e.quiz_questions:>4}  {e.model:>5.1f}  {e.trial or '-':>5}  {e.stated:>6}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
