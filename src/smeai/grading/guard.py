"""Inside the grading kernel: keep the checks honest when learner code redefines them.

Installed by :mod:`smeai.grading.kernel` when the grader starts the kernel, before any cell of
the notebook runs:

1. it imports the smeai modules the notebook's checks need (``SMEAI_GUARD_MODULES``, e.g.
   ``m01``) with the kernel's folder taken off ``sys.path`` (a learner's own ``smeai.py`` or
   ``numpy.py`` cannot stand in for the real ones), and takes a snapshot of what a check relies
   on: the builtins, the smeai modules in ``sys.modules``, their attributes, the code of their
   functions and the contents of their classes, the exercise registry, the import machinery, and
   the methods of IPython's shell and kernel that run a cell and report its errors;
2. before every cell (IPython's ``pre_run_cell`` event) it puts back whatever differs from the
   snapshot, so a redefinition made in one cell never reaches the next cell (the test cells
   included): ``smeai.exercises.grade = lambda *a, **k: True``, ``builtins.AssertionError = ...``,
   ``__builtins__ = {...}``, ``Exercise.evaluate = ...``, ``sys.modules["smeai.exercises"] = ...``;
3. after every cell (``post_run_cell``) it looks again: a change made *while* a cell ran (for
   example by an answer object whose ``__eq__`` patches the checker) is put back, and the cell
   gets an error, so a test cell that was tampered with scores 0.

What it found is shown as a display output of type ``application/vnd.smeai.guard+json``;
the grader moves those outputs into the notebook's metadata, so learners never see them.

What this cannot do: code that goes after the guard itself or IPython's event system runs in
the same process and can switch the guard off. The grader's static scan
(:mod:`smeai.grading.tamper`) flags such code for the trainer, and the operating-system box
(:mod:`smeai.grading.sandbox`) limits what any code can reach.
"""

from __future__ import annotations

import builtins
import importlib
import os
import sys
import types

MIME = "application/vnd.smeai.guard+json"
EXIT_MEMORY = 86  # the exit code of a kernel stopped because it is stuck at its memory limit
# names IPython and ipykernel set in builtins themselves, around each cell
_IPYTHON_BUILTINS = {"_", "__", "___", "exit", "quit", "get_ipython", "display", "__IPYTHON__",
                     "__IPYTHON__active", "input", "raw_input"}
_MACHINERY_MODULES = ("_frozen_importlib", "_frozen_importlib_external", "importlib", "importlib._bootstrap",
                      "importlib._bootstrap_external", "importlib.util")
_CELL_METHODS = ("run_cell", "run_cell_async", "_run_cell", "run_code", "run_ast_nodes", "showtraceback",
                 "_showtraceback", "showsyntaxerror", "get_exception_only", "do_execute", "send",
                 "_publish_execution_error", "transform_cell", "should_run_async", "trigger")


class TamperingDetected(AssertionError):
    """Raised after a cell that changed the checker while it ran; the cell scores 0."""

    def _render_traceback_(self) -> list[str]:
        return [f"{type(self).__name__}: {self}"]


class Guard:
    def __init__(self, shell=None):
        self.shell = shell
        self.found: list[str] = []
        self.snapshot()

    # -- taking the snapshot ----------------------------------------------------------------
    def snapshot(self) -> None:
        self.builtins = dict(builtins.__dict__)
        self.modules: dict[str, types.ModuleType] = {}
        self.module_dicts: dict[str, dict] = {}
        self.functions: dict[int, tuple] = {}
        self.classes: dict[int, tuple] = {}
        self.instances: dict[int, tuple] = {}
        self.machinery = {name: dict(vars(sys.modules[name])) for name in _MACHINERY_MODULES if name in sys.modules}
        self.meta_path, self.path_hooks = list(sys.meta_path), list(sys.path_hooks)
        for name, module in list(sys.modules.items()):
            if name == "smeai" or name.startswith("smeai."):
                self._take_module(name, module)
        self._take_registry()
        self.shell_parts = self._shell_parts()

    def _take_module(self, name: str, module) -> None:
        if not isinstance(module, types.ModuleType):
            return
        self.modules[name] = module
        # only what a check calls: functions, classes and modules (plain settings such as the
        # language may change while the notebook runs)
        self.module_dicts[name] = {k: v for k, v in vars(module).items() if _is_code(v)}
        for value in list(vars(module).values()):
            if isinstance(value, types.FunctionType) and (value.__module__ or "").startswith("smeai"):
                self._take_function(value)
            elif isinstance(value, type) and (value.__module__ or "").startswith("smeai"):
                self._take_class(value)

    def _take_function(self, fn) -> None:
        self.functions.setdefault(id(fn), (fn, fn.__code__, fn.__defaults__, fn.__kwdefaults__))

    def _take_class(self, cls, strict: bool = True) -> None:
        if id(cls) in self.classes:
            return
        self.classes[id(cls)] = (cls, dict(cls.__dict__), strict)
        for value in list(cls.__dict__.values()):
            for fn in (value, getattr(value, "__func__", None), getattr(value, "fget", None), getattr(value, "fset", None)):
                if isinstance(fn, types.FunctionType):
                    self._take_function(fn)

    def _take_registry(self) -> None:
        core = sys.modules.get("smeai.exercises.core")
        registry = getattr(core, "_REGISTRY", None) if core else None
        if isinstance(registry, dict):
            self.instances.setdefault(id(registry), (registry, dict(registry)))
            self.instances[id(registry)][1].update({k: v for k, v in registry.items() if k not in self.instances[id(registry)][1]})
            for exercise in registry.values():
                kept = {k: v for k, v in vars(exercise).items() if k in ("_check", "id")}
                self.instances.setdefault(id(exercise), (exercise, kept))
                check = kept.get("_check")
                if check is not None and hasattr(check, "__dict__"):
                    self.instances.setdefault(id(check), (check, dict(vars(check))))

    def _shell_parts(self) -> list:
        """IPython's shell, its kernel and their helpers: the objects that run a cell and report errors."""
        parts = []
        shell = self.shell
        if shell is not None:
            kernel = getattr(shell, "kernel", None)
            for obj in (shell, kernel, getattr(kernel, "session", None), getattr(shell, "displayhook", None),
                        getattr(shell, "display_pub", None), getattr(shell, "events", None)):
                if obj is None:
                    continue
                methods = {n: obj.__dict__[n] for n in _CELL_METHODS if n in getattr(obj, "__dict__", {})}
                parts.append((obj, methods))
                for cls in type(obj).__mro__:
                    if cls is not object:
                        self._take_class(cls, strict=False)
        return parts

    # -- putting things back ----------------------------------------------------------------
    def restore(self) -> list[str]:
        """Put back everything that differs from the snapshot; returns what was changed."""
        changed: list[str] = []
        current = builtins.__dict__
        for name, value in self.builtins.items():
            if name in _IPYTHON_BUILTINS:
                continue
            if current.get(name, _MISSING) is not value:
                current[name] = value
                changed.append(f"builtins.{name}")
        if self.shell is not None and self.shell.user_ns.get("__builtins__") not in (builtins, builtins.__dict__):
            self.shell.user_ns["__builtins__"] = builtins
            changed.append("__builtins__")
        for name, saved in self.machinery.items():
            module = sys.modules.get(name)
            if module is None:
                continue
            for key, value in saved.items():
                if vars(module).get(key, _MISSING) is not value:
                    setattr(module, key, value)
                    changed.append(f"{name}.{key}")
        if sys.meta_path != self.meta_path:
            sys.meta_path[:] = self.meta_path
            changed.append("sys.meta_path")
        if sys.path_hooks != self.path_hooks:
            sys.path_hooks[:] = self.path_hooks
            changed.append("sys.path_hooks")
        for name, module in self.modules.items():
            if sys.modules.get(name) is not module:
                sys.modules[name] = module
                changed.append(f"sys.modules[{name!r}]")
            namespace = vars(module)
            for key, value in self.module_dicts[name].items():
                if namespace.get(key, _MISSING) is not value:
                    namespace[key] = value
                    changed.append(f"{name}.{key}")
        for fn, code, defaults, kwdefaults in self.functions.values():
            if fn.__code__ is not code or fn.__defaults__ is not defaults or fn.__kwdefaults__ is not kwdefaults:
                fn.__code__, fn.__defaults__, fn.__kwdefaults__ = code, defaults, kwdefaults
                changed.append(f"{fn.__module__}.{fn.__qualname__}")
        for cls, saved, strict in self.classes.values():
            now = cls.__dict__
            if not strict:  # IPython's own classes: only the methods that run a cell
                saved = {k: v for k, v in saved.items() if k in _CELL_METHODS}
            for key in [k for k in now if k not in saved and (strict or k in _CELL_METHODS)]:
                try:
                    delattr(cls, key)
                    changed.append(f"{cls.__module__}.{cls.__qualname__}.{key}")
                except (AttributeError, TypeError):
                    pass
            for key, value in saved.items():
                if now.get(key, _MISSING) is not value:
                    try:
                        setattr(cls, key, value)
                        changed.append(f"{cls.__module__}.{cls.__qualname__}.{key}")
                    except (AttributeError, TypeError):
                        pass
        for obj, saved in self.instances.values():
            now = obj if isinstance(obj, dict) else getattr(obj, "__dict__", None)
            if now is None:
                continue
            for key, value in saved.items():
                if now.get(key, _MISSING) is not value:
                    now[key] = value
                    changed.append(f"{type(obj).__name__}[{key!r}]")
        for obj, methods in self.shell_parts:
            instance = obj.__dict__
            for name in _CELL_METHODS:
                if name in instance and instance[name] is not methods.get(name, _MISSING):
                    if name in methods:
                        instance[name] = methods[name]
                    else:
                        del instance[name]
                    changed.append(f"{type(obj).__name__}.{name}")
        return changed

    # -- IPython events ---------------------------------------------------------------------
    def before_cell(self, info=None) -> None:
        changed = self.restore()
        self._adopt_new_modules()
        if changed:
            self._report("before", changed)

    def after_cell(self, result=None) -> None:
        if isinstance(getattr(result, "error_in_exec", None), MemoryError) and _memory_used_up():
            # the cell keeps what filled the memory: every later cell would fail in odd ways
            os._exit(EXIT_MEMORY)
        changed = self.restore()
        self._adopt_new_modules()
        if changed:
            self._report("during", changed)
            # the cell that just ran changed the checker while it ran: its result cannot be trusted
            if self.shell is not None:
                try:
                    raise TamperingDetected(_message())
                except TamperingDetected:
                    self.shell.showtraceback()

    def _adopt_new_modules(self) -> None:
        """smeai modules first imported by a cell are added to the snapshot as they are."""
        for name, module in list(sys.modules.items()):
            if (name == "smeai" or name.startswith("smeai.")) and name not in self.modules:
                self._take_module(name, module)
        self._take_registry()

    def _report(self, when: str, changed: list[str]) -> None:
        self.found.extend(changed)
        try:
            from IPython.display import display

            display({MIME: {"when": when, "restored": changed[:50]}}, raw=True)
        except Exception:  # noqa: BLE001 - reporting must never break a cell
            pass


_MISSING = object()
_guard: Guard | None = None


def _memory_used_up(share: float = 0.8) -> bool:
    """True when the process uses most of its address-space limit (RLIMIT_AS)."""
    try:
        import resource
    except ImportError:
        return False

    limit = resource.getrlimit(resource.RLIMIT_AS)[0]
    if limit == resource.RLIM_INFINITY:
        return False
    try:
        with open("/proc/self/status") as fh:
            size = next(int(line.split()[1]) * 1024 for line in fh if line.startswith("VmSize:"))
    except (OSError, StopIteration, ValueError):
        return False
    return size > share * limit


def _message() -> str:
    try:
        from smeai.i18n import t

        return t("grading.tampering")
    except Exception:  # noqa: BLE001
        return "code changed the checks while this cell ran"


def _is_code(value) -> bool:
    return callable(value) or isinstance(value, (types.ModuleType, staticmethod, classmethod, property))


def _preimport(modules: list[str]) -> None:
    """Import the real smeai modules with the kernel's folder off sys.path."""
    here = {"", ".", os.getcwd(), os.path.realpath(os.getcwd())}
    saved = list(sys.path)
    sys.path[:] = [p for p in sys.path if p not in here]
    try:
        for name in ["smeai", "smeai.exercises", *(f"smeai.modules.{m}.exercises" for m in modules)]:
            try:
                importlib.import_module(name)
            except Exception:  # noqa: BLE001 - an unknown module is the check's problem, later
                pass
    finally:
        sys.path[:] = saved


def prepare() -> None:
    """Import the real smeai modules the notebook's checks need (``SMEAI_GUARD_MODULES``)."""
    _preimport([m for m in os.environ.get("SMEAI_GUARD_MODULES", "").split(",") if m])


def install(shell) -> Guard:
    """Take the snapshot and hook the guard into IPython's cell events (once per kernel)."""
    global _guard
    if _guard is None:
        _guard = Guard(shell)
        shell.events.register("pre_run_cell", _guard.before_cell)
        shell.events.register("post_run_cell", _guard.after_cell)
    return _guard


def load_ipython_extension(shell) -> None:
    """As an IPython extension (for kernels not started by :mod:`smeai.grading.kernel`)."""
    prepare()
    install(shell)
