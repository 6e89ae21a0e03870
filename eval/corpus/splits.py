"""The corpus split, fixed on 2026-11-22 before any rule was tuned on the corpus.

A page's *site* is the host of its ``source_url`` in lower case without a leading
``www.``, ``m.`` or ``wap.``; a page composed from several articles (``source_url`` null)
has the sites of its ``sources``. A site is on the holdout side when the first eight hex
digits of the sha256 of its name, as a number, are divisible by 3 (about a third); a
composed page follows the smallest of its sites' names. All pages of one site are thus on
one side. ``python eval/corpus/splits.py`` rewrites the ``split`` field of every line of
``gold.jsonl`` by this rule; ``tests/test_corpus.py`` checks that every line agrees.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from urllib.parse import urlsplit

HOLDOUT_MODULUS = 3  # one site in three (by hash) is held out
_PREFIXES = ("www.", "m.", "wap.")


def site(url: str) -> str:
    """
    >>> site("https://www.Example.com.cn/a/b.html"), site("http://m.dzwww.com/p/1")
    ('example.com.cn', 'dzwww.com')
    """
    host = (urlsplit(url).hostname or "").lower()
    for prefix in _PREFIXES:
        if host.startswith(prefix):
            return host[len(prefix):]
    return host


def sites(line: dict) -> list[str]:
    """The sites a gold line's text comes from."""
    if line.get("source_url"):
        return [site(line["source_url"])]
    return sorted({site(u) for u in line.get("sources", []) if u})


def split_of(line: dict) -> str:
    names = sites(line)
    if not names:
        raise ValueError(f"{line['file']}: no source_url and no sources: its split cannot be decided")
    digest = int(hashlib.sha256(names[0].encode("utf-8")).hexdigest()[:8], 16)
    return "holdout" if digest % HOLDOUT_MODULUS == 0 else "tune"


def main(gold: Path) -> None:
    lines = [json.loads(x) for x in gold.read_text("utf-8").splitlines() if x.strip()]
    for line in lines:
        line["split"] = split_of(line)
    gold.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), "utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("gold.jsonl"))
