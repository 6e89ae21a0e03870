"""The tab-separated tables shipped in ``hospital_party_news/data/``: ``#`` lines are
comments (the first names the table's version), then a header, then rows."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources


@cache
def table_text(name: str) -> str:
    return resources.files("hospital_party_news").joinpath(f"data/{name}").read_text("utf-8")


def table_rows(name: str) -> list[list[str]]:
    """Rows without comments or header.

    >>> table_rows("activity_types.tsv")[0][:2]
    ['主题党日', 'Themed Party day']
    """
    lines = [line for line in table_text(name).splitlines() if line and not line.startswith("#")]
    return [line.split("\t") for line in lines[1:]]


def table_version(name: str) -> str:
    """The version a table states in its first comment.

    >>> table_version("campaigns.tsv")
    '1'
    """
    found = re.search(r"table version (\d+)", table_text(name))
    if found is None:
        raise ValueError(f"data/{name} does not state its table version")
    return found[1]
