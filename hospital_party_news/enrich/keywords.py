"""Keywords: the top TF-IDF terms of an article, by jieba's segmenter and the IDF table
that ships with it (no corpus statistics of ours, so a keyword does not change when
other files are added)."""

from __future__ import annotations

import re

TOP_K = 10
# The longest word in jieba's dictionary has 16 characters; a longer "term" is a run of
# letters or digits that no reader would call a keyword (1,000,000 × "a" became one).
MAX_KEYWORD_CHARS = 16
_NOT_KEYWORD = re.compile(r"^[\d.%]+$|^[A-Za-z]$")


def keywords(text: str, top_k: int = TOP_K) -> list[str]:
    """The ``top_k`` highest-weighted terms, numbers left out.

    >>> keywords("医院党支部开展义诊活动,为村民义诊。义诊受到好评。", 2)
    ['义诊', '受到好评']
    """
    from jieba import analyse

    from ..lexicon import jieba

    jieba()
    terms = analyse.extract_tags(text, topK=top_k * 2)
    return [t for t in terms if not _NOT_KEYWORD.match(t) and len(t) <= MAX_KEYWORD_CHARS][:top_k]
