"""Stage 5, validate: Pandera models derived from ``schema.py``, plus the checks that
span configs (foreign keys, sections rebuilding their article's text).

``validate_tables`` runs at the end of every build (a failure stops the build and
nothing is written) and in the tests on a fresh build.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

import pandas as pd
import pandera.pandas as pa
import pyarrow as pa_arrow

from .clean import count_toned_annotations
from .patterns import EARLIEST
from .schema import CONFIGS, Config
from .script import has_traditional

_URL = re.compile(r"https?://|www\.", re.IGNORECASE)


class ValidationFailed(Exception):
    """The built tables break the schema; ``report`` says where."""

    def __init__(self, report: str) -> None:
        super().__init__(report)
        self.report = report


def _is_clean_simplified(value: object) -> bool:
    if not isinstance(value, str):
        return True
    return not (
        count_toned_annotations(value) or "\ufffd" in value or _URL.search(value) or has_traditional(value)
    )


def _element_check(name: str, today: dt.date) -> pa.Check:
    if name == "unique":
        return pa.Check(lambda s: ~s.duplicated(), name="unique")
    if name == "non_empty":
        return pa.Check(lambda v: not isinstance(v, str) or bool(v.strip()), element_wise=True, name="non_empty")
    if name == "nfc":
        return pa.Check(lambda v: not isinstance(v, str) or unicodedata.is_normalized("NFC", v), element_wise=True, name="nfc")
    if name == "simplified":
        return pa.Check(_is_clean_simplified, element_wise=True, name="simplified_clean",
                        error="pinyin annotation, U+FFFD, URL or traditional character left")
    if name == "ge0":
        return pa.Check.ge(0)
    if name.startswith("one_of:"):
        return pa.Check.isin(name.split(":", 1)[1].split("|"))
    if name == "date_range":
        def within_build_dates(series: pd.Series) -> pd.Series:
            if pa_arrow.types.is_timestamp(series.dtype.pyarrow_dtype):
                low, high = pd.Timestamp(EARLIEST), pd.Timestamp(today) + pd.Timedelta(days=1)
                return series.isna() | ((series >= low) & (series < high))
            return series.isna() | ((series >= EARLIEST) & (series <= today))
        return pa.Check(within_build_dates, name="date_range", error=f"outside {EARLIEST}..{today}")
    raise ValueError(f"unknown check {name!r}")


def pandera_model(config: Config, today: dt.date | None = None) -> pa.DataFrameSchema:
    """The Pandera model of one config, on Arrow-backed pandas columns."""
    today = today or dt.date.today()
    columns = {
        c.name: pa.Column(
            pd.ArrowDtype(c.type),
            nullable=c.nullable,
            checks=[_element_check(n, today) for n in c.checks],
            description=c.description,
        )
        for c in config.columns
    }
    return pa.DataFrameSchema(columns, strict=True, ordered=True, name=config.name)


def to_frame(table: pa_arrow.Table) -> pd.DataFrame:
    return table.to_pandas(types_mapper=pd.ArrowDtype)


def _cross_checks(frames: dict[str, pd.DataFrame]) -> list[str]:
    """Checks across configs; returns one line per problem."""
    arts, secs, docs = frames["articles"], frames["sections"], frames["documents"]
    problems: list[str] = []
    missing = set(arts["document_id"]) - set(docs["document_id"])
    if missing:
        problems.append(f"articles.document_id not in documents: {sorted(missing)[:5]}")
    missing = set(secs["article_id"]) - set(arts["article_id"])
    if missing:
        problems.append(f"sections.article_id not in articles: {sorted(missing)[:5]}")
    for doc_id, group in arts.groupby("document_id"):
        if sorted(group["article_index"]) != list(range(len(group))):
            problems.append(f"{doc_id}: article_index is not 0..{len(group) - 1}")
    counts = arts.set_index("document_id").groupby(level=0).size()
    for _, row in docs.iterrows():
        want = 0 if row["status"] == "rejected" else int(counts.get(row["document_id"], 0))
        if int(row["n_articles"]) != want:
            problems.append(f"{row['document_id']}: n_articles {row['n_articles']} but {want} articles")
        if (row["status"] == "rejected") != isinstance(row["error"], str):
            problems.append(f"{row['document_id']}: error must be set exactly when rejected")
    by_article = {aid: g.sort_values("section_index") for aid, g in secs.groupby("article_id")}
    for _, row in arts.iterrows():
        group = by_article.get(row["article_id"])
        if group is None:
            problems.append(f"{row['article_id']}: no sections")
            continue
        if list(group["section_index"]) != list(range(len(group))):
            problems.append(f"{row['article_id']}: section_index is not 0..{len(group) - 1}")
        if len(group) != row["n_sections"]:
            problems.append(f"{row['article_id']}: n_sections {row['n_sections']} but {len(group)} sections")
        for col, heading in (("text", "heading"), ("text_original", "heading_original")):
            parts = []
            for _, s in group.iterrows():
                parts += [x for x in (s[heading], s[col]) if isinstance(x, str) and x]
            if "\n".join(parts) != row[col]:
                problems.append(f"{row['article_id']}: sections joined with headings do not give `{col}`")
    return problems


def validate_tables(tables: dict[str, pa_arrow.Table], today: dt.date | None = None) -> None:
    """Raise ``ValidationFailed`` with a readable report when any check fails."""
    frames = {name: to_frame(t) for name, t in tables.items()}
    report: list[str] = []
    for config in CONFIGS:
        try:
            pandera_model(config, today).validate(frames[config.name], lazy=True)
        except pa.errors.SchemaErrors as exc:
            cases = exc.failure_cases
            for _, case in cases.head(20).iterrows():
                report.append(f"{config.name}.{case['column']}: {case['check']} failed for {str(case['failure_case'])[:80]!r}")
    report += _cross_checks(frames)
    if report:
        raise ValidationFailed("validation failed:\n  - " + "\n  - ".join(report))
