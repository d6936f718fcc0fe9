"""Latency of every widget callback, driven in-process with the values a learner would choose.

Every explorer the course offers is built (the public ``*_explorer`` functions of
``smeai.modules.mNN.widgets``, plus the quiz, the self-scan, the profile and the reflection), then its
widget tree is walked: each slider is moved through several values, each list or button group
through its options, each button clicked. The time of one change is the time its observers take
(ipywidgets calls them synchronously), which is what the learner waits for.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import importlib.util
import io
import json
import os
import subprocess
import sys
import tempfile
import time

from .common import Figure, median, percentile

MEDIAN_TARGET_MS = 50
P95_TARGET_MS = 150


def _factories(group: str):
    """The widgets of one module (``"m01"``), or ``"shared"``: self-scan, profile, reflection."""
    from smeai import profile, quiz, reflection, selfscan

    if group == "shared":
        return [("selfscan", lambda: selfscan.show_scan("before")), ("profile", profile.show_profile), ("reflection", lambda: reflection.show_reflection("m01.r1"))]
    found = []
    module = _widgets_module(group)
    if module is not None:
        for name in sorted(dir(module)):
            function = getattr(module, name)
            # the module's own explorers, not helpers it imports (like picture_explorer)
            if name.endswith("_explorer") and callable(function) and function.__module__ == module.__name__:
                found.append((f"{group}.{name}", function))
    if quiz.questions(group[1:]):
        found.append((f"{group}.quiz", lambda: quiz.show_quiz(group[1:])))
    return found


def _widgets_module(group: str):
    """``smeai.modules.m01.widgets``, or None for a module without explorers (m00)."""
    name = f"smeai.modules.{group}.widgets"
    return importlib.import_module(name) if importlib.util.find_spec(name) else None


def groups() -> list[str]:
    from smeai.course import MODULES

    return [*(f"m{m.number}" for m in MODULES if m.available), "shared"]


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()) or ():
        yield from _walk(child)


def _choices(widget) -> list:
    """The values a learner would try on one widget (empty: not an input)."""
    import ipywidgets as w

    from smeai.ui import controls

    if isinstance(widget, (w.FileUpload, w.Output)):
        return []
    if isinstance(widget, (controls.IntSlider, controls.FloatSlider)):  # the course's own controls
        values = [widget.min + (widget.max - widget.min) * f for f in (0.1, 0.3, 0.5, 0.7, 0.9)]
        return [round(v) if isinstance(widget, controls.IntSlider) else v for v in values]
    if isinstance(widget, (controls.ToggleGroup, controls.ChoiceGroup)):
        return [v for _, v in widget.options if v is not None][:6]
    if isinstance(widget, w.Text) and not isinstance(widget, w.Password):  # a number typed the Dutch way
        return ["1.200", "10,5", widget.value]
    if isinstance(widget, (w.IntSlider, w.FloatSlider, w.IntRangeSlider, w.FloatRangeSlider)):
        low, high = widget.min, widget.max
        if isinstance(widget, (w.IntRangeSlider, w.FloatRangeSlider)):
            return [(low, low + (high - low) * f) for f in (0.3, 0.6, 1.0)]
        values = [low + (high - low) * f for f in (0.1, 0.3, 0.5, 0.7, 0.9)]
        return [round(v) if isinstance(widget, w.IntSlider) else v for v in values]
    if isinstance(widget, (w.Dropdown, w.RadioButtons, w.ToggleButtons, w.SelectionSlider, w.Select)):
        values = [option[1] if isinstance(option, tuple) else option for option in widget._options_full] if hasattr(widget, "_options_full") else list(widget.options)
        values = [v[1] if isinstance(v, tuple) else v for v in values]
        return [v for v in values if v is not None][:6]
    if isinstance(widget, w.SelectMultiple):
        options = [o[1] if isinstance(o, tuple) else o for o in widget.options]
        return [tuple(options[: i + 1]) for i in range(min(3, len(options)))]
    if isinstance(widget, (w.Checkbox, w.ToggleButton)):
        return [not widget.value, widget.value]
    if isinstance(widget, (w.IntText, w.FloatText, w.BoundedIntText, w.BoundedFloatText)):
        return [widget.value + 1, widget.value]
    return []


def _has_callback(widget) -> bool:
    """Whether changing this widget runs code (an observer, or a click handler)."""
    import ipywidgets as w

    if isinstance(widget, w.Button):
        return bool(widget._click_handlers.callbacks)
    return len(_observers(widget)) > len(_observers(_fresh(type(widget))))


def _observers(widget) -> list:
    return list(widget._trait_notifiers.get("value", {}).get("change", []))


@functools.cache
def _fresh(cls):
    """A new widget of the same class: its observers are ipywidgets' own, not the course's."""
    return cls()


def measure(factory) -> list[float]:
    """Milliseconds per change, for every change the walk makes on one freshly built widget.
    Only widgets that run a callback count: a radio button with no observer costs nothing."""
    import ipywidgets as w

    times = []
    with contextlib.redirect_stdout(io.StringIO()):  # display() prints outside a kernel
        root = factory()
        for widget in list(_walk(root)):
            if not _has_callback(widget):
                continue
            if isinstance(widget, w.Button):
                start = time.perf_counter()
                widget.click()
                times.append((time.perf_counter() - start) * 1000)
                continue
            for value in _choices(widget):
                start = time.perf_counter()
                widget.value = value
                times.append((time.perf_counter() - start) * 1000)
    return times


def measure_group(group: str) -> dict[str, list[float]]:
    """Every widget of one group, each built once first (the learner's cell pays one-off costs
    such as imports and cached data), then built again and walked."""
    times = {}
    for name, factory in _factories(group):
        with contextlib.redirect_stdout(io.StringIO()):
            factory()
        found = measure(factory)
        if found:
            times[name] = found
    return times


def run(*, quick: bool) -> list[Figure]:
    """One fresh process per module, as in a learner's kernel: measuring every module in one
    process would add garbage-collection pauses over figures no learner has open at once."""
    chosen = groups()[:2] if quick else groups()
    figures, everything = [], []
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "SMEAI_HOME": tmp}
        for group in chosen:
            done = subprocess.run([sys.executable, "-m", "benchmarks.widgets", group], env=env, capture_output=True, text=True, timeout=600, check=True)
            for name, times in json.loads(done.stdout.strip().splitlines()[-1]).items():
                everything += times
                ok = median(times) <= MEDIAN_TARGET_MS and percentile(times, 95) <= P95_TARGET_MS
                figures.append(Figure("Widget callbacks", name, median(times), "ms", target=f"median ≤ {MEDIAN_TARGET_MS} ms, p95 ≤ {P95_TARGET_MS} ms", passed=None if quick else ok, note=f"p95 {percentile(times, 95):.0f} ms, max {max(times):.0f} ms, {len(times)} changes", samples=times))
    if everything:
        ok = median(everything) <= MEDIAN_TARGET_MS and percentile(everything, 95) <= P95_TARGET_MS
        figures.append(Figure("Widget callbacks", "all callbacks together", median(everything), "ms", target=f"median ≤ {MEDIAN_TARGET_MS} ms, p95 ≤ {P95_TARGET_MS} ms", passed=None if quick else ok, note=f"p95 {percentile(everything, 95):.0f} ms over {len(everything)} changes"))
    return figures


if __name__ == "__main__":  # one group, in its own process: prints {widget: [ms, ...]} as JSON
    print(json.dumps(measure_group(sys.argv[1])))
