"""Start JupyterLab on the course, the way a learner should see it: ``smeai lab``.

* **Where:** the learner's own workspace (``smeai.workspace``: ``~/smeai-course`` or ``--dir``),
  made from the packaged course on the first start and kept up to date without overwriting their
  work. A course author who runs ``smeai lab`` in a clone (a folder with ``course/nl`` and
  ``course/en``, or inside ``course/``) works on the repository's notebooks themselves.
* **What the learner sees:** a few lines in their language (the address, how to stop, where the
  server's log is), not JupyterLab's ~45 log lines. Those go to ``$SMEAI_HOME/lab.log``, or to
  the terminal with ``--verbose``.
* **How it listens:** on 127.0.0.1 only, on exactly the announced port (a free one is picked
  first when none is given; JupyterLab is told not to try others).
* **How it stops:** one Ctrl-C, a SIGTERM or a closed terminal (SIGHUP) all stop JupyterLab
  cleanly: it runs in its own process group, so smeai alone receives the signal and asks the
  server to shut down (it stops its kernels and removes its runtime files); after 30 s it is
  killed and smeai removes what it left.

The package's Jupyter configuration (``smeai/jupyter_config/``) comes first on
``JUPYTER_CONFIG_PATH``: no "Jupyter news" pop-up, and nbgrader's instructor tools hidden. The
learner's own ``~/.jupyter`` is read as usual but never changed. Binder uses the same
configuration: ``binder/postBuild`` calls :func:`install_jupyter_config`.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from importlib import resources
from pathlib import Path

LANGUAGES = ("nl", "en")
HOST = "127.0.0.1"
READY_TIMEOUT_S = 180
STOP_TIMEOUT_S = 30
# How to ask JupyterLab to stop: SIGTERM on POSIX; its /api/shutdown on Windows. The variable
# lets the tests run the Windows way on Linux.
_STOP_OVER_HTTP = os.name == "nt" or os.environ.get("SMEAI_LAB_STOP_OVER_HTTP") == "1"

#: The first notebook of the course (module 00), per language, relative to the course root.
WELCOME = {"nl": "nl/00-welkom.ipynb", "en": "en/00-welcome.ipynb"}


class LabError(RuntimeError):
    """JupyterLab cannot be started; the message is one line, meant for the learner."""


class _Stop(Exception):
    """A SIGTERM or SIGHUP arrived: stop as after Ctrl-C."""


def _message(key: str, lang: str | None = None, **params) -> str:
    from .i18n import t

    lang = lang if lang in LANGUAGES else os.environ.get("SMEAI_LANG", "nl")
    return t(f"lab.{key}", lang if lang in LANGUAGES else "nl", **params)


def _check_lang(lang: str) -> str:
    norm = str(lang).strip().lower()
    if norm not in LANGUAGES:
        raise LabError(_message("bad_lang", value=lang))
    return norm


def check_port(port, lang: str | None = None) -> int:
    """A TCP port a server can listen on (1-65535), or a one-line :class:`LabError`."""
    try:
        number = int(str(port).strip())
    except ValueError:
        number = 0
    if not 1 <= number <= 65535:
        raise LabError(_message("bad_port", lang, value=str(port)))
    return number


def free_port() -> int:
    """A port that is free on 127.0.0.1 now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def author_course(here: Path | None = None) -> Path | None:
    """The course folder of a clone, for authors: ``./course`` or the current folder itself when
    it holds ``nl/`` and ``en/`` with module 00. ``None`` elsewhere (a learner's case)."""
    here = Path.cwd() if here is None else Path(here)
    for candidate in (here / "course", here):
        if all((candidate / name).is_file() for name in WELCOME.values()):
            return candidate.resolve()
    return None


def jupyter_config_dir() -> Path:
    """The package's own Jupyter configuration folder (shipped as package data)."""
    path = resources.files("smeai") / "jupyter_config"
    # A normal (wheel or editable) install keeps package data as real files; JupyterLab needs a
    # real folder on JUPYTER_CONFIG_PATH, so a zipped install cannot be supported here.
    if not isinstance(path, Path) or not (path / "labconfig").is_dir():
        raise LabError(_message("no_config", path=path))
    return path


def config_path(lang: str = "nl", *, self_study: bool = True) -> list[Path]:
    """The package's Jupyter configuration folders for a learner, most specific first.

    - ``jupyter_config_<lang>``: JupyterLab's own menus in the course language, where a
      language pack exists (Dutch: ``jupyterlab-language-pack-nl-NL``);
    - ``jupyter_config_self_study``: no nbgrader learner tools (the "Validate" button, the
      assignment list), which answer an ungraded course notebook with nbgrader's English
      "Success!". A class on a hub leaves this folder out and keeps them;
    - ``jupyter_config``: what every learner gets (no instructor tools, no news pop-up, the save
      hook for reopened notebooks).
    """
    base = jupyter_config_dir()
    folders = [base.parent / f"jupyter_config_{_check_lang(lang)}"]
    if self_study:
        folders.append(base.parent / "jupyter_config_self_study")
    return [folder for folder in folders if folder.is_dir()] + [base]


def default_url(lang: str = "nl") -> str:
    """The path JupyterLab opens first: module 00 in the learner's language."""
    return "/lab/tree/" + WELCOME[_check_lang(lang)]


def build_command(
    lang: str = "nl",
    port: int | None = None,
    open_browser: bool = True,
    root: Path | None = None,
) -> tuple[list[str], dict]:
    """The command line and environment that start JupyterLab for a learner.

    Parameters
    ----------
    lang : {"nl", "en"}
        The course language: which module 00 opens, and ``SMEAI_LANG`` for the kernels.
    port : int, optional
        The port to listen on: exactly this one, or fail (:func:`run` always gives one).
    open_browser : bool
        Whether JupyterLab opens a browser tab.
    root : path
        The folder JupyterLab serves (the learner's workspace, or an author's ``course/``).

    Returns
    -------
    argv : list of str
    env : dict
        A copy of ``os.environ`` with ``SMEAI_LANG`` and ``JUPYTER_CONFIG_PATH`` set.
    """
    lang = _check_lang(lang)
    if root is None:
        root = author_course()
    if root is None or not Path(root).is_dir():
        raise LabError(_message("no_course", lang, places=str(root if root is not None else Path.cwd() / "course")))
    root = Path(root).resolve()
    config_dirs = config_path(lang)

    argv = [
        # jupyterlab itself, in this very Python: `jupyter lab` would look `jupyter-lab` up on PATH
        # and could start another installation's server (and kernels) than the one smeai is in
        sys.executable,
        "-m",
        "jupyterlab",
        f"--ServerApp.root_dir={root}",
        f"--LabApp.default_url={default_url(lang)}",
        f"--ServerApp.open_browser={bool(open_browser)}",
        f"--ServerApp.ip={HOST}",  # this computer only, never the network
        # One Ctrl-C stops the server, without the "Shut down (y/[n])?" question.
        "--ServerApp.answer_yes=True",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Jupyter refuses root unless told; in a container or CI the learner may well be root.
        argv.append("--ServerApp.allow_root=True")
    if port is not None:
        argv += [f"--ServerApp.port={check_port(port, lang)}", "--ServerApp.port_retries=0"]

    env = dict(os.environ)
    env["SMEAI_LANG"] = lang
    # this environment's scripts first, for anything the server starts by name (a venv that was
    # not activated: `smeai-env/bin/smeai lab`)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")]).rstrip(os.pathsep)
    paths = [str(folder) for folder in config_dirs]
    if env.get("JUPYTER_CONFIG_PATH"):
        paths.append(env["JUPYTER_CONFIG_PATH"])
    env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(paths)
    return argv, env


def _workspace_root(folder, lang: str, say) -> Path:
    """The folder to serve: an author's clone as it is, else the learner's (updated) workspace."""
    from . import workspace

    if folder is None:
        course = author_course()
        if course is not None:
            say(_message("author", lang, folder=str(course)))
            return course
    try:
        update = workspace.prepare(folder, lang=lang)
    except workspace.WorkspaceError as problem:
        raise LabError(str(problem)) from None
    for line in update.messages(lang):
        say(line)
    return update.folder


def run(
    lang: str = "nl",
    port: int | None = None,
    open_browser: bool = True,
    folder: str | os.PathLike | None = None,
    verbose: bool = False,
    say=None,
) -> int:
    """Run JupyterLab for a learner until Ctrl-C, SIGTERM or SIGHUP; returns an exit code."""
    say = say or _say
    lang = _check_lang(lang)
    port = check_port(port, lang) if port is not None else free_port()
    root = _workspace_root(folder, lang, say)
    argv, env = build_command(lang=lang, port=port, open_browser=open_browser, root=root)
    env["JUPYTER_TOKEN"] = token = secrets.token_urlsafe(24)  # in the environment, not in `ps`
    log_path = _log_path()
    url = f"http://{HOST}:{port}{default_url(lang)}?token={token}"

    log = None if verbose else _open_log(log_path, lang)
    try:
        process = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT if log else None, **_own_group())
    except OSError as error:
        raise LabError(_message("no_jupyter", lang, error=error)) from None
    finally:
        if log is not None:
            log.close()  # the child has its own copy

    previous = _catch_stop_signals()
    try:
        say(_message("starting", lang))
        if not _wait_ready(process, port):
            stop(process)
            code = process.returncode
            raise LabError(_message("port_in_use" if _port_taken(port) else "failed", lang, port=str(port), log=str(log_path), code=str(code)))
        say(_message("ready", lang, url=url))
        say(_message("how_to_stop", lang))
        if not verbose:
            say(_message("log", lang, log=str(log_path)))
        return process.wait()  # JupyterLab stopped by itself (File > Shut Down)
    except (KeyboardInterrupt, _Stop):
        stop(process, over_http=(port, token) if _STOP_OVER_HTTP else None)
        say(_message("stopped", lang))
        return 0
    finally:
        if process.poll() is None:  # an error above: never leave a server running on its own
            stop(process, over_http=(port, token) if _STOP_OVER_HTTP else None)
        _restore(previous)
        _remove_runtime_files(process.pid)


def _say(line: str) -> None:
    print(line, flush=True)  # at once, also when the output goes to a file or a process manager


def stop(process: subprocess.Popen, timeout: float = STOP_TIMEOUT_S, over_http: tuple[int, str] | None = None) -> None:
    """Ask JupyterLab to stop (it stops its kernels and removes its files); kill it if it hangs.

    ``over_http`` (port, token) asks through JupyterLab's own ``/api/shutdown``: the clean way on
    Windows, which has no SIGTERM to send (``terminate()`` there ends the server at once, and
    its kernels would run on).
    """
    if process.poll() is not None:
        return
    try:
        if over_http is None or not _shutdown_over_http(*over_http):
            if os.name == "nt":
                process.terminate()
            else:
                process.send_signal(signal.SIGTERM)  # jupyter_server stops its kernels, cleans up
        process.wait(timeout=timeout)
    except (subprocess.TimeoutExpired, KeyboardInterrupt, _Stop):
        process.kill()
        process.wait()


def _shutdown_over_http(port: int, token: str) -> bool:
    request = urllib.request.Request(f"http://{HOST}:{port}/api/shutdown", method="POST", data=b"", headers={"Authorization": f"token {token}"})
    try:
        with urllib.request.urlopen(request, timeout=10):
            return True
    except OSError:
        return False


def _own_group() -> dict:
    """Start JupyterLab in its own process group, so a Ctrl-C in the terminal reaches only smeai,
    which then stops JupyterLab once, in order."""
    if os.name == "nt":
        return {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}
    options = {"start_new_session": True}
    if sys.platform.startswith("linux"):
        options["preexec_fn"] = _stop_with_parent
    return options


def _stop_with_parent() -> None:
    """Linux: JupyterLab gets a SIGTERM if smeai itself is killed (SIGKILL cannot be caught), so
    it never runs on alone. Elsewhere a killed smeai leaves the server running, as JupyterLab does."""
    try:
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _catch_stop_signals() -> dict:
    def handler(signum, frame):
        raise _Stop(signum)

    previous = {}
    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            try:
                previous[number] = signal.signal(number, handler)
            except ValueError:  # not the main thread (e.g. a test calling run()): leave them
                pass
    return previous


def _restore(previous: dict) -> None:
    for number, handler in previous.items():
        signal.signal(number, handler)


def _wait_ready(process: subprocess.Popen, port: int) -> bool:
    """Wait until the server answers on its port; False if it stopped first."""
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}/api", timeout=2) as answer:
                if answer.status == 200:
                    return True
        except OSError:
            pass
        time.sleep(0.2)
    return False


def _port_taken(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((HOST, port))
        except OSError:
            return True
    return False


def _log_path() -> Path:
    from .progress import home

    return home() / "lab.log"


def _open_log(path: Path, lang: str):
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return open(path, "wb")
    except OSError as error:
        raise LabError(_message("no_log", lang, log=str(path), error=error.strerror or str(error))) from None


def _remove_runtime_files(pid: int) -> None:
    """The server's runtime files, if it could not remove them itself (it was killed)."""
    try:
        from jupyter_core.paths import jupyter_runtime_dir
    except ImportError:
        return
    runtime = Path(jupyter_runtime_dir())
    for name in (f"jpserver-{pid}.json", f"jpserver-{pid}-open.html"):
        try:
            (runtime / name).unlink(missing_ok=True)
        except OSError:
            pass


def _merge(base: dict, extra: dict) -> dict:
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            _merge(base[key], value)
        else:
            base[key] = value
    return base


def install_jupyter_config(target: str | os.PathLike, lang: str = "nl", *, self_study: bool = True) -> list[Path]:
    """Merge the package's Jupyter configuration into a Jupyter config folder (for Binder).

    ``target`` is for example ``$NB_PYTHON_PREFIX/etc/jupyter``. Each JSON file is merged key by
    key into the file of the same name there, so settings other packages wrote are kept. The
    folders of :func:`config_path` are merged from the most general to the most specific.
    Returns the files written.
    """
    target = Path(target)
    written = []
    for source in reversed(config_path(lang, self_study=self_study)):
        for path in sorted(source.rglob("*.json")):
            dest = target / path.relative_to(source)
            dest.parent.mkdir(parents=True, exist_ok=True)
            current = json.loads(dest.read_text(encoding="utf-8")) if dest.exists() else {}
            merged = _merge(current, json.loads(path.read_text(encoding="utf-8")))
            dest.write_text(json.dumps(merged, indent=2) + "\n", encoding="utf-8")
            if dest not in written:
                written.append(dest)
    return written
