"""The gold checker, run on every gold folder of the project (``eval/*/gold.jsonl``):
every snippet, title, heading and name is in its raw file; every forbidden string is in
the file and inside no snippet; one gold line per raw file."""

from __future__ import annotations

import json
import re

import pytest
from conftest import ROOT

PINYIN = re.compile(r"\((?:[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*)\)")
FOLDERS = sorted(p.parent for p in (ROOT / "eval").glob("*/gold.jsonl"))
LINES = [(folder, json.loads(line)) for folder in FOLDERS for line in (folder / "gold.jsonl").read_text("utf-8").splitlines() if line.strip()]


def joined(text: str) -> str:
    """Raw text as gold is checked against it: pinyin annotations removed, all whitespace
    removed (so hard-wrapped pieces join).

    >>> joined("領(lǐng)導\\n班子")
    '領導班子'
    """
    return re.sub(r"\s+", "", PINYIN.sub("", text))


def test_every_gold_folder_has_one_line_per_raw_file() -> None:
    assert ROOT / "eval" / "source" in FOLDERS
    for folder in FOLDERS:
        files = sorted(p.name for p in (folder / "raw").iterdir())
        assert files == sorted(g["file"] for f, g in LINES if f == folder), folder


@pytest.mark.parametrize(("folder", "line"), LINES, ids=[f"{f.name}/{g['file']}" for f, g in LINES])
def test_gold_line_agrees_with_its_raw_file(folder, line: dict) -> None:
    flat = joined((folder / "raw" / line["file"]).read_text("utf-8"))
    assert line["script"] in ("simplified", "traditional") and line["articles"]
    assert line.get("split", "tune") in ("tune", "holdout")
    for article in line["articles"]:
        if article["title"]:
            assert joined(article["title"]) in flat, article["title"]
        for name in [*article.get("reporters", []), *article.get("correspondents", []), *article.get("section_headings", [])]:
            assert joined(name) in flat, name
        snippets = article["must_contain"]
        assert snippets, "an article needs body snippets"
        for snippet in snippets:
            assert joined(snippet) in flat, snippet
        for forbidden in article.get("must_not_contain", []):
            assert joined(forbidden) in flat, f"must_not_contain {forbidden!r} is not in the file"
            assert not any(joined(forbidden) in joined(s) for s in snippets), f"{forbidden!r} is inside a snippet"
        if article.get("published_date"):
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", article["published_date"])
