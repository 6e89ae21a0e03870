"""The side process: the per-build work that needs heavy libraries, kept off the build's
critical path.

The figures need matplotlib (0.6 s to import, 0.3 s to draw); the batch validation needs
pandas and Pandera (0.55 s to import). A build forks this process first thing; it imports
them and writes the card's features (from the schema, without ``datasets``) while the
build process sets itself up (one core is idle then: the set-up is one process), checks
each batch's tables with Pandera as the build sends them, and draws the figures from the
counts it is sent at the end. A batch that fails is reported at once; the build process
stops there. Where a process cannot be forked (Windows), the build process validates each
batch itself; where the side process fails or dies, the build process validates the whole
staged dataset and draws the figures itself: the output is the same either way
(``tests/test_sidecar.py``).
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import signal
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pyarrow as pa

from .figures import preload as preload_figures
from .figures import write_figures
from .validate import ValidationFailed, validate_tables, warm_pandera

# How long the build waits for the side process's answer before drawing itself.
ANSWER_TIMEOUT_SECONDS = 120.0


def card_features() -> dict[str, list]:
    """The card's ``features`` per config, as ``datasets`` derives them from the schema
    (``schema.card_features``: the same YAML, written without importing ``datasets``)."""
    from .schema import CONFIGS
    from .schema import card_features as config_features

    return {c.name: config_features(c) for c in CONFIGS}


def preload() -> None:
    """What the side process imports ahead of its work: matplotlib, pandas and Pandera."""
    preload_figures()
    warm_pandera()


def check_batch(tables: dict[str, pa.Table], today: dt.date) -> str | None:
    """Pandera on one batch as the build checks it (its rows were checked one by one
    already): the failure report, or None."""
    try:
        validate_tables(tables, today, element_checks=False)
    except ValidationFailed as exc:
        return exc.report
    return None


def _serve(conn: Connection, builds_end: Connection) -> None:
    """In the side process: import and derive the features, validate each batch it is
    sent (a failing one is reported at once), then draw what is asked. A failure of its
    own is sent back as the answer, and the build process does the work itself."""
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
        while (request := conn.recv()) is not None:  # None: the build failed or needs nothing more
            kind, first, second = request
            if kind == "validate":
                if failure is None:
                    try:
                        report = check_batch(first, second)
                    except Exception as exc:  # not a failed check: this process's own failure
                        failure = repr(exc)
                    else:
                        if report is not None:  # the build stops: nothing more to do
                            conn.send(("invalid", report, None))
                            return
                continue
            if failure is None:  # "draw", the last request
                try:
                    conn.send(("ok", features, write_figures(first, Path(second))))
                    return
                except Exception as exc:
                    failure = repr(exc)
            conn.send(("failed", failure, None))
            return
    except (EOFError, OSError):  # the build process is gone
        return
    finally:
        conn.close()


@dataclass
class Answer:
    features: dict[str, list]  # the card's features per config
    figures: list[str]  # figure files written
    validated: bool  # every batch sent was validated (False: the build must do it itself)


@dataclass
class Sidecar:
    """The build process's end of the side process (None: no side process)."""

    process: Any = None
    conn: Connection | None = None
    fallbacks: list[str] = field(default_factory=list)  # why the build did the work itself
    request: tuple[pa.Table | None, Path] = (None, Path())

    def _send(self, message: tuple) -> None:
        if self.conn is not None:
            try:
                self.conn.send(message)
            except (OSError, EOFError) as exc:
                self.fallbacks.append(f"side process gone: {exc!r}")
                self.conn = None

    def validate(self, tables: dict[str, pa.Table], today: dt.date) -> None:
        """Have one batch's tables validated; without a side process, here and now
        (``ValidationFailed`` when they fail). A failure found there is raised by
        ``check`` or ``answer``."""
        if self.conn is None:
            report = check_batch(tables, today)
            if report is not None:
                raise ValidationFailed(report)
            return
        self._send(("validate", tables, today))

    def check(self) -> None:
        """Raise ``ValidationFailed`` if the side process has reported a failed batch."""
        try:
            while self.conn is not None and self.conn.poll(0):
                self._take(self.conn.recv())
        except (OSError, EOFError) as exc:
            self.fallbacks.append(f"side process gone: {exc!r}")
            self.conn = None

    @staticmethod
    def _take(message: tuple) -> tuple:
        if message[0] == "invalid":
            raise ValidationFailed(message[1])
        return message

    def ask(self, articles: pa.Table | None, folder: Path) -> None:
        """Ask for the figures of ``articles`` in ``folder``; the build goes on meanwhile."""
        self.request = (articles, folder)
        self._send(("draw", articles, str(folder)))

    def answer(self) -> Answer:
        """The features, the figures and whether every batch was validated: the side
        process's work, or the features and figures made here."""
        if self.conn is not None:
            try:
                while True:
                    if not self.conn.poll(ANSWER_TIMEOUT_SECONDS):
                        self.fallbacks.append("side process did not answer")
                        break
                    status, features, figures = self._take(self.conn.recv())
                    if status == "ok":
                        return Answer(features, figures, validated=True)
                    self.fallbacks.append(f"side process failed: {features}")
                    break
            except (OSError, EOFError) as exc:
                self.fallbacks.append(f"side process gone: {exc!r}")
        articles, folder = self.request
        return Answer(card_features(), write_figures(articles, folder), validated=self.process is None)


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
