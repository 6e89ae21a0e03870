"""PNG charts of a build, made from its own ``articles`` table: articles by year, by
province, and the activity-type mix. Labels are in English (pinyin for provinces) so
that no Chinese font is needed; PNG metadata carries no software or date, so the bytes
are reproducible. matplotlib is a dependency, but an environment without it still
builds the dataset: the charts are skipped and the card says so."""

from __future__ import annotations

import contextlib
from collections import Counter
from pathlib import Path
from typing import Any

import pyarrow as pa

from .enrich.activities import taxonomy
from .schema import ARTICLES

FIGURES = {
    "articles_by_year.png": "Articles by year",
    "articles_by_province.png": "Articles by province",
    "activity_types.png": "Activity types",
}
PROVINCES_EN = {
    "北京市": "Beijing", "天津市": "Tianjin", "河北省": "Hebei", "山西省": "Shanxi", "内蒙古自治区": "Inner Mongolia",
    "辽宁省": "Liaoning", "吉林省": "Jilin", "黑龙江省": "Heilongjiang", "上海市": "Shanghai", "江苏省": "Jiangsu",
    "浙江省": "Zhejiang", "安徽省": "Anhui", "福建省": "Fujian", "江西省": "Jiangxi", "山东省": "Shandong", "河南省": "Henan",
    "湖北省": "Hubei", "湖南省": "Hunan", "广东省": "Guangdong", "广西壮族自治区": "Guangxi", "海南省": "Hainan",
    "重庆市": "Chongqing", "四川省": "Sichuan", "贵州省": "Guizhou", "云南省": "Yunnan", "西藏自治区": "Tibet",
    "陕西省": "Shaanxi", "甘肃省": "Gansu", "青海省": "Qinghai", "宁夏回族自治区": "Ningxia", "新疆维吾尔自治区": "Xinjiang",
    "台湾省": "Taiwan", "香港特别行政区": "Hong Kong", "澳门特别行政区": "Macao",
}
UNKNOWN = "(not stated)"


def preload() -> None:
    """Import matplotlib (0.6 s) ahead of drawing: the builder calls this in a thread once
    its workers run, so that the import costs no wall time of its own."""
    with contextlib.suppress(ImportError):  # drawing says so later
        _pyplot()


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _bar(plt: Any, counts: list[tuple[str, int]], title: str, path: Path, horizontal: bool = False) -> None:
    labels, values = [k for k, _ in counts], [v for _, v in counts]
    fig, ax = plt.subplots(figsize=(7, 0.35 * len(labels) + 1.2) if horizontal else (7, 3.5), dpi=100)
    if horizontal:
        ax.barh(labels[::-1], values[::-1], color="#b22222")
    else:
        ax.bar(labels, values, color="#b22222")
    ax.set_title(title)
    ax.set_xlabel("articles" if horizontal else "")
    ax.set_ylabel("" if horizontal else "articles")
    (ax.xaxis if horizontal else ax.yaxis).get_major_locator().set_params(integer=True)  # counts are whole
    fig.tight_layout()
    fig.savefig(path, format="png", metadata={"Software": None})
    plt.close(fig)


def _most_first(counts: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


FIGURE_COLUMNS = ("year", "province", "activity_types")


def write_figures(articles: pa.Table | None, folder: Path) -> list[str]:
    """Draw the charts from the articles' ``FIGURE_COLUMNS`` (None: no articles) into
    ``folder``; returns the file names written (none when matplotlib is missing)."""
    try:
        plt = _pyplot()
    except ImportError:
        return []
    if articles is None:
        articles = pa.table({c: pa.array([], ARTICLES.column(c).type) for c in FIGURE_COLUMNS})
    folder.mkdir(parents=True, exist_ok=True)
    years = Counter(str(y) if y is not None else UNKNOWN for y in articles.column("year").to_pylist())
    provinces = Counter(PROVINCES_EN.get(p, UNKNOWN) if p else UNKNOWN for p in articles.column("province").to_pylist())
    english = {t.label: t.label_en for t in taxonomy()}
    activities = Counter(english[a] for labels in articles.column("activity_types").to_pylist() for a in labels)
    charts = {
        "articles_by_year.png": (sorted(years.items()), False),
        "articles_by_province.png": (_most_first(provinces), True),
        "activity_types.png": (_most_first(activities), True),
    }
    for name, (counts, horizontal) in charts.items():
        _bar(plt, counts, FIGURES[name], folder / name, horizontal)
    return list(charts)


def figures_markdown(names: list[str]) -> str:
    """The card's figure links, or why there are none."""
    if not names:
        return "No figures in this build: matplotlib was not installed where it was built."
    return "\n".join(f"![{FIGURES[n]}](figures/{n})" for n in names)
