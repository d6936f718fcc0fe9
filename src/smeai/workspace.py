"""The learner's own copy of the course: made on the first ``smeai lab``, kept up to date after.

The wheel carries the notebooks as ``smeai/_course/<lang>/`` (the repository keeps them in
``course/``; ``pyproject.toml`` copies them in). A learner never works in the package: they work
in a folder of their own, by default ``~/smeai-course``.

**Upgrades never destroy work.** ``.smeai-workspace.json`` in the workspace (the manifest) keeps,
for every notebook smeai put there, the SHA-256 of the version it put there. On every start:

* a notebook that is missing is copied in (a new module, or one the learner removed to get a
  fresh copy);
* a notebook that is still exactly as smeai left it is replaced by the newer version;
* a notebook the learner changed is never touched. If the package has a newer version of it,
  the learner is told which one, and how to get it (rename their copy, start again);
* a notebook that is not readable JSON (damaged) is kept under a new name, and a fresh copy is
  put in its place.

Every file is written to a temporary name first and then renamed, and the manifest last, so a
full disk or a crash midway leaves each file either old or new, never half-written.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
from dataclasses import dataclass, field
from datetime import datetime
from importlib import resources
from pathlib import Path

from . import __version__
from .i18n import t

LANGUAGES = ("nl", "en")
MANIFEST = ".smeai-workspace.json"
FORMAT = "smeai-workspace"
DEFAULT_NAME = "smeai-course"


class WorkspaceError(RuntimeError):
    """The workspace cannot be used; the message is one sentence for the learner."""


@dataclass
class Update:
    """What :func:`prepare` did, for the learner's start message."""

    folder: Path
    created: bool = False
    added: list[str] = field(default_factory=list)  # copied in: new, or removed by the learner
    updated: list[str] = field(default_factory=list)  # unchanged by the learner, so replaced
    newer: list[str] = field(default_factory=list)  # changed by the learner; a newer version exists
    damaged: list[tuple[str, str]] = field(default_factory=list)  # (notebook, where the damaged copy went)

    def messages(self, lang: str) -> list[str]:
        """One line each, in the learner's language."""
        lines = []
        if self.created:
            lines.append(t("cli.workspace.created", lang, folder=str(self.folder)))
        elif self.added or self.updated:
            lines.append(t("cli.workspace.updated", lang, count=len(self.added) + len(self.updated)))
        for name, kept in self.damaged:
            lines.append(t("cli.workspace.damaged", lang, name=name, kept=kept))
        if self.newer:
            lines.append(t("cli.workspace.newer", lang, names=", ".join(self.newer)))
        return lines


def shipped_course() -> Path:
    """The course the package carries: ``smeai/_course`` in a wheel, else ``course/`` of the
    clone this package runs from (an editable install, or ``PYTHONPATH=src``)."""
    packaged = resources.files("smeai") / "_course"
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    import smeai

    clone = Path(smeai.__file__).resolve().parents[2] / "course"
    if all((clone / lang).is_dir() for lang in LANGUAGES):
        return clone
    raise WorkspaceError(t("cli.workspace.no_course", places=f"{packaged}, {clone}"))


def default_folder() -> Path:
    return Path.home() / DEFAULT_NAME


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _readable(data: bytes) -> bool:
    try:
        return isinstance(json.loads(data.decode("utf-8")), dict)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return False


def _version(text: str) -> tuple[int, ...]:
    parts = []
    for piece in str(text).split("."):
        digits = "".join(c for c in piece if c.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


def _write(path: Path, data: bytes) -> None:
    """Write ``path`` as a whole: a temporary file first, then one rename."""
    tmp = path.with_name(f".{path.name}.smeai-tmp")
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        raise


def read_manifest(folder: Path) -> dict:
    """The manifest's ``files`` and ``version``; an unreadable one counts as absent (so every
    notebook that differs from the package is treated as the learner's own)."""
    try:
        document = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return {}
    if not isinstance(document, dict) or document.get("format") != FORMAT or not isinstance(document.get("files"), dict):
        return {}
    return document


def prepare(folder: str | os.PathLike | None = None, *, source: Path | None = None, lang: str | None = None) -> Update:
    """Make or update the learner's workspace in ``folder`` (default ``~/smeai-course``).

    Returns what it did (:class:`Update`), for the learner's start message.

    Raises :class:`WorkspaceError` (one sentence, in the learner's language) when the folder
    cannot be made or written, the disk is full, or it was made by a newer smeai. In each case no
    notebook of the learner is changed.
    """
    folder = Path(folder).expanduser() if folder is not None else default_folder()
    folder = folder.absolute()
    source = source or shipped_course()
    try:
        return _prepare(folder, source, lang)
    except OSError as error:  # no rights, a full disk, a folder that vanished: one sentence
        raise WorkspaceError(_os_message(error, folder, lang)) from None


def _prepare(folder: Path, source: Path, lang: str | None) -> Update:
    if folder.exists() and not folder.is_dir():
        raise WorkspaceError(t("cli.workspace.not_a_folder", lang, folder=str(folder)))
    if not folder.exists() and not folder.parent.is_dir():
        # only the folder the learner named is made, never a chain of folders above it
        raise WorkspaceError(t("cli.workspace.no_parent", lang, folder=str(folder.parent)))

    manifest = read_manifest(folder) if folder.is_dir() else {}
    made_by = str(manifest.get("version", "0"))
    if _version(made_by) > _version(__version__):
        raise WorkspaceError(t("cli.workspace.newer_version", lang, folder=str(folder), theirs=made_by, ours=__version__))
    known = {k: v for k, v in manifest.get("files", {}).items() if isinstance(v, str)}

    update = Update(folder, created=not (folder / MANIFEST).exists() and not any(folder.glob("*/*.ipynb")))
    folder.mkdir(exist_ok=True)
    files = dict(known)
    for lang_dir in LANGUAGES:
        (folder / lang_dir).mkdir(exist_ok=True)
        for shipped in sorted(p for p in (source / lang_dir).iterdir() if p.is_file() and not p.name.startswith(".")):
            name = f"{lang_dir}/{shipped.name}"
            target = folder / lang_dir / shipped.name
            files[name] = _place(name, target, shipped.read_bytes(), known.get(name), update)
    # the manifest last: a start that failed midway is simply done again next time
    _write(folder / MANIFEST, (json.dumps({"format": FORMAT, "version": __version__, "files": files}, indent=1, sort_keys=True) + "\n").encode())
    return update


def _place(name: str, target: Path, new: bytes, base: str | None, update: Update) -> str:
    """Put one shipped notebook in the workspace, or leave the learner's; returns the hash of the
    shipped version the workspace's copy is based on (for the next upgrade)."""
    new_hash = _sha256(new)
    try:
        current = target.read_bytes()
    except FileNotFoundError:
        _write(target, new)
        update.added.append(name)
        return new_hash
    current_hash = _sha256(current)
    if current_hash == new_hash:
        return new_hash
    if target.suffix == ".ipynb" and not _readable(current):
        # damaged (a half-saved file, a bad edit): keep it under a new name, give a fresh copy
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        kept = target.with_name(f"{target.stem}.damaged-{stamp}{target.suffix}")
        os.replace(target, kept)
        _write(target, new)
        update.damaged.append((name, kept.name))
        return new_hash
    if base == current_hash:
        _write(target, new)  # exactly as smeai left it: nothing of the learner's is lost
        update.updated.append(name)
        return new_hash
    if base != new_hash:
        update.newer.append(name)  # the learner's own version; a newer one is in the package
    return base or "unknown"  # no record of what it was based on: treat it as the learner's


def _os_message(error: OSError, folder: Path, lang: str | None) -> str:
    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return t("cli.workspace.disk_full", lang, folder=str(folder))
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return t("cli.workspace.not_writable", lang, folder=str(folder))
    return t("cli.workspace.failed", lang, folder=str(folder), error=error.strerror or str(error))
