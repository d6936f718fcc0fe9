"""A static look at the code a learner wrote, for constructs that change the checker.

Learners in this course fill in a value or finish a small function. Code that imports the
interpreter's machinery, rebinds attributes of imported modules, reaches for double-underscore
attributes, runs strings as code, runs shell commands, or gives an answer its own ``__eq__``
has no place in an answer, and is exactly what it takes to fool a check that runs in the same
process. :func:`scan` lists such constructs; the grader records them as ``suspicious_code``
events and the ``FlagForReview`` preprocessor asks the trainer to look at the submission
(nbgrader's "needs manual grading"). The score itself is not changed by the scan.

Only what the learner wrote counts: lines that are also in the released notebook are not
reported. IPython syntax (``%magic``, ``!shell``) is translated first, so it is seen too.
"""

from __future__ import annotations

import ast
import re

RISKY_MODULES = {
    "sys", "builtins", "importlib", "_frozen_importlib", "_frozen_importlib_external", "gc", "ctypes",
    "inspect", "os", "posix", "subprocess", "signal", "socket", "threading", "_thread", "multiprocessing",
    "resource", "shutil", "pickle", "marshal", "types", "code", "codeop", "IPython", "ipykernel",
    "nbgrader", "nbformat", "nbclient", "jupyter_client", "zmq", "pty", "fcntl", "mmap",
}
RISKY_SMEAI = re.compile(r"^smeai\.(exercises\.(core|checks|answers|feedback|m\d\d)|grading|i18n)(\.|$)")
RISKY_CALLS = {"exec", "eval", "compile", "__import__", "getattr", "setattr", "delattr", "globals",
               "locals", "vars", "breakpoint", "get_ipython"}
SAFE_DUNDERS = {"__name__", "__doc__", "__version__", "__init__"}
TRICK_METHODS = {"__eq__", "__ne__", "__bool__", "__float__", "__int__", "__index__", "__str__", "__repr__",
                 "__hash__", "__lt__", "__le__", "__gt__", "__ge__", "__getattr__", "__getattribute__",
                 "__class_getitem__", "__instancecheck__", "__subclasscheck__", "__del__", "__call__"}


def to_python(source: str) -> str:
    """IPython cell source as plain Python (``%magic`` and ``!cmd`` become function calls)."""
    try:
        from IPython.core.inputtransformer2 import TransformerManager

        return TransformerManager().transform_cell(source)
    except Exception:  # noqa: BLE001 - fall back to the raw source
        return source


def scan(source: str) -> list[tuple[int, str]]:
    """(line, what) for each risky construct in one cell's code."""
    try:
        tree = ast.parse(to_python(source))
    except SyntaxError:
        return []
    imported: set[str] = set()
    found: list[tuple[int, str]] = []

    def note(node, what):
        found.append((getattr(node, "lineno", 0), what))

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                imported.add((alias.asname or alias.name).split(".")[0])
                _check_module(alias.name, node, note)
        elif isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                imported.add(alias.asname or alias.name)
                _check_module(f"{node.module}.{alias.name}", node, note)
            _check_module(node.module, node, note)
    for node in ast.walk(tree):
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Delete)):
            targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [node.target]
            for target in targets:
                root = _root(target)
                if isinstance(target, (ast.Attribute, ast.Subscript)) and root in imported:
                    note(node, f"changes something inside the imported module {root!r}")
                if isinstance(target, ast.Name) and target.id == "__builtins__":
                    note(node, "replaces __builtins__")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in RISKY_CALLS:
            what = "runs a shell command or an IPython magic" if node.func.id == "get_ipython" else f"calls {node.func.id}()"
            note(node, what)
        elif isinstance(node, ast.Attribute) and node.attr.startswith("__") and node.attr.endswith("__") \
                and node.attr not in SAFE_DUNDERS:
            note(node, f"uses the special attribute .{node.attr}")
        elif isinstance(node, ast.Name) and node.id == "__builtins__" and isinstance(node.ctx, ast.Load):
            note(node, "uses __builtins__")
        elif isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and item.name in TRICK_METHODS:
                    note(item, f"gives an object its own {item.name}, which can fool a check")
    return sorted(set(found))


def _check_module(name: str, node, note) -> None:
    top = name.split(".")[0]
    if top in RISKY_MODULES:
        note(node, f"imports {name}")
    elif RISKY_SMEAI.match(name):
        note(node, f"imports {name}")


def _root(node):
    while isinstance(node, (ast.Attribute, ast.Subscript)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def learner_findings(cells: list[tuple[str, str, str]]) -> list[dict]:
    """Findings in the learner's own code.

    ``cells`` holds (cell name, submitted source, released source or "") for every code cell
    the learner could edit; a finding that the released source has too is not the learner's.
    """
    findings = []
    for name, source, released in cells:
        given = {what for _, what in scan(released)} if released else set()
        for line, what in scan(source):
            if what not in given:
                findings.append({"cell": name, "line": line, "what": what})
    return findings
