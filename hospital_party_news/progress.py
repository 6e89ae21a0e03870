"""Progress on a terminal: files done, rate and time left, on one line that rewrites
itself; nothing when stderr is not a terminal (CI, logs) or with ``--quiet``."""

from __future__ import annotations

import sys
import time


class Progress:
    def __init__(self, enabled: bool, verbose: bool = False, every: float = 0.5) -> None:
        self.enabled, self.verbose, self.every = enabled, verbose, every
        self.start = self.last = time.monotonic()
        self.shown = False

    def update(self, done: int, total: int) -> None:
        now = time.monotonic()
        if self.verbose:
            self.log(f"{done}/{total} files after {now - self.start:.1f} s")
        elif self.enabled and (now - self.last >= self.every or done == total):
            rate = done / max(now - self.start, 1e-9)
            left = (total - done) / rate if rate else 0.0
            sys.stderr.write(f"\r{done}/{total} files  {rate:.0f} files/s  ETA {_clock(left)}  ")
            sys.stderr.flush()
            self.last, self.shown = now, True

    def log(self, message: str) -> None:
        """A line of its own (a rejected file, say), without breaking the progress line."""
        if self.shown:
            sys.stderr.write("\r\033[K")
            self.shown = False
        print(message, file=sys.stderr)

    def done(self) -> None:
        if self.shown:
            sys.stderr.write("\n")
            self.shown = False


def _clock(seconds: float) -> str:
    """
    >>> _clock(3725)
    '1:02:05'
    """
    s = int(seconds)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"
