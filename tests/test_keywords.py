"""Keywords are cut by rjieba (compiled); the tokens must be jieba's own, token for token,
and the terms those of jieba's ``extract_tags``, on real text: every page of the
evaluation corpus and the five source texts, whole, and the built articles."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from jieba import analyse

from hospital_party_news.enrich.keywords import TOP_K, cut, keywords, tfidf_terms
from hospital_party_news.lexicon import jieba

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted((ROOT / "eval" / "corpus" / "raw").glob("*.txt")) + sorted((ROOT / "data" / "raw").glob("*.txt"))


def test_the_pages_are_there() -> None:
    assert len(PAGES) >= 280


@pytest.mark.parametrize("chunk", range(4))
def test_tokens_and_terms_are_jiebas_on_every_real_page(chunk: int) -> None:
    differ = []
    for path in PAGES[chunk::4]:
        text = path.read_text("utf-8", errors="replace")
        if cut(text) != list(jieba().cut(text)) or tfidf_terms(text, 2 * TOP_K) != analyse.extract_tags(text, 2 * TOP_K):
            differ.append(path.name)
    assert differ == []


@pytest.mark.parametrize(("text", "jiebas"), [
    ("2017-12-06", ["2017", "-", "12", "-", "06"]),  # rjieba alone: one token
    ("image.png", ["image", ".", "png"]),
    ("5100ml 3.5% 义诊", ["5100ml", " ", "3.5%", " ", "义诊"]),
    ("c# C++ AT&T 义诊", ["c#", " ", "C++", " ", "AT&T", " ", "义诊"]),  # dictionary words stay whole
])
def test_runs_that_are_not_han_are_split_as_jieba_splits_them(text: str, jiebas: list[str]) -> None:
    assert cut(text) == jiebas == list(jieba().cut(text))


def test_keywords_of_the_built_articles(articles: pd.DataFrame) -> None:
    for _, a in articles.iterrows():
        headline = "\n".join(x for x in (a["title"], a["subtitle"]) if isinstance(x, str) and x)
        text = f"{headline}\n{a['text']}" if headline else a["text"]
        assert list(a["keywords"]) == keywords(text)
        assert tfidf_terms(text, 2 * TOP_K) == analyse.extract_tags(text, 2 * TOP_K)
