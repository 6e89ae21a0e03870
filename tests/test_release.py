"""Releases: verify a build against its manifest, diff two builds, stable ids."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from conftest import RAW, ROOT

from hospital_party_news.diff import diff_builds, diff_text
from hospital_party_news.pipeline import build
from hospital_party_news.verify import verify

EXTRA = """县人民医院党支部开展主题党日活动

2024年7月1日,县人民医院党支部组织全体党员开展重温入党誓词主题党日活动。
活动结束后,党员们来到社区为群众开展义诊,测量血压、讲解健康知识。
"""


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "hospital_party_news.cli", *args], capture_output=True, text=True, timeout=300)


@pytest.fixture
def copy(built: Path, tmp_path: Path) -> Path:
    shutil.copytree(built, tmp_path / "ds")
    return tmp_path / "ds"


def test_an_intact_build_verifies(copy: Path) -> None:
    assert verify(copy) == []
    result = cli("verify", str(copy))
    assert result.returncode == 0 and "matches its manifest" in result.stderr


def test_verify_finds_every_kind_of_tampering(copy: Path) -> None:
    parquet = copy / "data/sections/train-00000-of-00001.parquet"
    data = bytearray(parquet.read_bytes())
    data[len(data) // 2] ^= 0xFF
    parquet.write_bytes(bytes(data))
    (copy / "figures" / "articles_by_year.png").unlink()
    (copy / "notes.txt").write_text("stray", "utf-8")
    card = copy / "README.md"
    card.write_text(card.read_text("utf-8").replace("dataset_version: ", "dataset_version: 9", 1), "utf-8")
    problems = "\n".join(verify(copy))
    assert "data/sections/train-00000-of-00001.parquet: sha256" in problems
    assert "figures/articles_by_year.png: listed in the manifest but missing" in problems
    assert "notes.txt: present but not listed" in problems
    assert "README.md: dataset version 9" in problems
    result = cli("verify", str(copy))
    assert result.returncode == 1 and result.stderr.count("mismatch:") == len(verify(copy))


def test_verify_without_a_manifest_is_one_line(tmp_path: Path) -> None:
    result = cli("verify", str(tmp_path))
    assert result.returncode == 2 and result.stderr.strip().count("\n") == 0 and "no manifest.json" in result.stderr


def _ids(folder: Path) -> dict[str, dict]:
    articles = pq.read_table(folder / "data/articles/train-00000-of-00001.parquet").to_pylist()
    sections = pq.read_table(folder / "data/sections/train-00000-of-00001.parquet").to_pylist()
    return {r["article_id"]: r for r in articles} | {r["section_id"]: r for r in sections}


def test_ids_do_not_depend_on_other_files(built: Path, tmp_path: Path) -> None:
    """Remove one file, add one that sorts first, rename another so that it sorts first:
    every article and section of the untouched files keeps its id and its content."""
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    (raw / "002_b5c54ceae72a0aa8.txt").unlink()
    (raw / "0000_new.txt").write_text(EXTRA, "utf-8")
    (raw / "004_4f35ab63e78cec3c.txt").rename(raw / "0001_renamed.txt")
    (raw / "more").mkdir()
    (raw / "more" / "000_e0b797e6c4b01ca4.txt").write_text(EXTRA, "utf-8")  # same stem, other folder
    build(raw, tmp_path / "ds", log=lambda _: None)
    before, after = _ids(built), _ids(tmp_path / "ds")
    untouched = {k: v for k, v in before.items() if k[:3] in ("000", "001", "003")}
    assert len(untouched) > 10
    for key, row in untouched.items():
        assert after[key] == row, key
    assert {"0000_new-000", "0001_renamed-000", "more__000_e0b797e6c4b01ca4-000"} <= after.keys()

    d = diff_builds(built, tmp_path / "ds")
    assert set(d.articles.added) == {"0000_new-000", "more__000_e0b797e6c4b01ca4-000"} | {f"0001_renamed-{i:03d}" for i in range(4)}
    assert set(d.articles.removed) == {"002_b5c54ceae72a0aa8-000"} | {f"004_4f35ab63e78cec3c-{i:03d}" for i in range(4)}
    assert d.articles.changed == [] and d.bump == "MAJOR"


def test_diff_of_one_more_file_is_minor(built: Path, tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    (raw / "005_extra.txt").write_text(EXTRA, "utf-8")
    build(raw, tmp_path / "ds", log=lambda _: None)
    d = diff_builds(built, tmp_path / "ds")
    assert d.articles.added == ["005_extra-000"] and d.documents.added == ["005_extra"]
    assert not (d.articles.removed or d.articles.changed or d.documents.changed)
    assert d.bump == "MINOR"
    text = diff_text(d, tmp_path / "ds")
    assert "+ 005_extra-000  县人民医院党支部开展主题党日活动" in text and "suggested version bump: MINOR" in text
    as_json = json.loads(cli("diff", str(built), str(tmp_path / "ds"), "--json").stdout)
    assert as_json["articles"]["added"] == ["005_extra-000"] and as_json["suggested_bump"] == "MINOR"


def test_diff_reports_changed_columns(built: Path, copy: Path) -> None:
    path = copy / "data/articles/train-00000-of-00001.parquet"
    table = pq.read_table(path)
    titles = table.column("title").to_pylist()
    titles[0] = "改过的标题"
    pq.write_table(table.set_column(table.schema.get_field_index("title"), "title", [titles]), path)
    d = diff_builds(built, copy)
    assert [(c.id, c.columns) for c in d.articles.changed] == [(table.column("article_id")[0].as_py(), ["title"])]
    assert d.bump == "MAJOR"
    identical = diff_builds(built, built)
    assert identical.bump == "none" and identical.files_changed == []


def test_the_release_table_points_at_the_right_commits() -> None:
    """CHANGELOG's "Where each release is": each commit carries the versions of its row."""
    import re

    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    rows = re.findall(r"^\| (\d+\.\d+\.\d+) \| (\d+\.\d+\.\d+) \| ([0-9a-f]{40}) \|$", (ROOT / "CHANGELOG.md").read_text("utf-8"), re.M)
    assert len(rows) >= 3
    for dataset, builder, commit in rows:
        shown = subprocess.run(["git", "show", f"{commit}:hospital_party_news/version.py"], cwd=ROOT, capture_output=True, text=True)
        shallow = subprocess.run(["git", "rev-parse", "--is-shallow-repository"], cwd=ROOT, capture_output=True, text=True)
        if shown.returncode and shallow.stdout.strip() == "true":
            pytest.skip("a shallow clone lacks the release commits")
        assert shown.returncode == 0, shown.stderr
        assert f'DATASET_VERSION = "{dataset}"' in shown.stdout and f'BUILDER_VERSION = "{builder}"' in shown.stdout
