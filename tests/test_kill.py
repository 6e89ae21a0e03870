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

import pytest
from conftest import RAW, ROOT

from hospital_party_news.pipeline import build
from hospital_party_news.verify import verify

COPIES = 15  # 75 files: the build runs for a few seconds


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
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    if point != "manifest written, before the swap":  # that window is microseconds wide: may be missed
        assert reached and proc.returncode == -signal.SIGKILL, f"the build ended before {point}"

    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert verify(out) == []
    if after[Path("manifest.json")] == before[Path("manifest.json")]:
        assert after == before and _load_rows(out, tmp_path / "cache") == 11
    else:  # killed after the atomic swap: the new dataset, complete
        assert point == "manifest written, before the swap" and _load_rows(out, tmp_path / "cache") == 11 * COPIES

    build(RAW, out, log=lambda _: None)  # the next build is not tripped by what was left
    assert not list(tmp_path.glob(".ds.tmp-*")) + list(tmp_path.glob(".ds.old-*"))
    assert verify(out) == []
