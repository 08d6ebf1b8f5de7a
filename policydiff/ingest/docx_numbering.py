"""Word's automatic list numbering, rebuilt from word/numbering.xml and word/styles.xml.

A paragraph Word numbers by its list style carries no number in its text: the "一、",
"（一）" or "1." a reader sees is computed from the numbering definitions. Without it,
five numbered tasks collapse into one provision. This module computes those labels in
document order, following ECMA-376 Part 1, §17.9.

It is written by hand because the libraries do not do this job. python-docx reads and
writes the numbering part's XML but renders no numbers. docx2python (3.7) renders five
formats (decimal, upper/lower letter, upper/lower Roman) and bullets, always as "1)"
whatever ``w:lvlText`` says, substitutes a bullet (with a warning) for every other
format -- among them all the Chinese ones a Chinese policy document numbers with -- and
does not follow numbering a paragraph inherits from its style.

The rules, all from the standard:

* a paragraph's ``w:numPr`` (``w:numId``, ``w:ilvl``) wins over the one its paragraph
  style has, or inherits through ``w:basedOn``; ``numId`` 0 switches numbering off; with
  no ``ilvl`` anywhere, the level whose ``w:pStyle`` names the paragraph's style is used,
  else level 0;
* a ``w:num`` points to a ``w:abstractNum`` (through ``w:numStyleLink`` when that
  definition is a numbering style's); ``w:lvlOverride`` replaces a level or, with
  ``w:startOverride``, restarts it at a value the first time the ``num`` is used;
* counters belong to the abstract definition, so every ``num`` sharing it continues
  one list -- which is why Word writes a ``startOverride`` to restart one;
* numbering a level restarts the deeper levels, unless their ``w:lvlRestart`` says
  to restart only after a higher level (or, 0, never); an omitted ``w:start`` is 0;
* ``w:lvlText`` ("%1、", "（%1）", "第%1条", "%1.%2") is filled with each level's
  counter in that level's ``w:numFmt`` (in decimal under ``w:isLgl``); a bullet gives
  no label at all, so the paragraph stays unnumbered; a format not known here is
  written in decimal, since some number is truer to the page than none.

Between the label and the text goes what ``w:suff`` says (a tab by default), written as
one space -- except where Chinese meets the gap ("一、总体要求", "1.大力推广"), since
Chinese text puts none there and the same document typed plainly would have none.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from policydiff.ingest.extract import is_cjk
from policydiff.structure.numbering import to_roman

__all__ = ["Label", "Level", "Numbering", "format_number", "numbered"]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LEVELS = 9
_MAX_LINKS = 8  # style and numbering-style chains longer than this are treated as loops


def _val(elem: Element | None, child: str) -> str | None:
    """The ``w:val`` of ``elem``'s child ``w:<child>``, if both exist."""
    if elem is None:
        return None
    found = elem.find(f"{W}{child}")
    return None if found is None else found.get(f"{W}val")


def _int(value: str | None, default: int | None = None) -> int | None:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


# --------------------------------------------------------------------------- formats

_ZH_DIGITS = "〇一二三四五六七八九"
_ZH_UNITS = ("", "十", "百", "千")
_ZH_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_ZH_LEGAL_UNITS = ("", "拾", "佰", "仟")
_TW_LEGAL_DIGITS = "零壹貳參肆伍陸柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_ONES = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen",
)  # fmt: skip
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_ORDINAL_WORDS = {
    "one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
    "nine": "ninth", "twelve": "twelfth",
}  # fmt: skip


def _counting(n: int, digits: str, units: tuple[str, ...], big: str, *, zero: str) -> str:
    """Chinese-style counting below 10**8: "二十一", "一百零一", "一万零五十"."""

    def below_10000(m: int) -> str:
        out: list[str] = []
        pending_zero = False
        for power in (3, 2, 1, 0):
            digit = m // 10**power % 10
            if digit:
                if pending_zero and out:
                    out.append(zero)
                out.append(digits[digit] + units[power])
                pending_zero = False
            elif out:
                pending_zero = True
        return "".join(out)

    if n <= 0 or n >= 10**8:
        return digits[0] if n == 0 else str(n)
    high, low = divmod(n, 10000)
    text = below_10000(high) + big if high else ""
    if high and 0 < low < 1000:
        text += zero
    return text + below_10000(low)


def _chinese(n: int) -> str:
    text = _counting(n, _ZH_DIGITS, _ZH_UNITS, "万", zero="零")
    return text[1:] if text.startswith("一十") else text  # 十一, not 一十一


def _japanese(n: int) -> str:
    """Japanese counting writes no zero and no 一 before 十, 百 or 千: 百一, 千十."""
    text = _counting(n, _ZH_DIGITS, _ZH_UNITS, "万", zero="")
    return re.sub(r"(?<![一二三四五六七八九])一(?=[十百千])", "", text)


def _letters(n: int) -> str:
    """Word's letters: a ... z, then aa ... zz, aaa ... (repeated, not base 26)."""
    if n < 1:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _enclosed(n: int, *ranges: tuple[int, int, int]) -> str:
    for first, last, code in ranges:
        if first <= n <= last:
            return chr(code + n - first)
    return str(n)


def _cardinal_words(n: int) -> str:
    if n < 20:
        return _ONES[n]
    tens, ones = divmod(n, 10)
    return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")


def _ordinal_words(n: int) -> str:
    words = _cardinal_words(n)
    head, _, last = words.rpartition("-")
    if last in _ORDINAL_WORDS:
        last = _ORDINAL_WORDS[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    return f"{head}-{last}" if head else last


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _in_words(spell: Callable[[int], str]) -> Callable[[int], str]:
    return lambda n: spell(n).capitalize() if 0 <= n < 100 else str(n)


_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalHalfWidth": str,
    "decimalZero": lambda n: f"{n:02d}" if 0 <= n < 10 else str(n),
    "decimalFullWidth": lambda n: str(n).translate(_FULL_WIDTH),
    "decimalFullWidth2": lambda n: str(n).translate(_FULL_WIDTH),
    "decimalEnclosedCircle": lambda n: _enclosed(
        n, (0, 0, 0x24EA), (1, 20, 0x2460), (21, 35, 0x3251), (36, 50, 0x32B1)
    ),
    "decimalEnclosedCircleChinese": lambda n: _enclosed(n, (1, 20, 0x2460)),
    "decimalEnclosedFullstop": lambda n: _enclosed(n, (1, 20, 0x2488)),
    "decimalEnclosedParen": lambda n: _enclosed(n, (1, 20, 0x2474)),
    "upperRoman": to_roman,
    "lowerRoman": lambda n: to_roman(n).lower(),
    "upperLetter": lambda n: _letters(n).upper(),
    "lowerLetter": _letters,
    "ordinal": _ordinal,
    "cardinalText": _in_words(_cardinal_words),
    "ordinalText": _in_words(_ordinal_words),
    "hex": lambda n: f"{n:X}",
    "chineseCounting": _chinese,
    "chineseCountingThousand": _chinese,
    "taiwaneseCounting": _chinese,
    "taiwaneseCountingThousand": _chinese,
    "japaneseCounting": _japanese,
    "chineseLegalSimplified": lambda n: _counting(
        n, _ZH_LEGAL_DIGITS, _ZH_LEGAL_UNITS, "万", zero="零"
    ),
    "ideographLegalTraditional": lambda n: _counting(
        n, _TW_LEGAL_DIGITS, _ZH_LEGAL_UNITS, "萬", zero="零"
    ),
    "ideographDigital": lambda n: "".join(_ZH_DIGITS[int(d)] for d in str(n)) if n >= 0 else str(n),
    "taiwaneseDigital": lambda n: "".join(_ZH_DIGITS[int(d)] for d in str(n)) if n >= 0 else str(n),
    "ideographTraditional": lambda n: _STEMS[(n - 1) % 10] if n >= 1 else str(n),
    "ideographZodiac": lambda n: _BRANCHES[(n - 1) % 12] if n >= 1 else str(n),
    "ideographEnclosedCircle": lambda n: _enclosed(n, (1, 10, 0x3280)),
    "none": lambda n: "",
    "bullet": lambda n: "",
}


def format_number(n: int, fmt: str) -> str:
    """``n`` written in the ``w:numFmt`` ``fmt``; a format not known here in decimal."""
    return _FORMATS.get(fmt, str)(n)


# --------------------------------------------------------------------------- definitions


@dataclass(frozen=True)
class Level:
    """One level (``w:lvl``) of a numbering definition."""

    fmt: str = "decimal"
    text: str = ""  # w:lvlText: "%1、"
    start: int = 0
    restart: int | None = None  # w:lvlRestart; None: after any higher level
    legal: bool = False  # w:isLgl: every level's number in decimal
    suffix: str = "tab"  # w:suff: tab, space or nothing
    style: str = ""  # w:pStyle: the paragraph style numbered at this level


def _level(elem: Element) -> Level:
    legal = elem.find(f"{W}isLgl")
    return Level(
        fmt=_val(elem, "numFmt") or "decimal",
        text=_val(elem, "lvlText") or "",
        start=_int(_val(elem, "start"), 0) or 0,
        restart=_int(_val(elem, "lvlRestart")),
        legal=legal is not None and legal.get(f"{W}val", "1") not in ("0", "false", "off"),
        suffix=_val(elem, "suff") or "tab",
        style=_val(elem, "pStyle") or "",
    )


def _levels(elem: Element) -> dict[int, Level]:
    levels = {}
    for lvl in elem.findall(f"{W}lvl"):
        ilvl = _int(lvl.get(f"{W}ilvl"))
        if ilvl is not None and 0 <= ilvl < LEVELS:
            levels[ilvl] = _level(lvl)
    return levels


@dataclass(frozen=True)
class Label:
    """A paragraph's number as Word shows it ("一、"), and whether text follows a gap."""

    text: str
    spaced: bool  # w:suff is a tab or a space, not "nothing"


@dataclass(frozen=True)
class _Num:
    abstract: str
    starts: dict[int, int]  # w:startOverride by level
    levels: dict[int, Level]  # w:lvl inside w:lvlOverride


@dataclass(frozen=True)
class _Style:
    based_on: str | None
    num_id: str | None
    ilvl: int | None


def _styles(root: Element | None) -> tuple[dict[str, _Style], str | None]:
    """Paragraph and numbering styles by id, and the default paragraph style's id."""
    styles: dict[str, _Style] = {}
    default = None
    if root is None:
        return styles, default
    for style in root.findall(f"{W}style"):
        style_id = style.get(f"{W}styleId")
        if not style_id:
            continue
        numbering = style.find(f"{W}pPr/{W}numPr")
        styles[style_id] = _Style(
            based_on=_val(style, "basedOn"),
            num_id=_val(numbering, "numId"),
            ilvl=_int(_val(numbering, "ilvl")),
        )
        if style.get(f"{W}type") == "paragraph" and style.get(f"{W}default") in ("1", "true"):
            default = style_id
    return styles, default


class Numbering:
    """The labels of a document's numbered paragraphs, computed in document order.

    Call :meth:`label` once for every ``w:p``, in order: counters advance as it goes.
    """

    def __init__(self, numbering: Element | None, styles: Element | None) -> None:
        self._abstracts: dict[str, dict[int, Level]] = {}
        self._style_links: dict[str, str] = {}  # abstractNum id -> numbering style id
        self._nums: dict[str, _Num] = {}
        if numbering is not None:
            for abstract in numbering.findall(f"{W}abstractNum"):
                abstract_id = abstract.get(f"{W}abstractNumId")
                if abstract_id is None:
                    continue
                self._abstracts[abstract_id] = _levels(abstract)
                link = _val(abstract, "numStyleLink")
                if link:
                    self._style_links[abstract_id] = link
            for num in numbering.findall(f"{W}num"):
                self._add_num(num)
        self._styles, self._default_style = _styles(styles)
        self._counters: dict[str, list[int | None]] = {}
        self._seen: set[tuple[str, int]] = set()

    def _add_num(self, num: Element) -> None:
        num_id, abstract = num.get(f"{W}numId"), _val(num, "abstractNumId")
        if num_id is None or abstract is None:
            return
        starts: dict[int, int] = {}
        levels: dict[int, Level] = {}
        for override in num.findall(f"{W}lvlOverride"):
            ilvl = _int(override.get(f"{W}ilvl"))
            if ilvl is None or not 0 <= ilvl < LEVELS:
                continue
            start = _int(_val(override, "startOverride"))
            if start is not None:
                starts[ilvl] = start
            lvl = override.find(f"{W}lvl")
            if lvl is not None:
                levels[ilvl] = _level(lvl)
        self._nums[num_id] = _Num(abstract, starts, levels)

    def _abstract_of(self, num_id: str) -> str | None:
        """The abstract definition ``num_id`` numbers with, through numbering styles."""
        num = self._nums.get(num_id)
        abstract = num.abstract if num else None
        for _ in range(_MAX_LINKS):
            if abstract is None or abstract not in self._style_links:
                return abstract
            style = self._styles.get(self._style_links[abstract])
            linked = self._nums.get(style.num_id or "") if style else None
            abstract = linked.abstract if linked else None
        return None

    def _style_numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        """``(numId, ilvl)`` a paragraph style gives, through its ``basedOn`` chain."""
        num_id: str | None = None
        ilvl: int | None = None
        for _ in range(_MAX_LINKS):
            style = self._styles.get(style_id or "")
            if style is None:
                break
            num_id = num_id if num_id is not None else style.num_id
            ilvl = ilvl if ilvl is not None else style.ilvl
            style_id = style.based_on
        return num_id, ilvl

    def _paragraph_numbering(self, paragraph: Element) -> tuple[str, int, str] | None:
        """``(numId, ilvl, abstract id)`` of a numbered paragraph, else None."""
        properties = paragraph.find(f"{W}pPr")
        style_id = _val(properties, "pStyle") or self._default_style
        direct = properties.find(f"{W}numPr") if properties is not None else None
        num_id, ilvl = _val(direct, "numId"), _int(_val(direct, "ilvl"))
        style_num, style_ilvl = self._style_numbering(style_id)
        num_id = num_id if num_id is not None else style_num
        ilvl = ilvl if ilvl is not None else style_ilvl
        if num_id is None or num_id == "0":
            return None
        abstract = self._abstract_of(num_id)
        if abstract is None:
            return None
        if ilvl is None:
            levels = self._abstracts.get(abstract, {})
            ilvl = next((i for i, lvl in sorted(levels.items()) if lvl.style == style_id), 0)
        return (num_id, ilvl, abstract) if 0 <= ilvl < LEVELS else None

    def _level(self, num_id: str, abstract: str, ilvl: int) -> Level | None:
        num = self._nums.get(num_id)
        if num and ilvl in num.levels:
            return num.levels[ilvl]
        return self._abstracts.get(abstract, {}).get(ilvl)

    def _start(self, num_id: str, abstract: str, ilvl: int) -> int:
        num = self._nums.get(num_id)
        if num and ilvl in num.starts:
            return num.starts[ilvl]
        level = self._level(num_id, abstract, ilvl)
        return level.start if level else 0

    def label(self, paragraph: Element) -> Label | None:
        """The label Word shows before ``paragraph``; None if it is not numbered."""
        found = self._paragraph_numbering(paragraph)
        if found is None:
            return None
        num_id, ilvl, abstract = found
        level = self._level(num_id, abstract, ilvl)
        if level is None:
            return None
        counters = self._counters.setdefault(abstract, [None] * LEVELS)
        num = self._nums.get(num_id)
        first_use = (num_id, ilvl) not in self._seen
        self._seen.add((num_id, ilvl))
        current = counters[ilvl]
        if current is None or (first_use and num is not None and ilvl in num.starts):
            counters[ilvl] = self._start(num_id, abstract, ilvl)
        else:
            counters[ilvl] = current + 1
        for deeper in range(ilvl + 1, LEVELS):
            restart = getattr(self._level(num_id, abstract, deeper), "restart", None)
            if restart is None or restart > deeper or (restart != 0 and ilvl < restart):
                counters[deeper] = None
        if level.fmt == "bullet":
            return None

        def number(match: re.Match[str]) -> str:
            referenced = int(match.group(1)) - 1
            if referenced > ilvl:
                return ""
            value = counters[referenced]
            if value is None:
                value = self._start(num_id, abstract, referenced)
            other = self._level(num_id, abstract, referenced) or Level()
            fmt = "decimal" if level.legal and other.fmt != "none" else other.fmt
            return format_number(value, fmt)

        text = re.sub(r"%([1-9])", number, level.text).strip()
        return Label(text, level.suffix != "nothing") if text else None


def numbered(label: Label | None, text: str) -> str:
    """``text`` after its label: a space between them unless Chinese meets either side."""
    if label is None:
        return text
    if not label.spaced or is_cjk(label.text[-1]) or is_cjk(text.lstrip()[:1]):
        return label.text + text
    return f"{label.text} {text}"
