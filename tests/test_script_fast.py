"""The converter is skipped only where it would change nothing."""

from __future__ import annotations

import opencc
from conftest import RAW
from hypothesis import given, settings
from hypothesis import strategies as st

from hospital_party_news.script import _can_change, to_simplified_raw

CONVERT = opencc.OpenCC("t2s").convert
LINES = [line for f in sorted(RAW.glob("*.txt")) for line in f.read_text("utf-8").splitlines() if line.strip()]
HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)


def test_source_lines_and_their_traditional_forms_convert_as_before() -> None:
    traditional = opencc.OpenCC("s2t").convert
    for line in LINES + [traditional(x) for x in LINES]:
        assert to_simplified_raw.__wrapped__(line) == CONVERT(line)
    assert sum(not _can_change()(x) for x in LINES) > len(LINES) // 3  # the fast path is taken


def test_phrases_that_convert_only_as_phrases_are_caught() -> None:
    for phrase in ("反覆", "一目瞭然", "沈默"):
        assert CONVERT(phrase) != phrase and _can_change()(f"他们{phrase}地说")


@settings(max_examples=300, deadline=None)
@given(st.text(st.one_of(HAN, st.sampled_from("反覆瞭藉沈,。")), max_size=30))
def test_any_han_text(text: str) -> None:
    assert to_simplified_raw.__wrapped__(text) == CONVERT(text)
