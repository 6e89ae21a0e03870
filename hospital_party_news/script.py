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
- One pass is not always stable (對於單位 → 对於单位, the phrase 於單): ``to_simplified``
  converts until nothing changes.
"""

from __future__ import annotations

import re
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
    """Which OpenCC implementation this build uses (recorded in the manifest). Both
    distributions install the module ``opencc``; the module itself says which one is
    there (the C++ binding has ``clib``, the pure-Python one a ``dictionary`` folder)."""
    import opencc

    folder = Path(opencc.__file__).parent
    dist = "opencc" if (folder / "clib").exists() else "opencc-python-reimplemented"
    from importlib import metadata

    try:
        return f"{dist} {metadata.version(dist)} ({OPENCC_CONFIG})"
    except metadata.PackageNotFoundError:
        return f"{dist} (version unknown) ({OPENCC_CONFIG})"


# Every code point whose character t2s may map to another (CJK blocks, compatibility ideographs).
_CONVERTIBLE_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))


@lru_cache(maxsize=1)
def changing_characters() -> frozenset[str]:
    """The characters t2s maps to another one on their own, asked of the converter one
    by one (whatever its engine keeps its dictionaries in).

    >>> {"黨", "員", "党"} & changing_characters() == {"黨", "員"}
    True
    """
    convert = _converter().convert
    chars = (chr(c) for lo, hi in _CONVERTIBLE_RANGES for c in range(lo, hi + 1))
    return frozenset(ch for ch in chars if convert(ch) != ch)


@lru_cache(maxsize=65536)
def to_simplified_raw(text: str) -> str:
    """Plain OpenCC t2s, no exceptions (used for lookups)."""
    return _converter().convert(text)


def _convert_once(text: str) -> str:
    """One t2s pass with the exceptions protected."""
    parts, pos = [], 0
    for m in _EXCEPTION_RE.finditer(text):
        parts += [to_simplified_raw(text[pos : m.start()]), EXCEPTIONS[m.group()]]
        pos = m.end()
    parts.append(to_simplified_raw(text[pos:]))
    return "".join(parts)


# OpenCC's phrase table is keyed on traditional text, so one pass can keep a character
# that a second pass changes: 對於單位 meets the phrase 於單 (a historical name) and comes
# out 对於单位, whose 於 then converts on its own. The validation rejects any text that t2s
# would still change, so such a page (any traditional page saying 對於單位) was rejected
# whole. Passes repeat until nothing changes; two are enough on every text seen (the
# corpus, the five texts, 10,000 synthetic pages), the bound only guards against a cycle.
MAX_CONVERSION_PASSES = 4


def to_simplified(text: str) -> str:
    """OpenCC t2s with the documented exceptions protected, repeated until stable, so
    that ``has_traditional(to_simplified(x))`` is false for every ``x``.

    >>> to_simplified("吉林省乾安縣醫院之後")
    '吉林省乾安县医院之后'
    >>> to_simplified("我們對於單位而言")  # one OpenCC pass gives 我们对於单位而言
    '我们对于单位而言'
    """
    done = text
    for _ in range(MAX_CONVERSION_PASSES):
        converted = _convert_once(done)
        if converted == done:
            break
        done = converted
    return done


def traditional_share(text: str) -> float:
    """Share of Han characters that t2s changes.

    >>> traditional_share("黨建引領"), traditional_share("党建引领")
    (0.5, 0.0)
    """
    han = _HAN.findall(text)
    if not han:
        return 0.0
    changing = changing_characters()  # counted per character: no need to convert the document
    return sum(map(changing.__contains__, han)) / len(han)  # the loop in C


def detect_script(text: str) -> str:
    return "traditional" if traditional_share(text) >= TRADITIONAL_SHARE else "simplified"


def has_traditional(text: str) -> bool:
    """Whether the text still holds characters our converter would change."""
    return to_simplified(text) != text
