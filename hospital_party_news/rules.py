"""The line-role rules in one place: every threshold the segmenter uses as a named,
documented parameter (``LIMITS``), and the ordered table of named rules (``RULES``) that
give a line piece its role.

Every piece records the rule that decided it (``Document.lines[i].rule``, the
``line_rules`` column of the documents config); ``hospital-party-news inspect`` shows it
beside the role and ``hospital-party-news rules`` prints this table. The code reads
``LIMITS`` at call time, so a test can move one parameter (``tests/test_rule_cases.py``
checks that every parameter has a written-for-test case that fails when it moves).

Stages, in the order they run (``segment.py``):

- ``line``: what a piece is by its own text, wherever it stands;
- ``header``: the zone above an article's first sentence (title, subtitle, captions);
- ``body``: the article's pieces after the header (paragraphs, headings, captions);
- ``page``: whatever is left once articles are cut (pieces outside every article).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace

from .records import Line


def _limit(value: int, reason: str) -> int:
    return field(default=value, metadata={"reason": reason})


@dataclass(frozen=True)
class Limits:
    """Every length and count the rules compare against. Lengths count visible
    characters (spaces not counted)."""

    headline_max_chars: int = _limit(80, "A headline is at most this long, wherever it stands (page top, above a dateline, after a gap); longer unpunctuated lines are wrapped prose or SEO text.")
    title_min_shared_bigrams: int = _limit(1, "A headline shares words with the text below it: a candidate needs at least this many Han bigrams in common with it.")
    short_title_min_shared_bigrams: int = _limit(3, "A line no longer than a navigation label is a headline candidate only when it shares at least this many bigrams with the text (卯院党建活动 over a text about 党建活动; not 党建工作 over any text).")
    dated_headline_bonus: int = _limit(1, "A candidate right above a date line counts as sharing this many more bigrams: headline, date, text is how a web page reads (我为党旗添光彩 over a text about blood donation).")
    kicker_phrase_min_chars: int = _limit(5, "On a web page without a dateline, the line right above the headline is its kicker (引题) only when it is two phrases of Han characters, each at least this long (冬日送温暖 防疫更暖心); shorter pairs are menus (加入收藏 设为首页).")
    kicker_min_shared_bigrams: int = _limit(2, "A headline-shaped line right above the chosen headline is the first line of a two-line headline (引题) when it shares at least this many bigrams with the text.")
    section_echo_pair_ratio: int = _limit(3, "A headline-shaped line after a wide gap that names no institution or Party organisation starts no new article when at least one in this many of its word pairs is in the page's headline: it heads a section of the same story (光荣在党50年 坚如磐石守初心 … / “光荣在党50年”纪念章颁授活动).")
    title_context_chars: int = _limit(400, "How much of the text below the header zone a headline candidate is compared with.")
    title_repeat_min_chars: int = _limit(4, "A line under the headline that the headline holds (its first part again, a photo's title) is a repeat when at least this long; a shorter one is a coincidence.")
    subtitle_max_chars: int = _limit(40, "A second headline line under the first (引题/副题) is shorter than a headline.")
    short_line_max_chars: int = _limit(30, "A standalone line this short in a body is a caption or heading candidate; a short one-clause sentence this long standing alone is a caption.")
    heading_max_chars: int = _limit(22, "An unnumbered sub-heading is at most this long; a longer candidate line is body text.")
    meta_value_max_chars: int = _limit(12, "The value under a bare meta label (信息类别: / 部门信息) is this short.")
    numbered_heading_max_chars: int = _limit(50, "A numbered sub-heading (一、 / (一) / 1. / 第一项) may run to this length.")
    closing_line_max_chars: int = _limit(12, "A short last line of an article: the writing unit's signature (…党支部) or a last heading.")
    title_field_min_chars: int = _limit(4, "The value of a 标题: field is a headline only when at least this long; shorter ones are a search box's label text.")
    signer_max_chars: int = _limit(24, "A unit signing its text with a date on one line (第二党支部 2020-02-28, …志愿者服务工作办公室 2017年3月4日) is at most this long.")
    signature_max_names: int = _limit(3, "A last line of people's names alone is a signature when it names at most this many (writer, photographer, editor); more names are a list.")
    list_entries_min: int = _limit(2, "A list page holds at least this many entries of a date line, a headline and a sentence; each entry is an article. One such entry is an ordinary page's date and headline.")
    nav_label_max_chars: int = _limit(6, "A navigation or column label above a headline (新闻动态, 党建工作) is this short; a headline is longer (it is never a title candidate, nor starts an article after a gap).")
    credited_caption_max_chars: int = _limit(90, "A sentence closed by its photographer's credit in parentheses (…作讲话。(刘梁春 摄)) is a caption when this short: the credit is the photo's; a longer line is a paragraph.")
    caption_cue_max_chars: int = _limit(50, "A line with a caption cue (…摄, 图为…, …合影留念) is a caption only when this short.")
    furniture_max_chars: int = _limit(80, "Site furniture (share prompts, footers, breadcrumbs) is a short line; a long line with such a word is prose.")
    foreign_line_min_words: int = _limit(6, "A line without a Han character holding at least this many Latin words is not the Chinese text (a machine translation after it, an English footer, an image's data URL); shorter runs (CT MRI, DRG付费, a code) are left to the other rules.")
    menu_min_items: int = _limit(4, "A site's menu set apart by bars holds at least this many items (网站首页 | 专题 | 人才招聘 | 联系我们); a headline holds one bar, two at most (党建引领 | 城南医院开展义诊 | 服务群众).")
    menu_item_max_chars: int = _limit(8, "An item of a menu set apart by bars is at most this long (央视网首页, 医院概况党建工作); a longer piece is a headline's phrase.")
    prose_min_full_stops: int = _limit(2, "A line with this many full stops is prose, even if it holds a furniture word.")
    credit_line_max_chars: int = _limit(60, "A credit line (编辑:… 审核:…) is short; a longer line starting with a role word is prose.")
    byline_max_chars: int = _limit(60, "A standalone byline (…记者 张三 通讯员 李四) is short.")
    rubric_max_chars: int = _limit(20, "A rubric in 【】 (【主题党日】, 【连网】) is at most this long, in a headline or opening a paragraph; a longer bracketed run is text.")
    inline_meta_value_max_chars: int = _limit(20, "A value in a run of meta items on one line (来源:城南日报) is this short; a longer run after a label (来源:在喜迎国庆佳节之际,…) is the text itself, the label's value missing.")
    date_line_max_chars: int = _limit(80, "A publication-date or meta line (发布时间 … 来源 … 浏览 …) is short.")
    dotted_meta_min_items: int = _limit(3, "A line of short items set apart by dots with a date among them (中国中医 · 公众号 · 中医 · 2019-05-31 18:30) is a meta line when it has at least this many items besides the date; a headline may hold one dot (学党史·践初心).")
    date_line_max_other_chars: int = _limit(4, "A date line without a meta label holds at most this many characters besides the date.")
    colon_heading_max_chars: int = _limit(20, "A colon-led or dash-led line this short has a heading's shape (会议第一项:学中思, 党课讲什么?——讲理论).")
    phrase_max_chars: int = _limit(10, "Parallel phrases of a heading (红色记忆 追寻初心) are each at most this long…")
    phrase_length_spread: int = _limit(4, "…and differ in length by at most this much.")
    outline_min_headings: int = _limit(2, "An outline (a plan or notice: 二、活动主题 / 缅怀先烈守初心 / 三、参加对象 / 支部全体党员) needs at least this many numbered lines of one style among the short lines; one alone in a run of short lines may be a photo's caption.")
    clause_pair_min_chars: int = _limit(4, "Two clauses joined by one comma, no digit, no full stop (精准测量,守护健康“第一关”), each with at least this many Han characters, head a section even alone; a caption describes one scene and rarely pairs clauses so (a date or a place leads it: 6月30日,在…).")
    cut_off_text_min_commas: int = _limit(2, "The page's last line with at least this many commas and semicolons (and no full stop) is a paragraph the excerpt cut off, not a linked title: a title holds one at most (奉献爱心,从我开始).")
    trailing_links_min_lines: int = _limit(2, "At the end of a page, after the text's last sentence, a run of at least this many headline-shaped lines is a list of other articles' titles; one such line may be a heading or an excerpt cut short.")
    dateline_window_lines: int = _limit(3, "A header line counts as 'before a dateline' when a dateline follows within this many open lines.")

    def reasons(self) -> dict[str, tuple[int, str]]:
        return {f.name: (getattr(self, f.name), f.metadata["reason"]) for f in fields(self)}


LIMITS = Limits()


@dataclass(frozen=True)
class Rule:
    name: str
    stage: str
    role: str
    test: str
    params: tuple[str, ...] = ()


# In the order they are tried within each stage.
RULES: tuple[Rule, ...] = (
    Rule("after_tail_marker", "line", "boilerplate", "Any line after a tail marker, up to the next Markdown heading."),
    Rule("blank", "line", "boilerplate", "Nothing left after cleaning."),
    Rule("tail_marker", "line", "boilerplate", "延伸阅读 / 相关新闻 / 网友评论 / 往期推荐 … on a line of its own: related links follow (only once the page has had some text: above it, such a line is a menu item)."),
    Rule("meta_value_line", "line", "boilerplate", "The short value on the line after a bare meta or credit label (信息类别: / 部门信息, 来源: / 县人民医院党办); a date there is a date line.", ("meta_value_max_chars",)),
    Rule("forum_furniture", "line", "boilerplate", "A forum's furniture around a copied post: the note of its last edit (本帖最后由 … 于 2020-3-4 16:56 编辑: the forum's date, not the article's), the poster's panel (… TA的每日心情 | 开心 2022-6-6 12:22: the mood's date), an attached image's file name with its size and download count, the download button (下载附件), the upload time (2020-2-15 16:46 上传)."),
    Rule("date_line", "line", "date", "A date with a meta label (发布时间, 来源, 浏览 …), a date nearly alone, a source and the time set apart by a bar (洋县和平医院 | 2021-04-25 04:16:08), short items set apart by dots (中国中医 · 公众号 · 中医 · 2019-05-31 18:30) or the time and a news outlet's name after a web address (http://… 2005年02月06日09:36 广州日报大洋网), a source's stamp with the time of day (央视国际 (2003-05-08 15:36:57), 新华社客户端 2021-04-30 21:16 35595), or a piece of a date split over lines; never a welcome banner's date (今天是…: the day of viewing).", ("date_line_max_chars", "date_line_max_other_chars", "inline_meta_value_max_chars", "meta_value_max_chars", "dotted_meta_min_items")),
    Rule("epaper_date_line", "line", "date", "An e-paper's navigation bar that opens with the issue's date (2025/04/16 < 上一版 下一版 >), or a page's header line holding the issue's date and its page label (济宁日报 2023年10月31日 星期二 第03版:健康, A03 党建 2022年04月07日 星期四), not a sentence: the page's date.", ("date_line_max_chars",)),
    Rule("signed_date_line", "line", "date", "A unit and a date on one line, either way round (第二党支部 2020-02-28, 2021-03-08城南眼科医院党支部), or a date then a newspaper's issue (2022年12月12日惠州日报专题): who wrote or printed the text and when.", ("signer_max_chars",)),
    Rule("credit_line", "line", "credit", "Starts with a credit role and a separator (编辑: / 文|图 / 审核: / (消息来源: with its parenthesis left open), or names followed by their role (社会事务科 吴骏 编审), not a sentence.", ("credit_line_max_chars",)),
    Rule("meta_label_line", "line", "boilerplate", "A short line opening with a meta or disclosure-table label and a colon (索引号:, 发布机构:, 点击率:, 字号:, 核稿: …), list markers and spaces in the label ignored."),
    Rule("image_file_name", "line", "boilerplate", "An image file name (微信图片_2021….jpg) or an editor's artefact (from clipboard, a template variable left unfilled: {xunruicms_img_title}) where an image stood."),
    Rule("summary_line", "line", "boilerplate", "A page's summary of the article under a label (摘要 / 内容提要 / 导读 / 核心提示, then a colon, a space or a closing bracket): a teaser the site writes, repeating the lead, not the text."),
    Rule("site_furniture", "line", "boilerplate", "Navigation, breadcrumbs (also without 首页: 全院 > 党建活动 阅读:1114 次), the headers of related-link blocks where they open the line (相关新闻), share marks (—分享—), sign-up and log-in prompts, a forum's anti-copy watermark of letters and symbols (* O& c$ |, J1 R( q6 @/ B), a publishing system's credit (Produced By …), share and follow prompts, footers, addresses, weather widgets, placeholders, symbol-only lines, runs of bracketed buttons (【打印】【关闭】), reaction buttons (收藏 | 评论 | 转发), disclaimers (仅代表作者观点), a news site's rights notice at any length (…未经允许不得转载, 凡本网注明“来源:…”的作品…, 版权咨询电话), the site's footer (主办:, 网站标识码), END marks (—完—), video timers, image prompts and sources (点击图片查看大图, 图片来源:网络), print and font-size buttons, pagers (上一页/下一页), teasers cut short and linked (…和... 更多详情, at any length), related links' titles cut short with .. (no longer than a short line), a menu set apart by bars (央视网首页|搜视|直播|点播).", ("furniture_max_chars", "prose_min_full_stops", "short_line_max_chars", "menu_min_items", "menu_item_max_chars")),
    Rule("foreign_language_line", "line", "boilerplate", "A line without a Han character that holds a run of Latin words: an English translation printed after the Chinese text (journal-teaser sites), an English footer or name, an image's data URL.", ("foreign_line_min_words",)),
    Rule("view_count", "line", "boilerplate", "A view or click count without a date (浏览次数: 123), or a line of two or more meta items without a date, values short or empty (浏览: 来源:山东法制传媒网)."),
    Rule("lone_section_number", "line", "boilerplate", "A section number alone on its line (1 / 02 / 三), as designed pages print it above its heading: the heading is the next line, judged on its own."),
    Rule("title_field_label", "line", "boilerplate", "The label of a headline given as a field (| 标题: … | |, as disclosure tables show it) and the table's bars; the value is left to the header rules.", ("title_field_min_chars",)),
    Rule("inline_meta", "line", "date", "A run of meta items (发布时间:DATE 浏览:N …) between a headline and the text on one line, as a page flattened into one line holds them; cut off as its own piece; also at the start of a line when a publication label opens it and the text follows. A flattened page is first cut into paragraphs at the spaces after full stops.", ("inline_meta_value_max_chars",)),
    Rule("trailing_date_line", "line", "date", "A publication-date label and date, or a bracketed date and meta items, glued to the end of a headline (…活动 发布时间:2013年12月9日, …仪式[ 2023-6-28] 作者:…), cut off as its own piece; the headline is judged alone.", ("date_line_max_chars",)),
    Rule("trailing_source", "line", "date", "A source or author label and its short value glued to the end of a headline (…主题党日活动 来源:人民网, 【…】本文转自:人民网), cut off as its own piece; the headline is judged alone.", ("inline_meta_value_max_chars",)),
    Rule("opening_rubric", "line", "boilerplate", "A rubric in 【】 opening a sentence (【连网】3月5日是学雷锋纪念日。): a site's or column's tag, cut off; the sentence is judged on its own.", ("rubric_max_chars",)),
    Rule("glued_datetime", "line", "date", "A date-time glued to the start of the first sentence, cut off as its own piece."),
    Rule("dateline", "line", "dateline", "本报X月X日讯(记者 … 通讯员 …), 本报X月X日讯 before a space or the event's date, any lead with the day before 讯 / 电 on a line of its own (浙江在线04月21日讯), a media outlet's name with the reporter in parentheses (枝江融媒(记者 …)), 【记者 …】, (记者 …), or a standalone byline (not a reporter's photo credit: 本报记者 张武军摄); cut off the paragraph it opens. A byline glued after a headline or a date line past a space (…慢病随访 记者 王明; 2018-10-31 14:43 | 浙江新闻客户端 通讯员 阮芝芳 记者 陈宁) is cut off first, and a standalone byline followed by a date (本报记者 王明 2023年5月6日) is cut into the byline and a date line.", ("byline_max_chars",)),
    Rule("above_location", "header", "boilerplate", "Text above the line that says where the reader is (首页 > 党群工作 > 基层党建), when sentences stand there and text follows the line: the site's own header and blurb; the page's content begins below."),
    Rule("markdown_title", "header", "title", "A top-level Markdown heading opening an article."),
    Rule("above_headline", "header", "boilerplate", "A line above the chosen headline (navigation, site names, labels, a one-sentence site slogan with the headline and its date line right below it), or a label above text that has no headline.", ("nav_label_max_chars",)),
    Rule("caption_cue", "header", "caption", "Caption words (…摄, 图为…, ▲, …合影留念, a photo's source after a slash: …/图源 城南医院, a credit in parentheses before the stop: …(11月16日摄)。, a position in the photo: (右), (左一)) in a short line, or a longer sentence closed by its photographer's credit in parentheses (…作讲话。(刘梁春 摄)).", ("caption_cue_max_chars", "credited_caption_max_chars")),
    Rule("unit_byline", "header", "credit", "A line above the text that is a unit and its writers' names (中共黑水县委宣传部 王浪 范美祥; at most ``signature_max_names`` names, one the name model knows): the byline, never the headline.", ("signature_max_names",)),
    Rule("headline", "header", "title", "Of the headline-shaped lines above an article's first sentence (not a sentence, or one clause ending with ! or ? with the date line under it; not ending mid-phrase, not opening with the event's time and a comma (5月10日下午,…: a first sentence cut short), not a short label, not only an institution's name as a site's logo shows it, not right under an image unless the date line follows it), the one sharing the most words with the text below; ties go to the later line; a line with a sub-heading's shape right above the text, when another line of that shape heads a later part, is the first section's heading and the candidate above it the headline (not its subtitle either), and when it is the only candidate and only parallel phrases (no colon, dash or number) the page has no headline; a site's name glued after it (…会议_市中医院, … - 健康山东网) is not part of the title. An article starts at the top of the page, at a Markdown heading, at the headline block above a second dateline that text follows (a byline under the last paragraph signs it), or at a headline after a gap wider than the page's usual one between paragraphs when the page's first text has a headline above it (a page opening with its lead paragraph is one article with sections) and the line does not echo that headline's words without naming an institution or Party organisation of its own (one in section_echo_pair_ratio of its word pairs: a section of the same story) (or after a signed paragraph, or a feature's headline with its subject after a dash, …——记…的党员们, after any gap), at each entry of a list page (a date line, a headline and its first paragraph, again and again; the line under an entry's date is its headline by its place, whatever words it shares with a teaser; a teaser the site cut after a finished sentence, …生日快乐!..., is text) followed by prose (never a line with caption words: ▲实地了解养牛场开工进度), once an article's text stands above it and when it shares no more words with the paragraph above than with the text below (else it is a caption about what was just said), unless it has a sub-heading's shape (parallel phrases, a number, a colon: 溯千年文脉,汲先民智慧 heads a section).", ("headline_max_chars", "nav_label_max_chars", "title_min_shared_bigrams", "short_title_min_shared_bigrams", "dated_headline_bonus", "kicker_min_shared_bigrams", "kicker_phrase_min_chars", "title_context_chars", "list_entries_min", "section_echo_pair_ratio")),
    Rule("headline_continued", "header", "title", "The second half of a headline broken over two lines: the chosen headline and the line right above or below it (no blank line between, neither a sentence nor a caption), when the first cannot end a headline (…党委开展, …与) or the second opens with a predicate (召开…, 开展…) or is the head noun of the event the first one's verb names (…开展“庆七一·送健康” / 系列活动); joined in ``title``.", ("headline_max_chars",)),
    Rule("short_caption_before_dateline", "header", "caption", "A short one-clause sentence between a headline and its dateline.", ("short_line_max_chars", "dateline_window_lines")),
    Rule("institution_under_headline", "header", "boilerplate", "A line under the headline that is nothing but an institution's name (洪湖市中医医院): the writing unit or the site's name, not a subtitle."),
    Rule("subtitle", "header", "subtitle", "A second, shorter headline-shaped line without commas or colons; a line opening with a dash (——…侧记) under a headline that shares a word with the text, even with furniture, the date line and credit lines between them and whatever the gaps (right above it, nothing between, any headline-shaped line, however short: 颂歌献给党 / ----…晚会): the headline's subtitle, never the headline itself. Under a kicker (引题: on a newspaper page a headline right above sharing words with the text; on any page two matched phrases right above, 冬日送温暖 防疫更暖心) the main headline is the subtitle, the kicker the title.", ("subtitle_max_chars", "title_min_shared_bigrams", "kicker_min_shared_bigrams", "kicker_phrase_min_chars")),
    Rule("text_before_dateline", "header", "boilerplate", "Other text injected between a headline and its dateline.", ("dateline_window_lines",)),
    Rule("markup_heading", "body", "heading", "An HTML <hN> or Markdown heading inside an article."),
    Rule("title_field_after_text", "body", "title", "In an article without a headline, the value of a 标题: field below the text (a scraper's footer: 标题:快讯:… 地址:…): the page's own statement of its title."),
    Rule("trailing_headlines", "body", "boilerplate", "At the very end of the page, after the text's last sentence, a run of headline-shaped lines (not numbered, not captions), one of them too long for a caption: other articles' titles linked without a label (上一篇 / 下一篇 dropped); the page's last line holding clauses (…角逐,大家在诵读中抒发了…,对…的深刻体会,表现了…) is text cut off, and no run.", ("trailing_links_min_lines", "short_line_max_chars", "headline_max_chars", "cut_off_text_min_commas")),
    Rule("caption_after_signature", "body", "caption", "A line that is not a sentence after a paragraph closed with its writer's signature ((…支部 李祖芳)), or after the article's last credit line when no sentence follows it (图文:张震): the photo captions that follow the text."),
    Rule("paragraph_continues", "body", "body", "The previous body piece did not end its sentence: this is the rest (a hard wrap), unless it opens with a section number (02 …) or as a caption does (图为…, ▲)."),
    Rule("parenthesised_credit", "body", "credit", "A standalone line wholly in parentheses holding a credit or byline ((来源:…), (作者:记者:…))."),
    Rule("parenthesised_signature", "body", "credit", "A standalone line wholly in parentheses closing the article: the writing unit."),
    Rule("parenthesised_caption", "body", "caption", "Any other standalone line wholly in parentheses, and a line of several parenthesised groups side by side (a flattened page's captions): a photo caption."),
    Rule("doubled_line", "body", "caption", "A short line that is not a sentence, printed twice in a row in the body (an image's alt text, then its caption): a caption, never text or a heading.", ("short_line_max_chars",)),
    Rule("title_repeated", "body", "caption", "The headline repeated in the body (a photo title); in the header, the headline or a part of it repeated under it.", ("title_repeat_min_chars",)),
    Rule("caption_under_image", "body", "caption", "A short line that is not a sentence, or a sentence of one clause (淮南新华医院举行庆国庆升旗仪式。), right under an image (its placeholder or file name): the image's caption; unless two or more such lines have a sub-heading's shape and a paragraph right below them (追忆百团烽火,赓续红色血脉): then each heads its section under its photo.", ("short_line_max_chars",)),
    Rule("related_link", "body", "boilerplate", "After the text, a headline-shaped line ending with a date (医院举办护士节表彰大会 2023-05-12): a related article's link.", ("headline_max_chars",)),
    Rule("body_caption_cue", "body", "caption", "Caption words in a short body line (also a credit with its full stop: …通讯员供图。; a photo's position: 左:), or a sentence closed by its photographer's credit in parentheses; never who attended and spoke told with a full stop (…出席会议并讲话。: text), nor a ceremony word closing the second of two sentences (…欢送会在兰州举行。副省长…为医疗队授旗。: text).", ("caption_cue_max_chars", "credited_caption_max_chars")),
    Rule("caption_above_photo_credit", "body", "caption", "A one-sentence line right above a photo's credit standing on its own line (…讨论工作。 / 高 翔摄(新华社发)): the photo's caption.", ("caption_cue_max_chars",)),
    Rule("colon_label_heading", "body", "heading", "After the first paragraph, a short line ending in a colon, not a sentence, not a meta or credit label, not introducing speech or a list (会议指出:, 具体如下:), with text below it not opening a quotation: the label of the section under it (获奖名单:, “一个核心”机制:).", ("colon_heading_max_chars",)),
    Rule("short_line_run", "body", "caption", "In a run of standalone short lines, all but the last are captions; at the article's end the last one too, and so is a last one too long for a heading (…医护人员发出“我是医生!我请战!”的口号 after two captions) or without a heading's shape of its own (讲解心肺复苏知识 / 心肺复苏实操演练: two photos' captions; no number, colon, dash, parallel phrases, 【label】 or clause pair), which then gives no other line heading company.", ("short_line_max_chars",)),
    Rule("outline_heading", "body", "heading", "In a run of standalone short lines, a numbered line (二、活动主题) when the article has at least outline_min_headings of that numbering style (一、 二、, (一) (二), 1. 2.) among its short lines: an outline's heading, never a caption.", ("outline_min_headings", "heading_max_chars", "numbered_heading_max_chars")),
    Rule("outline_text", "body", "body", "The unnumbered short line right under an outline heading in a run of short lines (二、活动主题 / 缅怀先烈守初心,笃行不怠担使命): that section's text, never a caption."),
    Rule("heading", "body", "heading", "A standalone short line followed by body: a heading when the article has two or more (or a markup or colon-label heading), or when it has a heading's shape (一、 / (一) / 1. / 第一项, colon-led or led by a label in 【】, parallel phrases, or, standing alone, two clauses joined by one comma: 强基固本,铸牢“医心向党”的忠诚之魂); a longer unpunctuated line led by a label and a colon, up to numbered_heading_max_chars, when another heading of the article is led so (走访党员患者:以“抗癌榜样”为桥,连通医院与民心 beside 红色研学强信念:…); also a numbered one-sentence line between unnumbered paragraphs (一、高位推动,压实责任。); never a line without a Han character (127) nor one opening with the event's time and a comma (6月9日上午,全体) nor one naming a person with a role (see person_caption).", ("heading_max_chars", "numbered_heading_max_chars", "colon_heading_max_chars", "phrase_max_chars", "phrase_length_spread", "clause_pair_min_chars")),
    Rule("name_label", "body", "caption", "A standalone line of people's names alone (刘若阳) followed by body: a photo's label, never a heading.", ("signature_max_names",)),
    Rule("person_caption", "body", "caption", "A standalone short line followed by body that names a person with a role (黄俊河书记主持, 党支部书记潘向阳为支部党员授课) and has no heading's shape (no number, colon, 【label】 or parallel phrases): what the photo above it shows, never a heading."),
    Rule("lone_short_line", "body", "caption", "A standalone short line followed by body without a heading's shape or company: a photo caption.", ("heading_max_chars",)),
    Rule("long_unpunctuated_line", "body", "body", "A standalone unpunctuated line longer than a heading: prose.", ("heading_max_chars",)),
    Rule("heading_before_fragment", "body", "heading", "The first of the short lines that end an article, when it has a heading's shape and the article has headings: a page cut off after its next heading (三、… then a fragment).", ("heading_max_chars", "numbered_heading_max_chars")),
    Rule("closing_name_signature", "body", "credit", "A very short last line that is only people's names (王晓明 李华): the writers' signature.", ("closing_line_max_chars", "signature_max_names")),
    Rule("closing_heading", "body", "heading", "A very short last line with a heading's shape (parallel phrases, a number, a colon) in an article that has headings.", ("closing_line_max_chars",)),
    Rule("closing_unit_signature", "body", "credit", "A very short last line naming a unit (…医院, …党支部, …科), or a unit and its writers (儿科 韩双梅, 机关党支部王传海, 范湖门诊党支部 陈芳园 张晨峥: a unit of at most ten characters and at most signature_max_names names of two or three characters, one of them a name the name model knows, however long the line): who wrote it.", ("closing_line_max_chars", "signature_max_names")),
    Rule("closing_line_before_furniture", "body", "boilerplate", "Any other standalone last line that site furniture follows (an account's name, a prompt, a stray code above the footer): the article ended above it."),
    Rule("closing_line", "body", "body", "Any other standalone last line, at the end of the page: an excerpt cut off mid-sentence."),
    Rule("prose", "body", "body", "Running text: everything in the body zone no other rule claimed."),
    Rule("outside_articles", "page", "body", "A piece left undecided between articles (kept as body text of the page)."),
    Rule("only_an_address", "page", "boilerplate", "A line that held nothing but a web address."),
)
RULES_BY_NAME = {rule.name: rule for rule in RULES}


def decide(line: Line, rule_name: str) -> Line:
    """A copy of ``line`` with the role of the named rule, and the rule recorded.

    >>> decide(Line(0, 4, "编辑:张三"), "credit_line").role
    'credit'
    """
    rule = RULES_BY_NAME[rule_name]
    return replace(line, role=rule.role, rule=rule.name)


def assign(line: Line, rule_name: str) -> None:
    """Give ``line`` (in place) the role of the named rule."""
    rule = RULES_BY_NAME[rule_name]
    line.role, line.rule = rule.role, rule.name


def markdown_table() -> str:
    """The rule table and the parameters, as Markdown (``hospital-party-news rules``,
    ``schema/RULES.md``)."""
    out = ["# Line-role rules", "", "Generated from `hospital_party_news/rules.py`. Each piece of a raw text gets the role of",
           "the first rule of its stage that matches; `documents.line_rules` records the rule's name.", "",
           "| # | rule | stage | role | what it checks | parameters |", "|---|---|---|---|---|---|"]
    out += [f"| {n} | `{r.name}` | {r.stage} | {r.role} | {r.test.replace('|', chr(92) + '|')} | {', '.join(f'`{p}`' for p in r.params)} |"
            for n, r in enumerate(RULES, start=1)]
    out += ["", "## Parameters", "", "| parameter | value | why |", "|---|---|---|"]
    out += [f"| `{name}` | {value} | {reason.replace('|', chr(92) + '|')} |" for name, (value, reason) in LIMITS.reasons().items()]
    return "\n".join(out) + "\n"

