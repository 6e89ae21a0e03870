"""The incremental cache: a batch whose files and settings are unchanged is not processed
again; its validated tables are read back (Arrow IPC, so the Parquet written from them
is byte-identical).

Key: the builder, schema and dataset versions, the libraries that shape the output, the
settings, and every file's id, path and sha256. The build day is not in the key: an entry
is reused on another day only when no date written in its files lies after either day
(the only way the day changes a result is by ruling out a date as future). After a
successful build, entries it did not use are deleted, so the cache holds one build.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

import pyarrow as pa

from .batches import BatchResult, RawFile, Settings, process_batch
from .read import fingerprint
from .schema import CONFIGS, SCHEMA_VERSION
from .version import BUILDER_VERSION, DATASET_VERSION


def batch_key(files: list[RawFile], settings: Settings, dependencies: dict[str, str]) -> str:
    h = hashlib.sha256()
    head = {"builder": BUILDER_VERSION, "schema": SCHEMA_VERSION, "dataset": DATASET_VERSION, "deps": dependencies,
            "root": settings.root, "max_bytes": settings.max_bytes}
    h.update(json.dumps(head, sort_keys=True).encode())
    for f in files:
        h.update(f"\0{f.document_id}\0{f.source_file}\0{fingerprint(Path(f.path), Path(settings.root), settings.max_bytes)}".encode())
    return h.hexdigest()


class BatchCache:
    def __init__(self, folder: Path, dependencies: dict[str, str]) -> None:
        self.folder = folder
        self.dependencies = dependencies

    def run(self, files: list[RawFile], settings: Settings) -> tuple[str, BatchResult]:
        """The batch's result, from the cache when it holds a valid entry."""
        key = batch_key(files, settings, self.dependencies)
        hit = self._load(key, settings.today)
        if hit is not None:
            return key, hit
        result = process_batch(files, settings)
        self._store(key, result, settings.today)
        return key, result

    def _load(self, key: str, today: dt.date) -> BatchResult | None:
        entry = self.folder / key
        try:
            meta = json.loads((entry / "meta.json").read_text("utf-8"))
            built_on = dt.date.fromisoformat(meta["today"])
            horizon = dt.date.fromisoformat(meta["horizon"]) if meta["horizon"] else dt.date.min
            if today != built_on and min(today, built_on) < horizon:
                return None
            tables = {c.name: _read_ipc(entry / f"{c.name}.arrow") for c in CONFIGS}
        except (OSError, ValueError, KeyError, pa.ArrowInvalid):
            return None  # missing, stale or damaged: process again
        return BatchResult(tables, meta["inputs"], [tuple(r) for r in meta["rejected"]], cached=True)

    def _store(self, key: str, result: BatchResult, today: dt.date) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=self.folder))
        for name, table in result.tables.items():
            with pa.OSFile(str(tmp / f"{name}.arrow"), "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
                writer.write_table(table)
        meta = {"today": today.isoformat(), "horizon": result.horizon.isoformat() if result.horizon else None,
                "inputs": result.inputs, "rejected": result.rejected}
        (tmp / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), "utf-8")
        entry = self.folder / key
        if entry.exists():  # an entry made on a day that no longer fits
            shutil.rmtree(entry, ignore_errors=True)
        try:
            os.replace(tmp, entry)
        except OSError:  # another worker stored the same batch first
            shutil.rmtree(tmp, ignore_errors=True)

    def keep_only(self, keys: set[str]) -> None:
        """Delete the entries this build did not use (and any half-written ones)."""
        if not self.folder.is_dir():
            return
        for entry in self.folder.iterdir():
            if entry.name not in keys:
                shutil.rmtree(entry, ignore_errors=True)


def _read_ipc(path: Path) -> pa.Table:
    with pa.OSFile(str(path)) as source:  # read into memory, not mapped: the entry may be deleted
        return pa.ipc.open_file(source).read_all()
