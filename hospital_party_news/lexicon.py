"""jieba, loaded once: its segmenter and the dictionary that ships with it (word,
frequency, part-of-speech tag). Nothing is downloaded."""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import cache
from typing import Any


@cache
def jieba() -> Any:
    import jieba as _jieba

    _jieba.setLogLevel(60)
    _jieba.initialize()
    return _jieba


def dictionary_entries() -> Iterator[tuple[str, int, str]]:
    """(word, frequency, tag) for every entry of jieba's own ``dict.txt``."""
    import jieba as _jieba

    with open(os.path.join(os.path.dirname(_jieba.__file__), "dict.txt"), encoding="utf-8") as fh:
        for line in fh:
            word, count, tag = ([*line.rstrip("\n").split(" "), "", ""])[:3]
            yield word, int(count), tag


@cache
def jieba_tags() -> dict[str, str]:
    """Part-of-speech tag of every dictionary word (``ns`` = place name)."""
    return {word: tag for word, _, tag in dictionary_entries()}
