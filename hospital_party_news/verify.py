"""``hospital-party-news verify DIR``: re-hash a built folder against its manifest.

A release is only what its manifest says it is: every listed file present with the same
sha256, size and row count, no file that is not listed, and one dataset version in the
manifest, the card and every Parquet file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import yaml

from .write import file_entry

MANIFEST = "manifest.json"
_VERSION_KEY = b"hospital_party_news.dataset_version"


class NotADataset(Exception):
    """The folder has no readable manifest."""


def read_manifest(folder: Path) -> dict:
    path = folder / MANIFEST
    if not folder.is_dir():
        raise NotADataset(f"{folder} is not a folder")
    if not path.is_file():
        raise NotADataset(f"{folder} has no {MANIFEST}; is it a built dataset?")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise NotADataset(f"{path} is not valid JSON ({exc})") from exc


def card_yaml(card: Path) -> dict:
    """The YAML front matter of a card (``---`` … ``---``), or {} when it has none."""
    text = card.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return {}
    return yaml.safe_load(text[4 : text.index("\n---", 4)]) or {}


def verify(folder: Path) -> list[str]:
    """Every mismatch between ``folder`` and its manifest, one sentence each; [] = intact."""
    manifest = read_manifest(folder)
    problems: list[str] = []
    listed = {entry["path"]: entry for entry in manifest.get("outputs", [])}
    present = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()} - {MANIFEST}
    problems += [f"{path}: listed in the manifest but missing" for path in sorted(listed.keys() - present)]
    problems += [f"{path}: present but not listed in the manifest" for path in sorted(present - listed.keys())]
    readable = set()
    for path in sorted(listed.keys() & present):
        try:
            actual = file_entry(folder, folder / path)
        except Exception as exc:  # a damaged Parquet footer, say
            problems.append(f"{path}: cannot be read ({type(exc).__name__}: {exc})")
            continue
        readable.add(path)
        for key in ("sha256", "size_bytes", "rows"):
            if key in listed[path] and listed[path][key] != actual.get(key):
                problems.append(f"{path}: {key} is {actual.get(key)}, the manifest says {listed[path][key]}")
    problems += _version_problems(folder, manifest.get("dataset_version"), readable)
    return problems


def _version_problems(folder: Path, version: str | None, paths: set[str]) -> list[str]:
    problems = []
    for path in sorted(p for p in paths if p.endswith(".parquet")):
        meta = pq.read_schema(folder / path).metadata or {}
        found = meta.get(_VERSION_KEY, b"").decode() or None
        if found != version:
            problems.append(f"{path}: dataset version {found}, the manifest says {version}")
    if "README.md" in paths:
        found = card_yaml(folder / "README.md").get("hospital_party_news", {}).get("dataset_version")
        if found != version:
            problems.append(f"README.md: dataset version {found}, the manifest says {version}")
    return problems
