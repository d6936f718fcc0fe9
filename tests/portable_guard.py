"""A pytest plugin that makes this process look like Windows or Pyodide to smeai's learner runtime.

Loaded with ``-p tests.portable_guard`` (see tests/test_portable_runtime.py), before any test
module imports smeai:

* always: ``fcntl`` cannot be imported (as on Windows; Pyodide's has no ``flock``), once IPython,
  which needs it on Linux only, is loaded;
* with ``SMEAI_GUARD=pyodide`` as well: starting a thread, a subprocess or a fork raises, as in
  Pyodide, but only when smeai's own code (or a library it called) asks. The test harness itself
  may still start a helper process, since a real Pyodide kernel would not run these tests at all.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

# IPython on Linux reaches fcntl through pexpect/ptyprocess (on Windows it uses its win32 module
# instead), so load it first; from then on "import fcntl" raises ImportError, as on Windows.
import IPython.utils.process  # noqa: E402,F401

sys.modules["fcntl"] = None

MODE = os.environ.get("SMEAI_GUARD", "windows")
_SMEAI = str(Path(__file__).resolve().parents[1] / "src" / "smeai")
blocked: list[str] = []  # what smeai tried, for the report at the end


def _called_from_smeai() -> bool:
    frame = sys._getframe(2)
    while frame is not None:
        filename = frame.f_code.co_filename
        if filename.startswith(_SMEAI):
            return True
        frame = frame.f_back
    return False


def _guard(owner, name: str, error: type[BaseException], message: str) -> None:
    original = getattr(owner, name)

    def guarded(*args, **kwargs):
        if _called_from_smeai():
            blocked.append(f"{owner.__name__}.{name}")
            raise error(message)
        return original(*args, **kwargs)

    setattr(owner, name, guarded)


if MODE == "pyodide":
    # Pyodide says sys.platform == "emscripten", where joblib's loky never counts physical cores
    # with a subprocess (scikit-learn asks it on every fit). This process says "linux", so tell
    # loky the count the way a user would, as Pyodide's single core would have it.
    os.environ.setdefault("LOKY_MAX_CPU_COUNT", "1")
    _guard(threading.Thread, "start", RuntimeError, "can't start new thread (pyodide)")
    _guard(subprocess.Popen, "__init__", OSError, "subprocesses are not supported (pyodide)")
    for _name in ("fork", "forkpty", "posix_spawn", "posix_spawnp", "spawnv", "system"):
        if hasattr(os, _name):
            _guard(os, _name, OSError, f"os.{_name} is not supported (pyodide)")


def pytest_terminal_summary(terminalreporter):
    active = "fcntl blocked" if sys.modules.get("fcntl", 0) is None else "fcntl NOT blocked"
    terminalreporter.write_line(f"smeai portable guard: mode={MODE}, {active}")
    terminalreporter.write_line(f"smeai portable guard: smeai tried {len(blocked)} blocked call(s): {sorted(set(blocked))}")
