"""``evaluate`` and ``inspect``: a gold folder built, loaded with ``datasets`` and scored;
every raw line shown beside its role, on a terminal and in HTML."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import RAW

from hospital_party_news import cli
from hospital_party_news.evaluate import Tally, comparable, evaluate, read_gold, score
from hospital_party_news.inspection import ROLE_STYLES, inspect_files, to_html
from hospital_party_news.rules import RULES_BY_NAME

SOURCE = RAW / "003_a65279c85b322aac.txt"
# Hand-made gold for the first article of SOURCE (a newspaper page of several articles).
FIRST = {
    "title": "聆听典型事迹,汲取榜样力量",
    "column": None,
    "published_date": None,
    "reporters": ["唐首政"],
    "correspondents": ["王扬"],
    "section_headings": [],
    "must_contain": ["山东省卫生健康系统典型事迹报告团走进济宁,宣讲人通过典型事迹展现",
                     "最终选出了15名报告团正式成员"],
    "must_not_contain": ["典型事迹报告会现场。", "远程影像阅片专家就在身边"],
    "province": "山东省",
    "institutions": ["省肿瘤医院", "泰安市妇幼保健院", "临沂市费县卫生健康局", "菏泽市牡丹区中心医院"],
}


def _gold_folder(tmp_path: Path, first: dict, split: str = "tune") -> Path:
    folder = tmp_path / "gold"
    (folder / "raw").mkdir(parents=True)
    shutil.copy(SOURCE, folder / "raw" / "page.txt")
    line = {"file": "page.txt", "source_url": None, "split": split, "layout_kinds": ["captions"], "articles": [first]}
    (folder / "gold.jsonl").write_text(json.dumps(line, ensure_ascii=False) + "\n", "utf-8")
    return folder


@pytest.fixture(scope="module")
def report_and_rows(tmp_path_factory: pytest.TempPathFactory):
    folder = _gold_folder(tmp_path_factory.mktemp("ev"), FIRST)
    return folder, evaluate(folder)


def test_a_right_gold_article_scores_full_marks_on_what_it_annotates(report_and_rows) -> None:
    _, report = report_and_rows
    m = report.metrics
    assert (m["title_acc"], m["snippet_recall"], m["leak_rate"], m["reporter_f1"], m["province_acc"], m["institution_f1"]) == (
        1.0, 1.0, 0.0, 1.0, 1.0, 1.0)
    assert m["article_count_acc"] == 0.0  # the page holds more articles than this gold line lists
    assert report.misses[0].startswith("page: ") and "articles, gold 1" in report.misses[0]
    assert report.by_layout["captions"] == m


def test_every_kind_of_miss_is_counted_and_listed(tmp_path: Path, report_and_rows) -> None:
    wrong = {**FIRST, "title": "不存在的标题", "reporters": ["张三"], "must_contain": ["这句话不在文中出现过的"],
             "must_not_contain": ["宣讲人通过典型事迹展现"], "published_date": "2019-10-31", "province": "河南省",
             "section_headings": ["一、不存在"]}
    folder, _ = report_and_rows
    gold = read_gold(_gold_folder(tmp_path, wrong))
    # score the built rows of the right run against the wrong gold: no second build needed
    from hospital_party_news.evaluate import _rows

    out = tmp_path / "out"
    from hospital_party_news.pipeline import build

    build(folder / "raw", out, log=lambda _: None)
    report = score(gold, _rows(out, "articles", str(tmp_path / "c")), _rows(out, "sections", str(tmp_path / "c")))
    m = report.metrics
    assert m["title_acc"] == 0.0 and m["snippet_recall"] == 0.0 and m["leak_rate"] == 1.0
    assert m["date_recall"] == 0.0 and m["province_acc"] == 0.0 and m["heading_f1"] == 0.0
    assert m["reporter_f1"] == pytest.approx(2 * 0.5 * 0.5 / 1.0)  # 1 of 2 built right, 1 of 2 gold found
    text = "\n".join(report.misses)
    for expected in ("title '聆听典型事迹,汲取榜样力量 | 山东省卫生健康系统典型事迹报告团走进济宁' != '不存在的标题'", "missing snippet", "leaked", "published_date None != 2019-10-31",
                     "province '山东省' != '河南省'", "headings [] != ['一、不存在']", "reporters ['唐首政'] != ['张三']"):
        assert expected in text, expected


def test_split_selection_and_fail_under(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _gold_folder(tmp_path, FIRST, split="holdout")
    assert read_gold(folder, "tune") == [] and len(read_gold(folder, "holdout")) == 1
    assert cli.main(["evaluate", str(folder), "--split", "tune"]) == 2
    assert "has no file on split 'tune'" in capsys.readouterr().err
    assert cli.main(["evaluate", str(folder), "--split", "holdout", "--quiet", "--fail-under", "title_acc=1.0", "leak_rate=0"]) == 0
    out = capsys.readouterr().out
    assert "title_acc" in out and "  - " not in out
    assert cli.main(["evaluate", str(folder), "--json", "--fail-under", "article_count_acc=0.5"]) == 1
    captured = capsys.readouterr()
    assert json.loads(captured.out)["metrics"]["article_count_acc"] == 0.0
    assert "article_count_acc=0.000 (floor 0.5)" in captured.err
    assert cli.main(["evaluate", str(folder), "--fail-under", "speed=3"]) == 2


def test_tallies_add_up() -> None:
    a, b = Tally(docs=1, docs_ok=1, people=(1, 1, 2)), Tally(docs=1, people=(1, 2, 1))
    total = a + b
    assert (total.docs, total.docs_ok, total.people) == (2, 1, (2, 3, 3))
    assert total.metrics()["article_count_acc"] == 0.5


def test_comparison_normalises_like_the_shared_scorer() -> None:
    assert comparable("醫(yī)院 黨建——活動") == comparable("医院党建活动") == "医院党建活动"
    assert comparable("ＡＢＣ １２") == "ABC12"


def test_inspect_names_a_role_and_its_rule_for_every_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    results = inspect_files(SOURCE)
    assert len(results) == 1 and results[0].status == "ok"
    rows = results[0].rows
    roles = {r.raw.strip(): (r.role, r.rule) for r in rows}
    assert roles["聆听典型事迹,汲取榜样力量"] == ("title", "headline")
    assert roles["典型事迹报告会现场。"] == ("caption", "caption_cue")
    assert {r.role for r in rows} <= set(ROLE_STYLES)
    assert all(RULES_BY_NAME[r.rule].role == r.role for r in rows)  # every line names the rule that decided it
    assert cli.main(["inspect", str(SOURCE), "--html", str(tmp_path / "page.html")]) == 0
    shown = capsys.readouterr().out
    assert "聆听典型事迹" in shown and "caption" in shown and "caption_cue" in shown
    page = (tmp_path / "page.html").read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<tr class="r-caption">' in page and "典型事迹报告会现场。" in page
    assert '<td class="rule">caption_cue</td>' in page


def test_inspect_a_folder_shows_rejections(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    shutil.copy(SOURCE, tmp_path / "in" / "a.txt")
    (tmp_path / "in" / "b.txt").write_bytes(b"")
    results = inspect_files(tmp_path / "in")
    assert [(r.source_file, r.status) for r in results] == [("a.txt", "ok"), ("b.txt", "rejected")]
    assert "rejected: it holds no text" in to_html(results)
    assert cli.main(["inspect", str(tmp_path / "nope")]) == 2
