"""The records that flow between the pipeline stages.

read → ``Document`` (bytes decoded, split into ``Line`` pieces)
clean → the same ``Document`` with every ``Line.text`` cleaned and ``Line.simplified`` set
segment → ``Document.articles`` filled with ``ArticleDraft`` (line roles assigned)
extract → ``Article`` rows ready for the writer
enrich → each ``Article.metadata`` filled: institutions, places, people, campaigns …
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# Every non-blank piece of a raw document gets exactly one of these roles.
ROLES = (
    "title",
    "subtitle",
    "column",
    "date",
    "dateline",
    "heading",
    "body",
    "caption",
    "credit",
    "boilerplate",
)


@dataclass
class Line:
    """One piece of a raw document: a physical line, or part of one.

    ``start``/``end`` are character offsets into ``Document.raw_text``; a physical line
    that holds several things (an HTML page on one line, a date glued to the first
    sentence) is split into several pieces, each with its own span.
    """

    start: int
    end: int
    text: str  # cleaned, source script
    number: int = 0  # 1-based physical line number in the raw text
    blank_before: int = 0  # blank physical lines right before this piece
    hint: str | None = None  # "md-heading:N" (## …), "html-heading:N" (<hN>), "join" (continues a paragraph)
    simplified: str = ""  # ``text`` in simplified script
    role: str = "body"
    rule: str = ""  # the name of the rule that decided ``role`` (``rules.RULES``)

    def __post_init__(self) -> None:
        if not self.simplified:
            self.simplified = self.text


@dataclass
class Section:
    heading: str | None  # simplified
    heading_original: str | None
    paragraphs: list[str]  # simplified
    paragraphs_original: list[str]
    start: int
    end: int

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)

    @property
    def text_original(self) -> str:
        return "\n".join(self.paragraphs_original)


@dataclass
class ArticleDraft:
    """An article as the segmenter found it: its lines with their roles."""

    lines: list[Line]
    body_start: int  # index into ``lines`` of the first body-zone piece


@dataclass
class Place:
    name: str  # full name from the gazetteer, e.g. 任城区
    level: str  # province | prefecture | county
    province: str
    city: str | None
    code: str  # 6-digit administrative division code


@dataclass
class Metadata:
    """What ``enrich`` derives from an article's text (see ``schema.py`` for meanings)."""

    institutions: list[str] = field(default_factory=list)
    primary_institution: str | None = None
    party_organizations: list[tuple[str, str]] = field(default_factory=list)
    province: str | None = None
    city: str | None = None
    places: list[Place] = field(default_factory=list)
    people: list[tuple[str, str]] = field(default_factory=list)
    campaigns: list[str] = field(default_factory=list)
    activity_types: list[str] = field(default_factory=list)
    event_dates: list[str] = field(default_factory=list)
    year: int | None = None
    year_source: str | None = None
    n_chars: int = 0
    n_paragraphs: int = 0
    keywords: list[str] = field(default_factory=list)


@dataclass
class Article:
    document_id: str
    article_index: int
    title: str | None
    title_original: str | None
    subtitle: str | None
    column: str | None
    sections: list[Section]
    script: str
    published_date: dt.date | None = None
    published_at: dt.datetime | None = None
    dateline: str | None = None
    reporters: list[str] = field(default_factory=list)
    correspondents: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    credits: list[tuple[str, str]] = field(default_factory=list)
    quality_flags: list[str] = field(default_factory=list)
    start: int = 0
    end: int = 0
    metadata: Metadata = field(default_factory=Metadata)

    @property
    def article_id(self) -> str:
        return f"{self.document_id}-{self.article_index:03d}"

    @property
    def text(self) -> str:
        return "\n".join(_section_lines(self.sections, original=False))

    @property
    def text_original(self) -> str:
        return "\n".join(_section_lines(self.sections, original=True))


def _section_lines(sections: list[Section], original: bool) -> list[str]:
    out: list[str] = []
    for s in sections:
        heading = s.heading_original if original else s.heading
        if heading:
            out.append(heading)
        out.extend(s.paragraphs_original if original else s.paragraphs)
    return out


@dataclass
class Document:
    document_id: str
    source_file: str
    sha256: str | None  # None when the bytes were never read
    size: int
    encoding: str | None = None
    raw_text: str = ""
    lines: list[Line] = field(default_factory=list)
    script: str | None = None
    status: str = "ok"
    error: str | None = None
    quality_flags: list[str] = field(default_factory=list)
    drafts: list[ArticleDraft] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    # The output rows per config, made once by the validation step (which checked them)
    # and written as they are; None until then, and again once the document is rejected.
    rows: dict[str, list[dict]] | None = field(default=None, repr=False, compare=False)

    def reject(self, reason: str) -> Document:
        self.status, self.error = "rejected", reason
        self.lines, self.drafts, self.articles, self.rows = [], [], [], None
        return self
