"""The output card parses as a Hugging Face dataset card; croissant.json validates."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
from conftest import ROOT

from hospital_party_news.schema import CONFIGS, card_features, hf_features
from hospital_party_news.verify import card_yaml
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


def _blocks(card: str, language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", card, flags=re.S | re.M)


def test_every_example_on_the_card_runs_as_written(built: Path, tmp_path: Path) -> None:
    """A doctest for the card: each Python and SQL block, from the folder that holds the
    dataset, as the card says."""
    import os
    import subprocess
    import sys

    import duckdb

    card = (built / "README.md").read_text("utf-8")
    python, sql = _blocks(card, "python"), _blocks(card, "sql")
    assert len(python) >= 3 and len(sql) >= 2 and "PATH" not in card
    env = {**os.environ, "HF_DATASETS_CACHE": str(tmp_path / "hf"), "HF_HUB_OFFLINE": "1"}
    for block in python:
        run = subprocess.run([sys.executable, "-c", block], cwd=built.parent, capture_output=True, text=True, env=env, timeout=300)
        assert run.returncode == 0, f"{block}\n{run.stderr[-2000:]}"
    here = Path.cwd()
    os.chdir(built.parent)
    try:
        for block in sql:
            for statement in filter(str.strip, re.sub(r"--[^\n]*", "", block).split(";")):
                assert duckdb.sql(statement).fetchall(), statement
    finally:
        os.chdir(here)


def test_card_sizes_are_what_datasets_computes(built: Path, tmp_path: Path) -> None:
    from datasets import load_dataset

    info = {i["config_name"]: i for i in card_yaml(built / "README.md")["dataset_info"]}
    for config in CONFIGS:
        loaded = load_dataset(str(built), config.name, split="train", cache_dir=str(tmp_path / config.name))
        split = info[config.name]["splits"][0]
        computed = loaded.info.splits["train"].num_bytes
        # equal but for bitmap and offset padding, which depends on how datasets batches the rows
        assert abs(split["num_bytes"] - computed) <= computed * 0.005, (config.name, split["num_bytes"], computed)
        assert info[config.name]["dataset_size"] == split["num_bytes"]
        parquet = built / "data" / config.name / "train-00000-of-00001.parquet"
        assert info[config.name]["download_size"] == parquet.stat().st_size


def test_card_features_are_what_datasets_derives(built: Path) -> None:
    """The card's features are written from the schema without importing ``datasets`` at
    build time: they must be exactly what ``datasets`` derives from the Arrow schema, and
    what the built card carries."""
    info = {c["config_name"]: c["features"] for c in card_yaml(built / "README.md")["dataset_info"]}
    for config in CONFIGS:
        assert card_features(config) == hf_features(config)._to_yaml_list() == info[config.name], config.name


def test_one_licence_story() -> None:
    """Code MIT, data under the publishers' terms: the same in every place that states it."""
    import tomllib

    from hospital_party_news.docs import DATA_LICENSE, data_license

    assert tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["license"] == {"text": "MIT"}
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text("utf-8"))
    assert cff["type"] == "dataset" and "license" not in cff  # no SPDX id fits the data
    assert DATA_LICENSE == {"license": "other", "license_name": "publishers-copyright-research-use", "license_link": "LICENSE.md"}
    readme, card = (ROOT / "README.md").read_text("utf-8"), (ROOT / "DATASET_CARD.md").read_text("utf-8")
    for text in (readme, card, data_license()):
        assert "publishers-copyright-research-use" in text and "MIT" in text


def test_the_license_file_is_in_the_dataset(built: Path) -> None:
    from huggingface_hub import DatasetCard

    data = DatasetCard.load(built / "README.md").data.to_dict()
    assert "license_details" not in data
    assert (built / data["license_link"]).is_file()
