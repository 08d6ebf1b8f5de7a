"""Read the metadata a text carries: title, issue date, issuing bodies, language.

Sources, best first: the head lines above the official body (title line, a
date line such as "(December 27, 2023)" or "（2021年9月22日）"), then the
commentary or news lead cut off above it ("... issued the Opinions on X, ...").
A page's own timestamp ("Time: 2024-03-22") is the date it was reposted, not
the issue date, and is never used as one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

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
DATE_IN_PARENS = re.compile(r"^[(（]\s*(?P<inner>[^()（）]{6,30})\s*[)）]$")

EN_TITLE = re.compile(
    r"\b(?P<kind>Opinions|Guidelines|Guiding Opinions|Notice|Decision|Plan)"
    r"(?: of (?P<issuers>[^\"“”]{3,200}?))? on (?P<subject>[^\"“”.,;:()]{8,200})(?P<stop>[\"“”.,;:()]|$)"
)
ISSUER_TITLE_LINE = re.compile(
    r"^(?:The )?(?P<issuers>.{3,200}?) on (?P<subject>[A-Z][^.;:]{8,200})$"
)
ZH_TITLE = re.compile(r"《(?P<title>关于[^《》]{4,80}?(?:意见|通知|决定|规划|方案|办法))》")
ZH_TITLE_LINE = re.compile(
    r"^(?P<issuers>[^《》，。]{2,40}?)关于(?P<subject>[^《》，。]{4,80}?)的(?P<kind>意见|通知|决定|规划|方案|办法)$"
)


@dataclass(frozen=True)
class Metadata:
    """What the text told us; empty strings and None where it told nothing."""

    title: str = ""
    title_zh: str = ""
    date: dt.date | None = None
    issuers: tuple[str, ...] = ()
    lang: str = ""


@lru_cache(maxsize=1)
def glossary() -> dict[str, Any]:
    text = resources.files("policydiff").joinpath("data/glossary.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    return data


def detect_language(text: str) -> str:
    """ "zh" when a fair share of the letters are CJK ideographs, else "en"."""
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    return "zh" if cjk and cjk * 3 >= latin else "en"


def parse_date_text(text: str) -> dt.date | None:
    """The first real date written in English or Chinese in ``text``."""
    for pattern in (ZH_DATE, EN_DATE, EN_DATE_DMY):
        for match in pattern.finditer(text):
            month_text = match.group("month")
            month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text.lower())
            if not month:
                continue
            try:
                return dt.date(int(match.group("year")), month, int(match.group("day")))
            except ValueError:
                continue
    return None


def find_issue_date(head: list[str]) -> dt.date | None:
    """A date line in parentheses above the body is the issue (signing) date."""
    for line in head:
        match = DATE_IN_PARENS.match(line.strip())
        if match:
            found = parse_date_text(match.group("inner"))
            if found:
                return found
    return None


def find_issuers(texts: list[str], lang: str) -> tuple[str, ...]:
    """Canonical names of the issuing bodies named in the title-bearing lines."""
    found: list[tuple[int, str]] = []
    for text in texts:
        lowered = text.lower()
        taken = [False] * len(text)
        entries = glossary()["issuers"]
        forms = sorted(
            ((form, entry["name"]) for entry in entries for form in entry["en"] + entry["zh"]),
            key=lambda pair: -len(pair[0]),
        )
        for form, name in forms:
            start = lowered.find(form.lower())
            while start >= 0:
                end = start + len(form)
                if not any(taken[start:end]):
                    taken[start:end] = [True] * len(form)
                    found.append((start, name))
                start = lowered.find(form.lower(), end)
        if found:
            break
    names: list[str] = []
    for _, name in sorted(found):
        if name not in names:
            names.append(name)
    return tuple(names)


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


def find_title_zh(head: list[str], commentary: list[str]) -> tuple[str, list[str]]:
    for line in head + commentary:
        match = ZH_TITLE.search(line)
        if match:
            return match.group("title"), [line]
        match = ZH_TITLE_LINE.match(line.strip())
        if match:
            return f"关于{match.group('subject')}的{match.group('kind')}", [line]
    return "", []


def read_metadata(head: list[str], commentary: list[str], body_text: str) -> Metadata:
    lang = detect_language(body_text)
    title, issuer_lines = find_title(head, commentary)
    title_zh, zh_lines = find_title_zh(head, commentary)
    date = find_issue_date(head) or find_issue_date(commentary)
    issuers = find_issuers(issuer_lines + zh_lines, lang)
    return Metadata(title=title, title_zh=title_zh, date=date, issuers=issuers, lang=lang)
