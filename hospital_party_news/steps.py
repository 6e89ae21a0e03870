"""The processing steps and their runner, as datatrove's pipeline blocks: one
``Document`` flows through named steps; the runner owns the status check (a rejected
document passes the remaining steps untouched) and the error capture (a bug on one odd
file rejects that file, with the step's name, instead of sinking the build), and keeps
counters of what each step did. Counters add up over batches into ``manifest.json`` and a
table on the card.

Counters per step: ``documents`` (that reached it), ``rejected`` (by it), ``errors``
(exceptions caught), ``flag:<name>`` (document quality flags it raised); after the
segmenter ``role:<role>`` and ``rule:<rule>`` (line pieces given each role, and by each rule); after extraction ``articles``,
``drafts_dropped`` (article drafts without a body) and ``article_flag:<name>``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial

from .clean import clean_document
from .enrich import enrich_document
from .extract import extract_document
from .records import Document
from .segment import segment_document
from .validate import validate_document


@dataclass(frozen=True)
class Step:
    """A named document → document function."""

    name: str
    run: Callable[[Document], Document]


def default_steps(today: dt.date | None = None) -> tuple[Step, ...]:
    """clean → segment → extract → enrich → validate; ``today`` bounds plausible
    publication dates."""
    return (
        Step("clean", clean_document),
        Step("segment", segment_document),
        Step("extract", partial(extract_document, today=today)),
        Step("enrich", enrich_document),
        Step("validate", partial(validate_document, today=today)),
    )


@dataclass
class Runner:
    """Runs documents through ``steps`` and counts what each step did."""

    steps: tuple[Step, ...]
    stats: dict[str, Counter] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.stats = {step.name: Counter() for step in self.steps}

    def __call__(self, doc: Document) -> Document:
        for step in self.steps:
            if doc.status != "ok":
                break
            counts = self.stats[step.name]
            counts["documents"] += 1
            flags_before = set(doc.quality_flags)
            try:
                doc = step.run(doc)
            except Exception as exc:  # a bug on one odd file must not sink the build
                counts["errors"] += 1
                doc.reject(f"processing failed in {step.name}: {type(exc).__name__}: {exc}")
            if doc.status != "ok":
                counts["rejected"] += 1
                continue
            counts.update(f"flag:{flag}" for flag in set(doc.quality_flags) - flags_before)
            if step.name == "segment":
                counts.update(f"role:{line.role}" for line in doc.lines)
                counts.update(f"rule:{line.rule}" for line in doc.lines)
            elif step.name == "extract":
                counts["articles"] += len(doc.articles)
                counts["drafts_dropped"] += len(doc.drafts) - len(doc.articles)  # drafts without a body
                counts.update(f"article_flag:{flag}" for a in doc.articles for flag in a.quality_flags)
        return doc

    def counts(self) -> dict[str, dict[str, int]]:
        """Plain, sorted counters (JSON for the cache and the manifest)."""
        return {name: dict(sorted(c.items())) for name, c in self.stats.items()}


def add_counts(total: dict[str, dict[str, int]], more: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    """Counters of two runs added up.

    >>> add_counts({"clean": {"documents": 2}}, {"clean": {"documents": 1, "errors": 1}, "segment": {}})
    {'clean': {'documents': 3, 'errors': 1}, 'segment': {}}
    """
    out = {name: Counter(c) for name, c in total.items()}
    for name, c in more.items():
        out.setdefault(name, Counter()).update(c)
    return {name: dict(sorted(c.items())) for name, c in out.items()}


def process(doc: Document, steps: Iterable[Step] | None = None) -> Document:
    """One document through the steps (the default ones when None), without keeping counts."""
    return Runner(tuple(steps) if steps is not None else default_steps())(doc)
