"""Read a built dataset into pandas with Arrow-backed dtypes: dates stay dates, lists
stay lists, nullable integers stay integers (``year`` is ``int32[pyarrow]``, not float)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from .schema import CONFIGS, DEFAULT_CONFIG

DEFAULT_PATH = Path("dist/hospital_party_news")


def load(config: str = DEFAULT_CONFIG, path: str | Path = DEFAULT_PATH) -> pd.DataFrame:
    """One config of the dataset built at ``path`` as a DataFrame.

    Raises ``ValueError`` for an unknown config and ``FileNotFoundError`` when ``path``
    holds no build of it.
    """
    names = [c.name for c in CONFIGS]
    if config not in names:
        raise ValueError(f"unknown config {config!r}; choose one of {', '.join(names)}")
    files = sorted((Path(path) / "data" / config).glob("*.parquet"))
    if not files:
        raise FileNotFoundError(f"no Parquet files for config {config!r} under {Path(path) / 'data' / config}; build the dataset first")
    table = pq.read_table(files)
    return table.to_pandas(types_mapper=pd.ArrowDtype)
