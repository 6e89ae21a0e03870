"""Documents derived from the schema and the build: ``schema/`` (Markdown reference and
one JSON Schema per config) and the output folder's README.md (the dataset card with its
YAML metadata). Nothing here is written by hand; ``tests/test_schema_docs.py`` fails when
the committed ``schema/`` differs from what the code generates.
"""

from __future__ import annotations

import hashlib
import json
from importlib import resources
from pathlib import Path

import yaml

from .schema import CONFIGS, DEFAULT_CONFIG, QUALITY_FLAGS, SCHEMA_VERSION, arrow_type_name, card_features, json_schema
from .version import DATASET_VERSION
from .write import parquet_path

_CHECK_WORDS = {
    "unique": "unique",
    "non_empty": "non-empty",
    "simplified": "simplified & clean",
    "nfc": "NFC",
    "ge0": "≥ 0",
    "date_range": "1949-10-01 … build day",
    "flags": "documented flags only",
}


def _checks(names: tuple[str, ...]) -> str:
    words = [_CHECK_WORDS.get(n, n.replace("one_of:", "one of ").replace("|", " / ")) for n in names]
    return ", ".join(words)


def schema_markdown() -> str:
    out = [
        "# hospital_party_news — schema reference",
        "",
        f"Schema version {SCHEMA_VERSION}, dataset version {DATASET_VERSION}. Generated from "
        "`hospital_party_news/schema.py` by `hospital-party-news schema`; do not edit by hand.",
        "",
        "All text is Unicode NFC. Columns without `_original` are in simplified script.",
        "`simplified & clean` means: no pinyin annotation, no U+FFFD, no URL, and no character",
        "that OpenCC t2s (with the documented exceptions) would still change.",
        "",
    ]
    for config in CONFIGS:
        out += [f"## `{config.name}`", "", config.description, "", "| column | type | null | checks | meaning |", "|---|---|---|---|---|"]
        for c in config.columns:
            meaning = c.description.replace("|", "\\|")
            null = "yes" if c.nullable else "no"
            out.append(f"| `{c.name}` | `{arrow_type_name(c.type)}` | {null} | {_checks(c.checks)} | {meaning} |")
        out.append("")
    out += ["## `quality_flags` vocabulary", "", "| flag | meaning |", "|---|---|"]
    out += [f"| `{k}` | {v} |" for k, v in QUALITY_FLAGS.items()]
    out += [
        "",
        "## Cross-config rules (checked by Pandera at every build)",
        "",
        "- `articles.document_id` is a `documents.document_id`; `sections.article_id` is an `articles.article_id`.",
        "- `article_index` runs 0..n-1 within a document, `section_index` 0..n-1 within an article.",
        "- The sections of an article, in order, each as its heading (if any) then its text, joined by `\\n`, give the article's `text` (and likewise `text_original`).",
        "- `documents.n_articles` equals the article rows of that document; `error` is set exactly when `status` is `rejected`.",
        "",
    ]
    return "\n".join(out)


def schema_files() -> dict[str, str]:
    """File name → content of everything in ``schema/``."""
    from .enrich.reference import reference_files
    from .rules import markdown_table

    files = {"SCHEMA.md": schema_markdown(), "RULES.md": markdown_table(), **reference_files()}
    for config in CONFIGS:
        files[f"{config.name}.schema.json"] = json.dumps(json_schema(config), ensure_ascii=False, indent=2) + "\n"
    return files


def write_schema_dir(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in schema_files().items():
        (folder / name).write_text(content, encoding="utf-8")


def _size_category(n: int) -> str:
    for bound, name in ((1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"), (1_000_000, "100K<n<1M")):
        if n < bound:
            return name
    return "1M<n<10M"


DATA_LICENSE = {  # the data's terms, one story everywhere (the code is MIT: pyproject.toml)
    "license": "other",
    "license_name": "publishers-copyright-research-use",
    "license_link": "LICENSE.md",  # written into the dataset folder from data/LICENSE-DATA.md
}


def card_metadata(rows: dict[str, int], arrow_bytes: dict[str, int], parquet_bytes: dict[str, int], content_sha256: str,
                  features: dict[str, list] | None = None) -> dict:
    """The card's YAML front matter as the Hub writes it: configs (so `load_dataset`
    works offline), `dataset_info` per config with features from the schema, `num_bytes`
    and `dataset_size` as the Arrow size that `datasets` computes, `download_size` as the
    Parquet size; and a content hash (datasets caches a local folder by its card YAML, so
    the YAML must change whenever the data does). ``features``: per config, when already
    derived (``sidecar.card_features``)."""
    return {
        "pretty_name": "Hospital Party-Building News (医院党建新闻)",
        "language": ["zh"],
        **DATA_LICENSE,
        "task_categories": ["text-classification", "summarization", "feature-extraction"],
        "task_ids": [],
        "size_categories": [_size_category(rows.get(DEFAULT_CONFIG, 0))],
        "tags": ["chinese", "news", "health", "hospitals", "communist-party", "political-communication"],
        "configs": [
            {
                "config_name": c.name,
                "data_files": [{"split": "train", "path": parquet_path(c.name)}],
                **({"default": True} if c.name == DEFAULT_CONFIG else {}),
            }
            for c in CONFIGS
        ],
        "dataset_info": [
            {
                "config_name": c.name,
                "features": features[c.name] if features else card_features(c),
                "splits": [{"name": "train", "num_bytes": arrow_bytes.get(c.name, 0), "num_examples": rows.get(c.name, 0)}],
                "download_size": parquet_bytes.get(c.name, 0),
                "dataset_size": arrow_bytes.get(c.name, 0),
            }
            for c in CONFIGS
        ],
        "hospital_party_news": {
            "dataset_version": DATASET_VERSION,
            "schema_version": SCHEMA_VERSION,
            "content_sha256": content_sha256,
        },
    }


def data_license() -> str:
    """LICENSE.md of the dataset folder (the card's ``license_link``)."""
    return resources.files("hospital_party_news").joinpath("data/LICENSE-DATA.md").read_text("utf-8")


def card_source() -> str:
    """DATASET_CARD.md shipped with the package (the project's DATASET_CARD.md)."""
    return resources.files("hospital_party_news").joinpath("data/DATASET_CARD.md").read_text("utf-8")


def render_card(parquet: dict[str, dict], arrow_bytes: dict[str, int], summary: str, figures: str = "",
                features: dict[str, list] | None = None) -> str:
    """The output README.md from the Parquet files' entries (config → ``file_entry``)
    and their Arrow sizes (config → ``write.ParquetWriters.arrow_bytes``)."""
    rows = {name: e["rows"] for name, e in parquet.items()}
    sizes = {name: e["size_bytes"] for name, e in parquet.items()}
    content = hashlib.sha256("".join(parquet[c.name]["sha256"] for c in CONFIGS).encode()).hexdigest()
    meta = yaml.safe_dump(card_metadata(rows, arrow_bytes, sizes, content, features), allow_unicode=True, sort_keys=False, width=1000)
    body = card_source().replace("{{version}}", DATASET_VERSION).replace("{{build_summary}}", summary).replace("{{figures}}", figures)
    return f"---\n{meta}---\n\n{body}"
