"""Stage 4, extract: turn each segmented article into an ``Article`` record: headline
parts, dateline names, publication date, captions, credits, sections, flags, spans.
"""

from __future__ import annotations

import datetime as dt
import re

from . import patterns as p
from .dates import UNIX_EPOCH, Published, parse_date
from .records import Article, ArticleDraft, Document, Line, Section
from .script import to_simplified

# Document-level flags that describe every article of the document.
_INHERITED = {"pinyin_removed", "mojibake_repaired", "mojibake_removed", "replacement_char_removed", "fullwidth_folded",
              "html_removed", "url_removed", "converted_from_traditional", "traditional_characters_converted"}


def _headline(lines: list[Line]) -> tuple[str | None, str | None, str | None, str | None]:
    """(title, title_original, subtitle, column) from the title and subtitle lines."""
    title_line = next((ln for ln in lines if ln.role == "title"), None)
    if title_line is None:
        return None, None, None, None
    # a headline broken over two lines comes back whole
    text = title_line.text + "".join(ln.text.strip() for ln in lines if ln.rule == "headline_continued")
    column, rest = p.split_rubric(p.strip_site_name(text))
    main, sub = p.split_subtitle(rest)
    second = [ln.text for ln in lines if ln.role == "subtitle"]
    subtitle = " ".join(x for x in [sub, *second] if x) or None
    simp = to_simplified
    return simp(main), main, (simp(subtitle) if subtitle else None), (simp(column) if column else None)


def without_trailing_names(title: str, names: list[str]) -> str:
    """A headline without the writers' names a page title appends after it, when the
    byline names them too (…报告会在沪举行 江跃中 方宏向 滕金奎 |, 本报讯 (记者 江跃中 …)).

    >>> without_trailing_names("黎秀芳事迹报告会在沪举行 江跃中 方宏向 |", ["江跃中", "方宏向"])
    '黎秀芳事迹报告会在沪举行'
    >>> without_trailing_names("医心履职守健康 为民发声", ["江跃中"])
    '医心履职守健康 为民发声'
    """
    stripped = head = re.sub(r"[\s|丨]+$", "", title)
    while (m := re.search(r"\s+(\S+)$", head)) and to_simplified(m.group(1)) in names:
        head = head[: m.start()]
    return head if head != stripped else title


# A photo's credit naming a reporter or correspondent, ending a caption or a paragraph:
# 新华社记者黄孝邦摄, 人民日报记者 李舸/摄, 记者刘冀城 通讯员刘喆 摄.
_PHOTO_BYLINE = re.compile(r"(?:记者|通讯员)[^。!?,,]{1,30}?\s*/?\s*摄影?\s*$")


def photo_bylines(texts: list[str]) -> tuple[list[str], list[str]]:
    """(reporters, correspondents) named in photo credits, for a page whose only byline
    they are.

    >>> photo_bylines(["苗寨里,党员为村民义诊。 新华社记者黄孝邦摄", "下图为大会现场。 人民日报记者 李舸/摄"])
    (['黄孝邦', '李舸'], [])
    >>> photo_bylines(["记者刘冀城 通讯员刘喆 摄"]), photo_bylines(["他曾是一名记者。"])
    ((['刘冀城'], ['刘喆']), ([], []))
    """
    reporters: list[str] = []
    correspondents: list[str] = []
    for text in texts:
        m = _PHOTO_BYLINE.search(text)
        if m is None:
            continue
        found_reporters, found_correspondents = p.people(m.group().replace("/", " "))
        reporters += [n for n in found_reporters if n not in reporters]
        correspondents += [n for n in found_correspondents if n not in correspondents]
    return reporters, correspondents


def _published(lines: list[Line], body_start: int, today: dt.date) -> Published | None:
    """The date on the header's date lines (those above the first paragraph); else on a
    date line elsewhere in the article that says it is the publication date (发布时间 …
    under the text). A disclosure table's other dates (成文日期, 发文时间 …) give way to it."""
    first_body = next((i for i, ln in enumerate(lines) if ln.role == "body"), len(lines))
    meta = " ".join(ln.simplified for ln in lines[: max(body_start, first_body)] if ln.role == "date")
    if not meta:
        meta = " ".join(ln.simplified for ln in lines[body_start:] if ln.role == "date" and p.has_publication_label(ln.simplified))
    found = parse_date(p.drop_other_dates(meta), today) if meta else None
    return None if found is not None and found.date == UNIX_EPOCH else found  # an empty date field


def _sections(lines: list[Line], body_start: int) -> list[Section]:
    sections: list[Section] = []
    current: Section | None = None
    for ln in lines[body_start:]:
        if ln.role == "heading":
            current = Section(ln.simplified, ln.text, [], [], ln.start, ln.end)
            sections.append(current)
        elif ln.role == "body":
            if current is None:
                current = Section(None, None, [], [], ln.start, ln.end)
                sections.append(current)
            if ln.hint == "join" and current.paragraphs:
                current.paragraphs[-1] += ln.simplified
                current.paragraphs_original[-1] += ln.text
            else:
                current.paragraphs.append(ln.simplified)
                current.paragraphs_original.append(ln.text)
            current.end = ln.end
    return sections


def _credits(lines: list[Line], sections: list[Section]) -> list[tuple[str, str]]:
    """Credit lines as (role, name) pairs, plus a closing signature such as ``(赵猛)``,
    which is cut off the last paragraph of ``sections`` (edited in place)."""
    credits: list[tuple[str, str]] = []
    for ln in lines:
        if ln.role == "credit":
            credits += p.parse_credits(ln.simplified) or [("署名", ln.simplified.strip())]
    last = next((s for s in reversed(sections) if s.paragraphs), None)
    if last is not None:
        text, signed = p.split_signature(last.paragraphs[-1])
        if signed:
            original, _ = p.split_signature(last.paragraphs_original[-1])
            last.paragraphs[-1], last.paragraphs_original[-1] = text, original
            credits += signed
    return credits


def extract_article(doc: Document, draft: ArticleDraft, index: int, today: dt.date) -> Article | None:
    lines = draft.lines
    sections = _sections(lines, draft.body_start)
    credits = _credits(lines, sections)
    sections = [s for s in sections if s.paragraphs or s.heading]
    if not any(s.paragraphs for s in sections):
        return None
    title, title_original, subtitle, column = _headline(lines)
    reporters: list[str] = []
    correspondents: list[str] = []
    datelines = [ln.simplified for ln in lines if ln.role == "dateline"]
    for text in datelines:
        found = p.find_dateline(p.strip_list_marker(text))
        if found:
            reporters += [n for n in found.reporters if n not in reporters]
            correspondents += [n for n in found.correspondents if n not in correspondents]
    for ln in lines:  # a credit line naming reporters ((作者:记者:龚勋), 记者:… 通讯员:…)
        if ln.role == "credit":
            found_reporters, found_correspondents = p.people(ln.simplified)
            reporters += [n for n in found_reporters if n not in reporters]
            correspondents += [n for n in found_correspondents if n not in correspondents]
    for role, name in credits:  # and a closing signature (记者 李玲玲 通讯员 蔡玉端)
        target = reporters if role == "记者" else correspondents if role == "通讯员" else None
        if target is not None and name not in target:
            target.append(name)
    if not reporters and not correspondents:  # a byline in parentheses inside the text
        reporters, correspondents = p.parenthesised_bylines("\n".join(x for s in sections for x in s.paragraphs))
    if not reporters and not correspondents:  # …or only the photos' credit (新华社记者黄孝邦摄)
        reporters, correspondents = photo_bylines([ln.simplified for ln in lines if ln.role in ("caption", "body")])
    if title_original is not None and (reporters or correspondents):
        trimmed = without_trailing_names(title_original, reporters + correspondents)
        if trimmed != title_original:
            title_original, title = trimmed, to_simplified(trimmed)
    published = _published(lines, draft.body_start, today)
    flags = {f for f in doc.quality_flags if f in _INHERITED}
    roles = {ln.role for ln in lines}
    if any(ln.hint == "join" for ln in lines):
        flags.add("hard_wraps_joined")
    if "boilerplate" in roles:
        flags.add("boilerplate_removed")
    last_paragraph = next(s for s in reversed(sections) if s.paragraphs).paragraphs[-1]
    if not p.ends_sentence(last_paragraph):
        flags.add("truncated")
    return Article(
        document_id=doc.document_id,
        article_index=index,
        title=title,
        title_original=title_original,
        subtitle=subtitle,
        column=column,
        sections=sections,
        script=doc.script or "simplified",
        published_date=published.date if published else None,
        published_at=published.at if published else None,
        dateline=datelines[0] if datelines else None,
        reporters=reporters,
        correspondents=correspondents,
        captions=[ln.simplified for ln in lines if ln.role == "caption"],
        credits=credits,
        quality_flags=sorted(flags),
        start=min(ln.start for ln in lines),
        end=max(ln.end for ln in lines),
    )


def extract_document(doc: Document, today: dt.date | None = None) -> Document:
    if doc.status != "ok":
        return doc
    today = today or dt.date.today()
    articles = []
    for draft in doc.drafts:
        article = extract_article(doc, draft, len(articles), today)
        if article is not None:
            articles.append(article)
    if not articles:
        return doc.reject("no article was found in it (no body text after cleaning)")
    doc.articles = articles
    return doc
