"""The tables derived ahead of time from jieba's dictionary must be what the installed
dictionary gives (run ``python tools/make_han_ranks.py`` when this fails after a jieba
upgrade)."""

from __future__ import annotations

from hospital_party_news.lexicon import derive_han_ranks, dictionary_entries, han_ranks, jieba_tags


def test_the_shipped_character_ranks_are_the_installed_dictionarys() -> None:
    ranked = derive_han_ranks()
    assert han_ranks() == {ch: i for i, ch in enumerate(ranked)}


def test_the_tag_table_is_the_dictionarys_last_entry_per_word() -> None:
    assert jieba_tags() == {word: tag for word, _, tag in dictionary_entries()}
