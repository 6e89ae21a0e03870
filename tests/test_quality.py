"""The regression gate, as trafilatura gates its CI on its evaluation data: the five
source texts and the corpus tune split are built, loaded and scored with ``evaluate``;
no metric may fall below its floor in ``eval/floors.json`` (today's values when the gate
was set; raised as the rules improve, never lowered without a note in the CHANGELOG), and
the quality table in README.md must be the one ``tools/quality_table.py`` renders from
``eval/results.json``. The holdout split is not scored here: it is measured rarely, by hand."""

from __future__ import annotations

import importlib.util
import json

import pytest
from conftest import ROOT

from hospital_party_news.evaluate import THRESHOLDS, evaluate

FLOORS = json.loads((ROOT / "eval" / "floors.json").read_text("utf-8"))
RESULTS = json.loads((ROOT / "eval" / "results.json").read_text("utf-8"))
GATED = {"source texts": ("eval/source", "all"), "corpus tune": ("eval/corpus", "tune")}


@pytest.fixture(scope="module", params=list(GATED))
def report(request: pytest.FixtureRequest):
    folder, split = GATED[request.param]
    return request.param, evaluate(ROOT / folder, split)


def test_no_metric_falls_below_its_floor(report) -> None:
    name, result = report
    floors = FLOORS[name]
    assert set(floors) == set(THRESHOLDS)
    assert result.failures(floors) == [], {m: (result.metrics[m], floors[m]) for m in result.failures(floors)}


def test_the_readme_table_is_todays_measurement(report) -> None:
    name, result = report
    recorded = RESULTS[name]["metrics"]
    assert {k: round(v, 6) for k, v in result.metrics.items()} == recorded, "run python tools/quality_table.py"
    assert (RESULTS[name]["files"], RESULTS[name]["articles"]) == (result.n_files, result.n_articles)


def test_the_readme_table_is_rendered_from_the_results() -> None:
    spec = importlib.util.spec_from_file_location("quality_table", ROOT / "tools" / "quality_table.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    readme = (ROOT / "README.md").read_text("utf-8")
    assert module.render(RESULTS) in readme
