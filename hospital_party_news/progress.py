"""Progress with ``tqdm``: a bar of files on a terminal, nothing when stderr is not one
(CI, logs) or with ``--quiet``; ``--verbose`` adds a line per batch. Log lines (a rejected
file, say) go through ``tqdm.write`` so that they never break the bar."""

from __future__ import annotations

import sys

from tqdm import tqdm


class Progress:
    def __init__(self, enabled: bool, verbose: bool = False) -> None:
        self.enabled, self.verbose = enabled, verbose
        self.bar: tqdm | None = None

    def update(self, done: int, total: int) -> None:
        if self.verbose:
            self.log(f"{done}/{total} files")
        if not self.enabled:
            return
        if self.bar is None:
            # updates come once per batch, so each may be drawn (mininterval 0)
            self.bar = tqdm(total=total, unit="file", file=sys.stderr, dynamic_ncols=True, leave=False, mininterval=0)
        self.bar.update(done - self.bar.n)

    def log(self, message: str) -> None:
        """A line of its own, above the bar."""
        if self.bar is not None:
            tqdm.write(message, file=sys.stderr)
        else:
            print(message, file=sys.stderr)

    def done(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None
