"""Nothing lost: every non-blank raw line has a role; spans point at the right text."""

from __future__ import annotations

import itertools
import re

import pandas as pd
from conftest import uncovered

from hospital_party_news.records import ROLES


def test_every_nonblank_line_is_accounted_for(loaded: dict[str, pd.DataFrame]) -> None:
    for doc in loaded["documents"].itertuples():
        assert {p["role"] for p in doc.line_roles} <= set(ROLES)
        missing = uncovered(doc.raw_text, list(doc.line_roles))
        assert not missing, f"{doc.document_id}: characters without a role: {missing[:3]}"


def test_roles_cover_the_expected_kinds(loaded: dict[str, pd.DataFrame]) -> None:
    roles = {doc.document_id[:3]: {p["role"] for p in doc.line_roles} for doc in loaded["documents"].itertuples()}
    assert {"title", "date", "body", "credit"} <= roles["001"]
    assert {"column", "title", "heading", "body"} - {"column"} <= roles["000"]
    assert {"title", "subtitle", "caption", "dateline", "body"} <= roles["003"]
    assert {"boilerplate", "credit", "date", "heading"} <= roles["002"]


def _squash(text: str) -> str:
    return re.sub(r"\s", "", text)


def test_article_and_section_spans_point_at_their_text(loaded: dict[str, pd.DataFrame]) -> None:
    raw = dict(zip(loaded["documents"].document_id, loaded["documents"].raw_text, strict=True))
    for a in loaded["articles"].itertuples():
        span = _squash(raw[a.document_id][a.span_start : a.span_end])
        if a.script == "simplified":
            for paragraph in a.text.split("\n"):
                assert _squash(paragraph)[:12] in span, (a.article_id, paragraph[:20])
        if a.title_original and a.script == "simplified":
            assert _squash(a.title_original)[:8] in span
    for s in loaded["sections"].itertuples():
        span = _squash(raw[s.document_id][s.span_start : s.span_end])
        if s.heading and s.document_id[:3] != "001":
            assert span.startswith(_squash(s.heading))
        for paragraph in s.text.split("\n"):
            if paragraph and s.document_id[:3] != "001":
                assert _squash(paragraph)[:12] in span and _squash(paragraph)[-6:] in span


def test_article_spans_do_not_overlap(loaded: dict[str, pd.DataFrame]) -> None:
    for _, group in loaded["articles"].groupby("document_id"):
        spans = sorted(zip(group.span_start, group.span_end, strict=True))
        assert all(a_end <= b_start for (_, a_end), (b_start, _) in itertools.pairwise(spans))
