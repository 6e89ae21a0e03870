"""Set-up once: the dictionaries and tables the steps need, loaded in the build process
before the worker pool forks, so that the workers share one copy (copy-on-write) and
none of them spends seconds loading its own.

Each loader is named, so that ``benchmarks/profile_stages.py`` can say what the set-up
costs. After the loaders, a small built-in page (both scripts, pinyin, a dateline, a
garbled run) goes through every step once, which compiles whatever is still compiled on
first use.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import cache


def _loaders() -> tuple[tuple[str, Callable[[], object]], ...]:
    from . import clean, mojibake, script
    from .enrich import activities, campaigns, gazetteer
    from .enrich.keywords import cut
    from .enrich.people import _surname_scores
    from .lexicon import jieba, posseg, tables

    return (
        ("jieba tables (snapshot)", tables),
        ("jieba segmenter", jieba),
        ("jieba part-of-speech tagger", posseg),
        ("OpenCC converter", script._converter),
        ("OpenCC changing characters", script.changing_characters),
        ("garbled-run characters", mojibake._suspects),
        ("garbled-run marks", mojibake._marking),
        ("pinyin syllables", clean.pinyin_syllables),
        ("gazetteer", gazetteer._automaton),
        ("activity types", lambda: [t.pattern for t in activities.taxonomy()]),
        ("campaigns", campaigns.campaigns),
        ("surname model", _surname_scores),
        ("keyword cut", lambda: cut("医院")),
    )


SAMPLE = """醫院黨支部開展主題黨日活動

2024-05-06 10:30

本报济宁5月5日讯(记者 王扬 通讯员 李明)5月4日,济宁市第一人民医院内科党支部赴任城区开展义诊活动,为群众测血压。

領(lǐng)導(dǎo)帶(dài)領黨員學習。厝罕娞峁└觾的服務。
"""


@cache
def warm_up() -> dict[str, float]:
    """Load everything, once per process; seconds spent per loader (and on the sample page)."""
    spent: dict[str, float] = {}
    for name, load in _loaders():
        start = time.perf_counter()
        load()
        spent[name] = time.perf_counter() - start
    start = time.perf_counter()
    from .gate import not_chinese_prose
    from .read import split_lines
    from .records import Document
    from .steps import process

    not_chinese_prose(SAMPLE)
    doc = Document("warm-up", "warm-up.txt", sha256=None, size=len(SAMPLE.encode()), raw_text=SAMPLE)
    doc.lines = split_lines(SAMPLE)
    doc = process(doc)
    if doc.status != "ok":  # the sample must pass, or part of the set-up was skipped
        raise RuntimeError(f"the warm-up page was rejected: {doc.error}")
    spent["sample page"] = time.perf_counter() - start
    return spent
