"""Dates in the prose, normalised, and the article's year with where it came from.

``event_dates`` keeps what the text states: ``2018-11-09`` for a full date, ``2021-09``
for a month, ``--10-31`` (ISO 8601's form without a year) when no year is given.
"""

from __future__ import annotations

import datetime as dt
import re

_YEAR = r"(?P<y>(?:19|20)\d\d)\s*年\s*"
_MONTH = r"(?P<m>1[0-2]|0?[1-9])\s*月\s*"
_DAY = r"(?P<d>3[01]|[12]\d|0?[1-9])\s*(?:日|号)"
_RANGE_END = r"(?:\s*(?:-+|—+|~|至|到)\s*(?P<d2>3[01]|[12]\d|0?[1-9])\s*(?:日|号))?"
_DATE = re.compile(
    rf"(?<!\d)(?:{_YEAR})?{_MONTH}(?:(?P<d1>3[01]|[12]\d|0?[1-9])\s*(?:日|号)?{_RANGE_END}(?!\d))?"
    rf"|(?<!\d)(?P<iy>(?:19|20)\d\d)[-/.](?P<im>1[0-2]|0?[1-9])[-/.](?P<id>3[01]|[12]\d|0?[1-9])(?!\d)"
)


def _valid(y: int | None, m: int, d: int | None) -> bool:
    try:
        dt.date(y or 2000, m, d or 1)  # 2000 is a leap year: 2月29日 without a year is valid
    except ValueError:
        return False
    return True


def event_dates(text: str) -> list[str]:
    """Dates stated in ``text``, in order, each once.

    >>> event_dates("2018年11月9--11日在杭州召开;10月31日,…;2021年9月,…;6月")
    ['2018-11-09', '2018-11-11', '--10-31', '2021-09']
    """
    out: list[str] = []
    for m in _DATE.finditer(text):
        if m["iy"]:
            y, mo, days = int(m["iy"]), int(m["im"]), [int(m["id"])]
        else:
            y = int(m["y"]) if m["y"] else None
            mo = int(m["m"])
            days = [int(d) for d in (m["d1"], m["d2"]) if d]
            if not days and y is None:
                continue  # a bare month (6月) is too vague to keep
            if days and not re.search(r"[日号]", m.group()):
                continue  # 11月17 without 日 is not a date here
        for d in days or [None]:
            if not _valid(y, mo, d):
                continue
            year = f"{y:04d}" if y else "-"
            value = f"{year}-{mo:02d}" + (f"-{d:02d}" if d else "")
            if value not in out:
                out.append(value)
    return out


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
