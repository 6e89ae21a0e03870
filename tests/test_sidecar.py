"""The card's side process (``sidecar.py``) only moves work: a build with it, a build whose
side process fails and a build whose side process dies write the same card and figures,
and the build says when it did the work itself."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from hospital_party_news import sidecar
from hospital_party_news.pipeline import build

ROOT = Path(__file__).resolve().parents[1]
CARD_FILES = ("README.md", "figures/articles_by_year.png", "figures/articles_by_province.png", "figures/activity_types.png")


def _build(tmp_path: Path, name: str) -> tuple[dict[str, bytes], list[str]]:
    raw = tmp_path / "raw"
    if not raw.exists():
        raw.mkdir()
        for f in sorted((ROOT / "data" / "raw").glob("*.txt"))[:2]:
            shutil.copy(f, raw / f.name)
    messages: list[str] = []
    out = tmp_path / name
    build(raw, out, log=messages.append, cache_dir=tmp_path / f"cache-{name}")
    return {f: (out / f).read_bytes() for f in CARD_FILES}, messages


def _fails() -> None:
    raise RuntimeError("no matplotlib today")


def _dies(conn: object) -> None:
    os._exit(3)


@pytest.mark.parametrize(("broken", "replacement", "said"), [
    ("preload", _fails, "side process failed"),
    ("_serve", _dies, "side process gone"),
])
def test_the_build_does_the_side_work_itself_when_the_side_process_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, broken: str, replacement: object, said: str
) -> None:
    expected, messages = _build(tmp_path, "with-side-process")
    assert not [m for m in messages if "side process" in m]
    monkeypatch.setattr(sidecar, broken, replacement)  # the forked process inherits the patch
    got, messages = _build(tmp_path, "without")
    assert got == expected
    assert any(said in m for m in messages), messages


def test_without_fork_the_build_process_does_the_work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected, _ = _build(tmp_path, "forked")

    def no_fork(method: str | None = None) -> object:
        raise ValueError(f"cannot find context for {method!r}")

    monkeypatch.setattr(sidecar.multiprocessing, "get_context", no_fork)
    got, messages = _build(tmp_path, "in-process")
    assert got == expected and not [m for m in messages if "side process" in m]
