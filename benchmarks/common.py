"""What every benchmark shares: a result row, medians, machine facts and the report files."""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


@dataclass
class Figure:
    """One measured figure, its baseline, and the target it is judged against."""

    group: str
    name: str
    value: float
    unit: str
    baseline: float | None = None  # measured in the same run
    target: str = ""  # in words, e.g. "≤ 2.5× baseline"
    passed: bool | None = None  # None: no target, or not judged in a quick run
    note: str = ""
    samples: list = field(default_factory=list)

    @property
    def ratio(self) -> float | None:
        if self.baseline in (None, 0):
            return None
        return self.value / self.baseline


def median(values) -> float:
    return float(statistics.median(values))


def percentile(values, q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return float(ordered[index])


def timed(fn, *args, **kwargs) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - start, result


def machine() -> dict:
    info = {
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "load_average_at_start": os.getloadavg(),
    }
    try:
        info["memory_gib"] = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)
    except (ValueError, OSError):
        pass
    try:
        info["commit"] = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    return info


def _fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return "–"
    text = f"{value:.3g}" if abs(value) < 100 else f"{value:.0f}"
    return f"{text} {unit}".strip()


def write_report(figures: list[Figure], out: Path, *, quick: bool, started: float, errors: dict) -> tuple[Path, Path]:
    out.mkdir(parents=True, exist_ok=True)
    meta = {"machine": machine(), "quick": quick, "seconds": round(time.time() - started, 1), "errors": errors}
    data = {**meta, "figures": [{**asdict(f), "ratio": f.ratio} for f in figures]}
    json_path = out / "report.json"
    json_path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")

    lines = [
        "# smeai benchmark report",
        "",
        f"Made by `python -m benchmarks{' --quick' if quick else ''}` in {meta['seconds']} s. "
        "Every figure is measured side by side with its baseline in the same run; medians over repeated runs.",
        "",
        "| machine | |",
        "|---|---|",
        *[f"| {k} | {v} |" for k, v in meta["machine"].items()],
        "",
    ]
    groups: dict[str, list[Figure]] = {}
    for f in figures:
        groups.setdefault(f.group, []).append(f)
    for group, rows in groups.items():
        lines += [f"## {group}", "", "| figure | value | baseline | ratio | target | result | note |", "|---|---|---|---|---|---|---|"]
        for f in rows:
            verdict = {True: "pass", False: "**FAIL**", None: "–"}[f.passed]
            lines.append(f"| {f.name} | {_fmt(f.value, f.unit)} | {_fmt(f.baseline, f.unit)} | {_fmt(f.ratio)}{'×' if f.ratio else ''} | {f.target} | {verdict} | {f.note} |")
        lines.append("")
    if errors:
        lines += ["## Benchmarks that could not run", ""] + [f"- **{k}**: {v}" for k, v in errors.items()] + [""]
    md_path = out / "report.md"
    md_path.write_text("\n".join(lines), encoding="utf-8")
    return md_path, json_path
