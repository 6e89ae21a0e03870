"""Any input: every encoding decoded to the same articles, every bad file rejected with a
reason while the good ones build, and the output folder never half-written."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
from pathlib import Path

import opencc
import pyarrow.parquet as pq
import pytest
from conftest import RAW, ROOT

from hospital_party_news import write
from hospital_party_news.pipeline import build
from hospital_party_news.places import lock_path
from hospital_party_news.write import BuildLocked, recover, swap_in

SOURCES = sorted(RAW.glob("*.txt"))
SAME = ["article_index", "title", "subtitle", "column", "text", "text_original", "script", "published_date",
        "reporters", "correspondents", "captions", "credits", "quality_flags", "institutions", "province", "span_start", "span_end"]


def _articles(folder: Path) -> dict[str, list[dict]]:
    """Articles by document id, without the id columns."""
    rows = pq.read_table(folder / "data/articles/train-00000-of-00001.parquet", columns=["document_id", *SAME]).to_pylist()
    out: dict[str, list[dict]] = {}
    for row in rows:
        out.setdefault(row.pop("document_id"), []).append(row)
    return out


def _encodable(text: str, codec: str) -> str:
    return "".join(ch for ch in text if ch.encode(codec, "ignore"))


@pytest.fixture(scope="module")
def encodings_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """The source texts in every supported encoding, in one input folder.

    UTF-8 with BOM, UTF-16 (LE and BE, with BOM) and GB18030 hold every source text as it
    is. GBK and Big5 cannot (no U+00A0 in GBK; Big5 is traditional only, without pinyin
    letters), so those files hold the text reduced to what the codec can encode — in
    traditional script for Big5 — beside the same reduced text in plain UTF-8.
    """
    raw = tmp_path_factory.mktemp("enc") / "raw"
    encodings: dict[str, str] = {}
    for src in SOURCES:
        text = src.read_text("utf-8")
        variants = {
            "utf8bom": (text, "utf-8-sig"),
            "utf16le": (text, "utf-16-le"),
            "utf16be": (text, "utf-16-be"),
            "gb18030": (text, "gb18030"),
            "gbk": (_encodable(text, "gbk"), "gbk"),
            "gbk_as_utf8": (_encodable(text, "gbk"), "utf-8"),
            "big5": (_encodable(opencc.OpenCC("s2t").convert(text), "big5"), "big5"),
            "big5_as_utf8": (_encodable(opencc.OpenCC("s2t").convert(text), "big5"), "utf-8"),
        }
        for name, (content, codec) in variants.items():
            bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}.get(codec, b"")
            path = raw / name / src.name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(bom + content.encode(codec))
            encodings[f"{name}__{src.stem}"] = codec
    build(raw, raw.parent / "ds", log=lambda _: None)
    return raw.parent / "ds", encodings


@pytest.mark.parametrize("variant", ["utf8bom", "utf16le", "utf16be", "gb18030"])
def test_every_encoding_gives_the_same_articles(built: Path, encodings_build: tuple[Path, dict], variant: str) -> None:
    original, encoded = _articles(built), _articles(encodings_build[0])
    for src in SOURCES:
        assert encoded[f"{variant}__{src.stem}"] == original[src.stem], (variant, src.name)


@pytest.mark.parametrize(("variant", "twin"), [("gbk", "gbk_as_utf8"), ("big5", "big5_as_utf8")])
def test_gbk_and_big5_decode_like_their_utf8_twin(encodings_build: tuple[Path, dict], variant: str, twin: str) -> None:
    articles = _articles(encodings_build[0])
    for src in SOURCES:
        assert articles[f"{variant}__{src.stem}"] == articles[f"{twin}__{src.stem}"], (variant, src.name)
    assert sum(len(articles[f"{variant}__{s.stem}"]) for s in SOURCES) == 11


def test_the_detected_encoding_is_recorded(encodings_build: tuple[Path, dict]) -> None:
    folder, _ = encodings_build
    docs = pq.read_table(folder / "data/documents/train-00000-of-00001.parquet", columns=["document_id", "encoding", "status"]).to_pylist()
    found = {d["document_id"].split("__")[0]: d["encoding"] for d in docs}
    assert found == {"utf8bom": "utf-8 (BOM)", "utf16le": "utf-16 (BOM)", "utf16be": "utf-16 (BOM)", "gb18030": "gb18030",
                     "gbk": "gb18030", "gbk_as_utf8": "utf-8", "big5": "big5", "big5_as_utf8": "utf-8"}
    assert {d["status"] for d in docs} == {"ok"}


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "build_dataset.py"), *args], capture_output=True, text=True, timeout=300)


BAD = {
    "empty.txt": "no text",
    "blank.txt": "no text",
    "nul.txt": "binary",
    "photo.txt": "binary",
    "garbage.txt": "not valid UTF-8",
    "huge.txt": "larger than the limit",
    "furniture.txt": "no article",
    "outside.txt": "outside the input folder",
    "dangling.txt": "cannot be read",
    "locked.txt": "cannot be read",
}


def test_a_folder_of_good_and_bad_files(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    inp.mkdir()
    for src in SOURCES:
        shutil.copy(src, inp / src.name)
    (inp / "empty.txt").write_bytes(b"")
    (inp / "blank.txt").write_text(" \n\u3000\n\t\r\n", "utf-8")
    (inp / "nul.txt").write_bytes("党建\x00工作".encode())
    (inp / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (inp / "garbage.txt").write_bytes(b"abc \x80\xff\x80\xff def")
    (inp / "huge.txt").write_text("党建工作。" * 20_000, "utf-8")
    (inp / "furniture.txt").write_text("首页 > 新闻中心 > 医院动态\n分享到:\n版权所有:某某市人民医院 技术支持:某某网络科技有限公司\n", "utf-8")
    (tmp_path / "secret.txt").write_text("外面的文件。", "utf-8")
    (inp / "outside.txt").symlink_to(tmp_path / "secret.txt")
    (inp / "dangling.txt").symlink_to(inp / "gone.txt")
    (inp / "locked.txt").write_text("标题\n正文。", "utf-8")
    (inp / "locked.txt").chmod(0)
    if os.access(inp / "locked.txt", os.R_OK):  # root reads anything: a folder named *.txt cannot be read as a file
        (inp / "locked.txt").unlink()
        (inp / "locked.txt").mkdir()
        (inp / "locked.txt" / "inner.md").write_text("标题\n\n正文第一句,医院党委开展活动。", "utf-8")
    (inp / ".hidden.txt").write_text("隐藏的文件不读。", "utf-8")

    result = _cli("--input", str(inp), "--output", str(tmp_path / "out"), "--max-bytes", "50000")
    assert result.returncode == 0, result.stderr
    docs = {d["document_id"]: d for d in pq.read_table(tmp_path / "out/data/documents/train-00000-of-00001.parquet").to_pylist()}
    for name, reason in BAD.items():
        doc_id = name.removesuffix(".txt")
        if doc_id == "locked" and doc_id not in docs:
            continue  # became a folder (running as root); its inner file is read instead
        assert docs[doc_id]["status"] == "rejected" and reason in docs[doc_id]["error"], (name, docs[doc_id]["error"])
        assert f"rejected {name}" in result.stderr
    assert ".hidden" not in docs
    assert sum(d["n_articles"] for d in docs.values() if d["document_id"][:3].isdigit()) == 11
    assert "11 articles" in result.stderr or "12 articles" in result.stderr

    strict = _cli("--input", str(inp), "--output", str(tmp_path / "out2"), "--max-bytes", "50000", "--strict")
    assert strict.returncode == 1 and not (tmp_path / "out2").exists()  # decided before anything is put in place


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--input", "{tmp}/a.txt"], "is not a folder"),
        (["--input", "{tmp}/in", "--output", "{tmp}"], "inside the output folder"),
        (["--max-bytes", "many"], "not a whole number: 'many'"),
        (["--input"], "expected one argument"),
    ],
)
def test_more_command_line_errors(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "x.txt").write_text("标题\n\n医院党委开展主题党日活动。", "utf-8")
    (tmp_path / "a.txt").write_text("x", "utf-8")
    before = sorted(p.name for p in tmp_path.rglob("*"))
    result = _cli(*[a.format(tmp=tmp_path) for a in args])
    assert result.returncode == 2 and message in result.stderr
    assert result.stderr.strip().count("\n") == 0
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_a_second_build_of_the_same_folder_waits_its_turn(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "ds"
    build(RAW, out, log=lambda _: None)
    with open(lock_path(out), "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        monkeypatch.setattr(write, "LOCK_WAIT", 0.3)
        with pytest.raises(BuildLocked, match="another build is writing"):
            build(RAW, out, log=lambda _: None)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ds"]


def test_recover_puts_back_a_dataset_moved_aside(tmp_path: Path) -> None:
    """What a build killed between the two renames of the fallback swap leaves behind;
    only folders that prove they are this tool's (a manifest naming the dataset, a name in
    the lock file's ledger) are touched."""
    (tmp_path / ".ds.old-x1").mkdir()
    (tmp_path / ".ds.old-x1" / "README.md").write_text("previous", "utf-8")
    (tmp_path / ".ds.old-x1" / "manifest.json").write_text('{"dataset": "hospital_party_news"}', "utf-8")
    (tmp_path / ".ds.tmp-y2").mkdir()
    lock_path(tmp_path / "ds").parent.mkdir(parents=True, exist_ok=True)
    lock_path(tmp_path / "ds").write_text(".ds.tmp-y2\n", "utf-8")  # the ledger of the build that made it
    (tmp_path / ".ds.tmp-users").mkdir()  # named like ours, but nothing proves it is
    (tmp_path / ".ds.tmp-users" / "keep.txt").write_text("mine", "utf-8")
    recover(tmp_path / "ds")
    assert (tmp_path / "ds" / "README.md").read_text("utf-8") == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".ds.tmp-users", "ds"]


def test_swap_in_replaces_the_folder_whole(tmp_path: Path) -> None:
    for name, content in (("ds", "old"), ("new", "new")):
        (tmp_path / name).mkdir()
        (tmp_path / name / f"{content}.txt").write_text(content, "utf-8")
    swap_in(tmp_path / "new", tmp_path / "ds")
    assert [p.name for p in (tmp_path / "ds").iterdir()] == ["new.txt"]
    assert [p.name for p in tmp_path.iterdir()] == ["ds"]
