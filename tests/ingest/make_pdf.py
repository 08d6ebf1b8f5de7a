"""PDFs laid out like printed policy documents, built with reportlab for the tests.

The typesetting is the plain kind a PDF of a policy document has: lines filled to a
fixed width (a Chinese line character by character, an English line word by word,
hyphenating the words :data:`HYPHENATION` knows and breaking after real hyphens), a
fixed number of lines to a page, page numbers and, if asked, a running header.
:class:`Printed` says what was printed where, so that a test can check that the case it
is about (a word hyphenated, a paragraph broken over a page) really occurs.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from tests.ingest.policy_samples import Sample

SONG = "STSong-Light"  # reportlab's built-in CID font: Chinese without a font file
pdfmetrics.registerFont(UnicodeCIDFont(SONG))

A4 = (595.28, 841.89)
# Where an English typesetter may break these words ("strength-" / "ening").
HYPHENATION = {
    "strengthening": ("strength", "en", "ing"),
    "comprehensively": ("com", "pre", "hen", "sive", "ly"),
    "transformation": ("trans", "for", "ma", "tion"),
    "construction": ("con", "struc", "tion"),
    "development": ("devel", "op", "ment"),
    "institutional": ("in", "sti", "tu", "tion", "al"),
    "infrastructure": ("in", "fra", "struc", "ture"),
    "prefabricated": ("pre", "fab", "ri", "cat", "ed"),
    "implementation": ("im", "ple", "men", "ta", "tion"),
    "characteristics": ("char", "ac", "ter", "is", "tics"),
    "environment": ("en", "vi", "ron", "ment"),
    "renovation": ("ren", "o", "va", "tion"),
    "residential": ("res", "i", "den", "tial"),
    "departments": ("de", "part", "ments"),
    "coordination": ("coor", "di", "na", "tion"),
    "philosophy": ("phi", "los", "o", "phy"),
}


@dataclass(frozen=True)
class Layout:
    page: tuple[float, float] = A4
    margin: float = 72.0  # left, right and top
    font: str = "Helvetica"
    size: float = 12.0
    pitch: float = 16.0  # baseline to baseline
    indent: float = 0.0  # first line of a paragraph
    gap: float = 0.0  # extra space between paragraphs
    lines_per_page: int = 40
    title_font: str = "Helvetica-Bold"
    title_size: float = 16.0
    number: Callable[[int, int], str] = lambda page, pages: f"Page {page} of {pages}"
    number_side: str = "centre"  # or "outer": odd pages right, even pages left
    header: str = ""  # printed at the top of every page


# After GB/T 9704: lines of 28 characters in 三号 (16 pt) 宋体, the first line of a
# paragraph indented by two characters, the page number "— 3 —" in 四号 below the text
# block, odd pages on the right. 20 lines to a page (the standard has 22) run the
# sample over three pages, breaking two paragraphs.
CHINESE_OFFICIAL = Layout(
    margin=(A4[0] - 28 * 16) / 2,
    font=SONG,
    size=16.0,
    pitch=28.9,
    indent=32.0,
    lines_per_page=20,
    title_font=SONG,
    title_size=22.0,
    number=lambda page, pages: f"— {page} —",
    number_side="outer",
)
ENGLISH_REPORT = Layout(
    margin=100.0,
    lines_per_page=18,
    gap=8.0,
    header="State Council Gazette · Urban and Rural Construction",
)


@dataclass
class Printed:
    """The PDF, and per page the lines printed on it: (paragraph number, text)."""

    pdf: bytes = b""
    pages: list[list[tuple[int, str]]] = field(default_factory=list)

    def page_breaks_inside_paragraphs(self) -> int:
        return sum(a[-1][0] == b[0][0] for a, b in zip(self.pages, self.pages[1:], strict=False))

    def lines(self) -> list[tuple[int, str]]:
        return [line for page in self.pages for line in page]


def _wrap(text: str, width: float, first: float, fits: Callable[[str, float], bool]) -> list[str]:
    """``text`` in lines that fit ``width`` (the first ``first`` points narrower)."""
    words: list[str] = []
    if text.isascii():
        words = [w + " " for w in text.split(" ")]
        words[-1] = words[-1].rstrip()
    else:
        words = list(text)
    lines: list[str] = []
    line = ""
    room = width - first
    queue = list(words)
    while queue:
        word = queue.pop(0)
        if fits(line + word.rstrip(), room):
            line += word
            continue
        head = _break(word, line, room, fits)
        if head is not None:
            lines.append((line + head[0]).rstrip())
            queue.insert(0, head[1])
        else:
            lines.append(line.rstrip())
            queue.insert(0, word)
        line, room = "", width
    lines.append(line.rstrip())
    return [line for line in lines if line]


def _break(
    word: str, line: str, room: float, fits: Callable[[str, float], bool]
) -> tuple[str, str] | None:
    """The longest piece of ``word`` that still fits on ``line``, and the rest."""
    candidates: list[tuple[str, str]] = []
    parts = word.split("-")
    for i in range(1, len(parts)):  # a real compound breaks after its hyphen
        candidates.append(("-".join(parts[:i]) + "-", "-".join(parts[i:])))
    syllables = HYPHENATION.get(word.rstrip(" ,.;").lower(), ())
    for i in range(1, len(syllables)):
        cut = len("".join(syllables[:i]))
        candidates.append((word[:cut] + "-", word[cut:]))
    for head, rest in sorted(candidates, key=lambda c: -len(c[0])):
        if head != "-" and fits(line + head, room):
            return head, rest
    return None


@dataclass(frozen=True)
class _Row:
    paragraph: int  # -1 for the title
    text: str
    font: str
    size: float
    x: float  # unused for centred rows
    centred: bool
    before: float  # extra space above, unless the row opens a page


def _rows(sample: Sample, layout: Layout) -> list[_Row]:
    width = layout.page[0] - 2 * layout.margin

    def fits(font: str, size: float) -> Callable[[str, float], bool]:
        return lambda text, room: pdfmetrics.stringWidth(text, font, size) <= room + 0.01

    rows = [
        _Row(-1, text, layout.title_font, layout.title_size, 0.0, True, 0.0)
        for text in _wrap(sample.title, width, 0.0, fits(layout.title_font, layout.title_size))
    ]
    body = fits(layout.font, layout.size)
    for number, para in enumerate(sample.paragraphs):
        for i, text in enumerate(_wrap(sample.line(para), width, layout.indent, body)):
            x = layout.margin + (layout.indent if i == 0 else 0.0)
            before = 0.0 if i else layout.pitch if number == 0 else layout.gap
            rows.append(_Row(number, text, layout.font, layout.size, x, False, before))
    return rows


def print_pdf(sample: Sample, layout: Layout) -> Printed:
    """``sample`` typeset in ``layout``: the title centred, then its paragraphs."""
    rows = _rows(sample, layout)
    pages = [
        rows[i : i + layout.lines_per_page] for i in range(0, len(rows), layout.lines_per_page)
    ]
    printed = Printed()
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=layout.page)
    for page_number, page in enumerate(pages, start=1):
        y = layout.page[1] - layout.margin
        for i, row in enumerate(page):
            y -= row.before if i else 0.0
            pdf.setFont(row.font, row.size)
            if row.centred:
                pdf.drawCentredString(layout.page[0] / 2, y, row.text)
            else:
                pdf.drawString(row.x, y, row.text)
            y -= row.size * 1.5 if row.centred else layout.pitch
        _furniture(pdf, layout, page_number, len(pages))
        pdf.showPage()
        printed.pages.append([(row.paragraph, row.text) for row in page])
    pdf.save()
    printed.pdf = buffer.getvalue()
    return printed


def _furniture(pdf: canvas.Canvas, layout: Layout, page: int, pages: int) -> None:
    label = layout.number(page, pages)
    font = SONG if not label.isascii() or layout.font == SONG else "Helvetica"
    pdf.setFont(font, 14 if font == SONG else 9)
    y = layout.margin / 2
    if layout.number_side == "outer" and page % 2 == 0:
        pdf.drawString(layout.margin + 14, y, label)
    elif layout.number_side == "outer":
        pdf.drawRightString(layout.page[0] - layout.margin - 14, y, label)
    else:
        pdf.drawCentredString(layout.page[0] / 2, y, label)
    if layout.header:
        pdf.setFont("Helvetica-Oblique", 9)
        pdf.drawString(layout.margin, layout.page[1] - layout.margin / 2, layout.header)


def numbered_pages(pages: Sequence[Sequence[str]], number: Callable[[int, int], str]) -> bytes:
    """A plain PDF: each page's lines in Helvetica, then its page number at the bottom."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for page_number, lines in enumerate(pages, start=1):
        pdf.setFont(SONG, 12)
        for i, text in enumerate(lines):
            pdf.drawString(72, A4[1] - 72 - 16 * i, text)
        pdf.drawCentredString(A4[0] / 2, 36, number(page_number, len(pages)))
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()
