"""Stage 2, clean: small pure fixers, each doing one thing, composed by ``clean_line``
from a config, as ftfy composes its fixers.

Every fixer takes a string and returns a string (those that can also report what they
did return ``(text, flags)``). ``FIXERS`` names them in the order they run;
``CleanConfig.fixers`` says which run; ``clean_line`` applies them and returns the flags
in the order they were raised. ``clean_document`` applies them to every line piece of a
``Document``, after ``split_markup`` has cut HTML and Markdown into pieces, and flags the
script conversion.
"""

from __future__ import annotations

import html
import itertools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from . import mojibake
from .chars import HAN as _HAN
from .chars import HAN_CHAR, URL
from .patterns import is_watermark  # what a line's own text says about it lives there
from .records import Document, Line
from .script import detect_script, to_simplified

# ---------------------------------------------------------------- text hygiene

_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad\u034f\u180e]")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"[\s\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_CJK_PUNCT = "。,、;:?!…—·“”‘’()《》〈〉【】「」『』〔〕,;:!?()"
_SPACE_NEAR_PUNCT = re.compile(rf" (?=[{_CJK_PUNCT}])|(?<=[{_CJK_PUNCT}]) ")
_SPACE_HAN_DIGIT = re.compile(rf"(?<=[{_HAN}]) (?=\d)|(?<=\d) (?=[{_HAN}])")


def normalize_nfc(text: str) -> str:
    """Unicode NFC, so that one character has one encoding.

    >>> normalize_nfc("e\\u0301") == "\\u00e9"
    True
    """
    return unicodedata.normalize("NFC", text)


# Full-width forms of the ASCII characters (U+FF01–U+FF5E: ，（）：！？；０-９Ａ-ｚ) and
# their ASCII twins: the pages this dataset is made from come with ASCII punctuation (as
# NFKC leaves it), and every rule is written for that; a page copied straight from a
# browser has the full-width forms. Only these 94 characters: NFKC would also rewrite
# ①, ㎡ and … , which carry meaning.
_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}


def fold_fullwidth(text: str) -> tuple[str, list[str]]:
    """Full-width punctuation, digits and Latin letters as their ASCII forms, as NFKC
    gives them (the 。、“”《》【】 of Chinese text have no ASCII form and stay).

    >>> fold_fullwidth("本报讯（通讯员 刘芳）２０２３年６月，义诊。")
    ('本报讯(通讯员 刘芳)2023年6月,义诊。', ['fullwidth_folded'])
    >>> fold_fullwidth("本报讯(通讯员 刘芳)")
    ('本报讯(通讯员 刘芳)', [])
    """
    folded = text.translate(_FULLWIDTH)
    return folded, ["fullwidth_folded"] if folded != text else []


def remove_invisibles(text: str) -> str:
    """Drop byte-order marks, zero-width and bidi marks, soft hyphens and control
    characters (tabs become spaces).

    >>> remove_invisibles("党\\u200b建\\ufeff\\x07\\t工作")
    '党建 工作'
    """
    return _CONTROL.sub("", _INVISIBLE.sub("", text.replace("\t", " ")))


def normalize_spaces(text: str) -> str:
    """No-break, ideographic and other spaces become one ASCII space; no space is left
    next to Chinese punctuation or between a Han character and a digit; spaces between
    Latin words (and between Han phrases, as in headlines) stay.

    >>> normalize_spaces("\\u3000\\u3000建政 70 周年 , 宣讲会 and 主题教育 情系老党员\\u00a0送医上门 ")
    '建政70周年,宣讲会 and 主题教育 情系老党员 送医上门'
    """
    text = _SPACES.sub(" ", text).strip()
    text = _SPACE_NEAR_PUNCT.sub("", text)
    return _SPACE_HAN_DIGIT.sub("", text)


def remove_replacement_chars(text: str) -> tuple[str, list[str]]:
    """U+FFFD marks bytes a decoder gave up on; the character is lost either way.

    >>> remove_replacement_chars("新中国\\ufffd成立")
    ('新中国成立', ['replacement_char_removed'])
    """
    if "\ufffd" not in text:
        return text, []
    return text.replace("\ufffd", ""), ["replacement_char_removed"]


def remove_urls(text: str) -> tuple[str, list[str]]:
    """Cut web addresses out of a line of prose (a line that is only links is
    boilerplate, and the segmenter decides that before this runs).

    >>> remove_urls("软件下载就上极速下载站:https://www.example.com/放疗科党支部")
    ('软件下载就上极速下载站:放疗科党支部', ['url_removed'])
    """
    new = URL.sub("", text)
    return new, (["url_removed"] if new != text else [])


# ---------------------------------------------------------------- HTML left in text

_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
# A tag cut off at the end (<p class="ql-), or at the start: the line begins inside an
# attribute's value (a page's description, copied from <meta content="…" />), up to its close.
_PARTIAL_TAG = re.compile(r"<[a-zA-Z/][^<>]*$|^[^<>]*?\"\s*/?>")
_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,6}|#x[0-9a-fA-F]{2,5});|\?(?:nbsp|amp|quot|lt|gt);")  # ?nbsp;: its & garbled
# A line break escaped by a scraper that wrote a JSON string out as text (\n双方党支部…):
# never a word of the text, unless Latin letters go on (C:\new).
_ESCAPED_BREAK = re.compile(r"\\[nrt](?![A-Za-z])")
# A Markdown image (![](/Files260/BeyondPic/….jpg)): where a picture stood, never text.
_MARKDOWN_IMAGE = re.compile(r"!\[[^\]]{0,200}\]\([^()\s]{0,300}(?:\)|$)")  # or cut off at the line's end
# Images' file names glued after a paragraph's last sentence (…喜悦。img_7240_副本.jpgIMG_7107.JPG):
# where pictures stood, never text.
_GLUED_IMAGE_FILES = re.compile(r"(?<=[。!?!?”\"])(?:[A-Za-z0-9][\w\-]{0,40}\.(?:jpe?g|png|gif|bmp|webp)\s*)+$", re.IGNORECASE)


# A forum's anti-copy junk wrapped in its own tag (Discuz: <font class="jammer">6 w O9 n(</font>):
# the tag and what it holds go, closed or not, also when a garbled copy lost its "<" (?font …).
_JAMMER = re.compile(r"""[<?]?(font|span)\b[^<>]*\bclass\s*=\s*["']?jammer\b[^<>]*>[^<]*(?:</\1\s*>)?""", re.IGNORECASE)


def strip_html(text: str) -> tuple[str, list[str]]:
    """Remove inline HTML tags, a tag cut off at either end, entities, Markdown images,
    and line breaks a scraper left escaped (a backslash and n).

    >>> strip_html('<b>感知患者心声。</b>播放&nbsp;视频<p class="ql-')
    ('感知患者心声。播放\\xa0视频', ['html_removed'])
    >>> strip_html('地震发生后,各党支部纷纷递交了附有全体" />')
    ('', ['html_removed'])
    >>> strip_html(r'\\n双方党支部以党建为统领。\\n'), strip_html(r'C:\\new')
    (('双方党支部以党建为统领。', ['html_removed']), ('C:\\\\new', []))
    >>> strip_html('![](/Files260/BeyondPic/2021-5/8/21.jpg)'), strip_html('![]()我市卫生系统开展活动'), strip_html('![34.jpg](/d/file/20')
    (('', ['html_removed']), ('我市卫生系统开展活动', ['html_removed']), ('', ['html_removed']))

    A forum's junk in its jammer tag goes with the tag:

    >>> strip_html('无论生死!<font class="jammer">6 w O9 n( v! s$ ~2 v</font>元月29日')
    ('无论生死!元月29日', ['html_removed'])
    >>> strip_html('无论生死?!?font class="jammer">6 w O9 n( v! s$'), strip_html('情怀。?nbsp;')
    (('无论生死?!', ['html_removed']), ('情怀。\xa0', ['html_removed']))

    Images' file names glued after a paragraph's last sentence go too:

    >>> strip_html('脸上满是自豪和喜悦。img_7240_副本.jpgIMG_7107.JPG'), strip_html('上传了照片a.jpg')
    (('脸上满是自豪和喜悦。', ['html_removed']), ('上传了照片a.jpg', []))
    """
    new = _PARTIAL_TAG.sub("", _TAG.sub("", _MARKDOWN_IMAGE.sub("", _GLUED_IMAGE_FILES.sub("", _JAMMER.sub("", text)))))
    new = _ESCAPED_BREAK.sub("", _ENTITY.sub(lambda m: html.unescape("&" + m.group()[1:]), new))
    return new, (["html_removed"] if new != text else [])


# ---------------------------------------------------------------- a watermark's tail

# Short tokens of letters, digits and symbols after a paragraph's last character
# (…(随县中医医院 徐小丽、纪翔) 8 S6 p. P: ]7 C s): a forum's anti-copy watermark glued on.
_TAIL_TOKENS = re.compile(rf"(?<=[。!?)”{_HAN}])\s+((?:[^\s{_HAN}]{{1,4}}\s+)+[^\s{_HAN}]{{1,4}})\s*$")


def remove_watermark_tail(text: str) -> tuple[str, list[str]]:
    """Cut a forum's watermark glued after a line's last sentence (the same test as a
    watermark standing on its own line: ``patterns.is_watermark``).

    >>> remove_watermark_tail("为群众办实事。(城南医院 徐小丽) 8 S6 p. P: ]7 C s")
    ('为群众办实事。(城南医院 徐小丽)', ['boilerplate_removed'])
    >>> remove_watermark_tail("' c) h$ O2 B l. S")
    ("' c) h$ O2 B l. S", [])
    >>> remove_watermark_tail("检测结果 PM2.5 CT MRI"), remove_watermark_tail("共120人次 2 3")
    (('检测结果 PM2.5 CT MRI', []), ('共120人次 2 3', []))
    """
    m = _TAIL_TOKENS.search(text)
    # a watermark line of its own (' c) h$ O2 B l. S) is left whole, for the line rules to drop
    if m is None or not HAN_CHAR.search(text, 0, m.start()) or not is_watermark(m.group(1)):
        return text, []
    return text[: m.start()], ["boilerplate_removed"]


# A watermark's head: the same kind of tokens before a line's first Han character or
# digit (3 b" ~ s! S& Q7 Y 随州日报讯…), where a forum copy puts it on a paragraph's start.
_HEAD_TOKENS = re.compile(rf"^\s*((?:[^\s{_HAN}]{{1,4}}\s+)+)(?=[{_HAN}0-9])")


def remove_watermark_head(text: str) -> tuple[str, list[str]]:
    """Cut a forum's watermark glued before a line's first Han character.

    >>> remove_watermark_head('3 b" ~ s! S& Q7 Y 随州日报讯(全媒记者徐军国)')
    ('随州日报讯(全媒记者徐军国)', ['boilerplate_removed'])
    >>> remove_watermark_head(". ] G: y; q/ L 2月14日,雷慧娟写下入党申请书")
    ('2月14日,雷慧娟写下入党申请书', ['boilerplate_removed'])
    >>> remove_watermark_head("A4 B5 纸张"), remove_watermark_head("1 2 3 号楼")
    (('A4 B5 纸张', []), ('1 2 3 号楼', []))
    """
    m = _HEAD_TOKENS.match(text)
    if m is None or not is_watermark(m.group(1).strip()):
        return text, []
    return text[m.end():], ["boilerplate_removed"]


# ---------------------------------------------------------------- SEO spam

# Copy sites of gambling portals replace a hospital's name with their own brand and its
# portal words (开云体育app官网入口下载 党委书记…, 发条娱乐下载-瑞金医院…). A spam token is a
# brand (two Han characters, maybe Latin letters: 环球ug), an optional gambling word and a
# chain of portal words. A lone portal word is prose (官方, 下载, 客户端), so the token needs
# at least ``SPAM_MIN_MARKERS`` words and a sure sign: a gambling word, or 入口 / 手机版,
# which news prose does not write after a two-character name.
_GAMBLING_WORDS = ("体育", "娱乐", "彩票", "棋牌", "电竞", "體育", "娛樂", "電競")
_PORTAL_WORDS = ("app", "APP", "App", "手机版", "手機版", "客户端", "客戶端", "官方网站", "官方網站", "官网",
                 "官網", "官方", "网页版", "網頁版", "入口", "下载", "下載")
_SURE_PORTAL_WORDS = frozenset({"入口", "手机版", "手機版"})
_SURE_SIGNS = (*_GAMBLING_WORDS, *_SURE_PORTAL_WORDS)  # a token holds one of these
SPAM_MIN_MARKERS = 2
_PORTAL = "|".join(_PORTAL_WORDS)
_SPAM = re.compile(rf"[{_HAN}]{{2}}[A-Za-z]{{0,4}}({'|'.join(_GAMBLING_WORDS)})?((?:{_PORTAL})+)[\s\-_—|丨]*")
_PORTAL_WORD = re.compile(_PORTAL)


def _is_spam(m: re.Match[str]) -> bool:
    portal = _PORTAL_WORD.findall(m.group(2))
    return bool(m.group(1)) + len(portal) >= SPAM_MIN_MARKERS and (
        bool(m.group(1)) or any(word in _SURE_PORTAL_WORDS for word in portal))


def remove_seo_spam(text: str) -> tuple[str, list[str]]:
    """Cut a gambling portal's brand and portal words, with the space or dash after them.

    >>> remove_seo_spam("座谈会上,开云体育app官网入口下载 党委书记唐自力")
    ('座谈会上,党委书记唐自力', ['boilerplate_removed'])
    >>> remove_seo_spam("发条娱乐下载-瑞金医院援汉医疗队")
    ('瑞金医院援汉医疗队', ['boilerplate_removed'])
    >>> remove_seo_spam("▲环球ug手机版官方网站党委副书记 周艳")[0]
    '▲党委副书记 周艳'
    >>> remove_seo_spam("可在医院官方APP下载报告"), remove_seo_spam("欢迎访问本院官方网站")
    (('可在医院官方APP下载报告', []), ('欢迎访问本院官方网站', []))
    >>> remove_seo_spam("患者可从东门入口进入")  # one sure word alone is prose
    ('患者可从东门入口进入', [])
    """
    if not any(word in text for word in _SURE_SIGNS):  # most lines: skip the scan (0.19 → 0.01 ms/file)
        return text, []
    new = _SPAM.sub(lambda m: "" if _is_spam(m) else m.group(), text)
    return new, (["boilerplate_removed"] if new != text else [])


# ---------------------------------------------------------------- pinyin annotations

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
MAX_WORD_SYLLABLES = 4  # a word's pinyin glued after it: words of up to this many characters
LONGEST_SYLLABLE = 6  # letters of the longest pinyin syllable (zhuang, chuang)
_TONELESS = str.maketrans(_TONED, "aaaaeeeeiiiioooouuuuüüüünnnm")
# A Han character, then a parenthesised Latin run (the '(' may have become '?' in a
# garbled copy); whether the run is pinyin is decided against the syllable inventory.
_ANNOTATION = re.compile(rf"(?<=[{_HAN}])[((?] ?([a-zA-Zü{_TONED}]{{1,7}}) ?[))]")
# A toned syllable needs no Han character before it: Chinese prose never writes tone
# marks, and a garbled run may have turned the annotated character into a Latin byte
# (``I(lǐng)``).
_TONED_ANNOTATION = re.compile(rf"(?<=\S)[((] ?([a-zA-Zü{_TONED}]{{1,7}}) ?[))]")


@lru_cache(maxsize=1)
def pinyin_syllables() -> frozenset[str]:
    text = resources.files("hospital_party_news").joinpath("data/pinyin_syllables.txt").read_text("utf-8")
    return frozenset(s for s in text.split() if not s.startswith("#"))


def _plain(run: str) -> str:
    """A pinyin run as the syllable inventory writes it: lower case, toneless, ü for v."""
    return run.lower().translate(_TONELESS).replace("v", "ü")


def _is_syllable(run: str, toneless_ok: bool) -> bool:
    toned = any(ch in _TONED for ch in run)
    return (toned or toneless_ok) and _plain(run) in pinyin_syllables()


# A word's pinyin glued after the word (通讯员(tōngxùnyuán), 湖南(húnán)): as many syllables as
# Han characters right before it, at least one of them toned (a romanised name, 平安(PingAn),
# carries no tone mark and stays).
_WORD_ANNOTATION = re.compile(rf"([{_HAN}]{{2,{MAX_WORD_SYLLABLES}}})[((] ?([a-zü{_TONED}]{{4,{LONGEST_SYLLABLE * MAX_WORD_SYLLABLES}}}) ?[))]")


def _syllable_counts(run: str) -> set[int]:
    """How many syllables ``run`` (toneless, lower case) can be split into.

    >>> sorted(_syllable_counts("tongxunyuan")), sorted(_syllable_counts("xian")), _syllable_counts("shiheibook")
    ([3, 4], [1, 2], set())
    """
    syllables = pinyin_syllables()
    counts: list[set[int]] = [set() for _ in range(len(run) + 1)]
    counts[0].add(0)
    for end in range(1, len(run) + 1):
        for start in range(max(0, end - LONGEST_SYLLABLE), end):
            if counts[start] and run[start:end] in syllables:
                counts[end] |= {n + 1 for n in counts[start]}
    return counts[-1]


def _drop_word_pinyin(match: re.Match[str]) -> str:
    han, run = match.group(1), match.group(2)
    if not any(ch in _TONED for ch in run):
        return match.group()
    return han if any(2 <= n <= len(han) for n in _syllable_counts(_plain(run))) else match.group()


def count_toned_annotations(text: str) -> int:
    return sum(1 for m in _ANNOTATION.finditer(text) if any(ch in _TONED for ch in m.group(1)))


def remove_pinyin(text: str, toneless_ok: bool = False) -> tuple[str, list[str]]:
    """Remove a parenthesised pinyin syllable glued after a Han character, and a word's toned
    pinyin glued after the word (``_WORD_ANNOTATION``). Toneless
    syllables only when the document shows the pattern (``toneless_ok``); anything that
    is not a real syllable (``(shiheibook)``) and every other parenthesis stays.

    >>> remove_pinyin("黨建引領(lǐng)新篇章(記者 唐首政)拾黑(shiheibook)(2019)")
    ('黨建引領新篇章(記者 唐首政)拾黑(shiheibook)(2019)', ['pinyin_removed'])
    >>> remove_pinyin("當(dāng)?shù)地")[0]
    '當地'
    >>> remove_pinyin("區(qu)域", toneless_ok=True)
    ('區域', ['pinyin_removed'])
    >>> remove_pinyin("社會(huì )服務")[0]
    '社會服務'
    >>> remove_pinyin("笔痉兑I(lǐng)作用 Vitamin(a)")
    ('笔痉兑I作用 Vitamin(a)', ['pinyin_removed'])
    >>> remove_pinyin("通讯员(tōngxùnyuán) 谢梦瑶,武警湖南(húnán)总队,中国平安(PingAn)")[0]
    '通讯员 谢梦瑶,武警湖南总队,中国平安(PingAn)'
    """
    new, previous = text, None
    while new != previous:  # an annotation can follow a removed one: 當(dāng)?shù)
        previous = new
        new = _ANNOTATION.sub(lambda m: "" if _is_syllable(m.group(1), toneless_ok) else m.group(), new)
        new = _TONED_ANNOTATION.sub(lambda m: "" if _is_syllable(m.group(1), False) else m.group(), new)
        new = _WORD_ANNOTATION.sub(_drop_word_pinyin, new)
    return new, (["pinyin_removed"] if new != text else [])


# ---------------------------------------------------------------- composition


@dataclass(frozen=True)
class CleanConfig:
    fixers: tuple[str, ...] | None = None  # names from FIXERS, run in FIXERS' order; None: all
    toneless_pinyin: bool = False  # set per document when it shows toned annotations

    def without(self, *names: str) -> CleanConfig:
        """The same config with some fixers switched off."""
        unknown = set(names) - set(FIXERS)
        if unknown:
            raise ValueError(f"unknown fixers: {sorted(unknown)}")
        return replace(self, fixers=tuple(n for n in (self.fixers or FIXERS) if n not in names))


Fixer = Callable[[str, CleanConfig], tuple[str, list[str]]]


def _silent(fix: Callable[[str], str]) -> Fixer:
    return lambda text, _config: (fix(text), [])


# The fixers in the order they run. Invisibles go first so that no later pattern is
# broken by a zero-width space; markup before pinyin and garbled runs, which look at
# the characters the reader sees; spaces last, after everything that removes text.
FIXERS: dict[str, Fixer] = {
    "remove_invisibles": _silent(remove_invisibles),
    "normalize_nfc": _silent(normalize_nfc),
    "fold_fullwidth": lambda text, _config: fold_fullwidth(text),
    "strip_html": lambda text, _config: strip_html(text),
    "remove_watermark_tail": lambda text, _config: remove_watermark_tail(text),
    "remove_watermark_head": lambda text, _config: remove_watermark_head(text),
    "remove_seo_spam": lambda text, _config: remove_seo_spam(text),
    "remove_replacement_chars": lambda text, _config: remove_replacement_chars(text),
    "remove_pinyin": lambda text, config: remove_pinyin(text, config.toneless_pinyin),
    "repair_mojibake": lambda text, _config: mojibake.repair(text),
    "normalize_spaces": _silent(normalize_spaces),
}


def clean_line(text: str, config: CleanConfig = CleanConfig()) -> tuple[str, list[str]]:
    """The configured fixers in order; returns the cleaned text and the flags raised, in
    the order they were raised.

    >>> clean_line("\\ufeff當?shù)厝罕娞峁└觾?yōu)質(zhì)的服務(wù)。 ")
    ('當地群眾提供優質的服務。', ['pinyin_removed', 'mojibake_repaired'])
    >>> clean_line("<b>黨建(dǎng)</b>", CleanConfig().without("strip_html"))
    ('<b>黨建</b>', ['pinyin_removed'])
    """
    flags: list[str] = []
    for name, fix in FIXERS.items():
        if config.fixers is None or name in config.fixers:
            text, raised = fix(text, config)
            flags += [flag for flag in raised if flag not in flags]
    return text, flags


# ---------------------------------------------------------------- markup pieces

_BLOCK_TAG = re.compile(
    r"<(/?)(p|div|h[1-6]|br|li|ul|ol|tr|td|th|table|section|article|header|footer|blockquote|center)\b[^<>]*>",
    re.IGNORECASE,
)
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+")


def split_markup(line: Line, raw: str) -> list[Line]:
    """Cut one physical line into pieces at HTML block tags; mark ``<hN>`` and Markdown
    ``#`` headings with a ``html-heading:N`` / ``md-heading:N`` hint. The pieces' spans
    tile the raw line (tags go with the piece before them).

    >>> raw = "<p>甲。</p><h1><b>乙</b></h1> 丙"
    >>> [(p.text, p.hint) for p in split_markup(Line(0, len(raw), raw), raw)]
    [('甲。', None), ('<b>乙</b>', 'html-heading:1'), (' 丙', None)]
    """
    md = _MD_HEADING.match(line.text)
    if md:
        return [replace(line, text=line.text[md.end() :], hint=f"md-heading:{len(md.group(1))}")]
    if not _BLOCK_TAG.search(line.text):
        return [line]
    pieces, pos, hint = [], 0, None
    for m in [*_BLOCK_TAG.finditer(line.text), None]:
        end = m.start() if m else len(line.text)
        chunk = line.text[pos:end]
        if chunk.strip():
            pieces.append(replace(line, start=line.start + pos, end=line.start + end, text=chunk, hint=hint,
                                  blank_before=line.blank_before if not pieces else 0))
        if m:
            tag = m.group(2).lower()
            if tag.startswith("h"):
                hint = None if m.group(1) else f"html-heading:{tag[1]}"
            pos = m.end()
    # The tags between pieces belong to the piece before them, so the pieces tile the line.
    for piece, after in itertools.pairwise(pieces):
        piece.end = after.start
    if pieces:
        pieces[0].start, pieces[-1].end = line.start, line.end
    return pieces or [line]


def clean_document(doc: Document, config: CleanConfig = CleanConfig()) -> Document:
    """The clean step: markup pieces, fixers on every piece, the document's script."""
    if doc.status != "ok":
        return doc
    pieces = [piece for line in doc.lines for piece in split_markup(line, doc.raw_text)]
    config = replace(config, toneless_pinyin=count_toned_annotations(doc.raw_text) >= 2)
    flags: set[str] = set()
    for piece in pieces:
        piece.text, raised = clean_line(piece.text, config)
        flags.update(raised)
    doc.lines = pieces
    doc.script = detect_script("".join(p.text for p in pieces))
    changed = False
    for piece in pieces:
        piece.simplified = to_simplified(piece.text)
        changed = changed or piece.simplified != piece.text
    if doc.script == "traditional":
        flags.add("converted_from_traditional")
    elif changed:  # a simplified page with a few traditional characters (群衆): say they were converted
        flags.add("traditional_characters_converted")
    doc.quality_flags = sorted(flags)
    return doc
