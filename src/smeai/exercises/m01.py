"""Module 01, what is AI: rules against learning from examples, at a fruit grower."""

from ..explore.m01 import SIZE_RANGE, best_rule, rule_accuracy
from ..quiz import Question
from .checks import Choice, Close, FunctionCases, Outcome, Property
from .core import Exercise

TARGET_PCT = 75  # q3: the rule must sort at least this share of the 40 apples right

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
        lambda: rule_accuracy(70),
        tol=0.5,
        mistakes=[
            (lambda x: abs(x * 100 - rule_accuracy(70)) < 0.5, ".fraction"),
            (lambda x: abs(x - rule_accuracy(70) * 0.4) < 0.5, ".count"),
        ],
    ),
)


def _good_threshold(mm: float) -> Outcome:
    low, high = SIZE_RANGE
    if not low <= mm <= high:
        return Outcome(False, ".out_of_range", {"given": mm, "low": low, "high": high})
    pct = rule_accuracy(mm)
    if pct >= TARGET_PCT:
        return Outcome(True, ".good", {"given": mm, "pct": pct})
    # below the best threshold too many small apples pass; above it, too many good ones fail
    return Outcome(False, ".too_low" if mm < best_rule()[0] else ".too_high", {"given": mm, "pct": pct, "target": TARGET_PCT})


# q3: choose a size threshold that sorts at least 75 % right
q3 = Exercise("m01.q3", Property(_good_threshold))

# q4: finish the expert's two-part rule by filling in the redness figure (45 %)
q4 = Exercise(
    "m01.q4",
    FunctionCases(
        cases=[((75, 60), True), ((75, 30), False), ((65, 80), False)],
        hidden_cases=[((72, 45), True), ((72, 44), False), ((70, 90), True), ((69, 90), False)],
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
