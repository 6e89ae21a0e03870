"""The dataset's schema, declared once.

Every other representation derives from ``CONFIGS``: the Arrow schemas the writer uses,
the Hugging Face ``Features`` in the card, the Pandera models (``validate.py``), the JSON
Schemas and the Markdown reference in ``schema/`` (``docs.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pyarrow as pa

SCHEMA_VERSION = "2.0.0"

# Declarative checks a column may carry; ``validate.py`` turns them into Pandera checks.
#   unique      no two rows share the value
#   non_empty   no empty (or whitespace-only) string
#   simplified  simplified Chinese, clean: no pinyin annotation, U+FFFD, URL or
#               traditional-only character
#   nfc         Unicode NFC
#   one_of:a|b  value is one of the listed strings
#   ge0         integer >= 0
#   date_range  between 1949-10-01 and the build day
#   flags       every element is in QUALITY_FLAGS (the documented vocabulary)
#   rules       every element names a rule of rules.RULES (schema/RULES.md)
CREDIT = pa.struct([("role", pa.string()), ("name", pa.string())])
PARTY_ORG = pa.struct([("name", pa.string()), ("level", pa.string())])
PERSON = pa.struct([("name", pa.string()), ("role", pa.string())])
PLACE = pa.struct(
    [("name", pa.string()), ("level", pa.string()), ("province", pa.string()), ("city", pa.string()), ("code", pa.string())]
)
YEAR_SOURCES = ("published", "dateline", "event_date", "campaign")
PARTY_LEVELS = ("党委", "党总支", "党支部", "党组", "党工委", "其他")
LINE_ROLE = pa.struct(
    [("line", pa.int32()), ("start", pa.int32()), ("end", pa.int32()), ("role", pa.string())]
)


@dataclass(frozen=True)
class Column:
    name: str
    type: pa.DataType
    nullable: bool
    description: str
    checks: tuple[str, ...] = ()
    contract: bool = False  # listed in the public contract (shared/docs/CONTRACT.md)


@dataclass(frozen=True)
class Config:
    name: str
    description: str
    key: str
    columns: tuple[Column, ...]

    def arrow_schema(self, metadata: dict[str, str] | None = None) -> pa.Schema:
        fields = [pa.field(c.name, c.type, nullable=c.nullable) for c in self.columns]
        return pa.schema(fields, metadata=metadata)

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


S, I32, I64 = pa.string(), pa.int32(), pa.int64()
STRINGS = pa.list_(pa.string())
SIMPLE = ("simplified", "nfc")

ARTICLES = Config(
    name="articles",
    description="One row per article. The default config.",
    key="article_id",
    columns=(
        Column("article_id", S, False, "Unique, deterministic id: `<document_id>-<article_index, 3 digits>`; stable when other raw files are added or removed.", ("unique", "non_empty"), True),
        Column("document_id", S, False, "The raw file's id (its stem at the top level; rule in `documents`).", ("non_empty",), True),
        Column("article_index", I32, False, "0-based order of the article within its document.", ("ge0",), True),
        Column("title", S, True, "Headline in simplified script, without a leading 【…】 rubric or the part after ——; a rubric before a bar (我为群众办实事 | …, 健康中国山西行动丨…) stays in it, as the headline is printed; null when the source has no headline (never invented from the body).", ("non_empty", *SIMPLE), True),
        Column("title_original", S, True, "`title` in the source's script.", ("non_empty", "nfc")),
        Column("subtitle", S, True, "Second headline line, or the part of the headline after ——, simplified.", ("non_empty", *SIMPLE), True),
        Column("column", S, True, "Rubric: the text of a leading 【…】 or the part before a bar (` | `, `丨`) in the headline, simplified (the latter also stays in `title`).", ("non_empty", *SIMPLE), True),
        Column("text", S, False, "Article body in simplified script, paragraphs joined by `\\n`, sub-headings on their own lines. No title, rubric, dateline lead-in, photo captions, credit lines, site boilerplate, pinyin annotations or garbled runs.", ("non_empty", *SIMPLE), True),
        Column("text_original", S, False, "The same body in the source's script, cleaned the same way.", ("non_empty", "nfc"), True),
        Column("script", S, False, "Script of the source: `simplified` or `traditional`.", ("one_of:simplified|traditional",), True),
        Column("published_date", pa.date32(), True, "Publication date, only when the source states it with a year (a posting-date line, never an event date in the prose).", ("date_range",), True),
        Column("published_at", pa.timestamp("ms"), True, "Publication time when the source gives one (Beijing wall-clock time, no zone), else null.", ("date_range",)),
        Column("dateline", S, True, "The dateline lead-in removed from the body, e.g. `本报济宁10月31日讯(记者 唐首政 通讯员 王扬)`, simplified.", ("non_empty", *SIMPLE)),
        Column("reporters", STRINGS, False, "Names given after 记者 in the dateline or byline (when the page has neither, in a photo's credit: 新华社记者黄孝邦摄), simplified, in order.", (), True),
        Column("correspondents", STRINGS, False, "Names given after 通讯员 (as for `reporters`), simplified, in order.", (), True),
        Column("captions", STRINGS, False, "Photo captions that stood among the prose, simplified, in order.", ()),
        Column("credits", pa.list_(CREDIT), False, "Credit lines as (role, name) pairs, e.g. (`责任编辑`, `张雯`), simplified.", ()),
        Column("quality_flags", STRINGS, False, "What was repaired or suspected; vocabulary in `schema/SCHEMA.md`.", ("flags",), True),
        Column("n_sections", I32, False, "Number of rows in `sections` for this article.", ("ge0",)),
        Column("n_paragraphs", I32, False, "Number of body paragraphs (sub-headings not counted).", ("ge0",)),
        Column("n_chars", I32, False, "Characters in `text`, line breaks not counted.", ("ge0",)),
        Column("institutions", STRINGS, False, "Health institutions named in the headline or body (hospitals, 卫生院, 疾控中心, 血液中心, 妇幼保健院, medical universities, 卫健委 / 卫生健康局 …), simplified, in order of first mention, each once under its fullest name: a short form is resolved to the one full name it abbreviates (市一医院 → 杭州市第一人民医院) and `A(B)` makes B another name of A. When the article never names its own institution but calls it 我院 / 本院, that word is listed first. Method: `schema/METADATA.md`.", ()),
        Column("primary_institution", S, True, "The institution the article is about: the first named in the headline, else the one named in the lead paragraph that the article mentions most; null when neither names one.", ("non_empty", *SIMPLE)),
        Column("party_organizations", pa.list_(PARTY_ORG), False, f"Party organisations named, as (name, level) with level one of {' / '.join(PARTY_LEVELS)}; 医院党委 / 我院…支部 take the primary institution's name when there is one.", ()),
        Column("province", S, True, "Province-level division of the article's subject, full name (山东省, 北京市, 广西壮族自治区): from the dateline, else the primary institution's name, else the places mentioned (headline and lead weigh more); null when the text does not tell.", ("non_empty", *SIMPLE)),
        Column("city", S, True, "Prefecture-level city of the subject (济宁市; the municipality itself for 北京/天津/上海/重庆), when it can be told.", ("non_empty", *SIMPLE)),
        Column("places", pa.list_(PLACE), False, "Administrative divisions mentioned (provinces, prefectures, counties), from the shipped gazetteer, in order of first mention: name, level (`province`, `prefecture`, `county`), province, city, 6-digit division code. Ambiguous names (市中区) only when the article's province settles them.", ()),
        Column("people", pa.list_(PERSON), False, "People named beside a role (党委书记陆伟 → (陆伟, 党委书记)), in order, each name once with its first role.", ()),
        Column("campaigns", STRINGS, False, "Named Party campaigns, congresses, plenums and anniversaries mentioned (两学一做学习教育, 党史学习教育, 党的十九大, 建党100周年 …), canonical names from the versioned table in `schema/CAMPAIGNS.md`.", ()),
        Column("activity_types", STRINGS, False, "Kinds of Party activity reported, multi-label, from the taxonomy in `schema/ACTIVITY_TYPES.md`.", ()),
        Column("event_dates", STRINGS, False, "Dates stated in the body, in order: `YYYY-MM-DD`, `YYYY-MM`, or `--MM-DD` when the year is not stated.", ()),
        Column("year", I32, True, "The article's year, only when unambiguous; see `year_source`.", ("ge0",)),
        Column("year_source", S, True, f"Where `year` comes from: {', '.join(f'`{x}`' for x in YEAR_SOURCES)} (rules in `schema/METADATA.md`); null when `year` is null.", (f"one_of:{'|'.join(YEAR_SOURCES)}",)),
        Column("keywords", STRINGS, False, "Top 10 TF-IDF terms (jieba's segmenter and shipped IDF table), highest first.", ()),
        Column("span_start", I32, False, "Start offset (characters) of the article in the document's decoded raw text (`documents.raw_text`).", ("ge0",)),
        Column("span_end", I32, False, "End offset (exclusive) of the article in the decoded raw text.", ("ge0",)),
    ),
)

SECTIONS = Config(
    name="sections",
    description="One row per section of an article: a lead section (no heading) and one per sub-heading.",
    key="section_id",
    columns=(
        Column("section_id", S, False, "Unique id: `<article_id>-<section_index, 3 digits>`.", ("unique", "non_empty"), True),
        Column("article_id", S, False, "The article it belongs to.", ("non_empty",), True),
        Column("document_id", S, False, "The raw file it comes from.", ("non_empty",)),
        Column("section_index", I32, False, "0-based order within the article.", ("ge0",), True),
        Column("heading", S, True, "The sub-heading, simplified; null for the lead section.", ("non_empty", *SIMPLE), True),
        Column("heading_original", S, True, "`heading` in the source's script.", ("non_empty", "nfc")),
        Column("text", S, False, "The section's body, simplified, paragraphs joined by `\\n` (empty only when the source breaks off right after a heading).", SIMPLE, True),
        Column("text_original", S, False, "The section's body in the source's script.", ("nfc",)),
        Column("span_start", I32, False, "Start offset of the section (its heading, or its first paragraph) in the decoded raw text.", ("ge0",)),
        Column("span_end", I32, False, "End offset (exclusive) of the section in the decoded raw text.", ("ge0",)),
    ),
)

DOCUMENTS = Config(
    name="documents",
    description="One row per raw input file, accepted or rejected, with its decoded text and the role of every line.",
    key="document_id",
    columns=(
        Column("document_id", S, False, "The raw file's id: its path relative to the input folder without the extension, `/` written as `__` (the stem, for a file at the top level). It depends on the file's own path only, so adding, removing or renaming other files never changes it; rule and clashes: `read.document_ids`.", ("unique", "non_empty"), True),
        Column("source_file", S, False, "Path relative to the input folder, with `/` separators.", ("unique", "non_empty"), True),
        Column("sha256", S, True, "SHA-256 of the raw bytes, hex; null when the file was rejected before its bytes were read (too large, unreadable, a link leading outside).", ("non_empty",), True),
        Column("size_bytes", I64, False, "Size of the raw file in bytes.", ("ge0",)),
        Column("encoding", S, True, "The encoding the bytes were decoded with; null when rejected before decoding.", ()),
        Column("status", S, False, "`ok` or `rejected`.", ("one_of:ok|rejected",), True),
        Column("error", S, True, "Why the file was rejected, one sentence; null when `ok`.", (), True),
        Column("n_articles", I32, False, "Articles found.", ("ge0",), True),
        Column("script", S, True, "`simplified` or `traditional`; null when rejected.", ("one_of:simplified|traditional",)),
        Column("quality_flags", STRINGS, False, "Document-level repairs and suspicions (same vocabulary as `articles`).", ("flags",)),
        Column("raw_text", S, True, "The decoded raw text, exactly as read (spans point into it); null when rejected.", ()),
        Column("line_roles", pa.list_(LINE_ROLE), False, "Every non-blank piece of the raw text with its role (title, subtitle, column, date, dateline, heading, body, caption, credit, boilerplate): physical line number, character span, role.", ()),
        Column("line_rules", STRINGS, False, "For each entry of `line_roles`, in the same order, the name of the rule that decided its role; the rules, their order and their parameters are in `schema/RULES.md`.", ("rules",)),
    ),
)

CONFIGS: tuple[Config, ...] = (ARTICLES, SECTIONS, DOCUMENTS)
DEFAULT_CONFIG = ARTICLES.name

# Vocabulary of ``quality_flags``.
QUALITY_FLAGS: dict[str, str] = {
    "pinyin_removed": "Parenthesised pinyin annotations after Han characters were removed.",
    "mojibake_repaired": "A garbled run (bytes decoded with the wrong codec) was decoded again; the characters in the middle of the run are certain, those at its edges were chosen by word frequency.",
    "mojibake_removed": "A garbled run that could not be repaired was removed (characters are missing there).",
    "replacement_char_removed": "U+FFFD replacement characters were removed.",
    "fullwidth_folded": "Full-width punctuation, digits or Latin letters (，（）：２０２３) were written in their ASCII forms, as in the rest of the dataset.",
    "html_removed": "HTML tags or entities, Markdown images, images' file names glued after a sentence, or line breaks a scraper left escaped (a backslash and n), were removed.",
    "url_removed": "Web addresses inside kept lines (prose, headings) were cut out.",
    "converted_from_traditional": "The source is in traditional script; `text` was converted with OpenCC t2s (plus the documented exceptions).",
    "traditional_characters_converted": "The source is in simplified script but holds some traditional characters (群衆); `text` has them converted, `text_original` keeps them.",
    "hard_wraps_joined": "Lines broken mid-sentence by fixed-width wrapping were joined.",
    "boilerplate_removed": "Site boilerplate (navigation, share buttons, related reading, link lists, footers, a forum's watermark glued before or after a paragraph's text, a gambling portal's brand put in place of a name) was removed.",
    "truncated": "The text seems to break off mid-sentence at its end.",
}


def arrow_type_name(t: pa.DataType) -> str:
    """A short human-readable name for an Arrow type (used in the docs)."""
    return str(t).replace("large_", "")


def json_type(t: pa.DataType) -> dict[str, Any]:
    """The JSON Schema of one Arrow type, as the Parquet rows look when read as JSON."""
    if pa.types.is_string(t):
        return {"type": "string"}
    if pa.types.is_integer(t):
        return {"type": "integer"}
    if pa.types.is_date(t):
        return {"type": "string", "format": "date"}
    if pa.types.is_timestamp(t):
        return {"type": "string", "format": "date-time"}
    if pa.types.is_list(t):
        return {"type": "array", "items": json_type(t.value_type)}
    if pa.types.is_struct(t):
        props = {f.name: json_type(f.type) for f in t}
        return {"type": "object", "properties": props, "required": list(props), "additionalProperties": False}
    raise TypeError(f"no JSON Schema mapping for {t}")


def json_schema(config: Config) -> dict[str, Any]:
    props: dict[str, Any] = {}
    for c in config.columns:
        spec = json_type(c.type)
        if c.nullable:
            spec = {"anyOf": [spec, {"type": "null"}]}
        props[c.name] = {"description": c.description, **spec}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"hospital_party_news/{config.name}.schema.json",
        "title": f"hospital_party_news `{config.name}` row (schema {SCHEMA_VERSION})",
        "description": config.description,
        "type": "object",
        "properties": props,
        "required": [c.name for c in config.columns],
        "additionalProperties": False,
    }


# The card's notation (``dataset_info.features``) of the Arrow types the schema uses.
_CARD_DTYPES = {pa.string(): "string", pa.int32(): "int32", pa.int64(): "int64", pa.bool_(): "bool",
                pa.float64(): "float64", pa.date32(): "date32", pa.timestamp("ms"): "timestamp[ms]"}


def _card_type(t: pa.DataType) -> Any:
    """One Arrow type in the card's notation: a dtype name, a list of named fields for a
    struct, ``{"list": …}`` for a list (what ``datasets`` writes for a ``Sequence``)."""
    if pa.types.is_list(t):
        return {"list": _card_type(t.value_type)}
    if pa.types.is_struct(t):
        return [{"name": f.name, **_card_field(f.type)} for f in t]
    if t in _CARD_DTYPES:
        return _CARD_DTYPES[t]
    raise TypeError(f"no card notation for {t}")


def _card_field(t: pa.DataType) -> dict[str, Any]:
    kind = _card_type(t)
    if isinstance(kind, dict):
        return kind
    return {"struct": kind} if isinstance(kind, list) else {"dtype": kind}


def card_features(config: Config) -> list[dict[str, Any]]:
    """The card's ``features`` of one config, written from the Arrow schema without
    importing ``datasets`` (0.5 s a build): the same YAML as ``hf_features(config)
    ._to_yaml_list()``, which ``tests/test_card.py`` checks for every config.

    >>> card_features(CONFIGS[1])[:2]
    [{'name': 'section_id', 'dtype': 'string'}, {'name': 'article_id', 'dtype': 'string'}]
    """
    return [{"name": f.name, **_card_field(f.type)} for f in config.arrow_schema()]


def hf_features(config: Config) -> Any:
    """``datasets.Features`` derived from the Arrow schema."""
    from datasets import Features

    return Features.from_arrow_schema(config.arrow_schema())
