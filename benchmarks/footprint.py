"""Install footprint: a fresh venv from binder/requirements.txt against one with only the five
packages at the course's heart (same versions). Every extra package makes the Binder image,
and so every learner's start, larger."""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path

from .common import REPO, Figure

RATIO_TARGET = 1.15
CORE = ("jupyterlab", "nbgrader", "ipywidgets", "scikit-learn", "matplotlib")


def _pins() -> dict[str, str]:
    pins = {}
    for line in (REPO / "binder" / "requirements.txt").read_text().splitlines():
        line = line.split("#")[0].strip()
        if "==" in line:
            name, version = line.split("==")
            pins[name.strip().lower()] = version.strip()
    return pins


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def venv_size(requirements: list[str]) -> int:
    """Bytes of a new venv's site-packages after ``pip install`` of the requirements."""
    with tempfile.TemporaryDirectory() as tmp:
        venv = Path(tmp) / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
        pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        subprocess.run(pip + requirements, check=True, timeout=1800)
        (site,) = (venv / "lib").glob("python*/site-packages")
        return _size(site)


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def closure_size(roots) -> tuple[int, int]:
    """Bytes and count of the installed distributions ``roots`` need, read from this
    environment's metadata: a quick, offline stand-in for building a venv."""
    seen, stack, total = set(), [_normalise(r) for r in roots], 0
    while stack:
        name = stack.pop()
        if name in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen.add(name)
        total += sum((f.size or 0) for f in dist.files or [])
        for requirement in dist.requires or []:
            if "extra ==" in requirement:
                continue
            stack.append(_normalise(re.split(r"[ ;<>=!~\[(]", requirement, maxsplit=1)[0]))
    return total, len(seen)


def run(*, quick: bool) -> list[Figure]:
    pins = _pins()
    core = [f"{name}=={pins[name]}" for name in CORE]
    if quick:
        base, base_count = closure_size(CORE)
        ours, ours_count = closure_size(pins)
        method = "installed metadata (quick)"
    else:
        base, ours = venv_size(core), venv_size(["-r", str(REPO / "binder" / "requirements.txt")])
        base_count = ours_count = None
        method = "fresh venvs"
    note = f"{method}; binder adds: {', '.join(sorted(set(pins) - set(CORE)))}"
    if base_count:
        note += f"; {ours_count} vs {base_count} distributions"
    ratio_ok = ours / base <= RATIO_TARGET
    return [
        Figure("Install footprint", "core five packages", base / 2**20, "MB", note="baseline"),
        Figure("Install footprint", "binder/requirements.txt", ours / 2**20, "MB", baseline=base / 2**20, target=f"≤ {RATIO_TARGET}× baseline", passed=None if quick else ratio_ok, note=note),
    ]
