"""The layout rules of ``smeai/modules/mNN/`` (issue 12), checked for every module package.

- ``model.py`` is plain Python: it imports in a fresh interpreter with ipywidgets, IPython and
  matplotlib blocked, so a grading kernel never needs them to check an answer.
- ``exercises.py`` imports with the same libraries blocked, and never imports ``.widgets`` or
  ``.figures``.
- ``__init__.py`` holds a docstring and no imports; every other file declares ``__all__``.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
MODULES_DIR = REPO / "src" / "smeai" / "modules"
PACKAGES = sorted(p.name for p in MODULES_DIR.iterdir() if (p / "__init__.py").is_file())
BLOCKED = ("ipywidgets", "IPython", "matplotlib")


def _files(kind: str) -> list[str]:
    return [m for m in PACKAGES if (MODULES_DIR / m / f"{kind}.py").is_file()]


def _import_blocked(module: str) -> subprocess.CompletedProcess:
    # sys.modules[name] = None makes "import name" (and any submodule) raise ImportError
    code = f"import sys\nfor name in {BLOCKED!r}:\n    sys.modules[name] = None\nimport {module}\nprint('ok')"
    env = {**os.environ, "PYTHONPATH": str(REPO / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)


def test_every_course_module_in_the_map_that_is_available_has_a_package_or_is_transitional():
    from smeai.course import MODULES

    assert {f"m{m.number}" for m in MODULES if m.available} >= set(PACKAGES)
    assert {"m00", "m01", "m02", "m03"} <= set(PACKAGES)


@pytest.mark.parametrize("package", _files("model"))
def test_model_imports_without_widgets_ipython_or_matplotlib(package):
    done = _import_blocked(f"smeai.modules.{package}.model")
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-2000:]


@pytest.mark.parametrize("package", _files("exercises"))
def test_exercises_import_without_widgets_ipython_or_matplotlib(package):
    done = _import_blocked(f"smeai.modules.{package}.exercises")
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-2000:]


def test_the_import_check_would_catch_a_model_that_draws():
    # control: the blocking is real; a module that imports matplotlib fails under it
    done = _import_blocked("smeai.plotting")
    assert done.returncode != 0 and ("ImportError" in done.stderr or "ModuleNotFoundError" in done.stderr)


def _imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            found.append("." * node.level + (node.module or ""))
            found += ["." * node.level + (node.module + "." if node.module else "") + a.name for a in node.names]
        elif isinstance(node, ast.Import):
            found += [a.name for a in node.names]
    return found


@pytest.mark.parametrize("package", PACKAGES)
def test_package_init_is_a_docstring_only_and_files_declare_their_public_face(package):
    tree = ast.parse((MODULES_DIR / package / "__init__.py").read_text(encoding="utf-8"))
    assert len(tree.body) == 1 and isinstance(tree.body[0], ast.Expr) and isinstance(tree.body[0].value, ast.Constant)
    for path in sorted((MODULES_DIR / package).glob("*.py")):
        if path.name != "__init__.py":
            assert "__all__" in path.read_text(encoding="utf-8"), path
    if (MODULES_DIR / package / "exercises.py").is_file():
        imported = _imports(MODULES_DIR / package / "exercises.py")
        assert not any(name.startswith((".widgets", ".figures")) or name in (".widgets", ".figures") for name in imported), imported
        assert not any(name.split(".")[0] in BLOCKED for name in imported), imported
