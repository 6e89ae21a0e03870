"""Named Party campaigns and meetings, from the versioned table ``data/campaigns.tsv``
(rendered into ``schema/CAMPAIGNS.md``). Anniversaries (建党100周年) name a year: the
table's base year plus N, and the name carries N (``建党{n}周年``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .tables import table_rows

_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


@dataclass(frozen=True)
class Campaign:
    name: str
    kind: str  # campaign | congress | plenum | anniversary
    start_year: int
    end_year: int | None
    exact_year: bool
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class CampaignMention:
    name: str
    year: int | None  # the year an anniversary names; None for others


TABLE = "campaigns.tsv"


@cache
def campaigns() -> tuple[Campaign, ...]:
    return tuple(
        Campaign(name, kind, int(start), int(end) if end else None, exact == "1", re.compile(pattern))
        for name, kind, start, end, exact, pattern in table_rows(TABLE)
    )


def chinese_number(text: str) -> int | None:
    """Digits or Chinese numerals up to 一百: 95, 九十五, 一百 / 百.

    >>> chinese_number("九十五"), chinese_number("100"), chinese_number("十"), chinese_number("百")
    (95, 100, 10, 100)
    """
    if text.isdigit():
        return int(text)
    if text in ("百", "一百"):
        return 100
    if "十" in text:
        tens, _, ones = text.partition("十")
        return _DIGITS.get(tens, 1) * 10 + _DIGITS.get(ones, 0)
    return _DIGITS.get(text)


def find_campaigns(text: str) -> list[CampaignMention]:
    """Campaigns in order of first mention, each once (an anniversary once per year).

    >>> find_campaigns("以“两学一做”为契机,庆祝中国共产党成立100周年,学习十九大精神和十九届六中全会")
    [CampaignMention(name='两学一做学习教育', year=None), CampaignMention(name='建党100周年', year=2021), CampaignMention(name='党的十九大', year=None), CampaignMention(name='十九届六中全会', year=None)]
    """
    found: list[tuple[int, CampaignMention]] = []
    for c in campaigns():
        for m in c.pattern.finditer(text):
            year = None
            if c.kind == "anniversary":
                groups = m.groupdict()
                n = 100 if groups.get("hundred") else chinese_number(groups.get("n") or "")
                if n is None:
                    continue
                year = c.start_year + n
            found.append((m.start(), CampaignMention(c.name.format(n=n) if year else c.name, year)))
    out: list[CampaignMention] = []
    for _, mention in sorted(found, key=lambda x: x[0]):
        if mention not in out:
            out.append(mention)
    return out
