"""The builder: reader → steps (``steps.py``, run in batches by ``batches.py``) →
cross-batch validation → writer, with the ownership rules of ``write.py`` and ``cache.py``.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import shutil
import sys
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field
from functools import partial
from importlib import metadata
from pathlib import Path

import pyarrow as pa

from .batches import BatchResult, RawFile, Settings, make_batches, process_batch
from .cache import BatchCache, builder_digest, claim, entries, load_tables
from .croissant import DESCRIPTION, croissant
from .docs import data_license, render_card, write_schema_dir
from .engine import run_ordered
from .figures import FIGURE_COLUMNS, figures_markdown
from .read import DEFAULT_MAX_BYTES, InputError, discover, document_ids, name_problem, printable
from .schema import CONFIGS, SCHEMA_VERSION
from .script import converter_name
from .sidecar import sidecar
from .steps import add_counts
from .validate import UniqueKeys, ValidationFailed, validate_tables
from .version import BUILDER_VERSION, DATASET_VERSION
from .warm import warm_up
from .write import ParquetWriters, check_owned, file_entry, output_files, parquet_path, read_staged, staging, write_json


@dataclass
class BuildResult:
    output: Path
    n_files: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (source_file, reason)
    batches: int = 0
    cached_batches: int = 0
    steps: dict[str, dict[str, int]] = field(default_factory=dict)  # what each step did, summed over batches


def build_day() -> dt.date:
    """The day dates are checked against: SOURCE_DATE_EPOCH when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


def dependency_versions() -> dict[str, str]:
    versions = {"python": platform.python_version(), "opencc": converter_name(), "builder_source": builder_digest()}
    for dist in ("pyarrow", "datasets", "pandera", "jieba", "rjieba", "pandas"):
        try:
            versions[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            versions[dist] = "missing"
    return versions


class BuildFailed(Exception):
    """The build ran, but its result must not replace the dataset (``--strict`` with a
    rejection, or no article at all); the previous dataset is kept."""


class _CacheSuspect(Exception):
    """A cross-batch check failed on a build that used cached batches."""


def check_paths(input_dir: Path, output_dir: Path, cache_dir: Path | None = None) -> None:
    """Refuse unusable paths before anything is written: an output inside or around the
    input, a cache that is, holds or lies inside the input or the output."""
    inp, out = input_dir.resolve(), output_dir.resolve()
    if out.exists() and not out.is_dir():
        raise InputError(f"output path {output_dir} is a file, not a folder")
    if out == inp or out.is_relative_to(inp):
        raise InputError(f"output folder {output_dir} is inside the input folder {input_dir}")
    if inp.is_relative_to(out):
        raise InputError(f"input folder {input_dir} is inside the output folder {output_dir}")
    if cache_dir is not None:
        cache = cache_dir.resolve()
        for role, given, other in (("input", input_dir, inp), ("output", output_dir, out)):
            if cache == other or cache.is_relative_to(other) or other.is_relative_to(cache):
                raise InputError(f"cache folder {cache_dir} is, holds or lies inside the {role} folder {given}")


def summary_markdown(result: BuildResult) -> str:
    lines = [
        f"- Dataset version **{DATASET_VERSION}**, schema {SCHEMA_VERSION}, builder {BUILDER_VERSION}.",
        f"- {result.n_files} raw files: {result.n_files - len(result.rejected)} accepted, {len(result.rejected)} rejected.",
        f"- {result.rows.get('articles', 0)} articles in {result.rows.get('sections', 0)} sections.",
        "- Checksums of every input and output file, and the step counters below: `manifest.json`.",
        "",
        "| step | documents | rejected | errors | what it did |",
        "|---|---|---|---|---|",
    ]
    for name, counts in result.steps.items():
        did = ", ".join(f"{k.split(':', 1)[-1]} {v}" for k, v in counts.items() if k not in ("documents", "rejected", "errors") and v)
        lines.append(f"| {name} | {counts.get('documents', 0)} | {counts.get('rejected', 0)} | {counts.get('errors', 0)} | {did or '—'} |")
    return "\n".join(lines)


def _entry_tables(entry: str) -> dict[str, pa.Table]:
    """A cached batch's tables, mapped from its entry; an entry gone or broken since its
    worker checked it makes the build start again without the cache."""
    try:
        return load_tables(Path(entry))
    except (OSError, pa.ArrowInvalid) as exc:
        raise _CacheSuspect(f"cache entry {entry} changed during the build ({exc})") from exc


def _run_batch(files: list[RawFile], settings: Settings, cache_dir: str | None,
               dependencies: dict[str, str]) -> tuple[str | None, BatchResult]:
    """One batch in a worker: from the cache when it can, else processed."""
    if cache_dir is None:
        return None, process_batch(files, settings)
    # by entry: the build maps a cached batch's files rather than receive a pickled copy
    return BatchCache(Path(cache_dir), dependencies).run(files, settings, by_entry=True)


def build(
    input_dir: Path,
    output_dir: Path,
    max_bytes: int = DEFAULT_MAX_BYTES,
    log: Callable[[str], None] = lambda m: print(m, file=sys.stderr),
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    cache_dir: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
    strict: bool = False,
) -> BuildResult:
    """Read, process and validate in batches (in parallel when ``workers > 1``), append
    each batch to the Parquet files, then write the card, figures and manifest; the output
    folder changes only when all of it succeeded. ``cache_dir`` (None: no cache) keeps
    each batch's validated tables for the next build.

    Ownership (README, "What the build may touch"): ``output_dir`` must be absent, empty
    or a dataset this tool built; a symbolic link is followed and its target written.
    ``cache_dir`` must be absent, empty or tagged as this tool's cache. A build that
    fails, for any reason, leaves both as they were."""
    output_dir = Path(os.path.realpath(output_dir))
    cache_dir = Path(os.path.realpath(cache_dir)) if cache_dir is not None else None
    check_paths(input_dir, output_dir, cache_dir)
    check_owned(output_dir)
    found = discover(input_dir)
    shown = [printable(rel) for _, rel in found]
    files = [RawFile(str(path), name, doc_id, name_problem(rel))
             for (path, rel), name, doc_id in zip(found, shown, document_ids(shown), strict=True)]
    settings = Settings(str(input_dir.resolve()), max_bytes, build_day())
    dependencies = dependency_versions()
    run = partial(_build_once, files, settings, dependencies, output_dir, workers=workers, engine=engine,
                  scheduler=scheduler, progress=progress, log=log, strict=strict)
    if cache_dir is None:
        return run(cache_dir=None)[0]
    created = claim(cache_dir)
    cache = BatchCache(cache_dir, dependencies)
    before = entries(cache_dir)
    try:
        try:
            result, keys = run(cache_dir=cache_dir)
        except _CacheSuspect as exc:
            log(f"warning: {exc}; building again without the cache")
            cache.keep_only(set())
            result, keys = run(cache_dir=None)
    except BaseException:
        if created:
            shutil.rmtree(cache_dir, ignore_errors=True)
        else:
            cache.keep_only(before)  # what the failed build wrote goes
        raise
    cache.keep_only(keys)
    cache.mark_validated(keys)
    return result


def _build_once(files: list[RawFile], settings: Settings, dependencies: dict[str, str], output_dir: Path, *,
                cache_dir: Path | None, workers: int, engine: str, scheduler: str | None,
                progress: Callable[[int, int], None] | None, log: Callable[[str], None],
                strict: bool) -> tuple[BuildResult, set[str]]:
    """One pass over the batches into a staging folder, swapped in at the end."""
    jobs = ((batch, settings, str(cache_dir) if cache_dir else None, dependencies) for batch in make_batches(files))
    result = BuildResult(output_dir, n_files=len(files))
    inputs: list[dict] = []
    keys: set[str] = set()
    warnings: list[str] = []
    summary_columns: list[pa.Table] = []
    # The side process is started first (it imports and derives the card's parts while this
    # process sets up) and inside the staging folder's block, so that it has ended before
    # a failed build's staging folder is removed: it writes into that folder.
    with staging(output_dir) as tmp, sidecar() as car:
        if engine == "local":
            warm_up()  # before the pool forks: the workers share one copy of the dictionaries
        writers = ParquetWriters(tmp)
        uniqueness = UniqueKeys()
        try:
            with closing(run_ordered(_run_batch, jobs, workers, engine, scheduler)) as batches:
                for key, batch in batches:
                    warnings += batch.warnings
                    if batch.entry:
                        batch.tables = _entry_tables(batch.entry)
                    try:
                        uniqueness.check(batch.tables)
                    except ValidationFailed as exc:
                        if result.cached_batches or batch.cached:
                            raise _CacheSuspect(exc.report.splitlines()[-1].strip(" -")) from exc
                        raise
                    writers.write(batch.tables)
                    if not batch.cached:  # a cached batch was validated by the build that made it
                        car.validate(batch.tables, settings.today)
                    car.check()
                    inputs += batch.inputs
                    keys.add(key or "")
                    summary = batch.tables["articles"].select(list(FIGURE_COLUMNS))
                    # a copy, not slices of a mapped cache entry: those would keep every
                    # entry's whole file mapped, and resident, to the end of the build
                    summary_columns.append(summary.take(pa.array(range(summary.num_rows))) if batch.entry else summary)
                    for source_file, reason in batch.rejected:
                        log(f"rejected {printable(source_file)}: {reason}")
                    result.rejected += batch.rejected
                    result.batches += 1
                    result.cached_batches += batch.cached
                    result.steps = add_counts(result.steps, batch.stats)
                    if progress:
                        progress(len(inputs), len(files))
        finally:
            writers.close()
        result.rows = dict(writers.rows)
        arrow = dict(writers.arrow_bytes)
        if strict and result.rejected:
            raise BuildFailed(f"{len(result.rejected)} of {len(files)} files rejected with --strict; the previous dataset is kept")
        if not result.rows["articles"]:
            raise BuildFailed(f"no article was found in any of the {len(files)} files; the previous dataset is kept")
        car.ask(pa.concat_tables(summary_columns) if summary_columns else None, tmp / "figures")
        write_schema_dir(tmp / "schema")
        (tmp / "LICENSE.md").write_text(data_license(), encoding="utf-8")
        answer = car.answer()
        if not answer.validated:  # the side process failed: the whole staged dataset, here
            validate_tables(read_staged(tmp), settings.today, element_checks=False)
        features, figures = answer.features, answer.figures
        if not figures:
            log("figures skipped: matplotlib is not installed")
        files_written = output_files(tmp)  # every file hashed once, for the card, Croissant and the manifest
        by_path = {f["path"]: f for f in files_written}
        parquet = {c.name: by_path[parquet_path(c.name)] for c in CONFIGS}
        card = tmp / "README.md"
        card.write_text(render_card(parquet, arrow, summary_markdown(result), figures_markdown(figures), features), encoding="utf-8")
        write_json(tmp / "croissant.json", croissant(parquet, DESCRIPTION))
        files_written = sorted([*files_written, file_entry(tmp, card), file_entry(tmp, tmp / "croissant.json")], key=lambda f: f["path"])
        write_json(tmp / "manifest.json", manifest(inputs, files_written, dependencies, result.steps))
        warnings += car.fallbacks
    for warning in warnings:  # only once the dataset is in place: a failed build says one line
        log(warning)
    return result, keys


def manifest(inputs: list[dict], outputs: list[dict], dependencies: dict[str, str], steps: dict[str, dict[str, int]]) -> dict:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    built = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    return {
        "dataset": "hospital_party_news",
        "dataset_version": DATASET_VERSION,
        "builder_version": BUILDER_VERSION,
        "schema_version": SCHEMA_VERSION,
        "dependencies": dependencies,
        "steps": steps,
        "inputs": inputs,
        "outputs": outputs,
        "built_at": built.isoformat(timespec="seconds"),
    }
