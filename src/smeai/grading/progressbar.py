"""A plain-text progress bar on stderr (no dependency). On a terminal it redraws one line; in a
log (not a terminal) it writes one line per finished submission."""

from __future__ import annotations

import sys
import time


class Progress:
    def __init__(self, total: int, label: str = "grading", stream=None, enabled: bool = True):
        self.total, self.label, self.done, self.running = total, label, 0, 0
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.tty = enabled and hasattr(self.stream, "isatty") and self.stream.isatty()
        self.started = time.monotonic()

    def _elapsed(self) -> str:
        seconds = int(time.monotonic() - self.started)
        return f"{seconds // 60}:{seconds % 60:02d}"

    def draw(self) -> None:
        if not self.tty:
            return
        width = 30
        filled = int(width * self.done / self.total) if self.total else width
        bar = "#" * filled + "-" * (width - filled)
        self.stream.write(f"\r{self.label} [{bar}] {self.done}/{self.total} done, {self.running} running, {self._elapsed()} ")
        self.stream.flush()

    def started_one(self) -> None:
        self.running += 1
        self.draw()

    def finished_one(self, name: str, text: str) -> None:
        self.done += 1
        self.running = max(0, self.running - 1)
        if not self.enabled:
            return
        if self.tty:
            self.draw()
        else:
            self.stream.write(f"[{self.done:>{len(str(self.total))}}/{self.total}] {name}: {text} ({self._elapsed()})\n")
            self.stream.flush()

    def close(self) -> None:
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()
