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


def _one_id_per_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    """A writer bug after the rows were checked, one id on every article of a batch: what
    only Pandera's uniqueness check sees (Arrow's writer checks types and nulls too)."""
    import pyarrow as pa

    from hospital_party_news import write

    real = write.build_tables

    def broken(documents):
        tables = real(documents)
        articles = tables["articles"]
        index = articles.schema.get_field_index("article_id")
        ids = articles["article_id"].to_pylist()
        return {**tables, "articles": articles.set_column(index, articles.schema.field(index), pa.array(ids[:1] * len(ids)))}

    monkeypatch.setattr(write, "build_tables", broken)


def _no_fork(method: str | None = None) -> object:
    raise ValueError(f"cannot find context for {method!r}")


@pytest.mark.parametrize(("where", "patch"), [
    ("in the side process", None),
    ("here, after the side process failed", ("preload", _fails)),
    ("here, batch by batch, without fork", ("get_context", _no_fork)),
])
def test_a_batch_that_fails_pandera_fails_the_build_wherever_it_is_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str, patch: tuple | None
) -> None:
    from hospital_party_news.validate import ValidationFailed

    (tmp_path / "raw").mkdir()
    for f in sorted((ROOT / "data" / "raw").glob("*.txt")):  # with the page of several articles
        shutil.copy(f, tmp_path / "raw" / f.name)
    _one_id_per_batch(monkeypatch)
    if patch is not None:
        name, replacement = patch
        monkeypatch.setattr(sidecar.multiprocessing if name == "get_context" else sidecar, name, replacement)
    with pytest.raises(ValidationFailed, match=r"articles\.article_id: unique"):
        _build(tmp_path, "broken")
    assert not (tmp_path / "broken").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["raw"], where  # no staging folder, no cache entry left
