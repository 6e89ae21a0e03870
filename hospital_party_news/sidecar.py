"""The card's side process: the per-build work that needs heavy libraries but no input
text, kept off the build's critical path.

The figures need matplotlib (0.6 s to import, 0.5 s to draw). A build forks this
process first thing; it imports matplotlib and writes the card's features (from the
schema, without ``datasets``) while the build process sets itself up (one core is idle
then: the set-up is one process), and draws the figures from the counts it is sent at
the end while the build process writes the dataset's other files. Where a process cannot be
forked (Windows) or the side process fails, the same functions run in the build process:
the output is the same either way (``tests/test_sidecar.py``).
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pyarrow as pa

from .figures import preload, write_figures

# How long the build waits for the side process's answer before drawing itself.
ANSWER_TIMEOUT_SECONDS = 120.0


def card_features() -> dict[str, list]:
    """The card's ``features`` per config, as ``datasets`` derives them from the schema
    (``schema.card_features``: the same YAML, written without importing ``datasets``)."""
    from .schema import CONFIGS
    from .schema import card_features as config_features

    return {c.name: config_features(c) for c in CONFIGS}


def _serve(conn: Connection, builds_end: Connection) -> None:
    """In the side process: import and derive the features, then draw what is asked; a
    failure is sent back as the answer, and the build process does the work itself."""
    # The fork copied the build process's end of the pipe too: closed here, so that the pipe
    # ends (and this process with it) when the build process dies, even by SIGKILL.
    builds_end.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the build process's to handle: it ends us
    try:
        try:
            preload()
            features, failure = card_features(), None
        except Exception as exc:
            features, failure = {}, repr(exc)
        request = conn.recv()
        if request is None:  # the build failed or needs nothing more
            return
        if failure is None:
            articles, folder = request
            try:
                conn.send(("ok", features, write_figures(articles, Path(folder))))
                return
            except Exception as exc:
                failure = repr(exc)
        conn.send(("failed", failure, None))
    except (EOFError, OSError):  # the build process is gone
        return
    finally:
        conn.close()


@dataclass
class Sidecar:
    """The build process's end of the side process (None: no side process)."""

    process: Any = None
    conn: Connection | None = None
    fallbacks: list[str] = field(default_factory=list)  # why the build did the work itself
    request: tuple[pa.Table | None, Path] = (None, Path())

    def ask(self, articles: pa.Table | None, folder: Path) -> None:
        """Ask for the figures of ``articles`` in ``folder``; the build goes on meanwhile."""
        self.request = (articles, folder)
        if self.conn is not None:
            try:
                self.conn.send((articles, str(folder)))
            except (OSError, EOFError) as exc:
                self.fallbacks.append(f"side process gone: {exc!r}")
                self.conn = None

    def answer(self) -> tuple[dict[str, list], list[str]]:
        """(features per config, figure files written): the side process's, or made here."""
        if self.conn is not None:
            try:
                if self.conn.poll(ANSWER_TIMEOUT_SECONDS):
                    status, features, figures = self.conn.recv()
                    if status == "ok":
                        return features, figures
                    self.fallbacks.append(f"side process failed: {features}")
                else:
                    self.fallbacks.append("side process did not answer")
            except (OSError, EOFError) as exc:
                self.fallbacks.append(f"side process gone: {exc!r}")
        articles, folder = self.request
        return card_features(), write_figures(articles, folder)


@contextmanager
def sidecar() -> Iterator[Sidecar]:
    """Start the side process (forked: it needs nothing but this module); it is ended
    whatever happens to the build."""
    try:
        context = multiprocessing.get_context("fork")
    except ValueError:  # no fork on this platform: the build does the work itself
        yield Sidecar()
        return
    ours, theirs = context.Pipe()
    process = context.Process(target=_serve, args=(theirs, ours), name="hospital-party-news-card", daemon=True)
    process.start()
    theirs.close()
    car = Sidecar(process, ours)
    try:
        yield car
    finally:
        with suppress(OSError, ValueError):
            ours.send(None)  # the side process has answered already, or waits for this
        ours.close()
        process.join(timeout=5)
        if process.is_alive():
            process.kill()
            process.join()
