"""Find the official text inside a page: cut a commentary off, move metadata lines out.

Reposting sites wrap an official text in their own words: a news lead ("The main
contents of the Opinions ... are as follows."), a commentary ("The original document
reads as follows:"). A commentary is cut only at such an explicit marker. Above the
text stand the lines that describe it rather than belong to it — the title (on one
line or two), the document number (发文字号), the issue date, the rows of a
publisher's metadata table (索引号, 发文机关, 成文日期 …) — and below it, the date of
the signature. Those lines move into the metadata (:mod:`.metadata` reads them);
every other line stays. Web debris was removed line by line before
(:mod:`.clean`), by pattern, never by position: a line is never removed because it
stands before the first numbered part or after the last.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from policydiff.ingest.clean import TABLE_ROW, Line, Removal, label_alone
from policydiff.ingest.issuers import chinese_bodies, known_issuers
from policydiff.ingest.wraps import glued
from policydiff.structure.numbering import match_label
from policydiff.structure.parse import ATTACHMENT

# Lines announcing that the official text follows. The last such line in the first
# part of the page is the cut; everything above it is commentary or a news lead.
COMMENTARY_MARKERS = re.compile(
    r"(?:original (?:document|text) (?:reads|is) as follows"
    r"|full text (?:reads|is) as follows|full text of the .{0,200} (?:reads|is) as follows"
    r"|(?:main|key) contents? of .{0,200} (?:are|is) as follows"
    r"|text of the .{0,200} (?:reads|is) as follows"
    r"|原文如下|全文如下|主要内容如下|全文内容如下|内容如下)"
    r"\s*[.:：。]?\s*$",
    re.IGNORECASE,
)
# A commentary cut is only believed in the first part of a page.
MARKER_WITHIN = 0.8

# Chinese titles end with the kind of instrument, optionally with its period or "试行".
ZH_KINDS = (
    "指导意见|实施意见|若干意见|意见|通知|决定|规划|实施方案|行动方案|工作方案|方案|办法"
    "|若干措施|具体措施|措施|细则|条例|纲要|行动计划|计划|规定|决议|通告|公告|公报|指南|标准"
)
# kinds of document titled only with 关于 (…关于…的批复), since a heading or a closing
# formula may end on them too (一、总体情况通报, 特此通报)
ZH_LETTER_KINDS = "批复|通报|函"
ZH_TITLE_LINE = re.compile(
    rf"^《?[^，。；：:;！？!?]{{2,90}}?(?:{ZH_KINDS})》?"
    r"(?:[（(](?:试行|暂行|征求意见稿|\d{4}\s*[—–\-－~～至]+\s*\d{4}\s*年?)[)）])?$"
    rf"|^《?[^，。；：:;！？!?]{{0,60}}关于[^，。；：:;！？!?]{{2,90}}?(?:{ZH_LETTER_KINDS})》?$"
)
# The first line of a title wrapped over two: it names an issuer and stops at 关于, or
# runs on without ending in a kind of instrument.
ZH_TITLE_START = re.compile(r"^[^，。；：:;！？!?\d]{2,60}关于$|^关于[^，。；：:;！？!?]{2,60}$")
EN_KINDS = (
    r"Guiding Opinions|Opinions|Opinion|Guidelines|Guideline|Notice|Circular|Decision"
    r"|Action Plan|Implementation Plan|Work Plan|Plan|Measures|Regulations|Outline|Program"
)
EN_TITLE_LINE = re.compile(
    rf"^(?:The\s+)?(?:[A-Z][^.;!?]{{0,160}}?\s)?(?:{EN_KINDS})\b[^;!?]{{0,240}}?"
    r"\b(?:on|for|of)\b[^;!?]{3,240}$"
)
# "The CPC Central Committee and the State Council on Promoting …": issuers, then the subject.
EN_ISSUER_TITLE = re.compile(
    r"^(?:The )?(?P<issuers>.{3,200}?) on (?P<subject>[A-Z][^.;:]{8,200})$"
)
DOCUMENT_NUMBER = re.compile(
    r"^[(（]?\s*[\u4e00-\u9fff]{1,16}\s*[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*"
    r"第?\s*\d{1,5}\s*号\s*[)）]?$"
)
# a date in Chinese numerals, as documents before 2012 sign it (一九九六年一月二十五日; its
# zero also typed as a letter O or a full-width ０)
ZH_NUMERAL_DATE = (
    r"(?P<nyear>[〇○零OＯ０一二三四五六七八九]{4})\s*年\s*(?P<nmonth>十[一二]?|[一二三四五六七八九])\s*月"
    r"\s*(?P<nday>[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*日"
)
# a signature's date on its own line: 2018年12月7日, 二〇〇四年八月十二日, in brackets or not
SIGNATURE_DATE = re.compile(
    r"^[(（]?\s*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|"
    rf"{ZH_NUMERAL_DATE})\s*[)）]?$"
)
# a date to the day, which a line the signature dates holds (not 有效期至2027年12月)
WHOLE_DATE = re.compile(
    rf"\d{{4}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日|{ZH_NUMERAL_DATE}"
    r"|(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\s+\d{1,2},\s*\d{4}|\d{4}-\d{1,2}-\d{1,2}"
)
_EN_MONTH_DAY_YEAR = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\s+\d{1,2},\s*\d{4}"
)
# an English translation's byline: "Issued by the General Office of the State Council,
# July 10, 2020"
EN_ISSUED_LINE = re.compile(
    rf"^(?:issued|promulgated|released) by (?P<issuers>.{{3,160}}?),?\s+{_EN_MONTH_DAY_YEAR}\.?$",
    re.IGNORECASE,
)
DATE_LINE = re.compile(
    rf"^[(（]\s*.{{4,30}}\d{{4}}.{{0,6}}[)）]$|{SIGNATURE_DATE.pattern}"
    rf"|^\(?{_EN_MONTH_DAY_YEAR}\)?$|{EN_ISSUED_LINE.pattern}",
    re.IGNORECASE,
)
VALUE_LENGTH = 60  # characters of a metadata table's value on a line of its own, at most
# what a document says below its signature of how it is published or printed
PUBLICATION_NOTE = re.compile(r"^\s*[(（](?:此件[^()（）]{2,10}|本文有删[节减])[)）]\s*$")


@dataclass(frozen=True)
class Body:
    """The official text's lines, and what surrounded it."""

    lines: list[Line]
    head: list[Line]  # title, number, date and table lines above the body: for the metadata
    commentary: list[Line]  # a commentary or news lead cut off above the body
    removed: list[Removal]
    tail: list[Line]  # the signature's date line, below the body


def split_commentary(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """(commentary, rest): cut after the last marker line in the first part of the page."""
    total = sum(len(line.text) for line in lines) or 1
    seen = 0
    cut = None
    for index, line in enumerate(lines):
        if seen / total > MARKER_WITHIN:
            break
        if COMMENTARY_MARKERS.search(line.text) and len(line.text) < 400:
            cut = index
        seen += len(line.text)
    if cut is None:
        return [], lines
    return lines[: cut + 1], lines[cut + 1 :]


# The red header (版头) of an official document: its issuers and 文件 (上海市人民政府文件),
# with the document number on the line below it
MASTHEAD = re.compile(r"^(?P<bodies>[\u4e00-\u9fff、 \u3000]{2,80}?)[ \u3000]*文件$")
# how an official document is to be handled, printed above its red header: its urgency
# (特急, 加急) and whether it is public or classified (公开, 机密★1年)
HANDLING_MARK = re.compile(
    r"^(?:特急|特提|加急|平急|急件|公开|主动公开|依申请公开|不予公开|机密|秘密|绝密)(?:★.{0,6})?$"
)
# a line of a stacked red header: an issuer, or 文件 alone
MASTHEAD_PART = re.compile(r"^[\u4e00-\u9fff、 \u3000]{2,80}$")


# a red header may stack its issuers one per line above 文件 (a joint document's)
MASTHEAD_LINES = 4


def masthead_span(lines: list[str], index: int) -> int:
    """How many lines from ``lines[index]`` the red header spans (0 where it is none):
    issuers before 文件 on one line, or stacked one per line with 文件 on the last, and the
    document number right below (a title wrapped after 贯彻落实国务院文件 is no header)."""
    for span in range(1, MASTHEAD_LINES + 1):
        if index + span >= len(lines):
            return 0
        stacked = [line.strip() for line in lines[index : index + span]]
        match = MASTHEAD.match(" ".join(stacked))
        # each line above the last names issuers (not 特急 or 公开 above a red header)
        if not all(chinese_bodies(line) for line in stacked[:-1]) or (
            match is None and not MASTHEAD_PART.match(stacked[-1])
        ):
            return 0
        if (
            match is not None
            and "关于" not in match.group("bodies")
            and DOCUMENT_NUMBER.match(lines[index + span].strip())
        ):
            return span
    return 0


def masthead_bodies(lines: list[str], index: int) -> list[str]:
    """The issuing bodies the red header starting at ``lines[index]`` names (上海市人民政府文件:
    上海市人民政府), or [] where it is none."""
    span = masthead_span(lines, index)
    if not span:
        return []
    stacked = " ".join(line.strip() for line in lines[index : index + span])
    match = MASTHEAD.match(stacked)
    assert match is not None
    return chinese_bodies(match.group("bodies"))


def mastheads(lines: list[str]) -> list[str]:
    """The issuing bodies every red header in ``lines`` names, each header read once."""
    bodies: list[str] = []
    index = 0
    while index < len(lines):
        span = masthead_span(lines, index)
        bodies += masthead_bodies(lines, index) if span else []
        index += max(span, 1)
    return bodies


def metadata_kind(text: str) -> str | None:
    """What a line above the body says about the document, or None if it is text."""
    stripped = text.strip()
    if TABLE_ROW.match(stripped) and len(stripped) <= 200:
        return "metadata table"
    if DOCUMENT_NUMBER.match(stripped):
        return "document number"
    if DATE_LINE.match(stripped):
        return "date line"
    if is_title(stripped):
        return "title"
    return None


def is_title(text: str) -> bool:
    """A line that is a document's title (Chinese or English), not a sentence about one nor
    a numbered heading (一、关于试点城市名单的通报)."""
    if len(text) > 250 or re.search(r"[。；;]$|[.!?]$", text) or match_label(text) is not None:
        return False
    if ZH_TITLE_LINE.match(text) or EN_TITLE_LINE.match(text):
        return True
    issuer_title = EN_ISSUER_TITLE.match(text)
    return bool(issuer_title and known_issuers(issuer_title.group("issuers")))


def _head(rest: list[Line]) -> list[str]:
    """The kind of each leading line of ``rest`` that describes the document rather than
    belongs to it (as many kinds as there are such lines)."""
    kinds: list[str] = []
    while len(kinds) < len(rest):
        index = len(kinds)
        text = rest[index].text.strip()
        following = [line.text.strip() for line in rest[index + 1 : index + 4]]
        if following and label_alone(text) and _value_line(following, text):
            kinds += ["metadata table", "metadata table"]  # a label, its value on the next line
        elif HANDLING_MARK.match(text) and _marks_a_masthead(rest, index):
            kinds.append("masthead")  # 特急, 公开: how the document is handled, above its header
        elif span := masthead_span(
            [line.text for line in rest[index : index + MASTHEAD_LINES + 1]], 0
        ):
            kinds += ["masthead"] * span
        elif kind := metadata_kind(text):
            kinds.append(kind)
        elif wrapped := _wrapped_title(text, following[:2]):
            kinds += ["title"] * wrapped
        else:
            break
    return kinds


def _marks_a_masthead(rest: list[Line], index: int) -> bool:
    """Whether the handling marks from ``rest[index]`` on (特急, 公开) stand above a red
    header: a line reading 公开 above anything else is text."""
    while index < len(rest) and HANDLING_MARK.match(rest[index].text.strip()):
        index += 1
    return bool(masthead_span([line.text for line in rest[index : index + MASTHEAD_LINES + 1]], 0))


def _titles(label: str) -> bool:
    """Whether a table's ``label`` is the one whose value is the title (标题：)."""
    return re.sub(r"[ \u3000]", "", label)[:2] == "标题"


# a kind of document, as a portal's 分类 names it (统计公报, 规划计划, 通知公告), is short
KIND_VALUE_LENGTH = 10


def _kind_value(label: str, value: str) -> bool:
    """Whether ``value`` is what a classifying ``label`` (分类：, 体裁分类：) names: a kind
    of document, which may read as a title (统计公报), not a title below an empty label."""
    classifying = re.sub(r"[ \u3000:：]", "", label).endswith("分类")
    return classifying and len(value) <= KIND_VALUE_LENGTH and not value.startswith("关于")


def _awaits_value(before: str) -> bool:
    """Whether ``before`` is a table's label standing alone whose value, on the next line,
    is no title (any label but 标题：)."""
    return label_alone(before.strip()) and not _titles(before)


def labels_value(before: str, line: str) -> bool:
    """Whether ``line``, after ``before``, is the value of a table's label standing alone,
    and so no title, whatever it reads like (分类： / 统计公报); below 标题： it is one."""
    return _awaits_value(before) and _value_line([line.strip()], before.strip())


def _value_line(following: list[str], label: str = "") -> bool:
    """Whether the first of ``following`` is the value of ``label``: a short line without a
    sentence's punctuation or a numbering label (an empty 主题词： row may come right before
    the preamble or the first heading), neither a line the head reads for itself (another
    label, a number, a date, a title) nor the start of a title wrapped over lines; but a
    kind of document below a classifying label (分类： / 统计公报) is its value."""
    first = following[0]
    kind = metadata_kind(first)
    return (
        len(first) <= VALUE_LENGTH
        and not re.search(r"[，,。；;：:！？!?]", first)
        and match_label(first) is None
        and (kind is None or (kind == "title" and _kind_value(label, first)))
        and not _wrapped_title(first, following[1:])
    )


def _glue(lines: list[str]) -> str:
    """Lines wrapped from one, joined as :func:`~policydiff.ingest.wraps.glued` joins two."""
    return functools.reduce(glued, lines)


def _wrapped_title(first: str, following: list[str]) -> int:
    """How many lines, from ``first`` on, make one title wrapped over two or three lines
    (0 when they do not): "重庆市发展和改革委员会" / "关于印发《推动…全面绿色转型" /
    "行动计划（2025—2027年）》的通知"."""
    if len(first) > 120 or metadata_kind(first) or re.search(r"[。；;.!?:：，,]$", first):
        return 0  # a title (is_title), a red header, a number or a date is a line of its own
    for count in (2, 3):
        if len(following) < count - 1 or metadata_kind(following[count - 2]) not in (None, "title"):
            break
        lines = [first, *following[: count - 1]]
        if any(len(line) > 160 or re.search(r"[。；;]$", line) for line in lines):
            break
        if is_title(_glue(lines)):
            return count
    return 0


def joined_title(lines: list[str]) -> list[str]:
    """``lines`` with each title wrapped over two or three lines joined into one; the value
    of a table's label standing alone above it (文号：, then 无) is no part of a title but
    its own, but a title below 标题： may wrap."""
    out: list[str] = []
    index = 0
    while index < len(lines):
        valued = index > 0 and _awaits_value(lines[index - 1])
        count = 0 if valued else _wrapped_title(lines[index], lines[index + 1 : index + 3])
        if count:
            out.append(_glue(lines[index : index + count]))
            index += count
            continue
        out.append(lines[index])
        index += 1
    return out


# how long the open part of a title (after 《) and its closing part (to 》) may be for a line
# break between them to be one inside the title, not between two paragraphs
TITLE_PART = 80


def _open_title(text: str) -> bool:
    """Whether ``text`` ends inside a title: a 《 it does not close, near its end."""
    start = text.rfind("《")
    return start >= 0 and "》" not in text[start:] and len(text) - start <= TITLE_PART


def _closes_title(text: str) -> bool:
    """Whether ``text`` opens on the rest of a title: a 》 near its start, before any 《."""
    end = text.find("》")
    return 0 <= end <= TITLE_PART and "《" not in text[:end] and match_label(text) is None


def rejoined_titles(lines: list[Line]) -> tuple[list[Line], list[int]]:
    """``lines`` with each line that leaves a cited title open joined to the next, which
    closes it (Xinjiang's …以及《住房城乡建设部 / 国家发展改革委关于印发〈…〉的通知》…): a paragraph
    never ends inside a title, so the break is the source's layout. Also the numbers of
    the lines joined to the one before."""
    out: list[Line] = []
    joined: list[int] = []
    for line in lines:
        if out and _open_title(out[-1].text) and _closes_title(line.text):
            out[-1] = Line(out[-1].number, _glue([out[-1].text, line.text]))
            joined.append(line.number)
        else:
            out.append(line)
    return out, joined


def rejoined_note(joined: list[int]) -> str:
    """What a version's note says of the lines :func:`rejoined_titles` joined (numbered as
    the lines of the text read from the file)."""
    if len(joined) == 1:
        return (
            f"a line break inside a cited title joined (line {joined[0]} of the text read "
            "continued the line before)"
        )
    where = ", ".join(map(str, joined[:-1])) + f" and {joined[-1]}"
    return (
        f"{len(joined)} line breaks inside cited titles joined (lines {where} of the text read "
        "continued the lines before)"
    )


SITE_LINES = 12  # short lines a portal may print above its metadata table (its menu), at most
SITE_LINE_LENGTH = 20


def _site_lines(rest: list[Line]) -> int:
    """How many short lines open the page above its metadata table (the portal's name, a
    title the head does not read, an addressee): the head is read from the table on, and
    these lines are kept, since nothing says they are not the document's. None where a
    line before the table is longer, reads as a sentence or a label, or is a line the head
    reads (a title, a number, a date)."""
    for index, line in enumerate(rest[: SITE_LINES + 1]):
        text = line.text.strip()
        if TABLE_ROW.match(text):
            return index
        if (
            len(text) > SITE_LINE_LENGTH
            or re.search(r"[，,。；;：:！？!?]", text)
            or metadata_kind(text) is not None
        ):
            return 0
    return 0


def _signature_date(body: list[Line]) -> int | None:
    """Where the signature's date line closing the body stands: on its own line at the
    end, or, a plain date there, before the note on how the document is published
    (（此件公开发布）), which stays."""
    end = len(body)
    if end < 2:
        return None
    noted = end > 2 and PUBLICATION_NOTE.match(body[end - 1].text) is not None
    last, date = (end - 2, SIGNATURE_DATE) if noted else (end - 1, DATE_LINE)
    closing = body[last].text.strip()
    return last if date.match(closing) and WHOLE_DATE.search(closing) else None


def attachments_start(body: list[str]) -> int:
    """Where the attachments after the text (附件, 附件1：) begin: the first such line
    after the first, or 0 where there is none."""
    return next((k for k in range(1, len(body)) if ATTACHMENT.match(body[k].strip())), 0)


def find_body(lines: list[Line]) -> Body:
    removed: list[Removal] = []
    commentary, rest = split_commentary(lines)
    removed += [Removal("commentary", line.text, line.number) for line in commentary]
    site = _site_lines(rest)
    kinds = _head(rest[site:])
    head = rest[site : site + len(kinds)]
    body = rest[:site] + rest[site + len(kinds) :]
    removed += [Removal(k, line.text, line.number) for k, line in zip(kinds, head, strict=True)]
    tail: list[Line] = []
    # the date of the signature at the very end; one above the attachments stays in the
    # text, read only where nothing else dates the document (a forwarded one's may stand there)
    dated = _signature_date(body)
    if dated is not None:
        tail = [body.pop(dated)]
        removed.append(Removal("date line", tail[0].text, tail[0].number))
    return Body(lines=body, head=head, commentary=commentary, removed=removed, tail=tail)
