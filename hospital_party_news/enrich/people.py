"""People named beside a role: 党委书记陆伟, 副院长扎洛, 林承光党支部书记.

A name is two or three Han characters right after a role word (or right before one,
when none follows). It must start with a character jieba's name model knows as a
surname, and it ends early at a character that begins the next word (陆伟带队 → 陆伟).
"""

from __future__ import annotations

import re
from functools import cache

from ..chars import HAN
from ..lexicon import jieba_tags

ROLES = (
    "总书记", "党委副书记", "党委书记", "党总支书记", "党支部书记", "支部副书记", "支部书记", "纪委书记", "副书记", "书记",
    "执行院长", "名誉院长", "副院长", "院长", "副主任医师", "主任医师", "主治医师", "科副主任", "科主任", "副主任", "主任",
    "护士长", "院士", "副局长", "局长", "副主席", "主席", "副部长", "部长", "副处长", "处长", "组织委员", "宣传委员",
    "纪检委员", "秘书长", "总会计师", "号长", "队长", "主委", "教授", "专家",
)
_ROLE = "|".join(ROLES)
_AFTER_ONLY = "|".join(r for r in ROLES if r not in ("专家", "院士", "教授"))  # 经过专家: no name before these
# Characters that begin the word after a name (陆伟带队, 王荣宣读, 徐鸿的带领).
_AFTER_NAME = set("带同在为表主介讲指说等一和与及的率出致宣参代向从就是也还到以了携领发上先亲首分回详简围结希要提充高全认积总深并作对所将给强任各均都把被让使请们等来去做")
# Characters that cannot be in a name here: they make it a unit or a title.
_NOT_NAME = set("院科部委局心会室队组处所站园党支书记主任长员医师中国省市县区街镇村")
_SURNAME_MIN_LOG_PROB = -10.5  # jieba's name model: log P(first char of a person's name)
_ALL_HAN = re.compile(f"[{HAN}]+")
_AFTER_ROLE = re.compile(rf"(?P<role>{_ROLE})(?:、(?P<role2>{_ROLE}))?(?P<name>[{HAN}]{{2,3}})")
_BEFORE_ROLE = re.compile(rf"(?P<name>[{HAN}]{{2,3}})(?P<role>{_AFTER_ONLY})")


@cache
def _surname_scores() -> dict[str, float]:
    from jieba.posseg.prob_emit import P

    return P[("B", "nr")]


def _is_word(text: str, nouns: bool = True) -> bool:
    """A dictionary word that is not a person's name (强调, 代表, 幼儿园); with
    ``nouns=False`` only a function word or verb counts (希望 in 希望双, not 甘泉 in 甘泉水)."""
    tag = jieba_tags().get(text)
    if tag is None or tag.startswith("nr"):
        return False
    return nouns or not tag.startswith("n")


def _is_name(name: str) -> bool:
    return (
        len(name) >= 2
        and not _is_word(name)
        and not _is_word(name[:2], nouns=False)
        and _surname_scores().get(name[0], -99.0) > _SURNAME_MIN_LOG_PROB
        and not any(ch in _NOT_NAME for ch in name[1:])
        and (name[0] == "党" or name[0] not in _NOT_NAME)  # 党 is also a surname
    )


def is_person_name(text: str) -> bool:
    """Whether ``text`` (2 or 3 Han characters) reads as a person's name: a likely
    surname, not a dictionary word, no character that makes it a unit or a title.

    >>> is_person_name("王晓明"), is_person_name("党支部"), is_person_name("讲座")
    (True, False, False)
    """
    return 2 <= len(text) <= 3 and bool(_ALL_HAN.fullmatch(text)) and _is_name(text)


def _trim_after(name: str) -> str:
    """陆伟带 → 陆伟: a three-character candidate ending in a word-start character."""
    return name[:2] if len(name) == 3 and name[2] in _AFTER_NAME else name


def people(text: str) -> list[tuple[str, str]]:
    """(name, role) pairs in order, each pair once.

    >>> people("由肿瘤医院党委书记陆伟带队,副院长扎洛、院长郝少峰在场,林承光党支部书记组织。")
    [('陆伟', '党委书记'), ('扎洛', '副院长'), ('郝少峰', '院长'), ('林承光', '党支部书记')]
    >>> people("太原市血液中心党委书记、主任白林携中心党员")
    [('白林', '党委书记、主任')]
    """
    found: list[tuple[int, str, str]] = []
    taken: list[tuple[int, int]] = []
    for m in _AFTER_ROLE.finditer(text):
        name = _trim_after(m["name"])
        if _is_name(name):
            role = m["role"] + (f"、{m['role2']}" if m["role2"] else "")
            found.append((m.start(), name, role))
            taken.append((m.start("role"), m.start("name") + len(name)))
    for m in _BEFORE_ROLE.finditer(text):
        if any(a <= m.start("role") < b for a, b in taken):
            continue
        name = m["name"]
        for size in (3, 2):  # the longest tail that is a name: 在林承光 → 林承光
            if len(name) >= size and _is_name(name[-size:]):
                found.append((m.start("name"), name[-size:], m["role"]))
                break
    out: dict[str, str] = {}  # name -> its first role
    for _, name, role in sorted(found):
        if not any(name.startswith(known) for known in out):  # 白林身先士卒 after 白林
            out.setdefault(name, role)
    return list(out.items())
