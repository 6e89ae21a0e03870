"""``hospital-party-news diff OLD NEW``: what changed between two builds, by id.

Articles are matched by ``article_id`` (stable: it depends on the raw file's own path and
the article's place in it), documents by ``document_id``. The result says which semantic
version bump the change calls for (rules in CHANGELOG.md), so that a release's entry can
be written from it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

import pyarrow.parquet as pq

from .verify import read_manifest
from .write import parquet_path


@dataclass
class Changed:
    id: str
    columns: list[str]


@dataclass
class TableDiff:
    rows_old: int
    rows_new: int
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[Changed] = field(default_factory=list)
    columns_added: list[str] = field(default_factory=list)
    columns_removed: list[str] = field(default_factory=list)


@dataclass
class BuildDiff:
    old_version: str | None
    new_version: str | None
    articles: TableDiff
    documents: TableDiff
    files_changed: list[str]

    @property
    def bump(self) -> str:
        """MAJOR: records removed or changed (or columns removed); MINOR: records or
        columns added; PATCH: only bytes changed; none: identical."""
        a, d = self.articles, self.documents
        if a.removed or a.changed or a.columns_removed or d.removed or d.changed or d.columns_removed:
            return "MAJOR"
        if a.added or a.columns_added or d.added or d.columns_added:
            return "MINOR"
        return "PATCH" if self.files_changed else "none"

    def to_json(self) -> dict:
        return {**asdict(self), "suggested_bump": self.bump}


def _rows(folder: Path, config: str, key: str) -> tuple[dict[str, dict], list[str]]:
    table = pq.read_table(folder / parquet_path(config))
    return {row[key]: row for row in table.to_pylist()}, table.column_names


def diff_table(old: Path, new: Path, config: str, key: str) -> TableDiff:
    before, old_cols = _rows(old, config, key)
    after, new_cols = _rows(new, config, key)
    shared = [c for c in new_cols if c in old_cols]
    result = TableDiff(
        rows_old=len(before),
        rows_new=len(after),
        added=sorted(after.keys() - before.keys()),
        removed=sorted(before.keys() - after.keys()),
        columns_added=[c for c in new_cols if c not in old_cols],
        columns_removed=[c for c in old_cols if c not in new_cols],
    )
    for id_ in sorted(before.keys() & after.keys()):
        columns = [c for c in shared if before[id_][c] != after[id_][c]]
        if columns:
            result.changed.append(Changed(id_, columns))
    return result


def diff_builds(old: Path, new: Path) -> BuildDiff:
    old_manifest, new_manifest = read_manifest(old), read_manifest(new)
    old_files = {f["path"]: f["sha256"] for f in old_manifest["outputs"]}
    new_files = {f["path"]: f["sha256"] for f in new_manifest["outputs"]}
    return BuildDiff(
        old_version=old_manifest.get("dataset_version"),
        new_version=new_manifest.get("dataset_version"),
        articles=diff_table(old, new, "articles", "article_id"),
        # raw_text and line roles follow from sha256; comparing documents by their input is enough
        documents=diff_table(old, new, "documents", "document_id"),
        files_changed=sorted(p for p in old_files.keys() | new_files.keys() if old_files.get(p) != new_files.get(p)),
    )


def _table_lines(name: str, t: TableDiff, titles: dict[str, str]) -> list[str]:
    lines = [f"{name}: {t.rows_old} → {t.rows_new} (+{len(t.added)} added, -{len(t.removed)} removed, {len(t.changed)} changed)"]
    if t.columns_added or t.columns_removed:
        lines.append(f"  columns added: {', '.join(t.columns_added) or '-'}; removed: {', '.join(t.columns_removed) or '-'}")
    lines += [f"  + {i}  {titles.get(i) or ''}".rstrip() for i in t.added]
    lines += [f"  - {i}" for i in t.removed]
    lines += [f"  ~ {c.id}: {', '.join(c.columns)}" for c in t.changed]
    return lines


def diff_text(d: BuildDiff, new: Path) -> str:
    titles, _ = _rows(new, "articles", "article_id")
    lines = [f"hospital_party_news {d.old_version} → {d.new_version}"]
    lines += _table_lines("articles", d.articles, {i: r["title"] for i, r in titles.items()})
    lines += _table_lines("documents", d.documents, {})
    lines.append(f"files changed: {len(d.files_changed)}" + "".join(f"\n  {p}" for p in d.files_changed))
    lines.append(f"suggested version bump: {d.bump}")
    return "\n".join(lines)
