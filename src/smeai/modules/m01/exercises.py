"""Module 01, what is AI: rules against learning from examples, at a fruit grower.

The answers come from :mod:`.model`; the numbers the hints and solutions state are filled in from
``model.numbers()``. The trainer's extra cases for q4 live only in the assignment's hidden tests.
"""

from ...exercises.checks import Choice, Close, FunctionCases, Outcome, Property
from ...exercises.core import Exercise
from ...quiz import Question
from . import model

__all__ = ["q1", "q2", "q3", "q4", "QUIZ"]

# q1: which kind of AI task is a bakery's sales forecast?
q1 = Exercise(
    "m01.q1",
    Choice(
        correct="predict",
        options={
            "predict": ["voorspellen", "voorspelling", "prediction", "forecast", "forecasting", "voorspel"],
            "classify": ["classificeren", "indelen", "sorteren", "classification", "classify", "classificatie"],
            "group": ["groeperen", "groepen maken", "clusteren", "clustering", "grouping", "cluster"],
            "generate": ["genereren", "maken", "generation", "create", "generatie"],
            "recognise": ["herkennen", "herkenning", "recognition", "recognize", "recognise"],
        },
    ),
)

# q2: read the accuracy of the rule "at least 70 mm" off the explorer
q2 = Exercise(
    "m01.q2",
    Close(
        lambda: model.rule_accuracy(70),
        tol=0.5,
        mistakes=[
            (lambda x: abs(x * 100 - model.rule_accuracy(70)) < 0.5, ".fraction"),
            (lambda x: abs(x - model.rule_right(70)) < 0.5, ".count"),
        ],
    ),
    fields=model.numbers,
)


def _good_threshold(mm: float) -> Outcome:
    low, high = model.SIZE_RANGE
    if not low <= mm <= high:
        return Outcome(False, ".out_of_range", {"given": mm, "low": low, "high": high})
    pct = model.rule_accuracy(mm)
    if pct >= model.TARGET_PCT:
        return Outcome(True, ".good", {"given": mm, "pct": pct})
    # below the best threshold too many small apples pass; above it, too many good ones fail
    too_low = mm < model.best_rule()[0]
    return Outcome(False, ".too_low" if too_low else ".too_high", {"given": mm, "pct": pct, "target": model.TARGET_PCT})


# q3: choose a size threshold that sorts at least 75 % right
q3 = Exercise("m01.q3", Property(_good_threshold), fields=model.numbers)

# q4: finish the expert's two-part rule by filling in the redness figure (45 %)
q4 = Exercise(
    "m01.q4",
    FunctionCases(
        cases=[((75, 60), True), ((75, 30), False), ((65, 80), False)],
        describe=lambda args: f"{args[0]} mm, {args[1]} %",
    ),
)

QUIZ = (
    Question("m01.quiz1", correct=1),  # AI understands what it says?  myth
    Question("m01.quiz2", correct=0),  # learns from examples: bad examples, bad AI
    Question("m01.quiz3", correct=2),  # only for big companies?  myth
    Question("m01.quiz4", correct=1),  # who is responsible for a decision made with AI
    Question("m01.quiz5", correct=0),  # AI can be sure and still wrong
)
