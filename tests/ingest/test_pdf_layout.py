"""Printed lines -> paragraphs: the joining and furniture rules on lines placed by hand.

Coordinates are in points, ``top`` down from the page top, on an A4 page with a text
block from x=72 to x=522 (37.5 Chinese characters of 12 pt, or 75 Latin ones of 6 pt
average width at 12 pt, as :func:`line` measures them).
"""

from __future__ import annotations

import pytest

from policydiff.ingest.extract import is_cjk
from policydiff.ingest.pdf_layout import Line, Page, glue, lay_out

LEFT, RIGHT, WIDTH, HEIGHT = 72.0, 522.0, 595.0, 842.0
PITCH = 18.0


def line(
    text: str, top: float, *, x0: float = LEFT, size: float = 12.0, centred: bool = False
) -> Line:
    """A line as printed: a Chinese character is ``size`` wide, anything else half that."""
    widths = [size if is_cjk(ch) else size / 2 for ch in text]
    width = sum(widths)
    if centred:
        x0 = (LEFT + RIGHT - width) / 2
    first = text.split(" ")[0]
    lead = widths[0] if is_cjk(text[0]) else sum(widths[: len(first)])
    return Line(text, x0, x0 + width, top, top + size, size, lead)


def page(*lines: Line) -> Page:
    return Page(WIDTH, HEIGHT, lines)


def full_zh(n: int = 0) -> str:
    """37 Chinese characters: a line filled to within one character of the right edge."""
    return (
        "以让人民群众住上更好的房子为目标积极推广绿色建材和装配式建筑推动城乡建设全面绿色转型" * 2
    )[n : n + 37]


def paragraphs(*pages: Page) -> tuple[str, ...]:
    return lay_out(pages).paragraphs


# --------------------------------------------------------------------------- joining


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        ("以让人民群众住上更", "好的房子为目标", "以让人民群众住上更好的房子为目标"),
        ("积极推广", "超低能耗建筑。", "积极推广超低能耗建筑。"),
        ("城乡建设领域碳排放达到峰值", "，城乡生态环境质量整体改善。", "城乡建设领域碳排放达到峰值，城乡生态环境质量整体改善。"),
        ("到", "2030年", "到2030年"),
        ("Notice on", "Strengthening", "Notice on Strengthening"),
        ("the strength-", "ening of", "the strengthening of"),
        ("con-", "struction", "construction"),
        ("ultra-", "low energy", "ultra-low energy"),
        ("high-", "quality", "high-quality"),
        ("self-", "reliance", "self-reliance"),
        ("COVID-", "19 response", "COVID-19 response"),
        ("Sino-", "European", "Sino-European"),
        ("in 2021–", "2025", "in 2021–2025"),
        ("growth —", "and jobs", "growth — and jobs"),
        ("https://www.gov.cn/", "zhengce/2021", "https://www.gov.cn/zhengce/2021"),
        ("the goal of", "碳达峰", "the goal of碳达峰"),
    ],
)  # fmt: skip
def test_glue(before: str, after: str, expected: str) -> None:
    assert glue(before, after) == expected


@pytest.mark.parametrize(
    ("vocabulary", "expected"),
    [
        (frozenset(), "greenhouse"),  # "green" is no compound head: hyphenation
        (frozenset({"green-house"}), "green-house"),  # the document writes it hyphenated
        (frozenset({"greenhouse"}), "greenhouse"),
    ],
)
def test_glue_asks_the_document_how_it_spells_a_word(
    vocabulary: frozenset[str], expected: str
) -> None:
    assert glue("green-", "house", vocabulary) == expected


def test_a_compound_head_written_solid_elsewhere_loses_its_hyphen() -> None:
    assert glue("well-", "being", frozenset({"wellbeing"})) == "wellbeing"
    assert glue("well-", "being") == "well-being"


def test_chinese_paragraphs_are_joined_and_split_at_indented_first_lines() -> None:
    lines = [
        line("（一）指导思想。" + full_zh()[:27], 100, x0=LEFT + 24),
        line(full_zh(3), 100 + PITCH),
        line("推动转型。", 100 + 2 * PITCH),
        line("（二）工作原则。坚持人民至上。", 100 + 3 * PITCH, x0=LEFT + 24),
        line(full_zh(5)[:35], 100 + 4 * PITCH, x0=LEFT + 24),  # an unnumbered paragraph
        line("共建共治。", 100 + 5 * PITCH),
    ]
    assert paragraphs(page(*lines)) == (
        "（一）指导思想。" + full_zh()[:27] + full_zh(3) + "推动转型。",
        "（二）工作原则。坚持人民至上。",
        full_zh(5)[:35] + "共建共治。",
    )


def test_a_line_with_room_for_the_next_word_ends_a_paragraph() -> None:
    filled = "We will establish sound mechanisms for overall coordination and strengthen"
    assert len(filled) == 74
    lines = [
        line(filled, 100),
        line("cooperation among departments.", 100 + PITCH),  # ends with room to spare
        line("Urban and rural construction is an important vehicle.", 100 + 2 * PITCH),
    ]
    assert paragraphs(page(*lines)) == (
        f"{filled} cooperation among departments.",
        "Urban and rural construction is an important vehicle.",
    )


@pytest.mark.parametrize("label", ["(2) ", "2. ", "II. ", "Article 4 ", "• "])
def test_a_numbered_line_starts_a_paragraph_even_after_a_full_line(label: str) -> None:
    filled = "We will establish sound mechanisms for overall coordination and strengthen"
    lines = [line(filled, 100), line(f"{label}Improving working mechanisms.", 100 + PITCH)]
    assert len(paragraphs(page(*lines))) == 2


@pytest.mark.parametrize("label", ["二、", "（二）", "第二条", "2."])
def test_a_numbered_chinese_line_starts_a_paragraph_even_after_a_full_line(label: str) -> None:
    lines = [line(full_zh(), 100), line(f"{label}完善工作机制。", 100 + PITCH)]
    assert len(paragraphs(page(*lines))) == 2


def test_a_larger_gap_or_another_font_size_ends_a_paragraph() -> None:
    filled = "We will establish sound mechanisms for overall coordination and strengthen"
    gap = [line(filled, 100), line(filled, 100 + PITCH), line("next paragraph.", 100 + 3 * PITCH)]
    assert len(paragraphs(page(*gap))) == 2
    note = [
        line(filled, 100),
        line(filled, 100 + PITCH),
        line("a footnote.", 100 + 2 * PITCH, size=9),
    ]
    assert len(paragraphs(page(*note))) == 2


def test_a_wide_line_in_a_smaller_size_does_not_widen_the_text_block() -> None:
    filled = "We will establish sound mechanisms for overall coordination and strengthen"
    table = "Indicator  2020  2025  2030  Unit  Source  " * 3
    lines = [
        line(filled, 100),
        line(filled, 100 + PITCH),
        line(filled, 100 + 2 * PITCH),
        line("cooperation.", 100 + 3 * PITCH),
        line(table.strip(), 100 + 4 * PITCH, x0=LEFT - 20, size=8),  # wider than the block
    ]
    assert lines[4].x1 > RIGHT
    assert paragraphs(page(*lines))[0] == f"{filled} {filled} {filled} cooperation."


def test_a_centred_title_over_two_lines_is_one_line() -> None:
    lines = [
        line(
            "Notice on Strengthening the Management of Ultra-Low Energy Buildings in",
            80,
            centred=True,
        ),
        line("Urban and Rural Construction", 80 + PITCH, centred=True),
        line("(1) Guiding ideology. We should give priority to ecology.", 80 + 3 * PITCH),
    ]
    assert paragraphs(page(*lines)) == (
        "Notice on Strengthening the Management of Ultra-Low Energy Buildings in Urban and "
        "Rural Construction",
        "(1) Guiding ideology. We should give priority to ecology.",
    )


def test_an_indented_line_ending_as_far_from_the_right_is_no_centred_title() -> None:
    lines = [
        line("（一）" + full_zh()[:32], 100, x0=LEFT + 24),
        line(full_zh(2), 100 + PITCH),
        line(full_zh(4)[:33], 100 + 2 * PITCH, x0=LEFT + 24),  # 2 characters either side
    ]
    assert paragraphs(page(*lines)) == ("（一）" + full_zh()[:32] + full_zh(2), full_zh(4)[:33])


def test_two_short_centred_lines_stay_apart() -> None:
    lines = [
        line("State Council", 80, centred=True),
        line("(December 27, 2023)", 80 + PITCH, centred=True),
        line(full_zh(), 80 + 2 * PITCH),
        line(full_zh(), 80 + 3 * PITCH),
        line(full_zh(), 80 + 4 * PITCH),
    ]
    assert paragraphs(page(*lines))[:2] == ("State Council", "(December 27, 2023)")


# --------------------------------------------------------------------------- furniture


def numbered_page(number: int, *body: Line, header: str = "") -> Page:
    furniture = [line(f"— {number} —", 790, centred=True)]
    if header:
        furniture.insert(0, line(header, 40, size=9))
    return page(*furniture[:-1], *body, furniture[-1])


def test_page_numbers_and_running_headers_are_dropped_and_reported() -> None:
    header = "State Council Gazette No. 30"
    pages = [
        numbered_page(1, line("（一）指导思想。" + full_zh()[:27], 80, x0=LEFT + 24), line(full_zh(1), 80 + PITCH), header=header),
        numbered_page(2, line(full_zh(2), 80), line("结束。", 80 + PITCH), header=header),
        numbered_page(3, line("（二）工作原则。", 80, x0=LEFT + 24), header=header),
    ]  # fmt: skip
    layout = lay_out(pages)
    assert layout.paragraphs == (
        "（一）指导思想。" + full_zh()[:27] + full_zh(1) + full_zh(2) + "结束。",
        "（二）工作原则。",
    )
    assert layout.furniture == (
        f"page 1: {header}", "page 1: — 1 —",
        f"page 2: {header}", "page 2: — 2 —",
        f"page 3: {header}", "page 3: — 3 —",
    )  # fmt: skip


def test_a_line_on_two_pages_of_two_is_not_a_running_header() -> None:
    pages = [page(line("Opinions on Promoting Green Development", 60))] * 2
    layout = lay_out(pages)
    assert layout.paragraphs == ("Opinions on Promoting Green Development",) * 2
    assert layout.furniture == ()


def test_a_number_inside_the_text_is_kept() -> None:
    lines = [
        line("一、主要指标", 300),
        line("2030", 300 + PITCH),
        line("二、保障措施", 300 + 2 * PITCH),
    ]
    assert paragraphs(page(*lines)) == ("一、主要指标", "2030", "二、保障措施")


def test_a_page_number_standing_apart_outside_the_edge_band_is_dropped() -> None:
    lines = [line("一、主要指标", 300), line("二、保障措施", 300 + PITCH), line("- 7 -", 700)]
    layout = lay_out([page(*lines)])
    assert layout.paragraphs == ("一、主要指标", "二、保障措施")
    assert layout.furniture == ("page 1: - 7 -",)


def test_what_a_browser_prints_in_the_margins_is_dropped_even_on_one_page() -> None:
    lines = [
        line("12/2/26, 8:33 AM", 15, x0=20, size=8),
        line("Opinions on Green Development", 60, centred=True, size=16),
        line("Urban and rural construction is an important vehicle for promoting green", 100),
        line(
            "development and building a beautiful China. To promote the green develop-", 100 + PITCH
        ),
        line("ment of construction, the following opinions are put forward.", 100 + 2 * PITCH),
        line("[1] A footnote set small, inside the text block.", 800, size=8),
        line("file:///tmp/policy.html 1/1", 825, x0=20, size=8),
    ]
    layout = lay_out([page(*lines)])
    assert layout.paragraphs == (
        "Opinions on Green Development",
        "Urban and rural construction is an important vehicle for promoting green development "
        "and building a beautiful China. To promote the green development of construction, the "
        "following opinions are put forward.",
        "[1] A footnote set small, inside the text block.",
    )
    assert layout.furniture == ("page 1: 12/2/26, 8:33 AM", "page 1: file:///tmp/policy.html 1/1")
