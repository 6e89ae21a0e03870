"""A synthetic corpus of N raw files made from real text, deterministic for a seed: the
sentences of the five source texts and of the evaluation corpus's tune pages
(``eval/corpus``, 190 real pages from as many sites), recombined so that body lines rarely
repeat (``distinct_line_share`` says how rarely). Single articles of shuffled paragraphs, a share in traditional script with pinyin
glued after characters (as in 001), multi-article newspaper pages (``## `` headings or
headline + dateline, as in 003/004) and site boilerplate at the end (as in 002).

    python benchmarks/synth.py N OUT_DIR [--seed S]
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRADITIONAL_SHARE = 0.2
PAGE_SHARE = 0.15
BOILERPLATE_SHARE = 0.3
_ANNOTATED = re.compile(r"([\u4e00-\u9fff])\(([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+)\)")
_CITIES = ["济宁", "太原", "长治", "杭州", "天津", "西宁", "成都", "深圳", "南京", "武汉"]
_NAMES = ["唐首政", "王扬", "李明", "张雯", "刘洋", "陈静", "赵猛", "孙丽"]


def _one_syllable(annotation: str) -> bool:
    from hospital_party_news.clean import _is_syllable  # the builder's own test of a syllable

    return _is_syllable(annotation, toneless_ok=True)


class Material:
    """Paragraphs, titles, boilerplate and pinyin annotations taken from the sources."""

    def __init__(self, raw: Path, corpus: Path | None = None) -> None:
        texts = [p.read_text("utf-8") for p in sorted(raw.glob("*.txt"))]
        sources = texts[:]
        texts += [p.read_text("utf-8") for p in tune_pages(corpus)] if corpus else []
        lines = [ln.strip() for t in texts for ln in t.splitlines() if ln.strip()]
        # character → its annotation; one syllable only: a word's pinyin glued after the word
        # (开展(kāizhǎn)) put after one of its characters is no annotation a page shows
        self.pinyin = {ch: py for ch, py in _ANNOTATED.findall("\n".join(texts)) if _one_syllable(py)}
        clean = [_ANNOTATED.sub(r"\1", ln) for ln in lines if not ln.startswith(("http", "•", "##"))]
        paragraphs = [ln for ln in clean if len(ln) >= 40 and ln.endswith(("。", "!", "”"))]
        self.sentences = [s for p in paragraphs for s in re.findall(r"[^。!?]+[。!?]”?", p) if len(s) >= 8]
        self.titles = [ln.lstrip("# ") for ln in lines if 8 <= len(ln) <= 30 and not ln.endswith(("。", ":"))]
        tail = sources[2][sources[2].index("延伸阅读"):] if "延伸阅读" in sources[2] else ""
        self.boilerplate = tail

    def paragraph(self, rng: random.Random) -> str:
        """Two to five sentences drawn from all the sources: paragraphs are rarely repeated."""
        return "".join(rng.sample(self.sentences, rng.randint(2, 5)))

    def article(self, rng: random.Random, paragraphs: int) -> tuple[str, str]:
        return rng.choice(self.titles), "\n\n".join(self.paragraph(rng) for _ in range(paragraphs))


def tune_pages(corpus: Path) -> list[Path]:
    """The raw files of the corpus's tune split (the holdout split stays unread)."""
    lines = [json.loads(line) for line in (corpus / "gold.jsonl").read_text("utf-8").splitlines() if line.strip()]
    return [corpus / "raw" / g["file"] for g in lines if g.get("split") == "tune"]


@lru_cache(maxsize=1)
def _to_traditional() -> Callable[[str], str]:
    import opencc

    return opencc.OpenCC("s2t").convert  # made once: loading OpenCC's dictionaries is slow


def _traditional(text: str, material: Material, rng: random.Random) -> str:
    converted = _to_traditional()(text)
    return "".join(f"{ch}({material.pinyin[ch]})" if ch in material.pinyin and rng.random() < 0.5 else ch for ch in converted)


def make_file(i: int, material: Material, rng: random.Random) -> str:
    kind = rng.random()
    if kind < PAGE_SHARE:
        parts = []
        for _ in range(rng.randint(2, 5)):
            title, body = material.article(rng, rng.randint(2, 6))
            if rng.random() < 0.5:
                parts.append(f"## {title}\n\n{body}")
            else:
                reporter, correspondent = rng.sample(_NAMES, 2)
                lead = f"本报{rng.choice(_CITIES)}{rng.randint(1, 12)}月{rng.randint(1, 28)}日讯(记者 {reporter} 通讯员 {correspondent})"
                parts.append(f"{title}\n\n{lead}{body}")
        return "\n\n\n".join(parts) + "\n"
    title, body = material.article(rng, rng.randint(4, 14))
    text = f"{title}\n\n{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} 10:{rng.randint(10, 59)}\n\n{body}\n"
    if kind < PAGE_SHARE + TRADITIONAL_SHARE:
        return _traditional(text, material, rng)
    if rng.random() < BOILERPLATE_SHARE:
        text += "\n" + material.boilerplate
    return text


@dataclass
class Written:
    bytes: int = 0
    lines: int = 0  # non-blank lines
    distinct_lines: int = 0

    @property
    def distinct_line_share(self) -> float:
        """Distinct non-blank lines / all non-blank lines: near 1 when text does not repeat
        (per-line caches then save nothing)."""
        return self.distinct_lines / self.lines if self.lines else 0.0


def synthesize(n: int, out: Path, seed: int = 0) -> Written:
    """Write ``n`` files into ``out`` (in subfolders of 1,000)."""
    material = Material(ROOT / "data" / "raw", ROOT / "eval" / "corpus")
    rng = random.Random(seed)
    written = Written()
    seen: set[int] = set()
    for i in range(n):
        path = out / f"{i // 1000:04d}" / f"{i:07d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        text = make_file(i, material, rng)
        lines = [hash(line) for line in text.splitlines() if line.strip()]
        written.lines += len(lines)
        seen.update(lines)
        data = text.encode("utf-8")
        path.write_bytes(data)
        written.bytes += len(data)
    written.distinct_lines = len(seen)
    return written


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    w = synthesize(args.n, args.out, args.seed)
    print(f"{w.bytes / 1e6:.1f} MB in {args.n} files; {w.distinct_line_share:.1%} of {w.lines:,} lines distinct")
