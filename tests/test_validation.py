"""Pandera runs on a fresh build; broken tables are refused with a readable report and
a failed build leaves the previous dataset untouched."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import RAW

import hospital_party_news.pipeline as pipeline
import hospital_party_news.write as write
from hospital_party_news.validate import ValidationFailed, validate_tables
from hospital_party_news.write import parquet_path

CONFIGS = ("articles", "sections", "documents")


def _tables(folder: Path) -> dict[str, pa.Table]:
    return {c: pq.read_table(folder / parquet_path(c)) for c in CONFIGS}


def _replace(table: pa.Table, column: str, values: list) -> pa.Table:
    index = table.schema.get_field_index(column)
    return table.set_column(index, table.schema.field(index), pa.array(values, table.schema.field(index).type))


def test_fresh_build_passes_pandera(built: Path) -> None:
    validate_tables(_tables(built))


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda t: {**t, "articles": _replace(t["articles"], "article_id", [t["articles"]["article_id"][0].as_py()] * t["articles"].num_rows)}, "articles.article_id: unique"),
        (lambda t: {**t, "articles": _replace(t["articles"], "text", ["黨建引領", *t["articles"]["text"].to_pylist()[1:]])}, "articles.text: pinyin annotation, U+FFFD, URL or traditional character left"),
        (lambda t: {**t, "articles": _replace(t["articles"], "text", ["党建(lǐng)", *t["articles"]["text"].to_pylist()[1:]])}, "traditional character left failed for '党建(lǐng)'"),
        (lambda t: {**t, "sections": _replace(t["sections"], "article_id", ["nope"] * t["sections"].num_rows)}, "sections.article_id not in articles"),
        (lambda t: {**t, "sections": _replace(t["sections"], "text", ["改过的文字。"] * t["sections"].num_rows)}, "sections joined with headings do not give `text`"),
        (lambda t: {**t, "articles": _replace(t["articles"], "article_index", [5] * t["articles"].num_rows)}, "article_index is not 0.."),
        (lambda t: {**t, "articles": _replace(t["articles"], "title", [""] * t["articles"].num_rows)}, "articles.title: non_empty"),
    ],
)
def test_broken_tables_are_refused(built: Path, mutate, expected: str) -> None:
    with pytest.raises(ValidationFailed) as info:
        validate_tables(mutate(_tables(built)))
    assert expected in info.value.report


def test_failed_validation_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "ds"
    pipeline.build(RAW, out, log=lambda _: None)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}

    real = write.build_tables

    def broken(documents):
        tables = real(documents)
        return {**tables, "articles": _replace(tables["articles"], "script", ["klingon"] * tables["articles"].num_rows)}

    monkeypatch.setattr(write, "build_tables", broken)
    with pytest.raises(ValidationFailed, match=r"articles\.script"):
        pipeline.build(RAW, out, log=lambda _: None)
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ds"]  # no temporary debris
