"""The cleaning fixers on the cases that matter (more examples in their docstrings)."""

from __future__ import annotations

import pytest

from hospital_party_news.clean import FIXERS, CleanConfig, clean_line, normalize_spaces, remove_pinyin
from hospital_party_news.mojibake import repair
from hospital_party_news.script import detect_script, has_traditional, to_simplified


@pytest.mark.parametrize(
    "text",
    ["本报济宁10月31日讯(记者 唐首政 通讯员 王扬)", "拾黑(shiheibook)了解更多", "成立于(2019)年", "村(社区)活动", "“5+X”(a)模式",
     "中国平安(PingAn)集团", "在湖南(hunan)开展"],  # romanised names: no tone mark
)
def test_pinyin_removal_leaves_other_parentheses(text: str) -> None:
    assert remove_pinyin(text, toneless_ok=True) == (text, [])


def test_a_words_pinyin_goes_when_its_syllables_match_the_characters_before_it() -> None:
    """A word's toned pinyin glued after it, as many syllables as characters (or fewer, down
    to two): removed; more syllables than the characters before it: kept."""
    assert remove_pinyin("通讯员(tōngxùnyuán) 谢梦瑶")[0] == "通讯员 谢梦瑶"
    assert remove_pinyin("武警湖南(húnán)总队")[0] == "武警湖南总队"
    assert remove_pinyin("员(tōngxùnyuán)")[0] == "员(tōngxùnyuán)"  # one character, three syllables


def test_pinyin_removal_toned_and_toneless() -> None:
    assert remove_pinyin("五華區(qū)人民醫(yī)院")[0] == "五華區人民醫院"
    assert remove_pinyin("區(qu)域")[0] == "區(qu)域"  # toneless only where the document shows the pattern
    assert remove_pinyin("區(qu)域", toneless_ok=True)[0] == "區域"


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [("吉林省乾安縣", "吉林省乾安县"), ("之後", "之后"), ("頭髮", "头发"), ("發展", "发展"), ("著名", "著名"), ("顯著", "显著"), ("乾淨", "干净")],
)
def test_script_conversion_pitfalls(traditional: str, simplified: str) -> None:
    assert to_simplified(traditional) == simplified
    assert not has_traditional(simplified)


def test_script_detection() -> None:
    assert detect_script("黨建引領新篇章,持續推進") == "traditional"
    assert detect_script("党建引领新篇章,持续推进") == "simplified"


def test_spaces() -> None:
    assert normalize_spaces("海南州建政 70 周年 主题") == "海南州建政70周年 主题"
    assert normalize_spaces("宣讲会 and 主题教育") == "宣讲会 and 主题教育"
    assert normalize_spaces("促进支部共同发展, 3月29日") == "促进支部共同发展,3月29日"


def test_mojibake_flagged_never_left_as_is() -> None:
    text, flags = clean_line("為當(dāng)?shù)厝罕娞峁└觾?yōu)質(zhì)高效的服務(wù)")
    assert "厝" not in text and "?" not in text
    assert text.startswith("為當地群眾提供") and text.endswith("質高效的服務")
    assert flags == ["pinyin_removed", "mojibake_repaired"]  # in the order the fixers raised them
    assert repair("聯建黨支部??勢互補")[1] == ["mojibake_removed"]
    assert repair("青年飙车在医院门口身亡?当地回应") == ("青年飙车在医院门口身亡?当地回应", [])


def test_traditional_characters_in_a_simplified_page_are_converted_and_flagged(tmp_path) -> None:
    """群衆 in an otherwise simplified page: `text` gets 群众, the flag says so, and
    `text_original` keeps 群衆 (the property tests' invariant: no silent change)."""
    from hospital_party_news.read import read_document
    from hospital_party_news.steps import process

    page = tmp_path / "p.txt"
    page.write_text("医院党支部开展主题党日活动\n\n党员们走进社区,为群衆义诊,测量血压一百余人次,受到居民好评。", "utf-8")
    doc = process(read_document(page, "p.txt", "p", tmp_path, 10**6))
    assert doc.status == "ok" and doc.script == "simplified"
    article = doc.articles[0]
    assert "traditional_characters_converted" in article.quality_flags
    assert "群众" in article.text and "群衆" in article.text_original


def test_quality_flags_outside_the_vocabulary_fail_validation() -> None:
    import datetime as dt

    from hospital_party_news.validate import predicate

    check = predicate("flags", dt.date.today())
    assert check(["pinyin_removed", "traditional_characters_converted"]) and check([]) and check(None)
    assert not check(["pinyin_removed", "made_up_flag"])


def test_fixers_are_a_registry_driven_by_the_config() -> None:
    names = list(FIXERS)
    assert (names[0], names[-1]) == ("remove_invisibles", "normalize_spaces")
    assert clean_line("黨(dǎng)建", CleanConfig().without("remove_pinyin")) == ("黨(dǎng)建", [])
    assert clean_line("<b>黨(dǎng)建</b>", CleanConfig(fixers=("strip_html",))) == ("黨(dǎng)建", ["html_removed"])
    with pytest.raises(ValueError, match="unknown fixers"):
        CleanConfig().without("fix_everything")
