"""hospital_party_news: builds and loads a dataset of Chinese news about hospitals'
Party-building work. ``load(config, path)`` reads a built dataset into pandas."""

from __future__ import annotations

from typing import Any


def load(*args: Any, **kwargs: Any) -> Any:
    """See ``hospital_party_news.loading.load`` (imported on first use: pandas is heavy)."""
    from .loading import load as _load

    return _load(*args, **kwargs)
