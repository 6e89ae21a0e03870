"""Dates, in one place: the pieces every date pattern is built from, the publication-date
parser (a full date with a year, and a time when given: ``parse_date``), and the event-date
extractor (what the prose states, partial forms kept: ``event_dates``).

They differ on purpose: a publication date must be complete and plausible (between the
founding of the PRC and the build day), while an event date keeps what the text says,
``--10-31`` when no year is given.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

YEAR = r"(?:19|20)\d\d"  # a four-digit year of the 20th or 21st century

# ---------------------------------------------------------------- publication dates

_TIME = r"(?:[\sT]*(?P<H>\d{1,2})[::时](?P<M>\d{2})(?:[::分](?P<S>\d{2}))?)?"
DATE_PATTERNS = (
    re.compile(rf"(?P<y>{YEAR})\s*[-/.]\s*(?P<m>\d{{1,2}})\s*[-/.]\s*(?P<d>\d{{1,2}})(?!\d){_TIME}"),
    re.compile(rf"(?P<y>{YEAR})年(?P<m>\d{{1,2}})月(?P<d>\d{{1,2}})日{_TIME}"),
    re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>{YEAR}){_TIME}"),
    re.compile(rf"(?<!\d)(?P<y>{YEAR})\s+(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})(?!\d){_TIME}"),
    # A line holding only a date and the view count glued to it, the labels having been
    # icons (2022-01-047023): month and day in two digits each say where the date ends.
    # (a short source name may stand before it: 河南健康网 2022-04-27363338)
    re.compile(rf"^\s*(?:[^\s\d]{{2,20}}\s+)?(?P<y>{YEAR})-(?P<m>\d{{2}})-(?P<d>\d{{2}})\d{{1,9}}\s*${_TIME}"),
    # A publication date glued to the text's first sentence, which opens with its own day
    # (发布时间:2023/4/234月23日是第28个“世界读书日”): the month and day after it say where it ends.
    re.compile(rf"(?P<y>{YEAR})\s*[-/.]\s*(?P<m>\d{{1,2}})\s*[-/.]\s*(?P<d>\d{{1,2}})(?=\d{{1,2}}月\d{{1,2}}日){_TIME}"),
    # A year in two digits, only right after a publication label (发布时间 : 20-07-02): this century.
    re.compile(rf"(?:发布|发表|更新)(?:时间|日期)\s*[::]\s*(?P<yy>\d{{2}})-(?P<m>\d{{2}})-(?P<d>\d{{2}})(?![\d-]){_TIME}"),
)
EARLIEST = dt.date(1949, 10, 1)
# What a site's software prints when a date field is empty (time 0 of Unix): a date line,
# but no publication date.
UNIX_EPOCH = dt.date(1970, 1, 1)


def _day(m: re.Match[str]) -> dt.date:
    """The date a pattern matched (ValueError when there is none such: 2020-02-30)."""
    year = int(m["y"]) if m.re.groupindex.get("y") else 2000 + int(m["yy"])
    return dt.date(year, int(m["m"]), int(m["d"]))


@dataclass
class Published:
    date: dt.date
    at: dt.datetime | None


def parse_date(text: str, today: dt.date | None = None) -> Published | None:
    """The first plausible date (and time) in a text.

    >>> parse_date("发布日期:2025-06-04 15:36:56 浏览次数:")
    Published(date=datetime.date(2025, 6, 4), at=datetime.datetime(2025, 6, 4, 15, 36, 56))
    >>> parse_date("06.07.2018 18:46").date, parse_date("2018年1月25日").at
    (datetime.date(2018, 7, 6), None)
    >>> parse_date("2023 03-10 10:19").at
    datetime.datetime(2023, 3, 10, 10, 19)
    >>> parse_date("2022-01-047023").date, parse_date("活动于2022-01-047023举行")
    (datetime.date(2022, 1, 4), None)
    >>> parse_date("河南健康网 2022-04-27363338").date
    datetime.date(2022, 4, 27)
    >>> parse_date("发布时间 : 20-07-02").date, parse_date("编号 20-07-02"), parse_date("发布时间:20-07-02-1")
    (datetime.date(2020, 7, 2), None, None)
    """
    today = today or dt.date.today()
    for pattern in DATE_PATTERNS:
        for m in pattern.finditer(text):
            try:
                day = _day(m)
            except ValueError:
                continue
            if not EARLIEST <= day <= today:
                continue
            at = None
            if m["H"] is not None:
                try:
                    at = dt.datetime(day.year, day.month, day.day, int(m["H"]), int(m["M"]), int(m["S"] or 0))
                except ValueError:
                    at = None
            return Published(day, at)
    return None


def latest_date(text: str) -> dt.date | None:
    """The latest well-formed date written anywhere in ``text``, whatever the build day
    (``parse_date`` skips dates after the build day, so a result is the same for every
    build day on or after this one).

    >>> latest_date("2019年5月4日 … 2031-01-02 … 2020/2/30")
    datetime.date(2031, 1, 2)
    """
    days = []
    for pattern in DATE_PATTERNS:
        for m in pattern.finditer(text):
            try:
                days.append(_day(m))
            except ValueError:
                continue
    return max(days, default=None)


# ---------------------------------------------------------------- event dates

_YEAR = rf"(?P<y>{YEAR})\s*年\s*"
_MONTH = r"(?P<m>1[0-2]|0?[1-9])\s*月\s*"
_DAY = r"(?P<d>3[01]|[12]\d|0?[1-9])\s*(?:日|号)"
_RANGE_END = r"(?:\s*(?:-+|—+|~|至|到)\s*(?P<d2>3[01]|[12]\d|0?[1-9])\s*(?:日|号))?"
_DATE = re.compile(
    rf"(?<!\d)(?:{_YEAR})?{_MONTH}(?:(?P<d1>3[01]|[12]\d|0?[1-9])\s*(?:日|号)?{_RANGE_END}(?!\d))?"
    rf"|(?<!\d)(?P<iy>{YEAR})[-/.](?P<im>1[0-2]|0?[1-9])[-/.](?P<id>3[01]|[12]\d|0?[1-9])(?!\d)"
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
