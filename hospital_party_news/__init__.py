"""hospital_party_news: builds and loads a dataset of Chinese news about hospitals'
Party-building work. ``load(config, path)`` reads a built dataset into pandas."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .version import BUILDER_VERSION, DATASET_VERSION

if TYPE_CHECKING:
    import pandas as pd

__version__ = BUILDER_VERSION  # the package (builder); the data's version is DATASET_VERSION
__all__ = ["DATASET_VERSION", "__version__", "load"]


def load(config: str = "articles", path: str | Path = "dist/hospital_party_news") -> pd.DataFrame:
    """One config (``articles``, ``sections`` or ``documents``) of the dataset built at
    ``path``, as a pandas DataFrame with Arrow-backed dtypes: dates stay dates, lists stay
    lists, nullable integers stay integers.

    Raises ``ValueError`` for an unknown config and ``FileNotFoundError`` when ``path``
    holds no build of it. (pandas is imported on first use: it is heavy.)
    """
    from .loading import load as _load

    return _load(config, path)
