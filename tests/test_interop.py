"""The built folder reads with datasets, pandas, DuckDB and Polars, types intact:
dates as dates, lists as lists, structs as structs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pyarrow as pa

from hospital_party_news.schema import ARTICLES, CONFIGS


def test_datasets_features_match_the_schema(built: Path, tmp_path: Path) -> None:
    from datasets import Features, load_dataset

    for config in CONFIGS:
        ds = load_dataset(str(built), config.name, split="train", cache_dir=str(tmp_path))
        assert ds.features == Features.from_arrow_schema(config.arrow_schema()), config.name
    articles = load_dataset(str(built), "articles", split="train", cache_dir=str(tmp_path))
    dated = [d for d in articles["published_date"] if d is not None]
    assert dated and all(isinstance(d, dt.date) for d in dated)
    credits = articles.features["credits"]  # List(...) in datasets 4+, [ {...} ] in datasets 3
    assert (credits[0] if isinstance(credits, list) else credits.feature)["role"].dtype == "string"
    assert articles[0]["credits"] == [] or set(articles[0]["credits"][0]) == {"role", "name"}


def test_pandas_read_parquet(built: Path) -> None:
    frame = pd.read_parquet(built / "data/articles", dtype_backend="pyarrow")
    assert len(frame) == 11
    assert frame["published_date"].dtype == pd.ArrowDtype(pa.date32())
    assert frame["reporters"].dtype == pd.ArrowDtype(pa.list_(pa.string()))
    assert frame["places"].dtype == pd.ArrowDtype(ARTICLES.column("places").type)
    plain = pd.read_parquet(built / "data/articles/train-00000-of-00001.parquet")
    assert isinstance(plain.loc[plain.published_date.notna(), "published_date"].iloc[0], dt.date)


def test_duckdb_sql_over_the_files(built: Path) -> None:
    import duckdb

    con = duckdb.connect()
    glob = (built / "data/articles/*.parquet").as_posix()
    types = dict(con.execute(f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '{glob}')").fetchall())
    assert types["published_date"] == "DATE" and types["published_at"].startswith("TIMESTAMP")
    assert types["reporters"] == "VARCHAR[]" and types["year"] == "INTEGER"
    assert types["credits"] == "STRUCT(\"role\" VARCHAR, \"name\" VARCHAR)[]"
    n, with_date = con.execute(f"SELECT count(*), count(published_date) FROM '{glob}'").fetchone()
    assert n == 11 and with_date >= 2
    joined = con.execute(
        f"SELECT count(*) FROM '{glob}' a JOIN '{(built / 'data/sections/*.parquet').as_posix()}' s USING (article_id)"
    ).fetchone()[0]
    assert joined == con.execute(f"SELECT sum(n_sections) FROM '{glob}'").fetchone()[0]


def test_polars(built: Path) -> None:
    import polars as pl

    frame = pl.read_parquet(built / "data/articles/*.parquet")
    assert frame.height == 11
    assert frame.schema["published_date"] == pl.Date
    assert frame.schema["reporters"] == pl.List(pl.String)
    assert frame.schema["people"] == pl.List(pl.Struct({"name": pl.String, "role": pl.String}))
    exploded = frame.select("article_id", "places").explode("places").drop_nulls("places").unnest("places")
    assert {"name", "level", "province", "city", "code"} <= set(exploded.columns)
