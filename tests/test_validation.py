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
    validate_tables(_tables(built))  # every check, element checks included


def test_the_build_checks_each_element_rule_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Element rules run on each row in the validation step, and Pandera at build time
    checks only what rows cannot show (types, nulls, columns, uniqueness)."""
    import hospital_party_news.validate as validate
    from hospital_party_news.warm import warm_up

    warm_up()  # its sample page is validated too: before counting
    calls: dict[str, int] = {}
    real = validate.predicate

    def counted(name, today):
        rule = real(name, today)
        if rule is None:
            return None

        def check(value):
            calls[name] = calls.get(name, 0) + 1
            return rule(value)
        return check

    validate.pandera_model.cache_clear()
    monkeypatch.setattr(validate, "predicate", counted)
    result = pipeline.build(RAW, tmp_path / "ds", log=lambda _: None)
    validate.pandera_model.cache_clear()
    assert not result.rejected
    for check in ("nfc", "non_empty", "simplified"):
        once = sum(result.rows[c.name] * sum(check in col.checks for col in c.columns) for c in pipeline.CONFIGS)
        assert calls[check] == once > 0, check


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

    def broken(documents):  # a writer bug after the rows were checked: one id in every row
        tables = real(documents)
        ids = tables["articles"]["article_id"].to_pylist()
        return {**tables, "articles": _replace(tables["articles"], "article_id", ids[:1] * len(ids))}

    monkeypatch.setattr(write, "build_tables", broken)
    with pytest.raises(ValidationFailed, match=r"articles\.article_id: unique"):
        pipeline.build(RAW, out, log=lambda _: None)
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ds"]  # no temporary debris
