"""Parallel, distributed and incremental builds give the same bytes as a plain one."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import RAW, ROOT

from hospital_party_news import batches
from hospital_party_news.batches import RawFile, Settings, make_batches
from hospital_party_news.cache import VALIDATED, BatchCache, claim
from hospital_party_news.pipeline import build, dependency_versions

COPIES = 8


def _bytes(folder: Path) -> dict[str, bytes]:
    out = {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
    manifest = json.loads(out.pop("manifest.json"))
    manifest.pop("built_at")
    return {**out, "manifest.json": json.dumps(manifest).encode()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    raw = tmp_path_factory.mktemp("scale") / "raw"
    for i in range(COPIES):
        for src in sorted(RAW.glob("*.txt")):
            dest = raw / f"part{i % 3}" / f"{i:02d}_{src.name}"
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(src, dest)
    (raw / "part0" / "empty.txt").write_bytes(b"")
    return raw


@pytest.fixture(scope="module")
def serial(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("serial") / "ds"
    result = build(corpus, out, log=lambda _: None, workers=1)
    assert result.batches > 1 and result.rows["articles"] == 11 * COPIES
    return _bytes(out)


def test_two_workers_give_the_same_bytes(corpus: Path, serial: dict[str, bytes], tmp_path: Path) -> None:
    build(corpus, tmp_path / "ds", log=lambda _: None, workers=2)
    assert _bytes(tmp_path / "ds") == serial


def test_a_local_dask_cluster_gives_the_same_bytes(corpus: Path, serial: dict[str, bytes], tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed", reason="the dask extra is part of the test extra; CI installs it")
    build(corpus, tmp_path / "ds", log=lambda _: None, workers=2, engine="dask")
    assert _bytes(tmp_path / "ds") == serial


def test_the_cache_reuses_unchanged_batches(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batches, "MEAN_BATCH", 6)  # more, smaller batches than the default
    raw = tmp_path / "raw"
    shutil.copytree(corpus, raw)
    cache = tmp_path / "cache"
    first = build(raw, tmp_path / "ds", log=lambda _: None, cache_dir=cache)
    build(raw, tmp_path / "fresh", log=lambda _: None)
    assert first.cached_batches == 0 and first.batches >= 4 and _bytes(tmp_path / "ds") == _bytes(tmp_path / "fresh")
    again = build(raw, tmp_path / "ds", log=lambda _: None, cache_dir=cache, workers=2)
    assert again.cached_batches == again.batches and _bytes(tmp_path / "ds") == _bytes(tmp_path / "fresh")

    shutil.copy(RAW / "003_a65279c85b322aac.txt", raw / "part1" / "zz_new.txt")
    (raw / "part2" / "02_001_786585a56a356a2d.txt").write_text("医院党委开展主题党日活动\n\n党员们重温入党誓词。", "utf-8")
    changed = build(raw, tmp_path / "ds", log=lambda _: None, cache_dir=cache)
    assert 1 <= changed.batches - changed.cached_batches <= 2 < changed.batches
    build(raw, tmp_path / "fresh", log=lambda _: None)  # no cache
    assert _bytes(tmp_path / "ds") == _bytes(tmp_path / "fresh")
    assert len([e for e in cache.iterdir() if e.is_dir()]) == changed.batches  # unused entries pruned


def test_a_damaged_cache_entry_is_processed_again(corpus: Path, serial: dict[str, bytes], tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    build(corpus, tmp_path / "ds", log=lambda _: None, cache_dir=cache)
    for entry in cache.iterdir():
        if entry.is_dir():
            (entry / "articles.arrow").write_bytes(b"not arrow")
    result = build(corpus, tmp_path / "ds", log=lambda _: None, cache_dir=cache)
    assert result.cached_batches == 0 and _bytes(tmp_path / "ds") == serial


def test_an_entry_is_used_only_once_the_build_that_made_it_finished(corpus: Path, serial: dict[str, bytes], tmp_path: Path) -> None:
    """Workers store a batch before Pandera has seen its tables; an entry without the mark
    of a finished build (one that failed, or was killed) is processed again."""
    cache = tmp_path / "cache"
    build(corpus, tmp_path / "ds", log=lambda _: None, cache_dir=cache)
    entries = [e for e in cache.iterdir() if e.is_dir()]
    assert entries and all((e / VALIDATED).is_file() for e in entries)
    (entries[0] / VALIDATED).unlink()
    result = build(corpus, tmp_path / "ds", log=lambda _: None, cache_dir=cache)
    assert result.cached_batches == result.batches - 1 and _bytes(tmp_path / "ds") == serial
    assert (entries[0] / VALIDATED).is_file()  # processed again, and marked by this build


def test_an_entry_is_reused_on_another_day_only_when_no_later_date_is_written(tmp_path: Path) -> None:
    (tmp_path / "raw").mkdir()
    path = tmp_path / "raw" / "a.txt"
    path.write_text("医院党委开展主题党日活动\n发布时间:2030-05-01\n\n党员们重温入党誓词。", "utf-8")
    files = next(make_batches([RawFile(str(path), "a.txt", "a")]))
    claim(tmp_path / "cache")
    cache = BatchCache(tmp_path / "cache", dependency_versions())

    def run(day: dt.date) -> bool:
        key, result = cache.run(files, Settings(str(tmp_path / "raw"), 10**6, day))
        cache.mark_validated({key})  # as a build that finished does
        return result.cached

    assert not run(dt.date(2026, 11, 22))
    assert run(dt.date(2026, 11, 22))  # same day
    assert not run(dt.date(2031, 1, 1))  # 2030-05-01 is no longer in the future
    assert run(dt.date(2032, 1, 1))  # both days after every written date


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "build_dataset.py"), *args], capture_output=True, text=True, timeout=300)


def test_quiet_verbose_and_no_progress_without_a_terminal(corpus: Path, tmp_path: Path) -> None:
    normal = _cli("--input", str(corpus), "--output", str(tmp_path / "a"), "--workers", "2")
    assert normal.returncode == 0 and "\r" not in normal.stderr  # stderr is a pipe: no progress line
    assert "rejected part0/empty.txt" in normal.stderr and "built " in normal.stderr
    quiet = _cli("--input", str(corpus), "--output", str(tmp_path / "b"), "--quiet")
    assert quiet.stderr.strip().splitlines() == ["rejected part0/empty.txt: it holds no text (empty or only whitespace)"]
    verbose = _cli("--input", str(corpus), "--output", str(tmp_path / "c"), "--verbose")
    assert f"/{5 * COPIES + 1} files" in verbose.stderr
    bad = _cli("--workers", "0")
    assert bad.returncode == 2 and "must be at least 1" in bad.stderr


def test_an_entry_gone_after_its_worker_checked_it_makes_the_build_start_again(
        corpus: Path, serial: dict[str, bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker hands a cached batch over by its entry's path; the build maps the files
    itself. An entry deleted in between (another build pruning the same cache) is not a
    crash: the build starts again without the cache and says so."""
    cache = tmp_path / "cache"
    build(corpus, tmp_path / "ds", log=lambda _: None, cache_dir=cache)
    handed_over = BatchCache.run

    def run_then_prune(self: BatchCache, *args: object, **kwargs: object) -> object:
        key, result = handed_over(self, *args, **kwargs)
        if result.entry:
            shutil.rmtree(result.entry)
        return key, result

    monkeypatch.setattr(BatchCache, "run", run_then_prune)
    said: list[str] = []
    result = build(corpus, tmp_path / "ds", log=said.append, cache_dir=cache)
    assert result.cached_batches == 0 and _bytes(tmp_path / "ds") == serial
    assert any("changed during the build" in line for line in said)
