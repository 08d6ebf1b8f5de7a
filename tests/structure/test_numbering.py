"""Numbering labels: form (match_label) and meaning by sequence (parse_provisions)."""

from __future__ import annotations

import pytest

from policydiff.structure import match_label, parse_provisions
from policydiff.structure.numbering import chinese_to_int, from_roman, to_roman, words_to_int


@pytest.mark.parametrize(
    ("line", "text", "number", "style", "family", "rest"),
    [
        ("I. General requirements", "I.", 1, "roman", "part", "General requirements"),
        ("II. Optimize the Modern Urban System", "II.", 2, "roman", "part", "Optimize"),
        ("V. Promote the green", "V.", 5, "roman", "part", "Promote the green"),
        ("IX. Annex", "IX.", 9, "roman", "part", "Annex"),
        ("First, general rules", "First,", 1, "ordinal", "part", "general rules"),
        ("Second, promote the integrated", "Second,", 2, "ordinal", "part", "promote"),
        ("Fourth, innovate working methods", "Fourth,", 4, "ordinal", "part", "innovate"),
        ("Fifth, strengthen organization", "Fifth,", 5, "ordinal", "part", "strengthen"),
        ("3. Transform the pattern", "3.", 3, "arabic_dot", "any", "Transform the pattern"),
        ("1. Promoting green development", "1.", 1, "arabic_dot", "any", "Promoting"),
        ("1、 New Era and New Journey", "1、", 1, "arabic_dun", "any", "New Era"),
        ("10、 Strengthening the leadership", "10、", 10, "arabic_dun", "any", "Strengthening"),
        ("一、总体要求", "一、", 1, "zh_dun", "part", "总体要求"),
        ("十二、附则", "十二、", 12, "zh_dun", "part", "附则"),
        ("(1) Guiding ideology.", "(1)", 1, "paren_arabic", "item", "Guiding ideology."),
        ("(23) Strengthen urban", "(23)", 23, "paren_arabic", "item", "Strengthen urban"),
        ("(Four) Tailor strategies", "(Four)", 4, "paren_word", "item", "Tailor strategies"),
        ("(Fourteen) Strengthen safety", "(Fourteen)", 14, "paren_word", "item", "Strengthen"),
        ("(Twenty-one) More", "(Twenty-one)", 21, "paren_word", "item", "More"),
        ("（一）指导思想。以", "（一）", 1, "paren_zh", "item", "指导思想。以"),
        ("（十四）加强", "（十四）", 14, "paren_zh", "item", "加强"),
        # Yunnan's urban-rural plan: its first item lost the opening parenthesis
        ("一）指导思想", "一）", 1, "paren_zh", "item", "指导思想"),
        ("（3）推进", "（3）", 3, "paren_arabic", "item", "推进"),
        ("第二章 总则", "第二章", 2, "zh_chapter", "part", "总则"),
    ],
)
def test_match_label(line: str, text: str, number: int, style: str, family: str, rest: str) -> None:
    label = match_label(line)
    assert label is not None
    assert (label.text, label.number, label.style, label.family) == (text, number, style, family)
    assert line[label.end :].startswith(rest)


@pytest.mark.parametrize(
    "line",
    [
        "3.5% of GDP will be invested.",
        "(August 15, 2025)",
        "(December 27, 2023)",
        "2025年，基本建立",
        "I.e. this is not a label",
        "In 2025, more.",
        "Firstly we act",
        "——Full domain transformation.",
        "",
        "(0) zero",
        "1）推进",  # Arabic numbers closed alone are a list style of their own, not read
    ],
)
def test_not_a_label(line: str) -> None:
    assert match_label(line) is None


@pytest.mark.parametrize(("n", "roman"), [(1, "I"), (4, "IV"), (9, "IX"), (14, "XIV"), (40, "XL")])
def test_roman_round_trip(n: int, roman: str) -> None:
    assert to_roman(n) == roman
    assert from_roman(roman) == n


@pytest.mark.parametrize("bad", ["IIII", "VX", "ABC", ""])
def test_from_roman_rejects(bad: str) -> None:
    assert from_roman(bad) is None


@pytest.mark.parametrize(
    ("s", "n"),
    [("一", 1), ("十", 10), ("十四", 14), ("二十", 20), ("二十三", 23), ("一百零二", 102)],
)
def test_chinese_to_int(s: str, n: int) -> None:
    assert chinese_to_int(s) == n


@pytest.mark.parametrize(
    ("s", "n"), [("One", 1), ("fourteen", 14), ("Twenty", 20), ("Twenty-one", 21), ("x", None)]
)
def test_words_to_int(s: str, n: int | None) -> None:
    assert words_to_int(s) == n


def _ids(text: str, lang: str = "en") -> list[tuple[str, str]]:
    return [(p.id, p.label) for p in parse_provisions(text, lang)]


BODY = "We will act on this. It matters."

SEQUENCES = [
    pytest.param(
        f"I. Intro\n(1) Idea. {BODY}\n(2) Rule. {BODY}\n3. Objectives\nBy 2025, done.\n"
        f"Second, next part\n1. One. {BODY}\n2. Two. {BODY}\n3. Three. {BODY}\n"
        f"3. Transform the pattern\n1. Build. {BODY}\n",
        "en",
        [
            ("I", "I."),
            ("I.1", "(1)"),
            ("I.2", "(2)"),
            ("I.3", "3."),
            ("II", "Second,"),
            ("II.1", "1."),
            ("II.2", "2."),
            ("II.3", "3."),
            ("III", "3."),
            ("III.1", "1."),
        ],
        id="000-style: arabic item 3 vs arabic part 3",
    ),
    pytest.param(
        f"I. Start\n{BODY}\nII. Next\n(1) A. {BODY}\n(2) B. {BODY}\n3. Third part\n"
        f"(Four) D. {BODY}\n4. Fourth part\n(5) E. {BODY}\nV. Fifth\n(6) F. {BODY}\n",
        "en",
        [
            ("I", "I."),
            ("II", "II."),
            ("II.1", "(1)"),
            ("II.2", "(2)"),
            ("III", "3."),
            ("III.4", "(Four)"),
            ("IV", "4."),
            ("IV.5", "(5)"),
            ("V", "V."),
            ("V.6", "(6)"),
        ],
        id="002-style: continuous items, mixed part styles",
    ),
    pytest.param(
        f"1、 First part title\n{BODY}\n2、 Second part\n(1) A. {BODY}\n(2) B. {BODY}\n"
        f"3、 Third part\n(3) C. {BODY}\n",
        "en",
        [
            ("I", "1、"),
            ("II", "2、"),
            ("II.1", "(1)"),
            ("II.2", "(2)"),
            ("III", "3、"),
            ("III.3", "(3)"),
        ],
        id="004-style: arabic-dun parts",
    ),
    pytest.param(
        "一、总体要求\n（一）指导思想。坚持。\n（二）工作原则。坚持。\n二、推进发展\n（一）促进。建立。\n",
        "zh",
        [("I", "一、"), ("I.1", "（一）"), ("I.2", "（二）"), ("II", "二、"), ("II.1", "（一）")],
        id="zh parts and items",
    ),
    pytest.param(
        "一、总体要求\n1、指导思想。坚持。\n2、工作原则。坚持。\n二、推进发展\n1、促进。建立。\n",
        "zh",
        [("I", "一、"), ("I.1", "1、"), ("I.2", "2、"), ("II", "二、"), ("II.1", "1、")],
        id="zh nested arabic-dun items",
    ),
    pytest.param(
        "一、总体要求\n（一）指导思想。坚持。\n1.第一点。内容。\n2.第二点。内容。\n（二）原则。坚持。\n",
        "zh",
        [("I", "一、"), ("I.1", "（一）"), ("I.1.1", "1."), ("I.1.2", "2."), ("I.2", "（二）")],
        id="zh sub-items",
    ),
    pytest.param(
        f"(2) Second. {BODY}\n3. Third. {BODY}\nFifth, the part\n1. First. {BODY}\n",
        "en",
        [("2", "(2)"), ("3", "3."), ("V", "Fifth,"), ("V.1", "1.")],
        id="fragment starting mid-part",
    ),
    pytest.param(
        f"I. Part\nFirst, we will do a lot of things here. {BODY}\n",
        "en",
        [("I", "I.")],
        id="ordinal inside body is not a part",
    ),
    pytest.param(
        f"I. Part\n(1) A. {BODY}\n(1) A again. {BODY}\nI. Part again\n",
        "en",
        [("I", "I."), ("I.1", "(1)"), ("I.1-2", "(1)"), ("I-2", "I.")],
        id="repeated numbers are disambiguated",
    ),
]


@pytest.mark.parametrize(("text", "lang", "expected"), SEQUENCES)
def test_numbering_by_sequence(text: str, lang: str, expected: list[tuple[str, str]]) -> None:
    assert _ids(text, lang) == expected
