"""The documents a Chinese text cites: titles in 《》 and document numbers (发文字号).

A province's implementation plan names what it implements in its preamble::

    根据《住房和城乡建设部 国家发展改革委关于印发城乡建设领域碳达峰实施方案的通知》（建标〔2022〕53号）、…，制定本实施方案

Each 《title》, with the document number in brackets right after it when there is one,
is one :class:`Citation`; a document number standing alone is one too. Titles are also
given in a *comparable* form (:func:`comparable_title`): the covering notice around a
plan (…关于印发X的通知) and the issuers before 关于 taken off, so that the citation above
compares with a held title 城乡建设领域碳达峰实施方案.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# 建标〔2022〕53号, 国办发[2024]52号, 沪府发（2022）7号: an issuer's abbreviation, the year in
# brackets of any kind, the serial number.
_NUMBER = re.compile(
    r"(?P<prefix>[\u4e00-\u9fff]{1,10})\s*[〔\[［【(（]\s*(?P<year>(?:19|20)\d\d)\s*"
    r"[〕\]］】)）]\s*(?P<serial>\d{1,4})\s*号"
)
# words a standalone number's issuer abbreviation cannot start with: 按照国办发〔2024〕52号
_LEAD_IN = re.compile(
    r"^(?:根据|按照|依据|依照|落实|贯彻|执行|参照|印发|对照|结合|和|及|与|以|见|即)+"
)
_TITLE = re.compile(r"《(?P<title>[^《》\n]{2,200})》")
# a number in brackets right after a title belongs to it: 《…》（建标〔2022〕53号）
_AFTER_TITLE = re.compile(r"\s*[（(]\s*(?P<number>[^（()）\n]{3,30}?〕?\s*\d{1,4}\s*号)\s*[)）]")
_SENTENCE_END = re.compile(r"[。；！？!?;\n]")
_NOTICE = re.compile(
    r"^.*?(?:关于)?(?:印发|转发|发布)[〈<“\"]?(?P<inner>.+?)[〉>”\"]?的(?:通知|决定)$"
)
_SPACE_AND_MARKS = re.compile(r"[\s〈〉<>“”\"'‘’·]")


@dataclass(frozen=True)
class Citation:
    """One document a text cites: its title as written ("" when only a number is given),
    its number in the standard form ("" when none), where it stands in the text and the
    sentence that carries it."""

    title: str
    number: str
    start: int
    end: int
    sentence: str

    @property
    def cited(self) -> str:
        """The citation as a reader would quote it: 《title》（number）."""
        parts = [f"《{self.title}》"] if self.title else []
        if self.number:
            parts.append(f"（{self.number}）" if self.title else self.number)
        return "".join(parts)


def standard_number(text: str) -> str:
    """A document number in one form, whatever its brackets and spaces: 建标〔2022〕53号;
    "" when ``text`` holds none."""
    found = _NUMBER.search(text)
    if found is None:
        return ""
    prefix = _LEAD_IN.sub("", found["prefix"]) or found["prefix"]
    return f"{prefix}〔{found['year']}〕{int(found['serial'])}号"


def comparable_title(title: str) -> str:
    """A Chinese title as it compares with other titles: spaces and inner quotation
    marks dropped, the covering notice around a plan and the issuers before 关于 taken
    off (中共中央 国务院关于X的意见 -> X的意见; 关于印发X的通知 -> X)."""
    text = _SPACE_AND_MARKS.sub("", title)
    notice = _NOTICE.match(text)
    if notice:
        text = notice["inner"]
    if "关于" in text:
        text = text.split("关于", 1)[1]
    return text


def _sentence_around(text: str, start: int, end: int) -> str:
    before = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    sentence_start = before[-1] if before else 0
    after = _SENTENCE_END.search(text, end)
    sentence_end = after.end() if after else len(text)
    return text[sentence_start:sentence_end].strip()


def find_citations(text: str) -> tuple[Citation, ...]:
    """Every citation in a Chinese text, in text order."""
    found: list[Citation] = []
    taken: list[tuple[int, int]] = []
    for match in _TITLE.finditer(text):
        end = match.end()
        number = ""
        after = _AFTER_TITLE.match(text, end)
        if after and standard_number(after["number"]):
            number = standard_number(after["number"])
            end = after.end()
        taken.append((match.start(), end))
        found.append(
            Citation(
                title=match["title"].strip(),
                number=number,
                start=match.start(),
                end=end,
                sentence=_sentence_around(text, match.start(), end),
            )
        )
    for match in _NUMBER.finditer(text):
        if any(s <= match.start() < e for s, e in taken):
            continue
        found.append(
            Citation(
                title="",
                number=standard_number(match.group(0)),
                start=match.start(),
                end=match.end(),
                sentence=_sentence_around(text, match.start(), match.end()),
            )
        )
    return tuple(sorted(found, key=lambda c: c.start))
