"""Where a name that ends in a known head noun (…医院, …党支部) begins.

Chinese names have no spaces, so the start of ``四川省肿瘤医院`` in ``联合四川省肿瘤医院``
is found by walking back from the head over jieba's tokens of the same clause: tokens
that can sit inside a name (place names, nouns, numbers, 附属 …) are taken, anything
else (verbs, prepositions, conjunctions, pronouns, time words) ends the walk. The name
then starts at the leftmost token that can *begin* a name: a place, an organisation,
or an administrative level (省/市/县/区). A name with no such start is generic (上级医院,
肿瘤医院, 刘楼卫生院) and is resolved, if at all, against the fuller names around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import jieba, jieba_tags
from .gazetteer import find_places, is_division, longest_name, whole_place

CLAUSE_BREAK = re.compile(r"[\s,,。;;::!!??、()()“”\"‘’《》<>〈〉【】\[\]「」『』|/·…—]")
MAX_PREFIX = 24  # characters looked back from the head
# Parts of speech that can sit inside a name: nouns, places, organisations, other proper
# nouns, abbreviations, numbers (第二), distinguishing words (附属), verbal nouns (临床),
# place words (东方 in 上海市东方医院).
_INSIDE = {"n", "nr", "nrt", "nrfg", "ns", "nt", "nz", "j", "m", "b", "vn", "eng", "ng", "nl", "an", "s"}
# Verbs that occur inside names of health institutions and Party branches.
INSIDE_VERBS = {
    "省立", "立", "附属", "防治", "保健", "康复", "预防", "控制", "急救", "放疗", "护理", "管理", "检验", "麻醉",
    "结合", "健康",  # 中西医结合医院, 健康体检中心
}
# Nouns that come before a name but are never part of one.
_NOT_INSIDE = {
    "院长", "副院长", "书记", "副书记", "主任", "副主任", "代表", "党员", "同志", "群众", "患者", "专家", "团队", "工作",
    "活动", "全体", "单位", "辖区", "领导", "人员", "工作人员", "医务人员", "职工", "干部", "党委书记", "委员", "院士",
    "全院", "时间", "号", "路", "大道", "街", "会后", "大会", "会议", "期间", "之际", "今年", "去年", "近日", "日前", "当天", "下午", "上午", "晚上",
}
_LEVEL_CHARS = set("省市县区州镇乡村旗盟")
_AFTER_LEVEL = {"委", "中心"}  # what the segmenter glues to a level character in 市委, 市中心医院
_LEVEL_WORDS = {"自治区", "自治州", "自治县", "自治旗"}  # 自治区人民医院: the region's own, as 省人民医院 is
_START_TAGS = {"ns", "nt", "nz", "j", "eng"}
_NATIONAL = {"国家"}  # 国家卫健委: the national body is a proper name
_GRASSROOTS_LEVELS = set("镇乡村")  # a town or village too small for the gazetteer: 寿张镇, 沙洲村
# A quantifier before a name makes it a kind of institution, not one (各乡镇卫生院).
_QUANTIFIED = re.compile(r"各|每|诸|所有|部分|多家|全体")
# …and so does a count of them in the name's place (会同 两所 附属医院: two hospitals, no name).
_COUNTED = re.compile(r"^[两二三四五六七八九十几数多\d]+[所家个座]$")
# A unit below the county that follows its own name as a word (瞿溪 街道, 海特花园 社区):
# the name begins at the leftmost token before it that can sit inside a name.
_GRASSROOTS_UNITS = re.compile(r"^(?:街道|社区|街道社区|镇|乡|村)$")
# What stands before 卫生院 without naming one township (乡镇卫生院, 各卫生院).
_GENERIC_TOWNSHIP = re.compile(r"^(?:各|全县|全市|全区)?(?:镇|乡|村|中心|各镇)$|(?:乡镇|基层|辖区|农村|所属|各级)$")
# A city's hospitals go by their number alone in its own news (第三中医院, 第二医院,
# 第一人民医院): the ordinal names one hospital, as a place would.
_ORDINAL_HOSPITAL = re.compile(r"^第[一二三四五六七八九十]{1,3}(?:人民|中心|附属)?$")
_ORDINAL_HEADS = {"医院", "中医院"}
# Military hospitals go by a three-digit number (904医院, 九〇三医院).
_NUMBERED_HOSPITAL = re.compile(r"(?:\d{3}|[一二三四五六七八九〇零]{3})$")
# jieba's dictionary knows some institutions whole (tag ``nt``: 中日友好医院, 阜外医院) whose
# first part its tokens do not show as a name (中日 a time word, 友好 an adjective). Such a
# dictionary name counts when its part before the head is no common word (儿童医院, 中心医院,
# 公立医院 are kinds of hospital) or is itself a proper noun.
_DICTIONARY_NAME_TAG = "nt"
_PROPER_PREFIX_TAGS = {"ns", "nt", "nz", "nr", "nrt"}


@dataclass(frozen=True)
class Name:
    text: str
    start: int
    end: int
    proper: bool  # False: no place, organisation or person starts it (上级医院)


@lru_cache(maxsize=8192)
def _tokens(clause: str) -> tuple[tuple[str, str], ...]:
    import jieba.posseg as posseg

    jieba()  # dictionary loaded once, quietly
    return tuple((t.word, t.flag) for t in posseg.cut(clause))


def _inside(word: str, flag: str) -> bool:
    if word in _NOT_INSIDE:
        return False
    if word in INSIDE_VERBS or word in _LEVEL_CHARS:
        return True
    return flag in _INSIDE or _is_place(word)


def _is_place(word: str) -> bool:
    """A token that is a place's name, whatever its tag (jieba tags 大连 an adverb before
    医科大学): a full name, or the short name of a province or prefecture (a county's short
    name is often a word: 振兴, 平安)."""
    place = whole_place(word)
    return place is not None and (not place.short or any(d.level != "county" for d in place.candidates))


def _starts(word: str, flag: str) -> bool:
    if flag in _START_TAGS or word in _LEVEL_CHARS or word in _LEVEL_WORDS or (word[1:] in _AFTER_LEVEL and word[0] in _LEVEL_CHARS):
        return True  # 市委, 市中心 (the segmenter's words for 市 + 委 / 中心, as in 市中心医院)
    if word in _NATIONAL or (len(word) >= 3 and word[-1] in _GRASSROOTS_LEVELS):  # 国家卫健委; 寿张镇卫生院
        return True
    found = find_places(word, in_name=True)
    return bool(found) and found[0].start == 0


def clause_before(text: str, position: int) -> tuple[int, str]:
    """(start, text) of the clause that ends at ``position``, at most ``MAX_PREFIX``
    characters long.

    >>> clause_before("会后时间,联合四川省肿瘤医院", 12)
    (5, '联合四川省肿瘤')
    """
    start = max(0, position - MAX_PREFIX)
    for m in CLAUSE_BREAK.finditer(text, start, position):
        start = m.end()
    return start, text[start:position]


LEVEL_LOOKAHEAD = 2  # how far into a name its first level character may stand (山区 in 璧山区)


def _division_before(text: str, start: int) -> int:
    """A name whose first characters end on a level character (区人民医院, 山区人民医院)
    starts earlier when a division's full name ends there (濂溪区人民医院, 璧山区人民医院:
    the segmenter cut 濂溪 off, or made 璧 a word of its own and 山区 another).

    >>> _division_before("濂溪区人民医院", 2), _division_before("该区人民医院", 1), _division_before("重庆市璧山区人民医院", 4)
    (0, 1, 3)
    """
    for level in range(start, min(start + LEVEL_LOOKAHEAD, len(text))):
        if text[level] not in _LEVEL_CHARS:
            continue
        for size in range(longest_name(), 1, -1):
            begin = level + 1 - size
            if 0 <= begin < start and is_division(text[begin : level + 1]):
                return begin
        break
    return start


@lru_cache(maxsize=1)
def _dictionary_name_sizes() -> dict[str, tuple[int, ...]]:
    """For each institution head, the lengths of jieba's organisation names that end with
    it, longest first (about a hundred names in all): a mention looks up only those."""
    from .institutions import HEADS

    by_last: dict[str, list[str]] = {}
    for head in HEADS:
        by_last.setdefault(head[-1], []).append(head)
    sizes: dict[str, set[int]] = {}
    for word, tag in jieba_tags().items():
        if tag == _DICTIONARY_NAME_TAG and word[-1] in by_last:
            for head in by_last[word[-1]]:
                if word.endswith(head) and word != head:
                    sizes.setdefault(head, set()).add(len(word))
    return {head: tuple(sorted(found, reverse=True)) for head, found in sizes.items()}


def _dictionary_name(text: str, clause_start: int, head_start: int, head_end: int) -> int | None:
    """Where the longest institution name of jieba's dictionary ending at ``head_end``
    starts, when its part before the head is a proper noun or no word at all.

    >>> _dictionary_name("中日友好医院党委", 0, 4, 6), _dictionary_name("市儿童医院", 0, 3, 5)
    (0, None)
    """
    tags = jieba_tags()
    sizes = _dictionary_name_sizes().get(text[head_start:head_end], ())
    for size in sizes:  # longest first; a one-character prefix is no name
        begin = head_end - size
        if begin < clause_start or begin > head_start - 2:
            continue
        if tags.get(text[begin:head_end]) == _DICTIONARY_NAME_TAG:
            prefix_tag = tags.get(text[begin:head_start])
            if prefix_tag is None or prefix_tag in _PROPER_PREFIX_TAGS:
                return begin
    return None


def name_ending_at(text: str, head_start: int, head_end: int) -> Name:
    """The name whose head noun is ``text[head_start:head_end]``.

    >>> name_ending_at("会后时间,联合四川省肿瘤医院放疗科", 12, 14)
    Name(text='四川省肿瘤医院', start=7, end=14, proper=True)
    >>> name_ending_at("积极开展对基层医院的帮扶", 7, 9)
    Name(text='基层医院', start=5, end=9, proper=False)
    >>> name_ending_at("一行到瞿溪街道社区卫生服务中心", 9, 15).text, name_ending_at("近年来904医院", 6, 8).text
    ('瞿溪街道社区卫生服务中心', '904医院')
    >>> name_ending_at("经过激烈角逐三岔卫生院王婷朗诵", 8, 11).proper, name_ending_at("全县乡镇卫生院", 4, 7).proper
    (True, False)
    >>> name_ending_at("赴自治区人民医院", 6, 8).text, name_ending_at("来到上海市东方医院", 7, 9).text
    ('自治区人民医院', '上海市东方医院')
    >>> name_ending_at("3月25日,大连医科大学附属第一医院召开大会", 16, 18).text
    '大连医科大学附属第一医院'
    >>> name_ending_at("深入开展平安医院创建", 6, 8).proper  # 平安: a county's short name, here a word
    False
    >>> name_ending_at("近日,第三中医院党委", 5, 8).text, name_ending_at("全县第二医院", 4, 6).proper
    ('第三中医院', False)
    >>> name_ending_at("该市各乡镇卫生院开展随访", 5, 8).proper, name_ending_at("督导检查村卫生室", 5, 8).proper
    (False, False)
    >>> name_ending_at("前往沙洲村卫生室", 5, 8).proper, name_ending_at("到镇卫生院", 2, 5).proper
    (True, False)
    >>> name_ending_at("统战部会同两所附属医院开展义诊", 9, 11)
    Name(text='附属医院', start=7, end=11, proper=False)
    """
    clause_start, clause = clause_before(text, head_start)
    tokens = _tokens(clause) if clause else ()
    taken = 0  # characters taken, counted back from the head
    begin: int | None = None
    unit_seen = False  # a grassroots unit (街道, 社区) was taken: every token before it is its name
    counted = False
    for i in range(len(tokens) - 1, -1, -1):
        word, flag = tokens[i]
        if _COUNTED.match(word):
            counted = True
            break
        if not (_inside(word, flag) or (unit_seen and flag.startswith("nr"))):  # 瞿溪 is tagged a person's name
            break
        if unit_seen and flag.startswith("v"):  # 督导检查 村卫生室: a village is not named by a verb
            break
        taken += len(word)
        if _starts(word, flag) or (unit_seen and flag != "m" and not _GRASSROOTS_UNITS.match(word)):  # not 7个 社区
            begin = taken
        unit_seen = unit_seen or bool(_GRASSROOTS_UNITS.match(word))
    if begin is None and text[head_start:head_end] == "医院" and (number := _NUMBERED_HOSPITAL.search(clause)):
        begin = len(number.group())
    if begin is None and text[head_start:head_end] in _ORDINAL_HEADS and _ORDINAL_HOSPITAL.match(clause[len(clause) - taken :]):
        begin = taken
    if (begin is None and text[head_start:head_end] == "卫生院" and taken >= 2
            and not _GENERIC_TOWNSHIP.search(clause[len(clause) - taken :])):
        begin = taken  # a 卫生院 is named by its township (三岔卫生院), whatever jieba makes of the name
    known = _dictionary_name(text, clause_start, head_start, head_end)
    if known is not None and (begin is None or known < head_start - begin):
        begin = head_start - known
    if begin is not None and not counted:
        start = _division_before(text, head_start - begin)
        # 各乡镇卫生院: a quantifier before the name makes it a kind, not one institution; so
        # does a town's or village's level alone after a word that is no name (检查 村卫生室,
        # 到 镇卫生院: any village's clinic; 所街 乡卫生院 is one).
        alone = (text[start:head_start] in _GRASSROOTS_LEVELS and len(tokens) >= 2 and tokens[-1][0] == text[start:head_start]
                 and not tokens[-2][1].startswith("n"))
        return Name(text[start:head_end], start, head_end, not (alone or _QUANTIFIED.match(text, start)))
    start = head_start - taken
    return Name(text[start:head_end], start, head_end, False)
