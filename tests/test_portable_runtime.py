"""The learner's runtime runs wherever Python runs (issue 10): without ``fcntl`` (Windows), and
without threads, subprocesses or forks (Pyodide in JupyterLite).

Each case runs in a fresh Python process with tests/portable_guard.py loaded first: the
learner-facing test files, and every ``smeai`` import the course notebooks make.
"""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SRC = REPO / "src"

#: The tests of what a learner's kernel imports. Globs, so that a test file split or renamed by
#: a module's restructuring is still found; trainer tools (grading, nbgrader, lab, cli) are not here.
LEARNER_TESTS = (
    "test_progress*.py", "test_learner_state*.py", "test_session*.py", "test_exercises*.py",
    "test_quiz*.py", "test_selfscan*.py", "test_explore*.py", "test_record.py", "test_plan*.py",
    "test_opportunities*.py", "test_nextword*.py", "test_i18n*.py", "test_datasets*.py",
    "test_modules*.py", "modules/test_*.py", "test_ui*.py", "test_numbers*.py", "test_learner_messages*.py",
    "test_timing*.py", "test_solutions*.py", "test_reflection*.py", "test_profile*.py", "test_standing*.py", "test_backup*.py",
)


def learner_test_files() -> list[str]:
    files = sorted({p.relative_to(REPO).as_posix() for pattern in LEARNER_TESTS for p in (REPO / "tests").glob(pattern)})
    assert "tests/test_progress.py" in files and len(files) >= 10, files
    return files


def guarded(mode: str, args: list[str], timeout: int = 900) -> subprocess.CompletedProcess:
    env = {**os.environ, "SMEAI_GUARD": mode, "PYTHONPATH": os.pathsep.join([str(SRC), str(REPO)])}
    return subprocess.run([sys.executable, *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout)


def notebook_imports() -> list[str]:
    """Every ``from smeai… import …`` / ``import smeai…`` line of every course notebook."""
    lines = set()
    for path in sorted((REPO / "course").glob("*/*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] != "code":
                continue
            source = "".join(cell["source"])
            # IPython's own syntax (%magic, !shell) is not Python; such lines import nothing
            source = "\n".join("" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines())
            for node in ast.walk(ast.parse(source)):
                module = node.module if isinstance(node, ast.ImportFrom) else (node.names[0].name if isinstance(node, ast.Import) else None)
                if module and module.split(".")[0] == "smeai":
                    lines.add(ast.unparse(node))
    assert any("from smeai import start" in line for line in lines), lines
    return sorted(lines)


KERNEL = r"""
import sys, runpy
runpy.run_path("tests/portable_guard.py", run_name="portable_guard")  # the guard, before smeai
sys.modules["portable_guard"] = None
try:
    import fcntl
except ImportError:
    pass
else:
    raise SystemExit("the guard did not block fcntl")
import os, tempfile
os.environ["SMEAI_HOME"] = tempfile.mkdtemp()
for line in {imports!r}:
    exec(line)
from smeai import start, finish, progress
start("01", lang="en")
finish("01")
kinds = [e["kind"] for e in progress.store().events()]
assert kinds == ["module_start", "module_finish"], kinds
assert "fcntl" not in [m for m, v in sys.modules.items() if v is not None]
print("KERNEL OK", len({imports!r}))
"""


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["windows", "pyodide"])
def test_learner_tests_pass_without_fcntl_threads_or_subprocesses(mode):
    done = guarded(mode, ["-m", "pytest", "-p", "tests.portable_guard", "-q", "-x", "-p", "no:cacheprovider", *learner_test_files()])
    tail = done.stdout[-3000:] + done.stderr[-2000:]
    assert done.returncode == 0, tail
    assert f"smeai portable guard: mode={mode}, fcntl blocked" in done.stdout, tail
    assert "smeai tried 0 blocked call(s)" in done.stdout, tail
    assert re.search(r"\b\d{2,} passed\b", done.stdout), tail


@pytest.mark.parametrize("mode", ["windows", "pyodide"])
def test_every_smeai_import_of_the_notebooks_works_in_a_guarded_kernel(mode):
    done = guarded(mode, ["-c", KERNEL.format(imports=notebook_imports())], timeout=300)
    assert done.returncode == 0 and "KERNEL OK" in done.stdout, done.stdout[-2000:] + done.stderr[-3000:]


def test_the_guard_really_blocks():
    """The checks above can fail: smeai code that starts a thread is caught."""
    code = (
        "import runpy, threading; g = runpy.run_path('tests/portable_guard.py');"
        "import smeai.progress as p; f = type(lambda: 0)(compile('threading.Thread(target=print).start()', p.__file__, 'exec'), {'threading': threading});"
        "\ntry:\n f()\nexcept RuntimeError as e:\n print('BLOCKED', e)\n"
    )
    done = guarded("pyodide", ["-c", code], timeout=120)
    assert "BLOCKED can't start new thread" in done.stdout, done.stdout + done.stderr
