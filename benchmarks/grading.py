"""Grading a class: ``smeai grade`` (parallel) against sequential ``nbgrader autograde``."""

from __future__ import annotations

from .common import Figure

SPEEDUP_TARGET = 1.7


def run(*, quick: bool) -> list[Figure]:
    from smeai.grading.benchmark import compare  # the trainer toolkit measures both ways itself

    result = compare(quick=quick)
    speedup = result["sequential_s"] / result["parallel_s"]
    identical = result["identical_scores"]
    return [
        Figure("Grading a class", "sequential nbgrader autograde", result["sequential_s"], "s", note=f"baseline; {result['submissions']} submissions"),
        Figure("Grading a class", "smeai grade", result["parallel_s"], "s", baseline=result["sequential_s"], target=f"≥ {SPEEDUP_TARGET}× faster, identical scores", passed=None if quick else speedup >= SPEEDUP_TARGET and identical, note=f"speed-up {speedup:.2f}×; scores identical: {identical}"),
    ]
