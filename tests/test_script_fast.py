"""The converter's shortcuts give what the converter gives: pairs converted in one call
(joined by line breaks) convert as they would alone, and the per-character set of
changing characters is what t2s does to each character."""

from __future__ import annotations

import opencc
from conftest import RAW
from hypothesis import given, settings
from hypothesis import strategies as st

from hospital_party_news.gate import han_pairs
from hospital_party_news.mojibake import count_words, word_frequency
from hospital_party_news.script import changing_characters, has_traditional, to_simplified, to_simplified_raw

CONVERT = opencc.OpenCC("t2s").convert
TRADITIONAL = opencc.OpenCC("s2t").convert
LINES = [line for f in sorted(RAW.glob("*.txt")) for line in f.read_text("utf-8").splitlines() if line.strip()]
HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)


def test_source_lines_and_their_traditional_forms_convert_as_opencc() -> None:
    for line in LINES + [TRADITIONAL(x) for x in LINES]:
        assert to_simplified_raw.__wrapped__(line) == CONVERT(line)


def test_pairs_counted_in_one_call_as_one_by_one() -> None:
    for line in LINES + [TRADITIONAL(x) for x in LINES]:
        pairs = [*han_pairs(line), "反覆", "瞭然", "沈默"]  # phrases that convert only as phrases
        assert count_words(pairs) == sum(1 for p in pairs if word_frequency(p) > 0)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(st.one_of(HAN, st.sampled_from("反覆瞭藉沈")), min_size=2, max_size=2), max_size=30))
def test_any_pairs(pairs: list[str]) -> None:
    assert count_words(pairs) == sum(1 for p in pairs if word_frequency(p) > 0)


def test_changing_characters_are_what_t2s_changes() -> None:
    changing = changing_characters()
    assert {"黨", "員", "後", "發"} <= changing and not {"党", "员"} & changing
    for line in LINES:
        for ch in TRADITIONAL(line):
            assert (ch in changing) == (CONVERT(ch) != ch)


def test_the_exceptions_hold_whatever_the_engine() -> None:
    assert to_simplified("吉林省乾安縣醫院") == "吉林省乾安县医院"
    assert to_simplified("乾縣、乾陵、乾州") == "乾县、乾陵、乾州"


def test_a_phrase_kept_by_one_pass_is_converted() -> None:
    # One OpenCC pass keeps 於 in 對於單位 (the phrase 於單, a name): the page was rejected
    # whole for a traditional character left in its text.
    assert CONVERT("我們對於單位而言") == "我们对於单位而言"
    assert to_simplified("我們對於單位而言") == "我们对于单位而言"


@settings(max_examples=300, deadline=None)
@given(st.text(st.one_of(HAN, st.sampled_from("於單對位乾縣後髮")), max_size=20))
def test_converted_text_has_no_traditional_left(text: str) -> None:
    assert not has_traditional(to_simplified(text))


def test_word_pairs_count_alike_before_and_after_the_set_is_made(monkeypatch) -> None:
    """The gate looks pairs up in jieba's dictionary until ``SET_AFTER_PAIRS`` have been
    counted, then in the set of two-character words: the counts must not change."""
    from hospital_party_news import mojibake

    pairs = [p for line in LINES for p in han_pairs(line)] + ["反覆", "瞭然", "沈默", "院党"]
    monkeypatch.setattr(mojibake, "_pairs_counted", 0)
    by_dictionary = count_words(pairs)
    assert mojibake._pairs_counted < mojibake.SET_AFTER_PAIRS  # still the dictionary's path
    monkeypatch.setattr(mojibake, "_pairs_counted", mojibake.SET_AFTER_PAIRS)
    assert count_words(pairs) == by_dictionary
