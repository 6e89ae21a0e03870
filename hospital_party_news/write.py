"""Stage 6, write: Arrow tables → Parquet, the dataset card and the manifest, written
into a temporary folder beside the target and swapped in only when complete.

Bytes are reproducible: no build time in the data or the card; Parquet written with
fixed settings by one pyarrow version (recorded in the manifest).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import fcntl
import json
import os
import secrets
import shutil
import tempfile
import time
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager, suppress
from dataclasses import asdict
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from .places import lock_path
from .read import InputError, sha256_file
from .records import Article, Document, Metadata
from .schema import ARTICLES, CONFIGS, DOCUMENTS, SCHEMA_VERSION, SECTIONS, Config
from .version import DATASET_VERSION

_LIBC = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True) if os.name == "posix" else None
DATASET_NAME = "hospital_party_news"  # the manifest's "dataset": what proves a folder is ours
LOCK_WAIT = 10.0  # seconds to wait for another build (or a killed one's last workers) to let go
# zstd at its own default level: on 2,000 synthetic files' tables, 4× faster to write than
# level 9 for 10 % more bytes (0.18 s and 10.3 MB against 0.75 s and 9.4 MB); a rebuild
# rewrites every Parquet file, so this is most of what it costs beyond reading its cache.
PARQUET_OPTIONS = {"compression": "zstd", "compression_level": 3, "use_dictionary": True, "write_statistics": True}


def parquet_path(config: str) -> str:
    return f"data/{config}/train-00000-of-00001.parquet"


# ---------------------------------------------------------------- rows


def article_row(a: Article) -> dict:
    return {
        "article_id": a.article_id,
        "document_id": a.document_id,
        "article_index": a.article_index,
        "title": a.title,
        "title_original": a.title_original,
        "subtitle": a.subtitle,
        "column": a.column,
        "text": a.text,
        "text_original": a.text_original,
        "script": a.script,
        "published_date": a.published_date,
        "published_at": a.published_at,
        "dateline": a.dateline,
        "reporters": a.reporters,
        "correspondents": a.correspondents,
        "captions": a.captions,
        "credits": [{"role": r, "name": n} for r, n in a.credits],
        "quality_flags": a.quality_flags,
        "n_sections": len(a.sections),
        **metadata_row(a.metadata),
        "span_start": a.start,
        "span_end": a.end,
    }


def metadata_row(m: Metadata) -> dict:
    row = asdict(m)
    row["party_organizations"] = [{"name": n, "level": lv} for n, lv in m.party_organizations]
    row["people"] = [{"name": n, "role": r} for n, r in m.people]
    return row


def section_rows(a: Article) -> Iterable[dict]:
    for i, s in enumerate(a.sections):
        yield {
            "section_id": f"{a.article_id}-{i:03d}",
            "article_id": a.article_id,
            "document_id": a.document_id,
            "section_index": i,
            "heading": s.heading,
            "heading_original": s.heading_original,
            "text": s.text,
            "text_original": s.text_original,
            "span_start": s.start,
            "span_end": s.end,
        }


def document_row(d: Document) -> dict:
    ok = d.status == "ok"
    return {
        "document_id": d.document_id,
        "source_file": d.source_file,
        "sha256": d.sha256,
        "size_bytes": d.size,
        "encoding": d.encoding,
        "status": d.status,
        "error": d.error,
        "n_articles": len(d.articles),
        "script": d.script if ok else None,
        "quality_flags": d.quality_flags if ok else [],
        "raw_text": d.raw_text if ok else None,
        "line_roles": [
            {"line": ln.number, "start": ln.start, "end": ln.end, "role": ln.role} for ln in d.lines
        ] if ok else [],
        "line_rules": [ln.rule for ln in d.lines] if ok else [],
    }


def manifest_input(d: Document) -> dict:
    """A raw file's entry in the manifest: its ``documents`` row without the text."""
    return {k: v for k, v in document_row(d).items() if k not in ("raw_text", "line_roles", "line_rules", "quality_flags")}


def _table(config: Config, rows: list[dict]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=config.arrow_schema(table_metadata()))


def table_metadata() -> dict[str, str]:
    return {
        "hospital_party_news.dataset_version": DATASET_VERSION,
        "hospital_party_news.schema_version": SCHEMA_VERSION,
    }


def output_rows(doc: Document) -> dict[str, list[dict]]:
    """A document's rows per config: made here, once (the validation step keeps them on
    the document, and the writer takes them from there)."""
    if doc.rows is None:
        doc.rows = {
            DOCUMENTS.name: [document_row(doc)],
            ARTICLES.name: [article_row(a) for a in doc.articles],
            SECTIONS.name: [r for a in doc.articles for r in section_rows(a)],
        }
    return doc.rows


def build_tables(documents: list[Document]) -> dict[str, pa.Table]:
    rows = [output_rows(d) for d in documents]
    return {config.name: _table(config, [r for one in rows for r in one[config.name]]) for config in (ARTICLES, SECTIONS, DOCUMENTS)}


# ---------------------------------------------------------------- files


class ParquetWriters:
    """One Parquet file per config, appended to one row group per batch, so that a build
    holds one batch in memory, not the dataset. A batch's three tables are written side by
    side, one thread per config (pyarrow encodes and compresses without holding the GIL),
    while the build goes on to receive the next batch; one batch at most is in flight."""

    def __init__(self, folder: Path) -> None:
        self.rows = dict.fromkeys((c.name for c in CONFIGS), 0)
        # The Arrow size of the rows written (the card's num_bytes, what ``datasets`` reports
        # once it has loaded the files, to within validity-bitmap and offset padding, which
        # depends on how rows are batched: under 0.5 % on the smallest builds). Counted from
        # the tables as they are written, not read back: a cached batch's tables have the
        # same size as when they were built (Arrow IPC keeps the buffers as they were).
        self.arrow_bytes = dict.fromkeys((c.name for c in CONFIGS), 0)
        self._writers = {}
        for config in CONFIGS:
            path = folder / parquet_path(config.name)
            path.parent.mkdir(parents=True, exist_ok=True)
            self._writers[config.name] = pq.ParquetWriter(path, config.arrow_schema(table_metadata()), **PARQUET_OPTIONS)
        self._threads = ThreadPoolExecutor(max_workers=len(self._writers), thread_name_prefix="parquet")
        self._in_flight: list[Future] = []

    def write(self, tables: dict[str, pa.Table]) -> None:
        self._finish()  # the batch before is written first: row groups stay in batch order
        for name, writer in self._writers.items():
            table = tables[name]
            if table.num_rows:
                self._in_flight.append(self._threads.submit(writer.write_table, table, row_group_size=table.num_rows))
                self.rows[name] += table.num_rows
                self.arrow_bytes[name] += table.nbytes

    def _finish(self) -> None:
        """Wait for the batch in flight; a write that failed raises here."""
        in_flight, self._in_flight = self._in_flight, []
        for future in in_flight:
            future.result()

    def close(self) -> None:
        try:
            self._finish()
        finally:
            self._threads.shutdown(wait=True)
            for writer in self._writers.values():
                writer.close()


def read_staged(folder: Path) -> dict[str, pa.Table]:
    """The tables a ``ParquetWriters`` wrote into ``folder``, once closed."""
    return {c.name: pq.read_table(folder / parquet_path(c.name)) for c in CONFIGS}


def write_json(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n", encoding="utf-8")


# ---------------------------------------------------------------- atomic swap


class NotOurs(InputError):
    """The output path holds something this tool cannot prove it made."""


def _siblings(target: Path, kind: str) -> list[Path]:
    return sorted(target.parent.glob(f".{target.name}.{kind}-*"))


def _is_our_dataset(folder: Path) -> bool:
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(manifest, dict) and manifest.get("dataset") == DATASET_NAME


def check_owned(target: Path) -> None:
    """The ownership rule: ``target`` may be replaced only when it is absent, an empty
    folder, or a dataset this tool built (its ``manifest.json`` names this dataset) that
    holds no file its manifest does not list. Raises ``NotOurs`` with one line."""
    if target.is_symlink():
        raise NotOurs(f"output {target} is a symbolic link; give its target instead")
    if not target.exists():
        return
    if not target.is_dir():
        raise NotOurs(f"output path {target} is a file, not a folder")
    present = sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if not p.is_dir())
    if not present and not any(target.iterdir()):
        return
    if not _is_our_dataset(target):
        raise NotOurs(f"output folder {target} is not empty and is not a dataset built by this tool (no manifest.json "
                      f"naming {DATASET_NAME}); refusing to replace it: choose a new or empty folder")
    listed = {e.get("path") for e in json.loads((target / "manifest.json").read_text(encoding="utf-8")).get("outputs", [])}
    foreign = [p for p in present if p not in listed and p != "manifest.json"]
    if foreign:
        raise NotOurs(f"output folder {target} holds {len(foreign)} file(s) this tool did not make (first: {foreign[0]}); "
                      "refusing to replace it: move them away or choose another folder")


def recover(target: Path) -> None:
    """Undo what an interrupted build left: put back a previous dataset moved aside but
    never replaced, and delete half-written staging folders. Only folders this tool
    provably made are touched: a staging folder is named in the lock file's ledger
    (written the moment the folder was made, so also by a build killed at any point), a
    moved-aside dataset carries its manifest."""
    try:
        ledger = set(lock_path(target).read_text("utf-8").split())
    except OSError:
        ledger = set()
    old = [p for p in _siblings(target, "old") if _is_our_dataset(p)]
    if old and not target.exists():
        os.replace(old[-1], target)
        old = old[:-1]
    staged = [p for p in _siblings(target, "tmp") if p.name in ledger and p.is_dir() and not p.is_symlink()]
    for debris in [*old, *staged]:
        shutil.rmtree(debris, ignore_errors=True)


def _missing_parents(target: Path) -> list[Path]:
    """The folders above ``target`` that do not exist yet, nearest first."""
    return [p for p in target.parents if not p.exists()]


@contextmanager
def staging(target: Path):
    """A temporary folder beside ``target``; on normal exit it replaces ``target``, on an
    exception it is deleted and ``target`` is left as it was (and folders created to hold
    it are removed again). One build at a time may write to ``target`` (its lock file,
    ``places.lock_path``). ``target`` must already have passed ``check_owned``."""
    created = _missing_parents(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with _exclusive(target) as ledger:
            check_owned(target)  # again, under the lock: another build may have written meanwhile
            recover(target)
            ledger.truncate(0)
            tmp = _new_staging_folder(target, ledger)
            try:
                yield tmp
            except BaseException:
                shutil.rmtree(tmp, ignore_errors=True)
                ledger.truncate(0)
                raise
            swap_in(tmp, target)
            ledger.truncate(0)
    except BaseException:
        if created:
            for folder in created:
                with suppress(OSError):
                    folder.rmdir()  # only when empty
        raise


def _new_staging_folder(target: Path, ledger) -> Path:
    """A new, empty folder beside ``target``, its name written to the ledger *before* it
    is made: a build killed at any moment leaves either a name without a folder (harmless)
    or a folder the ledger proves is ours, never an unmarked one."""
    while True:
        tmp = target.parent / f".{target.name}.tmp-{secrets.token_hex(6)}"
        ledger.write(tmp.name + "\n")
        ledger.flush()
        try:
            tmp.mkdir(mode=0o700)
            return tmp
        except FileExistsError:  # not ours: never touched, another name is drawn
            continue
        except OSError:  # read-only, full, no permission: the ledger goes back to empty
            ledger.truncate(0)
            raise


class BuildLocked(Exception):
    """Another build is writing the same output folder."""


@contextmanager
def _exclusive(target: Path):
    """Hold ``target``'s lock file (in the user cache folder: ``places.lock_path``); yields
    it, open for appending, as the ledger of the staging folders this build makes."""
    lock = lock_path(target)
    lock.parent.mkdir(parents=True, exist_ok=True)
    with open(lock, "a", encoding="utf-8") as fh:
        deadline = time.monotonic() + LOCK_WAIT
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError as exc:
                if time.monotonic() > deadline:
                    raise BuildLocked(f"another build is writing {target} (lock {lock.name})") from exc
                time.sleep(0.1)
        yield fh  # the lock goes with the file handle, also when the process is killed


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one atomic step (Linux ``renameat2(RENAME_EXCHANGE)``);
    False where the system or file system cannot."""
    renameat2 = getattr(_LIBC, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def swap_in(tmp: Path, target: Path) -> None:
    """Put ``tmp`` in ``target``'s place. With an atomic exchange there is no moment
    without a dataset at ``target``; elsewhere the previous one is moved aside first, and
    ``recover`` puts it back if the process dies in between."""
    os.chmod(tmp, 0o755)
    if not target.exists():
        os.replace(tmp, target)
    elif _exchange(tmp, target):
        shutil.rmtree(tmp, ignore_errors=True)  # now the previous dataset
    else:
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        os.rmdir(old)
        os.replace(target, old)
        os.replace(tmp, target)
        shutil.rmtree(old, ignore_errors=True)


def file_entry(folder: Path, path: Path) -> dict:
    """sha256, size and (for Parquet) row count of one output file."""
    entry: dict = {"path": path.relative_to(folder).as_posix(), "sha256": sha256_file(path), "size_bytes": path.stat().st_size}
    if path.suffix == ".parquet":
        entry["rows"] = pq.ParquetFile(path).metadata.num_rows
    return entry


def output_files(folder: Path) -> list[dict]:
    """``file_entry`` of every file in ``folder`` but the manifest, by path."""
    return [file_entry(folder, p) for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != "manifest.json"]
