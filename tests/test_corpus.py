"""The evaluation corpus (``eval/corpus``): real pages with hand-made gold, enough of them
from enough sites, and a split by site by the rule fixed in ``eval/corpus/splits.py``
(the line-by-line gold checker is ``test_gold.py``)."""

from __future__ import annotations

import doctest
import importlib.util
import json
import re
from collections import Counter

from conftest import ROOT

CORPUS = ROOT / "eval" / "corpus"
PINYIN = re.compile(r"\((?:[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*)\)")
MIN_PAGES, MIN_SITES = 150, 80
ROLES = ("tune", "holdout")


def _splits_module():
    spec = importlib.util.spec_from_file_location("corpus_splits", CORPUS / "splits.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SPLITS = _splits_module()
GOLD = [json.loads(line) for line in (CORPUS / "gold.jsonl").read_text("utf-8").splitlines() if line.strip()]


def joined(text: str) -> str:
    """Raw text as snippets are checked against: pinyin annotations removed, every
    whitespace (so hard-wrapped pieces join) removed."""
    return re.sub(r"\s+", "", PINYIN.sub("", text))


def raw(line: dict) -> str:
    return (CORPUS / "raw" / line["file"]).read_text("utf-8")


def test_every_page_is_distinct() -> None:
    files = sorted(p.name for p in (CORPUS / "raw").iterdir())
    assert files == sorted(line["file"] for line in GOLD)  # one gold line per raw file, no stray file
    urls = [line["source_url"] for line in GOLD if line["source_url"]]
    assert [u for u, n in Counter(urls).items() if n > 1] == []


def test_the_corpus_draws_on_enough_sites() -> None:
    assert len({s for line in GOLD for s in SPLITS.sites(line)}) >= MIN_SITES


def test_the_corpus_is_large_enough() -> None:
    assert len(GOLD) >= MIN_PAGES


def test_splits_follow_the_fixed_rule_and_keep_each_site_on_one_side() -> None:
    assert [line["file"] for line in GOLD if line.get("split") != SPLITS.split_of(line)] == []
    side: dict[str, set[str]] = {}
    for line in GOLD:
        for site in SPLITS.sites(line):
            side.setdefault(site, set()).add(line["split"])
    assert {s: sides for s, sides in side.items() if len(sides) > 1} == {}
    assert doctest.testmod(SPLITS).failed == 0


def test_about_a_third_is_held_out() -> None:
    counts = Counter(line["split"] for line in GOLD)
    assert 0.2 <= counts["holdout"] / len(GOLD) <= 0.45, counts
