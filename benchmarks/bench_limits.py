"""Unreasonable inputs at full size: each must finish, in time that grows no faster
than its input.

    python benchmarks/bench_limits.py

Cases: one 5 MB line; 100,000 tiny files; a file 200 folders deep; one document with
10,000 articles. Results go into ``benchmarks/README.md`` (between the limits markers).
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from bench_build import ROOT, run

SOURCES = [line for f in sorted((ROOT / "data" / "raw").glob("00[0234]*.txt"))
           for line in f.read_text("utf-8").splitlines() if len(line) > 40 and line.endswith("。")]


def one_long_line(raw: Path) -> str:
    line = "".join(SOURCES) * 400
    line = line.encode()[: 5 * 2**20].decode("utf-8", "ignore")
    (raw / "long.txt").write_text("医院党委开展主题党日活动\n\n" + line, "utf-8")
    return f"one line of {len(line.encode()) / 2**20:.1f} MB"


def tiny_files(raw: Path) -> str:
    for i in range(100_000):
        folder = raw / f"{i // 1000:03d}"
        folder.mkdir(exist_ok=True)
        (folder / f"{i:06d}.txt").write_text(f"医院党支部开展第{i}次主题党日活动\n\n党员们为群众义诊{i}人次。", "utf-8")
    return "100,000 files of about 80 bytes"


def deep(raw: Path) -> str:
    folder = raw.joinpath(*[f"d{i}" for i in range(200)])
    folder.mkdir(parents=True)
    (folder / "x.txt").write_text("医院党委开展主题党日活动\n\n" + SOURCES[0], "utf-8")
    return "one file 200 folders deep"


def many_articles(raw: Path) -> str:
    page = "\n\n".join(f"## 第{i}期 医院党支部开展主题党日活动\n\n{SOURCES[i % len(SOURCES)]}" for i in range(10_000))
    (raw / "page.txt").write_text(page, "utf-8")
    return f"one file, 10,000 articles, {len(page.encode()) / 2**20:.1f} MB"


CASES: list[Callable[[Path], str]] = [one_long_line, tiny_files, deep, many_articles]


def main() -> None:
    lines = ["| case | input | build | peak memory |", "|---|---|---|---|"]
    for case in CASES:
        with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_TMP")) as tmp:
            raw = Path(tmp) / "raw"
            raw.mkdir()
            what = case(raw)
            seconds, mb = run([sys.executable, str(ROOT / "build_dataset.py"), "--input", str(raw),
                               "--output", str(Path(tmp) / "ds"), "--quiet", "--no-cache"])
        lines.append(f"| {case.__name__.replace('_', ' ')} | {what} | {seconds:.1f} s | {mb:.0f} MB |")
        print(lines[-1], flush=True)
    readme = ROOT / "benchmarks" / "README.md"
    marked = re.compile(r"(<!-- limits -->\n).*?(\n<!-- /limits -->)", re.DOTALL)
    readme.write_text(marked.sub(lambda m: m.group(1) + "\n".join(lines) + m.group(2), readme.read_text("utf-8")), "utf-8")


if __name__ == "__main__":
    main()
