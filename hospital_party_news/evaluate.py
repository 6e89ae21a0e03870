"""``hospital-party-news evaluate GOLD_DIR``: build a folder of annotated raw pages, load
the result with ``datasets``, and compare it with hand-made gold.

A gold folder holds ``raw/NAME.txt`` and ``gold.jsonl`` (one line per raw file; format in
``eval/GOLD_FORMAT.md``). Metrics, with the definitions of the shared scorer the project
is judged by (``THRESHOLDS`` gives each one's bound):

- ``article_count_acc``: files whose number of articles equals the gold's.
- ``title_acc``: gold articles whose headline is found (letters and digits compared, with or
  without the rubric and subtitle), or, where the gold has none, none was invented.
- ``snippet_recall``: ``must_contain`` snippets found in the article's ``text``.
- ``leak_rate``: ``must_not_contain`` strings found in the article's ``text``.
- ``date_recall`` / ``date_precision``: publication dates right among those the gold gives /
  among those the build gives.
- ``reporter_f1``: reporters and correspondents; ``heading_f1``: section headings.
- ``residue_articles``: built articles whose text keeps pinyin, U+FFFD or traditional script.
- ``province_acc``; ``institution_f1`` (a|b: either name; names of 4+ characters match
  when one contains the other).

Built articles are matched to gold articles by title, else by position. Strings compare
after NFKC, pinyin removal, whitespace and dash removal and conversion to simplified.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .script import to_simplified_raw

SPLITS = ("tune", "holdout", "all")
# metric → (direction, bound): the shared thresholds the product is judged by
THRESHOLDS: dict[str, tuple[str, float]] = {
    "article_count_acc": (">=", 0.95),
    "title_acc": (">=", 0.95),
    "snippet_recall": (">=", 0.97),
    "leak_rate": ("<=", 0.02),
    "date_recall": (">=", 0.95),
    "date_precision": (">=", 0.95),
    "reporter_f1": (">=", 0.90),
    "heading_f1": (">=", 0.90),
    "residue_articles": ("<=", 0),
    "province_acc": (">=", 0.90),
    "institution_f1": (">=", 0.80),
}
PINYIN = re.compile(r"\((?:[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*)\)")
_DASHES = frozenset("—–―-－‐‑‒⸺⸻")
_RUBRIC = re.compile(r"^\s*[【\[]([^】\]]{1,20})[】\]]\s*")
_PROVINCE_SUFFIX = re.compile(r"(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$")
MIN_CONTAINED_NAME = 4  # institution names this long match when one contains the other


# ---------------------------------------------------------------- gold


@dataclass
class GoldDocument:
    file: str
    articles: list[dict]
    split: str = "tune"
    layout_kinds: list[str] = field(default_factory=list)
    source_url: str | None = None

    @property
    def document_id(self) -> str:
        return Path(self.file).stem


def read_gold(folder: Path, split: str = "all") -> list[GoldDocument]:
    """The gold lines of ``folder/gold.jsonl`` on ``split`` (a file without a split counts as tune)."""
    docs = []
    for number, line in enumerate((folder / "gold.jsonl").read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{folder / 'gold.jsonl'} line {number} is not JSON ({exc.msg})") from exc
        doc = GoldDocument(raw["file"], raw["articles"], raw.get("split", "tune"), raw.get("layout_kinds", []), raw.get("source_url"))
        if split in ("all", doc.split):
            docs.append(doc)
    return docs


# ---------------------------------------------------------------- comparing strings


def comparable(text: str | None) -> str:
    """A string as gold and build are compared.

    >>> comparable("醫(yī)院 黨建—— 活動")
    '医院党建活动'
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", PINYIN.sub("", text))
    return to_simplified_raw("".join(ch for ch in text if not ch.isspace() and ch not in _DASHES))


def title_key(text: str | None) -> str:
    """Letters and digits only, so that ``|``, ``——`` and spacing do not matter."""
    return "".join(ch for ch in comparable(text) if ch.isalnum())


def _title_keys(row: dict) -> set[str]:
    title = _RUBRIC.sub("", row.get("title") or "")
    return {title_key(c + title + s) for c in {"", row.get("column") or ""} for s in {"", row.get("subtitle") or ""}}


def _shown_title(row: dict | None) -> str | None:
    if row is None:
        return None
    return " | ".join(p for p in (row.get("column"), _RUBRIC.sub("", row.get("title") or ""), row.get("subtitle")) if p)


def _institution_match(gold_names: list[str], built: str) -> bool:
    return any(g == built or (min(len(g), len(built)) >= MIN_CONTAINED_NAME and (g in built or built in g)) for g in gold_names)


# ---------------------------------------------------------------- tallies


@dataclass
class Tally:
    """Counts that the metrics are ratios of; tallies of several documents add up."""

    docs: int = 0
    docs_ok: int = 0
    titles: int = 0
    titles_ok: int = 0
    snippets: int = 0
    snippets_ok: int = 0
    forbidden: int = 0
    leaked: int = 0
    dates_gold: int = 0
    dates_built: int = 0
    dates_ok: int = 0
    people: tuple[int, int, int] = (0, 0, 0)  # hits, built, gold
    headings: tuple[int, int, int] = (0, 0, 0)
    institutions: tuple[int, int, int] = (0, 0, 0)
    provinces: int = 0
    provinces_ok: int = 0
    residue: int = 0

    def __add__(self, other: Tally) -> Tally:
        out = Tally()
        for name in self.__dataclass_fields__:
            a, b = getattr(self, name), getattr(other, name)
            setattr(out, name, tuple(x + y for x, y in zip(a, b, strict=True)) if isinstance(a, tuple) else a + b)
        return out

    def metrics(self) -> dict[str, float]:
        return {
            "article_count_acc": _ratio(self.docs_ok, self.docs),
            "title_acc": _ratio(self.titles_ok, self.titles),
            "snippet_recall": _ratio(self.snippets_ok, self.snippets),
            "leak_rate": _ratio(self.leaked, self.forbidden, empty=0.0),
            "date_recall": _ratio(self.dates_ok, self.dates_gold),
            "date_precision": _ratio(self.dates_ok, self.dates_built),
            "reporter_f1": _f1(*self.people),
            "heading_f1": _f1(*self.headings),
            "residue_articles": float(self.residue),
            "province_acc": _ratio(self.provinces_ok, self.provinces),
            "institution_f1": _f1(*self.institutions),
        }


def _ratio(part: float, whole: float, empty: float = 1.0) -> float:
    return part / whole if whole else empty


def _f1(hits: int, built: int, gold: int) -> float:
    precision, recall = _ratio(hits, built), _ratio(hits, gold)
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _list_hits(built: Iterable[str], gold: Iterable[str]) -> tuple[int, int, int]:
    b = [comparable(x) for x in built if comparable(x)]
    g = [comparable(x) for x in gold if comparable(x)]
    return sum(1 for x in g if x in b), len(b), len(g)


def _add(a: tuple[int, int, int], b: tuple[int, int, int]) -> tuple[int, int, int]:
    return a[0] + b[0], a[1] + b[1], a[2] + b[2]


# ---------------------------------------------------------------- scoring


def score_document(gold: GoldDocument, built: list[dict], headings: dict[str, list[str]]) -> tuple[Tally, list[str]]:
    """One gold file against its built articles (in ``article_index`` order) and the
    section headings of each built article. Returns the tally and every miss."""
    t, misses = Tally(docs=1), []
    name = gold.document_id
    if len(built) == len(gold.articles):
        t.docs_ok = 1
    else:
        misses.append(f"{name}: {len(built)} articles, gold {len(gold.articles)}")
    used: set[int] = set()
    for position, g in enumerate(gold.articles):
        index = next((i for i, r in enumerate(built) if i not in used and title_key(g["title"]) in _title_keys(r)), None)
        if index is None and position < len(built) and position not in used:
            index = position
        row = built[index] if index is not None else None
        if index is not None:
            used.add(index)
        _score_article(t, misses, name, g, row, headings.get(row["article_id"], []) if row else [])
    return t, misses


def _score_article(t: Tally, misses: list[str], name: str, g: dict, row: dict | None, built_headings: list[str]) -> None:
    t.titles += 1
    if g["title"]:
        title_ok = row is not None and title_key(g["title"]) in _title_keys(row)
    else:  # no headline in the source: none may be invented
        title_ok = row is not None and not (row.get("title") or "").strip()
    t.titles_ok += title_ok
    if not title_ok:
        misses.append(f"{name}: title {_shown_title(row)!r} != {g['title']!r}")
    text = comparable(row["text"]) if row else ""
    for snippet in g.get("must_contain", []):
        t.snippets += 1
        found = comparable(snippet) in text
        t.snippets_ok += found
        if not found:
            misses.append(f"{name}: missing snippet {snippet!r}")
    for forbidden in g.get("must_not_contain", []):
        if comparable(forbidden):
            t.forbidden += 1
            if comparable(forbidden) in text:
                t.leaked += 1
                misses.append(f"{name}: leaked {forbidden!r}")
    want = g.get("published_date")
    have = str(row["published_date"])[:10] if row and row.get("published_date") else None
    t.dates_gold += want is not None
    t.dates_built += have is not None
    t.dates_ok += want is not None and want == have
    if want != have:
        misses.append(f"{name}: published_date {have} != {want}")
    for role in ("reporters", "correspondents"):
        built = list(row.get(role) or []) if row else []
        hits = _list_hits(built, g.get(role, []))
        t.people = _add(t.people, hits)
        if hits[0] != hits[2] or hits[1] != hits[2]:
            misses.append(f"{name}: {role} {built} != {g.get(role, [])}")
    if g.get("province"):
        t.provinces += 1
        have_province = row.get("province") if row else None
        ok = bool(have_province) and (_PROVINCE_SUFFIX.sub("", comparable(have_province))
                                      == _PROVINCE_SUFFIX.sub("", comparable(g["province"])))
        t.provinces_ok += ok
        if not ok:
            misses.append(f"{name}: province {have_province!r} != {g['province']!r}")
    if "institutions" in g:
        built_names = [comparable(x) for x in (row.get("institutions") or [] if row else []) if x]
        wanted = [[comparable(alt) for alt in x.split("|")] for x in g["institutions"]]
        found = [w for w in wanted if any(_institution_match(w, b) for b in built_names)]
        t.institutions = _add(t.institutions, (len(found), len(built_names), len(wanted)))
        missed = [w for w in wanted if w not in found]
        extra = [b for b in built_names if not any(_institution_match(w, b) for w in wanted)]
        if missed or extra:
            misses.append(f"{name}: institutions missed {missed} extra {extra}")
    hits = _list_hits(built_headings, g.get("section_headings", []))
    t.headings = _add(t.headings, hits)
    if hits[0] != hits[2] or hits[1] != hits[2]:
        misses.append(f"{name}: headings {built_headings} != {g.get('section_headings', [])}")


def has_residue(text: str) -> bool:
    return bool(PINYIN.search(text)) or "\ufffd" in text or to_simplified_raw(text) != text


# ---------------------------------------------------------------- the whole run


@dataclass
class Report:
    split: str
    metrics: dict[str, float]
    misses: list[str]
    n_files: int
    n_articles: int
    by_layout: dict[str, dict[str, float]] = field(default_factory=dict)

    def failures(self, floors: dict[str, float] | None = None) -> list[str]:
        """Metrics worse than ``floors`` (each in its own direction); by default the shared thresholds."""
        bounds = floors if floors is not None else {k: bound for k, (_, bound) in THRESHOLDS.items()}
        return [name for name, bound in bounds.items() if not _meets(name, self.metrics[name], bound)]

    def table(self) -> str:
        lines = [f"{'metric':20} {'value':>8}  shared bound"]
        for name, value in self.metrics.items():
            op, bound = THRESHOLDS[name]
            flag = "" if _meets(name, value, bound) else "  <-- short"
            lines.append(f"{name:20} {value:8.3f}  {op} {bound}{flag}")
        return "\n".join(lines)

    def to_json(self) -> dict:
        return {"split": self.split, "files": self.n_files, "articles": self.n_articles, "metrics": self.metrics,
                "by_layout_kind": self.by_layout, "misses": self.misses}


def _meets(name: str, value: float, bound: float) -> bool:
    op = THRESHOLDS[name][0]
    return value >= bound if op == ">=" else value <= bound


def _rows(out: Path, config: str, cache: str) -> list[dict]:
    import datasets

    quiet = datasets.utils.are_progress_bars_disabled()
    datasets.disable_progress_bars()  # the report is the output; no bars in it
    try:
        return datasets.load_dataset(str(out), config, split="train", cache_dir=cache).with_format("arrow")[:].to_pylist()
    finally:
        if not quiet:
            datasets.enable_progress_bars()


def evaluate(gold_dir: Path, split: str = "all", build: Callable[[Path, Path], object] | None = None) -> Report:
    """Build the split's raw files into a temporary folder, load it with
    ``datasets.load_dataset`` and score it against the gold."""
    from .pipeline import build as build_dataset

    gold = read_gold(gold_dir, split)
    if not gold:
        raise ValueError(f"{gold_dir / 'gold.jsonl'} has no file on split {split!r}")
    with tempfile.TemporaryDirectory(prefix="hpn-evaluate-") as tmp:
        raw = Path(tmp) / "raw"
        raw.mkdir()
        for doc in gold:
            shutil.copy(gold_dir / "raw" / doc.file, raw / doc.file)
        out = Path(tmp) / "out"
        (build or (lambda i, o: build_dataset(i, o, log=lambda _: None)))(raw, out)
        cache = str(Path(tmp) / "hf-cache")  # datasets caches local folders by name: never reuse
        articles = _rows(out, "articles", cache)
        sections = _rows(out, "sections", cache)
    return score(gold, articles, sections, split)


def score(gold: list[GoldDocument], articles: list[dict], sections: list[dict], split: str = "all") -> Report:
    by_document: dict[str, list[dict]] = {}
    for row in sorted(articles, key=lambda r: (r["document_id"], r["article_index"])):
        by_document.setdefault(row["document_id"], []).append(row)
    headings: dict[str, list[str]] = {}
    for s in sorted(sections, key=lambda r: (r["article_id"], r["section_index"])):
        if s["heading"]:
            headings.setdefault(s["article_id"], []).append(s["heading"])
    total, misses, layout_tallies = Tally(), [], {}
    for doc in gold:
        tally, doc_misses = score_document(doc, by_document.get(doc.document_id, []), headings)
        total += tally
        misses += doc_misses
        for kind in doc.layout_kinds:
            layout_tallies[kind] = layout_tallies.get(kind, Tally()) + tally
    for row in articles:
        if has_residue(row["text"] or ""):
            total.residue += 1
            misses.append(f"{row['document_id']}: residue (pinyin, U+FFFD or traditional) in {row['article_id']}")
    return Report(split, total.metrics(), misses, len(gold), len(articles),
                  {kind: t.metrics() for kind, t in sorted(layout_tallies.items())})


def parse_floors(items: list[str]) -> dict[str, float]:
    """``METRIC=VALUE`` pairs; raises ValueError naming the bad one.

    >>> parse_floors(["title_acc=0.8", "leak_rate=0.2"])
    {'title_acc': 0.8, 'leak_rate': 0.2}
    """
    floors = {}
    for item in items:
        name, _, value = item.partition("=")
        if name not in THRESHOLDS:
            raise ValueError(f"--fail-under {item!r}: unknown metric (one of {', '.join(THRESHOLDS)})")
        try:
            floors[name] = float(value)
        except ValueError:
            raise ValueError(f"--fail-under {item!r}: {value!r} is not a number") from None
    return floors
