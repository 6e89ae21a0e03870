"""jieba, loaded once: its segmenter, its part-of-speech tables, its keyword IDF table and
the dictionary that ships with it (word, frequency, part-of-speech tag). Nothing is
downloaded.

jieba builds these tables from its text files on every start (its prefix dictionary from
a marshal cache, 0.6–0.9 s; the tag table by parsing ``dict.txt``, 0.45 s; the IDF table
by parsing ``idf.txt``, 0.35 s). ``tables()`` keeps all of them in one pickle in the user
cache folder (``places.state_root()/lexicon``), made by jieba's own loaders the first time
and named by a digest of jieba's version and of the files they read, so that an upgraded
jieba makes a new one: 0.4 s to load, the same tables (``tests/test_lexicon.py``). A
snapshot that cannot be read or written is not an error: jieba's own loaders run instead.

The character ranks the garbled-run repair needs are derived from the dictionary ahead of
time (``data/han_ranks.txt``, ``tools/make_han_ranks.py``; a test checks them against the
installed dictionary).
"""

from __future__ import annotations

import hashlib
import importlib
import io
import os
import pickle
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .imports import without_module

# Bump when the fields of Tables change: the snapshot's name changes with it.
SNAPSHOT_FORMAT = 1


@dataclass(frozen=True)
class Tables:
    """jieba's tables, as its own loaders make them."""

    freq: dict[str, int]  # word, or prefix of a word (0), → frequency: ``jieba.dt.FREQ``
    total: int  # sum of the frequencies: ``jieba.dt.total``
    tags: dict[str, str]  # word → part-of-speech tag: ``jieba.posseg.dt.word_tag_tab``
    idf: dict[str, float]  # word → IDF: ``jieba.analyse.default_tfidf.idf_freq``
    median_idf: float  # the IDF of a word not in the table
    stop_words: frozenset[str]  # ``jieba.analyse``'s stop words


def _import_jieba() -> Any:
    """``import jieba``, without the ``pkg_resources`` import it tries first (0.13 s, a
    deprecated part of setuptools): jieba then opens its files by path, as it does
    wherever setuptools is not installed."""
    if "jieba" not in sys.modules:
        with without_module("pkg_resources"):
            import jieba as _jieba
    import jieba as _jieba

    return _jieba


def _jieba_files() -> list[Path]:
    _jieba = _import_jieba()

    root = Path(_jieba.__file__).parent
    return [root / "dict.txt", root / "analyse" / "idf.txt"]


def snapshot_path() -> Path:
    """Where the snapshot of this jieba lives: named by the snapshot format, jieba's and
    Python's versions, and the size and modification time of each file jieba builds its
    tables from (as jieba checks its own cache; hashing their 11 MB would cost 0.2 s)."""
    _jieba = _import_jieba()

    from .places import state_root

    stamps = [f"{path.name}:{path.stat().st_size}:{path.stat().st_mtime_ns}" for path in _jieba_files()]
    key = f"{SNAPSHOT_FORMAT} {_jieba.__version__} {sys.version_info[:2]} {' '.join(stamps)}"
    return state_root() / "lexicon" / f"jieba-{hashlib.sha256(key.encode()).hexdigest()[:16]}.pickle"


def tables_from_jieba() -> Tables:
    """The tables made by jieba's own loaders, on objects of their own (the slow way,
    and the reference the tests compare the snapshot with)."""
    _jieba = _import_jieba()
    import jieba.posseg as _posseg
    from jieba import analyse

    _jieba.setLogLevel(60)
    segmenter = _jieba.Tokenizer()
    segmenter.initialize()
    model = analyse.TFIDF()
    return Tables(
        segmenter.FREQ,
        segmenter.total,
        _posseg.POSTokenizer(segmenter).word_tag_tab,
        model.idf_freq,
        model.median_idf,
        frozenset(model.stop_words),
    )


def _read_snapshot(path: Path) -> Tables | None:
    try:
        with path.open("rb") as fh:
            return Tables(**pickle.load(fh))
    except Exception:  # missing, cut short, or of another format: jieba's loaders instead
        return None


def _write_snapshot(path: Path, made: Tables) -> None:
    """Written beside its final name and moved there, so that no reader sees half of it."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, staging = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".partial")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(asdict(made), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(staging, path)
    except OSError:  # a read-only cache folder: next time jieba's loaders run again
        return


@cache
def tables() -> Tables:
    """jieba's tables, from the snapshot (made on first use)."""
    path = snapshot_path()
    loaded = _read_snapshot(path)
    if loaded is not None:
        return loaded
    made = tables_from_jieba()
    _write_snapshot(path, made)
    return made


@cache
def jieba() -> Any:
    """``jieba``, its default segmenter holding the snapshot's prefix dictionary."""
    _jieba = _import_jieba()

    _jieba.setLogLevel(60)
    loaded = tables()
    if not _jieba.dt.initialized:
        _jieba.dt.FREQ, _jieba.dt.total = loaded.freq, loaded.total
        _jieba.dt.initialized = True
    return _jieba


@cache
def posseg() -> Any:
    """``jieba.posseg``, on the loaded segmenter, with the snapshot's tag table."""
    segmenter = jieba().dt
    if "jieba.posseg" not in sys.modules:
        # Importing it parses dict.txt for the tag table (0.45 s): the snapshot has it,
        # so the import reads an empty file instead.
        segmenter.get_dict_file = io.BytesIO
        try:
            importlib.import_module("jieba.posseg")
        finally:
            del segmenter.get_dict_file
    _posseg = sys.modules["jieba.posseg"]
    _posseg.dt.word_tag_tab = tables().tags
    return _posseg


def dictionary_entries() -> Iterator[tuple[str, int, str]]:
    """(word, frequency, tag) for every entry of jieba's own ``dict.txt``."""
    import jieba as _jieba

    with open(os.path.join(os.path.dirname(_jieba.__file__), "dict.txt"), encoding="utf-8") as fh:
        for line in fh:
            word, count, tag = ([*line.rstrip("\n").split(" "), "", ""])[:3]
            yield word, int(count), tag


def jieba_tags() -> dict[str, str]:
    """Part-of-speech tag of every dictionary word (``ns`` = place name): the table
    ``jieba.posseg`` reads from ``dict.txt``, the last entry of a word winning."""
    return tables().tags


def derive_han_ranks() -> str:
    """Every character of jieba's dictionary, most frequent first (summed over the words
    it is in; ties in order of first appearance): what ``data/han_ranks.txt`` holds."""
    freq: Counter[str] = Counter()
    for word, count, _ in dictionary_entries():
        for ch in word:
            freq[ch] += count
    return "".join(ch for ch, _ in freq.most_common())


@cache
def han_ranks() -> dict[str, int]:
    """Rank of every character by its total frequency in jieba's dictionary (0 = most),
    read from ``data/han_ranks.txt``."""
    text = resources.files("hospital_party_news").joinpath("data/han_ranks.txt").read_text("utf-8")
    ranked = "".join(text.splitlines()[1:])  # the first line is the comment
    return {ch: i for i, ch in enumerate(ranked)}
