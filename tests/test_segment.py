"""Segmentation rules on small texts written for these tests (the layouts the evaluation
pages showed, with other words): boundaries, headlines, headings vs captions vs wrapped
prose, furniture, dates, bylines."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hospital_party_news.read import read_document
from hospital_party_news.records import Article
from hospital_party_news.steps import process


def articles_of(tmp_path: Path, text: str, name: str = "t.txt") -> list[Article]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    doc = process(read_document(path, name, path.stem, tmp_path, 10**6))
    assert doc.status == "ok", doc.error
    return doc.articles


def test_plain_page_splits_at_a_wide_gap_after_a_signed_paragraph(tmp_path: Path) -> None:
    text = (
        "甲院团支部开展植树活动\n\n"
        "    三月初,甲院团支部组织青年党员来到城郊林场开展义务植树活动,共栽下树苗两百余株。\n\n"
        "    大家表示,今后还要多参加这样的公益活动。(甲院团支部)\n\n\n"
        "乙院党支部赴社区开展健康讲座\n\n"
        "  5月8日下午,乙院内科党支部组织党员医生来到幸福社区,为居民开展“慢病\n\n"
        "管理”健康讲座,并提供免费血压测量服务。\n\n"
        "  讲座结束后,居民们纷纷表示收获很大。\n"
    )
    arts = articles_of(tmp_path, text)
    assert [a.title for a in arts] == ["甲院团支部开展植树活动", "乙院党支部赴社区开展健康讲座"]
    assert "(甲院团支部)" not in arts[0].text and ("作者", "甲院团支部") in arts[0].credits
    assert "开展“慢病管理”健康讲座" in arts[1].text
    assert "hard_wraps_joined" in arts[1].quality_flags


def test_lone_caption_is_not_a_heading_but_parallel_headings_are(tmp_path: Path) -> None:
    one = articles_of(tmp_path, "丙院举办义诊\n丙院今天在广场举办大型义诊活动,吸引了众多市民。\n院领导出席开幕式并致辞\n活动持续了一整天,服务群众三百余人次。\n")
    assert one[0].captions == ["院领导出席开幕式并致辞"] and len(one[0].sections) == 1
    two = articles_of(tmp_path, "丁院召开党员大会\n会议由党委书记主持,全体党员参加。\n学习理论 坚定信念\n大家认真学习了有关文件精神。\n", "b.txt")
    assert [s.heading for s in two[0].sections] == [None, "学习理论 坚定信念"]


def test_a_run_of_short_lines_captions_then_heading(tmp_path: Path) -> None:
    text = (
        "【党建动态】戊院支部共建\n"
        "戊院各支部近期开展了丰富多彩的共建活动,取得良好效果。\n"
        "外科党支部\n内科党支部、药剂科党支部\n"
        "携手共建 共促发展\n"
        "外科党支部与街道党支部签订共建协议。\n"
        "服务群众 践行初心\n"
        "内科党支部走进社区开展义诊。\n"
    )
    art = articles_of(tmp_path, text)[0]
    assert art.column == "党建动态" and art.title == "戊院支部共建"
    assert art.captions == ["外科党支部", "内科党支部、药剂科党支部"]
    assert [s.heading for s in art.sections] == [None, "携手共建 共促发展", "服务群众 践行初心"]


def test_wrapped_unpunctuated_line_is_joined_not_a_heading(tmp_path: Path) -> None:
    text = "己院慰问一线职工\n己院领导班子近日走访慰问了坚守岗位的一线职工。\n截至目前,全院共有58名党员干部职工报名参加\n并坚持在岗位上服务群众。\n"
    art = articles_of(tmp_path, text)[0]
    assert len(art.sections) == 1
    assert "报名参加并坚持在岗位上服务群众。" in art.text


def test_html_on_one_line_gives_sections_and_credits(tmp_path: Path) -> None:
    text = (
        '<p class="x">8月1日,庚院党支部召开主题党日活动,全体党员参加。</p>'
        "<h2><b>第一项:重温誓词</b></h2> 全体党员面向党旗重温入党誓词。"
        "<h2><b>第二项:学习文件</b></h2> <b>认真学习。</b>支部书记领学有关文件。"
        '<p>编辑:张三</p><p>审核:李四</p><p class="'
    )
    art = articles_of(tmp_path, text)[0]
    assert art.title is None
    assert [s.heading for s in art.sections] == [None, "第一项:重温誓词", "第二项:学习文件"]
    assert art.credits == [("编辑", "张三"), ("审核", "李四")]
    assert "<" not in art.text and "html_removed" in art.quality_flags


def test_site_furniture_header_and_posting_date(tmp_path: Path) -> None:
    text = (
        "您现在的位置: 首页 > 新闻动态\n新闻动态\n"
        "辛院开展廉政教育活动\n"
        "发布时间:2022年3月5日 10:20 浏览次数:88\n分享到:\n"
        "2021年12月,辛院组织全体中层干部参观廉政教育基地。\n"
        "相关新闻\n壬院召开年度总结会\n癸院举行表彰大会\n"
    )
    art = articles_of(tmp_path, text)[0]
    assert art.title == "辛院开展廉政教育活动"
    assert art.published_date == dt.date(2022, 3, 5)
    assert art.published_at == dt.datetime(2022, 3, 5, 10, 20)
    assert art.text == "2021年12月,辛院组织全体中层干部参观廉政教育基地。"


def test_date_split_over_lines_and_event_dates_ignored(tmp_path: Path) -> None:
    split = articles_of(tmp_path, "子院支部活动\n2023\n05-06\n08:30\n5月5日,子院支部开展活动。\n")[0]
    assert split.published_date == dt.date(2023, 5, 6)
    event = articles_of(tmp_path, "丑院义诊\n2019年6月1日上午,丑院在镇卫生院开展义诊。\n", "e.txt")[0]
    assert event.published_date is None


@pytest.mark.parametrize(
    ("lead", "reporters", "correspondents"),
    [
        ("【融媒体记者 王五 通讯员 赵六】", ["王五"], ["赵六"]),
        ("本报讯(记者 孙七 李八 通讯员 周九)", ["孙七", "李八"], ["周九"]),
        ("某某网讯 记者吴十 ", ["吴十"], []),
        ("(钱一 报道)", [], []),
        ("通讯员 张三 报道:", [], ["张三"]),
        ("本报讯 见习记者 赵刚 ", ["赵刚"], []),
        ("本报讯(本报记者 王明 本报通讯员 李华)", ["王明"], ["李华"]),
        ("本报讯(记者 王明 实习生 李华)", ["王明"], []),
    ],
)
def test_bylines(tmp_path: Path, lead: str, reporters: list[str], correspondents: list[str]) -> None:
    art = articles_of(tmp_path, f"寅院举行升旗仪式\n{lead}6月1日,寅院举行升旗仪式,全院职工参加。\n")[0]
    assert (art.reporters, art.correspondents) == (reporters, correspondents)
    assert art.text == "6月1日,寅院举行升旗仪式,全院职工参加。"
    assert art.dateline


def test_toneless_pinyin_only_where_the_document_shows_the_pattern(tmp_path: Path) -> None:
    art = articles_of(tmp_path, "卯院黨(dǎng)建活動(dòng)\n卯院開(kāi)展黨建活動(dong),黨員參(can)加。\n")[0]
    assert art.text == "卯院开展党建活动,党员参加。"
    assert art.title == "卯院党建活动"


def test_crlf_and_bom_give_the_same_articles(tmp_path: Path) -> None:
    source = (Path(__file__).resolve().parents[1] / "data/raw/003_a65279c85b322aac.txt").read_text("utf-8")
    plain = articles_of(tmp_path, source, "plain.txt")
    (tmp_path / "crlf.txt").write_bytes(b"\xef\xbb\xbf" + source.replace("\n", "\r\n").encode("utf-8"))
    doc = process(read_document(tmp_path / "crlf.txt", "crlf.txt", "crlf", tmp_path, 10**6))
    assert doc.encoding == "utf-8-sig (BOM)" or doc.encoding.startswith("utf-8")
    assert [(a.title, a.text) for a in doc.articles] == [(a.title, a.text) for a in plain]


@pytest.mark.parametrize(
    ("line", "day", "at"),
    [
        ("2024-11-06 14:34:15", dt.date(2024, 11, 6), dt.datetime(2024, 11, 6, 14, 34, 15)),
        ("2018年1月25日", dt.date(2018, 1, 25), None),
        ("2019/08/27", dt.date(2019, 8, 27), None),
        ("06.07.2018 18:46", dt.date(2018, 7, 6), dt.datetime(2018, 7, 6, 18, 46)),
        ("发布时间:2020年5月4日 09:05", dt.date(2020, 5, 4), dt.datetime(2020, 5, 4, 9, 5)),
        ("http://www.sina.com.cn 2005年02月06日09:36 广州日报大洋网", dt.date(2005, 2, 6), dt.datetime(2005, 2, 6, 9, 36)),
        ("城南医院 | 2021-04-25 04:16:08", dt.date(2021, 4, 25), dt.datetime(2021, 4, 25, 4, 16, 8)),
    ],
)
def test_posting_date_formats(tmp_path: Path, line: str, day: dt.date, at: dt.datetime | None) -> None:
    art = articles_of(tmp_path, f"辰院开展活动\n{line}\n辰院今天开展了主题党日活动。\n")[0]
    assert (art.published_date, art.published_at) == (day, at)


def test_a_disclosure_tables_date_of_writing_gives_way_to_its_publication_date(tmp_path: Path) -> None:
    page = ("索引号:11370800004/2023-01234\n发布机构:市卫生健康委员会\n成文日期:2023-04-18\n文号:\n发布日期:2023-04-20\n"
            "市卫健委机关党委开展清廉医院建设专题党课\n4月18日下午,市卫健委机关党委组织开展清廉医院建设专题党课,委属各单位党组织书记参加。\n"
            "党课围绕加强医德医风建设、推进清廉医院建设等内容进行了深入讲解。\n")
    assert [a.published_date for a in articles_of(tmp_path, page)] == [dt.date(2023, 4, 20)]
    alone = page.replace("发布日期:2023-04-20\n", "")  # no other date: the date of writing is all the page gives
    assert [a.published_date for a in articles_of(tmp_path, alone, "alone.txt")] == [dt.date(2023, 4, 18)]


def test_the_meta_line_under_the_text_gives_the_date(tmp_path: Path) -> None:
    """No date under the headline: the article's meta line under the text (编辑 … 来源 …
    date) gives it; a unit signing with a date there does not."""
    page = "辰院党支部开展学雷锋志愿服务活动\n3月5日,辰院党支部组织志愿者开展学雷锋志愿服务活动。\n编辑:季靓 来源: 2018-05-11 10:38\n"
    (art,) = articles_of(tmp_path, page)
    assert art.published_date == dt.date(2018, 5, 11)
    (signed,) = articles_of(tmp_path, page.replace("编辑:季靓 来源: 2018-05-11 10:38", "第二党支部 2018-05-11"), "signed.txt")
    assert signed.published_date is None


def test_an_empty_date_field_gives_no_publication_date(tmp_path: Path) -> None:
    """1970-01-01 is what a site prints for an empty date field: still the page's date line
    (the headline above it keeps its place), but no publication date; 发文时间 gives way to
    发布日期 as 成文日期 does."""
    page = "辰院党支部开展学雷锋志愿服务活动\n发布时间:1970-01-01  浏览:\n3月5日,辰院党支部组织志愿者开展学雷锋志愿服务活动。\n"
    (art,) = articles_of(tmp_path, page)
    assert (art.title, art.published_date) == ("辰院党支部开展学雷锋志愿服务活动", None)
    table = "| 发文时间: 2026-02-05 | 发布日期: 2026-02-06 |\n" + page.replace("发布时间:1970-01-01  浏览:\n", "")
    assert [a.published_date for a in articles_of(tmp_path, table, "table.txt")] == [dt.date(2026, 2, 6)]


def test_full_width_punctuation_is_folded_and_flagged(tmp_path: Path) -> None:
    page = "医院党支部开展义诊活动\n本报讯（通讯员 刘芳）６月10日上午，医院内科党支部在幸福社区开展主题党日暨义诊活动，为居民免费测量血压。\n"
    (art,) = articles_of(tmp_path, page)
    assert art.correspondents == ["刘芳"] and art.text.startswith("6月10日上午,医院内科党支部")
    assert "fullwidth_folded" in art.quality_flags


@pytest.mark.parametrize(("headline", "title"), [
    ("市中医院召开党风廉政建设工作会议_市中医院", "市中医院召开党风廉政建设工作会议"),
    ("医院召开党风廉政建设工作会议 - 健康山东网", "医院召开党风廉政建设工作会议"),
    ("医院召开党风廉政建设工作会议 - 会议纪要", "医院召开党风廉政建设工作会议 - 会议纪要"),  # not a site's name
])
def test_a_sites_name_after_the_headline_is_not_part_of_the_title(tmp_path: Path, headline: str, title: str) -> None:
    page = f"{headline}\n3月11日下午,市中医院召开2024年党风廉政建设工作会议,院领导班子成员参加会议。\n会议通报了2023年党风廉政建设工作情况。\n"
    assert [a.title for a in articles_of(tmp_path, page)] == [title]


def test_a_byline_glued_to_the_headline_names_the_reporters(tmp_path: Path) -> None:
    page = "社区卫生服务中心开展慢病随访 记者 王明 通讯员 李华\n近日,城关社区卫生服务中心党支部组织家庭医生团队走进辖区,开展慢性病患者入户随访活动。\n"
    (art,) = articles_of(tmp_path, page)
    assert (art.title, art.reporters, art.correspondents) == ("社区卫生服务中心开展慢病随访", ["王明"], ["李华"])


def test_a_byline_closing_the_article_signs_it_and_starts_nothing(tmp_path: Path) -> None:
    page = ("县疾控中心党支部开展结对共建活动\n本报讯 日前,县疾控中心党支部与新华社区党委签订结对共建协议,双方将在健康宣传等方面开展合作。\n"
            "签约仪式后,党员志愿者还为社区居民开展了健康义诊。\n本报记者 赵刚\n")
    (art,) = articles_of(tmp_path, page)
    assert art.reporters == ["赵刚"] and "赵刚" not in art.text


def test_a_headline_broken_over_two_lines_is_one_title(tmp_path: Path) -> None:
    page = "中心医院党委开展\n“七一”主题党日活动\n7月1日,中心医院党委组织全体党员赴红色教育基地开展主题党日活动。\n"
    assert [a.title for a in articles_of(tmp_path, page)] == ["中心医院党委开展“七一”主题党日活动"]


def test_a_byline_in_parentheses_inside_the_text_names_the_reporters(tmp_path: Path) -> None:
    """The last resort for reporters: no dateline, credit line or closing signature names
    them, but a byline in parentheses inside a paragraph does."""
    text = (
        "城南医院党支部开展送医下乡活动\n\n"
        "6月1日,城南医院党支部组织党员医生赴幸福村开展义诊(城南日报记者 王明 通讯员 李华)。\n\n"
        "活动中,党员医生为村民测量血压,讲解健康知识,受到村民好评。\n"
    )
    [article] = articles_of(tmp_path, text)
    assert (article.reporters, article.correspondents) == (["王明"], ["李华"])


@pytest.mark.parametrize(("headline", "title", "column"), [
    ("健康中国城南行动丨城南医院赴幸福村慰问调研", "健康中国城南行动丨城南医院赴幸福村慰问调研", "健康中国城南行动"),  # a rubric before a bar stays
    ("【主题党日】城南医院赴幸福村慰问调研", "城南医院赴幸福村慰问调研", "主题党日"),  # a 【】 rubric goes
    ("城南党媒信息公共平台|城南医院赴幸福村慰问调研", "城南医院赴幸福村慰问调研", None),  # a site's name before a bar goes
])
def test_rubrics_and_site_names_around_a_headline(tmp_path: Path, headline: str, title: str, column: str | None) -> None:
    text = f"{headline}\n\n6月1日,城南医院党支部赴幸福村开展慰问调研,为村民送去慰问品。\n\n党员们表示,将继续为群众办实事。\n"
    [article] = articles_of(tmp_path, text)
    assert (article.title, article.column) == (title, column)


def test_writers_names_after_a_headline_leave_the_title(tmp_path: Path) -> None:
    """A page title appending the writers the byline names (…在沪举行 江跃中 方宏向 |)."""
    text = ("城南医院先进事迹报告会在沪举行 江跃中 方宏向 |\n"
            "本报讯 (记者 江跃中 通讯员 方宏向)昨天下午,城南医院先进事迹报告会在上海举行,五位党员医生讲述了他们的故事。\n"
            "报告会感人至深,听众深受教育。\n")
    (art,) = articles_of(tmp_path, text)
    assert art.title == "城南医院先进事迹报告会在沪举行"
    assert art.reporters == ["江跃中"] and art.correspondents == ["方宏向"]


def test_a_reporter_named_only_in_a_photo_credit(tmp_path: Path) -> None:
    """With no dateline or byline, the reporter a photo's credit names is the page's."""
    text = ("城南医院党员志愿者走进苗寨义诊\n\n"
            "11月16日,城南医院组织党员志愿者来到苗寨,为当地群众义诊。\n\n"
            "党员医生为村民测量血压。 新华社记者黄孝邦摄\n\n"
            "义诊持续了一整天,共服务群众300余人次。\n")
    (art,) = articles_of(tmp_path, text)
    assert art.reporters == ["黄孝邦"]


def test_a_briefing_issue_is_the_column_and_its_issuer_no_subtitle(tmp_path: Path) -> None:
    """党建工作简报2022年第7期:… over 中共…委员会: the briefing is the column, its issuer
    (a Party organisation's full name) is furniture, not the subtitle."""
    text = ("党建工作简报2022年第7期:城南医院党委召开党支部书记联席会议 时间:2022-08-01\n\n"
            "中共城南医院委员会\n\n"
            "7月28日,城南医院党委召开党支部书记联席会议,院党委书记出席会议并讲话。\n\n"
            "会议要求各党支部书记切实履行第一责任人职责。\n")
    (art,) = articles_of(tmp_path, text)
    assert (art.title, art.column, art.subtitle) == ("城南医院党委召开党支部书记联席会议", "党建工作简报2022年第7期", None)


def test_a_bare_time_label_with_a_source_label_opening_the_first_paragraph_is_meta(tmp_path: Path) -> None:
    """A page flattened a meta run into its first paragraph (时间:2018.03.09来源/作者:2018年 3月5日,…):
    a bare 时间: with a source or author label right after its date is the page's date, and
    leaves the text; 时间:… 地点:… stays the text's own notice."""
    body = "2018年 3月5日,共青团南浔区委召开志愿者协会第二次代表大会,医院志愿服务团被授予优秀志愿服务集体称号。\n\n服务团成立于2014年,长期开展导医、义诊和健康宣教志愿服务。\n"
    [article] = articles_of(tmp_path, "医院志愿服务团再获优秀志愿服务集体称号\n\n时间:2018.03.09来源/作者:" + body)
    assert article.published_date == dt.date(2018, 3, 9)
    assert "来源" not in article.text and article.text.startswith("2018年")
    notice = "医院党支部开展主题党日活动\n\n时间:2023年3月5日上午 地点:医院会议室,全体党员参加主题党日活动,重温入党誓词。\n\n活动由支部书记主持。\n"
    [article] = articles_of(tmp_path, notice, "notice.txt")
    assert article.published_date is None and "地点" in article.text


def test_a_headline_set_wholly_in_brackets_with_its_source_glued(tmp_path: Path) -> None:
    """【headline】本文转自:人民网: the source goes, and a headline set wholly in 【】 is the
    title without its brackets, not a rubric (column) over a title made of the source."""
    text = ("【城南医院急诊科获全国工人先锋号称号】本文转自:人民网\n\n"
            "近日,城南医院急诊科获2022年全国工人先锋号称号,这是对急诊科全体医护人员的肯定。\n\n"
            "急诊科党支部表示,将继续发扬先锋精神。\n")
    [article] = articles_of(tmp_path, text)
    assert (article.title, article.column) == ("城南医院急诊科获全国工人先锋号称号", None)
    assert "人民网" not in article.text
