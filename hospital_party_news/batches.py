"""Batches: the unit of work that runs in a worker and of what is written at once.

A batch is a run of raw files in input order, read, processed, turned into Arrow tables
and validated (Pandera and the cross-config rules) where it runs; the writer appends its
tables as one Parquet row group. Batch boundaries depend on the document ids only (a
boundary follows a document whose id hashes to 0 mod ``MEAN_BATCH``), never on the number
of workers, so the output bytes are the same however the work is spread; and adding or
removing a file changes the batch it falls in, not the ones after it, which is what lets
the cache (``cache.py``) reuse every other batch.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa

from .dates import latest_date
from .read import read_document
from .records import Document

MEAN_BATCH = 64  # files per batch on average
MAX_BATCH = 512  # bound on a batch's memory whatever the ids


@dataclass(frozen=True)
class RawFile:
    path: str
    source_file: str  # relative to the input folder, with /; ``read.printable``
    document_id: str
    refused: str | None = None  # why the file is rejected unread (its name: ``read.name_problem``)


@dataclass(frozen=True)
class Settings:
    """Everything besides the files that shapes a batch's output."""

    root: str
    max_bytes: int
    today: dt.date


@dataclass
class BatchResult:
    tables: dict[str, pa.Table]
    inputs: list[dict]  # the manifest's entry for each file
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (source_file, reason)
    cached: bool = False
    horizon: dt.date | None = None  # the latest date written in the batch's files
    warnings: list[str] = field(default_factory=list)  # for the build's log (a damaged cache entry …)
    stats: dict[str, dict[str, int]] = field(default_factory=dict)  # what each step did (``steps.Runner``)
    # A cached batch handed over by where it lies (its checksums checked), its tables empty:
    # the build maps the entry's files itself instead of receiving a pickled copy of them.
    entry: str | None = None


def _ends_batch(document_id: str) -> bool:
    digest = hashlib.blake2b(document_id.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") % MEAN_BATCH == 0


def make_batches(files: list[RawFile]) -> Iterator[list[RawFile]]:
    """Cut the files, in order, into batches at content-defined boundaries: a file added
    to the first batch leaves the others as they were.

    >>> def ids(names): return [[f.document_id for f in b] for b in make_batches([RawFile("", "", n) for n in names])]
    >>> names = [f"doc{i}" for i in range(300)]
    >>> [len(b) for b in ids(names)], ids(names)[1:] == ids(names[:9] + ["new"] + names[9:])[1:]
    ([135, 37, 18, 110], True)
    """
    batch: list[RawFile] = []
    for f in files:
        batch.append(f)
        if _ends_batch(f.document_id) or len(batch) >= MAX_BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def process_batch(files: list[RawFile], settings: Settings) -> BatchResult:
    """Read and process one batch (runs in a worker). Its rows were checked one by one in
    the validation step; the build validates its tables with Pandera where they arrive
    (``pipeline.py``, in the side process), so that no worker imports pandas."""
    from .steps import Runner, default_steps
    from .write import build_tables, manifest_input

    run = Runner(default_steps(settings.today))
    documents: list[Document] = []
    for f in files:
        if f.refused:
            doc = Document(f.document_id, f.source_file, sha256=None, size=0).reject(f.refused)
        else:
            doc = read_document(Path(f.path), f.source_file, f.document_id, Path(settings.root), settings.max_bytes)
        documents.append(run(doc))
    return BatchResult(
        tables=build_tables(documents),
        inputs=[manifest_input(d) for d in documents],
        rejected=[(d.source_file, d.error or "") for d in documents if d.status != "ok"],
        horizon=max(filter(None, (latest_date(d.raw_text) for d in documents)), default=None),
        stats=run.counts(),
    )
