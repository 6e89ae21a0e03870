"""The same input built twice, in different folders at different times: identical bytes."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from conftest import RAW

from hospital_party_news.pipeline import build


def _hashes(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != "manifest.json"
    }


def test_two_builds_are_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build(RAW, tmp_path / "one" / "ds", log=lambda _: None)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    build(RAW, tmp_path / "two" / "ds", log=lambda _: None)
    one, two = _hashes(tmp_path / "one" / "ds"), _hashes(tmp_path / "two" / "ds")
    assert one == two
    assert any(k.endswith(".parquet") for k in one) and "README.md" in one
