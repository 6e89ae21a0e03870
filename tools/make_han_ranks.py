"""Write ``hospital_party_news/data/han_ranks.txt``: the characters of jieba's dictionary,
most frequent first (``lexicon.derive_han_ranks``), so that no build parses ``dict.txt``
for them. Run again when the jieba version changes; ``tests/test_lexicon.py`` says when.

    python tools/make_han_ranks.py
"""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

from hospital_party_news.lexicon import derive_han_ranks

OUT = Path(__file__).resolve().parents[1] / "hospital_party_news" / "data" / "han_ranks.txt"
LINE = 100  # characters per line, for readable diffs


def main() -> None:
    ranked = derive_han_ranks()
    lines = [f"# characters of jieba {metadata.version('jieba')}'s dict.txt by summed word frequency, most frequent first"]
    lines += [ranked[i : i + LINE] for i in range(0, len(ranked), LINE)]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(ranked)} characters → {OUT}")


if __name__ == "__main__":
    main()
