"""Measurements of what learners and trainers wait for. Not timed tests: run on demand with
``python -m benchmarks``; every figure is taken side by side with its baseline in the same run
and reported as a ratio, because absolute times on a shared machine are noisy."""
