"""What a line *is*, judged from its own text (simplified script): boilerplate, credit,
dateline, publication-date line, photo caption, headline shape. Pure functions; the
segmenter (``segment.py``) combines them with the line's position.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from . import rules
from .chars import HAN, HAN_CHAR, URL
from .dates import DATE_PATTERNS, YEAR, parse_date

TERMINAL = "。!?!?…;;"
CLOSERS = "”’」』))》〉】]\"'"
SOFT_END = ",,、::“‘「『((《〈—-·"  # a line ending in these continues on the next line
# Characters that do not start a sentence: a line beginning with one continues the last.
CONTINUATION_START = set("的地得了着过们等之并而及与和或,,、。;;::)》”’!?!?")
# Words that open a sentence although their first character alone would continue one
# (和谐的理念…, 着力打造…, 了解到…, 及时发现…): a line opening with them starts afresh.
_FRESH_OPENERS = ("和谐", "着力", "着眼", "着重", "了解", "过去", "之后", "之前", "之所以", "等待", "与会", "而今",
                  "得益", "地方", "的确", "及时", "或许")


def continues_sentence(text: str) -> bool:
    """Whether a line opens inside a sentence (…的 / 和… / ,…), judged by its first
    character, unless a word that opens sentences begins with it.

    >>> continues_sentence("和医院的党员一起"), continues_sentence("和谐的理念就是以人为本"), continues_sentence("着力打造党建品牌")
    (True, False, False)
    """
    t = text.lstrip()
    return bool(t) and t[0] in CONTINUATION_START and not t.startswith(_FRESH_OPENERS)


def visible_len(text: str) -> int:
    """Characters that are not white space (str.split splits on exactly what ``\\s`` matches).

    >>> visible_len("记者 王扬\u3000摄")
    5
    """
    return sum(map(len, text.split()))


def ends_sentence(text: str) -> bool:
    """Whether a line ends like a finished sentence (closing quotes and brackets are
    looked through).

    >>> ends_sentence("感受“红船”精神。"), ends_sentence("“七大中"), ends_sentence("他说:“好。”")
    (True, False, True)
    >>> ends_sentence("繁荣昌盛,生日快乐!..."), ends_sentence("医院开展义诊活动...")  # a teaser cut after its stop
    (True, False)
    """
    t = _DOTS_AFTER_STOP.sub("", text.rstrip())
    while t and t[-1] in CLOSERS:
        t = t[:-1].rstrip()
    return bool(t) and t[-1] in TERMINAL


# A list page's teaser cut short after a finished sentence (…生日快乐!...): the dots are the
# site's, the sentence is finished.
_DOTS_AFTER_STOP = re.compile(r"(?<=[。!?!?])\.{2,}$")


def is_prose(text: str) -> bool:
    """A sentence or more of running text (as opposed to a headline or a label)."""
    return ends_sentence(text) or "。" in text


# ---------------------------------------------------------------- boilerplate

# A welcome banner's greeting (欢迎访问…), furniture wherever it stands.
_WELCOME = r"欢迎(?:光临|访问|来到|您)"
# Where a page says where the reader is (当前位置: 首页 > …): furniture, and the content
# area begins below it (``is_location_line``).
_LOCATION = r"您?(?:当前|所在)?的?位置[::]|当前位置|首页\s*(?:>|->|»|/)"
_BOILERPLATE = re.compile(
    rf"({_LOCATION}|>>|->|»"
    r"|分享到|分享至|扫一扫|扫码|微信扫|长按(?:识别|二维码)|二维码|打印本页|关闭窗口|返回顶部|收藏本|字号[::]|【字体|字体[::]"
    r"|网友评论|全部评论|查看更多评论|更多评论|发表评论|我要评论|欢迎到\S{1,12}参[加与]讨论|热榜|^\W{0,3}(?:相关推荐|相关文章|相关阅读|相关新闻|延伸阅读|推荐阅读|猜你喜欢|热门文章)|上一篇|下一篇|上一版|下一版|版面导航|^(?:next|previous|prev)(?:\s+(?:article|post|page|story))?$"
    r"|热线[::]|电话[::]|^[\d\-—()() ]{7,}$|原创文章|转载请|(?:不得|禁止|严禁)(?:转载|复制)|^请输入验证码|^看不清[,,]?换一张"
    # a comment form: its prompt and its bare fields (署名:* / 邮箱: / 验证码: 刷新)
    r"|提交评论|^验证码[::]|^新闻链接[::]|^站内搜索[::]?$|^进入编辑状态$|没有账号|马上注册|才可以(?:下载|查看|浏览|回复)|^(?:署名|昵称|邮箱|留言|评论内容|您的评论)[::]\s*\*?$"
    rf"|{_WELCOME}|您好,?欢迎|今天是[::]|^今天是|读完约|阅读时间|^本篇文章\d+字|^返\s*回(?:列表|首页)?$|^更多\s*>*$|相关话题|相关链接|推荐公告|系统登录|^新闻组图|^\S{{0,4}}(?:组图|图集|剪影|掠影|集锦|花絮)[::]?$"
    r"|^打开\S{0,10}(?:APP|客户端)|^打开\S{0,6}新闻\s*查看|查看精彩图片|下载\S{0,6}(?:APP|客户端)|APP内?(?:阅读|查看)"
    r"|关注(?:公众号|我们|微信)|公众号[::]?\s*关注|点击关注|点击(?:上方|下方|右上角)[^。]{0,30}关注|欢迎关注|友情链接|赞助链接|限时推广|广告|免责声明"
    r"|copyright|©|版权所有|all rights reserved|produced by|powered by|发布系统|icp备|icp证|公网安备|技术支持|联系电话|联系我们|网站支持|ipv6|推荐使用|分辨率|浏览器|主办单位|承办单位"
    r"|^(?:[【\[]\s*[^】\]]{1,6}\s*[】\]]\s*){2,}$|^阅读原文$|^点个?在看|^点赞|往期(?:推荐|回顾|精彩)"
    # share and reaction buttons, app prompts, disclaimers, site footers, end marks
    r"|^[-—–\s]*分享[::]?[-—–\s]*$|^(?:立即|免费)?注册$|^(?:用户|会员)?(?:登录|登入)(?:\s*[|/]\s*注册)?$|在\S{0,6}(?:APP|客户端)内?打开|^打开\S{0,8}查看|^举报|^纠错$|【纠错】|^手机(?:看|版|阅读|浏览)"
    r"|^(?:收藏|评论|转发|点赞|分享|打赏|在看)(?:\s*[|/]?\s*(?:收藏|评论|转发|点赞|分享|打赏|在看|举报))*$"
    r"|^(?:打印|关闭|复制链接|返回顶部)(?:\s*[|/]?\s*(?:打印|关闭|复制链接|返回顶部|收藏|分享))+$"
    r"|仅供参考[,,]\s*不(?:能)?作为\S{0,8}依据|在线咨询客服|仅代表\S{0,6}观点|^特别声明|^声明[::]|^原标题[::]|^点击进入|^(?:编辑|热点|热门|精彩)推荐$|小时热文|^排行榜$|^网站地图"
    r"|^(?:主办|承办|协办)(?:单位)?[::]|网站标识码|^上一条|^下一条|^本文(?:标题|链接|网址|地址)[::]|备案号|备案编号|^打印\s*[|/]\s*关闭|^[-—–\s]*(?:THE\s+)?END[-—–\s]*$"
    r"|^[-—–(\s]*完[)\-—–\s]*$|^\d{1,2}:\d{2}\s*/\s*\d{1,2}:\d{2}$|点击\S{0,6}查看|滑动查看|查看(?:大图|原图)"
    r"|^(?:打印|关闭)(?:此页|本页|窗口)?$|[【\[]\s*大\s*中\s*小\s*[】\]]|^A\s*\+\s*A\s*-$|^查看:?\s*\d+\s*次?$|图片(?:由\S{0,20})?提供|图片来源"
    r"|^(?:微信)?(?:公众号|服务号|订阅号|视频号)$|天气预报|空气质量指数|空气质量等级"  # a weather widget
    r"|上一页|下一页|^(?:首页|尾页|末页)$"
    r"|^(?:在线客服(?:系统)?|在线咨询|预约挂号|网上预约|客服热线)$"  # a hospital site's service widgets
    r"|^(?:放大|缩小|默认|还原)(?:\s*[|/]?\s*(?:放大|缩小|默认|还原)){1,}$"  # a font-size widget
    r"|^(?:阅读提示|核心提示|内容提要|导读|编者按)[::]?$"  # a newspaper's label above its summary
    r"|只看该作者|使用道具|跳转到指定楼层|电梯直达|回帖奖励|倒序浏览|^(?:楼主|沙发|板凳|地板|回复|阅读模式)$"  # a forum thread's buttons
    r"|\.com\b|\.cn\b)",
    re.IGNORECASE,
)
# Once one of these starts the tail of a page, the rest of the page is not the article.
# The header of a related-links block: a kind of list (热点, 相关, 往期 …) and what it lists
# (新闻, 资讯, 阅读 …), either way round (热点新闻, 新闻热点), or a few fixed labels.
_TAIL_MARKER = re.compile(
    r"^(?:(?:热点|热门|最新|推荐|相关|更多|精彩|图片|往期|延伸)(?:新闻|资讯|动态|文章|阅读|报道|推荐|回顾|精彩)"
    r"|(?:新闻|资讯|文章)(?:推荐|热点|排行)|阅读排行|点击排行|猜你喜欢|友情链接|网友评论|全部评论)[::]?$"
)
_PLACEHOLDER = re.compile(r"^(?:\[?\s*(?:图片|图|视频|image|img|photo|(?:本文|文章)?插图|配图)\s*\d{0,3}\s*\]?|点击播放|\[\s*[^\]]{1,10}\s*\])$", re.IGNORECASE)
# A related link's title cut short by the site (感谢信..): two or more ASCII full stops end a
# short line. (The Chinese ellipsis …… ends sentences and is text.)
# A teaser cut short and linked (…的职业精神和... 更多详情): whatever its length, not text.
_TEASER = re.compile(r"(?:\.{2,}|…+)\s*(?:更多详情|详情|详细|更多|阅读全文|查看全文)\s*>*$")
_TRUNCATED_LINK = re.compile(r"^[^。!?]+?\.{2,}$")
_SEARCH_LABELS = {"标题", "正文", "关键词", "摘要", "作者", "来源", "栏目", "首页", "全文", "搜索", "内容", "时间", "日期"}


def is_image_placeholder(text: str) -> bool:
    """Where an image stood: a placeholder ([图片]) or the image's file name.

    >>> is_image_placeholder("[图片]"), is_image_placeholder("图2检验科.jpg"), is_image_placeholder("检验科")
    (True, True, False)
    >>> is_image_placeholder("本文插图"), is_image_placeholder("配图"), is_image_placeholder("图片 3")
    (True, True, True)
    """
    t = text.strip()
    return bool(_PLACEHOLDER.match(t)) or is_image_file_name(t)


# A code or stray token alone on a line, Latin letters among digits and no Han character
# (1F809, cb): an editor's or a scraper's leftover. Digits alone are section numbers.
_CODE = re.compile(r"^(?=[0-9]*[A-Za-z])[A-Za-z0-9]{1,8}$")
# A page's address without its site, alone on a line (./t20220930_2254135_wap.html): a link.
_RELATIVE_LINK = re.compile(r"^\.{0,2}/?(?:[\w\-]+/)*[\w\-]+\.(?:s?html?|php|aspx?|jsp)$", re.IGNORECASE)

# A site's disclaimer, however long: 声明:转载此文是出于传递更多信息之目的。若有…
_DISCLAIMER = re.compile(r"^[【\[]?(?:免责|版权|特别)?声明[】\]]?[::]")
# …and a news site's rights notice without that label, also at any length: who may copy
# (…独家授权山西新闻网发布,未经允许不得转载或镜像), what the site's own works are (凡本网注明
# “来源:…”的作品…), where to ask (版权咨询电话:…). Article prose never says these.
_RIGHTS_NOTICE = re.compile(
    r"未经(?:本网|本站|本报)?(?:允许|许可|授权|同意)[,,]?(?:任何)?(?:单位|个人)?(?:不得|禁止|严禁|请勿)(?:转载|复制|镜像|摘编)"
    r"|^凡(?:本网|本站|本报|本平台)未?(?:注明|标注)|转载目的在于传递更多信息|^(?:\S{0,12})版权(?:咨询|联系|合作)电话"
    # …and whose views a page gives (文章内容为作者个人观点,不代表本站立场)
    r"|不代表本(?:站|网|平台|报|号)的?(?:立场|观点)|(?:仅代表|均为|系)原?(?:作者|网友)(?:本人|个人)?的?观点"
)


# A breadcrumb without 首页: short labels set apart by single arrows (全院 > 党建活动), a
# view count possibly after it; a label never starts with a digit (收缩压>140毫米汞柱) nor
# holds sentence punctuation. An arrow may open it, the site's name before it left out
# (> 新闻 > 县区 > 镇坪).
_BREADCRUMB = re.compile(r"^(?:[>›]\s*)?(?:[^\s>›<。,,\d][^\s>›<。,,]{0,11}\s*[>›]\s*)+[^\s>›<。,,\d][^\s>›<。,,]{0,11}(?:\s+(?:阅读|浏览|点击|访问|发布)\S*\s*\d[\d\s次-]*)?\s*$")


_LOCATION_LINE = re.compile(_LOCATION)


def is_location_line(text: str) -> bool:
    """
    >>> is_location_line("首页> 党群工作> 基层党建"), is_location_line("您现在的位置: 首页 > 新闻"), is_location_line("回到首页")
    (True, True, False)
    """
    return bool(_LOCATION_LINE.search(text))


# A forum's anti-copy watermark: short runs of Latin letters, digits and symbols with no
# Han character (* O& c$ |,J1 R(q6 @/ B,G0 f): at least a third of its characters are
# symbols, and it has at least three of them and three Latin letters.
_WATERMARK_SYMBOLS = re.compile(r"[&$@*;|'`\"\[\](){}_^~#%+=/,]")
_WATERMARK_MIN_SYMBOLS = 3
_WATERMARK_MIN_SHARE = 1 / 3
_WATERMARK_MAX_CHARS = 40
# …or tokens of at most four characters, at least this many of them mixing a Latin letter
# with a digit or a symbol (k:K9 P9 k& I, the space after the colon gone once cleaned):
# random characters, not words or codes.
_WATERMARK_TOKEN_MAX_CHARS = 4
_WATERMARK_MIN_MIXED_TOKENS = 3
_MIXED_TOKEN = re.compile(r"(?=.*[A-Za-z])(?=.*[^A-Za-z])")


def is_watermark(text: str) -> bool:
    """
    >>> [is_watermark(t) for t in ["* O& c$ |,J1 R(q6 @/ B,G0 f", "`,y' L)K' e", "5 x1 w' o)`)`% B& p"]]
    [True, True, True]
    >>> [is_watermark(t) for t in ["Produced By Example CMS", "A+ A-", "(1) 2021/5/8", "a&b"]]
    [False, False, False, False]
    >>> is_watermark("k:K9 P9 k& I"), is_watermark("A4 B5 纸"), is_watermark("PM2.5 CT MRI")
    (True, False, False)
    >>> is_watermark("% V6 U+ K& X# {2 K C W2 l' X7 U; h& y4 f$ e")  # longer than _WATERMARK_MAX_CHARS
    True
    """
    tokens = text.split()
    if HAN_CHAR.search(text) or len(tokens) < 2:
        return False
    # Tokens all short, several mixing letters with symbols or digits: a watermark at any
    # length (a forum's run up to a line's width). Without them, the symbols' share decides,
    # on short lines only.
    if (all(len(t) <= _WATERMARK_TOKEN_MAX_CHARS for t in tokens)
            and sum(bool(_MIXED_TOKEN.match(t)) for t in tokens) >= _WATERMARK_MIN_MIXED_TOKENS):
        return True
    if len(text) > _WATERMARK_MAX_CHARS:
        return False
    visible = re.sub(r"\s", "", text)
    symbols = len(_WATERMARK_SYMBOLS.findall(visible))
    mixed = len(re.findall(r"[A-Za-z]", visible)) >= _WATERMARK_MIN_SYMBOLS  # letters among the symbols, not a date
    return mixed and symbols >= _WATERMARK_MIN_SYMBOLS and symbols >= _WATERMARK_MIN_SHARE * len(visible)


_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def is_foreign_line(text: str) -> bool:
    """A line without a Han character holding at least ``foreign_line_min_words`` Latin
    words: not the Chinese text.

    >>> is_foreign_line("On March 27, Jin Hua was appointed director of the ward"), is_foreign_line("CT MRI PET-CT")
    (True, False)
    >>> is_foreign_line("one two three four five six"), is_foreign_line("one two three four five")  # the threshold
    (True, False)
    >>> is_foreign_line("On March 27 金华 was appointed director of the ward")
    False
    """
    return not HAN_CHAR.search(text) and len(_LATIN_WORD.findall(text)) >= rules.LIMITS.foreign_line_min_words


def is_bar_menu(text: str) -> bool:
    """A site's menu set apart by bars: at least ``menu_min_items`` items, none longer than
    ``menu_item_max_chars`` nor holding a space (网站首页 | 专题 | 人才招聘 | 联系我们).

    >>> is_bar_menu("央视网首页|搜视|直播|点播|新闻|论坛| 访谈"), is_bar_menu("首页 | 专题 | 人才招聘 | 联系我们")
    (True, True)
    >>> is_bar_menu("首页 | 专题 | 人才招聘"), is_bar_menu("首页 | 专题 | 人才招聘 | 城南医院党委召开全体党员大会")
    (False, False)
    >>> is_bar_menu("首页|专题|招聘|医院概况党建工作"), is_bar_menu("首页|专题|招聘|城南市医院党建工作")
    (True, False)
    """
    if "|" not in text and "丨" not in text:
        return False  # most lines: nothing to split
    items = [item.strip() for item in re.split(r"[|丨]", text.strip())]
    if items and not items[-1]:
        items.pop()  # a bar closing the menu
    limits = rules.LIMITS
    return len(items) >= limits.menu_min_items and all(
        0 < len(item) <= limits.menu_item_max_chars and not re.search(r"\s", item) for item in items)


def is_boilerplate(text: str) -> bool:
    """Site furniture: navigation, share and follow prompts, view counts, comment and
    related-reading blocks, footers, links, image placeholders, symbol-only lines.

    >>> [is_boilerplate(t) for t in ["您所在的位置:", "分享到:", "××", "图片", "[ 医疗新闻 ]", "党建、临床业务双提升"]]
    [True, True, True, True, True, False]
    >>> is_boilerplate("不忘初心,扛起非常之责--我院.."), is_boilerplate("关怀的中心医院王萍……"), is_boilerplate("A+ A-")
    (True, False, True)
    >>> is_boilerplate("“未经许可,不得转载”"), is_boilerplate("请输入验证码"), is_boilerplate("复制群众路线教育实践活动的好做法。")
    (True, True, False)
    >>> is_boilerplate("本文内容源自网络仅供参考,不作为诊断医疗依据"), is_boilerplate("资料仅供参考,请以原件为准。")
    (True, False)
    >>> [is_boilerplate(t) for t in ["请先登录再提交评论", "署名:*", "邮箱:", "验证码: 刷新", "署名:王明同志的文章"]]
    [True, True, True, True, False]
    >>> is_boilerplate("新闻链接:《医师报》"), is_boilerplate("这条新闻链接了三家医院。")
    (True, False)
    >>> [is_boilerplate(t) for t in ["还没有账号", "马上注册!", "您需要 登录 才可以下载或查看,没有账号?注册"]]
    [True, True, True]
    >>> is_boilerplate("声明:转载此文是出于传递更多信息之目的。若有来源标注错误或侵犯了您的合法权益,请作者持权属证明与本网联系,我们将及时更正、删除,谢谢。")
    True
    >>> is_boilerplate("山西日报、山西晚报所有自采新闻(含图片)独家授权山西新闻网发布,未经允许不得转载或镜像;授权转载务必注明来源。")
    True
    >>> is_boilerplate("凡本网未注明“来源:山西新闻网”的作品,均转载自其它媒体,转载目的"), is_boilerplate("山西新闻网版权咨询电话:0351-4281485。如您在本站发现错误,请告知。")
    (True, True)
    >>> is_boilerplate("会上强调,未经批准不得擅自外出,要严守纪律。")
    False
    >>> is_boilerplate("友情提示:文章内容为作者个人观点,不代表本站立场且不构成投资建议。"), is_boilerplate("他的发言代表了党员们的观点。")
    (True, False)
    >>> is_boilerplate("注:本网发表的所有内容,均为原作者的观点。")
    True
    >>> [is_boilerplate(t) for t in ["1F809", "cb", "02", "DRG付费改革", "打印    关闭    复制链接"]]
    [True, True, False, False, True]
    >>> is_boilerplate("./t20220930_2254135_wap.html"), is_boilerplate("/news/2021/0508.shtml"), is_boilerplate("index.html是首页")
    (True, True, False)
    >>> is_boilerplate("时间: 某某在线 天气预报 空气质量 某某市环境空气质量指数AQI:28;空气质量等级:优。")
    True
    >>> [is_boilerplate(t) for t in ["Next article", "previous", "Previous post", "Next Generation Sequencing"]]
    [True, True, True, False]
    >>> is_boilerplate("本文标题:城南血站党支部迎接造血干细胞捐献者归来 - 健康新闻"), is_boilerplate("备案号:")
    (True, True)
    >>> is_boilerplate("- 全院 > 党建活动 阅读:1114 次"), is_boilerplate("新闻中心 > 医院动态"), is_boilerplate("收缩压>140毫米汞柱的患者")
    (True, True, False)
    >>> is_boilerplate("> 新闻 > 县区 > 镇坪"), is_boilerplate("> 140毫米汞柱")
    (True, False)
    >>> is_boilerplate("以讲好健康中国故事为宗旨,提供卫生健康行业新闻动态、宣贯卫生政策、传播健康科普知识和... 更多详情"), is_boilerplate("医院简介某某医院始建于1972年,是集预防、医疗、教学为一体的三级甲等专科医院...详情")
    (True, True)
    """
    t = text.strip()
    if not re.search(rf"[{HAN}A-Za-z0-9]", t):
        return True
    if _PLACEHOLDER.match(t) or t in _SEARCH_LABELS or _CODE.match(t) or is_watermark(t) or _RELATIVE_LINK.match(t):
        return True
    if _TRUNCATED_LINK.match(t) and visible_len(t) <= rules.LIMITS.short_line_max_chars:
        return True
    if _TEASER.search(t) or _DISCLAIMER.match(t) or _RIGHTS_NOTICE.search(t) or _BREADCRUMB.match(strip_list_marker(t)):
        return True
    if is_bar_menu(t):
        return True
    return visible_len(t) <= rules.LIMITS.furniture_max_chars and bool(_BOILERPLATE.search(t) or URL.search(t)) and not is_prose_with_period(t)


# A report's first sentence opens with when the event took place, then a comma
# (5月10日下午,… / 近日,…); a headline does not (今天, stays: 今天,让我们向医师致敬!).
_EVENT_TIME_LEAD = re.compile(
    r"^(?:(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:上午|下午|晚上|晚|早上|中午|凌晨|傍晚)?"
    r"|上午|下午|晚上|早上|中午|凌晨|傍晚|近日|日前|近期|昨日)[,,]")


def opens_with_event_time(text: str) -> bool:
    """A line that opens like a report's first sentence, with the event's time and a comma.

    >>> [opens_with_event_time(t) for t in ["5月10日下午,城南医院召开大会", "近日,城南医院", "今天,让我们致敬!", "5月10日城南医院召开大会"]]
    [True, True, False, False]
    """
    return bool(_EVENT_TIME_LEAD.match(text.strip()))


def is_prose_with_period(text: str) -> bool:
    return text.count("。") >= rules.LIMITS.prose_min_full_stops


def is_tail_marker(text: str) -> bool:
    """A line after which a page holds only related links, comments or footers.

    >>> is_tail_marker("延伸阅读"), is_tail_marker("延伸阅读很有意思。")
    (True, False)
    >>> [is_tail_marker(t) for t in ["新闻热点", "热点资讯:", "往期回顾", "最新进展", "新闻中心"]]
    [True, True, True, False, False]
    """
    return bool(_TAIL_MARKER.match(text.strip()))


def is_nav_label(text: str) -> bool:
    """A short label above a headline (site section, breadcrumb piece), no punctuation."""
    return visible_len(text) <= rules.LIMITS.nav_label_max_chars and not re.search(r"[,。!?、]", text)


# ---------------------------------------------------------------- credits

CREDIT_ROLES = (
    "一审一校|一校|责任编辑|责编|编辑|编审|审核|审签|审批|审校|初审|复审|终审|一审|二审|三审|校对|排版|美编|设计|监制|统筹|策划|制作"
    "|文字|文/图|图/文|文图|图文|文|图片|图|摄影|摄像|拍摄|视频|撰稿|撰写|整理|讲述|口述|供稿|文章来源|文章出处|信息来源|稿件来源|消息来源|出处|录入|来源|作者|通讯员|记者"
)
_BARE_CREDIT_LABEL = re.compile(rf"^(?:{CREDIT_ROLES})[::]$")
_CREDIT_PAIR = re.compile(rf"(?P<role>{CREDIT_ROLES})\s*[::|丨/]\s*(?P<names>[^::|丨]*?)(?=\s+(?:{CREDIT_ROLES})\s*[::|丨/]|$)")
# 陈启娟 编审:陈启娟 / 本文作者:… / 审核人:… / 【作者】… / 一审一校:… / (消息来源:… with its
# parenthesis left open
CREDIT_QUALIFIERS = "本文|本期|图文|美术|值班|文字"  # words that make a role more specific
_CREDIT_LINE = re.compile(
    rf"^\s*(?:[{HAN}]{{2,4}}\s+)?(?:[【\[]|\((?!.*\)\s*$))?(?:{CREDIT_QUALIFIERS})?(?:{CREDIT_ROLES})(?:人|单位|者)?\s*[::|丨/】\]]"
)
# Roles written without a separator, before the names (责任编辑 王五) or after them
# (社会事务科 吴骏 编审); the latter also takes work words (报道, 整理, 摄).
_UNSEPARATED_ROLES = "责任编辑|编辑|责编|编审|审核|审稿|校对|摄影|撰稿|供稿|作者|策划|统筹|监制|美编"
_ROLE_SPACE_NAMES = re.compile(rf"^(?:{_UNSEPARATED_ROLES})\s+[{HAN}·]{{2,4}}(?:\s+[{HAN}·]{{2,4}})*$")


def split_names(names: str) -> list[str]:
    """Names separated by spaces, 、, commas or slashes; single characters split by a space
    in the source (``杨 军``) are one name.

    >>> split_names("杨 军 李满桂"), split_names("马秀清 王春玮、杨兴唐")
    (['杨军', '李满桂'], ['马秀清', '王春玮', '杨兴唐'])
    """
    tokens = [t for t in re.split(r"[\s、,,;;/]+", names.strip()) if t]
    out: list[str] = []
    for tok in tokens:
        if len(tok) == 1 and out and len(out[-1]) == 1:
            out[-1] += tok
        else:
            out.append(tok)
    return out


_BRACKETED = re.compile(r"^[【\[]\s*(.*?)\s*[】\]]$")


# A credit with the role after the names: 社会事务科 吴骏 编审 / 体采科 史丽华 报道
_ROLE_LAST = re.compile(rf"^(?P<names>[{HAN}·]{{2,12}}(?:\s+[{HAN}·]{{2,12}})*)\s+(?P<role>{_UNSEPARATED_ROLES}|摄|报道|整理)$")


def parse_credits(text: str) -> list[tuple[str, str]] | None:
    """(role, name) pairs of a credit line, or None when the line is not one.

    >>> parse_credits("文:马秀清 王春玮")
    [('文', '马秀清'), ('文', '王春玮')]
    >>> parse_credits("供稿 | 肿瘤医院  编辑 | 韩翠玥")
    [('供稿', '肿瘤医院'), ('编辑', '韩翠玥')]
    >>> parse_credits("学术交流第一项:海南州人民医院副院长扎洛") is None, parse_credits("【责任编辑:王萍】")
    (True, [('责任编辑', '王萍')])
    >>> parse_credits("社会事务科 吴骏 编审"), parse_credits("党员 志愿 服务")
    ([('编审', '吴骏')], None)
    >>> parse_credits("责任编辑 王五"), parse_credits("本文作者:张三"), bool(parse_credits("审核人:王五"))
    ([('责任编辑', '王五')], [('作者', '张三')], True)
    >>> bool(parse_credits("撰写人:援鄂医疗队队员、呼吸内科护师 孙林杉")), bool(parse_credits("讲述者:心胸外科主管护师 张芳静"))
    (True, True)
    >>> parse_credits("讲述了他们的故事。"), parse_credits("策划 朱琳")
    (None, [('策划', '朱琳')])
    """
    t = _BRACKETED.sub(r"\1", text.strip())  # 【责任编辑:王萍】
    if visible_len(t) > rules.LIMITS.credit_line_max_chars or is_prose(t):
        return None
    last = _ROLE_LAST.match(t)
    if last:
        return [(last.group("role"), last.group("names").split()[-1])]
    spaced = _ROLE_SPACE_NAMES.match(t)
    if spaced:
        role, *names = t.split()
        return [(role, name) for name in names]
    if not _CREDIT_LINE.match(t):
        return None
    pairs = [(m.group("role"), n) for m in _CREDIT_PAIR.finditer(t) for n in split_names(m.group("names"))]
    return pairs or [(t.split(":")[0].split(":")[0].strip(), "")]


# A name-only signature closing the last paragraph: "。(赵猛)", "。(作者:郭紫泉)".
_SIGNATURE = re.compile(
    rf"(?<=[{TERMINAL}”’])\s*[((](?:(?P<role>作者|来源|供稿|文|图|通讯员|记者)[::]?\s*)?(?P<names>[{HAN}·]{{2,12}}(?:\s+[{HAN}]{{2,4}})*)(?:\s*报道)?(?:\s*(?:文/图|图/文|文图))?[))]\s*$"
)


def split_signature(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Split a closing signature off a paragraph.

    >>> split_signature("更见实效。(赵猛)")
    ('更见实效。', [('作者', '赵猛')])
    >>> split_signature("村(社区)活动均已开展完毕。")
    ('村(社区)活动均已开展完毕。', [])
    >>> split_signature("送到群众家门口。(湄洲日报记者 黄国清 通讯员 江雪婷 文/图)")[1]
    [('记者', '黄国清'), ('通讯员', '江雪婷')]
    """
    m = _SIGNATURE.search(text)
    if not m:
        return text, []
    inner = m.group()
    if "记者" in inner or "通讯员" in inner:  # (记者 李玲玲 通讯员 蔡玉端): one role per name
        reporters, correspondents = people(re.sub(r"[()()]", " ", inner))
        return text[: m.start()].rstrip(), [("记者", n) for n in reporters] + [("通讯员", n) for n in correspondents]
    return text[: m.start()].rstrip(), [(m.group("role") or "作者", n) for n in split_names(m.group("names"))]


# A byline in parentheses anywhere in the text, (湄洲日报记者 黄国清 通讯员 江雪婷) inside a
# paragraph as well as closing it.
_PARENTHESISED_BYLINE = re.compile(r"[((]([^()()]{0,24}?(?:记者|通讯员)[^()()]{1,40})[))]")


def parenthesised_bylines(text: str) -> tuple[list[str], list[str]]:
    """Reporters and correspondents named in parentheses anywhere in ``text``, names that
    read as people's only: the last resort when no dateline, credit or signature names them.

    >>> parenthesised_bylines("6月1日,城南医院开展义诊(城南日报记者 王明 通讯员 李华)。活动受到好评。")
    (['王明'], ['李华'])
    >>> parenthesised_bylines("党员们(含记者站工作人员)参加活动。")
    ([], [])
    """
    from .enrich.people import is_person_name  # the name model lives with the people extractor

    reporters: list[str] = []
    correspondents: list[str] = []
    for m in _PARENTHESISED_BYLINE.finditer(text):
        found_reporters, found_correspondents = people(m.group(1))
        reporters += [n for n in found_reporters if is_person_name(n) and n not in reporters]
        correspondents += [n for n in found_correspondents if is_person_name(n) and n not in correspondents]
    return reporters, correspondents


# ---------------------------------------------------------------- datelines and bylines

# Words before 记者/通讯员 that are part of the role, not a name (本报通讯员, 特约记者).
ROLE_PREFIXES = "本报|特约|见习|实习|首席|融媒体|全媒体|新媒体"
# How a news outlet's name ends (枝江融媒, 今日竹山网, 城南日报, 广州日报大洋网), longest first.
OUTLET_ENDINGS = "融媒体中心|融媒体|融媒|新闻网|新闻|在线|客户端|电视台|日报|晚报|网|报|台"
_NAMES = rf"[{HAN}·]{{2,8}}(?:[\s、,,]+[{HAN}·]{{2,8}})*"
_NAME = rf"[{HAN}·]{{2,4}}"
_DATELINE_PATTERNS = (
    # 【全媒体记者 胡强 通讯员 吴竹子】
    re.compile(r"^[【\[](?P<inner>[^】\]]{0,40}(?:记者|通讯员)[^】\]]{0,40})[】\]]"),
    # 本报济宁10月31日讯(记者 唐首政 通讯员 王扬) / 驻马店网讯(记者 …) / 本报讯 王根华报道: /
    # 中国教育报—中国教育新闻网讯(记者 …) (a paper and its site, joined by a dash)
    re.compile(
        rf"^(?P<lead>[{HAN}A-Za-z0-9·—\-/]{{1,20}}?(?:[((][{HAN}A-Za-z]{{2,12}}[))])?(?:讯|消息))\s*"
        rf"(?:[((](?P<inner>[^()()]{{0,60}})[))]|(?P<bare>(?:见习|实习|特约|首席)?(?:记者|通讯员)\s*{_NAME}(?:[\s、,,]+通讯员\s*{_NAME}(?:\s+{_NAME}(?=报道))?)?(?:报道)?)(?=\s|$|\d|[::])|(?P<by>[{HAN}]{{2,4}}\s*报道)[::]?|(?=\s)|(?=\d{{1,2}}月\d{{1,2}}日|\d{{4}}年))"
    ),
    # 全程导医网 综合消息:(通讯员 郭阳璐) / 本报讯:(记者 王扬): the outlet and its kind of news
    # apart, or a colon before the byline, only with a named reporter or correspondent
    re.compile(rf"^(?P<lead>[{HAN}A-Za-z0-9·]{{2,16}}?(?:\s+[{HAN}]{{0,4}})?(?:讯|消息))[::]?\s*"
               rf"[((](?P<inner>\s*(?:{ROLE_PREFIXES})*(?:记者|通讯员)[^()()]{{1,40}})[))]"),
    # 本报绵阳7月2日电 李新潮、特约通讯员李虹报道: a wire dateline, then its writers (a role
    # among them) and 报道 with a colon
    re.compile(rf"^(?P<lead>[{HAN}A-Za-z0-9·]{{1,20}}?电)\s*"
               rf"(?P<inner>(?:[{HAN}]{{2,4}}[、,\s]+)*(?:{ROLE_PREFIXES})*(?:记者|通讯员)[{HAN}、,\s]{{2,16}}?报道)[::]"),
    # 新华社南昌4月5日电(记者闵尊涛) / 云上通山报道:(全媒体记者 曹恒): a wire or station
    # dateline, only with a named reporter (电 and 报道 end ordinary phrases too: 市民来电)
    re.compile(rf"^(?P<lead>[{HAN}A-Za-z0-9·]{{1,20}}?(?:电|报道))[::]?\s*[((](?P<inner>[^()()]{{0,40}}(?:记者|通讯员)[^()()]{{0,40}})[))]"),
    # 枝江融媒(记者 袁定平) / 城南日报(通讯员 李华): a media outlet's name without 讯, then
    # the names, the parenthesis opening with the role
    re.compile(rf"^(?P<lead>[{HAN}·]{{2,12}}?(?:{OUTLET_ENDINGS}))\s*"
               rf"[((](?P<inner>\s*(?:{ROLE_PREFIXES})*(?:记者|通讯员)[^()()]{{1,40}})[))]"),
    # 今日竹山网消息 / 城南日报讯 standing alone: a media outlet's lead on a line of its own
    # (only after a media word: 我院传来好消息 is a headline)
    re.compile(rf"^(?P<lead>[{HAN}A-Za-z0-9·]{{1,16}}?(?:{OUTLET_ENDINGS})(?:讯|消息))$"),
    # 浙江在线04月21日讯 standing alone: any lead with the day before 讯 / 电 is a dateline
    re.compile(rf"^(?P<lead>[{HAN}A-Za-z0-9·]{{0,16}}?\d{{1,2}}月\d{{1,2}}日(?:讯|电))$"),
    # 通讯员 张三 报道: / 记者 王明 通讯员 李华 报道: opening a paragraph
    re.compile(rf"^(?P<inner>(?:记者|通讯员)\s*{_NAMES}(?:\s*通讯员\s*{_NAMES})?\s*报道)[::]"),
    # (记者 张三 通讯员 李四) / (芦珊 报道) opening a paragraph
    re.compile(rf"^[((](?P<inner>(?:{ROLE_PREFIXES})*(?:记者|通讯员)[^()()]{{1,60}}|[{HAN}]{{2,4}}(?:\s+[{HAN}]{{2,4}})*\s*报道)[))]"),
)
# A byline standing alone: 大众网·海报新闻记者 董昊骞 通讯员 卢骁 济南报道 / 封面新闻记者宁芝
# A byline's names, no sentence in them; a two-character name may be padded to the width of
# three (贺 勇), as newspapers print them.
_BYLINE_NAME = rf"(?:[{HAN}]\s[{HAN}](?![{HAN}])|[{HAN}·]{{2,4}})"
_BYLINE_NAMES = rf"{_BYLINE_NAME}(?:[\s、]+{_BYLINE_NAME})*"
_BYLINE = re.compile(
    rf"^[{HAN}A-Za-z·\s\-—]{{0,20}}?(?:记者[\s::]*{_BYLINE_NAMES}(?:\s*(?:本报)?通讯员[\s::]*{_BYLINE_NAMES})?|通讯员[\s::]*{_BYLINE_NAMES})"
    rf"(?:\s*[{HAN}]{{2,6}}报道)?(?:\s*(?:文/图|图/文|文图))?(?<!摄)$"  # …记者 张武军摄 alone is a photo's credit
)


@dataclass
class Dateline:
    text: str  # the dateline as it stands in the line
    end: int  # where the rest of the line (the body) begins
    reporters: list[str]
    correspondents: list[str]


# Two names glued together are split only at six characters (3 + 3): a run of four or five
# may be one name (欧阳明华) or two of unequal length, which the text does not tell apart.
GLUED_NAME_CHARS = 3


def _glued_pair(name: str) -> list[str]:
    """Two three-character names written without a space (黄跃斌胡玉明): each half must
    read as a person's name, or the run stays whole.

    >>> _glued_pair("黄跃斌胡玉明"), _glued_pair("欧阳明华")
    (['黄跃斌', '胡玉明'], ['欧阳明华'])
    """
    from .enrich.people import is_person_name

    half = GLUED_NAME_CHARS
    if len(name) == 2 * half and is_person_name(name[:half]) and is_person_name(name[half:]):
        return [name[:half], name[half:]]
    return [name]



def people(inner: str) -> tuple[list[str], list[str]]:
    """Names after 记者 and after 通讯员.

    >>> people("记者:李玲玲 通讯员 蔡玉端"), people("全媒体记者周茜报道摄影")
    ((['李玲玲'], ['蔡玉端']), (['周茜'], []))
    >>> people("通讯员黄跃斌胡玉明记者周帙恒")
    (['周帙恒'], ['黄跃斌', '胡玉明'])
    >>> people("本报记者 王明 本报通讯员 李华"), people("记者 王明 实习生 李华")
    ((['王明'], ['李华']), (['王明'], []))
    >>> people("图文/宣传科 通讯员/陈开艺 审核/蔡元广")
    ([], ['陈开艺'])
    >>> people("记者 董昊骞 济南报道"), people("特约记者陈世江 通讯员李佳瑞 李资颖报道")
    ((['董昊骞'], []), (['陈世江'], ['李佳瑞', '李资颖']))
    >>> people("记者 王明 云上通山报道"), people("见习通讯员 唐欣新/文 谭媛/图")
    ((['王明'], []), ([], ['唐欣新']))
    """
    inner = _ROLE_PREFIX.sub("", inner.strip())
    if re.search(rf"(?:记者|通讯员)[\s::]*[{HAN}]{{2,3}}报道$", inner):  # 通讯员李虹报道: a name after its role
        inner = inner[: -len("报道")]
    elif reported := re.search(rf"\s*([{HAN}]{{2,6}})?报道$", inner):  # …济南报道, …云上通山报道: where it was reported from goes; …李资颖报道: a name stays
        from .enrich.gazetteer import whole_place  # the gazetteer lives with the extractors

        named = reported.group(1) and len(reported.group(1)) <= 3 and whole_place(reported.group(1)) is None
        inner = inner[: reported.end(1) if named else reported.start()]
    inner = re.sub(r"\s+(?:文/图|图/文|文图|摄影?|采制|采写|整理)$", "", inner)  # …江峰 采制: the names' work, not a name
    reporters: list[str] = []
    correspondents: list[str] = []
    for role, names in re.findall(rf"({_BYLINE_ROLES})[\s::/]*((?:(?!{_BYLINE_ROLES}|(?:{CREDIT_ROLES})[::/|丨])[^()()】\]])*)", inner):
        target = reporters if role == "记者" else correspondents if role == "通讯员" else []  # 实习生 …: not kept
        names = _NAME_THEN_ROLE.sub(lambda m: m.group(1) if m.group(2) == "文" else "", names)  # 唐欣新/文 谭媛/图
        names = [_WORK_SUFFIX.sub("", n) if len(n) > 3 else n for n in split_names(names)]
        target += [half for n in names if 2 <= len(n) <= 8 for half in _glued_pair(n)]
    return reporters, correspondents


# The role prefixes before 记者/通讯员, and the other roles a byline lists beside them
# (their names are not reporters').
_ROLE_PREFIX = re.compile(rf"(?:{ROLE_PREFIXES})+(?=记者|通讯员)")
_BYLINE_ROLES = "记者|通讯员|实习生|摄影|摄像"
_WORK_SUFFIX = re.compile(r"(?:报道|摄影|摄|供图|采制|采写)+$")  # 周茜报道摄影 → 周茜
# A name with its work after a slash (唐欣新/文 谭媛/图): the writer stays, a photographer's
# or a video's maker goes.
_NAME_THEN_ROLE = re.compile(rf"([{HAN}]{{2,4}})\s*/\s*(文|图|摄影?|视频)(?![{HAN}])")


def find_dateline(text: str) -> Dateline | None:
    """A dateline or byline at the start of a line, with the names in it.

    >>> d = find_dateline("本报济宁10月31日讯(记者 唐首政 通讯员 陈伟 田野) 10月29日,邹城市")
    >>> d.text, d.reporters, d.correspondents, d.end
    ('本报济宁10月31日讯(记者 唐首政 通讯员 陈伟 田野)', ['唐首政'], ['陈伟', '田野'], 30)
    >>> find_dateline("昆明信息港讯 记者薛江涛 为扎实推进").reporters
    ['薛江涛']
    >>> find_dateline("封面新闻记者宁芝").reporters, find_dateline("本报记者 贺 勇").reporters
    (['宁芝'], ['贺勇'])
    >>> find_dateline("本报绵阳7月2日电 李新潮、特约通讯员李虹报道:6月30日上午,医疗队员入党。").correspondents
    ['李虹']
    >>> find_dateline("新华社南昌4月5日电(记者闵尊涛)疫情就是命令").reporters
    ['闵尊涛']
    >>> find_dateline("云上通山报道:(全媒体记者 曹恒)6月17日").reporters
    ['曹恒']
    >>> d = find_dateline("咸宁网讯 记者刘念、通讯员郑艳报道:21日上午,大会召开")  # the two roles apart by 、
    >>> d.reporters, d.correspondents
    (['刘念'], ['郑艳'])
    >>> find_dateline("大江网/赣州头条客户端讯 通讯员许小敏报道:为夯实党的基层组织建设").correspondents
    ['许小敏']
    >>> find_dateline("淮南日报全媒体记者 张明星 江峰 采制").reporters
    ['张明星', '江峰']
    >>> find_dateline("今日竹山网消息").text, find_dateline("我院传来好消息") is None
    ('今日竹山网消息', True)
    >>> find_dateline("喜讯传来,全院沸腾。") is None, find_dateline("市民来电(反映情况)") is None
    (True, True)
    """
    if visible_len(text) <= rules.LIMITS.byline_max_chars and _BYLINE.match(text.strip()):
        reporters, correspondents = people(re.sub(r"^.*?(记者|通讯员)", r"\1", text.strip(), count=1))
        return Dateline(text.strip(), len(text), reporters, correspondents)
    for pattern in _DATELINE_PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        groups = m.groupdict()
        inner = groups.get("inner") or groups.get("bare") or ""
        reporters, correspondents = people(inner)
        end = m.end()
        while end < len(text) and text[end] in " ::":
            end += 1
        return Dateline(text[: m.end()].strip(), end, reporters, correspondents)
    return None


# ---------------------------------------------------------------- publication dates

_META_LABEL = re.compile(
    r"发布|发表|时间|日期|更新|来源|来自|转自|转载|作者|浏览|阅读|点击|编辑|字号|稿源|访问|次数|责编|(?i:posted|published)"
)
# What a date line may hold beside the date without a label: the weekday and the lunar date.
_WEEKDAY = re.compile(rf"(?:星期|礼拜)[一二三四五六日天]|(?<![{HAN}])周[一二三四五六日](?![{HAN}])|农历\S{{2,8}}")
_DATE_PIECE = re.compile(rf"^(?:{YEAR}(?:年)?|\d{{1,2}}[-/.月]\d{{1,2}}日?|\d{{1,2}}:\d{{2}}(?::\d{{2}})?)$")
# A date written in Chinese numerals alone on a line (二○一二年十一月二十三日): how a notice
# or a report is dated under its signature; a date line, never text.
_WRITTEN_OUT_DATE = re.compile(r"^[一二三四五六七八九〇○零]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日$")
_GLUED_DATETIME = re.compile(rf"^((?:(?:最后)?(?:更新|发布|发表)(?:时间|日期)?[::]\s*)?{YEAR}(?:[-/]\d{{1,2}}[-/]\d{{1,2}}[\sT]+|年\d{{1,2}}月\d{{1,2}}日\s*)\d{{1,2}}:\d{{2}}(?::\d{{2}})?)\s*(?=\S)")


# A welcome banner's date is the day the page was viewed, not the day it was published.
_TODAY = re.compile(rf"今天是|今日是|{_WELCOME}")


def is_date_line(text: str) -> bool:
    """A posting-date / metadata line (date with a label or on its own), or a bare piece
    of a date split over lines.

    >>> [is_date_line(t) for t in ["2025/01/20 09:51 来源:社区文化网 阅读:1.4万", "03-10", "10:19", "2018年1月25日上午,我院外科第二党支部开展活动。"]]
    [True, True, True, False]
    >>> is_date_line("欢迎访问市第一人民医院官方网站!今天是2023年5月6日 星期六")
    False
    >>> is_date_line("2023/04/20 星期四 农历三月初一"), is_date_line("2023-04-20 10:30:00 来自:湖南")
    (True, True)
    >>> is_date_line("洋县和平医院 | 2021-04-25 04:16:08"), is_date_line("洋县和平医院开展义诊 2021-04-25")
    (True, False)
    >>> is_date_line("http://www.sina.com.cn 2005年02月06日09:36 广州日报大洋网")
    True
    >>> is_date_line("http://www.100md.com 2003年5月20日 龚达发 孟宪琳 人民日报"), is_date_line("党员 医生 义诊 2003年5月20日")
    (True, False)
    >>> is_date_line("中国中医 · 公众号 · 中医 · 2019-05-31 18:30"), is_date_line("学党史·践初心 2021-06-01")
    (True, False)
    >>> is_date_line("二○一二年十一月二十三日"), is_date_line("二○一二年十一月二十三日上午,党委召开会议")
    (True, False)
    >>> is_date_line("央视国际 (2003-05-08 15:36:57)"), is_date_line("新华社客户端 2021-04-30 21:16 35595")
    (True, True)
    >>> is_date_line("城南医院开展义诊 (2003-05-08)"), is_date_line("城南医院开展义诊 2021-04-30 21:16 35595")
    (False, False)
    >>> is_date_line("B站影视 韩国电影 2025-09-30 18:30 1"), is_date_line("城南医院 开展党员义诊活动 2025-09-30 18:30 1")
    (True, False)
    """
    t = text.strip()
    if _DATE_PIECE.match(t) or _WRITTEN_OUT_DATE.match(t):
        return True
    if (visible_len(t) > rules.LIMITS.date_line_max_chars or "。" in t or _TODAY.search(t)
            or parse_date(t, dt.date.max) is None):
        return False
    rest = _WEEKDAY.sub("", t)
    for pattern in DATE_PATTERNS:
        rest = pattern.sub("", rest)
    # The source and the time set apart by a bar, as site templates print them, the label
    # left out (洋县和平医院 | 2021-04-25 04:16:08); or several short items set apart by dots
    # (中国中医 · 公众号 · 中医 · 2019-05-31 18:30, as copies of an account's posts show them),
    # at least three, since a headline may hold one dot (学党史·践初心 2021-06-01).
    source = re.fullmatch(r"\s*([^|丨]+?)\s*[|丨]\s*|\s*[|丨]\s*([^|丨]+?)\s*", rest)
    if source and visible_len(source.group(1) or source.group(2)) <= rules.LIMITS.inline_meta_value_max_chars:
        return True
    items = [x for x in re.split(r"\s*[·•]\s*", rest.strip()) if x]
    if len(items) >= rules.LIMITS.dotted_meta_min_items and all(visible_len(x) <= rules.LIMITS.meta_value_max_chars for x in items):
        return True
    # …or the time and a news outlet's name, after the site's address (http://… 2005年02月06日
    # 09:36 广州日报大洋网).
    outlet = _WRITERS_BEFORE_OUTLET.sub("", URL.sub("", rest).strip())  # …龚达发 孟宪琳 人民日报: its writers before it
    if _OUTLET.fullmatch(outlet) and visible_len(outlet) <= rules.LIMITS.inline_meta_value_max_chars:
        return True
    # …or a page's stamp with the time of day, which no headline holds: the source, then the
    # date and time in brackets (央视国际 (2003-05-08 15:36:57)), or an outlet's name before
    # them and the view count after (新华社客户端 2021-04-30 21:16 35595).
    # Or short labels (a channel and its section) before them: B站影视 韩国电影 2025-09-30 18:30 1.
    if _TIME_OF_DAY.search(t) and _stamp_source(rest):
        return True
    return bool(_META_LABEL.search(t)) or visible_len(rest) <= rules.LIMITS.date_line_max_other_chars


_WRITERS_BEFORE_OUTLET = re.compile(rf"^(?:[{HAN}]{{2,4}}\s+){{1,3}}(?=\S+$)")
_TIME_OF_DAY = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?!\d)")
_BRACKETED_STAMP = re.compile(r"\s*([^\s()()\[\]【】,,。]{2,})\s*[((\[【]\s*[))\]】]\s*")
_COUNTED_STAMP = re.compile(r"\s*((?:[^\s,,。]+\s+)*[^\s,,。]+)\s+\d+\s*")


def _stamp_source(rest: str) -> bool:
    """What a date line with the time of day holds beside its date (``rest``): a source
    with the date in brackets after it, or an outlet's name or a few short labels with
    the view count after the date."""
    limit = rules.LIMITS.inline_meta_value_max_chars
    bracketed = _BRACKETED_STAMP.fullmatch(rest)
    if bracketed:
        return visible_len(bracketed.group(1)) <= limit
    counted = _COUNTED_STAMP.fullmatch(rest)
    if counted is None:
        return False
    names = counted.group(1).split()
    if len(names) == 1:
        return visible_len(names[0]) <= limit and bool(_OUTLET.fullmatch(names[0]))
    return all(is_nav_label(name) for name in names)


_PAGE_NAVIGATION = re.compile(r"\s*(?:<|>|«|»|上一版|下一版|上一期|下一期|返回首页|版面导航|往期回顾)")
_SIGNING_UNITS = "医院|卫生院|中心|支部|党委|科|部|办|室|处|站|所|组|队"
SIGNING_UNIT = re.compile(rf"({_SIGNING_UNITS})$")
# A newspaper's name, and which part of the issue (惠州日报专题, 健康报第3版), after a date.
_NEWSPAPER_ISSUE = re.compile(r"(?:日报|晚报|晨报|时报|健康报)(?:专题|专刊|特刊|专版|第\S{1,3}版)?$")
# A unit and its writer's name on one line: 儿科 韩双梅, 机关党支部王传海.
UNIT_THEN_NAME = re.compile(rf"^(?P<unit>.{{1,10}}?(?:{_SIGNING_UNITS}))\s*(?P<names>[{HAN}]{{2,3}}(?:\s+[{HAN}]{{2,3}})*)$")


# An e-paper's page label: 第03版, 第A2版 (the page's name may follow: 第03版:健康), or a bare
# page code opening the page's header line (A03 党建 2022年04月07日 星期四).
_PAGE_LABEL = re.compile(rf"第\s*[A-Za-z]?\d{{1,3}}\s*版|^\s*[A-Z]\d{{1,3}}(?=\s|[{HAN}])")


def is_epaper_date_line(text: str) -> bool:
    """An e-paper's navigation bar that opens with the issue's date, or a page's header
    line holding the issue's date and the page label (第03版): the page's date.

    >>> is_epaper_date_line("2025/04/16 < 上一版 下一版 > 返回首页"), is_epaper_date_line("2025/04/16 党员义诊")
    (True, False)
    >>> is_epaper_date_line("济宁日报 2023年10月31日 星期二 第03版:健康"), is_epaper_date_line("A03党建2022年04月07日 星期四")
    (True, True)
    >>> is_epaper_date_line("2023年10月31日,第3版刊发了我院党委开展义诊活动的报道。")
    False
    """
    t = text.strip()
    date = next((m for pattern in DATE_PATTERNS if (m := pattern.match(t)) is not None), None)
    if date is not None and _PAGE_NAVIGATION.match(t, date.end()):
        return True
    return (visible_len(t) <= rules.LIMITS.date_line_max_chars and not is_prose(t)
            and bool(_PAGE_LABEL.search(t)) and parse_date(t, dt.date.max) is not None)


# A related article's link: its headline, then its date (cleaning has removed the space).
_DATE_AT_END = re.compile(rf"(?:\(?{YEAR}[-/.年])?\d{{1,2}}[-/.月]\d{{1,2}}日?\)?$")


def is_dated_link(text: str) -> bool:
    """A headline followed by a date, as lists of related articles show them.

    >>> is_dated_link("· 医院举办护士节表彰大会2023-05-12"), is_dated_link("医院开展消防安全演练05-20")
    (True, True)
    >>> is_dated_link("会议于2023年5月12日。"), is_dated_link("2023-05-12")
    (False, False)
    >>> is_dated_link("·【城南医院】医患情暖,泌尿外科凭实力“圈粉”!2025-03-07"), is_dated_link("医患情暖,泌尿外科凭实力2025-03-07")
    (True, False)
    """
    t = strip_list_marker(text).strip()
    if is_prose(t):
        return False
    date = _DATE_AT_END.search(t)
    if date is None:
        return False
    title = t[: date.start()]
    # a list marker before it says it is a list's item: its headline may hold a comma
    marked = t != text.strip()
    return (bool(re.search(f"[{HAN}]", title)) and ("," not in title or marked)
            and visible_len(title) <= rules.LIMITS.headline_max_chars)


def split_signed_date(text: str) -> int:
    """Where the date begins in a line of a signing unit and a date (``第二党支部
    2020-02-28``; cleaning has removed the space between Han characters and digits),
    else 0.

    The date may also come first (``2021-03-08合肥普瑞眼科医院党支部``): then the line is
    one too, and the answer is where the unit begins.

    >>> split_signed_date("第二党支部2020-02-28"), split_signed_date("党员风采 2020-02-28")
    (5, 0)
    >>> split_signed_date("2021-03-08城南眼科医院党支部"), split_signed_date("2021-03-08城南医院开展义诊")
    (10, 0)

    A newspaper's name after the date (``2022年12月12日惠州日报专题``: the issue the text
    was printed in) signs it as a unit does.

    >>> split_signed_date("2022年12月12日惠州日报专题"), split_signed_date("2022年12月12日城南医院获评喜报")
    (11, 0)
    """
    for pattern in DATE_PATTERNS:
        for m in pattern.finditer(text):
            head, tail = text[: m.start()].strip(), text[m.end() :].strip()
            if head and visible_len(head) <= rules.LIMITS.signer_max_chars and SIGNING_UNIT.search(head) \
                    and is_date_line(text[m.start() :]):
                return m.start()
            if not head and tail and visible_len(tail) <= rules.LIMITS.signer_max_chars and (
                    SIGNING_UNIT.search(tail) or _NEWSPAPER_ISSUE.search(tail)):
                return m.end()
    return 0


def split_glued_datetime(text: str) -> int:
    """Length of a date-time glued to the start of a prose line, else 0.

    >>> split_glued_datetime("2024-11-06 14:34:15青海红十字医院检验科为持续推进")
    19
    >>> split_glued_datetime("最后更新: 2020-02-01 21:22:57央视网消息(新闻联播):习近平总书记指出")  # its label too
    25
    >>> split_glued_datetime("2020年03月01日 11:50昨日,河东区疾控中心科长卢达火线入党。")  # written out, with its time
    17
    >>> split_glued_datetime("2020年3月1日上午,河东区疾控中心召开会议。")  # an event's date: no time of day
    0
    """
    m = _GLUED_DATETIME.match(text)
    return m.end() if m else 0


# Labels of meta lines and information-disclosure tables (索引号 / 发布机构 / 公开方式 …),
# compared with spaces removed (索 引 号) and without a list marker (• 发布机构:).
_META_LINE_LABEL = re.compile(
    r"^(?:索引号|文号|发文字号|发布机构|发文机关|成文日期|生成日期|公开日期|发布日期|发布时间|公开方式|公开范围|公开时限"
    r"|信息类别|信息索取号|信息分类|主题分类|主题词|所属机构|所属栏目|栏目|相关(?:解读|文件|附件|文档|链接|下载)|附件"
    r"|[^\s::]{0,4}?(?:浏览|访问|阅读|点击)次数|(?:文章|信息|稿件|新闻)(?:作者|编辑)|点击率|点击数|点击量|浏览量"
    r"|阅读量|阅读数|访问量|文章字数|字数|(?:本文|文章)?分类|当前版|(?:当前)?报纸名称|版次|期次|期号|刊期|版面|字体大小|字体|字号|文字缩放|关键词|标签"
    r"|信息来源|稿件来源|新闻来源|出自|来自|转自|来源部门|发布者|发布人|发布部门|发布科室|发布单位|文章录入|信息录入|审稿专家|核稿|编审|审稿|预览|时间|日期|抄送|主送|抄报|报送|分送|发送|发|印发|关键字|(?i:tags?))[::|]"
)
_LIST_MARKER = re.compile(r"^\s*(?:[•·●○◆◇■□▪▸▶►\-*|]\s*)+")
_TABLE_END = re.compile(r"(?:\s*\|)+\s*$")


@lru_cache(maxsize=8192)  # every rule asks it of the same line: a pure function of the text
def strip_list_marker(text: str) -> str:
    """A line without the list marker before it (or the cell bars of a table row).

    >>> strip_list_marker("  • 发布机构:县卫计局"), strip_list_marker("| 主题分类: 其它 |")
    ('发布机构:县卫计局', '主题分类: 其它')
    """
    return _TABLE_END.sub("", _LIST_MARKER.sub("", text, count=1))


def meta_label(text: str) -> str | None:
    """The label of a meta or disclosure-table line (``索 引 号:19/2017-1246624`` →
    ``索引号``), when the line is short and not a sentence; else None.

    >>> meta_label("• 索 引 号:19/2017-1246624"), meta_label("信息类别:"), meta_label("时间:我们一起出发。")
    ('索引号', '信息类别', None)
    >>> meta_label("| 索引号 | 1137/2023-01 | 发布机构 | 市卫健委 |")  # a table's cells
    '索引号'
    >>> meta_label("期次:第1582期")  # a paper's issue number
    '期次'
    >>> meta_label("来自: 随州日报"), meta_label("来自:全国各地的200多名党员参加了活动。")
    ('来自', None)

    """
    t = re.sub(r"\s+", "", strip_list_marker(text))
    m = _META_LINE_LABEL.match(t)
    if not m or visible_len(t) > rules.LIMITS.furniture_max_chars or is_prose(t):
        return None
    return m.group()[:-1]


# A headline given as a labelled field, as disclosure tables show it: | 标题: … | |
_TITLE_FIELD = re.compile(rf"^[|\s]*(?:标\s*题|题\s*目|文章标题|信息名称)\s*[::]\s*(?=[{HAN}A-Za-z0-9“《])")
_TABLE_TAIL = re.compile(r"[\s|]*$")


def find_title_field(text: str) -> tuple[int, int] | None:
    """Where the value of a ``标题:`` field starts and ends, when the line is one.

    >>> s = "| 标题: 区卫体局党委召开述职评议会 | |"
    >>> start, end = find_title_field(s); s[start:end]
    '区卫体局党委召开述职评议会'
    >>> find_title_field("标题 正文 关键词") is None
    True
    """
    m = _TITLE_FIELD.match(text)
    if not m:
        return None
    end = _TABLE_TAIL.search(text, m.end()).start()
    value = text[m.end() : end]
    if visible_len(value) < rules.LIMITS.title_field_min_chars or "|" in value or is_prose(value):
        return None
    return m.end(), end


def is_bare_label(text: str) -> bool:
    """A meta or credit label with its value on the next line (``信息类别:``, ``来源:``).

    >>> is_bare_label("信息类别:"), is_bare_label("• 作者:"), is_bare_label("作者:李明"), is_bare_label("时间")
    (True, True, False, False)
    """
    t = re.sub(r"\s+", "", strip_list_marker(text))
    label = meta_label(t)
    return (label is not None and len(t) == len(label) + 1) or bool(_BARE_CREDIT_LABEL.match(t))


_IMAGE_FILE = re.compile(
    # a file name may hold a headline's commas (学雷锋精神,做志愿先锋丨…在行动121.png), never a full stop
    r"^[^\s。!?]{0,80}\.(?:jpe?g|png|gif|bmp|webp|tiff?)$|^from ?clipboard$"
    r"|^\S{0,8}微信图片\S{0,6}\s*_?\d{14}(?:\s*\S{0,8})?$"  # a chat app's image name: 微信图片_20231026171155
    # a camera's or an editor's name for an image, without its extension, one or several
    # run together: image-20240402153040-4, IMG_20200215_163032, mmexport1581753032000
    r"|^(?:(?:image|img|pic|photo|dsc|mmexport|wechatimg)[-_]?\d{8}[-_]?\d{0,6}\d{0,3}(?:[-_]\d{1,4})?)+$"
    r"|^(?:\{\{?|\$\{|\$!\{)\$?[a-z_][\w.]*\}\}?$",  # a site template's variable left unfilled
    re.IGNORECASE,
)


def is_image_file_name(text: str) -> bool:
    """An image's file name or an editor's artefact left where the image was (the file
    name, "from clipboard", a site template's variable the site never filled in).

    >>> [is_image_file_name(t) for t in ["微信图片_20210617094712.jpg", "0 (1).jpg", "from clipboard", "图为义诊现场"]]
    [True, True, True, False]
    >>> [is_image_file_name(t) for t in ["{xunruicms_img_title}", "{{ image.caption }}", "${pic_title}", "{医院}"]]
    [True, True, True, False]
    >>> is_image_file_name("学雷锋精神,做志愿先锋丨城南医院在行动121.png"), is_image_file_name("详见附图。图1.png")
    (True, False)
    >>> [is_image_file_name(t) for t in ["image-20240402153040-4", "image-20240402153226-5image-20240402153355-6", "IMG_20200215_163032", "image2024"]]
    [True, True, True, False]
    """
    return bool(_IMAGE_FILE.match(re.sub(r"\s+", "", text.strip())))


# A forum's own furniture around a copied post (Discuz and its kind): the note of the
# post's last edit (a forum date, not the article's), and an attached image's block: its
# file name with size and download count, the download button, the upload time.
_FORUM_FURNITURE = re.compile(
    r"^本帖最后由\s*\S.{0,30}?于\s*\d{4}-\d{1,2}-\d{1,2}[\d: ]*编辑$"
    r"|^(?:下载附件|保存到相册)(?:\s*\([\d.]+\s*[KMG]B\))?$"
    r"|^\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?\s*上传$"
    r"|^.{0,40}?TA的每日心情",  # a Discuz forum's poster panel: rank, mood, the mood's date
    re.IGNORECASE,
)
# An attachment's size and download count after an image's file name: (489.11 KB, 下载次数: 71).
_ATTACHMENT_COUNTS = re.compile(r"\s*\(\s*[\d.]+\s*[KMG]B\s*,\s*下载次数\s*[::]\s*\d+\s*\)$", re.IGNORECASE)


def is_forum_furniture(text: str) -> bool:
    """A forum's note of a post's last edit, a piece of an attached image's block, or its
    poster panel (whose mood has a date of its own, not the post's).

    >>> [is_forum_furniture(t) for t in ["本帖最后由 随州日报 于 2020-3-4 16:56 编辑", "下载附件", "2020-2-15 16:46 上传"]]
    [True, True, True]
    >>> is_forum_furniture("随论超版 随论编辑 TA的每日心情 | 开心 2022-6-6 12:22 |")
    True
    >>> is_forum_furniture("微信图片_20200215163032.jpg (489.11 KB, 下载次数: 71)")
    True
    >>> [is_forum_furniture(t) for t in ["2020-2-15 16:46", "请下载附件填写报名表。", "本帖内容由医院党办编辑"]]
    [False, False, False]
    """
    t = text.strip()
    counts = _ATTACHMENT_COUNTS.search(t)
    return bool(_FORUM_FURNITURE.match(t)) or (counts is not None and is_image_file_name(t[: counts.start()]))


# A site's summary of the article above its text, under its label (not 编者按, an editor's
# note that is part of the article).
_SUMMARY_LABEL = re.compile(r"^[【\[]?\s*(?:内容)?(?:摘\s*要|提\s*要)|^[【\[]?\s*(?:导读|核心提示)")
# After the label: a colon, a closing bracket, a space, or a digit (cleaning drops the space
# between a Han character and a digit: 摘要 6月5日 → 摘要6月5日).
_SUMMARY_SEPARATOR = re.compile(r"^\s*[】\]]?\s*[::]|^\s*[】\]]|^\s+\S|^[0-9]")


def is_summary_line(text: str) -> bool:
    """A summary the site shows above the article, under its label.

    >>> [is_summary_line(t) for t in ["摘要 6月5日是世界环境日,也是党员志愿者到社区报到的日子。", "摘要6月5日,党员志愿者到社区报到。", "【导读】党员先锋岗亮出身份。", "内容提要:医院党委召开会议"]]
    [True, True, True, True]
    >>> [is_summary_line(t) for t in ["摘要", "摘要写得很好,大家都说好。", "编者按:这是一篇好文章。"]]
    [False, False, False]
    """
    m = _SUMMARY_LABEL.match(text.strip())
    return bool(m) and bool(_SUMMARY_SEPARATOR.match(text.strip()[m.end():]))


_PARENTHESISED = re.compile(r"^(?:\([^()]+\)\s*)+$")  # cleaning made every bracket ASCII
_GROUP = re.compile(r"\(([^()]+)\)")


def parenthesised_groups(text: str) -> list[str]:
    """The insides of a line wholly in parentheses, one per group (a flattened page puts
    its photo captions side by side), else [].

    >>> parenthesised_groups("(冷晓君) (参观夏明翰故居)"), parenthesised_groups("(一)学习理论")
    (['冷晓君', '参观夏明翰故居'], [])
    """
    t = strip_list_marker(text).strip()  # a table's cell bars around it: (图片:阮前伟) | | |
    return [inside.strip() for inside in _GROUP.findall(t)] if _PARENTHESISED.match(t) else []


def parenthesised(text: str) -> str | None:
    """The inside of a line wholly in parentheses, else None (several groups: their
    insides, space-separated).

    >>> parenthesised("(党员专家为敬老院老人义诊)"), parenthesised("(一)学习理论")
    ('党员专家为敬老院老人义诊', None)
    """
    return " ".join(groups) if (groups := parenthesised_groups(text)) else None


_PUBLICATION_LABEL = re.compile(r"发布|发表|时间|日期")
_ARTICLE_META_LABEL = re.compile(r"(?:来源|编辑|责编|作者)\s*[::]")
# A news outlet's name: 广州日报大洋网, 城南新闻网, 城南晚报.
_OUTLET = re.compile(rf"[{HAN}A-Za-z0-9·]{{2,20}}(?:{OUTLET_ENDINGS})")  # 39健康网: digits too


# Dates a header gives that are not the publication's: a disclosure table's date of writing
# (成文日期), of issue or effect (印发, 生效, 实施), a deadline (截止).
_OTHER_DATE_LABEL = re.compile(r"(?:成文|发文|印发|签发|生效|实施|失效|废止|截止)(?:日期|时间)?[::|\s]*")


def drop_other_dates(text: str) -> str:
    """The header's date text without the dates that are not the publication's (成文日期
    …); unchanged when nothing else would be left.

    >>> drop_other_dates("成文日期:2023-04-18 发布日期:2023-04-20")
    ' 发布日期:2023-04-20'
    >>> drop_other_dates("成文日期:2023-04-18")
    '成文日期:2023-04-18'
    >>> drop_other_dates("成文日期 | 2023-04-18 | 发布日期 | 2023-04-20")
    ' | 发布日期 | 2023-04-20'
    >>> drop_other_dates("| 发文字号: | 发文时间: 2026-02-05 | 发布日期: 2026-02-06")
    '| 发文字号: |  | 发布日期: 2026-02-06'
    """
    kept = text
    for label in _OTHER_DATE_LABEL.finditer(text):
        date = next((m for pattern in DATE_PATTERNS if (m := pattern.match(text, label.end())) is not None), None)
        if date is not None:
            kept = kept.replace(text[label.start() : date.end()], "", 1)
    return kept if parse_date(kept, dt.date.max) is not None else text


def has_publication_label(text: str) -> bool:
    """A date line that says it gives the publication date (发布时间, 日期 …), or the
    article's meta line under the text (编辑:季靓 来源: 2018-05-11 10:38), which pages
    print there as others print it under the headline.

    >>> has_publication_label("发布时间:2018-05-11"), has_publication_label("编辑:季靓 来源: 2018-05-11 10:38")
    (True, True)
    >>> has_publication_label("第二党支部 2020-02-28")
    False
    """
    return bool(_PUBLICATION_LABEL.search(text) or _ARTICLE_META_LABEL.search(text))


_TRAILING_META = re.compile(r"(?:发布|发表|更新|发稿)?(?:时间|日期)[::]")
_LABEL_START = re.compile(r"(?<!\S)[^\s::]{1,6}[::]|(?:发布|发表|更新|发稿)?(?:时间|日期)[::]|[\[【(]\s*(?=\d{4}[-/.年])")  # where a label:value run (or a bracketed date: …仪式[ 2023-6-28] 作者:…) may begin


def split_trailing_date_line(text: str) -> int:
    """Where a date line glued to the end of a headline begins (``…义诊活动 发布时间:
    2013年12月9日``), else 0.

    >>> split_trailing_date_line("我院举行新党员宣誓及义诊活动 发布时间:2013年12月9日")
    15
    >>> split_trailing_date_line("传党恩 颂党情 办实事 科室:作者: 发布日期:2022-01-04")
    12
    >>> split_trailing_date_line("时间:2019-10-08"), split_trailing_date_line("活动时间:我们出发。")
    (0, 0)
    >>> split_trailing_date_line("医院举行纪念章颁发仪式[ 2023-6-28] 作者:卫晓建 阅读量:118")
    11
    """
    for m in _LABEL_START.finditer(text):
        head = text[: m.start()].strip()
        if _headline_before_meta(head) and parse_date(head, dt.date.max) is None and is_date_line(text[m.start() :]):
            return m.start()
    return 0


def _headline_before_meta(head: str) -> bool:
    """What stands before meta glued to a line's end reads as a headline alone: not a
    label as short as a menu item, holding no meta label itself."""
    return bool(head) and is_headline(head) and not is_nav_label(head) and not _META_LABEL.search(head)


# The labels of a page's source and author (来源:, 作者:, 编辑: …).
_SOURCE_LABELS = "来源|稿源|作者|责任编辑|编辑|责编"
# A source or author label and its short value glued to the end of a headline
# (…主题党日活动 来源:人民网, 【…】本文转自:人民网).
_TRAILING_SOURCE = re.compile(rf"\s*(?:本文)?(?:{_SOURCE_LABELS}|转自|转载自|来自)\s*[::]\s*(\S(?:.*\S)?)\s*$")


def split_trailing_source(text: str) -> int:
    """Where a source or author label glued to the end of a headline begins, its value no
    longer than ``inline_meta_value_max_chars``; else 0.

    >>> split_trailing_source("医院党委开展主题党日活动 来源:人民网")
    12
    >>> split_trailing_source("【城南医院急诊科获全国工人先锋号称号】本文转自:人民网")
    19
    >>> split_trailing_source("来源:人民网"), split_trailing_source("活动由支部书记主持。来源:人民网")
    (0, 0)
    """
    m = _TRAILING_SOURCE.search(text)
    if not m or visible_len(m.group(1)) > rules.LIMITS.inline_meta_value_max_chars:
        return 0
    head = text[: m.start()].strip()
    return m.start() if _headline_before_meta(head) and not is_prose(head) else 0


# One more meta item after a date: a time, a view count (its digits may touch the text
# that follows once spaces are normalised), or a short ``label:value`` ending the line or
# followed by a space (cleaning keeps no space between two Han characters).
@cache
def _meta_item(value_max: int) -> re.Pattern[str]:
    return re.compile(
        rf"\s*(\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?!\d)|(?:浏览|阅读|点击|访问|预览)(?:次数|量|数|率)?[::]\s*[\d.万]+次?|[^\s::]{{2,6}}[::]\S{{0,{value_max}}}(?=\s|$))"
    )


# A source or author label left without its value, the text running on right after it
# (来源:在喜迎国庆佳节之际,…): the label ends the meta run.
_LABEL_ALONE = re.compile(rf"\s*(?:{_SOURCE_LABELS})(?:\s*/\s*(?:{_SOURCE_LABELS}))?[::]")
# Labels left without a value right before the date's label (科室:作者:) belong to the run.
_EMPTY_LABELS_BEFORE = re.compile(r"(?<=\s)(?:[^\s::]{1,6}[::]\s*)+$")
# At the very start of a line only a publication label opens a meta run (时间:… alone may be an event's).
_LEADING_META = re.compile(r"(?:发布|发表|更新|发稿)(?:时间|日期)[::]")


def find_inline_meta(text: str) -> tuple[int, int] | None:
    """A run of meta items (a labelled publication date, then view counts, other
    ``label:value`` items) between a headline and the text on one line, as a page
    flattened into one line shows it: (start, end), else None.

    >>> s = "我院举行新党员宣誓及义诊活动 发布时间:2013年12月9日 预览:2456次 12月7日,冬日的暖阳。"
    >>> a, b = find_inline_meta(s); s[a:b]
    '发布时间:2013年12月9日 预览:2456次'
    >>> s = "发布时间:2022-10-07 20:48 来源:在喜迎国庆佳节和党的二十大即将召开之际,9月28日,妇幼中心党委开展活动。"
    >>> a, b = find_inline_meta(s); s[a:b]
    '发布时间:2022-10-07 20:48 来源:'
    >>> find_inline_meta("时间:2023年3月5日上午 地点:医院会议室,全体党员参加。") is None
    True
    >>> s = "时间:2018.03.09来源/作者:2018年 3月5日,共青团南浔区委召开志愿者协会第二次代表大会,医院志愿服务团获表彰。"
    >>> a, b = find_inline_meta(s); s[a:b]
    '时间:2018.03.09来源/作者:'
    >>> s = "传党恩 颂党情 办实事 科室:作者:发布日期:2022-01-04访问人数:"
    >>> a, b = find_inline_meta(s); s[:a], s[a:b]
    ('传党恩 颂党情 办实事 ', '科室:作者:发布日期:2022-01-04访问人数:')
    """
    for m in _TRAILING_META.finditer(text):
        start = m.start()
        if empty := _EMPTY_LABELS_BEFORE.search(text, 0, start):  # 办实事 科室:作者:发布日期:…
            start = empty.start()
        head = text[:start].strip()
        date = next((d for pattern in DATE_PATTERNS if (d := pattern.match(text, m.end())) is not None), None)
        # opening the line, a publication label (发布时间:), or a bare 时间: with a source or
        # author label right after its date (时间:2018.03.09来源/作者:); 时间:… 地点:… is a notice
        opens = _LEADING_META.match(text, m.start()) or (date is not None and _LABEL_ALONE.match(text, date.end()))
        if is_prose(head) or (not head and not opens) or date is None:
            continue
        end = date.end()
        item = _meta_item(rules.LIMITS.inline_meta_value_max_chars)
        while (token := item.match(text, end)) and (_META_LINE_LABEL.match(token.group(1)) or ":" in token.group(1)[:3] or re.match(r"\d|浏览|阅读|点击|访问|预览", token.group(1))):
            end = token.end()
        if (empty := _LABEL_ALONE.match(text, end)) and is_prose(text[empty.end() :]):
            end = empty.end()
        if not head and not is_prose(text[end:]):
            return None  # a line of meta only (a date line), not a run opening the text
        return start, end
    return None


_FLATTENED_BREAK = re.compile(r"[。!?!?]\s+(?=\S)")


def split_flattened(raw: str, text: str) -> int:
    """Where the second paragraph of a page flattened into one line begins in the cleaned
    ``text``, judged on its ``raw`` span: a space after a full stop, which Chinese prose
    never puts there (cleaning removes it, so the raw text is where it shows); else 0.

    >>> split_flattened("冬日的暖阳普照大地。 当日上午,院党委书记带队。", "冬日的暖阳普照大地。当日上午,院党委书记带队。")
    10
    """
    m = _FLATTENED_BREAK.search(raw)
    if not m:
        return 0
    stops = len(re.findall(r"[。!?!?]", raw[: m.start() + 1]))
    seen = 0
    for i, ch in enumerate(text):
        if ch in "。!?!?":
            seen += 1
            if seen == stops:
                return i + 1 if i + 1 < len(text.rstrip()) else 0
    return 0


# A headline, then the first sentence opening with its date (…纪念章 6月29日上午,我院…):
# the head has no sentence punctuation; the raw text shows the break as white space.
_GLUED_HEADLINE = re.compile(r"^([^,。!?;:,;:!?]+?)\s*((?:\d{4}年)?\d{1,2}月\d{1,2}日)")


def split_glued_headline(raw: str, text: str) -> int:
    """Where the first sentence begins in a cleaned ``text`` that holds a headline and
    then the sentence, as a page flattened into one line shows it, judged also on the
    ``raw`` span (a space before the sentence's date, which cleaning removes); else 0.

    >>> t = "我院为15名老党员颁发“光荣在党50年”纪念章6月29日上午,我院举行纪念章颁发仪式。"
    >>> split_glued_headline("我院为15名老党员颁发“光荣在党50年”纪念章 6月29日上午,我院举行纪念章颁发仪式。", t)
    23
    >>> split_glued_headline(t, t), split_glued_headline("据悉 6月29日上午,我院举行仪式。", "据悉6月29日上午,我院举行仪式。")
    (0, 0)
    """
    m = _GLUED_HEADLINE.match(text)
    if not m or not is_prose(text[m.start(2) :]):
        return 0
    head = m.group(1)
    if not is_headline(head) or is_nav_label(head) or not re.search(r"\s" + re.escape(m.group(2)), raw):
        return 0
    return m.start(2)


_LONE_SECTION_NUMBER = re.compile(r"^\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*$")


def is_lone_section_number(text: str) -> bool:
    """A section number alone on its line (1 / 02 / 三), as designed pages print it above
    the heading it numbers.

    >>> [is_lone_section_number(t) for t in ["1", " 02 ", "三", "2025", "一、"]]
    [True, True, True, False, False]
    """
    return bool(_LONE_SECTION_NUMBER.match(text))


def is_meta_line(text: str) -> bool:
    """A label line without a date: view counts, an empty author field.

    >>> is_meta_line("浏览:1289次"), is_meta_line("阅读 3人次"), is_meta_line("浏览了展览")
    (True, True, False)
    >>> is_meta_line("浏览: 来源:山东法制传媒网"), is_meta_line("来源:山东法制传媒网")  # two items, one empty
    (True, False)
    """
    t = text.strip()
    return bool(re.match(r"^(?:本文)?被?(?:浏览|阅读|点击|访问|阅)(?:次数|量|数)?[::]?\s*[\d.万]*\s*(?:人次|次)?$", t)
                or (_META_ITEMS.fullmatch(t) and len(_META_ITEM_LABEL.findall(t)) >= 2))


# Meta items without a date, each a label and a short value or none (浏览: 来源:山东法制传媒网).
_META_ITEM_LABEL = re.compile(rf"(?:浏览|阅读|点击|访问|{_SOURCE_LABELS}|发布者|发布人)(?:次数|量|数)?\s*[::]")
_META_ITEMS = re.compile(rf"(?:\s*{_META_ITEM_LABEL.pattern}\s*[^\s::]{{0,20}})+")


# ---------------------------------------------------------------- captions and headlines

_CAPTION_CUE = re.compile(
    r"(?:摄|供图|摄影)\)?(?:\s*\([^()]{1,10}\))?$|供图[。.]$|\([^()]{0,12}(?:摄|摄影|供图)\)[。.]?$|/\s*图源|\(图[一二三四五六七八九十\d]{1,2}\)$|^图为|^(?:图|图片|多图|组图|图集|图说)[::]|▲|△|\((?:左|右|中|前|后)[一二三四五六七八九]?\)|^(?:左|右)[一二三四五六七八九]?[::]|现场。?$|合影(?:留念)?。?$|留影。?$|揭牌。?$|(?<!的)致辞。?$|(?<!的)致词。?$|(?<!的)讲话。?$|剪彩。?$|授牌。?$|授旗。?$"
)
# A photo's source after its caption: (来源:附属第三医院), (图片来源:…).
_PHOTO_SOURCE = re.compile(r"\s*\((?:图片)?来源[::]?[^()]{1,30}\)$")
# Ceremony words end headlines as often as captions (…基地在我院揭牌): above the text they
# are not enough to refuse a headline candidate; the photo marks are.
_EVENT_ENDING = re.compile(r"(?:揭牌|致辞|致词|讲话|剪彩|授牌|授旗)$")


def is_photo_caption_cue(text: str) -> bool:
    """A caption cue that is not just a ceremony word ending the line.

    >>> is_photo_caption_cue("民革镇江市委社会服务基地在我院揭牌"), is_photo_caption_cue("院长张明致辞 王扬 摄")
    (False, True)
    """
    return is_caption_cue(text) and not _EVENT_ENDING.search(text.strip())


def is_caption_cue(text: str) -> bool:
    """Words that mark a photo caption.

    >>> [is_caption_cue(t) for t in ["典型事迹报告会现场。", "齐鲁晚报·齐鲁壹点记者 唐首政 摄", "县委常委、副县长武庆联出席义诊开幕式并致辞", "党建、临床业务双提升"]]
    [True, True, True, False]
    >>> is_caption_cue("党史学习教育专题宣讲报告会现场(来源:附属第三医院)"), is_caption_cue("黄春涛摄(影像中国)")
    (True, True)
    >>> is_caption_cue("党委副书记赵满国同志领学了习近平总书记的讲话。")  # 的讲话: the object of a sentence
    False
    >>> is_caption_cue("医疗队队员在条幅上庄重签名(图三)"), is_caption_cue("多图:副院长带领义诊团队为居民提供义诊服务")
    (True, True)
    >>> is_caption_cue("医护人员在苗寨指导村民使用家庭小药箱(11月16日摄)。")  # the credit in parentheses, then the stop
    True
    >>> is_caption_cue("党员大会正在召开。通讯员供图。"), is_caption_cue("医院为活动提供了图片。")
    (True, False)
    >>> is_caption_cue("左:刘华(城南区监察大队党支部书记)"), is_caption_cue("左右为难的时候,党员站了出来。")
    (True, False)
    >>> is_caption_cue("县委常委孟乐出席会议并讲话。"), is_caption_cue("县委常委孟乐出席会议并讲话")
    (False, True)
    >>> is_caption_cue("近日,医疗队欢送会在兰州举行。副省长出席欢送会并为医疗队授旗。")  # two sentences: news
    False
    >>> is_caption_cue("6月30日,在县中医医院多媒体会议室,市工人医院党委副书记梁茂元为全体党员作专题讲话。(刘梁春 摄)")
    True
    """
    size = visible_len(text)
    if size > rules.LIMITS.caption_cue_max_chars and not (  # longer when its photographer's credit closes it
            size <= rules.LIMITS.credited_caption_max_chars and _CREDITED_CAPTION.search(text.strip())):
        return False
    t = _PHOTO_SOURCE.sub("", text.strip())  # 报告会现场(来源:附属第三医院): the cue is before the source
    if _ATTENDED_AND_SPOKE.search(t):  # a report's own sentence, with its full stop
        return False
    cue = _CAPTION_CUE.search(t)
    # A ceremony word closing the second of two sentences (…欢送会在兰州举行。副省长…为医疗队授旗。)
    # ends a paragraph of news: a caption tells one scene in one sentence.
    if cue and _EVENT_ENDING.search(cue.group().rstrip("。.")) and re.search(r"[。!?]", t[: cue.start()]):
        return False
    return bool(cue)


# Who attended and spoke, told as a sentence (…孟乐出席会议并讲话。): news prose, where a
# caption of the same scene has no full stop (孟乐出席会议并讲话).
_ATTENDED_AND_SPOKE = re.compile(r"出席\S{0,6}?并(?:作|发表)?(?:讲话|致辞)。$")


# A sentence closed by its photographer's credit in parentheses: …作讲话。(刘梁春 摄)
_CREDITED_CAPTION = re.compile(rf"[。!?]\s*\((?:摄影?[::]?\s*)?[{HAN}·\s]{{2,12}}(?:摄影?)?\)$")


# A photo's credit on a line of its own: 黄春涛摄(影像中国), 高 翔摄(新华社发), 王明 供图.
_PHOTO_CREDIT = re.compile(rf"^[{HAN}\s·]{{2,12}}(?:摄|供图|摄影)(?:\s*\([^()]{{1,10}}\))?$")


_CAPTION_OPENER = re.compile(r"^\s*(?:图为|▲|△)")


def opens_as_caption(text: str) -> bool:
    """A line opening as only a photo's caption does (图为…, ▲…), whatever its length.

    >>> opens_as_caption("图为城南卫生院志愿者在收割油菜"), opens_as_caption("为城南卫生院志愿者图为")
    (True, False)
    """
    return bool(_CAPTION_OPENER.match(text))


def captions_above(text: str, below: str) -> bool:
    """A one-sentence line right above a photo's credit on a line of its own: the photo's
    caption (newspapers print the caption, then the credit).

    >>> captions_above("武汉大学中南医院医务人员在方舱医院讨论工作。", "高 翔摄(新华社发)")
    True
    >>> captions_above("医务人员在方舱医院讨论工作。随后,他们又来到病房。", "高 翔摄(新华社发)")
    False
    """
    t = text.strip()
    return (bool(_PHOTO_CREDIT.match(below.strip())) and visible_len(t) <= rules.LIMITS.caption_cue_max_chars
            and sentence_count(t) <= 1)


def sentence_count(text: str) -> int:
    """How many sentences end in ``text`` (。 ! ?).

    >>> sentence_count("讨论工作。随后,他们又来到病房。"), sentence_count("党员风采")
    (2, 0)
    """
    return len(re.findall(r"[。!?]", text))


def comma_count(text: str) -> int:
    """How many clauses ``text`` breaks off with a comma or semicolon.

    >>> comma_count("随后14位选手展开了角逐,大家抒发了热忱,表现了自豪"), comma_count("奉献爱心,从我开始")
    (2, 1)
    """
    return len(re.findall(r"[,;]", text))


def is_short_caption(text: str) -> bool:
    """A short one-clause sentence standing alone: how a caption under a photo reads."""
    t = text.strip()
    return visible_len(t) <= rules.LIMITS.short_line_max_chars and t.endswith("。") and not re.search(r"[,,;;。]", t[:-1])


def is_headline(text: str, limit: int | None = None) -> bool:
    """Headline shape: not a sentence, not longer than ``limit`` (the headline length by
    default), not ending mid-phrase."""
    t = text.strip()
    return 2 <= visible_len(t) <= (limit or rules.LIMITS.headline_max_chars) and not is_prose(t) and t[-1] not in SOFT_END


# A headline line that cannot end there (…党委开展 / …医院与) or cannot begin there (召开…:
# a predicate without its subject): a headline broken over two lines.
_OPEN_HEADLINE_END = re.compile(r"(?:开展|举办|召开|举行|组织|走进|深入|前往|赴|到|在|为|与|和|及|暨|的|之|对)$")
_PREDICATE_START = re.compile(r"^(?:召开|开展|举办|举行|组织|走进|深入|前往|赴|启动|荣获|获评|成立|看望|慰问|走访|参观)")


# The head noun of an event, alone on a headline's second line (…开展“庆七一·送健康” / 系列活动).
_EVENT_NOUN = r"(?:活动|会议|大会|仪式|讲座|比赛|竞赛|座谈会|报告会|培训班)"
_EVENT_TAIL = re.compile(rf"^[{HAN}]{{0,4}}{_EVENT_NOUN}$")
_EVENT_VERB = re.compile(r"开展|举办|举行|召开|组织|启动")


def breaks_headline(first: str, second: str) -> bool:
    """Two lines that read as one headline broken in two: the first cannot end a headline,
    or the second opens with a predicate whose subject is the first, or is the head noun of
    the event the first one's verb names.

    >>> breaks_headline("中心医院党委开展", "“七一”主题党日活动"), breaks_headline("湖北省直属机关医院", "召开表彰大会")
    (True, True)
    >>> breaks_headline("界首市中医院开展“庆七一·送健康”", "系列活动"), breaks_headline("医院举办义诊活动", "系列活动")
    (True, False)
    >>> breaks_headline("党建动态", "市人民医院召开表彰大会")
    False
    """
    a, b = first.strip(), second.strip()
    event_tail = bool(_EVENT_TAIL.match(b)) and bool(_EVENT_VERB.search(a)) and not re.search(rf"{_EVENT_NOUN}$", a)
    return bool(a and b) and (a[-1] in SOFT_END or bool(_OPEN_HEADLINE_END.search(a)) or bool(_PREDICATE_START.match(b))
                              or event_tail)


# Section numbers, one named group per numbering style (02 / 一、 / (一) / 1. / 第一项).
_NUMBERED = re.compile(
    rf"^(?:(?P<padded>0[1-9](?=[{HAN}])(?![年月日时点分号个名次人岁天]))|(?P<han>[一二三四五六七八九十]+[、.])"
    rf"|(?P<bracketed>[((][一二三四五六七八九十\d]+[))])|(?P<arabic>\d+[、.](?!\d))|(?P<ordinal>第[一二三四五六七八九十\d]+[项部分章节、]))"
)


def is_numbered_sentence(text: str) -> bool:
    """A numbered line that is one short sentence (一、高位推动,压实责任。): how many pages
    write a numbered sub-heading.

    >>> is_numbered_sentence("一、高位推动,压实责任。"), is_numbered_sentence("一、高位推动。压实责任。")
    (True, False)
    """
    t = text.strip()
    return is_numbered(t) and ends_sentence(t) and not re.search(f"[{TERMINAL}]", t.rstrip(CLOSERS)[:-1])


def is_numbered(text: str) -> bool:
    """A line opening with a section number (一、 / (一) / 1. / 第一项).

    >>> is_numbered("二、参观教育基地"), is_numbered("2.5万元"), is_numbered("第一,")
    (True, False, False)
    """
    return bool(_NUMBERED.match(text.strip()))


def numbering_style(text: str) -> str | None:
    """Which numbering style opens the line (``padded``, ``han``, ``bracketed``, ``arabic``,
    ``ordinal``), or None: an outline's headings share one.

    >>> numbering_style("二、活动主题"), numbering_style("(三)参加对象"), numbering_style("3.会议内容"), numbering_style("活动主题")
    ('han', 'bracketed', 'arabic', None)
    """
    m = _NUMBERED.match(text.strip())
    return m.lastgroup if m else None


# A short line ending in a colon that introduces speech or a list (会议指出: / 具体如下:),
# not a label of the section below it.
_INTRODUCES = re.compile(r"(?:说|道|指出|强调|表示|要求|提出|认为|如下|以下|包括|为|是)\s*[::]$"
                         r"|(?:同志|朋友|同事|同仁|代表|来宾|嘉宾|领导)们?\s*[::]$"  # a speech's salutation
                         r"|^(?:尊敬|敬爱|亲爱)的\S{1,12}[::]$")  # a letter's (尊敬的党组织:)


def is_colon_label(text: str) -> bool:
    """A short label ending in a colon (获奖名单: / “一个核心”机制:), not a sentence, not
    introducing speech or a list: the label of the section under it.

    >>> [is_colon_label(t) for t in ["獲獎名單:", "“一个核心”机制:", "会议指出:", "具体做法如下:", "来源:", "他说,大家要记住:"]]
    [True, True, False, False, False, False]
    >>> is_colon_label("同志们:"), is_colon_label("各位领导、同志们:"), is_colon_label("尊敬的党组织:")  # salutations
    (False, False, False)
    """
    t = text.strip()
    return (t[-1:] in "::" and visible_len(t) <= rules.LIMITS.colon_heading_max_chars and not is_prose(t)
            and not re.search(r"[,,;;。]", t) and not _INTRODUCES.search(t) and meta_label(t) is None
            and not parse_credits(t) and not _BARE_CREDIT_LABEL.match(t))


def has_heading_shape(text: str) -> bool:
    """Parallel phrases (``红色记忆 追寻初心``, ``党建、临床业务双提升``), a numbered,
    colon-led or dash-led heading (``会议第一项:学中思``, ``党课讲什么?——讲理论``, ``一、…``).

    >>> [has_heading_shape(t) for t in ["红色记忆 追寻初心", "会议第一项:学中思、思中进", "县委常委、副县长武庆联出席义诊开幕式并致辞"]]
    [True, True, False]
    >>> has_heading_shape("党课讲什么?——讲理论、讲历史、讲精神")
    True
    """
    t = text.strip()
    if is_numbered(t):
        return True
    limits = rules.LIMITS
    if re.search(r"[::]|\S\s*——\s*\S", t) and visible_len(t) <= limits.colon_heading_max_chars:  # a dash as a colon
        return True
    parts = [p for p in re.split(r"[\s,,、!!]+", t) if p]
    return (len(parts) >= 2 and all(2 <= len(p) <= limits.phrase_max_chars for p in parts)
            and max(map(len, parts)) - min(map(len, parts)) <= limits.phrase_length_spread)


def is_clause_pair(text: str) -> bool:
    """Two clauses joined by one comma, without a digit or a sentence's punctuation, each
    with at least ``clause_pair_min_chars`` Han characters: how a section heading pairs a
    theme with its point (强基固本,铸牢“医心向党”的忠诚之魂).

    >>> is_clause_pair("精准测量,守护健康“第一关”"), is_clause_pair("强基固,铸牢忠诚之魂")
    (True, False)
    >>> is_clause_pair("6月30日,在县中医院会议室"), is_clause_pair("大家表示,一定做好工作。"), is_clause_pair("党员先锋,示范引领,服务群众")
    (False, False, False)
    """
    t = text.strip()
    if re.search(rf"\d|[{TERMINAL};;]", t):
        return False
    parts = re.split(r"[,,]", t)
    return len(parts) == 2 and all(len(HAN_CHAR.findall(part)) >= rules.LIMITS.clause_pair_min_chars for part in parts)


def is_labelled_heading(text: str) -> bool:
    """A line led by a label in 【】 that is not a sentence (【开幕定调】锚定党建引领,扛起健康担当):
    between paragraphs, a heading, as a colon-led label is. (Above the text the same shape
    is a headline with its rubric: the header's rules decide it.)

    >>> is_labelled_heading("【开幕定调】锚定党建引领,扛起健康担当"), is_labelled_heading("【连网】3月5日是学雷锋纪念日。")
    (True, False)
    """
    t = text.strip()
    limits = rules.LIMITS
    return (bool(re.match(rf"^[【\[][^】\]]{{1,{limits.rubric_max_chars}}}[】\]]\S", t)) and not is_prose(t)
            and visible_len(t) <= limits.colon_heading_max_chars)


# A briefing's name and issue before its report's headline (党建工作简报2022年第7期:…).
_BRIEFING_ISSUE = re.compile(r"^\s*([^::]{0,12}简报\s*(?:\d{4}\s*年)?\s*第?\s*\d{1,4}\s*期)\s*[::]\s*(.{4,})$")


def split_rubric(title: str) -> tuple[str | None, str]:
    """A headline's rubric and its title: a leading 【rubric】 is taken off the title; a
    ``rubric | `` stays in it, as readers and the evaluation pages write the headline.

    >>> split_rubric("【党日style】新意!这四家医院"), split_rubric("我为群众办实事 | 肿瘤医院用心用情")
    (('党日style', '新意!这四家医院'), ('我为群众办实事', '我为群众办实事 | 肿瘤医院用心用情'))
    >>> split_rubric("党建工作简报2022年第7期:医院党委召开党支部书记联席会议")
    ('党建工作简报2022年第7期', '医院党委召开党支部书记联席会议')
    >>> split_rubric("【城南医院急诊科获全国工人先锋号称号】")  # a headline set wholly in 【】: no rubric
    (None, '城南医院急诊科获全国工人先锋号称号')
    >>> split_rubric("党建】循迹溯源悟思想,凝心铸魂促践行")  # the opening bracket lost
    ('党建', '循迹溯源悟思想,凝心铸魂促践行')
    """
    whole = re.match(r"^\s*[【\[]([^【】\[\]]+)[】\]]\s*$", title)
    if whole:
        return None, whole.group(1).strip()
    # the opening bracket may be lost with the page's markup (党建】循迹溯源悟思想…)
    m = re.match(rf"^\s*[【\[]?([^【】\[\]]{{1,{rules.LIMITS.rubric_max_chars}}})[】\]]\s*(.+)$", title)
    if m and not re.search("记者|通讯员", m.group(1)):
        return m.group(1).strip(), m.group(2).strip()
    m = _BRIEFING_ISSUE.match(title)
    if m:  # 党建工作简报2022年第7期:…: the briefing and its issue are the column
        return m.group(1).strip(), m.group(2).strip()
    m = re.match(r"^\s*([^|丨｜]{2,14}?)\s*[|丨｜]\s*(.{4,})$", title)
    if m and visible_len(m.group(1)) < visible_len(m.group(2)):
        return m.group(1).strip(), title.strip()
    return None, title.strip()


# A site's name after a headline, as page titles carry it: …会议_市中医院, …会议 - 市卫健委网站.
# An underscore never stands in a Chinese headline; after a dash or a bar the name must
# read as a site's (…网, …医院, …卫健委).
_SITE_AFTER_UNDERSCORE = re.compile(r"^(?P<title>.{4,}?)\s*_\s*[^。!?,]{2,30}$")
_SITE_ENDINGS = "网|网站|官网|门户|医院|卫生院|中心|委员会|卫健委|卫健局|政府|日报|晚报|频道|平台"
_SITE_AFTER_BAR = re.compile(rf"^(?P<title>.{{4,}}?)\s*(?:\s[-–]\s|[|丨])\s*[^。!?,|丨]{{2,20}}?(?:{_SITE_ENDINGS})$")
# …and before it, as some sites print their name first (全国党媒信息公共平台|下乡义诊送健康).
_SITE_BEFORE_BAR = re.compile(rf"^\s*[^。!?,|丨]{{2,20}}?(?:{_SITE_ENDINGS})\s*[|丨]\s*(?P<title>.{{4,}})$")
# …or an aggregator's tag for its news pages, a dash glued on (…排涝护院防汛忙-今日最新).
_SEO_TAIL = re.compile(r"^(?P<title>.{4,}?)\s*[-–_|丨]\s*(?:今日|最新|今日最新|最新资讯|最新消息|最新新闻|最新动态|今日头条|今日热点|热点资讯|新闻资讯)$")


def strip_site_name(title: str) -> str:
    """A headline without the site's name glued after it, or before it past a bar (as
    often as the page repeats it).

    >>> strip_site_name("市中医院召开党风廉政建设工作会议_市中医院")
    '市中医院召开党风廉政建设工作会议'
    >>> strip_site_name("医院开展义诊活动 - 健康山东网"), strip_site_name("党建引领 | 医院开展义诊")
    ('医院开展义诊活动', '党建引领 | 医院开展义诊')
    >>> strip_site_name("党媒公共平台 | 党媒公共平台|下乡义诊送健康 真情服务暖人心")
    '下乡义诊送健康 真情服务暖人心'
    >>> strip_site_name("镇卫生院:排涝护院防汛忙-今日最新"), strip_site_name("医院开展“最新资讯”竞赛")
    ('镇卫生院:排涝护院防汛忙', '医院开展“最新资讯”竞赛')
    """
    while m := (_SITE_AFTER_UNDERSCORE.match(title) or _SITE_AFTER_BAR.match(title) or _SITE_BEFORE_BAR.match(title)
                or _SEO_TAIL.match(title)):
        title = m.group("title").strip()
    return title


# Where a byline glued after a headline may begin, past a space: …开展慢病随访 记者 王明
_BYLINE_AFTER_SPACE = re.compile(r"\s(?=(?:本报)?(?:记者|通讯员))")


def split_byline_date(text: str) -> int:
    """Where the date begins in a standalone byline followed by its date (本报记者 王明
    2023年5月6日), else 0.

    >>> split_byline_date("本报记者 王明 2023年5月6日"), split_byline_date("记者节 2023年5月6日")
    (8, 0)
    """
    t = text.rstrip()
    date = _DATE_AT_END.search(t)
    if date is None or date.start() == 0 or parse_date(t[date.start() :], dt.date.max) is None:
        return 0
    head = t[: date.start()]
    return date.start() if visible_len(head) <= rules.LIMITS.byline_max_chars and _BYLINE.match(head.strip()) else 0


def split_glued_byline(text: str) -> int:
    """Where a byline glued after a headline begins, else 0 (a sentence keeps its
    names: 记者 is then a word of it).

    >>> split_glued_byline("社区卫生服务中心开展慢病随访 记者 王明 通讯员 李华")
    14
    >>> split_glued_byline("活动受到群众好评。 记者 王明"), split_glued_byline("记者 王明")
    (0, 0)
    >>> split_glued_byline("医院开展活动 记者节到来之际,王明同志表示")  # no byline: a sentence
    0
    """
    for m in _BYLINE_AFTER_SPACE.finditer(text):
        head = text[: m.start()]
        if not re.search(rf"[{HAN}]", head) or is_prose(head):
            continue  # nothing before it but a list marker (■ 本报记者 …), or a sentence
        if _BYLINE.match(text[m.end() :]):  # the rest of the line is a standalone byline
            return m.start()
    return 0


def split_opening_rubric(text: str) -> int:
    """Length of a 【rubric】 opening a sentence, to be cut off, else 0.

    >>> split_opening_rubric("【连网】3月5日是学雷锋纪念日。当天上午,志愿者来到小区。")
    4
    >>> split_opening_rubric("【主题党日】初心如磐,笃行致远"), split_opening_rubric("【记者 王扬】5月4日,党员义诊。")
    (0, 0)
    """
    m = re.match(rf"^\s*【([^】]{{1,{rules.LIMITS.rubric_max_chars}}})】", text)
    if m is None or re.search("记者|通讯员", m.group(1)) or not is_prose(text[m.end() :]):
        return 0
    return m.end()


def split_subtitle(title: str) -> tuple[str, str | None]:
    """Headline ``main——sub`` into its two parts.

    >>> split_subtitle("聚支部力量 彰显党员活力 ——外科第二党支部联合开展活动")
    ('聚支部力量 彰显党员活力', '外科第二党支部联合开展活动')
    >>> split_subtitle("----朝天区卫生系统专场晚会")  # a line opening with its dash has no main part
    ('----朝天区卫生系统专场晚会', None)
    """
    m = re.match(r"^(?![-—―])(.{2,}?)\s*(?:——|--|—|――)\s*(.{2,})$", title)
    if not m:
        return title, None
    return m.group(1).strip(), m.group(2).strip()
