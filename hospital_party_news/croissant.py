"""Croissant metadata (``croissant.json``, MLCommons Croissant 1.0, JSON-LD) for a built
folder, derived from the schema and the output files' checksums.

Croissant lets dataset search engines and loaders (``mlcroissant``, TFDS, PyTorch) read the
folder without our code. Lists are ``repeated`` fields, structs have ``subField``s.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from .schema import CONFIGS, Config
from .version import DATASET_VERSION, RELEASE_DATE
from .write import parquet_path

CONFORMS_TO = "http://mlcommons.org/croissant/1.0"

# The Croissant 1.0 JSON-LD context, inlined so that nothing is fetched to read it.
CONTEXT: dict[str, Any] = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/",
    "equivalentProperty": "cr:equivalentProperty",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract",
    "field": "cr:field",
    "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "parentField": "cr:parentField",
    "path": "cr:path",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "samplingRate": "cr:samplingRate",
    "sc": "https://schema.org/",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
}

DESCRIPTION = (
    "Chinese news reports about hospitals' Communist Party building work (党建, 主题党日, "
    "党支部共建, 义诊, 抗疫), cleaned, converted to simplified script, split into articles and "
    "sections, with metadata (institutions, places, people, campaigns, activity types, dates)."
)
CITATION = (
    "@misc{hospital_party_news, title = {Hospital Party-Building News (医院党建新闻)}, "
    f"version = {{{DATASET_VERSION}}}, note = {{Built with the hospital_party_news builder}}}}"
)


def data_type(t: pa.DataType) -> str:
    """The Croissant ``dataType`` of an Arrow scalar type.

    >>> data_type(pa.date32()), data_type(pa.int32()), data_type(pa.string())
    ('sc:Date', 'sc:Integer', 'sc:Text')
    """
    if pa.types.is_integer(t):
        return "sc:Integer"
    if pa.types.is_date(t):
        return "sc:Date"
    if pa.types.is_timestamp(t):
        return "sc:DateTime"
    if pa.types.is_boolean(t):
        return "sc:Boolean"
    return "sc:Text"


def _field(record_set: str, name: str, t: pa.DataType, description: str, source: dict) -> dict[str, Any]:
    field: dict[str, Any] = {"@type": "cr:Field", "@id": f"{record_set}/{name}", "name": name, "description": description}
    if pa.types.is_list(t):
        field["repeated"] = True
        t = t.value_type
    if pa.types.is_struct(t):
        field["subField"] = [
            _field(f"{record_set}/{name}", f.name, f.type, f"`{f.name}` of each item.",
                   {**source, "transform": {"jsonPath": f.name}})
            for f in t
        ]
    else:
        field["dataType"] = data_type(t)
        field["source"] = source
    return field


def record_set(config: Config) -> dict[str, Any]:
    file_id = f"{config.name}-parquet"
    return {
        "@type": "cr:RecordSet",
        "@id": config.name,
        "name": config.name,
        "description": config.description,
        "key": {"@id": f"{config.name}/{config.key}"},
        "field": [
            _field(config.name, c.name, c.type, c.description,
                   {"fileObject": {"@id": file_id}, "extract": {"column": c.name}})
            for c in config.columns
        ],
    }


def croissant(parquet: dict[str, dict], description: str) -> dict[str, Any]:
    """The Croissant document; ``parquet`` maps config name → the output ``file_entry``."""
    return {
        "@context": CONTEXT,
        "@type": "sc:Dataset",
        "conformsTo": CONFORMS_TO,
        "name": "hospital_party_news",
        "alternateName": "Hospital Party-Building News (医院党建新闻)",
        "description": description,
        "version": DATASET_VERSION,
        "inLanguage": "zh",
        "datePublished": RELEASE_DATE,
        "license": "other: the source texts' rights stay with their publishers (see the dataset card, Licence)",
        "citeAs": CITATION,
        "keywords": ["Chinese", "news", "hospitals", "Communist Party building", "political communication"],
        "distribution": [
            {
                "@type": "cr:FileObject",
                "@id": f"{c.name}-parquet",
                "name": f"{c.name}-parquet",
                "description": f"The `{c.name}` config, {parquet[c.name]['rows']} rows.",
                "contentUrl": parquet_path(c.name),
                "contentSize": f"{parquet[c.name]['size_bytes']} B",
                "encodingFormat": "application/x-parquet",
                "sha256": parquet[c.name]["sha256"],
            }
            for c in CONFIGS
        ],
        "recordSet": [record_set(c) for c in CONFIGS],
    }
