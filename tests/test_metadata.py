"""The researcher-facing metadata of all 11 articles of the five source texts, read
back through ``datasets.load_dataset`` and through ``hospital_party_news.load``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from conftest import article

import hospital_party_news
from hospital_party_news.enrich import enrich_article
from hospital_party_news.enrich.activities import taxonomy
from hospital_party_news.enrich.campaigns import campaigns, find_campaigns
from hospital_party_news.enrich.institutions import institutions
from hospital_party_news.records import Article, Section
from hospital_party_news.schema import PARTY_LEVELS, YEAR_SOURCES

# document prefix, article index -> (province, city)
WHERE = {
    ("001", 0): ("青海省", None),
    ("002", 0): ("天津市", "天津市"),
    **{("003", i): ("山东省", "济宁市") for i in range(4)},
    ("004", 0): ("山西省", "太原市"),
    ("004", 1): ("山西省", "太原市"),
    ("004", 2): ("山西省", "长治市"),
    ("004", 3): ("山西省", "长治市"),
}

INSTITUTIONS = {
    ("000", 0): ["四川省肿瘤医院", "中国医科院肿瘤医院深圳医院", "浙江省肿瘤医院", "中国医学院科学院肿瘤医院深圳分院"],
    ("001", 0): ["青海红十字医院", "青海省海南州人民医院"],
    ("002", 0): ["青海省肿瘤医院", "福建医科大学附属第二医院", "甘肃省肿瘤医院", "浙江省人民医院", "华北石油管理局总医院", "天津医科大学肿瘤医院", "秦皇岛市妇幼保健院"],
    ("003", 0): ["省肿瘤医院", "泰安市妇幼保健院", "临沂市费县卫生健康局", "菏泽市牡丹区中心医院"],
    ("003", 1): ["任城区医学影像诊断中心", "济宁市第二人民医院", "任城区卫生健康局", "北京301医院", "协和医院"],
    ("003", 2): ["邹城市区域医学中心", "树兰医疗集团", "济宁医学院", "邹城市人民医院"],
    ("003", 3): ["汶上县刘楼卫生院"],
    ("004", 0): ["太原市血液中心"],
    ("004", 1): ["太原市人民医院", "市委卫健委"],
    ("004", 2): ["长治市中医医院"],
    ("004", 3): ["长治医学院附属和济医院"],
}

PRIMARY = {
    ("000", 0): "浙江省肿瘤医院",  # named in the lead and most often
    ("001", 0): "青海红十字医院",
    ("002", 0): None,  # the headline says only 肿瘤医院; the lead names no institution in full
    ("003", 1): "任城区医学影像诊断中心",
    ("003", 3): "汶上县刘楼卫生院",
    ("004", 0): "太原市血液中心",
    ("004", 3): "长治医学院附属和济医院",
}

YEARS = {
    ("000", 0): (2018, "event_date"),  # 2018年11月9--11日 in the lead
    ("001", 0): (2024, "published"),
    ("002", 0): (2021, "published"),
    ("003", 0): (None, None),  # 10月30日: the page states no year
    ("004", 2): (None, None),
}


@pytest.mark.parametrize(("key", "where"), WHERE.items(), ids=str)
def test_province_and_city(articles: pd.DataFrame, key: tuple[str, int], where: tuple[str, str | None]) -> None:
    row = article(articles, *key)
    assert (row["province"], row["city"]) == where


def test_000_is_placed_where_the_activity_was(articles: pd.DataFrame) -> None:
    # Known limit: the author's hospital (中肿, Guangzhou) is only abbreviated, so the
    # article is placed at the host institution named in its lead.
    assert article(articles, "000")["province"] == "浙江省"


@pytest.mark.parametrize(("key", "names"), INSTITUTIONS.items(), ids=str)
def test_institutions(articles: pd.DataFrame, key: tuple[str, int], names: list[str]) -> None:
    assert list(article(articles, *key)["institutions"]) == names


@pytest.mark.parametrize(("key", "name"), PRIMARY.items(), ids=str)
def test_primary_institution(articles: pd.DataFrame, key: tuple[str, int], name: str | None) -> None:
    assert article(articles, *key)["primary_institution"] == name


@pytest.mark.parametrize(("key", "year"), YEARS.items(), ids=str)
def test_year_and_its_source(articles: pd.DataFrame, key: tuple[str, int], year: tuple[int | None, str | None]) -> None:
    row = article(articles, *key)
    got = (None if pd.isna(row["year"]) else int(row["year"]), row["year_source"])
    assert got == year


def test_people_named_with_roles(articles: pd.DataFrame) -> None:
    def pairs(doc: str, i: int = 0) -> list[tuple[str, str]]:
        return [(p["name"], p["role"]) for p in article(articles, doc, i)["people"]]

    assert ("陆伟", "党委书记") in pairs("002")
    assert ("扎洛", "副院长") in pairs("001")
    assert ("郝少峰", "党委副书记、院长") in pairs("004", 3)
    assert ("白林", "党委书记、主任") in pairs("004", 0)
    assert ("林承光", "党支部书记") in pairs("000")
    everyone = [p for _, row in articles.iterrows() for p in row["people"]]
    assert all(2 <= len(p["name"]) <= 3 for p in everyone)


def test_party_organizations(articles: pd.DataFrame) -> None:
    orgs = {(o["name"], o["level"]) for o in article(articles, "000")["party_organizations"]}
    assert ("四川省肿瘤医院放疗科第四党支部", "党支部") in orgs
    assert ("浙江省肿瘤医院放疗科党总支", "党总支") in orgs
    assert ("太原市人民医院党委", "党委") in {(o["name"], o["level"]) for o in article(articles, "004", 1)["party_organizations"]}
    levels = {o["level"] for _, row in articles.iterrows() for o in row["party_organizations"]}
    assert levels <= set(PARTY_LEVELS)


def test_campaigns_and_activity_types(articles: pd.DataFrame) -> None:
    assert list(article(articles, "002")["campaigns"]) == ["我为群众办实事实践活动"]
    assert list(article(articles, "004", 2)["campaigns"]) == ["党史学习教育", "我为群众办实事实践活动", "党的二十大"]
    assert "主题党日" in article(articles, "001")["activity_types"]
    assert "红色教育" in article(articles, "000")["activity_types"]
    assert "支部共建" in article(articles, "004", 2)["activity_types"]
    assert "疫情防控" in article(articles, "004", 1)["activity_types"]
    assert "慰问" in article(articles, "003", 3)["activity_types"]
    labels = {t.label for t in taxonomy()}
    assert {x for _, row in articles.iterrows() for x in row["activity_types"]} <= labels


def test_event_dates_keep_partial_forms(articles: pd.DataFrame) -> None:
    assert list(article(articles, "000")["event_dates"]) == ["2018-11-09", "2018-11-11"]
    assert list(article(articles, "003", 3)["event_dates"]) == ["--10-31"]
    sources = set(articles["year_source"].dropna())
    assert sources <= set(YEAR_SOURCES)
    assert (articles["year"].isna() == articles["year_source"].isna()).all()


def test_places_size_and_keywords(articles: pd.DataFrame) -> None:
    row = article(articles, "003", 1)
    assert {"任城区", "济宁市"} <= {p["name"] for p in row["places"]}
    assert all(p["code"].isdigit() and len(p["code"]) == 6 for _, r in articles.iterrows() for p in r["places"])
    for _, r in articles.iterrows():
        assert r["n_chars"] == len(r["text"].replace("\n", ""))
        assert r["n_paragraphs"] >= 1
        assert 1 <= len(r["keywords"]) <= 10
        assert all(k in r["title"] + r["text"] for k in r["keywords"] if r["title"])


def test_anniversary_names_a_year() -> None:
    found = find_campaigns("在中国共产党建党96周年之际,以“两学一做”为契机")
    assert [(c.name, c.year) for c in found] == [("建党96周年", 2017), ("两学一做学习教育", None)]
    assert all(c.start_year <= (c.end_year or 9999) for c in campaigns())


def _article(title: str, paragraphs: list[str], dateline: str | None = None) -> Article:
    return Article("doc", 0, title, title, None, None, [Section(None, None, paragraphs, paragraphs, 0, 1)], "simplified", dateline=dateline)


def test_rules_on_a_layout_of_our_own() -> None:
    """A text written for this test: short forms, an alias in brackets, a county only
    the gazetteer knows, a national institution, a date without a year."""
    meta = enrich_article(_article(
        "市一医院赴惠民县开展义诊",
        ["6月5日,杭州市第一人民医院(浙江大学医学院附属杭州市第一医院)党委书记王明带队赴惠民县义诊。",
         "市一医院党员为村民义诊,测血压80人次。"],
    ))
    assert meta.institutions == ["杭州市第一人民医院"]
    assert meta.primary_institution == "杭州市第一人民医院"
    assert (meta.province, meta.city) == ("浙江省", "杭州市")  # the institution's place, not the county visited
    assert ("王明", "党委书记") in meta.people
    assert meta.event_dates == ["--06-05"] and meta.year is None
    assert "义诊与健康服务" in meta.activity_types

    national = enrich_article(_article("中国医学科学院肿瘤医院专家赴陕西义诊", ["专家团队在陕西省丹凤县开展义诊。"]))
    assert national.province == "北京市"

    dated = enrich_article(_article("无题", ["党员到村里义诊。"], dateline="本报济宁10月31日讯"))
    assert (dated.province, dated.city) == ("山东省", "济宁市")


@pytest.mark.parametrize(("paragraph", "province"), [
    ("党员们迎着朝阳出发,抵达芜湖市湾沚区。", "安徽省"),  # 朝阳 may be a word: half of 芜湖市
    ("党员们赴西安、西安交流后抵达芜湖市。", "陕西省"),  # two short names weigh one full name; the first wins the tie
    ("党员们赴西安参观学习。", "陕西省"),  # 西安 alone: the city 西安市, not the districts 西安区
    ("党员们走进恩施州大峡谷景区。", "湖北省"),  # 恩施州: a prefecture's short name with its level, whatever jieba's tag
])
def test_a_short_name_in_running_text_counts_half_of_a_full_name(paragraph: str, province: str) -> None:
    assert enrich_article(_article("无题", [paragraph])).province == province


@pytest.mark.parametrize(("paragraph", "province"), [
    ("市中心医院党员赴都江堰市开展义诊。", "四川省"),  # 市中 (a district's short name) is no place in 市中心医院
    ("广安门医院专家赴北京路社区义诊,随后到桐城市开展活动。", "安徽省"),  # 广安门, 北京路: a gate and a street
    ("学校统战部会同两所附属医院赴临沂市兰陵县义诊。", "山东省"),  # 会同 (湖南 county) here means "together with"
    ("党员们来到延安镇红色教育基地参观学习。", None),  # 延安镇: a town named after 延安, not the city
    ("党员们赴扬州镇江两地参观学习。", "江苏省"),  # 扬州 before 镇江: two cities, not a town
])
def test_places_named_inside_other_words_do_not_count(paragraph: str, province: str) -> None:
    assert enrich_article(_article("无题", ["党员们开展活动。", paragraph])).province == province


@pytest.mark.parametrize(("paragraph", "province"), [
    # Three places where the team went count 3 × 0.25 = 0.75: less than the home city's one.
    ("我院援疆医疗队在喀什地区、和田地区、阿克苏地区巡回义诊,队员来自广州市。", "广东省"),
    # Five count 1.25: the aided province still wins when the text is mostly about it (at 0.2
    # the tie would go to the home city, named first).
    ("我院援疆医疗队队员来自广州市,在喀什地区、和田地区、阿克苏地区、伊犁哈萨克自治州、塔城地区巡回义诊。", "新疆维吾尔自治区"),
    ("医疗队在喀什地区、和田地区、阿克苏地区巡回义诊,队员来自广州市。", "新疆维吾尔自治区"),  # no aid mission named
])
def test_places_an_aid_mission_went_to_count_a_quarter(paragraph: str, province: str) -> None:
    assert enrich_article(_article("无题", ["党员们开展活动。", paragraph])).province == province


@pytest.mark.parametrize(("text", "names"), [
    ("区纪委一行到瞿溪街道社区卫生服务中心督查。", ["瞿溪街道社区卫生服务中心"]),  # a subdistrict's name tagged a person's
    ("党员来到海特花园社区卫生服务站义诊。", ["海特花园社区卫生服务站"]),  # a community's name before 社区
    ("全市有7个社区卫生服务站。", []),  # a count is not a name
    ("统战部会同两所附属医院赴兰陵县义诊。", []),  # nor is a count in the name's place (会同 is a county's short name)
    ("近年来904医院发表论文,九〇三医院党委开展活动。", ["904医院", "九〇三医院"]),  # military hospitals go by number
    ("青岛和润堂健康体检中心、温州中西医结合医院和菏泽市立医院参加。", ["青岛和润堂健康体检中心", "温州中西医结合医院", "菏泽市立医院"]),
    ("成立医院党委,市民到医院就诊。", []),
    ("近日,第三中医院党委与第二附属医院党支部开展共建。", ["第三中医院", "第二附属医院"]),  # a city's hospitals by number
    ("市中心医院党委与县中心医院开展共建。", ["市中心医院", "县中心医院"]),  # 市中心: the city's, not the district 市中区
    ("中共城南市第一医院委员会召开大会,中国共产党城南县中医医院委员会参加。", ["城南市第一医院", "城南县中医医院"]),  # the committee's hospital
    # a university's hospitals by its short name and a number; the short form joins the full name
    ("河北医大二院与哈医大六院结对,医大六院院长出席。", ["河北医大二院", "哈医大六院"]),
    ("山东大学第二医院(以下简称山大二院)党委开展活动,山大二院党员参加。", ["山东大学第二医院"]),
    ("黑龙江省齐齐哈尔市第一医院召开大会,齐齐哈尔市第一医院党员参加,第一医院党委书记讲话。", ["黑龙江省齐齐哈尔市第一医院"]),
])
def test_names_of_grassroots_and_numbered_institutions(text: str, names: list[str]) -> None:
    assert [i.name for i in institutions(text)] == names


def test_generic_mentions_are_not_institutions() -> None:
    assert [i.name for i in institutions("加强与上级医院、基层医院和兄弟医院的合作")] == []


def test_load_gives_arrow_dtypes(built: Path) -> None:
    df = hospital_party_news.load("articles", path=built)
    assert len(df) == 11
    assert str(df["year"].dtype) == "int32[pyarrow]"
    assert str(df["published_date"].dtype).startswith("date32")
    assert str(df["institutions"].dtype).startswith("list<")
    assert isinstance(df["published_date"].dropna().iloc[0], dt.date)
    per_province = df.groupby("province").size()
    assert per_province["山东省"] == 4 and per_province["山西省"] == 4
    with pytest.raises(ValueError, match="unknown config"):
        hospital_party_news.load("nope", path=built)
    with pytest.raises(FileNotFoundError, match="build the dataset first"):
        hospital_party_news.load("articles", path=built / "missing")


def test_figures_are_built_and_linked(built: Path) -> None:
    card = (built / "README.md").read_text("utf-8")
    for name in ("articles_by_year.png", "articles_by_province.png", "activity_types.png"):
        png = built / "figures" / name
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert f"(figures/{name})" in card
    manifest = (built / "manifest.json").read_text("utf-8")
    assert "figures/activity_types.png" in manifest


def test_build_without_matplotlib_still_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Figures are the one optional output: an environment without matplotlib gets the
    whole dataset, a card that says why there are no charts, and a line on the log."""
    from hospital_party_news import figures
    from hospital_party_news.pipeline import build

    def missing() -> None:
        raise ImportError("No module named 'matplotlib'")

    monkeypatch.setattr(figures, "_pyplot", missing)
    logged: list[str] = []
    out = tmp_path / "out"
    build(Path(__file__).resolve().parents[1] / "data" / "raw", out, log=logged.append)
    assert len(hospital_party_news.load("articles", path=out)) == 11
    assert not (out / "figures").exists()
    assert "matplotlib was not installed" in (out / "README.md").read_text("utf-8")
    assert any("figures skipped" in line for line in logged)


def test_the_meta_lines_then_the_site_footer_then_county_short_names_give_the_province_when_the_text_names_no_place(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    from hospital_party_news.pipeline import build
    from hospital_party_news.write import parquet_path

    raw = tmp_path / "raw"
    raw.mkdir()
    body = "我院第三党支部开展主题党日活动\n\n发布时间:2022-11-01\n\n10月28日下午,医院第三党支部组织支部党员前往民防科普馆参观学习。\n\n党员们在参与体验互动中了解了民防知识。\n\n"
    (raw / "footer.txt").write_text(body + "Copyright © 2014 上海市阳光康复中心.All Rights Reserved.\n", encoding="utf-8")
    (raw / "icp.txt").write_text(body + "备案编号:浙ICP备14049724号\n", encoding="utf-8")
    (raw / "none.txt").write_text(body, encoding="utf-8")
    # A meta line naming the source is nearer to the article than the site's footer.
    sourced = body.replace("发布时间:2022-11-01", "发布时间:2022-11-01 来源:瓯海区融媒体中心")
    (raw / "meta.txt").write_text(sourced + "Copyright © 2014 上海市阳光康复中心.All Rights Reserved.\n", encoding="utf-8")
    # Last of all, the page's header: a breadcrumb names the site's hospital; the footer is read before it.
    crumbs = "您的位置: 长沙市中心医院 > 新闻中心 > 医院新闻\n\n"
    (raw / "header.txt").write_text(crumbs + body, encoding="utf-8")
    (raw / "header_footer.txt").write_text(crumbs + body + "Copyright © 2014 上海市阳光康复中心.All Rights Reserved.\n", encoding="utf-8")
    # After everything else, a county the text names by its short name (崂山), as a whole word;
    # a county's short name that is mostly an ordinary word (新建) never counts.
    (raw / "county.txt").write_text(body.replace("民防科普馆", "崂山革命烈士陵园"), encoding="utf-8")
    (raw / "county_footer.txt").write_text(body.replace("民防科普馆", "崂山革命烈士陵园")
                                           + "Copyright © 2014 上海市阳光康复中心.All Rights Reserved.\n", encoding="utf-8")
    (raw / "word.txt").write_text(body.replace("民防科普馆", "新建的民防科普馆"), encoding="utf-8")
    build(raw, tmp_path / "ds", log=lambda _: None)
    files = {d["document_id"]: d["source_file"] for d in pq.read_table(tmp_path / "ds" / parquet_path("documents")).to_pylist()}
    articles = pq.read_table(tmp_path / "ds" / parquet_path("articles")).to_pylist()
    province = {files[a["document_id"]]: a["province"] for a in articles}
    assert province == {"footer.txt": "上海市", "icp.txt": "浙江省", "none.txt": None, "meta.txt": "浙江省",
                        "header.txt": "湖南省", "header_footer.txt": "上海市",
                        "county.txt": "山东省", "county_footer.txt": "上海市", "word.txt": None}


def test_heads_of_health_bodies_beyond_hospitals() -> None:
    text = "党员们参观了海淀精神卫生防治院,市卫生计生监督局、区卫计局和上海市阳光康复中心派员参加。"
    assert [i.name for i in institutions(text)] == ["海淀精神卫生防治院", "市卫生计生监督局", "区卫计局", "上海市阳光康复中心"]


def test_the_known_institutions_table_is_well_formed() -> None:
    """Each well-known name once, placed in a province the gazetteer has, with the full name
    that says where it stands; a name that stands in several cities is not in it."""
    from hospital_party_news.enrich.gazetteer import divisions
    from hospital_party_news.enrich.institutions import KNOWN_TABLE, known_province
    from hospital_party_news.enrich.tables import table_rows, table_version

    rows = table_rows(KNOWN_TABLE)
    provinces = {d.province for d in divisions()}
    assert table_version(KNOWN_TABLE) and rows
    assert all(len(r) == 3 and r[1] in provinces and r[2] for r in rows)
    assert len({r[0] for r in rows}) == len(rows)
    assert [known_province(n) for n in ("协和医院", "同济医院", "中山医院")] == [None, None, None]
