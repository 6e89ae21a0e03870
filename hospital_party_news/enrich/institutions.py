"""Health institutions named in an article: hospitals, 卫生院, 卫生室, 疾控中心, 血液中心,
中心血站, 妇幼保健院, medical universities, 卫健委 / 卫生健康局 / 卫生计生委 …

Each mention is a head noun plus the name before it (``names.py``). Then:
- a name inside a longer one is the longer one (长治医学院 in 长治医学院附属和济医院);
- ``A(B)`` makes B another name of A (武汉大学人民医院(湖北省人民医院));
- a short form is resolved to the one longer name it abbreviates, when the article gives
  exactly one (肿瘤医院 → 天津医科大学肿瘤医院, 市一医院 → 杭州市第一人民医院);
- a generic mention that resolves to nothing (上级医院, 基层医院) is dropped; a hospital
  named by its place's level and its number (市一院, 县三医院) is one hospital, kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .names import Name, name_ending_at
from .tables import table_rows

HEADS = (
    "卫生和计划生育委员会", "卫生健康委员会", "疾病预防控制中心", "社区卫生服务中心", "卫生服务中心", "卫生健康局", "卫生健康委",
    "妇幼保健计划生育服务中心", "医院管理局", "医疗保障局", "医学科学院", "中医药科学院", "中医科学院", "中医药大学", "医科大学", "医学院", "卫健委", "卫健局", "卫计委", "卫生厅", "卫生局",
    "医保局", "疾控中心", "中心血站", "血液中心", "急救中心", "检验中心", "医学中心", "医疗中心", "诊断中心", "防治中心", "医疗集团",
    "卫生计生监督局", "卫生监督所", "中医药管理局", "卫生服务站", "卫生计生委", "康复中心", "体检中心", "卫计局",
    "医管局", "妇计中心", "防治院", "防治所", "卫生院", "卫生室", "血站",
    "保健院", "妇保院", "中医院", "医院", "病院", "分院",
)
HEAD = re.compile("|".join(HEADS))
SELF_REFERENCES = ("我院", "本院", "我所", "本所")  # 我所: a CDC or a supervision institute
ALIAS_OPEN, ALIAS_CLOSE = "((", "))"


# A university's affiliated hospitals go by the university's short name and a number
# (哈医大六院, 兰大二院, 重医附一院, 医大六院 once the city is known): a name without a
# head noun, as it stands. The short name is the first one or two characters of a
# province's or a prefecture's name (哈, 兰, 河北), or nothing before 医大.
_NUMBERED_AFFILIATE = re.compile(r"(?:医大|大|医)附?[一二三四五六七八九十]院")
_AFFILIATE_PREFIX_CHARS = 2


@cache
def _place_openings() -> frozenset[str]:
    """The first one or two characters of every province's and prefecture's name."""
    from .gazetteer import divisions

    return frozenset(d.name[:n] for d in divisions() if d.level != "county" for n in (1, 2))


def _numbered_affiliates(text: str) -> list[Name]:
    """
    >>> [n.text for n in _numbered_affiliates("指导组对哈医大六院开展指导,医大六院院长汇报了山大二院的做法")]
    ['哈医大六院', '医大六院', '山大二院']
    >>> [n.text for n in _numbered_affiliates("参加了大二院系的比赛")]
    []
    """
    out = []
    for m in _NUMBERED_AFFILIATE.finditer(text):
        prefix = next((n for n in range(_AFFILIATE_PREFIX_CHARS, 0, -1)
                       if m.start() >= n and text[m.start() - n : m.start()] in _place_openings()), 0)
        if prefix or m.group().startswith("医大"):
            out.append(Name(text[m.start() - prefix : m.end()], m.start() - prefix, m.end(), True))
    return out


# A city's or county's hospitals go by their level and number (市一院, 县三医院, 省二院): one
# hospital of the article's place, named as it stands; the full name, when given, is its.
_LEVEL_ORDINAL = re.compile(r"[省市县区]第?[一二三四五六七八九十]{1,2}医?院(?![长士校区])")


def _level_ordinal_hospitals(text: str) -> list[Name]:
    """Unless the level character makes a word with the one before it (城市, 全市).

    >>> [n.text for n in _level_ordinal_hospitals("市一院党委组织专家赴县三医院,省二院派员参加")]
    ['市一院', '县三医院', '省二院']
    >>> _level_ordinal_hospitals("城市三院联动"), _level_ordinal_hospitals("全市一院一品")
    ([], [])
    """
    from ..lexicon import jieba_tags

    tags = jieba_tags()
    return [Name(m.group(), m.start(), m.end(), True) for m in _LEVEL_ORDINAL.finditer(text)
            if not (m.start() and text[m.start() - 1 : m.start() + 1] in tags)]


@dataclass
class Institution:
    name: str
    mentions: list[Name]  # every mention resolved to it, in text order

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)


def mentions(text: str) -> list[Name]:
    """Every institution mention, a mention inside a longer one left out.

    >>> [(m.text, m.proper) for m in mentions("长治医学院附属和济医院与北京301医院、协和医院和基层医院")]
    [('长治医学院附属和济医院', True), ('北京301医院', True), ('协和医院', True), ('基层医院', False)]
    >>> [m.text for m in mentions("北京市医管局、市妇计中心和省中医药科学院")]
    ['北京市医管局', '市妇计中心', '省中医药科学院']
    >>> [m.text for m in mentions("市医学检验中心主任出席,省卫生厅派员指导")]
    ['市医学检验中心', '省卫生厅']
    >>> [m.text for m in mentions("北医三院党委组织专家赴崇礼,与四川大学华西医院专家会合")]
    ['北医三院', '四川大学华西医院']
    >>> [m.text for m in mentions("中共城南市第一医院委员会召开大会")]
    ['城南市第一医院']
    >>> [m.text for m in mentions("指导组对哈医大六院开展指导,医大六院院长汇报")]
    ['哈医大六院', '医大六院']
    """
    found = [_without_party(name_ending_at(text, m.start(), m.end())) for m in HEAD.finditer(text)]
    found = [n for n in found if n.text not in HEADS]  # a bare 医院 names nothing
    # Well-known short names without a head noun of their own (北医三院, 兰大二院): named as they stand.
    found += [Name(m.group(), m.start(), m.end(), True) for m in _known_names().finditer(text)]
    found += _numbered_affiliates(text)
    found += _level_ordinal_hospitals(text)
    inside, reach = set(), -1
    for n in sorted(found, key=lambda n: (n.start, -n.end, not n.proper)):  # one sweep, not all pairs
        if n.end <= reach:
            inside.add(id(n))
        reach = max(reach, n.end)
    return sorted((n for n in found if id(n) not in inside), key=lambda n: n.start)


# The Party's name before an institution's, as its committee is named (中共齐齐哈尔市第一医院委员会):
# the institution is the hospital.
_PARTY_PREFIX = re.compile(r"^(?:中国共产党|中共)")
_MIN_NAME_AFTER_PARTY = 4  # characters: 中共医院 is no hospital's name


def _without_party(name: Name) -> Name:
    """
    >>> _without_party(Name("中共齐齐哈尔市第一医院", 0, 11, True)).text, _without_party(Name("中共医院", 0, 4, True)).text
    ('齐齐哈尔市第一医院', '中共医院')
    """
    m = _PARTY_PREFIX.match(name.text)
    if m is None or len(name.text) - m.end() < _MIN_NAME_AFTER_PARTY:
        return name
    return Name(name.text[m.end() :], name.start + m.end(), name.end, name.proper)


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def abbreviates(short: str, long: str) -> bool:
    """Whether ``short`` is a short form of ``long``: its characters in order, same head.

    >>> abbreviates("市一医院", "杭州市第一人民医院"), abbreviates("肿瘤医院", "天津医科大学肿瘤医院")
    (True, True)
    >>> abbreviates("省肿瘤医院", "四川省人民医院"), abbreviates("医大六院", "哈医大六院"), abbreviates("山大二院", "山东大学第二医院")
    (False, True, True)
    >>> abbreviates("市一院", "杭州市第一人民医院"), abbreviates("市一院", "杭州市中医院")
    (True, False)
    """
    if short == long or len(short) >= len(long):
        return False
    if (_NUMBERED_AFFILIATE.search(short) and not HEAD.search(short)) or _LEVEL_ORDINAL.fullmatch(short):
        # 山大二院: 山东大学第二医院; 医大六院: 哈医大六院; 市一院: 杭州市第一人民医院
        return long.endswith("院") and _is_subsequence(short, long)
    head = HEAD.search(short)
    return head is not None and long.endswith(short[head.start():]) and _is_subsequence(short, long)


def _aliases(text: str, names: list[Name]) -> dict[str, str]:
    """``B -> A`` for every ``A(B)`` where both are institution names."""
    by_start = {n.start: n for n in names}
    out: dict[str, str] = {}
    for n in names:
        if n.end < len(text) and text[n.end] in ALIAS_OPEN:
            inner = by_start.get(n.end + 1)
            if inner and inner.end < len(text) and text[inner.end] in ALIAS_CLOSE and inner.proper:
                out[inner.text] = out.get(n.text, n.text)
    return out


def institutions(text: str) -> list[Institution]:
    """Institutions in order of first mention, each under its fullest name.

    >>> [i.name for i in institutions("肿瘤医院党委书记带队。天津医科大学肿瘤医院承办,联合上级医院。")]
    ['天津医科大学肿瘤医院']
    >>> [i.name for i in institutions("国家卫健委调研组走访寿张镇卫生院、沙洲村卫生室和市中心血站。")]
    ['国家卫健委', '寿张镇卫生院', '沙洲村卫生室', '市中心血站']
    """
    found = mentions(text)
    alias = _aliases(text, found)
    proper = list(dict.fromkeys(alias.get(n.text, n.text) for n in found if n.proper))
    groups: dict[str, Institution] = {}
    for n in found:
        name = alias.get(n.text, n.text)
        longer = [p for p in proper if abbreviates(name, p)]
        if len(longer) > 1:  # 富阳中医骨伤医院: prefer the one name that contains it whole
            longer = [p for p in longer if name in p]
        if len(longer) > 1:  # 第一医院: 齐齐哈尔市第一医院 is itself short for 中共齐齐哈尔市第一医院
            longer = [p for p in longer if not any(abbreviates(p, q) for q in longer)]
        if len(longer) == 1:
            name = alias.get(longer[0], longer[0])
        elif not n.proper or (longer and name not in proper):
            continue
        groups.setdefault(name, Institution(name, [])).mentions.append(n)
    return sorted(groups.values(), key=lambda i: i.first)


KNOWN_TABLE = "known_institutions.tsv"


@cache
def _known() -> tuple[tuple[str, str], ...]:
    """(name, province) of the well-known institutions, longest name first."""
    return tuple(sorted(((n, p) for n, p, _ in table_rows(KNOWN_TABLE)), key=lambda row: -len(row[0])))


@cache
def _known_names() -> re.Pattern[str]:
    """The well-known names that are institutions' names in themselves (they end in 院)."""
    return re.compile("|".join(re.escape(n) for n, _ in _known() if n.endswith("院")) or "(?!)")


def known_province(name: str) -> str | None:
    """The province of a well-known institution whose name holds no place
    (``data/known_institutions.tsv``), when ``name`` is or contains one.

    >>> known_province("北医三院"), known_province("四川大学华西医院党委"), known_province("协和医院")
    ('北京市', '四川省', None)
    """
    return next((province for known, province in _known() if known in name), None)


def self_reference(text: str) -> str | None:
    """The article's word for its own institution (我院), when it uses one."""
    hits = [(text.find(w), w) for w in SELF_REFERENCES if w in text]
    return min(hits)[1] if hits else None
