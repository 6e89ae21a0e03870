"""Stage 5, validate: Pandera models derived from ``schema.py``, plus the checks that
span configs (foreign keys, sections rebuilding their article's text).

``validate_tables`` runs on every batch a build processes (a failure stops the build and
nothing is written) and in the tests on a fresh build. pandas and Pandera are imported on
first use (``_pandera``): a build validates its tables in the side process
(``sidecar.py``), so the build process, whose set-up is the build's critical path, never
imports them (0.55 s).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from types import ModuleType
from typing import TYPE_CHECKING

import pyarrow as pa_arrow

from .chars import URL
from .clean import count_toned_annotations
from .dates import EARLIEST
from .imports import without_module
from .records import Document
from .rules import RULES_BY_NAME
from .schema import ARTICLES, CONFIGS, DOCUMENTS, QUALITY_FLAGS, SECTIONS, Config
from .script import has_traditional

if TYPE_CHECKING:
    import pandas as pd
    import pandera.pandas as pa


class ValidationFailed(Exception):
    """The built tables break the schema; ``report`` says where."""

    def __init__(self, report: str) -> None:
        super().__init__(report)
        self.report = report


def _is_clean_simplified(value: object) -> bool:
    if not isinstance(value, str):
        return True
    return not (
        count_toned_annotations(value) or "\ufffd" in value or URL.search(value) or has_traditional(value)
    )


def predicate(name: str, today: dt.date) -> Callable[[object], bool] | None:
    """The element rule of a declared check (null always passes); None for ``unique``,
    which needs the whole column. Shared by the Pandera models and ``row_problems``."""
    if name == "non_empty":
        return lambda v: not isinstance(v, str) or bool(v.strip())
    if name == "nfc":
        return lambda v: not isinstance(v, str) or unicodedata.is_normalized("NFC", v)
    if name == "simplified":
        return _is_clean_simplified
    if name == "ge0":
        return lambda v: v is None or v >= 0
    if name.startswith("one_of:"):
        allowed = frozenset(name.split(":", 1)[1].split("|"))
        return lambda v: v is None or v in allowed
    if name == "date_range":
        return lambda v: v is None or EARLIEST <= (v.date() if isinstance(v, dt.datetime) else v) <= today
    if name == "flags":
        return lambda v: v is None or all(flag in QUALITY_FLAGS for flag in v)
    if name == "rules":
        return lambda v: v is None or all(rule in RULES_BY_NAME for rule in v)
    if name == "unique":
        return None
    raise ValueError(f"unknown check {name!r}")


_ERRORS = {"flags": "a quality flag outside the documented vocabulary", "rules": "a line rule outside rules.RULES", "simplified": "pinyin annotation, U+FFFD, URL or traditional character left", "date_range": "outside 1949-10-01..build day"}


def _pandera() -> tuple[ModuleType, ModuleType]:
    """(pandas, pandera.pandas), imported on first use."""
    import pandas as pd
    import pandera.pandas as pa

    return pd, pa


def warm_pandera() -> None:
    """Import pandas and Pandera and let Pandera register its backends (on its first
    validation): the side process does this while the build process sets up."""
    pd, pa = _pandera()
    # Pandera's first validation imports its data-synthesis strategies, which import
    # ``hypothesis`` when it is installed (0.09 s; the tests' extra installs it, a build
    # does not use it).
    with without_module("hypothesis"):
        pa.DataFrameSchema({"x": pa.Column(pd.ArrowDtype(pa_arrow.string()))}).validate(
            pa_arrow.table({"x": ["warm-up"]}).to_pandas(types_mapper=pd.ArrowDtype))


def _element_check(name: str, today: dt.date) -> pa.Check:
    pd, pa = _pandera()
    rule = predicate(name, today)
    if rule is None:
        return pa.Check(lambda s: ~s.duplicated(), name="unique")
    return pa.Check(lambda v: v is pd.NA or rule(v), element_wise=True, name=name, error=_ERRORS.get(name, name))


def row_problems(config: Config, row: dict, today: dt.date) -> list[str]:
    """The declared element checks on one row, in plain Python (no pandas): used to
    turn away one document whose output would break the schema, before the table-wide
    Pandera validation, so that one odd file never sinks a build."""
    problems = []
    for c in config.columns:
        value = row[c.name]
        if value is None and not c.nullable:
            problems.append(f"{config.name}.{c.name} is null")
        for name in c.checks:
            rule = predicate(name, today)
            if rule is not None and not rule(value):
                problems.append(f"{config.name}.{c.name}: {_ERRORS.get(name, name)}")
    return problems


# The longest article of the evaluation sets (source texts, seeds, dev, eval/corpus) has
# under 5,000 characters; ten times that still holds any real report, and bounds the cost
# of one odd file (a 20 MB line became one 6.7-million-character "article").
MAX_ARTICLE_CHARS = 50_000


def validate_document(doc: Document, today: dt.date | None = None) -> Document:
    """The last step: a document whose rows would break a declared check is rejected,
    with the first problem as its reason. This is where the element checks run at build
    time, once per row, on the rows that are written (``write.output_rows``)."""
    from .write import output_rows

    if doc.status != "ok":
        return doc
    longest = max((len(a.text) for a in doc.articles), default=0)
    if longest > MAX_ARTICLE_CHARS:
        return doc.reject(f"it yields an article of {longest} characters, over the limit of {MAX_ARTICLE_CHARS} "
                          "(real news articles stay far below): not a news page, or pages that were never split")
    today = today or dt.date.today()
    rows = output_rows(doc)
    problems = [p for config in (DOCUMENTS, ARTICLES, SECTIONS) for row in rows[config.name] for p in row_problems(config, row, today)]
    if problems:
        more = f" and {len(problems) - 1} more" if len(problems) > 1 else ""
        return doc.reject(f"its output would break the schema ({problems[0]}{more})")
    return doc


@lru_cache(maxsize=16)
def pandera_model(config: Config, today: dt.date | None = None, element_checks: bool = True) -> pa.DataFrameSchema:
    """The Pandera model of one config, on Arrow-backed pandas columns. Without
    ``element_checks``: types, nulls, the column set and order, uniqueness."""
    pd, pa = _pandera()
    today = today or dt.date.today()
    columns = {
        c.name: pa.Column(
            pd.ArrowDtype(c.type),
            nullable=c.nullable,
            checks=[_element_check(n, today) for n in c.checks if element_checks or n == "unique"],
            description=c.description,
        )
        for c in config.columns
    }
    return pa.DataFrameSchema(columns, strict=True, ordered=True, name=config.name)


def to_frame(table: pa_arrow.Table) -> pd.DataFrame:
    pd, _ = _pandera()
    return table.to_pandas(types_mapper=pd.ArrowDtype)


def _rows(table: pa_arrow.Table, columns: list[str]) -> list[dict]:
    return table.select(columns).to_pylist()


def _cross_checks(tables: dict[str, pa_arrow.Table]) -> list[str]:
    """Checks across configs, in plain Python over the needed columns (pandas row
    iteration is far slower); returns one line per problem."""
    arts = _rows(tables["articles"], ["article_id", "document_id", "article_index", "n_sections", "text", "text_original"])
    secs = _rows(tables["sections"], ["article_id", "section_index", "heading", "heading_original", "text", "text_original"])
    docs = _rows(tables["documents"], ["document_id", "status", "error", "n_articles"])
    problems: list[str] = []
    missing = {a["document_id"] for a in arts} - {d["document_id"] for d in docs}
    if missing:
        problems.append(f"articles.document_id not in documents: {sorted(missing)[:5]}")
    missing = {s["article_id"] for s in secs} - {a["article_id"] for a in arts}
    if missing:
        problems.append(f"sections.article_id not in articles: {sorted(missing)[:5]}")
    indexes: dict[str, list[int]] = {}
    for a in arts:
        indexes.setdefault(a["document_id"], []).append(a["article_index"])
    for doc_id, found in indexes.items():
        if sorted(found) != list(range(len(found))):
            problems.append(f"{doc_id}: article_index is not 0..{len(found) - 1}")
    for d in docs:
        want = 0 if d["status"] == "rejected" else len(indexes.get(d["document_id"], []))
        if d["n_articles"] != want:
            problems.append(f"{d['document_id']}: n_articles {d['n_articles']} but {want} articles")
        if (d["status"] == "rejected") != isinstance(d["error"], str):
            problems.append(f"{d['document_id']}: error must be set exactly when rejected")
    by_article: dict[str, list[dict]] = {}
    for sec in secs:
        by_article.setdefault(sec["article_id"], []).append(sec)
    for a in arts:
        group = sorted(by_article.get(a["article_id"], []), key=lambda sec: sec["section_index"])
        if not group:
            problems.append(f"{a['article_id']}: no sections")
            continue
        if [sec["section_index"] for sec in group] != list(range(len(group))):
            problems.append(f"{a['article_id']}: section_index is not 0..{len(group) - 1}")
        if len(group) != a["n_sections"]:
            problems.append(f"{a['article_id']}: n_sections {a['n_sections']} but {len(group)} sections")
        for col, heading in (("text", "heading"), ("text_original", "heading_original")):
            parts = [x for sec in group for x in (sec[heading], sec[col]) if x]
            if "\n".join(parts) != a[col]:
                problems.append(f"{a['article_id']}: sections joined with headings do not give `{col}`")
    return problems


class UniqueKeys:
    """Columns declared ``unique`` stay unique across batches (Pandera checks one batch);
    only those columns' values are kept, not the rows."""

    def __init__(self) -> None:
        self.seen = {(config.name, c.name): set() for config in CONFIGS for c in config.columns if "unique" in c.checks}

    def check(self, tables: dict[str, pa_arrow.Table]) -> None:
        for (config, column), seen in self.seen.items():
            values = tables[config].column(column).to_pylist()
            twice = seen.intersection(values)
            if twice:
                raise ValidationFailed(f"validation failed:\n  - {config}.{column}: unique failed for {min(twice)!r} (in two batches)")
            seen.update(values)


def validate_tables(tables: dict[str, pa_arrow.Table], today: dt.date | None = None, element_checks: bool = True) -> None:
    """Raise ``ValidationFailed`` with a readable report when any check fails. The build
    passes ``element_checks=False``: its validation step has checked every row already
    (no rule is checked twice); the tests run the whole model on a fresh build."""
    _, pa = _pandera()
    frames = {name: to_frame(t) for name, t in tables.items()}
    report: list[str] = []
    for config in CONFIGS:
        try:
            pandera_model(config, today, element_checks).validate(frames[config.name], lazy=True)
        except pa.errors.SchemaErrors as exc:
            cases = exc.failure_cases
            for _, case in cases.head(20).iterrows():
                report.append(f"{config.name}.{case['column']}: {case['check']} failed for {str(case['failure_case'])[:80]!r}")
    report += _cross_checks(tables)
    if report:
        raise ValidationFailed("validation failed:\n  - " + "\n  - ".join(report))
