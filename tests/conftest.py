"""Shared fixtures: one real build of the five source texts, loaded the ways users load it."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd
import pytest

from hospital_party_news.pipeline import build

# Builds keep their cache and locks in the user cache folder: the tests get their own, and
# every subprocess they start inherits it.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="hpn-test-cache-")

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("build") / "hospital_party_news"
    build(RAW, out, log=lambda _: None)
    return out


@pytest.fixture(scope="session")
def loaded(built: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, pd.DataFrame]:
    """The three configs through ``datasets.load_dataset`` (fresh cache: datasets caches
    local folders by name and card YAML)."""
    from datasets import load_dataset

    cache = tmp_path_factory.mktemp("hf-cache")
    return {
        name: plain(load_dataset(str(built), name, split="train", cache_dir=str(cache)).to_pandas())
        for name in ("articles", "sections", "documents")
    }


def plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Python values with None for every missing one: pandas 2 gives None for a missing
    string and pandas 3 NaN, so the tests compare the same thing under both."""
    return frame.astype(object).where(frame.notna(), None)


@pytest.fixture(scope="session")
def articles(loaded: dict[str, pd.DataFrame]) -> pd.DataFrame:
    return loaded["articles"].set_index("article_id", drop=False)


def article(articles: pd.DataFrame, doc: str, index: int = 0) -> pd.Series:
    rows = articles[(articles.document_id.str.startswith(doc)) & (articles.article_index == index)]
    assert len(rows) == 1, f"{doc}#{index}: {len(rows)} rows"
    return rows.iloc[0]


def uncovered(raw: str, pieces: list[dict]) -> list[str]:
    """Non-space characters of non-blank raw lines that no ``line_roles`` piece covers,
    as one string per line that has any."""
    covered = [False] * len(raw)
    for p in pieces:
        covered[p["start"] : p["end"]] = [True] * (p["end"] - p["start"])
    missing, pos = [], 0
    for line in raw.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        lost = "".join(ch for ch, c in zip(body, covered[pos : pos + len(body)], strict=True) if not c and not ch.isspace())
        if lost:
            missing.append(lost)
        pos += len(line)
    return missing
