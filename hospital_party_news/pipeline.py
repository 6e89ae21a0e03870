"""The builder: reader → steps → validation → writer.

A step takes a ``Document`` and returns it (rejected documents pass through untouched),
so the pipeline is a plain list that can be reordered, extended or tested step by step.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from importlib import metadata
from pathlib import Path

import pyarrow as pa

from .clean import clean_document
from .croissant import DESCRIPTION, croissant
from .docs import render_card, write_schema_dir
from .enrich import enrich_document
from .extract import extract_document
from .figures import figures_markdown, write_figures
from .read import DEFAULT_MAX_BYTES, InputError, read_folder
from .records import Document
from .schema import CONFIGS, SCHEMA_VERSION
from .script import converter_name
from .segment import segment_document
from .validate import validate_document, validate_tables
from .version import BUILDER_VERSION, DATASET_VERSION
from .write import build_tables, document_row, file_entry, output_files, parquet_path, staging, write_json, write_parquet

Step = Callable[[Document], Document]


def default_steps(today: dt.date | None = None) -> tuple[Step, ...]:
    """clean → segment → extract → enrich → validate_document; ``today`` bounds
    plausible publication dates."""
    return (clean_document, segment_document, partial(extract_document, today=today), enrich_document,
            partial(validate_document, today=today))


def process(doc: Document, steps: Iterable[Step] | None = None) -> Document:
    for step in steps or default_steps():
        try:
            doc = step(doc)
        except Exception as exc:  # a bug on one odd file must not sink the build
            name = getattr(step, "__name__", None) or getattr(step, "func", step).__name__
            doc.reject(f"processing failed in {name}: {type(exc).__name__}: {exc}")
    return doc


@dataclass
class BuildResult:
    output: Path
    documents: list[Document]
    tables: dict[str, pa.Table] = field(default_factory=dict)

    @property
    def rejected(self) -> list[Document]:
        return [d for d in self.documents if d.status != "ok"]


def _build_day() -> dt.date:
    """The day dates are checked against: SOURCE_DATE_EPOCH when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


def dependency_versions() -> dict[str, str]:
    versions = {"python": platform.python_version(), "opencc": converter_name()}
    for dist in ("pyarrow", "datasets", "pandera", "jieba", "pandas"):
        try:
            versions[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            versions[dist] = "missing"
    return versions


def check_paths(input_dir: Path, output_dir: Path) -> None:
    """Refuse unusable paths before anything is written."""
    inp, out = input_dir.resolve(), output_dir.resolve()
    if out.exists() and not out.is_dir():
        raise InputError(f"output path {output_dir} is a file, not a folder")
    if out == inp or out.is_relative_to(inp):
        raise InputError(f"output folder {output_dir} is inside the input folder {input_dir}")
    if inp.is_relative_to(out):
        raise InputError(f"input folder {input_dir} is inside the output folder {output_dir}")


def summary_markdown(result: BuildResult) -> str:
    docs = result.documents
    rows = {name: t.num_rows for name, t in result.tables.items()}
    lines = [
        f"- Dataset version **{DATASET_VERSION}**, schema {SCHEMA_VERSION}, builder {BUILDER_VERSION}.",
        f"- {len(docs)} raw files: {len(docs) - len(result.rejected)} accepted, {len(result.rejected)} rejected.",
        f"- {rows.get('articles', 0)} articles in {rows.get('sections', 0)} sections.",
        "- Checksums of every input and output file: `manifest.json`.",
    ]
    return "\n".join(lines)


def build(
    input_dir: Path,
    output_dir: Path,
    max_bytes: int = DEFAULT_MAX_BYTES,
    log: Callable[[str], None] = lambda m: print(m, file=sys.stderr),
) -> BuildResult:
    """Read, process, validate and write; the output folder changes only on success."""
    check_paths(input_dir, output_dir)
    today = _build_day()
    documents = []
    steps = default_steps(today)
    for doc in read_folder(input_dir, max_bytes):
        doc = process(doc, steps)
        if doc.status != "ok":
            log(f"rejected {doc.source_file}: {doc.error}")
        documents.append(doc)
    result = BuildResult(output_dir, documents, build_tables(documents))
    validate_tables(result.tables, today)
    with staging(output_dir) as tmp:
        write_parquet(result.tables, tmp)
        write_schema_dir(tmp / "schema")
        figures = write_figures(result.tables["articles"], tmp / "figures")
        if not figures:
            log("figures skipped: matplotlib is not installed")
        files = output_files(tmp)  # every file hashed once, for the card, Croissant and the manifest
        by_path = {f["path"]: f for f in files}
        parquet = {c.name: by_path[parquet_path(c.name)] for c in CONFIGS}
        card = tmp / "README.md"
        card.write_text(render_card(parquet, summary_markdown(result), figures_markdown(figures)), encoding="utf-8")
        write_json(tmp / "croissant.json", croissant(parquet, DESCRIPTION))
        files = sorted([*files, file_entry(tmp, card), file_entry(tmp, tmp / "croissant.json")], key=lambda f: f["path"])
        write_json(tmp / "manifest.json", manifest(result, files))
    return result


def manifest(result: BuildResult, outputs: list[dict]) -> dict:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    built = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    return {
        "dataset": "hospital_party_news",
        "dataset_version": DATASET_VERSION,
        "builder_version": BUILDER_VERSION,
        "schema_version": SCHEMA_VERSION,
        "dependencies": dependency_versions(),
        "inputs": [
            {k: v for k, v in document_row(d).items() if k not in ("raw_text", "line_roles", "quality_flags")}
            for d in result.documents
        ],
        "outputs": outputs,
        "built_at": built.isoformat(timespec="seconds"),
    }
