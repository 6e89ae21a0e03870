"""Engines: where batches run. Every engine yields results in batch order, so the output
bytes do not depend on which one ran or on how many workers it had.

- ``local`` with ``workers=1``: in this process.
- ``local`` with ``workers>1``: a pool of processes on this machine (the default uses
  every core).
- ``dask``: a Dask distributed cluster; ``scheduler`` is its address
  (``tcp://host:8786``), or None for a local cluster of ``workers`` processes. Dask rather
  than Ray: it installs from PyPI as pure Python, runs on a plain scheduler + workers
  that any HPC or cloud set-up offers, and its futures keep our ordering simple.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

ENGINES = ("local", "dask")


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def die_with_parent() -> None:
    """Set up a worker: Linux kills it when the build process dies (SIGKILL included), so
    that no orphan keeps working or keeps the output folder's lock; Ctrl-C, which the
    terminal sends to every process of the group, is left to the build process (which
    stops the pool), so workers print no tracebacks; SIGTERM (how the pool stops them)
    ends them at once, whatever handler the build process installed before the fork."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # not Linux: orphans finish their batch and exit


def _call(job: tuple[Callable[..., R], tuple]) -> R:
    fn, args = job
    return fn(*args)


def run_ordered(fn: Callable[..., R], jobs: Iterable[tuple], workers: int = 1, engine: str = "local",
                scheduler: str | None = None) -> Iterator[R]:
    """``fn(*args)`` for each job, in job order, at most ``2 × workers`` jobs ahead of the
    consumer (a bounded queue: memory does not grow with the input)."""
    if engine == "dask":
        yield from _dask(fn, jobs, workers, scheduler)
    elif workers <= 1:
        for args in jobs:
            yield fn(*args)
    else:
        context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
        pool = context.Pool(workers, initializer=die_with_parent)
        try:
            yield from _windowed(lambda args: pool.apply_async(_call, ((fn, args),)), jobs, 2 * workers, lambda f: f.get())
        finally:
            _stop(pool)


POOL_STOP_SECONDS = 10  # how long stopping the pool may take before its workers are killed


def _stop(pool: Any) -> None:
    """Stop a process pool, in bounded time. ``Pool.terminate`` can block for good when it
    is interrupted at the wrong moment (it waits for a queue lock that an idle worker
    holds; seen once in a few hundred Ctrl-C tests), and a build must never hang on
    Ctrl-C: after ``POOL_STOP_SECONDS`` the workers are killed and the build goes on
    unwinding (the stuck thread is a daemon and does not keep the process alive)."""
    import threading

    stopper = threading.Thread(target=pool.terminate, name="pool-stop", daemon=True)
    stopper.start()
    stopper.join(POOL_STOP_SECONDS)
    if stopper.is_alive():
        for worker in getattr(pool, "_pool", []):  # the pool's own list of worker processes
            worker.kill()
        stopper.join(POOL_STOP_SECONDS)


def _windowed(submit: Callable[[tuple], Any], jobs: Iterable[tuple], window: int, result: Callable[[Any], R]) -> Iterator[R]:
    pending: deque = deque()
    for args in jobs:
        pending.append(submit(args))
        if len(pending) >= window:
            yield result(pending.popleft())
    while pending:
        yield result(pending.popleft())


def _dask(fn: Callable[..., R], jobs: Iterable[tuple], workers: int, scheduler: str | None) -> Iterator[R]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise RuntimeError("--engine dask needs dask[distributed]: pip install 'hospital_party_news[dask]'") from exc
    cluster = None if scheduler else LocalCluster(n_workers=max(workers, 1), threads_per_worker=1, processes=True,
                                                  dashboard_address=None)
    with Client(scheduler or cluster) as client:
        try:
            yield from _windowed(lambda args: client.submit(fn, *args, pure=False), jobs, 2 * max(workers, 1),
                                 lambda f: f.result())
        finally:
            if cluster is not None:
                cluster.close()
