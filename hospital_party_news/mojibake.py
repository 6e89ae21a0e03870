"""Garbled runs (mojibake): find them, decode them again where the bytes allow.

A run such as ``厝罕娞峁└觾`` is what the GBK bytes of ``地群眾提供更加`` look like when
read one byte off. Re-encoding the run and reading it at the right offset gives back the
inner characters for certain; the two characters at the edges each lost a byte, so they
are chosen among the characters that byte allows by word frequency with their
neighbours (jieba's dictionary). Runs that do not decode to ordinary text are removed.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .chars import HAN_CHAR
from .lexicon import han_ranks, jieba

COMMON_RANK = 4500  # characters ranked below this in jieba's dictionary count as common
MIN_RUN_SUSPECTS = 3  # a garbled run has at least this many suspect characters (two rare ones are a name)
_HAN = HAN_CHAR
# Two or more '?' stand-ins close together: bytes a decoder could not map.
# Han characters count in a cluster only between stand-ins (??破?); after the last one
# they are the text again (??中秋佳節: the run is ??).
_QUESTION_RUN = re.compile(r"\?{2,}(?:[\u4e00-\u9fff]{1,2}\?+)?|\?[\u4e00-\u9fff]{1,2}\?")


@lru_cache(maxsize=65536)
def is_common_han(ch: str) -> bool:
    """Whether a Han character (either script) is among the common ones.

    >>> is_common_han("群"), is_common_han("眾"), is_common_han("娞")
    (True, True, False)
    """
    from .script import to_simplified_raw

    return han_ranks().get(to_simplified_raw(ch), COMMON_RANK) < COMMON_RANK


def word_frequency(word: str) -> int:
    from .script import to_simplified_raw

    return jieba().get_FREQ(to_simplified_raw(word)) or 0


@lru_cache(maxsize=1)
def two_character_words() -> frozenset[str]:
    """jieba's words of two characters (frequency > 0; a 0 marks a prefix): a set a
    tenth the size of the dictionary, looked up 4.5× faster (30 ms to make)."""
    return frozenset(word for word, freq in jieba().dt.FREQ.items() if freq and len(word) == 2)


# The set saves 0.17 µs a lookup and costs 30 ms to make: it pays after about 180,000
# pairs (60 pages), so a small build (five files) looks up the dictionary itself.
SET_AFTER_PAIRS = 200_000
_pairs_counted = 0


def count_words(candidates: list[str]) -> int:
    """How many two-character ``candidates`` are words of jieba's dictionary
    (``word_frequency`` > 0), converted in one call: joined by line breaks, which no
    dictionary entry of t2s spans, so each converts as it would alone.

    >>> count_words(["医院", "院党", "黨員"])
    2
    """
    global _pairs_counted
    from .script import to_simplified_raw

    converted = to_simplified_raw("\n".join(candidates)).split("\n")
    _pairs_counted += len(converted)
    if _pairs_counted < SET_AFTER_PAIRS:
        freq = jieba().dt.FREQ
        return sum(map(bool, map(freq.get, converted)))  # 0 (a prefix) and None (absent) count 0
    return sum(map(two_character_words().__contains__, converted))


@lru_cache(maxsize=1)
def _suspects() -> frozenset[str]:
    """Every character a garbled run is made of: rare Han characters, box drawing,
    Latin-1 letters, U+FFFD. Listed once, so that a line without any is passed over at C
    speed."""
    chars = {chr(c) for c in range(0xC0, 0x100)} - set("×÷")
    chars |= {chr(c) for c in range(0x2500, 0x25A0)} | {"\ufffd"}
    chars |= {chr(c) for c in range(0x4E00, 0xA000) if not is_common_han(chr(c))}
    return frozenset(chars)


_MARK = "\x01"  # what every suspect becomes before the run pattern looks at a line
# A run of suspects, one Han character allowed between two of them.
_SUSPECT_RUN = re.compile(f"{_MARK}(?:{_HAN.pattern}?{_MARK})*")


@lru_cache(maxsize=1)
def _marking() -> dict[int, str]:
    """Every suspect to one mark, for ``str.translate``: the regex engine then walks the
    line, not a Python loop (the same spans on every line of the corpus, the shared sets
    and 4,000 synthetic pages; 3 ms to make, where a character class of the 4,000 ranges
    of suspects took 29 ms to compile)."""
    return {**dict.fromkeys(map(ord, _suspects()), _MARK), ord(_MARK): " "}  # a mark in the text is none


def find_runs(text: str) -> list[tuple[int, int]]:
    """Spans of garbled runs: at least three suspect characters (rare Han, box drawing,
    Latin-1 letters, U+FFFD), where one common Han character may sit between two suspects;
    and clusters of '?' stand-ins.

    >>> find_runs("當厝罕娞峁└觾質")
    [(1, 7)]
    >>> find_runs("闫珊说,这是罕见的")
    []
    >>> find_runs("医院└└└党建"), find_runs("医院└└党建")  # MIN_RUN_SUSPECTS
    ([(2, 5)], [])
    >>> find_runs("??中秋佳节"), find_runs("医院、??破?、院务部")  # Han characters only between stand-ins
    ([(0, 2)], [(3, 7)])
    """
    spans: list[tuple[int, int]] = []
    suspects = _suspects()
    if not suspects.isdisjoint(text):  # else only '?' clusters to look for
        for m in _SUSPECT_RUN.finditer(text.translate(_marking())):
            if m.group().count(_MARK) >= MIN_RUN_SUSPECTS:
                spans.append(m.span())
    spans += [m.span() for m in _QUESTION_RUN.finditer(text)]
    return sorted(spans)


def _ordinary(text: str) -> bool:
    han = _HAN.findall(text)
    return len(han) >= 2 and len(han) == len(text) and all(map(is_common_han, han))


def _edge_choices(lead: int | None, trail: int | None) -> list[str]:
    """All GBK characters that have the given lead or trail byte."""
    out = []
    for other in range(0x40, 0xFF):
        raw = bytes([lead, other]) if lead is not None else bytes([other, trail or 0])
        try:
            ch = raw.decode("gbk")
        except UnicodeDecodeError:
            continue
        if len(ch) == 1 and _HAN.match(ch) and is_common_han(ch):
            out.append(ch)
    return out


def _best(choices: list[str], left: str, right: str) -> str | None:
    scored = [(max(word_frequency(left + c), word_frequency(c + right)), c) for c in choices]
    scored = [s for s in scored if s[0] > 0]
    return max(scored)[1] if scored else None


def repair_run(run: str, left: str, right: str) -> str | None:
    """Decode a garbled run again, or None when its bytes do not give ordinary text.

    ``left``/``right`` are the characters just outside the run, used to choose the
    edge characters.

    >>> repair_run("厝罕娞峁└觾", "當", "質")
    '地群眾提供優'
    """
    try:
        data = run.encode("gbk")
    except UnicodeEncodeError:
        return None
    # Read as UTF-8: the run was UTF-8 bytes decoded as GBK.
    try:
        as_utf8 = data.decode("utf-8")
        if _ordinary(as_utf8):
            return as_utf8
    except UnicodeDecodeError:
        pass
    # Read one byte off: the run was GBK bytes decoded from the wrong starting byte.
    if len(data) < 4:
        return None
    inner_bytes = data[1:-1] if len(data) % 2 == 0 else data[1:]
    try:
        inner = inner_bytes.decode("gbk")
    except UnicodeDecodeError:
        return None
    if not _ordinary(inner):
        return None
    first = _best(_edge_choices(None, data[0]), left, inner[0])
    last = _best(_edge_choices(data[-1], None), inner[-1], right) if len(data) % 2 == 0 else None
    return _confirmed((first or "") + inner + (last or ""), left, right)


def _confirmed(candidate: str, left: str, right: str) -> str | None:
    """Keep only the characters of a re-decoded run that jieba finds inside words of two
    or more characters (with the context around the run); a byte pair lost in the garbling
    shifts everything after it into plausible-looking but wrong single characters.
    """
    from .script import to_simplified_raw

    text = to_simplified_raw(left + candidate + right)
    keep, pos = [False] * len(text), 0
    for token in jieba().lcut(text, HMM=False):
        if len(token) >= 2 and word_frequency(token) > 0:
            keep[pos : pos + len(token)] = [True] * len(token)
        pos += len(token)
    kept = "".join(ch for ch, ok in zip(candidate, keep[len(left) : len(left) + len(candidate)], strict=True) if ok)
    return kept or None


def repair(text: str) -> tuple[str, list[str]]:
    """Repair or remove every garbled run in ``text``; returns the text and flags.

    >>> repair("為當厝罕娞峁└觾質")
    ('為當地群眾提供優質', ['mojibake_repaired'])
    >>> repair("骨科醫院、??破?、院務部")
    ('骨科醫院、、院務部', ['mojibake_removed'])
    """
    runs = find_runs(text)
    if not runs:
        return text, []
    flags: set[str] = set()
    out, pos = [], 0
    for start, end in runs:
        if start < pos:
            continue
        fixed = None if "?" in text[start:end] else repair_run(text[start:end], text[start - 1 : start], text[end : end + 1])
        out.append(text[pos:start])
        if fixed:
            out.append(fixed)
            flags.add("mojibake_repaired")
        else:
            flags.add("mojibake_removed")
        pos = end
    out.append(text[pos:])
    return "".join(out), sorted(flags)
