"""The documents a text cites: titles in 《》 and document numbers (发文字号), or in an
English translation, quoted titles and numbers in pinyin.

A province's implementation plan names what it implements in its preamble::

    根据《住房和城乡建设部 国家发展改革委关于印发城乡建设领域碳达峰实施方案的通知》（建标〔2022〕53号）、…，制定本实施方案

Each 《title》, with the document number in brackets right after it when there is one,
is one :class:`Citation`; a document number standing alone is one too. Titles are also
given in a *comparable* form (:func:`comparable_title`): the covering notice around a
plan (…关于印发X的通知) and the issuers before 关于 taken off, so that the citation above
compares with a held title 城乡建设领域碳达峰实施方案.

An English translation writes the same citation as ``the "Implementation Plan for Carbon
Peaking in Urban and Rural Construction" (Jianbiao [2022] No. 53)``: a quoted title that
names a kind of document, and a number whose issuer abbreviation is in pinyin
(:func:`number_key` gives it in a form that compares with the Chinese one's pinyin).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# 建标〔2022〕53号, 国办发[2024]52号, 沪府发（2022）7号: an issuer's abbreviation, the year in
# brackets of any kind, the serial number.
_NUMBER = re.compile(
    r"(?P<prefix>[\u4e00-\u9fff]{1,10})\s*[〔\[［【(（]\s*(?P<year>(?:19|20)\d\d)\s*"
    r"[〕\]］】)）]\s*(?P<serial>\d{1,4})\s*号"
)
# words a standalone number's issuer abbreviation cannot start with: 按照国办发〔2024〕52号,
# 为认真贯彻落实乙建〔2020〕3号
_LEAD_IN = re.compile(
    r"^(?:为了|为|认真|深入|全面|切实|严格|遵照|遵循|根据|按照|依据|依照|落实|贯彻|执行|参照|"
    r"印发|对照|结合|和|及|与|以|见|即)+"
)
# What every _NUMBER match holds from its opening bracket on: a text without it holds no
# number, and this is found far faster (the issuer's characters before the bracket make
# _NUMBER try each Chinese character as a start).
_NUMBER_TAIL = re.compile(r"[〔\[［【(（]\s*(?:19|20)\d\d\s*[〕\]］】)）]\s*\d{1,4}\s*号")
_TITLE = re.compile(r"《(?P<title>[^《》\n]{2,200})》")
# a number in brackets right after a title belongs to it: 《…》（建标〔2022〕53号）
_AFTER_TITLE = re.compile(r"\s*[（(]\s*(?P<number>[^（()）\n]{3,30}?〕?\s*\d{1,4}\s*号)\s*[)）]")
_SENTENCE_END = re.compile(r"[。；！？!?;\n]")
_NOTICE = re.compile(
    r"^.*?(?:关于)?(?:印发|转发|发布)[《〈<“\"]?(?P<inner>.+?)[》〉>”\"]?的(?:通知|决定)$"
)
# 住房和城乡建设部国家发展改革委印发的城乡建设领域碳达峰实施方案: the issuers (a name ending
# as an issuing body's does) and 印发的 before the plan, a citation's other way of naming
# the plan a notice issued
_ISSUED_BY = re.compile(
    r"^.{2,60}?(?:部|委|院|厅|局|政府|委员会|办公室)(?:联合)?(?:印发|发布|出台)的(?P<inner>.{4,})$"
)
_QUOTED = re.compile(r"《(.+?)》")
_SPACE_AND_MARKS = re.compile(r"[\s〈〉<>“”\"'‘’·]")
# a range of years is written with any of these (2024—2027年, 2024-2027年, 2024～2027年)
_DASHES = re.compile(r"[—–－~～〜-]+")

# Jianbiao [2022] No. 53, Guo Ban Fa (2024) No.52: the issuer's abbreviation in pinyin (one
# to four capitalised syllable groups), the year in brackets, "No." and the serial number.
_EN_NUMBER = re.compile(
    r"\b(?P<prefix>[A-Z][a-z]{1,11}(?:[ -][A-Z][a-z]{0,11}){0,3})\s*[\[〔(（]\s*"
    r"(?P<year>(?:19|20)\d\d)\s*[\]〕)）]\s*No\.?\s*(?P<serial>\d{1,4})\b"
)
# What every _EN_NUMBER match holds: a text without it holds no number (see _NUMBER_TAIL)
_EN_NUMBER_TAIL = re.compile(r"[\]〕)）]\s*No")
# a quoted title names a kind of document; other quoted words are not citations
_EN_TITLE = re.compile(r"[“\"]\s*(?P<title>[A-Z][^“”\"\n]{8,300}?)\s*[”\"]")
# a covering notice whose inner quotes a translation flattened: "Notice … on Issuing"
# Opinions on X "…": the plan it issues is the words up to the next quotation mark
_EN_ISSUING = re.compile(
    r"\b(?:Issuing|Printing and Distributing|Forwarding|Publishing)(?: the)?$", re.IGNORECASE
)
_EN_INNER = re.compile(r"\s*(?P<inner>[A-Z][^“”\"\n]{8,300}?)\s*[“”\"]")
_EN_DOCUMENT_KIND = re.compile(
    r"\b(?:Opinions?|Plan|Programme|Program|Scheme|Notice|Circular|Guidelines?|Measures|"
    r"Regulations?|Law|Outline|Decision|Strategy)\b"
)
_EN_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[A-Z(“\"])|\n")
# "Notice of the State Council on Issuing the X" -> "X"; "Opinions of A and B on X" ->
# "Opinions on X": the covering notice and the issuers, as for Chinese titles
_EN_NOTICE = re.compile(
    r"^(?:the )?(?:notice|circular)(?: of .+?)? on (?:issuing|printing and distributing|"
    r"the issuance of|publishing) (?:the )?(?P<inner>.+)$"
)
_EN_ISSUERS = re.compile(r"^(?:the )?(?P<kind>[a-z ]+?) of .+? on (?P<rest>.+)$")
_EN_NOT_WORD = re.compile(r"[^a-z0-9]+")
_EN_ARTICLES = re.compile(r"\b(?:the|a|an)\b")


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
        if self.title and not _is_chinese(self.title):
            quoted = f"“{self.title}”"
            return f"{quoted} ({self.number})" if self.number else quoted
        parts = [f"《{self.title}》"] if self.title else []
        if self.number:
            parts.append(f"（{self.number}）" if self.title else self.number)
        return "".join(parts)


def _is_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def standard_number(text: str) -> str:
    """A document number in one form, whatever its brackets and spaces: 建标〔2022〕53号;
    "" when ``text`` holds none."""
    found = _NUMBER.search(text)
    if found is None:
        return ""
    prefix = _LEAD_IN.sub("", found["prefix"]) or found["prefix"]
    return f"{prefix}〔{found['year']}〕{int(found['serial'])}号"


def number_key(number: str) -> tuple[str, str, str] | None:
    """(issuer, year, serial) of a number in the standard Chinese form (建标〔2022〕53号) or
    as :func:`find_english_citations` gives it (Jianbiao [2022] No. 53): the issuer as
    written in Chinese, in lower-case pinyin without spaces in English."""
    chinese = _NUMBER.fullmatch(number)
    if chinese:
        return chinese["prefix"], chinese["year"], str(int(chinese["serial"]))
    english = _EN_NUMBER.fullmatch(number)
    if english:
        issuer = _EN_NOT_WORD.sub("", english["prefix"].lower())
        return issuer, english["year"], str(int(english["serial"]))
    return None


def comparable_title(title: str) -> str:
    """A Chinese title as it compares with other titles: spaces and inner quotation
    marks dropped, the covering notice around a plan and the issuers before 关于 taken
    off (中共中央 国务院关于X的意见 -> X的意见; 关于印发X的通知 -> X; 住房和城乡建设部
    印发的X -> X)."""
    text = _unwrapped(title)
    if "关于" in text:
        text = text.split("关于", 1)[1]
    return text


# Kinds of document a title ends on, the longer first: 实施意见 before 意见.
_KINDS = (
    "指导意见", "实施意见", "意见", "实施方案", "行动方案", "工作方案", "方案", "行动计划",
    "计划", "规划", "纲要", "通知", "办法", "决定", "细则", "条例", "规定", "标准",
)  # fmt: skip


def title_kind(title: str) -> str:
    """The kind of document a comparable title ends on (实施意见, 意见, 实施方案 …), its
    years in brackets aside; "" when it ends on none of :data:`_KINDS`."""
    # the quotation marks of a covering notice's inner title (《…实施方案》), then its years
    text = re.sub(r"[（(][^（）()]*[）)]$", "", title.strip("《》「」『』"))
    return next((kind for kind in _KINDS if text.endswith(kind)), "")


def _unwrapped(title: str) -> str:
    """A title without spaces and inner quotation marks, and without the covering notice
    around a plan (关于印发X的通知 -> X)."""
    # full-width and half-width forms alike (（）, ()), as cited_document reads them
    text = _DASHES.sub("-", _SPACE_AND_MARKS.sub("", unicodedata.normalize("NFKC", title)))
    notice = _NOTICE.match(text) or _ISSUED_BY.match(text)
    return notice["inner"] if notice else text


def cited_document(cited: str) -> str:
    """What a citation names, as it compares with other citations of the same document:
    its title in 《》 (its number after it aside, full-width and half-width forms alike)
    without spaces or covering notice, its issuers kept (two provinces' 实施意见 differ by
    them alone), else the citation itself."""
    title = _QUOTED.search(cited)
    return _unwrapped(unicodedata.normalize("NFKC", title[1] if title else cited))


def comparable_english_title(title: str) -> str:
    """An English title as it compares with other titles: lower case, words only, the
    covering notice and the issuers taken off ("Notice of the State Council on Issuing
    the Action Plan for X" -> "action plan for x"; "Opinions of the CPC Central Committee
    and the State Council on X" -> "opinions on x"), articles dropped (translations differ
    most in them)."""
    text = " ".join(title.lower().replace("’", "'").split())
    notice = _EN_NOTICE.match(text)
    if notice:
        text = notice["inner"]
    issuers = _EN_ISSUERS.match(text)
    if issuers:
        text = f"{issuers['kind']} on {issuers['rest']}"
    return " ".join(_EN_ARTICLES.sub(" ", _EN_NOT_WORD.sub(" ", text)).split())


def _sentence_around(text: str, start: int, end: int, ends: re.Pattern[str] = _SENTENCE_END) -> str:
    before = [m.end() for m in ends.finditer(text, 0, start)]
    sentence_start = before[-1] if before else 0
    after = ends.search(text, end)
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
    for match in _NUMBER.finditer(text) if _NUMBER_TAIL.search(text) else ():
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


def find_english_citations(text: str) -> tuple[Citation, ...]:
    """Every citation in an English text, in text order: a quoted title naming a kind of
    document (with the number in brackets right after it, when there is one), and a
    number standing alone."""
    found: list[Citation] = []
    taken: list[tuple[int, int]] = []
    numbers = list(_EN_NUMBER.finditer(text)) if _EN_NUMBER_TAIL.search(text) else []
    for match in _EN_TITLE.finditer(text):
        title = match["title"].strip().rstrip(",.;")
        end = match.end()
        inner = _EN_INNER.match(text, end) if _EN_ISSUING.search(title) else None
        if inner is not None and _EN_DOCUMENT_KIND.search(inner["inner"]):
            title = f"{title} {inner['inner'].strip()}"
            end = inner.end("inner")
        if not _EN_DOCUMENT_KIND.search(title):
            continue
        number = ""
        after = next(
            (n for n in numbers if end <= n.start() and not text[end : n.start()].strip(" (（")),
            None,
        )
        if after is not None:
            number = _english_number(after)
            end = after.end() + (1 if text[after.end() : after.end() + 1] in ")）" else 0)
        taken.append((match.start(), end))
        found.append(
            Citation(
                title,
                number,
                match.start(),
                end,
                _sentence_around(text, match.start(), end, _EN_SENTENCE_END),
            )
        )
    for match in numbers:
        if any(s <= match.start() < e for s, e in taken):
            continue
        found.append(
            Citation(
                "",
                _english_number(match),
                match.start(),
                match.end(),
                _sentence_around(text, match.start(), match.end(), _EN_SENTENCE_END),
            )
        )
    return tuple(sorted(found, key=lambda c: c.start))


def _english_number(match: re.Match[str]) -> str:
    return f"{match['prefix']} [{match['year']}] No. {int(match['serial'])}"
