"""The five source texts, built end to end and loaded with ``datasets``: every value the
build issue names is asserted here."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import article

from hospital_party_news.script import to_simplified_raw


def test_article_counts_per_document(articles: pd.DataFrame) -> None:
    counts = articles.groupby("document_id").size().sort_index().tolist()
    assert counts == [1, 1, 1, 4, 4]
    assert len(articles) == 11


@pytest.mark.parametrize(
    ("doc", "index", "title", "subtitle", "column"),
    [
        ("000", 0, "新意!这四家高水平肿瘤医院的放疗党支部在我党一大旧址这样过组织生活", None, "党日style"),
        ("001", 0, "党建引领新篇章,持续推进“技术共融”暨“走进历史画卷、感受光辉历程”主题党日活动",
         "青海红十字医院检验科赴海南州人民医院开展学术交流活动", None),
        ("002", 0, "我为群众办实事 | 肿瘤医院用心用情用力带动乳腺肿瘤公益事业发展", None, "我为群众办实事"),  # a rubric before a bar stays (2.0.0)
        ("003", 0, "聆听典型事迹,汲取榜样力量", "山东省卫生健康系统典型事迹报告团走进济宁", None),
        ("003", 1, "远程影像阅片专家就在身边", None, None),
        ("003", 2, "搭建医疗资源共享“桥梁”,“邹城市区域医学中心”成立 有它,老百姓看病不烦恼", None, None),
        ("003", 3, "情系老党员 送医上门暖人心", None, None),
        ("004", 0, "太原市血液中心党委书记、主任白林一行 慰问抗疫一线工作人员", None, None),
        ("004", 1, "太原市人民医院 广大党员奋战 在抗疫第一线", None, None),
        ("004", 2, "长治市中医医院与长治市公安局 开展党建共建交流活动", None, None),
        ("004", 3, "长治医学院附属和济医院 党委副书记、院长郝少峰在康复医学科业务查房", None, None),
    ],
)
def test_headlines(articles: pd.DataFrame, doc: str, index: int, title: str, subtitle: str | None, column: str | None) -> None:
    row = article(articles, doc, index)
    assert row.title == title
    assert row.subtitle == subtitle
    assert row.column == column


def test_sub_headings_become_sections_after_a_lead(loaded: dict[str, pd.DataFrame]) -> None:
    sections = loaded["sections"]
    heads = {
        doc: sections[sections.article_id.str.startswith(doc)].sort_values("section_index").heading.tolist()
        for doc in ("000", "002")
    }
    assert heads["000"] == [None, "党建、临床业务双提升", "党建、工作经验齐分享", "党建、青号文化建设共分享",
                            "党建、青年人才培养同进步", "党建、信念教育同开展"]
    assert heads["002"] == [None, "用心帮扶,从西北到东南共享技术成果", "共情关爱,助力癌症科普精准化、常态化",
                            "齐心协力,把健康送到群众“家门口”"]
    others = sections[~sections.article_id.str.match(r"^00[02]")]
    assert others.heading.isna().all()


def test_traditional_source_is_simplified_without_pinyin(articles: pd.DataFrame) -> None:
    row = article(articles, "001")
    assert row.script == "traditional"
    assert "青海红十字医院检验科为持续推进与基层医疗机构的“技术共荣”" in row.text
    assert "青海紅十字醫院檢驗科為持續推進與基層醫療機構的“技術共榮”" in row.text_original
    assert "(lǐng)" not in row.text_original and "(" not in row.text
    assert to_simplified_raw(row.text) == row.text
    assert "converted_from_traditional" in row.quality_flags and "pinyin_removed" in row.quality_flags


def test_garbled_run_is_repaired_and_flagged(articles: pd.DataFrame) -> None:
    row = article(articles, "001")
    assert "厝罕娞峁" not in row.text_original and "?" not in row.text_original
    assert "为当地群众提供" in row.text
    assert "mojibake_repaired" in row.quality_flags


def test_hard_wraps_are_joined(articles: pd.DataFrame) -> None:
    assert "敬佑生命、救死扶伤" in article(articles, "003", 0).text
    assert "中心党委书记、主任白林身先士卒" in article(articles, "004", 0).text
    assert "下沉到社区一线并积极做好疫情防控志愿服务工作" in article(articles, "004", 0).text
    assert "hard_wraps_joined" in article(articles, "003", 0).quality_flags


def test_paragraph_ends_are_not_glued(articles: pd.DataFrame) -> None:
    text = article(articles, "000").text
    assert "感受“红船”精神。\n党建、临床业务双提升\n放疗科第四党支部" in text


def test_boilerplate_credits_and_captions_are_out_of_text(articles: pd.DataFrame) -> None:
    text_002 = article(articles, "002").text
    for junk in ("延伸阅读", "患癌母亲", "友情链接", "https://", "赞助链接", "供稿", "编辑 |", "天津医科大学 2021"):
        assert junk not in text_002
    row_001 = article(articles, "001")
    for junk in ("文:马秀清", "图:杨", "排版", "责任编辑", "审核"):
        assert junk not in row_001.text
    assert [tuple(c.values()) for c in row_001.credits][:3] == [("文", "马秀清"), ("文", "王春玮"), ("文", "杨兴唐")]
    assert ("责任编辑", "张雯") in [tuple(c.values()) for c in row_001.credits]
    assert list(article(articles, "002").credits) == [{"role": "供稿", "name": "肿瘤医院"}, {"role": "编辑", "name": "韩翠玥"}]
    captions = {0: "典型事迹报告会现场。", 1: "任城区医学影像诊断中心成立揭牌。齐鲁晚报·齐鲁壹点记者 唐首政 摄", 2: "区域“七大中心”揭牌。"}
    for index, caption in captions.items():
        row = article(articles, "003", index)
        assert list(row.captions) == [caption]
        assert caption not in row.text


@pytest.mark.parametrize(
    ("doc", "index", "reporters", "correspondents"),
    [
        ("003", 0, ["唐首政"], ["王扬"]),
        ("003", 2, ["唐首政"], ["陈伟", "田野"]),
        ("003", 3, ["唐首政"], ["张启", "杜岐杭"]),
        ("004", 0, ["张丽", "闫珊"], ["张倩云"]),
        ("004", 1, ["黄晶", "张丹丹"], ["孙丽娜", "魏勇"]),
        ("000", 0, [], []),
    ],
)
def test_datelines_out_of_text_names_in_columns(articles: pd.DataFrame, doc: str, index: int, reporters: list, correspondents: list) -> None:
    row = article(articles, doc, index)
    assert list(row.reporters) == reporters
    assert list(row.correspondents) == correspondents
    assert "本报" not in row.text and "记者" not in row.text.split("\n")[0]
    if reporters:
        assert row.dateline.startswith("本报") and row.dateline.endswith(")")


def test_publication_dates_only_when_stated_with_a_year(articles: pd.DataFrame) -> None:
    dates = {(r.document_id[:3], r.article_index): r.published_date for r in articles.itertuples()}
    assert str(dates[("001", 0)]) == "2024-11-06"
    assert str(dates[("002", 0)]) == "2021-09-02"
    assert article(articles, "001").published_at == pd.Timestamp("2024-11-06 14:34:15")
    assert all(v is None or pd.isna(v) for k, v in dates.items() if k[0] not in ("001", "002"))
    assert "2024-11-06" not in article(articles, "001").text


def test_documents_config(loaded: dict[str, pd.DataFrame]) -> None:
    docs = loaded["documents"].sort_values("document_id")
    assert docs.document_id.tolist() == [
        "000_e0b797e6c4b01ca4", "001_786585a56a356a2d", "002_b5c54ceae72a0aa8",
        "003_a65279c85b322aac", "004_4f35ab63e78cec3c",
    ]
    assert (docs.status == "ok").all() and docs.error.isna().all()
    assert docs.n_articles.tolist() == [1, 1, 1, 4, 4]
    assert docs.sha256.str.fullmatch(r"[0-9a-f]{64}").all()
    assert docs.script.tolist() == ["simplified", "traditional", "simplified", "simplified", "simplified"]
