"""The step runner: named steps, the status check and error capture in one place,
counters that add up into the manifest and the card."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import RAW

from hospital_party_news.read import read_document
from hospital_party_news.rules import RULES_BY_NAME
from hospital_party_news.steps import Runner, Step, default_steps


def _doc(tmp_path: Path):
    src = RAW / "003_a65279c85b322aac.txt"
    return read_document(src, src.name, "003", RAW, 10**6)


def test_a_failing_step_rejects_the_document_and_is_counted(tmp_path: Path) -> None:
    def broken(doc):
        raise KeyError("boom")

    run = Runner((default_steps()[0], Step("broken", broken), *default_steps()[1:]))
    doc = run(_doc(tmp_path))
    assert doc.status == "rejected" and doc.error == "processing failed in broken: KeyError: 'boom'"
    counts = run.counts()
    assert counts["broken"] == {"documents": 1, "errors": 1, "rejected": 1}
    assert counts["segment"] == {}  # never reached: the runner owns the status check


def test_counters_say_what_each_step_did(tmp_path: Path) -> None:
    run = Runner(default_steps())
    doc = run(_doc(tmp_path))
    counts = run.counts()
    assert counts["clean"]["documents"] == 1
    assert sum(v for k, v in counts["segment"].items() if k.startswith("role:")) == len(doc.lines)
    assert counts["segment"]["role:title"] == 4 and counts["extract"]["articles"] == len(doc.articles) == 4


def test_the_manifest_and_card_carry_the_counters(built: Path) -> None:
    manifest = json.loads((built / "manifest.json").read_text("utf-8"))
    steps = manifest["steps"]
    assert list(steps) == [s.name for s in default_steps()]
    assert all(c["documents"] == 5 for c in steps.values())
    assert steps["extract"]["articles"] == 11
    card = (built / "README.md").read_text("utf-8")
    assert "| segment | 5 | 0 | 0 | " in card


def test_every_line_records_the_rule_that_decided_it(loaded: dict) -> None:
    docs = loaded["documents"]
    for roles, rule_names in zip(docs["line_roles"], docs["line_rules"], strict=True):
        assert len(roles) == len(rule_names) > 0
        assert [r["role"] for r in roles] == [RULES_BY_NAME[name].role for name in rule_names]


def test_counters_count_lines_per_rule(tmp_path: Path) -> None:
    run = Runner(default_steps())
    doc = run(_doc(tmp_path))
    segment = run.counts()["segment"]
    assert sum(v for k, v in segment.items() if k.startswith("rule:")) == len(doc.lines)
    assert segment["rule:headline"] == segment["role:title"] == 4
