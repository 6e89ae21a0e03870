"""A build killed with SIGKILL at any moment leaves the previous dataset intact and
loadable, and nothing that trips the next build."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import psutil
import pytest
from conftest import RAW, ROOT

from hospital_party_news.pipeline import build
from hospital_party_news.verify import verify

COPIES = 15  # 75 files: the build runs for a few seconds
# A killed build's workers and side process see their pipes close and end on their own.
ORPHAN_GRACE_SECONDS = 10


def _staging(parent: Path) -> list[Path]:
    return list(parent.glob(".ds.tmp-*"))


def _has(name: str) -> Callable[[Path], bool]:
    return lambda parent: any((tmp / name).exists() for tmp in _staging(parent))


KILL_POINTS: dict[str, Callable[[Path], bool]] = {
    "starting up": lambda parent: False,  # killed by the timer below
    "staging folder created": lambda parent: bool(_staging(parent)),
    "Parquet being written": _has("data/articles"),
    "card written": _has("README.md"),
    "manifest written, before the swap": _has("manifest.json"),
}


# From the card to the swap the build writes two small files: a few milliseconds, which the
# kill may miss; the test then checks that the dataset in place is the new one, complete.
NARROW_WINDOWS = ("card written", "manifest written, before the swap")


@pytest.fixture(scope="module")
def big_input(tmp_path_factory: pytest.TempPathFactory) -> Path:
    raw = tmp_path_factory.mktemp("kill") / "raw"
    raw.mkdir()
    for i in range(COPIES):
        for src in sorted(RAW.glob("*.txt")):
            shutil.copy(src, raw / f"{i:03d}_{src.name}")
    return raw


def _load_rows(folder: Path, cache: Path) -> int:
    from datasets import load_dataset

    return load_dataset(str(folder), "articles", split="train", cache_dir=str(cache)).num_rows


@pytest.mark.slow
@pytest.mark.parametrize("point", list(KILL_POINTS))
def test_sigkill_leaves_the_previous_dataset(big_input: Path, tmp_path: Path, point: str) -> None:
    out = tmp_path / "ds"
    build(RAW, out, log=lambda _: None)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}

    proc = subprocess.Popen([sys.executable, str(ROOT / "build_dataset.py"), "--input", str(big_input), "--output", str(out)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    reached, deadline = False, time.monotonic() + 240
    while proc.poll() is None and time.monotonic() < deadline:
        if KILL_POINTS[point](tmp_path) or (point == "starting up" and time.monotonic() > deadline - 239):
            reached = True
            break
        time.sleep(0.002)
    try:
        children = psutil.Process(proc.pid).children(recursive=True)  # workers and the card's side process
    except psutil.NoSuchProcess:  # the build has just ended by itself
        children = []
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    _, alive = psutil.wait_procs(children, timeout=ORPHAN_GRACE_SECONDS)
    assert alive == [], f"processes left running after the build was killed: {alive}"
    if point not in NARROW_WINDOWS:
        assert reached and proc.returncode == -signal.SIGKILL, f"the build ended before {point}"

    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert verify(out) == []
    if after[Path("manifest.json")] == before[Path("manifest.json")]:
        assert after == before and _load_rows(out, tmp_path / "cache") == 11
    else:  # killed after the atomic swap: the new dataset, complete
        assert point in NARROW_WINDOWS and _load_rows(out, tmp_path / "cache") == 11 * COPIES

    build(RAW, out, log=lambda _: None)  # the next build is not tripped by what was left
    assert not list(tmp_path.glob(".ds.tmp-*")) + list(tmp_path.glob(".ds.old-*"))
    assert verify(out) == []
