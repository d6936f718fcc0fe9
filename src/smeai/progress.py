"""The learner's own record of what they did: checks, quizzes, scans, reflections, modules.

One JSON object a line in ``$SMEAI_HOME/progress.jsonl`` (default ``~/.smeai``). Why this form:

* appending one line is all a write does, so a crash can tear at most the line being written;
  reading skips a torn or corrupt line with a warning and keeps every other one;
* each append holds an exclusive ``flock`` and starts on a fresh line, so two notebooks (two
  kernels) writing at once lose nothing;
* every event has an ``id``, so importing an export twice adds nothing twice.

Nothing here leaves the learner's machine. On Binder, where the disk is thrown away, the learner
exports to a file, downloads it, and imports it in a later session.
"""

from __future__ import annotations

import fcntl
import json
import os
import uuid
import warnings
from datetime import datetime, timezone
from pathlib import Path

from .i18n import t

FILE_NAME = "progress.jsonl"
EXPORT_FORMAT = "smeai-progress"
EXPORT_VERSION = 1


class ProgressWarning(UserWarning):
    """Something in the progress file could not be read; the rest was kept."""


class ProgressImportError(ValueError):
    """An import file that is not a smeai progress export; the message is for the learner."""


def home() -> Path:
    """The folder for the learner's files: ``$SMEAI_HOME``, else ``~/.smeai``."""
    return Path(os.environ.get("SMEAI_HOME") or Path.home() / ".smeai")


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class ProgressStore:
    """Append and read events in one progress file."""

    def __init__(self, folder: str | os.PathLike | None = None):
        self.folder = Path(folder) if folder is not None else home()
        self.path = self.folder / FILE_NAME

    # -- writing ---------------------------------------------------------------------------
    def record(self, kind: str, **data) -> dict:
        """Append one event and return it. ``kind`` is e.g. ``check``, ``quiz``, ``selfscan``."""
        event = {"id": uuid.uuid4().hex, "ts": now(), "kind": kind, **data}
        self._append([event])
        return event

    def _append(self, events: list[dict]) -> None:
        if not events:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        payload = "".join(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n" for e in events)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            size = os.fstat(fd).st_size
            # A torn last line (a crash mid-write) must not swallow the next event.
            if size and os.pread(fd, 1, size - 1) != b"\n":
                payload = "\n" + payload
            os.write(fd, payload.encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)  # closing releases the lock

    # -- reading ---------------------------------------------------------------------------
    def events(self, *, warn: bool = True) -> list[dict]:
        """Every readable event, oldest first. Unreadable lines are skipped with one warning."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return []
        events, bad = [], []
        for number, line in enumerate(raw.split(b"\n"), start=1):
            if not line.strip():
                continue
            try:
                event = json.loads(line.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError):
                bad.append(number)
                continue
            if isinstance(event, dict) and isinstance(event.get("kind"), str):
                events.append(event)
            else:
                bad.append(number)
        if bad and warn:
            warnings.warn(
                t("progress.corrupt_lines", path=str(self.path), lines=_list_lines(bad), kept=len(events)),
                ProgressWarning,
                stacklevel=2,
            )
        return events

    # -- moving between machines -----------------------------------------------------------
    def export(self, path: str | os.PathLike) -> Path:
        """Write every readable event to one JSON file the learner can download."""
        path = Path(path)
        document = {"format": EXPORT_FORMAT, "version": EXPORT_VERSION, "exported": now(), "events": self.events()}
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, path)  # never leave a half-written export behind
        return path

    def import_(self, path: str | os.PathLike) -> int:
        """Add the events of an export that are not here yet; returns how many were added."""
        path = Path(path)
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ProgressImportError(t("progress.import_missing", path=str(path))) from None
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise ProgressImportError(t("progress.import_not_json", path=str(path))) from None
        if not isinstance(document, dict) or document.get("format") != EXPORT_FORMAT:
            raise ProgressImportError(t("progress.import_wrong_format", path=str(path)))
        known = {e.get("id") for e in self.events(warn=False)}
        new = [
            e
            for e in document.get("events", [])
            if isinstance(e, dict) and isinstance(e.get("kind"), str) and e.get("id") and e["id"] not in known
        ]
        self._append(new)
        return len(new)


def _list_lines(numbers: list[int], most: int = 5) -> str:
    shown = ", ".join(map(str, numbers[:most]))
    return shown + (f" (+{len(numbers) - most})" if len(numbers) > most else "")


def store() -> ProgressStore:
    """The learner's store, at ``$SMEAI_HOME`` as it is set now."""
    return ProgressStore()


def record(kind: str, **data) -> dict | None:
    """Record an event in the learner's store. A full or read-only disk warns but never breaks a
    learner's cell: their answer is still checked."""
    try:
        return store().record(kind, **data)
    except OSError as error:
        warnings.warn(t("progress.write_failed", error=str(error)), ProgressWarning, stacklevel=2)
        return None
