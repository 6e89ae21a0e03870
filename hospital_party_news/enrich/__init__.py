"""Stage 5, enrich: the metadata researchers analyse, derived from each article's
simplified headline and body: institutions, Party organisations, province / city and
places, people, campaigns, activity types, event dates and year, size and keywords.

Every extractor is a pure function of text in its own module; this one composes them.
"""

from __future__ import annotations

import re

from ..chars import HAN
from ..records import Article, Document, Metadata, Place
from .activities import activity_types
from .campaigns import find_campaigns
from .dates import article_year, event_dates
from .gazetteer import (
    MUNICIPALITIES,
    Location,
    Mention,
    county_short_names,
    find_places,
    highest_level,
    is_county_short,
    locate,
    word_bounds,
)
from .institutions import Institution, institutions, known_province, self_reference
from .keywords import keywords
from .organizations import party_organizations
from .people import people

HEADLINE_WEIGHT, LEAD_WEIGHT, BODY_WEIGHT = 3.0, 2.0, 1.0
# A short name in running text (西安, 朝阳) may be a word (迎着朝阳出发); a full name (芜湖市) is not.
SHORT_NAME_WEIGHT = 0.5
# Names of national institutions, seated in Beijing unless their name says otherwise.
NATIONAL_PREFIXES = ("中国", "国家", "中华", "中央", "中日友好")
CAPITAL = "北京市"


def _primary(found: list[Institution], headline_end: int, lead: tuple[int, int]) -> Institution | None:
    """The institution the article is about: the first named in the headline, else the
    one named in the lead paragraph that the article mentions most."""
    in_headline = [i for i in found if any(m.start < headline_end for m in i.mentions)]
    if in_headline:
        return min(in_headline, key=lambda i: i.first)
    in_lead = [i for i in found if any(lead[0] <= m.start < lead[1] for m in i.mentions)]
    if in_lead:
        return max(in_lead, key=lambda i: (len(i.mentions), -i.first))
    return None


def _place_mentions(text: str, found: list[Institution], headline_end: int, lead: tuple[int, int]) -> list[tuple[Mention, float]]:
    """Places in running text plus places inside institution names (where short names
    such as 萧山 count), each weighted by where it stands; a short name in running text
    counts ``SHORT_NAME_WEIGHT`` of that."""
    chars = list(text)
    for i in found:
        for m in i.mentions:  # blank the names out: their places are added below, where short names count
            chars[m.start : m.end] = "\0" * (m.end - m.start)
    running = find_places("".join(chars))
    running_set = set(running)
    in_names = [
        Mention(p.start + m.start, p.end + m.start, p.text, p.candidates, p.short)
        for i in found
        for m in i.mentions
        for p in find_places(m.text, in_name=True)
    ]

    def weight(m: Mention) -> float:
        where = HEADLINE_WEIGHT if m.start < headline_end else LEAD_WEIGHT if lead[0] <= m.start < lead[1] else BODY_WEIGHT
        return where * (SHORT_NAME_WEIGHT if m.short and m in running_set else 1.0)

    return [(m, weight(m)) for m in sorted([*running, *in_names], key=lambda m: m.start)]


_DATELINE_WORD_ENDS = ("讯", "电", "报")  # what follows the place in 本报萧山讯, 新华社南昌电, 云上通山报道
_BYLINES = re.compile(r"\([^()]*\)?")  # (记者 王扬 通讯员 李明): cleaning made every bracket ASCII


def dateline_places(dateline: str) -> list[Mention]:
    """Places in a dateline's lead, before the bylines in parentheses (their names are
    people's: 李桂平 holds the county 桂平), where a county's short name counts as in a name
    (本报萧山讯), but only standing as a word: its start a word boundary, its end one too
    or the dateline's 讯 / 电 / date (本报大新讯); 大新 (a county) is not in 中大新闻网讯.

    >>> [m.text for m in dateline_places("中大新闻网讯(通讯员于萍)")], [m.text for m in dateline_places("本报大新讯(记者 王扬)")]
    ([], ['大新'])
    >>> [m.text for m in dateline_places("本报济宁10月31日讯(记者 王扬)")], [m.text for m in dateline_places("本站讯(党办 李桂平)")]
    (['济宁'], [])
    """
    dateline = _BYLINES.sub("", dateline)
    bounds = word_bounds(dateline)
    return [m for m in find_places(dateline, in_name=True, whole_words=False)
            if not m.short or (m.start in bounds and (m.end in bounds or dateline[m.end : m.end + 1] in _DATELINE_WORD_ENDS
                                                       or dateline[m.end : m.end + 1].isdigit()))]


# In an institution's name a county's short name may be a word (解放 in 解放军总医院海南医院,
# when the segmenter does not keep 解放军 whole): it counts this much of a province's or a
# prefecture's name.
COUNTY_SHORT_NAME_IN_NAME_WEIGHT = 0.5


def _in_name_weight(m: Mention) -> float:
    """
    >>> [(m.text, _in_name_weight(m)) for m in find_places("萧山中医院海南分院", in_name=True)]
    [('萧山', 0.5), ('海南', 1.0)]
    """
    return COUNTY_SHORT_NAME_IN_NAME_WEIGHT if is_county_short(m) else 1.0


def _location(dateline: str | None, primary: str | None, mentions: list[tuple[Mention, float]], text: str = "") -> Location:
    """Dateline first (本报济宁…讯), then the primary institution's name (the places in it,
    else where a well-known institution stands: ``data/known_institutions.tsv``), then
    every place, those of a province an aid mission went to (援疆, 对口支援西藏) counting
    ``AIDED_PROVINCE_WEIGHT`` of their weight.

    >>> _location(None, "兰大二院", []).province, _location(None, "北医三院", []).city
    ('甘肃省', '北京市')
    """
    if dateline:
        found = locate([(m, 1.0) for m in dateline_places(dateline)])
        if found.province:
            return found
    if primary:
        found = locate([(m, _in_name_weight(m)) for m in find_places(primary, in_name=True)])
        if found.province:
            return found
        if primary.startswith(NATIONAL_PREFIXES):
            return Location(CAPITAL, CAPITAL)
        known = known_province(primary)
        if known is not None:  # 北医三院, 兰大二院: a name a reader places without a place in it
            return Location(known, known if known in MUNICIPALITIES else None)
    return locate(_discount_aided(mentions, text))


# An aid mission names where the team went (援疆, 援鄂医疗队, 对口支援西藏): the page is the
# sending hospital's. Places in the aided province count this much of their weight.
AIDED_PROVINCE_WEIGHT = 0.25
# The provinces' one-character abbreviations (沪, 鄂, 陇 …), as an ICP licence number starts
# with one (沪ICP备14049724号) and an aid mission names where it went (援鄂, 援藏).
PROVINCE_ABBREVIATIONS = {
    "京": "北京市", "津": "天津市", "沪": "上海市", "渝": "重庆市", "冀": "河北省", "晋": "山西省", "蒙": "内蒙古自治区",
    "辽": "辽宁省", "吉": "吉林省", "黑": "黑龙江省", "苏": "江苏省", "浙": "浙江省", "皖": "安徽省", "闽": "福建省",
    "赣": "江西省", "鲁": "山东省", "豫": "河南省", "鄂": "湖北省", "湘": "湖南省", "粤": "广东省", "桂": "广西壮族自治区",
    "琼": "海南省", "川": "四川省", "蜀": "四川省", "黔": "贵州省", "贵": "贵州省", "滇": "云南省", "云": "云南省",
    "藏": "西藏自治区", "陕": "陕西省", "甘": "甘肃省", "陇": "甘肃省", "青": "青海省", "宁": "宁夏回族自治区",
    "新": "新疆维吾尔自治区",
}
# The aid missions' own words: 援疆 (not 援新, which is 支援新冠 …), 援汉 (Wuhan's Hubei).
_AID_ABBREVIATIONS = {k: PROVINCE_ABBREVIATIONS[k] for k in "藏青鄂黔滇蒙宁桂"} | {
    "疆": PROVINCE_ABBREVIATIONS["新"], "汉": PROVINCE_ABBREVIATIONS["鄂"]}
_AID = re.compile(rf"援([{''.join(_AID_ABBREVIATIONS)}])(?![{HAN}]?[院所])|对口(?:支援|帮扶)([{HAN}]{{2,12}})")


def aided_provinces(text: str) -> set[str]:
    """Provinces an aid mission in ``text`` went to.

    >>> sorted(aided_provinces("我院援疆干部与对口支援西藏山南的队员"))
    ['新疆维吾尔自治区', '西藏自治区']
    >>> aided_provinces("支援医院建设")
    set()
    """
    out: set[str] = set()
    for m in _AID.finditer(text):
        if m.group(1):
            out.add(_AID_ABBREVIATIONS[m.group(1)])
        else:
            out.update(d.province for p in find_places(m.group(2), in_name=True)[:1] for d in p.candidates)
    return out


def _discount_aided(mentions: list[tuple[Mention, float]], text: str) -> list[tuple[Mention, float]]:
    aided = aided_provinces(text)
    if not aided:
        return mentions
    return [(m, w * AIDED_PROVINCE_WEIGHT if {d.province for d in m.candidates} <= aided else w) for m, w in mentions]


def _places(mentions: list[tuple[Mention, float]], province: str | None) -> list[Place]:
    out: dict[str, Place] = {}
    for m, _ in mentions:
        cands = [d for d in m.candidates if d.province == province] if len(m.candidates) > 1 else list(m.candidates)
        if len(cands) > 1:  # 长治: the city 长治市 rather than the county of the same name
            cands = list(highest_level(tuple(cands)))
        if len(cands) == 1:
            d = cands[0]
            out.setdefault(d.code, Place(d.name, d.level, d.province, d.city, d.code))
    return list(out.values())


# A page's footer or welcome banner names who runs the site (版权所有, Copyright …, 沪ICP备…,
# 欢迎访问…医院, 地址:… the site's own address): for a hospital's own site, the hospital. Read only when the article, its
# credits and captions name no place.
_SITE_OWNER_CUE = re.compile(r"版权所有|版權所有|copyright|©|all rights reserved|icp备|公网安备|主办单位|主办[::]|欢迎(?:访问|光临|来到)|^\s*(?:医院)?地址[::]", re.IGNORECASE)
_ICP = re.compile(rf"([{HAN}])\s*ICP\s*[备证]", re.IGNORECASE)


def site_owner(lines: list[str]) -> Location:
    """Where the site that published the page is, from its footer lines: the places they
    name, else the province of its ICP licence.

    >>> site_owner(["Copyright © 2014 上海市阳光康复中心.All Rights Reserved."]).province
    '上海市'
    >>> site_owner(["沪ICP备14049724号"]).province, site_owner(["党员们来到社区"]).province
    ('上海市', None)
    >>> site_owner(["欢迎访问大冶市人民医院三级甲等综合医院!"]).province
    '湖北省'
    >>> site_owner(["地址:黑龙江省哈尔滨市 南岗区哈平路150号"]).province
    '黑龙江省'
    """
    owner = [t for t in lines if _SITE_OWNER_CUE.search(t)]
    if not owner:
        return Location(None, None)
    found = locate([(m, 1.0) for t in owner for m in find_places(t, in_name=True)])
    if found.province:
        return found
    icp = next((PROVINCE_ABBREVIATIONS.get(m.group(1)) for t in owner for m in _ICP.finditer(t) if m.group(1) in PROVINCE_ABBREVIATIONS), None)
    return Location(icp, icp if icp in MUNICIPALITIES else None)  # a municipality is its own city


def enrich_article(a: Article, footer: list[str] | None = None, meta: list[str] | None = None,
                   header: list[str] | None = None) -> Metadata:
    """The article's metadata. Where the text names no place, the province comes from
    what the page says around it, nearest first: the article's credits and captions,
    its meta lines (来源:瓯海区融媒体中心 names the publisher), the site's ``footer``, the
    page's ``header`` (您的位置: 长沙市中心医院 > 新闻: a breadcrumb names the site's hospital),
    and last the counties the text names by their short names (崂山革命烈士陵园)."""
    headline = "\n".join(x for x in (a.title, a.subtitle) if x)
    body = a.text
    text = f"{headline}\n{body}" if headline else body
    headline_end = len(headline)
    first = next(s for s in a.sections if s.paragraphs).paragraphs[0]
    lead_start = text.find(first, headline_end)
    lead = (lead_start, lead_start + len(first))
    found = institutions(text)
    primary = _primary(found, headline_end, lead)
    names = [i.name for i in found]
    own = self_reference(text)
    if primary is None and own:
        names.insert(0, own)  # the article's own institution, never named otherwise
    mentions = _place_mentions(text, found, headline_end, lead)
    where = _location(a.dateline, primary.name if primary else None, mentions, text)
    if where.province is None:  # the text names no place: the credits and captions may (扬州市疾控中心宣教组)
        aside = "\n".join([*(name for _, name in a.credits), *a.captions])
        # As running text, not as a name: credits mostly name people (吴川章 holds 吴川).
        where = locate([(m, 1.0) for m in find_places(aside)]) if aside else where
    if where.province is None and meta:  # nor do they: the source or publisher on a meta line may
        where = locate([(m, 1.0) for t in meta for m in find_places(t, in_name=True)])
    if where.province is None and footer:  # nor do they: the site's footer may (版权所有 …医院)
        where = site_owner(footer)
    if where.province is None and header:  # nor does it: the page's header may (您的位置: 长沙市中心医院 > 新闻)
        where = locate([(m, 1.0) for t in header for m in find_places(t)])
    if where.province is None:  # nor does it: a county the text names by its short name (富平, 崂山) may
        where = locate([(m, 1.0) for m in county_short_names(text)])
    campaigns = find_campaigns(text)
    dates = event_dates(body)
    year, year_source = article_year(
        a.published_date, event_dates(a.dateline or ""), event_dates(first), dates, [c.year for c in campaigns if c.year]
    )
    return Metadata(
        institutions=names,
        primary_institution=primary.name if primary else None,
        party_organizations=party_organizations(text, primary.name if primary else None),
        province=where.province,
        city=where.city,
        places=_places(mentions, where.province),
        people=people(text),
        campaigns=[c.name for c in campaigns],
        activity_types=activity_types(headline, body),
        event_dates=dates,
        year=year,
        year_source=year_source,
        n_chars=len(body.replace("\n", "")),
        n_paragraphs=sum(len(s.paragraphs) for s in a.sections),
        keywords=keywords(text),
    )


def enrich_document(doc: Document) -> Document:
    footer = [ln.simplified for ln in doc.lines if ln.role == "boilerplate" and _SITE_OWNER_CUE.search(ln.simplified)]
    header: list[str] = []  # the furniture above the first article: breadcrumbs, site banners
    for ln in doc.lines:
        if ln.role != "boilerplate":
            break
        header.append(ln.simplified)
    for article in doc.articles:
        # Meta lines name the source or publisher (来源:瓯海区融媒体中心); so does a line the
        # page signs its text with above the footer (an account's name: “洛阳卫生健康”).
        meta = [ln.simplified for ln in doc.lines if article.start <= ln.start < article.end
                and (ln.role == "date" or ln.rule == "closing_line_before_furniture")]
        article.metadata = enrich_article(article, footer, meta, header)
    return doc
