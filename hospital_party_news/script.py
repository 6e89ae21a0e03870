"""Script: tell traditional from simplified, convert with OpenCC.

Configuration: OpenCC ``t2s`` (OpenCC's standard traditional → simplified). ``tw2sp`` and
``hk2s`` first rewrite Taiwan / Hong Kong vocabulary (e.g. 軟體 → 软件), which changes
words, not just script; our sources are mainland texts that happen to be written in
traditional characters, so the character-level ``t2s`` is the right one. It is also what
downstream users most often apply themselves, so a round trip stays stable.

Known pitfalls and how they are handled (``EXCEPTIONS`` below, tested in tests/test_script.py):
- 乾 in place names (乾安縣, 乾縣, 乾陵): t2s writes 干; protected, stays 乾.
- 後 → 后, 髮 → 发, 發 → 发: correct in t2s, guarded by tests.
- 著 / 着: t2s keeps 著 (著名, 顯著 → 显著 are right; the aspect particle 進行著 stays 进行著,
  where modern usage writes 着). Kept as OpenCC writes it so that `text` equals what
  `OpenCC('t2s')` gives; documented as a limitation in the card.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from .chars import HAN_CHAR

OPENCC_CONFIG = "t2s"
TRADITIONAL_SHARE = 0.05  # a document is traditional when ≥ 5 % of its Han chars change

# Phrases OpenCC t2s converts wrongly: traditional phrase → simplified phrase.
EXCEPTIONS: dict[str, str] = {
    "乾安縣": "乾安县",
    "乾安县": "乾安县",
    "乾縣": "乾县",
    "乾县": "乾县",
    "乾陵": "乾陵",
    "乾州": "乾州",
}
_EXCEPTION_RE = re.compile("|".join(sorted(map(re.escape, EXCEPTIONS), key=len, reverse=True)))
_HAN = HAN_CHAR


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC(OPENCC_CONFIG)


def converter_name() -> str:
    """Which OpenCC implementation this build uses (recorded in the manifest)."""
    from importlib import metadata

    for dist in ("opencc-python-reimplemented", "opencc", "OpenCC"):
        try:
            return f"{dist} {metadata.version(dist)} ({OPENCC_CONFIG})"
        except metadata.PackageNotFoundError:
            continue
    return f"unknown ({OPENCC_CONFIG})"


def _dictionary_folder() -> Path:
    import opencc

    return Path(opencc.__file__).parent / "dictionary"


def _read_dictionary(path: Path) -> dict[str, str]:
    """An OpenCC text dictionary: key, tab, candidates (the first one is used)."""
    entries = {}
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            key, values = line.split("\t", 1)
            entries[key] = values.split()[0]
    return entries


@lru_cache(maxsize=1)
def changing_characters() -> frozenset[str] | None:
    """The characters t2s maps to another one; None where the converter's dictionaries
    cannot be read (the C++ OpenCC keeps them compiled)."""
    try:
        characters = _read_dictionary(_dictionary_folder() / "TSCharacters.txt")
    except (ImportError, OSError, ValueError):
        return None
    return frozenset(k for k, v in characters.items() if v != k)


@lru_cache(maxsize=1)
def _can_change() -> Callable[[str], bool]:
    """A quick test that is True whenever t2s could change a text: it holds a character
    that t2s maps to another, or a phrase of the phrase table that converts although none
    of its characters does alone (反覆 → 反复). Without readable dictionaries every text
    counts. Most of a simplified corpus then skips the converter
    (``tests/test_script_fast.py`` checks that the result is the same)."""
    changing = changing_characters()
    try:
        phrases = _read_dictionary(_dictionary_folder() / "TSPhrases.txt")
    except (ImportError, OSError, ValueError):
        changing = None
    if changing is None:
        return lambda text: True
    convert = _converter().convert
    quiet = sorted((p for p in phrases if changing.isdisjoint(p) and convert(p) != p), key=len, reverse=True)
    pattern = re.compile("|".join(map(re.escape, quiet))) if quiet else None
    return lambda text: not changing.isdisjoint(text) or bool(pattern and pattern.search(text))


def may_change(text: str) -> bool:
    """Whether t2s could change ``text`` (False: it certainly cannot)."""
    return _can_change()(text)


@lru_cache(maxsize=65536)
def to_simplified_raw(text: str) -> str:
    """Plain OpenCC t2s, no exceptions (used for lookups)."""
    return _converter().convert(text) if _can_change()(text) else text


def to_simplified(text: str) -> str:
    """OpenCC t2s with the documented exceptions protected.

    >>> to_simplified("吉林省乾安縣醫院之後")
    '吉林省乾安县医院之后'
    """
    parts, pos = [], 0
    for m in _EXCEPTION_RE.finditer(text):
        parts += [to_simplified_raw(text[pos : m.start()]), EXCEPTIONS[m.group()]]
        pos = m.end()
    parts.append(to_simplified_raw(text[pos:]))
    return "".join(parts)


def traditional_share(text: str) -> float:
    """Share of Han characters that t2s changes.

    >>> traditional_share("黨建引領"), traditional_share("党建引领")
    (0.5, 0.0)
    """
    han = _HAN.findall(text)
    if not han:
        return 0.0
    changing = changing_characters()
    if changing is not None:  # counted per character: no need to convert the document
        return sum(ch in changing for ch in han) / len(han)
    simplified = to_simplified_raw("".join(han))
    return sum(a != b for a, b in zip(han, simplified, strict=False)) / len(han)


def detect_script(text: str) -> str:
    return "traditional" if traditional_share(text) >= TRADITIONAL_SHARE else "simplified"


def has_traditional(text: str) -> bool:
    """Whether the text still holds characters our converter would change."""
    return to_simplified(text) != text
