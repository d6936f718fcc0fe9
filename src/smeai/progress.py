"""The learner's own log of what they did (progress events: checks, quizzes, scans, reflections, modules).

Events are JSON objects, one a line, under ``$SMEAI_HOME`` (default ``~/.smeai``):
``events/<writer>.jsonl``, one file per writing process (a notebook's kernel, the ``smeai``
command). Why this form, and not one file with a lock:

* **It needs no lock**, so it runs wherever Python runs. A lock needs ``fcntl`` (not on Windows,
  and without ``flock`` in Pyodide) or a lock-file library with its own failure modes (stale lock
  files after a crash, network drives); and Windows emulates ``O_APPEND`` with a seek and a write,
  so two processes appending to one file there could overwrite each other. With one file per
  process, no two processes ever write to the same file, so two notebooks at once lose nothing.
* **A crash tears at most one line.** Each event is one ``write`` of a whole line, then flushed
  and ``fsync``-ed. Reading skips a torn or corrupt line with one warning per file and keeps every
  other one; the next write of that process starts on a fresh line.
* **Readers merge every file**, in time order (each file keeps its own order). ``progress.jsonl``,
  the single file of smeai 0.1, is still read as the oldest file (never written again), so an
  upgrade loses nothing.
* Every event has an ``id``, so importing an export twice adds nothing twice.

Nothing here leaves the learner's machine. On Binder, where the disk is thrown away, the learner
exports to a file, downloads it, and imports it in a later session.
"""

from __future__ import annotations

import heapq
import json
import os
import threading
import uuid
import warnings
from datetime import datetime, timezone
from pathlib import Path

from .i18n import t

#: The single progress file of smeai 0.1: read, never written.
FILE_NAME = "progress.jsonl"
#: The folder with one events file per writing process.
EVENTS_DIR = "events"
EXPORT_FORMAT = "smeai-progress"
EXPORT_VERSION = 1

# One writer file per process: a forked child (or a new kernel) gets a name of its own. The lock
# only keeps two threads of one process from writing at the same moment (a Lock, unlike starting
# a thread, works in Pyodide too).
_writer: tuple[int, str] | None = None
_write_lock = threading.Lock()


class ProgressWarning(UserWarning):
    """Something in the progress files could not be read; the rest was kept."""


class ProgressImportError(ValueError):
    """An import file that is not a smeai progress export; the message is for the learner."""


class ProgressExportError(OSError):
    """The export could not be written where the learner asked; the message is for the learner."""


def home() -> Path:
    """The folder for the learner's files: ``$SMEAI_HOME``, else ``~/.smeai``."""
    return Path(os.environ.get("SMEAI_HOME") or Path.home() / ".smeai")


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def writer_name() -> str:
    """This process's events file name: when it started writing, its pid, and a random part.

    Sorting the names sorts the files by when their writer began, which is the tie-break when
    two events have the same time stamp.
    """
    global _writer
    pid = os.getpid()
    if _writer is None or _writer[0] != pid:
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%f")
        _writer = (pid, f"{stamp}-{pid}-{uuid.uuid4().hex[:8]}.jsonl")
    return _writer[1]


class ProgressStore:
    """Append and read the learner's events in one folder."""

    def __init__(self, folder: str | os.PathLike | None = None):
        self.folder = Path(folder) if folder is not None else home()
        self.legacy_path = self.folder / FILE_NAME
        self.events_dir = self.folder / EVENTS_DIR

    @property
    def path(self) -> Path:
        """The file this process writes to."""
        return self.events_dir / writer_name()

    def files(self) -> list[Path]:
        """Every events file, oldest writer first (the 0.1 single file before all others)."""
        found = [self.legacy_path] if self.legacy_path.is_file() else []
        try:
            names = sorted(n for n in os.listdir(self.events_dir) if n.endswith(".jsonl"))
        except (FileNotFoundError, NotADirectoryError):
            names = []
        return found + [self.events_dir / n for n in names]

    # -- writing ---------------------------------------------------------------------------
    def log_event(self, kind: str, **data) -> dict:
        """Append one event and return it. ``kind`` is e.g. ``check``, ``quiz``, ``selfscan``."""
        event = {"id": uuid.uuid4().hex, "ts": now(), "kind": kind, **data}
        self._append([event])
        return event

    def _append(self, events: list[dict]) -> None:
        if not events:
            return
        lines = [(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8") for e in events]
        with _write_lock:
            self.events_dir.mkdir(parents=True, exist_ok=True)
            path = self.path
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND | getattr(os, "O_BINARY", 0), 0o600)
            try:
                # Only this process writes here, so a last byte that is not a newline is our own
                # write torn by a full disk: the next event must not be glued onto it.
                end = os.lseek(fd, 0, os.SEEK_END)
                if end:
                    os.lseek(fd, end - 1, os.SEEK_SET)
                    if os.read(fd, 1) != b"\n":
                        lines[0] = b"\n" + lines[0]
                for line in lines:  # one write per event: a crash tears at most this line
                    _write_all(fd, line)
                os.fsync(fd)
            finally:
                os.close(fd)

    # -- reading ---------------------------------------------------------------------------
    def events(self, *, warn: bool = True) -> list[dict]:
        """Every readable event of every file, oldest first. Unreadable lines are skipped with
        one warning per file that has them."""
        per_file = []
        for path in self.files():
            try:
                raw = path.read_bytes()
            except FileNotFoundError:  # removed while we listed
                continue
            events, bad = _parse(raw)
            per_file.append(events)
            if bad and warn:
                warnings.warn(
                    t("progress.corrupt_lines", path=str(path), lines=_list_lines(bad), kept=len(events)),
                    ProgressWarning,
                    stacklevel=2,
                )
        # heapq.merge keeps each file's own order and interleaves the files by time stamp
        return list(heapq.merge(*per_file, key=lambda e: str(e.get("ts", ""))))

    # -- moving between machines -----------------------------------------------------------
    def export(self, path: str | os.PathLike) -> Path:
        """Write every readable event to one JSON file the learner can download."""
        path = Path(path)
        # Only into a folder that exists: never create folders the learner did not ask for.
        if path.is_dir():
            raise ProgressExportError(t("cli.progress.export_is_folder", path=str(path)))
        if not path.parent.is_dir():
            raise ProgressExportError(t("cli.progress.export_no_folder", folder=str(path.parent)))
        document = {"format": EXPORT_FORMAT, "version": EXPORT_VERSION, "exported": now(), "events": self.events()}
        tmp = path.with_name(path.name + ".tmp")
        try:
            tmp.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
            os.replace(tmp, path)  # never leave a half-written export behind
        except OSError as error:
            try:
                tmp.unlink(missing_ok=True)
            except OSError:
                pass
            raise ProgressExportError(t("cli.progress.export_failed", path=str(path), error=error.strerror or str(error))) from None
        return path

    def import_(self, path: str | os.PathLike) -> int:
        """Add the events of an export that are not here yet; returns how many were added."""
        path = Path(path)
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ProgressImportError(t("progress.import_missing", path=str(path))) from None
        except OSError as error:  # a folder (IsADirectoryError; PermissionError on Windows), no rights
            key = "cli.progress.import_is_folder" if path.is_dir() else "cli.progress.import_unreadable"
            raise ProgressImportError(t(key, path=str(path), error=error.strerror or str(error))) from None
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


def _parse(raw: bytes) -> tuple[list[dict], list[int]]:
    """The events in one file's bytes, and the numbers of the lines that are not events."""
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
    return events, bad


def _write_all(fd: int, data: bytes) -> None:
    while data:  # os.write may write less than asked (a full disk raises instead)
        data = data[os.write(fd, data):]


def _list_lines(numbers: list[int], most: int = 5) -> str:
    shown = ", ".join(map(str, numbers[:most]))
    return shown + (f" (+{len(numbers) - most})" if len(numbers) > most else "")


def store() -> ProgressStore:
    """The learner's store, at ``$SMEAI_HOME`` as it is set now."""
    return ProgressStore()


def log_event(kind: str, **data) -> dict | None:
    """Record an event in the learner's store. A full or read-only disk warns but never breaks a
    learner's cell: their answer is still checked."""
    try:
        return store().log_event(kind, **data)
    except OSError as error:
        warnings.warn(t("progress.write_failed", error=str(error)), ProgressWarning, stacklevel=2)
        return None
