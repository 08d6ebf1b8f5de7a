"""Strip web debris from decoded text and say what was removed, and why.

Scraped policy pages carry site chrome around the official text: navigation
words and breadcrumbs, contact blocks (phones, e-mail, postal addresses), copyright
and ICP lines, share and QR widgets, "[ BACK ]" links, site names, page numbers,
Word bookmarks. The rules here work line by line and remove only what matches one
of these patterns; a line that carries a directive cue or a dated target is never
removed, whatever it looks like (:func:`protected`). Every removal is recorded with
its kind, so ``--dry-run`` can show it with its reason (:data:`REASONS`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policydiff.strength import find_cues, find_targets
from policydiff.structure.numbering import match_label

# A line shorter than this, without sentence punctuation, cannot be a paragraph of policy text.
SHORT_LINE = 60
# a line with an e-mail address is a contact line when it opens on a contact's label, or
# says, its address aside, less than CONTACT_WORDS (王某，邮箱：); else it is a sentence's
CONTACT_WORDS = 12
CONTACT_LABEL = re.compile(
    r"^(?:e-?mail|contacts?|联系人|联系方式|联系电话|联系邮箱|邮箱|电子邮箱|电子信箱)\s*[:：]?",
    re.IGNORECASE,
)
# Lines of the head and tail of a page that are this short are site chrome unless they are
# recognised as title or date lines.
CHROME_LINE = 200

INLINE_DEBRIS = [
    ("bookmark", re.compile(r"\[bookmark:[^\]]*\]", re.IGNORECASE)),
    ("zero-width", re.compile("[\u200b\u200c\u200d\u2060\ufeff]")),
    ("bidi control", re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")),
]
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
PHONE_LINE = re.compile(
    r"^(?:(?:tel|phone|fax|hotline|电话|传真|热线|联系电话)\.?\s*[:：]?\s*)?"
    r"\+?[\d(][\d\s()\-–]{6,}\d$",
    re.IGNORECASE,
)
PHONE_LABEL = re.compile(r"^(?:tel|phone|fax|hotline|电话|传真|联系电话)[.:：]?$", re.IGNORECASE)
# the notice itself, not a word of it in a sentence (copyrights, 版权所有者, a list's
# "(c) 2030 targets"): a line that directs or sets a dated target is kept whatever it says
COPYRIGHT = re.compile(
    r"\bcopyright\b(?!s)|©|(?<=.)\(c\)\s*\d{4}|all rights reserved|版权所有(?![者人方])"
    r"|icp备|icp证|备案序号|公网安备|网站标识码",
    re.IGNORECASE,
)
ADDRESS_LABEL = re.compile(
    r"^(?:address|postal address|地址|通讯地址|邮编|postcode|zip code)\b", re.I
)
ADDRESS_CUES = re.compile(
    r"\b(?:road|street|avenue|district|zone|industrial park|floor|room|no\.\s*\d+)\b"
    # "Building F," or "Building 3", not the verb of "Building a Beautiful China"
    r"|\b(?-i:Building [A-Z0-9]\d*)(?=\s*(?:[,，(（]|\d|$))"
    r"|[路街道]\d|\d+号|大厦|室$",
    re.IGNORECASE,
)
# A heading's own number: "(5) ", "5、", "5. "
LEADING_NUMBER = re.compile(r"^\s*[(（]?\d+[)）.、]?\s*")
TIMESTAMP_LINE = re.compile(
    r"^(?:release time|publish(?:ed)? (?:time|date)|time|date|发布时间|时间|日期)\s*[:：]\s*"
    r"(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)?$",
    re.IGNORECASE,
)
TIMESTAMP_LABEL = re.compile(r"^(?:release time|publish time|发布时间)\s*[:：]?$", re.IGNORECASE)
BARE_DATE = re.compile(r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
# 来源：…, on its own or after the time the page was posted (2023-07-10 16:00 来源：…)
SOURCE_LINE = re.compile(
    r"^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s+)?"
    r"(?:source|来源|信息来源)\s*[:：]\s*(?P<source>.{1,60})$",
    re.IGNORECASE,
)
WIDGETS = {
    # navigation, share and QR widgets, shop links, form fields, seen on policy-reposting sites
    "home",
    "hide",
    "show",
    "submit",
    "now",
    "city",
    "area",
    "phone",
    "captcha",
    "shop",
    "wechat",
    "weibo",
    "qq",
    "share",
    "share to",
    "print",
    "close",
    "back",
    "[ back ]",
    "[back]",
    "back to top",
    "top",
    "scan it",
    "scan",
    "scan the qr code",
    "qr code",
    "mobile version",
    "news detail",
    "news details",
    "online consultation",
    "relevant attachments",
    "attachments",
    "related links",
    "previous",
    "next",
    "more",
    "seo",
    "sitemap",
    "contact us",
    "about us",
    "login",
    "register",
    "search",
    "menu",
    "font size",
    "large",
    "medium",
    "small",
    "【打印】",
    "【关闭】",
    "打印",
    "关闭",
    "返回",
    "返回顶部",
    "分享",
    "分享到",
    "扫一扫",
    "扫一扫在手机打开当前页",
    "二维码",
    "手机版",
    "相关附件",
    "首页",
    "上一篇",
    "下一篇",
    "字号",
    "大",
    "中",
    "小",
    "在线咨询",
    "提交",
}
PAGE_NUMBER = re.compile(
    r"^(?:[-—–－]\s*\d{1,4}\s*[-—–－]|\d{1,3}|第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d{1,4}\s*页)?"
    r"|page\s+\d{1,4}(?:\s+of\s+\d{1,4})?|\d{1,4}\s*/\s*\d{1,4})$",
    re.IGNORECASE,
)
BREADCRUMB = re.compile(
    r"^(?:当前位置|您现在的位置|您的位置|位置|you are here)\s*[:：]|^(?:首页|home)\s*[>»›/]"
    # a portal's wording of it, read only before a path (所在位置：宜春市袁州区 is a place)
    r"|^(?:您?当前所在位置|您现在所在的?位置|所在位置)\s*[:：]\s*(?:首页|[^，。；]{0,40}[>»›])",
    re.IGNORECASE,
)
SITE_NAME = re.compile(
    r"^[A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*){0,4}\s+"
    r"(?:Chemicals?|Group|Co\.,?\s*Ltd\.?|Ltd\.?|Inc\.?|Corporation|Technology|Technologies"
    r"|Materials|Network|Website|Portal)$"
    # a site's name, not a company's: 国家电网有限公司 alone on a line signs a joint notice
    r"|^[\u4e00-\u9fff]{2,20}(?:官方网站|官网|门户网站|网站|频道)$"
)
WIDGET_PATTERNS = re.compile(
    r"flagship store$|^scan (?:it|the qr code)|^(?:【.{1,6}】\s*)+$|^\[\s*\w{1,12}\s*\]$|旗舰店$"
    # a portal's switch to its accessible or elderly-friendly version, its page counters
    r"|^(?:网站)?(?:无障碍(?:浏览|阅读|模式)?|关怀版|长者版|适老版)+$"
    r"|^(?:访问量|浏览量|浏览次数|阅读量|阅读次数|点击数|点击量)\s*[:：]\s*\d*\s*次?$"
    r"|^(?:关联稿件|相关稿件|相关文章|相关链接)\s*[:：]?$"
    # share buttons, the previous and next article, the footer's links, the byline of a
    # page with its counter or its font-size switch
    r"|^分享到\s*[:：]?[^。；，]{0,30}$"
    r"|^(?:上一篇|下一篇)\s*[:：]"
    # an article's byline: when it was posted, with where from or how often it was read
    r"|^(?:发布时间|发布日期|发稿时间)\s*[:：].{0,40}(?:来源|浏览次数|访问量|阅读量|点击数)\s*[:：]"
    # the correction link and the editor's byline under a gov.cn article
    r"|^【我要纠错】(?:\s*责任编辑\s*[:：].{0,20})?$|^责任编辑\s*[:：]\s*\S{1,20}$"
    r"|^(?:(?:网站地图|联系我们|网站声明|隐私声明|使用帮助|网站纠错|关于我们)\s*[|｜丨]?\s*){2,}$"
    r"|(?:浏览次数|访问量|阅读量|点击数)\s*[:：]\s*\d+.*字号|字号\s*[:：]\s*\[?\s*大\s*中\s*小",
    re.IGNORECASE,
)


# The rows of gov.cn's (and provincial portals') metadata table.
TABLE_LABELS = (
    "索引号",
    "主题分类",
    "发文机关",
    "成文日期",
    "标题",
    "发文字号",
    "发布日期",
    "主题词",
)
# ... and of a provincial or municipal portal's 信息公开 table: words that also open a
# sentence (分类推进, 文号), so a label only with its colon
TABLE_LABELS_WITH_COLON = (
    "发布机构",
    "发文单位",
    "发文日期",
    "文号",
    "公开方式",
    "公开时限",
    "公开范围",
    "公开日期",
    "生成日期",
    "有效性",
    "组配分类",
    "体裁分类",
    "分类",
)
# gov.cn spaces some labels out to the width of four characters (索 引 号, 标　　题)
TABLE_LABEL = "|".join(
    [
        *("[ \u3000]*".join(label) for label in TABLE_LABELS),
        *(f"{label}(?=\\s*[:：])" for label in TABLE_LABELS_WITH_COLON),
    ]
)
TABLE_ROW = re.compile(rf"^(?:{TABLE_LABEL})\s*[:：]?")


# Why each kind of line is taken out of the text, as ``--dry-run`` says it.
REASONS = {
    "navigation": "a site's menu, widget or breadcrumb",
    "page timestamp": "the date a site posted the page, not the issue date",
    "phone": "a contact phone number",
    "email": "a contact e-mail address",
    "copyright": "a copyright or ICP licence line",
    "address": "a postal address",
    "source line": "the site's 'Source:' line (kept as the version's source)",
    "site name": "the name of the site or company that posted the page",
    "page number": "a page number",
    "page furniture": "a PDF's page number or running header, left out as the page was read",
    "site chrome": "a web page's menu, header, footer or side bar (outside its article), "
    "left out as the page was read",
    "bookmark": "a Word bookmark left in the text",
    "commentary": "a commentary or news lead before the official text",
    "title": "the document's title: read into its metadata",
    "masthead": (
        "the red header naming the issuers (…文件): read into its metadata; or how the "
        "document is handled (特急, 公开), printed above it"
    ),
    "date line": "the issue date: read into its metadata",
    "document number": "the document number (发文字号): read into its metadata",
    "metadata table": "a line of the publisher's metadata table: read into the metadata",
}


@dataclass(frozen=True)
class Removal:
    """One piece of debris taken out, with the 1-based line it stood on."""

    kind: str
    text: str
    line: int


def _sentence_like(line: str) -> bool:
    line = re.sub(r"\bNo\.\s", "No ", line, flags=re.IGNORECASE)
    return bool(re.search(r"[.。!！?？;；]\s*[”\"’)）]?$|[.。]\s", line))


def _address_like(line: str) -> bool:
    """Two address words and a house number or a list of places: "No. 9, Xinnong Road,
    Nangang District". Two place words alone also make headings ("(5) Build road
    networks in the pilot zone")."""
    if len(ADDRESS_CUES.findall(line)) < 2:
        return False
    body = LEADING_NUMBER.sub("", line)
    return any(ch.isdigit() for ch in body) or len(re.findall(r"[,，]", body)) >= 2


def classify_line(line: str) -> str | None:
    """The debris kind of a whole line, or None if it may be policy text."""
    lowered = line.lower().strip()
    if not lowered:
        return None
    if lowered in WIDGETS or WIDGET_PATTERNS.search(lowered) or BREADCRUMB.search(lowered):
        return "navigation"
    if PAGE_NUMBER.match(lowered):
        return "page number"
    if len(line) <= 60 and SITE_NAME.match(line.strip()):
        return "site name"
    if BARE_DATE.match(lowered):
        return "page timestamp"
    if PHONE_LINE.match(lowered) or PHONE_LABEL.match(lowered):
        return "phone"
    if EMAIL.search(line) and (
        CONTACT_LABEL.match(lowered) or len(EMAIL.sub("", line).strip(" ,，;；:：")) < CONTACT_WORDS
    ):
        return "email"
    if len(line) < CHROME_LINE and COPYRIGHT.search(line):
        return "copyright"
    if ADDRESS_LABEL.match(lowered) and len(line) < CHROME_LINE:
        return "address"
    if len(line) < 160 and not _sentence_like(line) and _address_like(line):
        return "address"
    if TIMESTAMP_LINE.match(lowered) or TIMESTAMP_LABEL.match(lowered) or BARE_DATE.match(lowered):
        return "page timestamp"
    if SOURCE_LINE.match(line) and len(line) < SHORT_LINE:
        return "source line"
    return None


def _lang_of(line: str) -> str:
    return "zh" if re.search(r"[\u4e00-\u9fff]", line) else "en"


def protected(line: str) -> bool:
    """A line that is policy text whatever pattern it matches: a numbered heading, or a
    line carrying a directive cue or a dated quantified target."""
    if match_label(line) is not None:
        return True
    lang = _lang_of(line)
    # a cue counts in prose, not in a name ("Building F, Shimao 52, Yuhua District")
    prose = lang == "zh" or len(re.findall(r"\b[a-z][a-z'-]+\b", line)) >= 3
    if prose and find_cues(line, lang):
        return True
    return any(t.year is not None and t.value is not None for t in find_targets(line, lang))


# Kinds read from a line's shape, which policy text can share ("Improve the road network
# of the district, No. 3 …", "4.加强…知识产权保护" on 版权): a protected line of these kinds
# is kept. The others (e-mail, phone numbers, widget words, page numbers) are unambiguous.
SHAPE_KINDS = {"address", "site name", "source line", "page timestamp", "copyright"}


def debris_kind(line: str, before: str = "") -> str | None:
    """The debris kind of a whole line (:func:`classify_line`), unless its kind is read
    from its shape and it is :func:`protected`, or it is a date below a table's label
    standing alone (``before``: 发文日期：, then 2023-04-18), the label's value: the one rule
    ingest removes by and ``check`` checks by."""
    kind = classify_line(line)
    if kind is None:
        return None
    if kind == "page timestamp" and label_alone(before):
        return None
    labelled = ADDRESS_LABEL.match(line.lower().strip())  # "Address: …" says what it is
    if kind in SHAPE_KINDS and not labelled and protected(line):
        return None
    return kind


def strip_inline(line: str, number: int, removed: list[Removal]) -> str:
    for kind, pattern in INLINE_DEBRIS:
        for match in pattern.finditer(line):
            if kind != "zero-width":
                removed.append(Removal(kind, match.group(0), number))
        line = pattern.sub("", line)
    # an e-mail address inside a longer line is part of its sentence (报送至…@…): it stays,
    # as a contact line standing alone does not (classify_line)
    return re.sub(r"[ \t]{2,}", " ", line).strip()


@dataclass(frozen=True)
class Line:
    """A non-empty line of the input and where it stood (1-based)."""

    number: int
    text: str


def remove_debris(text: str, *, keep_all: bool = False) -> tuple[list[Line], list[Removal]]:
    """Drop debris lines and inline debris; keep the rest with their line numbers. With
    ``keep_all`` every line is kept, and only inline debris is taken out of it."""
    removed: list[Removal] = []
    kept: list[Line] = []
    before = ""
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if not stripped:
            continue
        kind = None if keep_all else debris_kind(stripped, before)
        before = stripped
        if kind:
            removed.append(Removal(kind, stripped, number))
            continue
        cleaned = strip_inline(stripped, number, removed)
        if cleaned:
            kept.append(Line(number, cleaned))
    return kept, removed


def label_alone(line: str) -> bool:
    """A label of a metadata table alone on its line, its value on the next (发文日期：): a
    date below it is what the label says, not the time a site posted the page."""
    label = TABLE_ROW.match(line)
    return label is not None and not line[label.end() :].strip()


def source_from_removals(removed: list[Removal]) -> str:
    """The "Source: Xinhua" of a page, when it had one."""
    for item in removed:
        if item.kind == "source line":
            match = SOURCE_LINE.match(item.text)
            if match:
                return match.group("source").strip()
    return ""
