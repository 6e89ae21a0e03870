"""Build cost against the I/O floor, at several corpus sizes.

    python benchmarks/bench_build.py [N ...]        (default: 1000 10000 100000)

With ``BENCH_BEFORE=DIR`` (a checkout of an earlier builder; ``BENCH_BEFORE_PATH``: extra
``PYTHONPATH`` entries for its engines, such as a folder holding the pure-Python OpenCC),
that builder's cold build of the same files is timed too, up to ``BEFORE_UP_TO`` files,
for a before / after column measured in the same run.

For each N: synthesize N raw files (``synth.py``), then measure in the same run
- the I/O floor: read and decode every file and write the raw texts to one zstd Parquet
  file with pyarrow, nothing else;
- the full build (``build_dataset.py``, default workers, with the incremental cache);
- an incremental rebuild after adding 10 files.
Wall time, files/s, MB/s and peak memory (PSS summed over the build's process tree,
sampled every 0.1 s) go into a table that replaces the one in ``benchmarks/README.md``.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from synth import synthesize  # noqa: E402

FLOOR = """
import sys, pyarrow as pa, pyarrow.parquet as pq
from pathlib import Path
paths = sorted(Path(sys.argv[1]).rglob("*.txt"))
texts = []
for p in paths:
    data = p.read_bytes()
    try:
        texts.append(data.decode("utf-8"))
    except UnicodeDecodeError:
        texts.append(data.decode("gb18030", "replace"))
table = pa.table({"source_file": [str(p) for p in paths], "raw_text": texts})
pq.write_table(table, sys.argv[2], compression="zstd")
"""


# Reading a process's PSS walks its page tables and holds its memory map's lock: sampled
# every 0.1 s it slowed a 10,000-file build by a third. Every build here is sampled alike.
MEMORY_SAMPLE_SECONDS = 0.5


def run(cmd: list[str], env: dict[str, str] | None = None, cwd: str | None = None) -> tuple[float, float]:
    """Wall seconds and peak memory (MB) of a command: the proportional set size (PSS)
    summed over its process tree, so pages the forked workers share count once."""
    # stderr into a file, not a pipe read only at the end: a build that logs more than a
    # pipe holds (one line per rejected file) would block on its next write, and wait forever
    with tempfile.TemporaryFile("w+", encoding="utf-8") as errors:
        start = time.perf_counter()
        proc = psutil.Popen(cmd, stdout=subprocess.DEVNULL, stderr=errors, text=True, env=env, cwd=cwd)
        peak = 0
        while proc.poll() is None:
            try:
                tree = [proc, *proc.children(recursive=True)]
                peak = max(peak, sum(p.memory_full_info().pss for p in tree if p.is_running()))
            except psutil.Error:
                pass
            time.sleep(MEMORY_SAMPLE_SECONDS)
        seconds = time.perf_counter() - start
        errors.seek(0)
        log = errors.read()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{log}")
    rejected = log.count("rejected ")
    if rejected:
        print(f"{' '.join(cmd[:2])}: {rejected} files rejected", file=sys.stderr)
    return seconds, peak / 2**20


ADDED_SHARE = 0.01  # the incremental rebuild adds 1 % more files
BEFORE_UP_TO = 10_000  # the earlier builder is timed on corpora up to this size (it is slow)


def before_build(raw: Path, out: Path, sampled: bool = True) -> float | None:
    """Wall seconds of the earlier builder's cold build (``BENCH_BEFORE``), or None;
    ``sampled=False`` times it without memory sampling, as the five-file builds are."""
    before = os.environ.get("BENCH_BEFORE")
    if not before:
        return None
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [os.environ.get("BENCH_BEFORE_PATH"), before]))}
    cmd = [sys.executable, str(Path(before) / "build_dataset.py"), "--input", str(raw), "--output", str(out), "--no-cache", "--quiet"]
    if sampled:
        # like the current cold build: sampled, and filling a new cache folder of its own (a
        # build without the cache skips writing it, about 3 % of a cold build at 10,000 files)
        cmd[cmd.index("--no-cache")] = f"--cache={out.parent / (out.name + '-cache')}"
        return run(cmd, env=env, cwd=before)[0]
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=before)
    return time.perf_counter() - start


def measure(n: int, work: Path) -> dict:
    raw = work / "raw"
    written = synthesize(n, raw, seed=n)
    floor_s, floor_mb = run([sys.executable, "-c", FLOOR, str(raw), str(work / "floor.parquet")])
    # cold: nothing cached before (the cache folder is new); the build fills it for the rebuild
    build = [sys.executable, str(ROOT / "build_dataset.py"), "--input", str(raw), "--output", str(work / "ds"),
             "--cache", str(work / "cache"), "--quiet"]
    build_s, build_mb = run(build)
    before_s = before_build(raw, work / "before") if n <= BEFORE_UP_TO else None
    synthesize(max(1, round(n * ADDED_SHARE)), raw / "added", seed=n + 1)
    again_s, _ = run(build)
    return {"n": n, "mb": written.bytes / 1e6, "distinct": written.distinct_line_share, "floor_s": floor_s,
            "floor_mb": floor_mb, "build_s": build_s, "build_mb": build_mb, "again_s": again_s, "before_s": before_s}


def small_build(work: Path) -> float:
    """Wall seconds of a build of the five source texts, no cache: what the set-up costs."""
    build = [sys.executable, str(ROOT / "build_dataset.py"), "--input", str(ROOT / "data" / "raw"),
             "--output", str(work / "five"), "--no-cache", "--quiet"]
    start = time.perf_counter()  # no memory sampling here: it would take a share of a core
    subprocess.run(build, check=True)
    return time.perf_counter() - start


SMALL_RUNS = 5  # five-file builds timed one after the other


def _before(row: dict) -> str:
    if row.get("before_s") is None:
        return "—"
    return f"{row['before_s']:.1f} s ({row['before_s'] / row['floor_s']:.1f}× the floor)"


def table(rows: list[dict], small: list[float]) -> str:
    out = [
        f"A build of the five source texts (5 files, no cache): **{statistics.median(small):.2f} s** wall, the median of "
        f"{len(small)} runs ({small[0]:.2f}–{small[-1]:.2f} s).",
        "",
        f"Machine: {os.cpu_count()} cores; Python {sys.version.split()[0]}; build with every core (`--workers` default).",
        "",
        "| files | input | distinct lines | I/O floor | full build (cold) | build / floor | files/s | MB/s | peak memory floor | peak memory build | +1 % files, cached | rebuild / build | earlier builder, cold |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        out.append(
            f"| {r['n']:,} | {r['mb']:.1f} MB | {r['distinct']:.1%} | {r['floor_s']:.1f} s | {r['build_s']:.1f} s "
            f"| {r['build_s'] / r['floor_s']:.1f}× | {r['n'] / r['build_s']:.0f} | {r['mb'] / r['build_s']:.2f} "
            f"| {r['floor_mb']:.0f} MB | {r['build_mb']:.0f} MB | {r['again_s']:.1f} s | {r['again_s'] / r['build_s']:.1%} "
            f"| {_before(r)} |"
        )
    return "\n".join(out)


def main(sizes: list[int]) -> None:
    rows: list[dict] = []
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_TMP")) as tmp:
        small = sorted(small_build(Path(tmp) / str(i)) for i in range(SMALL_RUNS))  # start-up is noisy: the median
        if os.environ.get("BENCH_BEFORE"):
            before = sorted(before_build(ROOT / "data" / "raw", Path(tmp) / f"before{i}", sampled=False) or 0.0 for i in range(SMALL_RUNS))
            print(f"five files, earlier builder: median {statistics.median(before):.2f} s ({before[0]:.2f}–{before[-1]:.2f})", flush=True)
    for n in sizes:
        with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_TMP")) as tmp:
            rows.append(measure(n, Path(tmp)))
            shutil.rmtree(tmp, ignore_errors=True)
        print(table(rows, small), flush=True)
    readme = ROOT / "benchmarks" / "README.md"
    text = readme.read_text("utf-8")
    marked = re.compile(r"(<!-- table -->\n).*?(\n<!-- /table -->)", re.DOTALL)
    readme.write_text(marked.sub(lambda m: m.group(1) + table(rows, small) + m.group(2), text), "utf-8")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 10000, 100000])
