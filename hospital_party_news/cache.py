"""The incremental cache: a batch whose files and settings are unchanged is not processed
again; its validated tables are read back (Arrow IPC, so the Parquet written from them
is byte-identical).

A worker stores a batch's tables before the build has validated them (Pandera runs where
the build collects them, ``pipeline.py``); an entry is used only once the build that made
it has finished, which marks its entries ``validated``. An entry of a build that failed,
or was killed, is processed again.

Key: the builder, schema and dataset versions, a digest of the package's own source and
data files (``builder_digest``: any code change invalidates every entry), the libraries
that shape the output, the settings, and every file's id, path and sha256. The build day
is not in the key: an entry is reused on another day only when no date written in its
files lies after either day (the only way the day changes a result is by ruling out a
date as future).

Trust: every entry records its own key and the sha256 of each of its files; an entry
whose key or bytes do not match is processed again, with a warning. Ownership: the cache
folder carries a ``CACHEDIR.TAG`` (the Cache Directory Tagging Specification, which
backup tools honour) written when this tool created it or found it empty; a folder
without it is never used, and only entries of this tool's form (64 hex digits, or a
``.tmp-`` folder being written) are ever deleted.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

import pyarrow as pa

from .batches import BatchResult, RawFile, Settings, process_batch
from .read import InputError, fingerprint, sha256_file
from .schema import CONFIGS, SCHEMA_VERSION
from .version import BUILDER_VERSION, DATASET_VERSION

TAG = "CACHEDIR.TAG"
VALIDATED = "validated"  # in an entry: the build that made it finished, its tables passed
TAG_TEXT = ("Signature: 8a477f597d28d172789f06886806bc55\n"
            "# This file is a cache directory tag created by hospital_party_news.\n"
            "# For information about cache directory tags see https://bford.info/cachedir/\n")
_ENTRY = re.compile(r"^[0-9a-f]{64}$|^\.tmp-")
PACKAGE = Path(__file__).resolve().parent


@lru_cache(maxsize=4)
def builder_digest(package: Path = PACKAGE) -> str:
    """sha256 over the package's own source and data files (path and bytes), so an edit
    of any rule without a version bump still invalidates the cache."""
    h = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".txt", ".tsv", ".md", ".json") and "__pycache__" not in path.parts:
            h.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def batch_key(files: list[RawFile], settings: Settings, dependencies: dict[str, str]) -> str:
    h = hashlib.sha256()
    head = {"builder": BUILDER_VERSION, "schema": SCHEMA_VERSION, "dataset": DATASET_VERSION, "deps": dependencies,
            "code": builder_digest(), "root": settings.root, "max_bytes": settings.max_bytes}
    h.update(json.dumps(head, sort_keys=True).encode())
    for f in files:
        seen = f"refused:{f.refused}" if f.refused else fingerprint(Path(f.path), Path(settings.root), settings.max_bytes)
        h.update(f"\0{f.document_id}\0{f.source_file}\0{seen}".encode())
    return h.hexdigest()


def claim(folder: Path) -> bool:
    """Make ``folder`` this tool's cache, or refuse (InputError): it must be absent,
    empty, or already tagged. Returns True when this call created the folder."""
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        raise InputError(f"cache path {folder} is not a folder")
    created = not folder.exists()
    if not created and not (folder / TAG).is_file() and any(folder.iterdir()):
        raise InputError(f"cache folder {folder} is not empty and has no {TAG} of this tool; "
                         "refusing to use it (choose an empty or new folder, or --no-cache)")
    if not created and (folder / TAG).is_file() and (folder / TAG).read_text("utf-8", "replace") != TAG_TEXT:
        raise InputError(f"cache folder {folder} belongs to another program ({TAG}); choose another folder")
    folder.mkdir(parents=True, exist_ok=True)
    if not (folder / TAG).exists():
        (folder / TAG).write_text(TAG_TEXT, encoding="utf-8")
    return created


def entries(folder: Path) -> set[str]:
    """Names of this tool's entries in a claimed cache folder."""
    return {p.name for p in folder.iterdir() if _ENTRY.match(p.name)} if folder.is_dir() else set()


class BatchCache:
    def __init__(self, folder: Path, dependencies: dict[str, str]) -> None:
        self.folder = folder
        self.dependencies = dependencies

    def run(self, files: list[RawFile], settings: Settings, by_entry: bool = False) -> tuple[str, BatchResult]:
        """The batch's result, from the cache when it holds a valid entry; ``by_entry``: a
        cached result names its entry and leaves its tables to ``load_tables``."""
        key = batch_key(files, settings, self.dependencies)
        warnings: list[str] = []
        hit = self._load(key, [f.source_file for f in files], settings.today, warnings, by_entry)
        if hit is not None:
            return key, hit
        result = process_batch(files, settings)
        self._store(key, result, settings.today, warnings)
        result.warnings += warnings
        return key, result

    def _load(self, key: str, sources: list[str], today: dt.date, warnings: list[str],
              by_entry: bool = False) -> BatchResult | None:
        entry = self.folder / key
        if not (entry / "meta.json").is_file() or not (entry / VALIDATED).is_file():
            return None
        try:
            meta = json.loads((entry / "meta.json").read_text("utf-8"))
            built_on = dt.date.fromisoformat(meta["today"])
            horizon = dt.date.fromisoformat(meta["horizon"]) if meta["horizon"] else dt.date.min
            if today != built_on and min(today, built_on) < horizon:
                return None
            if meta.get("key") != key or [i["source_file"] for i in meta["inputs"]] != sources:
                raise ValueError("it holds another batch")
            for name, digest in meta["sha256"].items():
                if sha256_file(entry / name) != digest:
                    raise ValueError(f"{name} does not match its checksum")
            tables = {} if by_entry else load_tables(entry, mapped=False)
        except (OSError, ValueError, KeyError, TypeError, AttributeError, pa.ArrowInvalid) as exc:
            warnings.append(f"warning: cache entry {entry} is damaged ({exc}); processing its batch again")
            return None
        return BatchResult(tables, meta["inputs"], [tuple(r) for r in meta["rejected"]], cached=True, stats=meta["stats"],
                           entry=str(entry) if by_entry else None)

    def _store(self, key: str, result: BatchResult, today: dt.date, warnings: list[str]) -> None:
        """Keep the batch's tables; a failure here (a full disk, say) costs the entry, not the build."""
        tmp: Path | None = None
        try:
            tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=self.folder))
            digests = {}
            for name, table in result.tables.items():
                with pa.OSFile(str(tmp / f"{name}.arrow"), "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
                    writer.write_table(table)
                digests[f"{name}.arrow"] = sha256_file(tmp / f"{name}.arrow")
            meta = {"key": key, "today": today.isoformat(), "horizon": result.horizon.isoformat() if result.horizon else None,
                    "sha256": digests, "inputs": result.inputs, "rejected": result.rejected, "stats": result.stats}
            (tmp / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), "utf-8")
            entry = self.folder / key
            if entry.exists():  # an entry made on a day that no longer fits, or a damaged one
                shutil.rmtree(entry, ignore_errors=True)
            os.replace(tmp, entry)
        except OSError as exc:  # another worker stored the same batch first, or the disk is full
            if tmp is not None:
                shutil.rmtree(tmp, ignore_errors=True)
            if not (self.folder / key).is_dir():
                warnings.append(f"warning: batch not cached ({exc.strerror or exc})")

    def mark_validated(self, keys: set[str]) -> None:
        """Called by a build that finished: its entries' tables passed validation (a build
        without the cache, after a suspect entry, has the key "" and marks nothing)."""
        for key in filter(None, keys):
            with contextlib.suppress(OSError):  # an entry not stored (a full disk): nothing to mark
                (self.folder / key / VALIDATED).touch()

    def keep_only(self, keys: set[str]) -> None:
        """Delete this tool's entries that are not in ``keys`` (and any half-written ones);
        nothing else in the folder is touched."""
        for name in entries(self.folder) - keys:
            shutil.rmtree(self.folder / name, ignore_errors=True)


def load_tables(entry: Path, mapped: bool = True) -> dict[str, pa.Table]:
    """A cache entry's tables. ``mapped``: memory-mapped, not copied, for the build that
    writes them out at once. Entries are never changed in place, only replaced or deleted
    whole (``os.replace``, ``shutil.rmtree``), and a mapped file that is deleted stays
    readable until it is unmapped."""
    return {c.name: _read_ipc(entry / f"{c.name}.arrow", mapped) for c in CONFIGS}


def _read_ipc(path: Path, mapped: bool = False) -> pa.Table:
    with (pa.memory_map(str(path)) if mapped else pa.OSFile(str(path))) as source:
        return pa.ipc.open_file(source).read_all()
