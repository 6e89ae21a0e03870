"""schema/ and the card's YAML are derived from schema.py and must stay in step with it."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import yaml
from conftest import ROOT

from hospital_party_news.docs import schema_files
from hospital_party_news.schema import CONFIGS
from hospital_party_news.version import DATASET_VERSION
from hospital_party_news.write import parquet_path


def test_committed_schema_docs_are_up_to_date() -> None:
    for name, content in schema_files().items():
        path = ROOT / "schema" / name
        assert path.exists(), f"schema/{name} missing: run `hospital-party-news schema`"
        assert path.read_text("utf-8") == content, f"schema/{name} is stale: run `hospital-party-news schema`"


def test_every_column_is_documented_and_typed_as_written(built: Path) -> None:
    doc = (ROOT / "schema" / "SCHEMA.md").read_text("utf-8")
    for config in CONFIGS:
        written = pq.read_schema(built / parquet_path(config.name))
        assert written.names == [c.name for c in config.columns]
        assert written.metadata[b"hospital_party_news.dataset_version"].decode() == DATASET_VERSION
        for c in config.columns:
            assert f"| `{c.name}` |" in doc
            assert written.field(c.name).type == c.type
        schema = json.loads((ROOT / "schema" / f"{config.name}.schema.json").read_text("utf-8"))
        assert list(schema["properties"]) == written.names


def test_card_yaml_declares_the_configs(built: Path) -> None:
    text = (built / "README.md").read_text("utf-8")
    meta = yaml.safe_load(text.split("---\n")[1])
    assert [c["config_name"] for c in meta["configs"]] == ["articles", "sections", "documents"]
    assert meta["configs"][0]["default"] is True
    assert meta["hospital_party_news"]["dataset_version"] == DATASET_VERSION
    assert meta["language"] == ["zh"]
    rows = {i["config_name"]: i["splits"][0]["num_examples"] for i in meta["dataset_info"]}
    assert rows == {"articles": 11, "sections": 19, "documents": 5}
    assert "{{version}}" not in text and "{{build_summary}}" not in text


def test_manifest_lists_inputs_and_outputs(built: Path) -> None:
    manifest = json.loads((built / "manifest.json").read_text("utf-8"))
    assert manifest["dataset_version"] == DATASET_VERSION
    assert {i["status"] for i in manifest["inputs"]} == {"ok"} and len(manifest["inputs"]) == 5
    outputs = {o["path"]: o for o in manifest["outputs"]}
    assert outputs[parquet_path("articles")]["rows"] == 11
    assert "README.md" in outputs and "opencc" in manifest["dependencies"]
