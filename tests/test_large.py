"""Unreasonable inputs stay bounded (moderate sizes here; the full sizes — a 5 MB line,
100,000 tiny files, 10,000 articles — are in ``benchmarks/bench_limits.py``)."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest
from conftest import RAW

from hospital_party_news.pipeline import build

SENTENCES = [line for f in sorted(RAW.glob("00[0234]*.txt")) for line in f.read_text("utf-8").splitlines() if len(line) > 40 and line.endswith("。")]


def _rows(out: Path, config: str) -> int:
    return pq.ParquetFile(out / f"data/{config}/train-00000-of-00001.parquet").metadata.num_rows


@pytest.mark.slow
def test_one_long_line_many_articles_deep_folders_and_many_tiny_files(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    (raw / "line").mkdir(parents=True)
    line = "".join(SENTENCES) * 40
    (raw / "line" / "long.txt").write_text("医院党委开展主题党日活动\n\n" + line[: 1_000_000], "utf-8")
    page = "\n\n".join(f"## 第{i}期 医院党支部开展主题党日活动\n\n{SENTENCES[i % len(SENTENCES)]}" for i in range(2000))
    (raw / "page.txt").write_text(page, "utf-8")
    deep = raw.joinpath(*[f"d{i}" for i in range(100)])
    deep.mkdir(parents=True)
    (deep / "x.txt").write_text("医院党委开展主题党日活动\n\n" + SENTENCES[0], "utf-8")
    tiny = raw / "tiny"
    tiny.mkdir()
    for i in range(1500):
        (tiny / f"{i:05d}.txt").write_text(f"医院党支部开展第{i}次主题党日活动\n\n党员们来到社区为群众义诊{i}人次。", "utf-8")

    result = build(raw, tmp_path / "ds", log=lambda _: None, workers=2)
    # a million characters without a break are not a news article: rejected with the reason
    assert [(f, r.split(" of ")[0]) for f, r in result.rejected] == [("line/long.txt", "it yields an article")]
    docs = {d["document_id"]: d for d in pq.read_table(tmp_path / "ds/data/documents/train-00000-of-00001.parquet",
                                                          columns=["document_id", "n_articles"]).to_pylist()}
    assert docs["line__long"]["n_articles"] == 0
    assert docs["page"]["n_articles"] == 2000
    assert docs["__".join(f"d{i}" for i in range(100)) + "__x"]["n_articles"] == 1
    assert _rows(tmp_path / "ds", "articles") == 2000 + 1 + 1500
