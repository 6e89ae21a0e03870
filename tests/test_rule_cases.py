"""Data-driven rule cases, as ftfy's ``test-cases/*.json``: small pages written for the
test (``tests/cases/line_roles.json``), each with the role (and optionally the rule)
expected for some of its lines, the parameters of ``rules.LIMITS`` it pins, and
``status: pass | known-failure``. One parametrised test runs them; a second moves every
parameter one step each way and requires that some case pinning it then fails, so no
parameter can drift unnoticed. The rule table itself is checked for consistency here too.
"""

from __future__ import annotations

import json
import re
from dataclasses import fields, replace
from pathlib import Path

import pytest

from hospital_party_news import rules
from hospital_party_news.clean import clean_document
from hospital_party_news.read import read_document
from hospital_party_news.records import ROLES
from hospital_party_news.segment import segment_document
from hospital_party_news.steps import Runner, Step

CASES = json.loads((Path(__file__).parent / "cases" / "line_roles.json").read_text("utf-8"))
PARAMETERS = [f.name for f in fields(rules.Limits)]
SEGMENT_SOURCE = (Path(rules.__file__).parent / "segment.py").read_text("utf-8")


def roles_of(text: str, tmp_path: Path) -> dict[str, tuple[str, str]]:
    """Each piece's stripped raw text → (role, rule), after cleaning and segmenting."""
    path = tmp_path / "case.txt"
    path.write_text(text, encoding="utf-8")
    doc = Runner((Step("clean", clean_document), Step("segment", segment_document)))(
        read_document(path, path.name, path.stem, tmp_path, 10**6))
    assert doc.status == "ok", doc.error
    return {doc.raw_text[ln.start : ln.end].strip(): (ln.role, ln.rule) for ln in doc.lines}


def misses(case: dict, tmp_path: Path) -> list[str]:
    got = roles_of(case["text"], tmp_path)
    out = [f"{line!r}: role {got.get(line, ('missing', ''))[0]}, expected {role}"
           for line, role in case["expect"].items() if got.get(line, ("missing", ""))[0] != role]
    out += [f"{line!r}: rule {got.get(line, ('', 'missing'))[1]}, expected {rule}"
            for line, rule in case.get("expect_rules", {}).items() if got.get(line, ("", "missing"))[1] != rule]
    return out


def _param(case: dict) -> pytest.param:
    marks = [pytest.mark.xfail(strict=True, reason=case["why"])] if case["status"] == "known-failure" else []
    return pytest.param(case, id=case["name"], marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_rule_case(case: dict, tmp_path: Path) -> None:
    assert misses(case, tmp_path) == [], case["why"]


@pytest.mark.parametrize("name", PARAMETERS)
@pytest.mark.parametrize("step", [-1, 1])
def test_moving_a_parameter_fails_a_case(name: str, step: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pinned = [c for c in CASES if name in c["pins"] and c["status"] == "pass"]
    assert pinned, f"no case pins {name}"
    monkeypatch.setattr(rules, "LIMITS", replace(rules.LIMITS, **{name: getattr(rules.LIMITS, name) + step}))
    assert any(misses(c, tmp_path) for c in pinned), f"moving {name} by {step} fails none of {[c['name'] for c in pinned]}"


def test_every_case_is_well_formed() -> None:
    names = [c["name"] for c in CASES]
    assert len(names) == len(set(names))
    for c in CASES:
        assert c["status"] in ("pass", "known-failure") and c["why"] and c["expect"], c["name"]
        assert set(c["pins"]) <= set(PARAMETERS), c["name"]
        assert set(c["expect"].values()) <= set(ROLES), c["name"]
        assert set(c.get("expect_rules", {}).values()) <= set(rules.RULES_BY_NAME), c["name"]


def test_the_rule_table_is_consistent() -> None:
    assert {r.role for r in rules.RULES} <= set(ROLES)
    assert {p for r in rules.RULES for p in r.params} == set(PARAMETERS), "every parameter belongs to a rule, every rule's parameter exists"
    assert len(rules.RULES_BY_NAME) == len(rules.RULES)
    given = set(re.findall(r'(?:decide|assign)\(\w+, "(\w+)"\)', SEGMENT_SOURCE))
    assert given - set(rules.RULES_BY_NAME) == set(), "the segmenter names a rule the table lacks"
    named = set(re.findall(r'"(\w+)"', SEGMENT_SOURCE))
    assert set(rules.RULES_BY_NAME) - named == set(), "a rule in the table the segmenter never names"
    assert all(reason for _, reason in rules.LIMITS.reasons().values())


def test_the_printed_rule_table_keeps_its_columns() -> None:
    rows = [line for line in rules.markdown_table().splitlines() if line.startswith("| ") and "`" in line]
    assert len(rows) == len(rules.RULES) + len(PARAMETERS)
    assert all(len(re.findall(r"(?<!\\)\|", row)) in (7, 4) for row in rows)  # rule rows: 6 cells; parameter rows: 3
