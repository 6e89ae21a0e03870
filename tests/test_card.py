"""The output card parses as a Hugging Face dataset card; croissant.json validates."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
from conftest import ROOT

from hospital_party_news.schema import CONFIGS
from hospital_party_news.version import DATASET_VERSION


def test_card_parses_with_huggingface_hub(built: Path, loaded: dict) -> None:
    from huggingface_hub import DatasetCard, DatasetCardData

    card = DatasetCard.load(built / "README.md")
    assert isinstance(card.data, DatasetCardData)
    data = card.data.to_dict()
    assert data["license"] == "other" and data["language"] == ["zh"]
    assert data["pretty_name"].startswith("Hospital Party-Building News")
    assert data["task_categories"] and data["size_categories"] == ["n<1K"]
    assert [c["config_name"] for c in data["configs"]] == [c.name for c in CONFIGS]
    for info, config in zip(data["dataset_info"], CONFIGS, strict=True):
        assert [f["name"] for f in info["features"]] == [c.name for c in config.columns]
    counts = {info["config_name"]: info["splits"][0]["num_examples"] for info in data["dataset_info"]}
    assert counts == {name: len(frame) for name, frame in loaded.items()} and counts["articles"] == 11


def test_card_covers_what_a_reader_needs(built: Path) -> None:
    text = (built / "README.md").read_text("utf-8")
    for heading in ("## Structure", "## How the data was processed", "## Personal information",
                    "## Bias and limitations", "## Licence", "## Citation", "## Versions"):
        assert heading in text
    assert f"version {DATASET_VERSION}" in text and not re.search(r"\{\{\w+\}\}", text)
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text("utf-8"))
    assert cff["version"] == DATASET_VERSION


def test_croissant_validates_and_reads_the_parquet(built: Path, loaded: dict) -> None:
    import mlcroissant as mlc

    doc = json.loads((built / "croissant.json").read_text("utf-8"))
    manifest = {f["path"]: f for f in json.loads((built / "manifest.json").read_text("utf-8"))["outputs"]}
    for dist in doc["distribution"]:
        assert dist["sha256"] == manifest[dist["contentUrl"]]["sha256"]
    dataset = mlc.Dataset(jsonld=str(built / "croissant.json"))
    assert dataset.metadata.issues.errors == set() and dataset.metadata.issues.warnings == set()
    records = list(dataset.records("articles"))
    assert sorted(r["articles/article_id"].decode() for r in records) == sorted(loaded["articles"].article_id)
    first = next(r for r in records if r["articles/article_id"].endswith(b"003_a65279c85b322aac-000"))
    assert [r.decode() for r in first["articles/reporters"]] == ["唐首政"]
    assert all(set(p) == {"articles/people/name", "articles/people/role"} for p in first["articles/people"])
