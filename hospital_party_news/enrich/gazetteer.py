"""Places: China's administrative divisions (``data/gazetteer.tsv``, made by
``tools/make_gazetteer.py``) found in text, and the province / city they point to.

Full names (山东省, 济宁市, 任城区) count wherever they occur. Short names (山东, 济宁,
萧山) count only where they cannot be ordinary words: province short names always;
prefecture short names when jieba's dictionary does not know them as something other
than a place (安康, 长治 are words first); county short names only inside an
institution's name (萧山中医院), since in running text they are mostly words (大新, 新建),
except as the province's last source, when nothing else on the page names a place: then a
county's short name that jieba tags a place and counts rarely (崂山, 平江), as a whole word.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate
from typing import Any

from .tables import table_rows

MUNICIPALITIES = {"北京市", "天津市", "上海市", "重庆市"}
_PREFECTURE_LEVELS = "州盟"  # 恩施州, 兴安盟: short names that keep their level
# What follows a place's short name when the name is a street's or a gate's (北京路社区, 广安门医院).
STREET_WORDS = frozenset("路街门巷桥道")
# A town or township named after a place (延安镇 in Nanning, not 延安): the short name then
# 镇 or 乡, unless a place's name begins there (扬州镇江: two cities) or the words 乡村 / 乡镇
# (长沙乡镇卫生院: the city's townships).
TOWNSHIP_WORDS = frozenset("镇乡")
_NOT_A_TOWNSHIP = ("乡村", "乡镇")
ALIASES = {"首都": "北京市"}  # names a division goes by that are not its own (保障首都人民健康, 首都医科大学)


@dataclass(frozen=True)
class Division:
    code: str  # 6-digit administrative division code
    name: str  # full name, e.g. 任城区
    short: str  # without suffix and ethnic qualifiers (任城, 海南州), "" when too short
    level: str  # province | prefecture | county
    province: str
    prefecture: str  # "" for a province, or a county directly under a province
    current: bool

    @property
    def city(self) -> str | None:
        """The prefecture-level city, or the municipality itself for Beijing, Tianjin,
        Shanghai and Chongqing."""
        if self.province in MUNICIPALITIES:
            return self.province
        return self.prefecture or None


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    candidates: tuple[Division, ...]  # several when the name is ambiguous (市中区, 鼓楼区)
    short: bool  # matched by a short name


@cache
def divisions() -> tuple[Division, ...]:
    rows = table_rows("gazetteer.tsv")
    return tuple(Division(c, n, sh, lv, p, pf, cur == "1") for c, n, sh, lv, p, pf, cur in rows)


def _word_first(piece: str, tags: dict[str, str]) -> bool:
    """A short name jieba's dictionary knows as something other than a place (安康, 长治,
    和平, 大同): a word first, so it does not count as a place in running text. Looked up
    in the tag table itself (a set of the 300,000 such words cost 0.17 s to make per build).

    A short name with its level still on (恩施州, 兴安盟: an autonomous prefecture or a
    league, as texts abbreviate them) is never a word, whatever the tag (恩施州 is tagged a
    person's name).

    >>> _word_first("安康", {"安康": "nr"}), _word_first("济宁", {"济宁": "ns"}), _word_first("济宁", {})
    (True, False, False)
    >>> _word_first("恩施州", {"恩施州": "nr"})
    False
    """
    tag = tags.get(piece)
    return tag is not None and not tag.startswith("ns") and piece[-1] not in _PREFECTURE_LEVELS


@cache
def _index() -> tuple[dict[str, tuple[Division, ...]], dict[str, tuple[Division, ...]], int]:
    full: dict[str, list[Division]] = {}
    short: dict[str, list[Division]] = {}
    for d in divisions():
        if d.level == "county" and len(d.name) == 2 and d.name.endswith("区"):
            continue  # 城区, 郊区, 矿区: ordinary words
        full.setdefault(d.name, []).append(d)
        if d.short and d.current:
            short.setdefault(d.short, []).append(d)
    # A short name that is also another division's full name is that division (海南 is the province).
    short = {k: v for k, v in short.items() if k not in full}
    for alias, name in ALIASES.items():  # 首都: Beijing, in any mainland text
        short[alias] = full[name]
    longest = max(len(k) for k in [*full, *short])
    return ({k: tuple(v) for k, v in full.items()}, {k: tuple(v) for k, v in short.items()}, longest)


def longest_name() -> int:
    """The length of the longest division name, full or short."""
    return _index()[2]


def is_division(name: str) -> bool:
    """Whether ``name`` is the full name of a division (濂溪区; not 城区).

    >>> is_division("濂溪区"), is_division("城区")
    (True, False)
    """
    return name in _index()[0]


LEVELS = ("province", "prefecture", "county")  # highest first


def highest_level(found: tuple[Division, ...]) -> tuple[Division, ...]:
    """The highest level a short name reaches: 吉林 is the province first, 西安 the city
    西安市 before the two districts called 西安区.

    >>> [d.name for d in highest_level(_index()[1]["西安"])]
    ['西安市']
    """
    top = min(LEVELS.index(d.level) for d in found)
    return tuple(d for d in found if LEVELS.index(d.level) == top)


def find_places(text: str, in_name: bool = False, whole_words: bool = True) -> list[Mention]:
    """Division names in ``text``, longest match first, left to right. ``in_name``: the
    text is an institution's name, where every short name counts (a county's only as a
    word of it, unless ``whole_words`` is off: a dateline checks its own boundaries).

    >>> [m.text for m in find_places("青海省海南州人民医院赴济宁市任城区")]
    ['青海省', '海南州', '济宁市', '任城区']
    >>> [m.text for m in find_places("过端午 制香囊 送安康")]
    []
    >>> [m.text for m in find_places("广安门医院与北京路社区卫生服务中心", in_name=True)]
    []
    >>> [m.candidates[0].name for m in find_places("保障首都人民健康")]
    ['北京市']
    """
    if not in_name:
        return list(_scan(text, in_name=False))
    return list(_in_name(text) if whole_words else _scan(text, in_name=True))


def whole_place(text: str) -> Mention | None:
    """The place that ``text`` is, whole (in-name rules: short names count), else None.

    >>> whole_place("大连").candidates[0].name, whole_place("大连医科大学"), whole_place("济南市历下区")
    ('大连市', None, None)
    """
    found = _in_name(text)
    return found[0] if len(found) == 1 and (found[0].start, found[0].end) == (0, len(text)) else None


@lru_cache(maxsize=65536)  # institution names and jieba tokens recur: look each up once
def _in_name(text: str) -> tuple[Mention, ...]:
    """In a name a county's short name counts only as a word of it (萧山 in 萧山中医院, not
    市中 in 市中心医院): its ends fall where the segmenter cuts the name.

    >>> [m.text for m in _in_name("市中心医院")], [m.text for m in _in_name("萧山中医院")]
    ([], ['萧山'])
    """
    return _county_shorts_as_words(text, _scan(text, in_name=True))


def _county_shorts_as_words(text: str, found: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """``found`` without the county short names that are not whole words of ``text`` (the
    text is segmented only when there is one to check)."""
    if not any(is_county_short(m) for m in found):
        return found
    bounds = word_bounds(text)
    return tuple(m for m in found if not is_county_short(m) or (m.start in bounds and m.end in bounds))


# A county's short name that jieba's dictionary counts this often or more is an ordinary
# word as often as a place, even when tagged one (新建 1,000, 海港 420; 平江 189, 崂山 71).
COUNTY_SHORT_NAME_MAX_WORD_COUNT = 300


def county_short_names(text: str) -> list[Mention]:
    """Counties named by their short names in running text (平江, 崂山), as the last place
    the province may come from: only those jieba's dictionary tags a place and counts
    rarely (fewer than ``COUNTY_SHORT_NAME_MAX_WORD_COUNT`` times), and only as whole
    words of the text.

    >>> [m.text for m in county_short_names("党员们来到崂山革命烈士陵园,回到平江")]
    ['崂山', '平江']
    >>> [m.text for m in county_short_names("医院新建了门诊楼,加大新项目投入,驶入海港")]
    []
    """
    from ..lexicon import jieba_tags, tables

    tags, counts = jieba_tags(), tables().freq
    found = tuple(m for m in _scan(text, in_name=True) if is_county_short(m) and tags.get(m.text, "").startswith("ns")
                  and (counts.get(m.text) or 0) < COUNTY_SHORT_NAME_MAX_WORD_COUNT)
    return list(_county_shorts_as_words(text, found))


def is_county_short(m: Mention) -> bool:
    """A mention that is only a county's short name (萧山, 大新): a word as often as a place."""
    return m.short and all(d.level == "county" for d in m.candidates)


def word_bounds(text: str) -> set[int]:
    """Where the segmenter's words of ``text`` begin and end.

    >>> sorted(word_bounds("萧山中医院"))
    [0, 2, 5]
    """
    from .keywords import cut  # the segmenter lives with the keyword extractor

    return {0, *accumulate(len(token) for token in cut(text))}


@lru_cache(maxsize=1)
def _automaton() -> Any:
    """Every full and short name (two characters or more) in one Aho-Corasick automaton
    (``pyahocorasick``): a text is scanned once, in C, for all of them."""
    import ahocorasick

    full, short, _ = _index()
    automaton = ahocorasick.Automaton()
    for name in {*full, *short}:
        if len(name) >= 2:
            automaton.add_word(name, len(name))
    automaton.make_automaton()
    return automaton


def _starts(text: str) -> list[tuple[int, list[int]]]:
    """Where names start in ``text``, each with the lengths of the names found there,
    longest first; in order of position."""
    starts: dict[int, list[int]] = {}
    for end, size in _automaton().iter(text):
        starts.setdefault(end - size + 1, []).append(size)
    return [(i, sorted(sizes, reverse=True)) for i, sizes in sorted(starts.items())]


def _scan(text: str, in_name: bool) -> tuple[Mention, ...]:
    """Leftmost-longest names, left to right: at each place a name starts, the longest one
    that counts there (a county's short name only inside an institution's name); after a
    mention the scan goes on at its end."""
    found: list[Mention] = []
    resume = 0
    for i, sizes in _starts(text):
        if i < resume:
            continue
        mention = next((m for size in sizes if (m := mention_at(text, i, size, in_name)) is not None), None)
        if mention is not None:
            found.append(mention)
            resume = mention.end
    return tuple(found)


def mention_at(text: str, i: int, size: int, in_name: bool) -> Mention | None:
    """The name of ``size`` characters at ``i`` as a mention, when it counts there: a full
    name always; a short name when it is a province's, a prefecture's that is not a word
    first, or any inside an institution's name (``in_name``)."""
    from ..lexicon import jieba_tags

    full, short, _ = _index()
    piece = text[i : i + size]
    if piece in full:
        return Mention(i, i + size, piece, full[piece], False)
    cands = short.get(piece)
    if not cands:
        return None
    if text[i + size : i + size + 1] in STREET_WORDS:  # 北京路, 广安门: a street or a gate named after a place
        return None
    if _township_named_after(text, i + size, full, short):
        return None
    levels = {d.level for d in cands}
    # 大新 (大新县) in 加大新项目: a county's short name is only trusted in a name
    trusted = "province" in levels or ("prefecture" in levels and not _word_first(piece, jieba_tags()))
    return Mention(i, i + size, piece, highest_level(cands), True) if in_name or trusted else None


def _township_named_after(text: str, end: int, full: dict, short: dict) -> bool:
    """A short name ending at ``end`` names a town or township, not the place itself.

    >>> _township_named_after("江南区延安镇", 5, {}, {}), _township_named_after("长沙乡镇卫生院", 2, {}, {})
    (True, False)
    >>> _township_named_after("扬州镇江", 2, {}, {"镇江": ()})
    False
    """
    if text[end : end + 1] not in TOWNSHIP_WORDS or text.startswith(_NOT_A_TOWNSHIP, end):
        return False
    return not any(text[end : end + k] in full or text[end : end + k] in short for k in range(2, 5))


@dataclass(frozen=True)
class Location:
    province: str | None
    city: str | None


def locate(mentions: list[tuple[Mention, float]]) -> Location:
    """The province (and city, when one leads) that weighted place mentions point to.
    An ambiguous name (市中区) votes only once another mention has settled its province.

    >>> locate([(m, 1.0) for m in find_places("济宁市任城区与泰安市")])
    Location(province='山东省', city='济宁市')
    >>> locate([])
    Location(province=None, city=None)
    """
    votes: dict[str, float] = {}
    for m, w in mentions:
        provinces = {d.province for d in m.candidates}
        if len(provinces) == 1:
            p = provinces.pop()
            votes[p] = votes.get(p, 0.0) + w
    if not votes:
        return Location(None, None)
    province = max(votes, key=lambda p: (votes[p], -_first(mentions, p)))
    cities: dict[str, float] = {}
    for m, w in mentions:
        for d in m.candidates:
            if d.province == province and d.city:
                cities[d.city] = cities.get(d.city, 0.0) + w / len(m.candidates)
    city = max(cities, key=lambda c: (cities[c], -_first(mentions, c, city=True))) if cities else None
    return Location(province, city)


def _first(mentions: list[tuple[Mention, float]], name: str, city: bool = False) -> int:
    """Position of the first mention pointing at ``name`` (ties go to the earlier)."""
    for i, (m, _) in enumerate(mentions):
        if any((d.city if city else d.province) == name for d in m.candidates):
            return i
    return len(mentions)
