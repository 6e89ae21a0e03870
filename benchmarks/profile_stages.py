"""Where a build's CPU time goes, per stage, in one process.

    python benchmarks/profile_stages.py [N] [--dir RAW]      (default: 1,000 synthetic files)

Times the one-time set-up (loading jieba, OpenCC, the tables), then every file through
reading, each step of the pipeline (and inside ``enrich`` each extractor), the Arrow
tables and the batch validation, as a worker runs them (``batches.process_batch`` with its
stages wrapped in timers; from 0.10.0 the batch validation runs in the side process, and is
timed here after each batch). Prints a Markdown table, ms per file and share.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

SPENT: dict[str, float] = defaultdict(float)

# (stage label, module, attribute): each is wrapped in a timer where it is looked up.
TIMED = [
    ("read", "hospital_party_news.batches", "read_document"),
    ("enrich: keywords", "hospital_party_news.enrich", "keywords"),
    ("enrich: institutions", "hospital_party_news.enrich", "institutions"),
    ("enrich: places", "hospital_party_news.enrich", "find_places"),
    ("enrich: people", "hospital_party_news.enrich", "people"),
    ("enrich: party organisations", "hospital_party_news.enrich", "party_organizations"),
    ("enrich: activity types", "hospital_party_news.enrich", "activity_types"),
    ("enrich: campaigns", "hospital_party_news.enrich", "find_campaigns"),
    ("Arrow tables", "hospital_party_news.write", "build_tables"),
    ("validate: batch (Pandera + cross-config)", "hospital_party_news.validate", "validate_tables"),
]


def timed(label: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            SPENT[label] += time.perf_counter() - start

    return wrapper


def profile(raw: Path) -> tuple[float, int, float]:
    """Set-up seconds, files, and total seconds of the per-file work."""
    import inspect

    from hospital_party_news import batches, steps, validate

    files = sorted(raw.rglob("*.txt"))
    entries = [batches.RawFile(str(p), p.relative_to(raw).as_posix(), f"d{i}") for i, p in enumerate(files)]
    settings = batches.Settings(str(raw), 10**7, dt.date(2026, 11, 22))
    start = time.perf_counter()
    if (Path(batches.__file__).parent / "warm.py").exists():
        from hospital_party_news.warm import warm_up

        warm_up()
    else:  # a builder before the set-up module: the first file pays the set-up
        batches.process_batch(entries[:1], settings)
    setup = time.perf_counter() - start
    for label, module, attr in TIMED:
        mod = importlib.import_module(module)
        setattr(mod, attr, timed(label, getattr(mod, attr)))
    original = steps.default_steps

    def timed_steps(today: Any = None) -> tuple:
        return tuple(steps.Step(s.name, timed(f"step: {s.name}", s.run)) for s in original(today))

    steps.default_steps = timed_steps
    in_worker = "validate_tables" in inspect.getsource(batches.process_batch)  # before 0.10.0
    start = time.perf_counter()
    for batch in batches.make_batches(entries):
        result = batches.process_batch(batch, settings)
        if not in_worker:  # as the side process checks each batch
            validate.validate_tables(result.tables, settings.today, element_checks=False)
    return setup, len(files), time.perf_counter() - start


def table(setup: float, n: int, total: float) -> str:
    enrich = sum(v for k, v in SPENT.items() if k.startswith("enrich:"))
    SPENT["enrich: rest (dates, year, places logic)"] = SPENT.pop("step: enrich", 0.0) - enrich
    SPENT["validate: per document"] = SPENT.pop("step: validate", 0.0)
    rows = [f"One process; {n:,} files; one-time set-up {setup:.2f} s; per-file work {total:.1f} s "
            f"= {1000 * total / n:.2f} ms/file.", "", "| stage | ms/file | share |", "|---|---|---|"]
    for label, seconds in sorted(SPENT.items(), key=lambda kv: -kv[1]):
        rows.append(f"| {label} | {1000 * seconds / n:.2f} | {seconds / total:.0%} |")
    rest = total - sum(SPENT.values())
    rows.append(f"| other (batching, runner, manifest entries) | {1000 * rest / n:.2f} | {rest / total:.0%} |")
    return "\n".join(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, nargs="?", default=1000)
    ap.add_argument("--dir", type=Path, help="raw files to profile instead of synthetic ones")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        raw = args.dir
        if raw is None:
            from synth import synthesize

            raw = Path(tmp) / "raw"
            written = synthesize(args.n, raw, seed=args.n)
            print(f"{args.n:,} synthetic files, {written.distinct_line_share:.1%} of lines distinct", file=sys.stderr)
        print(table(*profile(raw)))


if __name__ == "__main__":
    main()
