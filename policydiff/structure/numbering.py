"""Recognise the numbering label at the start of a paragraph.

A label is recognised purely by its form here; whether "3." is a part or an
item is decided later, by sequence, in :mod:`policydiff.structure.parse`.

Families:

* ``"part"``: only ever used for parts (level 1): "I.", "Second,", "一、".
* ``"item"``: only ever used for items (level 2, or 3 when nested):
  "(1)", "(Four)", "（一）".
* ``"any"``: arabic numbers, "3." or "1、", used for parts and items alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "Label",
    "chinese_to_int",
    "from_roman",
    "match_label",
    "ordinal_to_int",
    "to_roman",
    "words_to_int",
]

_ROMAN_VALUES = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def to_roman(n: int) -> str:
    """``3 -> "III"``; numbers below 1 are written in arabic digits."""
    if n < 1 or n >= 4000:
        return str(n)
    out: list[str] = []
    for value, symbol in _ROMAN_VALUES:
        while n >= value:
            out.append(symbol)
            n -= value
    return "".join(out)


def from_roman(s: str) -> int | None:
    """``"IV" -> 4``; ``None`` unless ``s`` is a canonical Roman numeral."""
    s = s.upper()
    if not s or any(c not in "IVXLCDM" for c in s):
        return None
    total = 0
    i = 0
    for value, symbol in _ROMAN_VALUES:
        while s.startswith(symbol, i):
            total += value
            i += len(symbol)
    if i != len(s) or to_roman(total) != s:
        return None
    return total


_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNITS = {"十": 10, "百": 100}
CN_NUMERAL_CHARS = "".join(_CN_DIGITS) + "".join(_CN_UNITS)


def chinese_to_int(s: str) -> int | None:
    """``"十四" -> 14``, ``"二十三" -> 23``, ``"一百零二" -> 102``; ``None`` if malformed."""
    if not s or any(c not in _CN_DIGITS and c not in _CN_UNITS for c in s):
        return None
    total = 0
    digit: int | None = None
    for c in s:
        if c in _CN_DIGITS:
            if digit is not None and digit != 0:
                return None  # two digits in a row: "二三"
            digit = _CN_DIGITS[c]
        else:
            unit = _CN_UNITS[c]
            total += (1 if digit is None else digit) * unit
            digit = None
    if digit is not None:
        total += digit
    return total if total > 0 else None


_UNIT_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS_WORDS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_NUMBER_WORD_RE = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ]?(?:one|two|three|four"
    r"|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)


def words_to_int(s: str) -> int | None:
    """``"Fourteen" -> 14``, ``"Twenty-one" -> 21``; ``None`` if not a number word."""
    parts = [p for p in re.split(r"[- ]", s.strip().lower()) if p]
    if len(parts) == 1:
        word = parts[0]
        return _UNIT_WORDS.get(word, _TENS_WORDS.get(word))
    if len(parts) == 2 and parts[0] in _TENS_WORDS and _UNIT_WORDS.get(parts[1], 99) < 10:
        return _TENS_WORDS[parts[0]] + _UNIT_WORDS[parts[1]]
    return None


_ORDINALS = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
)


def ordinal_to_int(s: str) -> int | None:
    """``"Second" -> 2``; ``None`` if not an ordinal word up to twentieth."""
    word = s.strip().lower()
    return _ORDINALS.index(word) + 1 if word in _ORDINALS else None


@dataclass(frozen=True)
class Label:
    """A numbering label found at the start of a line."""

    text: str  # as written, without surrounding whitespace: "(1)", "Second,", "一、"
    number: int
    style: str  # see STYLES
    family: str  # "part", "item" or "any"
    end: int  # offset in the line where the text after the label (and its spaces) begins


STYLES = (
    "roman",  # I.  II.  V.
    "ordinal",  # First,  Second,
    "zh_dun",  # 一、 二、
    "zh_chapter",  # 第一章 第二部分
    "arabic_dot",  # 1.  3.
    "arabic_dun",  # 1、 10、
    "paren_arabic",  # (1)  （1）
    "paren_word",  # (Four)  (Fourteen)
    "paren_zh",  # （一） (二), and 一） whose opening parenthesis the source lost
)

_SP = r"[ \t\u3000\u00a0]*"
_ROMAN_RE = re.compile(r"([IVXLCDM]{1,7})" + _SP + r"[.．、]" + r"(?=\s|$|[^a-z.])" + _SP)
_ORDINAL_RE = re.compile(r"(" + "|".join(_ORDINALS) + r")" + _SP + r"[,，:：]" + _SP, re.IGNORECASE)
_ZH_DUN_RE = re.compile(r"([" + CN_NUMERAL_CHARS + r"]{1,4})" + _SP + r"[、．.]" + _SP)
_ZH_CHAPTER_RE = re.compile(r"(第([" + CN_NUMERAL_CHARS + r"]{1,4}|\d{1,3})(?:章|部分|编))" + _SP)
_ARABIC_DOT_RE = re.compile(r"(\d{1,3})[.．](?![\d.．])" + _SP)
_ARABIC_DUN_RE = re.compile(r"(\d{1,3})" + _SP + r"、" + _SP)
_PAREN_RE = re.compile(
    r"[(（]" + _SP + r"(\d{1,3}|[" + CN_NUMERAL_CHARS + r"]{1,4}|" + _NUMBER_WORD_RE + r")"
    r"" + _SP + r"[)）]" + _SP,
    re.IGNORECASE,
)


# a Chinese numeral closed by a full-width parenthesis that lost its opening one at the
# start of a line (一）指导思想 among （二）工作原则, a slip of the source's typing) is that label
_CLOSE_PAREN_ZH_RE = re.compile(r"([" + CN_NUMERAL_CHARS + r"]{1,4})）" + _SP)


def _paren(m: re.Match[str]) -> tuple[str, int | None, str]:
    token = m.group(1)
    if token.isdigit():
        return "paren_arabic", int(token), "item"
    if token[0] in CN_NUMERAL_CHARS:
        return "paren_zh", chinese_to_int(token), "item"
    return "paren_word", words_to_int(token), "item"


# the label styles, in the order they are tried (built once, not per line)
_CANDIDATES: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (_PAREN_RE, "paren", "item"),
    (_CLOSE_PAREN_ZH_RE, "paren", "item"),
    (_ROMAN_RE, "roman", "part"),
    (_ORDINAL_RE, "ordinal", "part"),
    (_ZH_DUN_RE, "zh_dun", "part"),
    (_ZH_CHAPTER_RE, "zh_chapter", "part"),
    (_ARABIC_DOT_RE, "arabic_dot", "any"),
    (_ARABIC_DUN_RE, "arabic_dun", "any"),
)


def match_label(line: str) -> Label | None:
    """The numbering label at the very start of ``line`` (no leading spaces expected).

    >>> match_label("(1) Guiding ideology. We should").text
    '(1)'
    >>> match_label("3.5% of GDP") is None
    True
    """
    if not line:
        return None
    for pattern, style, family in _CANDIDATES:
        m = pattern.match(line)
        if m is None:
            continue
        number: int | None
        if style == "paren":
            style, number, family = _paren(m)
        elif style == "roman":
            number = from_roman(m.group(1))
        elif style == "ordinal":
            number = ordinal_to_int(m.group(1))
        elif style == "zh_dun":
            number = chinese_to_int(m.group(1))
        elif style == "zh_chapter":
            token = m.group(2)
            number = int(token) if token.isdigit() else chinese_to_int(token)
        else:
            number = int(m.group(1))
        if number is None or number < 1:
            continue
        text = line[: m.end()].strip()
        if style == "zh_chapter":
            text = m.group(1)
        return Label(text=text, number=number, style=style, family=family, end=m.end())
    return None
