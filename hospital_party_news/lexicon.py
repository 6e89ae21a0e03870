"""jieba, loaded once: its segmenter, its part-of-speech tables and the dictionary that
ships with it (word, frequency, part-of-speech tag). Nothing is downloaded.

jieba's ``dict.txt`` (349,046 lines) is parsed once per process: by ``jieba.posseg``,
whose word → tag table is also ours (``jieba_tags``). The character ranks the garbled-run
repair needs are derived from it ahead of time (``data/han_ranks.txt``,
``tools/make_han_ranks.py``; a test checks them against the installed dictionary).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Any


@cache
def jieba() -> Any:
    import jieba as _jieba

    _jieba.setLogLevel(60)
    _jieba.initialize()
    return _jieba


@cache
def posseg() -> Any:
    """``jieba.posseg``, on the loaded segmenter (importing it parses ``dict.txt`` for the tags)."""
    jieba()
    import jieba.posseg as _posseg

    return _posseg


def dictionary_entries() -> Iterator[tuple[str, int, str]]:
    """(word, frequency, tag) for every entry of jieba's own ``dict.txt``."""
    import jieba as _jieba

    with open(os.path.join(os.path.dirname(_jieba.__file__), "dict.txt"), encoding="utf-8") as fh:
        for line in fh:
            word, count, tag = ([*line.rstrip("\n").split(" "), "", ""])[:3]
            yield word, int(count), tag


@cache
def jieba_tags() -> dict[str, str]:
    """Part-of-speech tag of every dictionary word (``ns`` = place name): the table
    ``jieba.posseg`` reads from ``dict.txt``, the last entry of a word winning."""
    return posseg().dt.word_tag_tab


def derive_han_ranks() -> str:
    """Every character of jieba's dictionary, most frequent first (summed over the words
    it is in; ties in order of first appearance): what ``data/han_ranks.txt`` holds."""
    freq: Counter[str] = Counter()
    for word, count, _ in dictionary_entries():
        for ch in word:
            freq[ch] += count
    return "".join(ch for ch, _ in freq.most_common())


@cache
def han_ranks() -> dict[str, int]:
    """Rank of every character by its total frequency in jieba's dictionary (0 = most),
    read from ``data/han_ranks.txt``."""
    text = resources.files("hospital_party_news").joinpath("data/han_ranks.txt").read_text("utf-8")
    ranked = "".join(text.splitlines()[1:])  # the first line is the comment
    return {ch: i for i, ch in enumerate(ranked)}
