"""Property-based: arbitrary text and bytes never crash the builder, and every accepted
document keeps the invariants (every line accounted for, clean simplified columns, spans
on their text, Pandera valid)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import opencc
from conftest import RAW, uncovered
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hospital_party_news.read import read_document
from hospital_party_news.records import Document
from hospital_party_news.steps import default_steps, process
from hospital_party_news.validate import validate_tables
from hospital_party_news.write import build_tables, document_row

STEPS = default_steps()
SOURCE_LINES = [line for f in sorted(RAW.glob("*.txt")) for line in f.read_text("utf-8").splitlines()]
TO_TRADITIONAL = opencc.OpenCC("s2t")
PINYIN = st.sampled_from(["(dǎng)", "(jiàn)", "(yī)", "(yuàn)", "(lǐng)"])
FURNITURE = st.sampled_from(["分享到:", "责任编辑:张三", "延伸阅读", "http://www.example.com/a.html", "", "", "## 一、党建引领",
                             "本报北京5月3日讯(记者 王一 通讯员 李二)", "2024-05-03 10:00:00", "【党日活动】"])


@st.composite
def annotated(draw: st.DrawFn) -> str:
    """A source line in traditional script with pinyin glued after some characters."""
    line = TO_TRADITIONAL.convert(draw(st.sampled_from(SOURCE_LINES)))
    return re.sub(r"([\u4e00-\u9fff])", lambda m: m.group(1) + (draw(PINYIN) if draw(st.booleans()) else ""), line, count=3)


LINE = st.one_of(
    st.sampled_from(SOURCE_LINES),
    st.sampled_from(SOURCE_LINES).map(lambda s: s[: len(s) // 2]),
    annotated(),
    FURNITURE,
    st.text(max_size=60),
)
PAGES = st.lists(LINE, max_size=30).map("\n".join)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _run(tmp_path: Path, data: bytes) -> Document:
    path = tmp_path / "page.txt"
    path.write_bytes(data)
    doc = process(read_document(path, "page.txt", "page", tmp_path, 10**7), STEPS)
    assert not (doc.error or "").startswith("processing failed"), doc.error  # a bug, not a bad file
    validate_tables(build_tables([doc]))  # Pandera and the cross-config rules
    return doc


def _check_invariants(doc: Document) -> None:
    if doc.status != "ok":
        assert doc.error and doc.error[0].islower() and not doc.articles
        return
    pieces = document_row(doc)["line_roles"]
    assert not uncovered(doc.raw_text, pieces)
    for a in doc.articles:
        span = _comparable(doc.raw_text[a.start : a.end])
        if a.script == "simplified" and not a.quality_flags:
            for paragraph in a.text.split("\n"):
                assert _comparable(paragraph)[:6] in span


def _comparable(text: str) -> str:
    """NFC without the spaces, controls and format characters that cleaning removes."""
    return "".join(ch for ch in unicodedata.normalize("NFC", text) if not ch.isspace() and unicodedata.category(ch) not in ("Cc", "Cf"))


@SETTINGS
@given(PAGES)
def test_pages_made_of_real_and_odd_lines(tmp_path: Path, text: str) -> None:
    _check_invariants(_run(tmp_path, text.encode("utf-8", "surrogatepass")))


@SETTINGS
@given(st.text())
def test_any_unicode_text(tmp_path: Path, text: str) -> None:
    _check_invariants(_run(tmp_path, text.encode("utf-8", "surrogatepass")))


@SETTINGS
@given(st.binary(max_size=2000))
def test_any_bytes(tmp_path: Path, data: bytes) -> None:
    _check_invariants(_run(tmp_path, data))
