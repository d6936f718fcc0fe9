"""The benchmark code runs, at a small size (``--quick``), and writes a complete report. No
thresholds: speed and memory are judged only in full runs (benchmarks/report.md)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
GROUPS = ["cli", "widgets", "notebooks", "footprint", "startup", "grading"]


@pytest.mark.slow
def test_quick_benchmarks_write_a_report_with_every_group(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--only", ",".join(GROUPS), "--out", str(tmp_path)],
        cwd=REPO, capture_output=True, text=True, timeout=900,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["quick"] is True and report["errors"] == {}
    groups = {f["group"] for f in report["figures"]}
    assert {"Command line", "Widget callbacks", "Notebooks: wall time", "Notebooks: peak kernel memory", "Install footprint", "JupyterLab start to first widget", "Grading a class"} <= groups
    assert all(f["value"] > 0 for f in report["figures"] if f["note"] != "baseline" and f["unit"] != "ms")
    assert all(f["passed"] is None for f in report["figures"])  # a quick run judges nothing
    assert "| smeai --help |" in (tmp_path / "report.md").read_text()


def test_unknown_group_is_refused():
    done = subprocess.run([sys.executable, "-m", "benchmarks", "--only", "nonsense"], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "unknown groups" in done.stderr
