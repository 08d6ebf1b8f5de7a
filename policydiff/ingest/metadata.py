"""Read the metadata a text carries: title, document number, issue date, issuers, level.

Sources, best first:

* the lines above the official body (:mod:`.body` moves them out): the title (a
  Chinese title ending 意见, 实施方案, 若干措施 …, possibly wrapped over two lines, or an
  English "Opinions … on …"), the document number (国办发〔2024〕52号), a date line
  ("(December 27, 2023)", （2021年9月22日）), and the rows of a publisher's metadata
  table (标题, 发文机关, 发文字号, 成文日期; a portal's 文号, and its 发文日期 and
  发布机构 only where the text itself gives no date or issuer);
* the signature below the body: the issuing bodies on the last line, the date below
  it (住房城乡建设部 / 2025年3月20日);
* a covering notice at the top of the body (住房和城乡建设部 国家发展改革委关于印发
  《城乡建设领域碳达峰实施方案》的通知);
* the commentary or news lead cut off above the body ("... issued the Opinions on X").

A page's own timestamp ("Time: 2024-03-22") is the date it was reposted, not the issue
date, and is never used as one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from policydiff.ingest.body import (
    DOCUMENT_NUMBER,
    EN_ISSUED_LINE,
    ZH_KINDS,
    ZH_NUMERAL_DATE,
    attachments_start,
    is_title,
    joined_title,
    labels_value,
    mastheads,
)
from policydiff.ingest.clean import TABLE_LABEL, TABLE_ROW
from policydiff.ingest.issuers import (
    canonical,
    chinese_bodies,
    known_issuers,
    level_and_jurisdiction,
)
from policydiff.runtime.glossary import glossary

__all__ = [
    "Metadata",
    "detect_language",
    "glossary",
    "parse_date_text",
    "read_metadata",
]

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
EN_DATE = re.compile(r"\b(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2}),\s*(?P<year>\d{4})\b")
EN_DATE_DMY = re.compile(r"\b(?P<day>\d{1,2})\s+(?P<month>[A-Z][a-z]{2,8})\s+(?P<year>\d{4})\b")
ZH_DATE = re.compile(r"(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日")
ISO_DATE = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})")
DATE_IN_PARENS = re.compile(r"^[(（]\s*(?P<inner>[^()（）]{6,30})\s*[)）]$")
BARE_ZH_DATE = re.compile(
    rf"^\s*(?:\d{{4}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日|{ZH_NUMERAL_DATE})\s*$"
)
NUMERAL_DATE = re.compile(ZH_NUMERAL_DATE)
TABLE_CELL = re.compile(rf"\s*({TABLE_LABEL})\s*[:：]?\s*")
NO_NUMBER = ("无", "暂无", "/", "-", "—", "－")  # what a table writes where a document has none
LABEL_SPACE = re.compile(r"[ \u3000]")  # gov.cn spaces some labels out (标　　题)
DIGITS = {
    c: n
    for n, cs in enumerate(("〇○零OＯ０", "一", "二", "三", "四", "五", "六", "七", "八", "九"))
    for c in cs
}

EN_TITLE = re.compile(
    r"\b(?P<kind>Guiding Opinions|Opinions|Guidelines|Notice|Decision|Action Plan"
    r"|Implementation Plan|Work Plan|Plan|Measures)"
    r"(?: of (?P<issuers>[^\"“”]{3,200}?))? on (?P<subject>[^\"“”.,;:()]{8,200})(?P<stop>[\"“”.,;:()]|$)"
)
ISSUER_TITLE_LINE = re.compile(
    r"^(?:The )?(?P<issuers>.{3,200}?) on (?P<subject>[A-Z][^.;:]{8,200})$"
)
# 《关于…的意见》 in running text; a covering notice's title names the one it issues.
ZH_QUOTED_TITLE = re.compile(
    rf"《(?P<title>[^《》]{{4,90}}?(?:{ZH_KINDS})(?:（[^（）]{{2,12}}）)?)》"
)
ZH_ISSUING = re.compile(
    rf"^(?P<issuers>[^《》，。]{{0,80}}?)关于印发《(?P<title>[^《》]{{4,90}}?(?:{ZH_KINDS})"
    r"(?:[（(][^（）()]{2,16}[)）])?)》的(?:通知|函)$"
)
ZH_ISSUER_PREFIX = re.compile(r"^(?P<issuers>[^《》，。]{2,80}?)关于(?P<rest>.+)$")
# a notice forwarding another body's document is titled by what it forwards: 国务院办公厅
# 转发国家地震局关于…的通知 is 转发国家地震局关于…的通知 of 国务院办公厅, not 关于…的通知
ZH_FORWARDING = re.compile(
    r"^(?P<issuers>[^《》，。]{2,40}?)(?P<title>(?:转发|批转)[^《》，。]{2,160}?关于.+)$"
)


@dataclass(frozen=True)
class Metadata:
    """What the text told us; empty strings and None where it told nothing."""

    title: str = ""
    title_zh: str = ""
    date: dt.date | None = None
    issuers: tuple[str, ...] = ()
    lang: str = ""
    doc_number: str = ""
    level: str = ""
    jurisdiction: str = ""


def detect_language(text: str) -> str:
    """ "zh" when a fair share of the letters are CJK ideographs, else "en"."""
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    return "zh" if cjk and cjk * 3 >= latin else "en"


# A text with at least this share of its lines, and MIXED_LINES lines, in the language it
# is not read as holds two versions interleaved (a bilingual page): read as one, the
# other's sentences would count as its own.
MIXED_SHARE = 0.2
MIXED_LINES = 3
MIXED_LETTERS = 8  # Latin letters that make a line English (or, with Chinese, both)


def _language_of_line(line: str) -> str | None:
    """The language of a line in one ("zh" or "en"), None for one of figures only or holding
    both (a glossary's CIM：城市信息模型（City Information Modeling）, a translation's
    heading II. Key Tasks (重点任务))."""
    chinese = any("\u4e00" <= ch <= "\u9fff" for ch in line)
    letters = sum(ch.isascii() and ch.isalpha() for ch in line)
    if chinese:
        return "zh" if letters < MIXED_LETTERS else None
    return "en" if letters >= MIXED_LETTERS else None


def mixed_languages(text: str, lang: str) -> str | None:
    """What is wrong with a text read as ``lang`` that holds the other language's lines
    too, or None."""
    read = [k for k in map(_language_of_line, text.splitlines()) if k is not None]
    other = [k for k in read if k != lang]
    if len(other) < MIXED_LINES or len(other) < MIXED_SHARE * len(read):
        return None
    language = {"zh": "Chinese", "en": "English"}
    return (
        f"{len(other)} of its {len(read)} lines are in {language['en' if lang == 'zh' else 'zh']}, "
        f"the rest in {language[lang]}: give each language a file of its own, or pass --lang "
        "to read it as one language"
    )


# a site's name after the title in a page's <title>: 关于…的通知_国务院部门文件_中国政府网
_TITLE_SUFFIX = re.compile(r"\s*(?:[_|｜]|\s-\s|——).*$")


def page_title(written: str) -> str:
    """The document's title in a page's <title>, the site's names after it taken off; ""
    where what is left does not read as a document's title."""
    title = _TITLE_SUFFIX.sub("", written.strip())
    return title if title and is_title(title) else ""


def parse_date_text(text: str) -> dt.date | None:
    """The first real date written in Chinese (in digits or numerals), else in English,
    else in ISO form, in ``text``."""
    chinese = sorted(
        [*ZH_DATE.finditer(text), *NUMERAL_DATE.finditer(text)], key=lambda m: m.start()
    )
    for match in chinese:
        found = _numeral_date(match) if "nyear" in match.groupdict() else _date_of(match)
        if found:
            return found
    for pattern in (EN_DATE, EN_DATE_DMY, ISO_DATE):
        for match in pattern.finditer(text):
            if found := _date_of(match):
                return found
    return None


def _date_of(match: re.Match[str]) -> dt.date | None:
    month_text = match.group("month")
    month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text.lower())
    if not month:
        return None
    try:
        return dt.date(int(match.group("year")), month, int(match.group("day")))
    except ValueError:
        return None


def _numeral_date(match: re.Match[str]) -> dt.date | None:
    year = int("".join(str(DIGITS[c]) for c in match.group("nyear")))
    try:
        return dt.date(year, _numeral(match.group("nmonth")), _numeral(match.group("nday")))
    except ValueError:
        return None


def _numeral(text: str) -> int:
    """A number from 1 to 39 in Chinese numerals (十二, 二十五, 三十一)."""
    tens, _, units = text.rpartition("十")
    if "十" not in text:
        return DIGITS[text]
    return (DIGITS[tens] if tens else 1) * 10 + (DIGITS[units] if units else 0)


def _table(lines: list[str]) -> dict[str, str]:
    """The rows of a publisher's metadata table: label -> value ("标题" -> "关于…的意见"),
    whether a row holds one label or several, or a label stands on its own line."""
    table: dict[str, str] = {}
    pending: str | None = None
    for line in lines:
        text = line.strip()
        if pending and not TABLE_ROW.match(text):
            table.setdefault(pending, text)
            pending = None
            continue
        pending = None
        cells = TABLE_CELL.split(text)
        for spaced, value in zip(cells[1::2], cells[2::2], strict=False):
            label = LABEL_SPACE.sub("", spaced)
            if value.strip():
                table.setdefault(label, value.strip())
            else:
                pending = label
    return table


def find_issue_date(lines: list[str]) -> dt.date | None:
    """A date line above the body ((2021年9月22日), (December 27, 2023), or bare)."""
    for line in lines:
        text = line.strip()
        match = DATE_IN_PARENS.match(text)
        inner = match.group("inner") if match else text if BARE_ZH_DATE.match(text) else None
        if inner is None and (re.fullmatch(EN_DATE.pattern, text) or EN_ISSUED_LINE.match(text)):
            inner = text
        if inner:
            found = parse_date_text(inner)
            if found:
                return found
    return None


def find_title(head: list[str], commentary: list[str]) -> tuple[str, list[str]]:
    """(English title, the lines that named the issuers) from head lines, then commentary."""
    candidates: list[tuple[int, int, str, str]] = []
    for rank, lines in enumerate((head, commentary)):
        for line in lines:
            for match in EN_TITLE.finditer(line):
                subject = re.sub(r"\s+", " ", match.group("subject")).strip()
                # a title running to the end of its line was cut off there: rank it lower
                complete = 0 if match.group("stop") else 1
                candidates.append((complete, rank, f"{match.group('kind')} on {subject}", line))
    for line in head:
        issuer_line = ISSUER_TITLE_LINE.match(line.strip())
        if issuer_line and not EN_TITLE.search(line):
            subject = issuer_line.group("subject").strip()
            candidates.append((1, 0, f"Opinions on {subject}", line))
    if not candidates:
        return "", []
    candidates.sort(key=lambda c: (c[0], c[1]))
    best = candidates[0]
    # Prefer the full subject when a head line and the commentary name the same document.
    title = best[2]
    issuer_lines = [c[3] for c in candidates if c[2].lower() == title.lower()] + [best[3]]
    issuer_lines += [line for line in head if ISSUER_TITLE_LINE.match(line.strip())]
    return title, issuer_lines


def _zh_title_of(line: str) -> tuple[str, str]:
    """(title, issuer prefix) of a Chinese title line: "国务院办公厅关于推动城市更新的
    指导意见" is ("关于推动城市更新的指导意见", "国务院办公厅")."""
    text = line.strip().strip("《》")
    issuing = ZH_ISSUING.match(text)
    if issuing:
        return issuing.group("title"), issuing.group("issuers")
    forwarding = ZH_FORWARDING.match(text)
    if forwarding and chinese_bodies(forwarding.group("issuers")):
        return forwarding.group("title"), forwarding.group("issuers")
    prefixed = ZH_ISSUER_PREFIX.match(text)
    if prefixed and chinese_bodies(prefixed.group("issuers")):
        return f"关于{prefixed.group('rest')}", prefixed.group("issuers")
    return text, ""


def find_title_zh(
    head: list[str], commentary: list[str], body: list[str], table: dict[str, str]
) -> tuple[str, str, list[str]]:
    """(Chinese title, the words that name its issuers: those before 关于 or 转发 where a
    body is named there, else the line it was read from, and the issuing bodies named
    before 关于 or 转发): a body named after them is what the document is about or
    forwards (国务院办公厅转发住房城乡建设部等部门关于…的通知 is the General Office's)."""
    if table.get("标题"):
        title, issuers = _zh_title_of(table["标题"])
        return title, issuers or table["标题"], chinese_bodies(issuers)
    lines = joined_title(head)
    for index, line in enumerate(lines):
        if index and labels_value(lines[index - 1], line):
            continue  # 分类： / 统计公报 classifies the page; it does not title it
        if re.search(r"[\u4e00-\u9fff]", line) and is_title(line.strip()):
            title, issuers = _zh_title_of(line)
            return title, issuers or line, chinese_bodies(issuers)
    for line in commentary + body[:3]:
        issuing = ZH_ISSUING.match(line.strip())
        if issuing:
            return issuing.group("title"), line, chinese_bodies(issuing.group("issuers"))
    for line in commentary:
        match = ZH_QUOTED_TITLE.search(line)
        if match and match.group("title").startswith("关于"):
            return match.group("title"), line, []
    return "", "", []


def _notice_date(body: list[str]) -> dt.date | None:
    """The date under a covering notice's signature, near the top of the body (国务院 /
    2024年5月23日, then the document it issues)."""
    for index, line in enumerate(body[:12]):
        if BARE_ZH_DATE.match(line) and index and chinese_bodies(body[index - 1]):
            return parse_date_text(line)
    return None


def _date_above_attachments(body: list[str]) -> dt.date | None:
    """The date of the signature above the attachments (云南省住房和城乡建设厅 /
    2023年6月5日 / 附件): a date line with a signer right above it."""
    start = attachments_start(body)
    if start < 2 or not BARE_ZH_DATE.match(body[start - 1]) or not chinese_bodies(body[start - 2]):
        return None
    return parse_date_text(body[start - 1])


def _named(line: str, bodies: list[str]) -> list[str]:
    """The issuers a title ``line`` names: each of its issuing ``bodies`` by the glossary's
    name where the glossary knows it, else as written (国家发展改革委 国家能源局关于…: the
    NDRC, and 国家能源局, which the glossary does not know but the title names as well)."""
    known = known_issuers(line)
    if not bodies:
        return [name for _, name in known]
    named, at = [], 0
    for body in bodies:
        start = line.find(body, at)
        end = start + len(body)
        inside = [name for place, name in known if start >= 0 and start <= place < end]
        named += inside or [body]
        at = max(at, end)
    return named


def _signature(body: list[str]) -> list[str]:
    """The issuing bodies of the signature, in its order: the lines naming bodies among the
    last few of the body, one body to a line or several (住房和城乡建设部 / 国家发展改革委
    signed one above the other, a date below)."""
    start = max(0, len(body) - SIGNATURE_LINES)
    last = max((k for k in range(start, len(body)) if chinese_bodies(body[k])), default=None)
    if last is None:
        return []
    # the signers above it (five ministries, one to a line), as many as a signature holds
    first = last
    while first > max(0, last - MOST_SIGNER_LINES + 1) and chinese_bodies(body[first - 1]):
        first -= 1
    return [name for line in body[first : last + 1] for name in chinese_bodies(line)]


SIGNATURE_LINES = 4  # the last signer, the date and a note below it (此件公开发布) close a body
MOST_SIGNER_LINES = 8  # lines of signers read upward, before a list of units in the text


def _doc_number(head: list[str], table: dict[str, str]) -> str:
    number = (table.get("发文字号") or table.get("文号") or "").strip()
    if number and number not in NO_NUMBER:
        return number
    for line in head:
        if DOCUMENT_NUMBER.match(line.strip()):
            return line.strip().strip("()（）").strip()
    return ""


def read_metadata(
    head: list[str],
    commentary: list[str],
    body_text: str,
    tail: list[str] = (),  # type: ignore[assignment]
) -> Metadata:
    body = [line for line in body_text.split("\n") if line.strip()]
    lang = detect_language(body_text)
    table = _table(joined_title(head))  # a title wrapped below its label (标题：) read whole
    title, issuer_lines = find_title(head, commentary)
    title_zh, title_line, title_bodies = find_title_zh(head, commentary, body, table)
    date = (
        parse_date_text(table.get("成文日期", ""))
        or find_issue_date(head)
        or find_issue_date(list(tail))
        or _notice_date(body)
        or _date_above_attachments(body)
        # a portal's 发文日期 may be the day it posted the document: below its own dates
        or parse_date_text(table.get("发文日期", ""))
        or find_issue_date(commentary)
    )
    named = known_issuers(" ".join(issuer_lines))
    issuers = [name for _, name in named]
    if table.get("发文机关"):
        issuers += list(chinese_bodies(table["发文机关"]) or [table["发文机关"]])
    if not issuers:
        issuers = _named(title_line, title_bodies)
    if not issuers:  # the red header (上海市人民政府文件) names them too
        issuers = mastheads(head)
    if not issuers:  # the signature closes the text, above any attachments
        issuers = _signature(body) or _signature(body[: attachments_start(body)])
    if not issuers:  # an English byline: "Issued by the General Office of the State Council, …"
        bylines = [m["issuers"] for line in head if (m := EN_ISSUED_LINE.match(line.strip()))]
        issuers = [name for _, name in known_issuers(" ".join(bylines))]
    # a portal's 发布机构 is who posted the page, the issuer only where nothing else says
    publisher = table.get("发布机构") or table.get("发文单位")
    if not issuers and publisher:
        issuers = list(chinese_bodies(publisher) or [publisher])
    ordered = canonical(issuers)
    level, jurisdiction = level_and_jurisdiction(ordered, title_zh or title)
    return Metadata(
        title=title,
        title_zh=title_zh,
        date=date,
        issuers=ordered,
        lang=lang,
        doc_number=_doc_number(head, table),
        level=level,
        jurisdiction=jurisdiction,
    )
