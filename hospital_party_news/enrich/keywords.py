"""Keywords: the top TF-IDF terms of an article, by jieba's IDF table and stop words (no
corpus statistics of ours, so a keyword does not change when other files are added).

The words are cut by ``rjieba`` (jieba-rs: the same dictionary and HMM as jieba, compiled;
``cut``) and weighted exactly as ``jieba.analyse.extract_tags`` weights them: 8× faster
than jieba's own, with the same tokens and so the same keywords.
"""

from __future__ import annotations

import re

from ..chars import HAN_CHAR
from ..lexicon import tables

TOP_K = 10
# The longest word in jieba's dictionary has 16 characters; a longer "term" is a run of
# letters or digits that no reader would call a keyword (1,000,000 × "a" became one).
MAX_KEYWORD_CHARS = 16
_NOT_KEYWORD = re.compile(r"^[\d.%]+$|^[A-Za-z]$")
MIN_TERM_CHARS = 2  # as jieba.analyse: single characters are never terms


# jieba's HMM step splits a run that is not Han with this pattern (``jieba.finalseg.re_skip``);
# jieba-rs keeps 2017-12-06 or image.png whole.
_ALNUM_RUN = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")


def cut(text: str) -> list[str]:
    """jieba's cut (HMM on), by rjieba, with runs that are not Han split as jieba splits
    them: the same tokens as ``jieba.cut`` on every page of the evaluation corpus, the
    five source texts, the shared seeds and dev sets and 1,000 synthetic pages
    (``tests/test_keywords.py`` compares them on the real ones).

    >>> cut("2017-12-06 医院党支部image.png")
    ['2017', '-', '12', '-', '06', ' ', '医院', '党支部', 'image', '.', 'png']
    """
    import rjieba

    words = tables().freq  # a dictionary word with a symbol in it (c#, C++, AT&T) stays whole, as in jieba
    tokens: list[str] = []
    for token in rjieba.cut(text, True):
        if (len(token) > 1 and not HAN_CHAR.search(token) and not _ALNUM_RUN.fullmatch(token)
                and not words.get(token)):
            tokens += [piece for piece in _ALNUM_RUN.split(token) if piece]
        else:
            tokens.append(token)
    return tokens


def tfidf_terms(text: str, limit: int) -> list[str]:
    """The ``limit`` terms of highest term frequency × IDF, ties in order of first
    appearance: ``jieba.analyse.extract_tags``, on ``cut``.

    >>> tfidf_terms("医院党支部开展义诊活动,为村民义诊。", 2)
    ['义诊', '党支部']
    """
    model = tables()
    stop, idf, median = model.stop_words, model.idf, model.median_idf
    counts: dict[str, float] = {}
    for word in cut(text):
        if len(word.strip()) < MIN_TERM_CHARS or word.lower() in stop:
            continue
        counts[word] = counts.get(word, 0.0) + 1.0
    total = sum(counts.values())  # as extract_tags, so that float ties come out the same
    weights = {w: n * idf.get(w, median) / total for w, n in counts.items()}
    return sorted(weights, key=weights.__getitem__, reverse=True)[:limit]


def keywords(text: str, top_k: int = TOP_K) -> list[str]:
    """The ``top_k`` highest-weighted terms, numbers left out.

    >>> keywords("医院党支部开展义诊活动,为村民义诊。义诊受到好评。", 2)
    ['义诊', '受到好评']
    """
    terms = tfidf_terms(text, top_k * 2)
    return [t for t in terms if not _NOT_KEYWORD.match(t) and len(t) <= MAX_KEYWORD_CHARS][:top_k]
