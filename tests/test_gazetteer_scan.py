"""The gazetteer's scan (an Aho-Corasick automaton over every name) finds what the plain
character-by-character scan it replaced finds, on every real page here."""

from __future__ import annotations

import pytest
from conftest import ROOT

from hospital_party_news.enrich import gazetteer
from hospital_party_news.enrich.gazetteer import Mention, _index, mention_at

PAGES = sorted((ROOT / "eval" / "corpus" / "raw").glob("*.txt")) + sorted((ROOT / "data" / "raw").glob("*.txt"))


def reference_scan(text: str, in_name: bool) -> tuple[Mention, ...]:
    """The scan before the automaton (builder 0.7.0): at every character, the names
    starting there, longest first."""
    full, short, _ = _index()
    sizes = sorted({len(n) for n in [*full, *short] if len(n) >= 2}, reverse=True)
    found: list[Mention] = []
    i = 0
    while i < len(text):
        mention = next((m for size in sizes if i + size <= len(text) and (m := mention_at(text, i, size, in_name))), None)
        if mention is None:
            i += 1
        else:
            found.append(mention)
            i = mention.end
    return tuple(found)


@pytest.mark.parametrize("in_name", [False, True])
def test_the_automaton_finds_what_the_character_scan_finds(in_name: bool) -> None:
    texts = [page.read_text("utf-8") for page in PAGES]
    texts += ["加大新项目投入", "萧山中医院", "济宁市任城区与泰安市", "山东济南"]
    assert len(texts) > 280
    differing = [t[:20] for t in texts if gazetteer._scan(t, in_name) != reference_scan(t, in_name)]
    assert differing == []
