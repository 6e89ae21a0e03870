"""datasets caches a local folder by its name and card YAML: the card carries a content
hash, so a rebuild into the same folder never loads stale rows from the same cache."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import RAW

from hospital_party_news.pipeline import build


def test_rebuild_in_place_loads_fresh_rows(tmp_path: Path) -> None:
    from datasets import load_dataset

    inp, out, cache = tmp_path / "in", tmp_path / "ds", str(tmp_path / "cache")
    inp.mkdir()
    shutil.copy(RAW / "000_e0b797e6c4b01ca4.txt", inp)
    build(inp, out, log=lambda _: None)
    assert load_dataset(str(out), "articles", split="train", cache_dir=cache).num_rows == 1
    shutil.copy(RAW / "004_4f35ab63e78cec3c.txt", inp)
    build(inp, out, log=lambda _: None)
    assert load_dataset(str(out), "articles", split="train", cache_dir=cache).num_rows == 5
