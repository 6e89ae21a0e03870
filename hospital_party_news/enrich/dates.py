"""Dates in the prose, normalised, and the article's year with where it came from.

``event_dates`` keeps what the text states: ``2018-11-09`` for a full date, ``2021-09``
for a month, ``--10-31`` (ISO 8601's form without a year) when no year is given.
"""

from __future__ import annotations

import datetime as dt

from ..dates import event_dates

__all__ = ["article_year", "event_dates"]

def article_year(
    published: dt.date | None, dateline_dates: list[str], lead_dates: list[str], body_dates: list[str], campaign_years: list[int]
) -> tuple[int | None, str | None]:
    """The article's year and its source, only when the evidence is unambiguous:

    1. ``published``: the publication date;
    2. ``dateline``: a year in the dateline;
    3. ``event_date``: the first dated event in the lead paragraph, or else the one year
       every dated event in the body shares;
    4. ``campaign``: the one year the anniversaries it mentions name (建党100周年 → 2021).

    >>> article_year(None, [], ["2018-01-25"], ["2018-01-25", "2019-05-01"], [])
    (2018, 'event_date')
    >>> article_year(None, [], [], ["2018-01-25", "2019-05-01"], [2021])
    (2021, 'campaign')
    >>> article_year(None, [], [], ["--10-31"], [])
    (None, None)
    """
    if published:
        return published.year, "published"

    def years(dates: list[str]) -> list[int]:
        return [int(d[:4]) for d in dates if not d.startswith("-")]

    if years(dateline_dates):
        return years(dateline_dates)[0], "dateline"
    if years(lead_dates):
        return years(lead_dates)[0], "event_date"
    if len(set(years(body_dates))) == 1:
        return years(body_dates)[0], "event_date"
    if len(set(campaign_years)) == 1:
        return campaign_years[0], "campaign"
    return None, None
