"""The tables derived ahead of time from jieba's dictionary must be what the installed
dictionary gives (run ``python tools/make_han_ranks.py`` when this fails after a jieba
upgrade)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from hospital_party_news import lexicon, places
from hospital_party_news.lexicon import derive_han_ranks, dictionary_entries, han_ranks, jieba_tags, tables, tables_from_jieba


def test_the_shipped_character_ranks_are_the_installed_dictionarys() -> None:
    ranked = derive_han_ranks()
    assert han_ranks() == {ch: i for i, ch in enumerate(ranked)}


def test_the_tag_table_is_the_dictionarys_last_entry_per_word() -> None:
    assert jieba_tags() == {word: tag for word, _, tag in dictionary_entries()}


def test_the_snapshot_holds_jiebas_own_tables() -> None:
    assert tables() == tables_from_jieba()


def test_a_snapshot_that_cannot_be_read_is_made_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(places, "state_root", lambda: tmp_path)
    path = lexicon.snapshot_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"cut short")
    lexicon.tables.cache_clear()
    try:
        made = lexicon.tables()
    finally:
        lexicon.tables.cache_clear()
    assert made == tables_from_jieba()
    assert lexicon._read_snapshot(path) == made  # written again, whole
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no staging file left


SENTENCES = ["济宁市第一人民医院内科党支部赴任城区开展义诊活动", "濂溪区卫生健康委员会党组书记讲授专题党课", "領導帶領黨員學習"]


def test_the_tagger_on_the_snapshot_tags_as_jiebas_own() -> None:
    """In a process of its own, so that ``jieba.posseg`` is first imported by ``posseg()``."""
    script = (
        "import json\n"
        "from hospital_party_news.lexicon import posseg\n"
        "tagger = posseg()  # first: nothing has imported jieba.posseg yet\n"
        "import jieba\n"
        "own = tagger.POSTokenizer(jieba.Tokenizer())  # jieba's own, reading dict.txt\n"
        "sentences = json.loads(input())\n"
        "same = [list(map(tuple, tagger.lcut(s))) for s in sentences] == [list(map(tuple, own.lcut(s))) for s in sentences]\n"
        "print(json.dumps([same, len(tagger.dt.word_tag_tab), len(own.word_tag_tab)]))\n"
    )
    line = json.dumps(SENTENCES)
    done = subprocess.run([sys.executable, "-c", script], input=line, capture_output=True, text=True, check=True)
    same, ours, own = json.loads(done.stdout)
    assert same and ours == own == len(tables().tags)


def test_jieba_is_imported_without_pkg_resources_and_still_opens_its_files() -> None:
    """``_import_jieba`` keeps setuptools' ``pkg_resources`` (0.13 s) out of the build;
    jieba's fallback then opens its own dictionary by path."""
    script = (
        "import sys\n"
        "from hospital_party_news.lexicon import _import_jieba\n"
        "jieba = _import_jieba()\n"
        "with jieba.Tokenizer().get_dict_file() as fh:\n"
        "    first = fh.readline().decode('utf-8').split()[0]\n"
        "print('pkg_resources' in sys.modules, first)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", next(dictionary_entries())[0]]
