"""Module 01's data model and answer key: 40 apples sorted by a size rule, and by a model that
learns from 10 examples the learner labels.

Plain functions on small, fixed data (made once, then cached), so every explorer callback only
computes a few comparisons. Every number the course states about these apples comes from here.
"""

from __future__ import annotations

from functools import cache

from ...datasets import make_apples

__all__ = [
    "APPLES_SEED", "EXAMPLES_SEED", "N_APPLES", "N_EXAMPLES", "SIZE_RANGE", "REDNESS_RANGE", "TARGET_PCT",
    "apples", "examples", "rule_accuracy", "rule_right", "best_rule", "good_thresholds", "scaled",
    "learn_from_labels", "model_accuracy", "learned_accuracy", "numbers",
]

APPLES_SEED = 1  # the apples the rules and the model are judged on
EXAMPLES_SEED = 2  # the apples the learner labels
N_APPLES = 40
N_EXAMPLES = 10
SIZE_RANGE = (55, 90)
REDNESS_RANGE = (0, 100)
TARGET_PCT = 75  # q3: a size rule must sort at least this share of the apples right


@cache
def apples():
    """The 40 sorted apples every accuracy in module 01 is measured on."""
    return make_apples(n_samples=N_APPLES, random_state=APPLES_SEED)


@cache
def examples():
    """The 10 apples the learner sorts by hand, as a teacher would."""
    return make_apples(n_samples=N_EXAMPLES, label_noise=0.0, random_state=EXAMPLES_SEED)


def rule_accuracy(threshold_mm: float) -> float:
    """Percentage of apples sorted right by the rule "class 1 when at least ``threshold_mm``"."""
    data = apples()
    return round(100 * float(((data.size_mm >= threshold_mm) == data.class1).mean()), 1)


def rule_right(threshold_mm: float) -> int:
    """How many of the apples that rule sorts right."""
    data = apples()
    return int(((data.size_mm >= threshold_mm) == data.class1).sum())


def best_rule() -> tuple[int, float]:
    """The whole-millimetre threshold with the highest accuracy, and that accuracy."""
    return max(((mm, rule_accuracy(mm)) for mm in range(*SIZE_RANGE)), key=lambda pair: pair[1])


def good_thresholds() -> tuple[int, int]:
    """The lowest and highest whole-millimetre threshold that reach :data:`TARGET_PCT`."""
    good = [mm for mm in range(*SIZE_RANGE) if rule_accuracy(mm) >= TARGET_PCT]
    return min(good), max(good)


def scaled(data):
    """Size and redness on comparable scales, so neither measurement dominates the distance."""
    return list(zip((data.size_mm - SIZE_RANGE[0]) / (SIZE_RANGE[1] - SIZE_RANGE[0]), data.redness_pct / 100))


def learn_from_labels(labels: dict[int, bool]):
    """A nearest-neighbour model trained on the examples the learner labelled (None while
    fewer than two classes are labelled, since one class cannot teach a difference)."""
    chosen = {i: v for i, v in labels.items() if v is not None}
    if len(set(chosen.values())) < 2:
        return None
    # here, not at the top: scikit-learn takes 1-3 s to import, and a grading kernel that checks
    # module 01's exercises (the size rule only) must not pay it (0.3 s instead of 3.6 s)
    from sklearn.neighbors import KNeighborsClassifier

    data = examples().iloc[sorted(chosen)]
    model = KNeighborsClassifier(n_neighbors=1)
    model.fit(scaled(data), [chosen[i] for i in sorted(chosen)])
    return model


def model_accuracy(model) -> float:
    """Percentage of the 40 apples a learned model sorts right."""
    data = apples()
    return round(100 * float((model.predict(scaled(data)) == data.class1.to_numpy()).mean()), 1)


def learned_accuracy(labels: dict[int, bool]) -> float | None:
    model = learn_from_labels(labels)
    return None if model is None else model_accuracy(model)


def numbers() -> dict:
    """The numbers module 01's texts state, by the names the catalogues use (``{pct_70}``).
    A ``_py`` name is the same number as Python code writes it (``72.5``, also in Dutch), for
    the solutions' code lines."""
    best_mm, best_pct = best_rule()
    low, high = good_thresholds()
    return {
        "total": N_APPLES, "pct_70": rule_accuracy(70), "pct_70_py": repr(rule_accuracy(70)),
        "right_70": rule_right(70), "best_mm": best_mm, "best_mm_py": repr(best_mm), "best_pct": best_pct,
        "good_low": low, "good_high": high, "target": TARGET_PCT,
    }
