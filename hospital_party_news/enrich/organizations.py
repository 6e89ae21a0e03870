"""Party organisations named in an article, with their level: 四川省肿瘤医院放疗科第四党支部
(党支部), 凤凰街道党工委 (党工委), 医院党委 (党委).

The name before the level word is found as for institutions (``names.py``); a bare
``医院党委`` / ``我院党委`` is the article's own institution's, so it takes the primary
institution's name when the article gives one.
"""

from __future__ import annotations

import re

from ..lexicon import jieba, jieba_tags
from .names import INSIDE_VERBS, name_ending_at

LEVELS = ("党总支", "党支部", "党工委", "党委", "党组", "支部")
_NOT_ROLE = r"(?!书记|副书记|委员|成员)"  # 党支部书记 is a person's role
_LEVEL = re.compile(rf"(?<!入)(?:党总支|党支部|党工委|党委|党组(?!织)|(?<![党团])支部(?!主题|党日)){_NOT_ROLE}")
_OWN = re.compile(r"^(?:医院|我院|本院|该院|全院)")
_COUNTED = re.compile(r"^(?:\d+|[一二三四五六七八九十两几多]+)个|^(?:双方|各|全体|所有)")
_NOT_NAME_TAGS = ("i", "l", "v", "d", "a", "c", "p", "r")  # 充分发挥党支部: not a name


def level_of(word: str) -> str:
    """The documented level of a level word.

    >>> level_of("支部"), level_of("党工委")
    ('党支部', '党工委')
    """
    return "党支部" if word == "支部" else word


def party_organizations(text: str, own_institution: str | None = None) -> list[tuple[str, str]]:
    """(name, level) pairs, in order of first mention, each once.

    >>> party_organizations("放疗科第四党支部联合四川省肿瘤医院放疗科第四党支部,凤凰街道党工委")
    [('放疗科第四党支部', '党支部'), ('四川省肿瘤医院放疗科第四党支部', '党支部'), ('凤凰街道党工委', '党工委')]
    >>> party_organizations("林承光党支部书记带队,两个支部")
    []
    >>> party_organizations("医院党委召开会议", own_institution="紫阳县人民医院")
    [('紫阳县人民医院党委', '党委')]
    """
    out: list[tuple[str, str]] = []
    for m in _LEVEL.finditer(text):
        name = name_ending_at(text, m.start(), m.end())
        prefix = _trim(name.text[: -len(m.group())])
        if _OWN.match(prefix):
            prefix = _OWN.sub(own_institution or "", prefix)
        if len(prefix) < 2 or _COUNTED.match(prefix):
            continue  # 各党支部, 两个支部: no name
        pair = (prefix + m.group(), level_of(m.group()))
        if pair not in out:
            out.append(pair)
    return out


def _trim(prefix: str) -> str:
    """Drop leading words that cannot start a name (充分发挥, 积极响应)."""
    tags = jieba_tags()
    words = jieba().lcut(prefix, HMM=False)
    def not_name(word: str) -> bool:  # jieba tags 充分发挥 ``n``; its 充分 tells better
        return word not in INSIDE_VERBS and any(tags.get(w, "n").startswith(_NOT_NAME_TAGS) for w in (word, word[:2] if len(word) >= 4 else word))

    while words and not_name(words[0]):
        words.pop(0)
    return "".join(words)
