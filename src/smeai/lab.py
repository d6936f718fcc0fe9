"""Start JupyterLab on the course, the way a learner should see it.

``smeai lab`` runs ``python -m jupyter lab`` with:

* the ``course/`` folder as the root, opening module 00 in the learner's language;
* ``SMEAI_LANG`` set, so every notebook speaks that language from the first cell;
* the package's own Jupyter configuration (``smeai/jupyter_config/``) first on
  ``JUPYTER_CONFIG_PATH``. It switches off the "Jupyter news" pop-up and hides nbgrader's
  instructor tools (formgrader, create assignment). The learner's own ``~/.jupyter`` settings are
  read as usual but never changed.

Binder uses the same configuration: ``binder/postBuild`` calls :func:`install_jupyter_config`.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from importlib import resources
from pathlib import Path

LANGUAGES = ("nl", "en")

#: The first notebook of the course (module 00), per language, relative to the course root.
WELCOME = {"nl": "nl/00-welkom.ipynb", "en": "en/00-welcome.ipynb"}

class LabError(RuntimeError):
    """JupyterLab cannot be started; the message is one line, meant for the learner."""


def _message(key: str, lang: str | None = None, **params) -> str:
    from .i18n import t

    lang = lang if lang in LANGUAGES else os.environ.get("SMEAI_LANG", "nl")
    return t(f"lab.{key}", lang if lang in LANGUAGES else "nl", **params)


def _check_lang(lang: str) -> str:
    norm = str(lang).strip().lower()
    if norm not in LANGUAGES:
        raise LabError(_message("bad_lang", value=lang))
    return norm


def course_root() -> Path:
    """The ``course/`` folder: ``./course`` if the current folder has one, else the repository's.

    The repository's folder is found from the package itself (an editable or source install:
    ``<repo>/src/smeai/__init__.py``).
    """
    import smeai

    here = Path.cwd() / "course"
    candidates = [here]
    try:
        repo = Path(smeai.__file__).resolve().parents[2]
        candidates.append(repo / "course")
    except IndexError:  # installed very near the file-system root; only ./course can work
        pass
    for candidate in candidates:
        if candidate.is_dir():
            return candidate.resolve()
    raise LabError(_message("no_course", places=", ".join(str(c) for c in candidates)))


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
        The port to listen on. When given, JupyterLab uses exactly this port (or fails); when
        not, it picks 8888 or the next free one.
    open_browser : bool
        Whether JupyterLab opens a browser tab.
    root : path, optional
        The course folder; :func:`course_root` by default.

    Returns
    -------
    argv : list of str
    env : dict
        A copy of ``os.environ`` with ``SMEAI_LANG`` and ``JUPYTER_CONFIG_PATH`` set.
    """
    lang = _check_lang(lang)
    root = Path(root).resolve() if root is not None else course_root()
    if not root.is_dir():
        raise LabError(_message("no_course", lang, places=str(root)))
    config_dirs = config_path(lang)

    argv = [
        sys.executable,
        "-m",
        "jupyter",
        "lab",
        f"--ServerApp.root_dir={root}",
        f"--LabApp.default_url={default_url(lang)}",
        f"--ServerApp.open_browser={bool(open_browser)}",
        # One Ctrl-C stops the server, without the "Shut down (y/[n])?" question.
        "--ServerApp.answer_yes=True",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Jupyter refuses root unless told; in a container or CI the learner may well be root.
        argv.append("--ServerApp.allow_root=True")
    if port is not None:
        argv += [f"--ServerApp.port={int(port)}", "--ServerApp.port_retries=0"]

    env = dict(os.environ)
    env["SMEAI_LANG"] = lang
    paths = [str(folder) for folder in config_dirs]
    if env.get("JUPYTER_CONFIG_PATH"):
        paths.append(env["JUPYTER_CONFIG_PATH"])
    env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(paths)
    return argv, env


def run(
    lang: str = "nl",
    port: int | None = None,
    open_browser: bool = True,
    root: Path | None = None,
) -> int:
    """Run JupyterLab until it stops; returns its exit code. Ctrl-C stops it cleanly."""
    argv, env = build_command(lang=lang, port=port, open_browser=open_browser, root=root)
    try:
        process = subprocess.Popen(argv, env=env)
    except OSError as error:
        raise LabError(_message("no_jupyter", lang, error=error)) from None
    try:
        return process.wait()
    except KeyboardInterrupt:
        # The terminal sent SIGINT to JupyterLab as well; give it time to stop its kernels.
        # (If the interrupt came only to us, pass it on.)
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=20)
        except (subprocess.TimeoutExpired, KeyboardInterrupt):
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        return 0


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
