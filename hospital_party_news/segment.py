"""Stage 3, segment: give every line piece a role and cut the document into articles.

1. ``fixed_roles``: what a line is by its own text (boilerplate, credit, date line,
   dateline); a date glued to a sentence, or a dateline opening one, is split off.
2. ``article_starts``: where articles begin: top-level Markdown headings, else
   newspaper datelines (each article's headline block sits right above its dateline),
   else a headline after a wider-than-usual gap or after a signed-off paragraph.
3. ``segment_article``: the header zone (title, subtitle, captions, meta) up to the first
   sentence or dateline, then the body: sub-headings, captions, and paragraphs whose
   hard-wrapped pieces are joined.
"""

from __future__ import annotations

import itertools
import re
import statistics
from dataclasses import replace

from . import patterns as p
from . import rules
from .chars import HAN_CHAR
from .clean import remove_urls
from .records import ArticleDraft, Document, Line
from .rules import assign, decide

UNDECIDED = "?"


# ---------------------------------------------------------------- 1. fixed roles


def _cut(line: Line, at: int, raw: str) -> tuple[Line, Line]:
    """Cut a piece in two at index ``at`` of its cleaned text. The raw offset of the cut is
    where the second half begins in the raw span (cleaning may have changed lengths, and
    removed the spaces after colons: 编辑: 发布时间 is 编辑:发布时间 once cleaned)."""
    tail_text = line.text[at:].strip()
    span = raw[line.start : line.end]
    found = re.search(r"\s*".join(map(re.escape, tail_text[:4])), span) if tail_text else None
    cut = line.start + (found.start() if found else min(len(span), len(line.text) - len(tail_text)))
    head = replace(line, text=line.text[:at].strip(), simplified=line.simplified[:at].strip(), end=cut)
    tail = replace(line, text=tail_text, simplified=line.simplified[at:].strip(), start=cut, blank_before=0)
    return head, tail


def fixed_roles(lines: list[Line], raw: str) -> list[Line]:
    """Stage "line" of ``rules.RULES``: every piece that its own text decides (the rest stay
    undecided for the header and body stages). Two things need the previous line: the tail
    after a related-links marker, and the value under a bare label."""
    out: list[Line] = []
    in_tail = bare_label = False
    seen_text = False  # a tail marker above all text is a menu item, not the start of a tail
    for line in lines:
        s = p.strip_list_marker(line.simplified)
        if in_tail and not _is_md(line):
            out.append(decide(line, "after_tail_marker"))
            continue
        in_tail = False
        after_label, bare_label = bare_label, False
        if not s.strip():
            out.append(decide(line, "blank"))
        elif p.is_tail_marker(s):
            in_tail = seen_text
            out.append(decide(line, "tail_marker"))
        elif p.meta_label(s):
            bare_label = p.is_bare_label(s)
            out += _piece_roles(line, raw)
        elif (after_label and p.visible_len(s) <= rules.LIMITS.meta_value_max_chars and not p.is_prose(s)
              and not p.is_date_line(s)):  # a date under 发布时间: is the date line's to decide
            out.append(decide(line, "meta_value_line"))
        else:
            bare_label = p.is_bare_label(s)  # 来源: / 作者: with the value below
            out += _piece_roles(line, raw)
        seen_text = seen_text or p.is_prose(s)
    return out


def _piece_roles(line: Line, raw: str) -> list[Line]:
    """What a piece is by its own text; a piece that holds several things (a date glued
    to a sentence, a flattened page) is cut and each part judged again."""
    s = p.strip_list_marker(line.simplified)
    if p.is_forum_furniture(s):  # before the date lines: its dates are the forum's
        return [decide(line, "forum_furniture")]
    trailing_date = p.split_trailing_date_line(s)
    if p.is_date_line(s) and not trailing_date:
        byline = p.split_glued_byline(s) if s == line.simplified else 0
        if byline and p.is_date_line(s[:byline]):  # 2018-10-31 14:43 | 浙江新闻客户端 通讯员 … 记者 …
            head, tail = _cut(line, byline, raw)
            return [decide(head, "date_line"), decide(tail, "dateline")]
        return [decide(line, "date_line")]
    if p.is_epaper_date_line(s):
        return [decide(line, "epaper_date_line")]
    if p.split_signed_date(s):
        return [decide(line, "signed_date_line")]
    for test, rule in _OWN_TEXT_RULES if not trailing_date else ():  # a headline with its meta glued on is cut first
        if test(s):
            return [decide(line, rule)]
    return _split_leads(line, raw, trailing_date if s == line.simplified else None)  # an index into this text only


# Tried in this order once date lines are out of the way (rules.RULES, stage "line").
_OWN_TEXT_RULES = (
    (p.parse_credits, "credit_line"),
    (p.meta_label, "meta_label_line"),
    (p.is_image_file_name, "image_file_name"),
    (p.is_summary_line, "summary_line"),
    (p.is_boilerplate, "site_furniture"),
    (p.is_foreign_line, "foreign_language_line"),
    (p.is_meta_line, "view_count"),
    (p.is_lone_section_number, "lone_section_number"),
)


def _split_leads(line: Line, raw: str, trailing: int | None = None) -> list[Line]:
    """Cut a piece that holds several things, and judge each part again: a page flattened
    into one line (at the spaces after full stops, or between a headline and a sentence
    opening with its date), meta items between a headline and the
    text, a date label glued to a headline, a date-time glued to the first sentence, a
    dateline opening a paragraph."""
    s = line.simplified
    flattened = p.split_flattened(raw[line.start : line.end], s)
    if flattened:
        head, tail = _cut(line, flattened, raw)
        return [*_piece_roles(head, raw), *_piece_roles(tail, raw)]
    glued_headline = p.split_glued_headline(raw[line.start : line.end], s)
    if glued_headline:
        head, tail = _cut(line, glued_headline, raw)
        return [*_piece_roles(head, raw), *_piece_roles(tail, raw)]
    field = p.find_title_field(s)
    if field:  # | 标题: … | |: the label and the table's bars go, the value is a headline candidate
        start, end = field
        label, rest = _cut(line, start, raw)
        value, bars = _cut(rest, end - start, raw) if end < len(s) else (rest, None)
        pieces = [decide(label, "title_field_label"), replace(value, role=UNDECIDED)]
        return pieces + ([decide(bars, "title_field_label")] if bars is not None and bars.text else [])
    meta = p.find_inline_meta(s)
    if trailing is None:  # not found by the caller on this same text
        trailing = p.split_trailing_date_line(s)
    if meta and 0 < trailing < meta[0]:
        meta = None  # …会议 来源:医院 日期:2024-06-04: the date line begins at its first label, 来源
    if meta:
        start, end = meta
        head, rest = _cut(line, start, raw) if start else (None, line)
        before = _piece_roles(head, raw) if head is not None else []  # nothing before a run opening the line
        if end >= len(s.rstrip()):
            return [*before, decide(rest, "inline_meta")]
        middle, tail = _cut(rest, end - start, raw)
        return [*before, decide(middle, "inline_meta"), *_piece_roles(tail, raw)]
    source = p.split_trailing_source(s)
    if source:  # …主题党日活动 来源:人民网: the headline is judged alone
        head, tail = _cut(line, source, raw)
        return [*_piece_roles(head, raw), decide(tail, "trailing_source")]
    rubric = p.split_opening_rubric(s)
    if rubric:
        head, tail = _cut(line, rubric, raw)
        return [decide(head, "opening_rubric"), *_piece_roles(tail, raw)]
    glued = p.split_glued_datetime(s)
    if glued:
        head, tail = _cut(line, glued, raw)
        return [decide(head, "glued_datetime"), *_piece_roles(tail, raw)]
    if trailing:
        head, tail = _cut(line, trailing, raw)
        return [*_piece_roles(head, raw), decide(tail, "trailing_date_line")]
    byline_date = p.split_byline_date(s)
    if byline_date:  # 本报记者 王明 2023年5月6日: the byline, then the page's date
        head, tail = _cut(line, byline_date, raw)
        return [decide(head, "dateline"), decide(tail, "date_line")]
    glued_byline = p.split_glued_byline(s)
    if glued_byline:  # a headline and its byline on one line: each judged on its own
        head, tail = _cut(line, glued_byline, raw)
        return [*_piece_roles(head, raw), *_piece_roles(tail, raw)]
    dateline = p.find_dateline(s)
    bare = p.strip_list_marker(s)
    if dateline is None and bare != s and (byline := p.find_dateline(bare)) and byline.end >= len(bare.rstrip()):
        return [decide(line, "dateline")]  # ■ 本报记者 鞠圣娇
    if dateline:
        if dateline.end >= len(s.rstrip()):
            return [decide(line, "dateline")]
        head, tail = _cut(line, dateline.end, raw)
        return [decide(head, "dateline"), replace(tail, role=UNDECIDED)]
    return [replace(line, role=UNDECIDED)]


# ---------------------------------------------------------------- 2. article starts


def _open(line: Line) -> bool:
    return line.role == UNDECIDED


def _ends(text: str) -> bool:
    return p.ends_sentence(p.split_signature(text)[0])


def article_starts(lines: list[Line]) -> tuple[list[int], set[int]]:
    """Indices of the first piece of every article (the first is always 0), and those of
    them that begin a list page's entry (``_dated_entries``)."""
    md = [i for i, ln in enumerate(lines) if _is_md(ln)]
    if md:
        top = min(_level(lines[i]) for i in md)
        starts = [i for i in md if _level(lines[i]) == top]
        if len(starts) > 1 or starts[0] > 0:
            return sorted({0, *starts[1:]} if _only_preamble(lines, starts[0]) else {0, *starts}), set()
    datelines = [i for i, ln in enumerate(lines)
                 if ln.role == "dateline" and not _follows_dateline(lines, i) and _opens_text(lines, i)]
    starts = {0}
    if len(datelines) >= 2:
        starts |= {_headline_block_start(lines, i) for i in datelines[1:]}
    starts |= set(_gap_starts(lines))
    entries = set(_dated_entries(lines))
    return sorted(starts | entries), entries


def _dated_entries(lines: list[Line]) -> list[int]:
    """A list page's entries (2018-10-25 / 开发区王汝德副部长来我院指导支部工作 / its first
    paragraph, again and again): where a date line is followed by a headline and then a
    sentence (or a teaser cut short) at least ``list_entries_min`` times, each such date
    line begins an article."""
    content = [i for i, ln in enumerate(lines) if ln.rule != "blank"]  # lines emptied by cleaning do not count
    entries = []
    for k, i in enumerate(content[:-2]):
        head, text = lines[content[k + 1]], lines[content[k + 2]]
        if (lines[i].role == "date" and _open(head) and text.role != "date" and p.is_headline(head.simplified)
                and not p.is_prose(head.simplified)
                and (p.is_prose(text.simplified) or p.visible_len(text.simplified) > rules.LIMITS.short_line_max_chars)):
            entries.append(i)
    return entries if len(entries) >= rules.LIMITS.list_entries_min else []


def _follows_dateline(lines: list[Line], i: int) -> bool:
    """A byline right under another (记者 …, then 通讯员 …): one dateline block, not a
    second article."""
    j = i - 1
    while j >= 0 and lines[j].role == "boilerplate":
        j -= 1
    return j >= 0 and lines[j].role == "dateline"


def _opens_text(lines: list[Line], i: int) -> bool:
    """A dateline that text follows; a byline closing an article (本报记者 赵刚 under the
    last paragraph) is its signature, not a second article's start."""
    j = i + 1
    while j < len(lines) and lines[j].role in ("boilerplate", "dateline"):
        j += 1
    return j < len(lines) and _open(lines[j])


def _is_md(line: Line) -> bool:
    return (line.hint or "").startswith("md-heading")


def _is_heading_hint(line: Line) -> bool:
    return "heading:" in (line.hint or "")


def _level(line: Line) -> int:
    return int((line.hint or "md-heading:9").split(":")[1])


def _only_preamble(lines: list[Line], first: int) -> bool:
    """Nothing before the first heading but furniture: fold it into the first article."""
    return all(not _open(ln) or not p.is_prose(ln.simplified) for ln in lines[:first])


def _headline_block_start(lines: list[Line], dateline: int) -> int:
    """Walk up from a dateline over its headline block (headlines, captions, date lines)
    to the end of the previous article."""
    j = dateline - 1
    while j > 0:
        ln = lines[j]
        s = ln.simplified
        if ln.role == "date" or (
            _open(ln) and (p.is_caption_cue(s) or p.is_short_caption(s) or p.is_headline(s))
        ):
            j -= 1
            continue
        break
    return j + 1


# A feature story's headline carries its subject after a dash (——记中共…支部的党员们): such a
# line between paragraphs begins the next article, whatever the gap above it.
_FEATURE_SUBTITLE = re.compile(r"\S\s*——\s*记\S{2,}")


def _gap_starts(lines: list[Line]) -> list[int]:
    """Headlines after a wider gap than the page's usual paragraph gap (or a feature's
    headline, …——记…, after any gap), or right after a paragraph that closes with a
    signature like (行政一支部). A gap counts only when the page's first text has a
    headline above it: a page opening with its lead paragraph is one article whose next
    headline-shaped line heads a section (强基固本,铸牢“医心向党”的忠诚之魂)."""
    content = [i for i, ln in enumerate(lines) if _open(ln)]
    first_text = next((i for i in content if p.is_prose(lines[i].simplified)), len(lines))
    heads_above = [i for i in content if i < first_text
                   and p.is_headline(lines[i].simplified) and not p.is_nav_label(lines[i].simplified)]
    headed = bool(heads_above)
    page_words = set().union(*(_bigrams(lines[i].simplified) for i in heads_above))
    gaps = [lines[i].blank_before for i in content[1:]]
    usual = statistics.median(gaps) if gaps else 0
    starts = []
    text_above = False  # a second article needs a first one's text above it, not only furniture
    seen = {_norm(lines[content[0]].simplified)} if content else set()
    for k, i in enumerate(content[1:-1], start=1):
        ln, nxt = lines[i], lines[content[k + 1]]
        prev = lines[i - 1]
        text_above = text_above or p.is_prose(lines[content[k - 1]].simplified)
        key = _norm(ln.simplified)
        repeated = key in seen  # the page's headline again, over a photo
        seen.add(key)
        if not text_above or repeated:
            continue
        if not p.is_headline(ln.simplified) or p.is_nav_label(ln.simplified) or p.has_heading_shape(ln.simplified):
            continue
        if p.is_caption_cue(ln.simplified) or p.parenthesised_groups(ln.simplified):
            continue  # ▲实地了解养牛场开工进度, (队员们提交的入党申请书): a photo's caption between paragraphs
        if not (p.is_prose(nxt.simplified) or p.visible_len(nxt.simplified) > rules.LIMITS.short_line_max_chars):
            continue
        # wider than the page's usual gap between paragraphs, or a feature's headline (…——记…的党员们)
        wide = ln.blank_before > usual or bool(_FEATURE_SUBTITLE.search(ln.simplified))
        signed = _open(prev) and bool(p.split_signature(prev.simplified)[1])
        after_prose = prev.role != UNDECIDED or _ends(prev.simplified)
        # a section of the page's one story echoes its headline's words (光荣在党50年 坚如磐石守初心 …
        # / “光荣在党50年”纪念章颁授活动); a second story's headline names its own subject, often
        # its own institution (城北医院外科党支部开展义诊 under 城南医院内科党支部开展健康讲座)
        wide = wide and not (_echoes(ln.simplified, page_words) and not _ACTOR.search(ln.simplified))
        if ((wide and after_prose and headed) or signed) and not _about_text_above(lines, content, k):
            starts.append(i)
    return starts


# A health institution or a Party organisation named in a line: the subject of a story.
_ACTOR = re.compile(r"医院|卫生院|保健院|卫健委|卫健局|卫生局|疾控|中心|党委|支部|党总支|医疗队|医科大学|医学院")


def _echoes(text: str, headline_words: set[str]) -> bool:
    """At least one in ``section_echo_pair_ratio`` of the line's word pairs (adjacent Han
    characters) is in the page's headline.

    >>> _echoes("红色印记悟党史", _bigrams("寻红色印记·传承革命精神|市七医主题党日"))  # 3 of 6
    True
    >>> _echoes("区卫健委:开展医联体党建共建,激发党建活力", _bigrams("下沉社区讲党课 党建联建聚合力"))
    False
    """
    words = _bigrams(text)
    return bool(words) and len(words & headline_words) * rules.LIMITS.section_echo_pair_ratio >= len(words)


def _about_text_above(lines: list[Line], content: list[int], k: int) -> bool:
    """The line at ``content[k]`` shares more words with the paragraph above it than with
    the text below it: a photo's caption telling what was just said (…组织职工赴904医院开展
    核酸检测 / 职工高犁赴904医院开展核酸检测工作), not the headline of what follows."""
    words = _bigrams(lines[content[k]].simplified)
    above = len(words & _bigrams(lines[content[k - 1]].simplified))
    below_text = "".join(lines[j].simplified for j in content[k + 1 :])[: rules.LIMITS.title_context_chars]
    return above > len(words & _bigrams(below_text))


# ---------------------------------------------------------------- 3. one article


def _norm(text: str) -> str:
    return re.sub(r"[\s—–\-|丨:]", "", text)


def segment_article(lines: list[Line], list_entry: bool = False) -> ArticleDraft:
    """``list_entry``: the article is an entry of a list page (``_dated_entries``)."""
    body_start = _header(lines, list_entry)
    _body(lines, body_start)
    return ArticleDraft(lines=lines, body_start=body_start)


def _header(lines: list[Line], list_entry: bool = False) -> int:
    """Assign title / subtitle / captions / furniture up to the body; return its start.

    The title is chosen as a scored candidate, not by position alone: of the
    headline-shaped lines above the first sentence (or dateline), the one that shares the
    most words (Han bigrams) with the text below wins; navigation labels, site names,
    counts and page labels share few. Open lines above the chosen title are furniture."""
    if lines and _is_md(lines[0]) and _open(lines[0]):
        assign(lines[0], "markdown_title")
        return _below_title(lines, 0)
    zone = _zone_end(lines)
    for ln in lines[:zone]:  # 中共黑水县委宣传部 王浪 范美祥: who wrote it, above the text
        if _open(ln) and _unit_and_writer(ln.simplified):
            assign(ln, "unit_byline")
    title = _best_headline(lines, zone, list_entry)
    if title is None:
        return _no_headline(lines, zone)
    kicker = _kicker(lines, title)
    if kicker is not None:  # a headline in two lines (引题 + 主题): the first is the title
        title, subtitle = kicker, title
    first, second = _broken_headline(lines, title) if kicker is None else (title, None)
    for ln in lines[:first]:
        if _open(ln):
            assign(ln, "caption_cue" if p.is_caption_cue(ln.simplified) else "above_headline")
    assign(lines[first], "headline")
    if second is not None:  # one headline broken over two lines
        assign(lines[second], "headline_continued")
        title = second
    if kicker is not None:
        assign(lines[subtitle], "subtitle")
    return _below_title(lines, title, has_subtitle=kicker is not None)


def _broken_headline(lines: list[Line], title: int) -> tuple[int, int | None]:
    """(first line, second line or None) of the chosen headline: with the line right above
    or right below it (no blank line between) when the two read as one headline broken in
    two (湖北省直属机关医院 / 召开…表彰大会, …党委开展 / “七一”主题党日活动)."""
    for first, second in ((title - 1, title), (title, title + 1)):
        if first < 0 or second >= len(lines) or lines[second].blank_before:
            continue
        a, b = lines[first], lines[second]
        if not (_open(a) and _open(b)) or any(p.is_caption_cue(x.simplified) or p.is_prose(x.simplified) for x in (a, b)):
            continue
        if (p.visible_len(a.simplified + b.simplified) <= rules.LIMITS.headline_max_chars
                and p.breaks_headline(a.simplified, b.simplified)):
            return first, second
    return title, None


def _zone_end(lines: list[Line]) -> int:
    """Where the header zone ends: the first dateline or the first open piece that reads
    as a sentence (a short one-clause sentence may still be a caption)."""
    for idx, ln in enumerate(lines):
        if ln.role == "dateline" or (_open(ln) and p.is_prose(ln.simplified) and not p.is_short_caption(ln.simplified)
                                     and not _exclaimed_headline(lines, idx) and not _slogan_above_headline(lines, idx)):
            return idx
    return len(lines)


def _slogan_above_headline(lines: list[Line], idx: int) -> bool:
    """A one-sentence line with a headline and its date line below it, before any other
    sentence (24小时更新医疗健康领域的要闻,打造最及时的资讯平台。 / headline / 发布 … 时间 …):
    the site's slogan, above the article's header, not the article's first sentence."""
    if p.sentence_count(lines[idx].simplified) > 1:
        return False
    ahead = [i for i in range(idx + 1, len(lines)) if _open(lines[i])][: rules.LIMITS.dateline_window_lines]
    for i in ahead:
        s = lines[i].simplified
        if p.is_headline(s) and _date_follows(lines, i):
            return True
        if p.is_prose(s):
            return False
    return False


def _exclaimed_headline(lines: list[Line], idx: int) -> bool:
    """A headline that ends with ! or ? (党旗在抗疫一线高高飘扬!): one clause without a full
    stop, with the page's date line right under it, as headlines stand."""
    s = lines[idx].simplified.strip()
    return (s[-1:] in "!?" and "。" not in s and p.visible_len(s) <= rules.LIMITS.headline_max_chars
            and _date_follows(lines, idx))


def _bigrams(text: str) -> set[str]:
    han = [ch if HAN_CHAR.match(ch) else " " for ch in text]
    return {a + b for a, b in itertools.pairwise(han) if a != " " and b != " "}


def _best_headline(lines: list[Line], zone: int, list_entry: bool = False) -> int | None:
    """The headline-shaped line above ``zone`` that shares the most bigrams with the text
    below it (ties: the later line, nearer the text), when it shares at least
    ``title_min_shared_bigrams``; None when no line does."""
    below = "".join(ln.simplified for ln in lines[zone:] if _open(ln) or ln.role == "dateline")[: rules.LIMITS.title_context_chars]
    context = _bigrams(below)
    best, best_score = None, rules.LIMITS.title_min_shared_bigrams
    # A line right under an image is its caption, unless the page's date line follows it
    # (a banner image, then headline, date, text).
    captions = _under_image(lines[:zone], 0)
    candidates: list[int] = []
    for idx, ln in enumerate(lines[:zone]):
        s = ln.simplified
        if (not _open(ln) or not (p.is_headline(s) or _exclaimed_headline(lines, idx)) or p.is_photo_caption_cue(s)
                or _only_an_institution(s) or (id(ln) in captions and not _date_follows(lines, idx))
                or p.parenthesised_groups(s) or _continues_a_clause(lines, idx) or p.opens_with_event_time(s)):
            continue  # (a line opening 5月10日下午,… is a report's first sentence, cut short)
        score = len(_bigrams(s) & context) + (rules.LIMITS.dated_headline_bonus if _dated_headline(lines, idx, list_entry) else 0)
        if p.is_nav_label(s) and score < rules.LIMITS.short_title_min_shared_bigrams:
            continue  # a label as short as a menu item is a headline only when it is about the text
        if score >= rules.LIMITS.title_min_shared_bigrams:
            candidates.append(idx)
        if score >= best_score:
            best, best_score = idx, score
    # A line with the page's date line under it (or a list entry's above it) is the headline, whatever its shape.
    if best is not None and _first_section_heading(lines, best) and not _dated_headline(lines, best, list_entry):
        if best != candidates[0]:
            return candidates[0]  # the headline above it is the page's
        if len(candidates) == 1 and _opens_without_headline(lines, best):
            return None
    return best


_CLAUSE_ENDS = ",,、;;"  # a line ending in these has not finished its sentence


def _continues_a_clause(lines: list[Line], idx: int) -> bool:
    """The line right under one that ends with a comma, no blank line between: the rest of
    a sentence a page broke into short lines (…的医务工作者 / 依然坚守在第一线,), not a
    headline."""
    return idx > 0 and not lines[idx].blank_before and lines[idx - 1].simplified.rstrip()[-1:] in _CLAUSE_ENDS


def _opens_without_headline(lines: list[Line], idx: int) -> bool:
    """The only headline-shaped line above the text is the first section's heading and
    only parallel phrases (關愛兒童 童心同行 … 追尋紅色足跡 傳承忠誠基因; no colon, dash or
    number, as a headline may have): the page has no headline."""
    return _first_section_heading(lines, idx) and not re.search(r"[::—]|\d", lines[idx].simplified)


def _first_section_heading(lines: list[Line], idx: int) -> bool:
    """A line with a sub-heading's shape right above the text's first sentence, when
    another line of that shape heads a later part of the text: the article's first
    section heading (重温入党誓词 赤诚爱党之心 … 展医院风采 颂我党光辉), shown under the
    page's headline; not its headline, nor its subtitle."""
    s = lines[idx].simplified
    if not (_short_enough(s) and p.has_heading_shape(s)):
        return False
    after = (ln for ln in lines[idx + 1 :] if _open(ln))  # lazily: asked of every line above the text
    first = next(after, None)
    if first is None or not p.is_prose(first.simplified):
        return False
    return any(_short_enough(ln.simplified) and p.has_heading_shape(ln.simplified) and p.is_headline(ln.simplified)
               for ln in after)


# A Party organisation's full name (中共武汉大学医院委员会): who issues a briefing, never its headline.
_PARTY_BODY = re.compile(r"^中共\S{2,24}?(?:委员会|党委|党总支|党支部)$")


def _only_an_institution(text: str) -> bool:
    """A line that is nothing but an institution's name (谷城县人民医院) or a Party
    organisation's (中共武汉大学医院委员会): the site's name, a logo's text or a briefing's
    issuer, not a headline, though it shares words with any text about it.

    >>> _only_an_institution("湖北文理学院附属谷城医院"), _only_an_institution("谷城县人民医院开展主题党日")
    (True, False)
    >>> _only_an_institution("中共武汉大学医院委员会"), _only_an_institution("中共城南医院委员会召开全体会议")
    (True, False)
    """
    from .enrich.institutions import mentions  # the institution model lives with the extractors

    t = text.strip()
    if _PARTY_BODY.match(t):
        return True
    found = mentions(t)
    return len(found) == 1 and found[0].proper and (found[0].start, found[0].end) == (0, len(t))


def _date_follows(lines: list[Line], idx: int) -> bool:
    """The next piece is a date line: headline, date, text is how a web page reads."""
    nxt = next((ln for ln in lines[idx + 1 :] if ln.role != "boilerplate" or ln.rule != "blank"), None)
    return nxt is not None and nxt.role == "date"


def _dated_headline(lines: list[Line], idx: int, list_entry: bool) -> bool:
    """The headline by its place: the page's date line under it, or, in a list page's entry,
    the entry's date right above it (2018-09-30 / 爱我中国 普天同庆 / a teaser sharing no word
    with it)."""
    if _date_follows(lines, idx):
        return True
    above = [ln for ln in lines[:idx] if ln.role != "boilerplate" or ln.rule != "blank"]
    return list_entry and len(above) == 1 and above[0].role == "date"


def _paired_phrases(s: str) -> bool:
    """Two phrases of Han characters alone, each at least ``kicker_phrase_min_chars`` long
    (冬日送温暖 防疫更暖心, 党建引领践初心 雷锋精神护光明): a headline's kicker, as a menu's
    labels (加入收藏 设为首页) are not.

    >>> _paired_phrases("冬日送温暖 防疫更暖心"), _paired_phrases("加入收藏 设为首页"), _paired_phrases("首页 新闻中心 医院新闻")
    (True, False, False)
    """
    parts = [x for x in re.split(r"[\s,,]+", s.strip()) if x]
    return len(parts) == 2 and all(HAN_CHAR.fullmatch(ch) for part in parts for ch in part) \
        and min(map(len, parts)) >= rules.LIMITS.kicker_phrase_min_chars


def _kicker(lines: list[Line], title: int) -> int | None:
    """In a newspaper article (one with a dateline), the line right above the chosen
    headline (at most one blank line between) when it is itself a headline sharing words
    with the text: the first line of a two-line headline (引题); likewise on any page
    when the chosen line opens with a dash (——副题), whatever the gaps and with furniture
    and the date line between, or when the line right above is two matched phrases
    (``_paired_phrases``). Elsewhere on web pages the line above a headline is a column
    or site name far more often."""
    continued = lines[title].simplified.lstrip().startswith(("—", "--", "-"))  # ——副题 continues a headline
    # A ——副题 says it continues the headline above it, however wide the gaps between them.
    gap_ok = (lambda _ln: True) if continued else (lambda ln: ln.blank_before <= 1)
    if not gap_ok(lines[title]):
        return None
    newspaper = continued or any(ln.role == "dateline" for ln in lines)
    if not newspaper and not (title > 0 and _open(lines[title - 1]) and _paired_phrases(lines[title - 1].simplified)):
        return None  # on a web page only a kicker of two matched phrases (冬日送温暖 防疫更暖心) right above
    above = title - 1
    while above >= 0 and not _open(lines[above]):
        # furniture may stand between the two lines; before a ——副题, the date and credit
        # lines too (headline / 文 / 信阳周刊 / 2021-06-15 / ——…开展了健康义诊)
        allowed = ("boilerplate", "date", "credit") if continued else ("boilerplate",)
        if lines[above].role not in allowed or not gap_ok(lines[above]):
            return None
        if lines[above].rule == "foreign_language_line":
            return None  # a site's banner: its name, then the name in English, above the headline
        above -= 1
    if above < 0:
        return None
    s = lines[above].simplified
    below = "".join(ln.simplified for ln in lines[title:] if _open(ln))[: rules.LIMITS.title_context_chars]
    shared = len(_bigrams(s) & _bigrams(below))
    # A ——副题 says the line above is its headline, and two matched phrases say they are a
    # kicker (slogans that share little with the text): any word in common will do.
    # Right above it, with nothing between, a ——副题's headline needs no word in common
    # (战“疫”前线的入党申请书 / ——银川市第一人民医院援鄂抗疫先进事迹纪实).
    adjacent = continued and above == title - 1 and not lines[title].blank_before
    needed = (0 if adjacent else rules.LIMITS.title_min_shared_bigrams if continued or not newspaper
              else rules.LIMITS.kicker_min_shared_bigrams)
    # (right above a ——副题, a short line is its headline too: 颂歌献给党 / ----朝天区…晚会)
    if (p.is_headline(s) and (adjacent or not p.is_nav_label(s)) and not p.is_caption_cue(s)
            and not _only_an_institution(s) and shared >= needed):  # an institution's name alone above it is the site's logo
        return above
    return None


def _no_headline(lines: list[Line], zone: int) -> int:
    """No line above the text reads as its headline: short labels there are furniture;
    the body begins at the first other line."""
    for idx, ln in enumerate(lines[:zone]):
        if not _open(ln):
            continue
        if _opens_without_headline(lines, idx):
            return idx  # the first section's heading: the body's rules decide it
        if p.is_nav_label(ln.simplified) or p.is_headline(ln.simplified):
            assign(ln, "above_headline")
        else:
            return idx
    return zone


def _below_title(lines: list[Line], title: int, has_subtitle: bool = False) -> int:
    """Subtitle, captions and injected text between the title and the body."""
    subtitle = True if has_subtitle else None
    for idx in range(title + 1, len(lines)):
        ln = lines[idx]
        s = ln.simplified
        if ln.role == "dateline":
            return idx
        if not _open(ln):
            continue
        if p.is_caption_cue(s):
            assign(ln, "caption_cue")
        elif p.is_short_caption(s) and _dateline_soon(lines, idx):
            assign(ln, "short_caption_before_dateline")
        elif subtitle is None and _first_section_heading(lines, idx):
            return idx  # the first section's heading: the body's rules decide it
        elif _only_an_institution(s):
            assign(ln, "institution_under_headline")
        elif len(_norm(s)) >= rules.LIMITS.title_repeat_min_chars and _norm(s) in _norm(lines[title].simplified):
            assign(ln, "title_repeated")  # the headline, or its first part, again: a photo's title
        elif subtitle is None and p.is_headline(s, rules.LIMITS.subtitle_max_chars) and not re.search(r"[,,::]", s) \
                and not p.is_nav_label(s) and not p.is_numbered(s):  # 一、… under the headline is the first heading
            assign(ln, "subtitle")
            subtitle = idx
        elif _dateline_soon(lines, idx):
            assign(ln, "text_before_dateline")
        else:
            return idx
    return len(lines)


def _dateline_soon(lines: list[Line], idx: int) -> bool:
    """A dateline that text follows comes within ``dateline_window_lines`` open pieces (a
    byline under the last paragraph signs the article: the text is above it, not after)."""
    ahead = [i for i in range(idx + 1, len(lines)) if lines[i].role in (UNDECIDED, "dateline")][: rules.LIMITS.dateline_window_lines]
    return any(lines[i].role == "dateline" and _opens_text(lines, i) for i in ahead)


def _after_closing_credit(lines: list[Line], start: int) -> set[int]:
    """The open pieces after the article's last credit line (图文:张震), when none of them
    is a sentence: the text ended with its credits, and what follows are photo captions."""
    credits = [i for i in range(start, len(lines)) if lines[i].rule == "credit_line"]
    if not credits:
        return set()
    after = [ln for ln in lines[credits[-1] + 1 :] if _open(ln)]
    if not after or any(p.is_prose(ln.simplified) for ln in after):
        return set()
    return {id(ln) for ln in after}


def _body(lines: list[Line], start: int) -> None:
    """Decide headings, captions and body lines; mark hard-wrap joins."""
    # the headline as the title field gives it, without the site's name glued on
    title = _norm("".join(p.strip_site_name(ln.simplified) for ln in lines if ln.role in ("title", "subtitle")))
    content = [ln for ln in lines[start:] if _open(ln)]
    under_image = _under_image(lines, start)
    # Lines under images with a sub-heading's shape and a paragraph right below (追忆百团烽火,
    # 赓续红色血脉 / 探寻城市初心,弘扬劳模精神), two or more of them: each section's heading
    # under its photo, not the photo's caption.
    shaped = {id(a) for a, b in itertools.pairwise(ln for ln in lines[start:] if ln.rule != "blank")
              if id(a) in under_image and p.has_heading_shape(a.simplified) and _open(b) and p.is_prose(b.simplified)}
    if len(shaped) >= 2:
        under_image -= shaped
    kinds: list[str] = []  # a rule name, or CANDIDATE until the run it stands in is resolved
    previous_body: Line | None = None
    signed = False  # a paragraph closed with its writer's signature: the text has ended
    credited = _after_closing_credit(lines, start)
    links = _trailing_headlines(lines, content)
    untitled = not any(ln.role == "title" for ln in lines)
    field_values = {id(b) for a, b in itertools.pairwise(lines) if a.rule == "title_field_label" and _open(b)}
    for k, ln in enumerate(content):
        s = ln.simplified
        nxt = content[k + 1].simplified if k + 1 < len(content) else ""
        continuing = (previous_body is not None and kinds[-1] in _BODY_KINDS and not _ends(previous_body.simplified)
                      and not p.is_numbered(s)  # 02 … after a paragraph cut short opens the next section
                      and not p.opens_as_caption(s))  # …and 图为… is a photo's caption there too
        if _is_heading_hint(ln):
            kind = "markup_heading"
        elif untitled and id(ln) in field_values:
            kind = "title_field_after_text"
        elif id(ln) in links:
            kind = "trailing_headlines"
        elif (signed or id(ln) in credited) and not p.is_prose(s) and p.parenthesised(s) is None:
            kind = "caption_after_signature"
        elif p.parenthesised(s) is not None:
            kind = _parenthesised_kind(s, last=not any(_open(x) for x in content[k + 1 :]))
        elif _doubled(s, nxt, content[k - 1].simplified if k else "") and not (title and _norm(s) == title):
            kind = "doubled_line"
        elif continuing:
            kind = "paragraph_continues"
        elif title and _norm(s) == title:
            kind = "title_repeated"
        elif id(ln) in under_image and p.visible_len(s) <= rules.LIMITS.short_line_max_chars \
                and (not p.is_prose(s) or _one_clause_sentence(s)) \
                and not p.is_numbered(s):  # 二、… under an image is still the next heading
            kind = "caption_under_image"
        elif previous_body is not None and p.is_dated_link(s):
            kind = "related_link"
        elif p.is_caption_cue(s):
            kind = "body_caption_cue"
        elif nxt and p.captions_above(s, nxt):
            kind = "caption_above_photo_credit"
        elif previous_body is not None and nxt and nxt[0] not in "“「\"" and p.is_colon_label(s):
            kind = "colon_label_heading"
        elif _heading_candidate(s, nxt, content[k - 1].simplified if k else ""):
            kind = CANDIDATE
        else:
            kind = "prose"
        kinds.append(kind)
        if kind in _BODY_KINDS:
            previous_body = ln
            signed = bool(p.split_signature(s)[1])
    _resolve_candidates(content, kinds, _before_furniture(lines, start))
    previous_open = False
    for ln, kind in zip(content, kinds, strict=True):
        assign(ln, kind)
        if ln.role == "body":
            ln.hint = "join" if previous_open else ln.hint
            previous_open = not _ends(ln.simplified)
        elif ln.role == "heading":
            previous_open = False


def _trailing_headlines(lines: list[Line], content: list[Line]) -> set[int]:
    """The run of headline-shaped lines that ends the page after the text's last sentence,
    when it holds at least ``trailing_links_min_lines`` of them and one is too long for a
    caption (…系列活动——“学雷锋志愿服务月启动仪式” 活动 / 我校学子投身志愿服务 助力疫情防控):
    other articles' titles, linked without a label (上一篇 / 下一篇 dropped). A run of
    short lines there is the photos' captions (``short_line_run``); parenthesised lines,
    dated links and caption cues have rules of their own."""
    if not content or content[-1] is not next((ln for ln in reversed(lines) if ln.role != "boilerplate"), None):
        return set()  # the page goes on after the article (credits, another article): not its end
    run: list[Line] = []
    for ln in reversed(content):
        s = ln.simplified
        if (not p.is_headline(s) or p.is_numbered(s) or p.is_caption_cue(s) or p.parenthesised(s) is not None
                or p.is_dated_link(s)):
            break
        if not run and p.comma_count(s) >= rules.LIMITS.cut_off_text_min_commas:
            break  # the page's last line holds clauses: a paragraph the excerpt cut off
        run.append(ln)
    if not any(p.visible_len(ln.simplified) > rules.LIMITS.short_line_max_chars for ln in run):
        return set()
    before = content[len(content) - len(run) - 1] if len(run) < len(content) else None
    if len(run) < rules.LIMITS.trailing_links_min_lines or before is None or not _ends(before.simplified):
        return set()
    first = run[-1].simplified
    if p.has_heading_shape(first) and any(_short_enough(ln.simplified) and p.has_heading_shape(ln.simplified)
                                          for ln in content[: len(content) - len(run)]):
        return set()  # an article with headings, cut off after the next one and a fragment (heading_before_fragment)
    return {id(ln) for ln in run}


def _doubled(s: str, nxt: str, previous: str) -> bool:
    """A short line that is not a sentence, printed twice in a row (an image's alt text,
    then its caption: 党员坚定疫情防控信心 / 党员坚定疫情防控信心): never the text.

    >>> _doubled("党员坚定疫情防控信心", "党员坚定疫情防控信心", ""), _doubled("党员坚定疫情防控信心", "随后,党员们…", "")
    (True, False)
    """
    if p.visible_len(s) > rules.LIMITS.short_line_max_chars or p.is_prose(s):
        return False  # most body lines: paragraphs, never compared
    key = _norm(s)
    return bool(key) and key in (_norm(nxt), _norm(previous))


def _heading_candidate(s: str, nxt: str, previous: str) -> bool:
    """A standalone line that may head a section: headline-shaped and short (numbered ones
    may be longer), not continued by the next line; or a numbered one-sentence heading."""
    shaped = (p.is_headline(s, rules.LIMITS.short_line_max_chars)
              or (p.is_numbered(s) and p.is_headline(s, rules.LIMITS.numbered_heading_max_chars)))
    if p.opens_with_event_time(s):  # 6月9日上午,全体: a sentence's opening, cut short by a wrap
        return False
    return (shaped and not p.continues_sentence(nxt)) or _numbered_sentence_heading(s, nxt, previous)


def _numbered_sentence_heading(s: str, nxt: str, previous: str) -> bool:
    """A numbered one-sentence line (一、高位推动,压实责任。) between unnumbered paragraphs:
    a sub-heading written as a sentence. Beside other numbered lines it is a list item."""
    return (p.is_numbered_sentence(s) and p.visible_len(s) <= rules.LIMITS.numbered_heading_max_chars
            and bool(nxt) and not p.is_numbered(nxt) and not p.continues_sentence(nxt) and not p.is_numbered(previous))


def _one_clause_sentence(s: str) -> bool:
    """One clause and its stop (淮南新华医院举行庆国庆升旗仪式。): under an image, the photo's
    caption; a paragraph runs on past a comma.

    >>> _one_clause_sentence("医护人员高唱国歌。"), _one_clause_sentence("随后,大家参观了展览。")
    (True, False)
    """
    return bool(re.fullmatch(r"[^,,;;:。!?!?]+[。!?!?]", s.strip()))


def _under_image(lines: list[Line], start: int) -> set[int]:
    """The open pieces that come right after an image (its placeholder or file name, blank
    lines between): where a page puts the image's caption."""
    out: set[int] = set()
    after_image = False
    for ln in lines[start:]:
        if ln.rule == "blank":
            continue
        if _open(ln) and after_image:
            out.add(id(ln))
        # only pieces already called furniture can be an image's placeholder or file name
        after_image = ln.rule == "image_file_name" or (ln.rule == "site_furniture" and p.is_image_placeholder(ln.simplified))
    return out


def _parenthesised_kind(s: str, last: bool) -> str:
    """A standalone line wholly in parentheses: credits ((来源:…), (作者:…)), the writing
    unit's signature when it closes the article, else a photo caption; several groups side
    by side are photo captions."""
    groups = p.parenthesised_groups(s)
    inner = " ".join(groups)
    if p.parse_credits(inner) or p.find_dateline(inner):
        return "parenthesised_credit"
    return "parenthesised_signature" if last and len(groups) == 1 else "parenthesised_caption"


CANDIDATE = "candidate"
_BODY_KINDS = ("prose", "paragraph_continues")
_SHORT_KINDS = (CANDIDATE, "title_repeated", "doubled_line", "body_caption_cue", "parenthesised_caption")


_NAME_SEPARATORS = re.compile(r"[\s、,,/]+")


def _unit_and_writer(s: str) -> bool:
    """A unit and its writers' names (儿科 韩双梅, 机关党支部王传海, 范湖门诊党支部 陈芳园
    张晨峥; at most ``signature_max_names``): a signature.

    >>> _unit_and_writer("儿科 韩双梅"), _unit_and_writer("机关党支部王传海"), _unit_and_writer("党员风采展示")
    (True, True, False)
    >>> _unit_and_writer("门诊党支部 陈芳园 张晨峥"), _unit_and_writer("门诊党支部 陈芳园 张晨峥 李华 王明")
    (True, False)
    """
    from .enrich.people import is_person_name  # the name model lives with the people extractor

    m = p.UNIT_THEN_NAME.match(s.strip())
    names = m.group("names").split() if m else []
    # After a signing unit, one name the name model knows is enough (it refuses some real
    # names: 陈芳园), the others being two or three Han characters, as the pattern has them.
    return 0 < len(names) <= rules.LIMITS.signature_max_names and any(is_person_name(n) for n in names)


def _person_acting(s: str) -> bool:
    """A person named with a role, as a photo shows them (黄俊河书记主持, 党支部书记潘向阳为党员
    授课), in a line without a heading's shape: what the photo above shows. A heading names
    a theme, not who stood at the lectern.

    >>> _person_acting("党支部书记潘向阳为支部党员授课"), _person_acting("党员发言,心声传递")
    (True, False)
    >>> _person_acting("一、院长王强:抓实学习教育")  # numbered: a heading whatever it names
    False
    >>> _person_acting("“迎七一 习近平总书记金语金句”诵读大赛")  # a quoted title names no one present
    False

    The name must also be a word jieba's tagger reads as a person's (花甲之年的主任医师 has
    no name, though 年的 fits the name model).
    """
    from .enrich.people import people  # the name model lives with the people extractor
    from .lexicon import posseg

    if p.has_heading_shape(s) or p.is_labelled_heading(s):
        return False
    t = _QUOTED.sub("", s)
    found = people(t)
    if not found:
        return False
    starts, at = set(), 0
    for token in posseg().cut(t):
        if token.flag.startswith("nr"):
            starts.add(at)
        at += len(token.word)
    return any(t.find(name) in starts for name, _ in found)


_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|《[^》]*》")


def _only_names(s: str) -> bool:
    """A line of people's names (at most ``signature_max_names``) and nothing else.

    >>> _only_names("王晓明"), _only_names("王晓明 李华"), _only_names("党员风采")
    (True, True, False)
    """
    from .enrich.people import is_person_name  # the name model lives with the people extractor

    names = [n for n in _NAME_SEPARATORS.split(s.strip()) if n]
    return 0 < len(names) <= rules.LIMITS.signature_max_names and all(map(is_person_name, names))


def _heading_shaped(s: str) -> bool:
    """A heading's shape of its own: a number, a colon or dash, parallel phrases, a label in
    【】, or two clauses joined by one comma."""
    return p.has_heading_shape(s) or p.is_labelled_heading(s) or p.is_clause_pair(s)


def _short_enough(s: str) -> bool:
    """Short enough for a heading: numbered headings may be longer."""
    limit = rules.LIMITS.numbered_heading_max_chars if p.is_numbered(s) else rules.LIMITS.heading_max_chars
    return p.visible_len(s) <= limit


def _before_furniture(lines: list[Line], start: int) -> set[int]:
    """The open pieces whose next piece on the page is boilerplate (a footer, a share
    prompt, a related-links header): where the page's furniture goes on."""
    return {id(ln) for ln, nxt in zip(lines[start:], lines[start + 1 :], strict=False)
            if _open(ln) and nxt.role == "boilerplate"}


# A heading led by a short label and a colon (庆祝活动之三:…, 走访党员患者:…).
_LABEL_LED = re.compile(r"^[^::,,。]{2,10}[::]")


def _outline(content: list[Line], kinds: list[str]) -> None:
    """A plan's or notice's outline set as short lines (二、活动主题 / 缅怀先烈守初心,笃行不怠担使命 /
    三、参加对象 / 支部全体党员): in a run of short lines, each numbered line of the article's
    first numbering style heads a section, when there are at least ``outline_min_headings``
    of them, and the unnumbered line right under one is its text, not a photo's caption."""
    styles = {m: p.numbering_style(content[m].simplified) for m, kind in enumerate(kinds)
              if kind == CANDIDATE and _short_enough(content[m].simplified)}
    numbered = [m for m, style in styles.items() if style is not None]
    members = [m for m in numbered if styles[m] == styles[numbered[0]]] if numbered else []
    if len(members) < rules.LIMITS.outline_min_headings:
        return
    for m in members:
        # in a run, not at the page's end: followed by body, the heading rule decides; a page
        # cut off after a heading and a fragment is heading_before_fragment's
        if m + 2 < len(kinds) and kinds[m + 1] == CANDIDATE:
            kinds[m] = "outline_heading"
            if not p.is_numbered(content[m + 1].simplified):
                kinds[m + 1] = "outline_text"


def _resolve_candidates(content: list[Line], kinds: list[str], before_furniture: set[int]) -> None:
    """Runs of standalone short lines: all but the last are captions; the last heads a
    section when body follows it. Headings need company (two or more in the article) or
    the shape of a heading; a lone one without that shape is a photo caption."""
    _outline(content, kinds)
    n = len(kinds)
    heads: list[int] = []
    trailing: list[int] = []
    last_run = -1  # where the run of short lines that ends the article begins
    k = 0
    while k < n:
        if kinds[k] not in _SHORT_KINDS:
            k += 1
            continue
        j = k
        while j < n and kinds[j] in _SHORT_KINDS:
            j += 1
        for m in range(k, j - 1):
            if kinds[m] == CANDIDATE:
                kinds[m] = "short_line_run"
        last = j - 1
        if j == n:
            last_run = k
        if kinds[last] == CANDIDATE:
            if j < n and kinds[j] in _BODY_KINDS:
                heads.append(last)
            else:
                trailing.append(last)
        k = j
    names = {h for h in heads if _only_names(content[h].simplified)}  # 刘若阳: a photo's label
    acting = {h for h in heads if h not in names and _person_acting(content[h].simplified)}
    # The last of a run of captions without a heading's shape of its own is one more
    # caption (讲解心肺复苏知识 / 心肺复苏实操演练: two photos), and gives no heading company.
    ends_captions = {h for h in heads if h not in names | acting and h > 0 and kinds[h - 1] == "short_line_run"
                     and not _heading_shaped(content[h].simplified)}
    # A heading holds a Han character: a number (127) or Latin letters alone head nothing.
    short = [h for h in heads if _short_enough(content[h].simplified) and h not in names | acting | ends_captions
             and HAN_CHAR.search(content[h].simplified)]
    company = len(short) >= 2 or "markup_heading" in kinds or "colon_label_heading" in kinds
    for h in heads:
        s = content[h].simplified
        if h in names:
            kinds[h] = "name_label"
        elif h in acting:
            kinds[h] = "person_caption"
        elif h in ends_captions:
            kinds[h] = "short_line_run"
        elif h in short and (company or _heading_shaped(s)):
            kinds[h] = "heading"
        elif _short_enough(s):
            kinds[h] = "lone_short_line"
        elif h > 0 and kinds[h - 1] == "short_line_run":  # the last of a run of captions, as the rest of it
            kinds[h] = "short_line_run"
        else:
            kinds[h] = "long_unpunctuated_line"
    # A longer line led by a label and a colon (走访党员患者:以“抗癌榜样”为桥,连通医院与民心),
    # when another heading of the article is led so (红色研学强信念:…): a heading too.
    if any(kind == "heading" and _LABEL_LED.match(content[m].simplified) for m, kind in enumerate(kinds)):
        for m, kind in enumerate(kinds):
            s = content[m].simplified
            if (kind == "long_unpunctuated_line" and _LABEL_LED.match(s)
                    and p.visible_len(s) <= rules.LIMITS.numbered_heading_max_chars):
                kinds[m] = "heading"
    has_heading = any(kind in ("heading", "markup_heading") for kind in kinds)
    # A page cut off mid-sentence ends in a heading and a fragment (三、党员志愿者… / 7月1日我院
    # 党员志愿者前往…): the run's first line is the article's next heading, not a caption.
    if has_heading and last_run >= 0 and last_run < n - 1 and kinds[last_run] == "short_line_run":
        first = content[last_run].simplified
        if _short_enough(first) and p.has_heading_shape(first):
            kinds[last_run] = "heading_before_fragment"
    for t in trailing:
        s = content[t].simplified
        closing = p.visible_len(s) <= rules.LIMITS.closing_line_max_chars
        if closing and _only_names(p.strip_list_marker(s)):  # ■史淑明: a marker before the name
            kinds[t] = "closing_name_signature"
        elif has_heading and closing and p.has_heading_shape(s):
            kinds[t] = "closing_heading"
        elif (closing and p.SIGNING_UNIT.search(s)) or _unit_and_writer(s):  # the pattern bounds its own length
            kinds[t] = "closing_unit_signature"
        elif t > 0 and kinds[t - 1] in ("short_line_run", "body_caption_cue", "related_link"):
            kinds[t] = "short_line_run"  # the end of a run of captions or links, like the rest of it
        elif id(content[t]) in before_furniture:  # 了解更多请关注… above the footer: the page's, not the text's
            kinds[t] = "closing_line_before_furniture"
        else:  # at the end of the page: an excerpt cut off mid-sentence (紧接着,集体政治生日庆祝仪)
            kinds[t] = "closing_line"


# ---------------------------------------------------------------- the step


def segment_document(doc: Document) -> Document:
    if doc.status != "ok":
        return doc
    lines = fixed_roles(doc.lines, doc.raw_text)
    _above_location(lines)
    starts, entries = article_starts(lines)
    bounds = list(zip(starts, [*starts[1:], len(lines)], strict=True))
    doc.lines = lines
    doc.drafts = [segment_article(lines[a:b], list_entry=a in entries) for a, b in bounds]
    doc.drafts = [d for d in doc.drafts if any(ln.role == "body" for ln in d.lines)] or doc.drafts
    for ln in lines:
        if ln.role == UNDECIDED:
            assign(ln, "outside_articles")
    _cut_inline_urls(doc)
    return doc


def _above_location(lines: list[Line]) -> None:
    """A page that says where the reader is (首页 > 党群工作 > 基层党建) starts its content
    below that line: sentences above it are the site's own blurb (医院被授予“三级甲等…”),
    and every open line above it goes with them."""
    at = next((i for i, ln in enumerate(lines) if ln.role == "boilerplate" and p.is_location_line(ln.simplified)), None)
    if at is None or not any(_open(ln) and p.is_prose(ln.simplified) for ln in lines[:at]):
        return
    if not any(_open(ln) and p.is_prose(ln.simplified) for ln in lines[at + 1 :]):
        return  # nothing to read below it: a footer's, not the page's header
    for ln in lines[:at]:
        if _open(ln):
            assign(ln, "above_location")


def _cut_inline_urls(doc: Document) -> None:
    """Addresses inside kept lines go (URLs are never content here); a line that was
    nothing but an address becomes boilerplate."""
    for ln in doc.lines:
        if ln.role == "boilerplate":
            continue
        ln.text, flags = remove_urls(ln.text)
        if not flags:
            continue
        ln.simplified, _ = remove_urls(ln.simplified)
        if "url_removed" not in doc.quality_flags:
            doc.quality_flags = sorted([*doc.quality_flags, "url_removed"])
        if not re.search(r"\w", ln.text):
            assign(ln, "only_an_address")
