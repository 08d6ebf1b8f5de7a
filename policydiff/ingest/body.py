"""Find the official text inside a page: cut a commentary off, trim head and tail.

Reposting sites wrap an official text in their own words: a news lead ("The
main contents of the Opinions ... are as follows."), a commentary ("The
original document reads as follows:"), a headline and a title line above it,
contact and shop blocks below it. Only the official body goes into the corpus;
everything else is reported as removed, and the head lines are handed to the
metadata reader because they carry the title and the date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policydiff.ingest.clean import CHROME_LINE, SHORT_LINE, Line, Removal

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
NUMBERED_START = re.compile(
    r"^(?:[IVX]+\.|\d{1,2}[.、]|\(\s*\w{1,9}\s*\)|（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、"
    r"|(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth),)"
)
TITLE_HINT = re.compile(
    r"\bopinions?\b|\bon [A-Z][a-z]+ing\b|意见|通知|决定|规划|方案|办法", re.IGNORECASE
)
DATE_LINE = re.compile(
    r"^[(（]\s*.{4,30}\d{4}.{0,6}[)）]$|^[(（]\s*\d{4}年\d{1,2}月\d{1,2}日\s*[)）]$"
)


@dataclass(frozen=True)
class Body:
    """The official text's lines, and what surrounded it."""

    lines: list[Line]
    head: list[Line]  # title and date lines above the body, for the metadata reader
    commentary: list[Line]  # a commentary or news lead cut off above the body
    removed: list[Removal]


def is_paragraph(text: str) -> bool:
    """Long enough and punctuated like running text, or a numbered provision line."""
    if NUMBERED_START.match(text) and len(text) >= 8:
        return True
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    threshold = SHORT_LINE // 2 if cjk > len(text) / 3 else SHORT_LINE
    return len(text) >= threshold and bool(re.search(r"[.。;；!！?？]", text))


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


def find_body(lines: list[Line]) -> Body:
    removed: list[Removal] = []
    commentary, rest = split_commentary(lines)
    for line in commentary:
        removed.append(Removal("commentary", line.text, line.number))

    start = next((i for i, line in enumerate(rest) if is_paragraph(line.text)), len(rest))
    head = rest[:start]
    for line in head:
        kind = "title or date line" if is_title_or_date(line.text) else "site header"
        removed.append(Removal(kind, line.text, line.number))

    end = len(rest)
    while (
        end > start
        and len(rest[end - 1].text) < CHROME_LINE
        and not is_paragraph(rest[end - 1].text)
    ):
        end -= 1
    for line in rest[end:]:
        removed.append(Removal("site footer", line.text, line.number))
    return Body(lines=rest[start:end], head=head, commentary=commentary, removed=removed)


def is_title_or_date(text: str) -> bool:
    return bool(TITLE_HINT.search(text) or DATE_LINE.match(text))
