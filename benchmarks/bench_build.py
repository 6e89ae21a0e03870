"""Throughput and peak memory of a full build on N copies of the source texts.

    python benchmarks/bench_build.py [N]     (default 500 files)

Each copy gets its own file name, so every document is processed in full.
"""

from __future__ import annotations

import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from hospital_party_news.pipeline import build

ROOT = Path(__file__).resolve().parents[1]


def main(n: int) -> None:
    sources = sorted((ROOT / "data" / "raw").glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        inp = Path(tmp) / "raw"
        inp.mkdir()
        for i in range(n):
            src = sources[i % len(sources)]
            shutil.copyfile(src, inp / f"{i:06d}_{src.name}")
        size = sum(p.stat().st_size for p in inp.iterdir())
        start = time.perf_counter()
        result = build(inp, Path(tmp) / "out", log=lambda _: None)
        seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    articles = result.tables["articles"].num_rows
    print(f"{n} files, {size / 1e6:.1f} MB, {articles} articles: {seconds:.1f} s "
          f"({n / seconds:.0f} files/s, {size / 1e6 / seconds:.2f} MB/s), peak RSS {peak_mb:.0f} MB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
