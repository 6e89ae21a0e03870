"""Activity types: a multi-label classification by cue words from the documented
taxonomy ``data/activity_types.tsv`` (rendered into ``schema/ACTIVITY_TYPES.md``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property

from .tables import table_rows

TITLE_WEIGHT = 2
THRESHOLD = 2


@dataclass(frozen=True)
class ActivityType:
    label: str
    label_en: str  # for figures, whose fonts may lack Chinese glyphs
    definition: str
    cues: tuple[str, ...]

    @cached_property  # compiled once per type, not once per article
    def pattern(self) -> re.Pattern[str]:
        return re.compile("|".join(map(re.escape, self.cues)))


@cache
def taxonomy() -> tuple[ActivityType, ...]:
    rows = table_rows("activity_types.tsv")
    return tuple(ActivityType(label, en, definition, tuple(cues.split("|"))) for label, en, definition, cues in rows)


def activity_types(title: str, body: str) -> list[str]:
    """Labels in taxonomy order.

    >>> activity_types("内科第三党支部开展主题党日活动", "为村民义诊,测血压60余人次。")
    ['主题党日', '义诊与健康服务']
    >>> activity_types("", "开展义诊。")
    []
    """
    labels = []
    for t in taxonomy():
        score = TITLE_WEIGHT * len(t.pattern.findall(title)) + len(t.pattern.findall(body))
        if score >= THRESHOLD:
            labels.append(t.label)
    return labels
