"""Positioned lines of PDF pages -> paragraphs, with the page furniture set aside.

A PDF keeps where each line was printed, not where a paragraph ends, so the printed
line breaks have to be read back into paragraphs: policydiff treats every line of a
clean text as a paragraph, and a directive cut from its object ("积极推广" at the end of
one line, what is promoted on the next) is a commitment lost. This module is pure (line
records in, text out) so the rules can be tested without building PDFs.

**Furniture** is dropped, and returned for the caller to report:

* a *page number*: the first or last line of a page that reads "— 3 —", "- 3 -",
  "3", "第3页", "第3页 共10页", "Page 3", "Page 3 of 10" or "3/10", when it sits in
  the top or bottom :data:`EDGE_BAND` of the page or stands apart from the text;
* a *running header or footer*: one of the first or last two lines of a page whose
  text (digits aside) recurs at the same height on at least three pages and on at
  least half of them. A line at the same place on two pages out of two is not enough
  evidence: it is as likely to be the text itself;
* a line *printed in the margin*, of a size other than the body text's, in the top or
  bottom band above or below the body text of its page, reaching out of the text block
  sideways: what a browser prints around a page ("12/2/26, 8:33 AM", the address and
  "1/2"), even on a document of one or two pages.

**Joining.** A line continues the one before (on the same page, or the last line of the
page before) unless one of these says a paragraph ends:

* the next line starts with a numbering label ("一、", "（一）", "1.", "(1)", "I.",
  "第三条", "Article 3") or a bullet -- a new provision never continues a sentence;
* the font size changes (a title, a footnote);
* on the same page, the vertical gap is larger than the document's usual line pitch
  for that size (paragraphs set apart by space);
* the next line is indented from the text block's left edge (Chinese official
  documents indent each paragraph's first line by two characters), unless it is
  centred under a line as far from both edges (a title wrapped over two lines). A
  line starting where other lines start, right of the edge, is indented, not centred;
* the line did not reach the right edge: the first word of the next line (its first
  character in Chinese) would have fitted in the room left on it, so the break was
  the author's, not the typesetter's. Chinese gets one more character of slack,
  because a typesetter pulls a character down to keep punctuation off a line's start.
  For two centred lines the room is what is left on both sides of the first.

The text block is measured on the body text (the lines in the size most of the text is
set in, so that a title or a footnote does not widen it): its left edge is where the
leftmost line starts, its right edge where the rightmost line ends. When fewer than three lines come near that right edge there is no
evidence of wrapping at all (a page of short lines), and the edge is taken to mirror
the left margin instead.

Joined lines meet without a space when either side is Chinese (CJK characters or
full-width punctuation) or the line ends with a dash or slash, and with one space
otherwise. A line ending in a hyphen after a letter, followed by a lower-case letter,
is a word the typesetter hyphenated ("strength-" + "ening") unless the hyphen is real
("ultra-" + "low"), judged in this order: the hyphenated form occurs elsewhere in the
document (keep the hyphen), the solid form does (drop it), the first part is one of the
:data:`COMPOUND_HEADS` that English policy text builds hyphenated compounds with
("ultra", "low", "high", "self", "non" ...; keep), otherwise it was hyphenation (drop).
A hyphen before a capital or a digit ("COVID-" + "19") is always kept.

**Tables.** A ruled table's rows arrive read cell by cell (:mod:`.extract_pdf`), each
line a ``row``: a paragraph of its own, never joined to another. A row is a running
header only where it recurs word for word (figures included: the rows of a table may
differ in nothing else), the header a long table repeats at the head of its pages (on
three pages and half of them at least, as any running header); where it is first printed
it is kept, wherever on its page. (A second table under the same header that opens at
the head of a page has that header reported as furniture: a row cut by a page break is
not read as the table's, so a page ending in a table cannot be told from one ending in
text.) Rows take no part in measuring the text block: a table may reach past the margins
of the text.

Not handled: several columns on a page (their lines are read across), and mirrored
odd/even page margins (one text block is assumed for the whole document).
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from policydiff.ingest.body import SIGNATURE_DATE
from policydiff.ingest.extract import is_cjk
from policydiff.structure.numbering import match_label
from policydiff.structure.parse import ATTACHMENT

__all__ = [
    "COMPOUND_HEADS",
    "EDGE_BAND",
    "Layout",
    "Line",
    "Page",
    "find_furniture",
    "glue",
    "lay_out",
    "starts_new_item",
]

# The share of the page height, at the top and at the bottom, where page numbers live.
EDGE_BAND = 0.12
# First parts of the hyphenated compounds English policy texts use ("ultra-low",
# "high-quality", "self-sufficient"): a break after them keeps the hyphen. Words that
# are also the first syllables of common words are left out: "eco-" (ecological),
# "co-" (coordinate), "mid-" (middle), "state-" (statement).
COMPOUND_HEADS = frozenset(
    {
        "all", "anti", "carbon", "cost", "cross", "energy", "full", "high", "large", "long",
        "low", "medium", "multi", "near", "non", "people", "quasi", "self", "semi", "short",
        "small", "ultra", "water", "well", "world", "zero",
    }
)  # fmt: skip


@dataclass(frozen=True)
class Line:
    """One printed line; coordinates in points, ``top`` measured down from the page top.

    ``lead`` is the width of the line's first word (its first character when that is
    Chinese): what would have had to fit at the end of the line before. A ``row`` is a
    table's row (or a cell's paragraph), already whole: it neither continues a line
    nor is continued.
    """

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    lead: float
    row: bool = False


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    lines: tuple[Line, ...]  # top to bottom


@dataclass(frozen=True)
class Layout:
    """The paragraphs of a document, and the furniture dropped ("page 3: — 3 —")."""

    paragraphs: tuple[str, ...]
    furniture: tuple[str, ...]


# --------------------------------------------------------------------------- furniture

_PAGE_NUMBER = re.compile(
    r"[-—–－~·\s]*\d{1,4}[-—–－~·\s]*"
    r"|第\s*\d{1,4}\s*页(?:\s*[,，、/]?\s*共\s*\d{1,4}\s*页)?"
    r"|共\s*\d{1,4}\s*页\s*[,，、/]?\s*第\s*\d{1,4}\s*页"
    r"|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?"
    r"|\d{1,4}\s*/\s*\d{1,4}",
    re.IGNORECASE,
)
_RUNNING_MIN_PAGES = 3
_SAME_HEIGHT = 2.0  # points: a running header is printed at the same height on each page


def _in_edge_band(page: Page, line: Line) -> bool:
    return line.bottom <= page.height * EDGE_BAND or line.top >= page.height * (1 - EDGE_BAND)


def _is_page_number(page: Page, index: int) -> bool:
    lines = page.lines
    line = lines[index]
    if index not in (0, len(lines) - 1) or not _PAGE_NUMBER.fullmatch(line.text.strip()):
        return False
    if _in_edge_band(page, line):
        return True
    if len(lines) == 1:
        return False
    gap = lines[1].top - line.bottom if index == 0 else line.top - lines[index - 1].bottom
    return gap > 2 * (line.bottom - line.top)  # stands apart from the text


def _edge_indices(page: Page) -> list[int]:
    n = len(page.lines)
    return sorted({i for i in (0, 1, n - 2, n - 1) if 0 <= i < n})


def _running_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split()))


def _body(lines: Sequence[Line]) -> list[Line]:
    """The lines set in the size most of the text is set in: the body text."""
    weight: Counter[float] = Counter()
    for line in lines:
        weight[_size_key(line.size)] += len(line.text)
    if not weight:
        return []
    size = weight.most_common(1)[0][0]
    return [line for line in lines if abs(line.size - size) <= 0.15 * size]


def _in_margin(page: Page, line: Line, body: Sequence[Line], left: float, right: float) -> bool:
    """Whether ``line`` is printed in the page margin: in the edge band, beyond the body
    text of its page, and reaching out of the text block sideways."""
    if not body or not _in_edge_band(page, line):
        return False
    above = line.bottom <= min(b.top for b in body)
    below = line.top >= max(b.bottom for b in body)
    outside = line.x0 < left - line.size or line.x1 > right + line.size
    return (above or below) and outside


def _short_running(pages: Sequence[Page], same: list[tuple[int, int]], needed: int) -> bool:
    """Whether lines alike on every page of a document too short to show a running header
    on ``needed`` pages are one: word for word the same (附件1 and 附件2 are not), in the
    page's edge, in one size (a title on the first page set larger than the header
    repeating it is kept), neither numbered nor ending a sentence (a provision printed at
    the head of both pages is text)."""
    lines = [pages[p].lines[i] for p, i in same]
    text = lines[0].text
    return (
        len(pages) < needed
        and len({p for p, _ in same}) == len(pages)
        and all(line.text == text for line in lines)
        and not starts_new_item(text)
        and not re.search(r"[。；;！？!?.]$", text)
        and all(_in_edge_band(pages[p], pages[p].lines[i]) for p, i in same)
        and max(line.size for line in lines) - min(line.size for line in lines) <= 0.5
    )


def _header_repeats(
    pages: Sequence[Page],
    first: tuple[int, int],
    places: list[tuple[int, int, float]],
    furniture: set[tuple[int, int]],
) -> list[tuple[int, int]]:
    """Where the header row of a table, printed ``first`` where the table opens, is printed
    again above the rows a later page carries on with: a long table's repeated header, at
    the head of the page (nothing above it but the page's ``furniture``), the page before
    ending in the table's rows and rows following it (a second table that opens alike,
    below its own title, keeps its header)."""
    page, index = first
    lines = pages[page].lines
    if (index and lines[index - 1].row) or index + 1 >= len(lines) or not lines[index + 1].row:
        return []  # no table opens with this row
    repeats = []
    for p, i, _ in places:
        if p <= page:
            continue
        before = [line for k, line in enumerate(pages[p - 1].lines) if (p - 1, k) not in furniture]
        below = pages[p].lines[i + 1 : i + 2]
        if (
            before
            and before[-1].row  # the table ran to the foot of the page before
            and all((p, k) in furniture for k in range(i))  # nothing above but furniture
            and below
            and below[0].row
        ):
            repeats.append((p, i))
    return repeats


def find_furniture(pages: Sequence[Page]) -> set[tuple[int, int]]:
    """``(page index, line index)`` of every page number, running header or footer, and
    line printed in the margin."""
    found = {
        (p, i)
        for p, page in enumerate(pages)
        for i in range(len(page.lines))
        if _is_page_number(page, i)
    }
    by_text: dict[tuple[bool, str], list[tuple[int, int, float]]] = defaultdict(list)
    for p, page in enumerate(pages):
        for i in _edge_indices(page):
            if (p, i) not in found and len(page.lines) > 1:
                line = page.lines[i]
                # a table's rows may differ in their figures only (第5项 … 50万平方米): a
                # row recurs as the header a long table repeats on each page, word for word
                key = (True, line.text) if line.row else (False, _running_key(line.text))
                by_text[key].append((p, i, line.top))
    needed = max(_RUNNING_MIN_PAGES, (len(pages) + 1) // 2)
    # where a row is first printed, wherever on its page: a table's header where it opens
    first_row: dict[str, tuple[int, int]] = {}
    for p, page in enumerate(pages):
        for i, line in enumerate(page.lines):
            if line.row:
                first_row.setdefault(line.text, (p, i))
    for (row, text), places in by_text.items():
        height = statistics.median(top for _, _, top in places)
        same = [(p, i) for p, i, top in places if abs(top - height) <= _SAME_HEIGHT]
        pages_alike = len({p for p, _ in same})
        if pages_alike >= needed or (pages_alike >= 2 and _short_running(pages, same, needed)):
            # where the table opens, its header is part of the text: only its repeats go
            found.update(place for place in same if not row or place != first_row[text])
    # a table's header repeated below the page's furniture, once that is known
    for (row, text), places in by_text.items():
        if row:
            found.update(_header_repeats(pages, first_row[text], places, found))
    body = {id(line) for line in _body([line for page in pages for line in page.lines])}
    block = [line for page in pages for line in page.lines if id(line) in body]
    if block:
        left, right = min(line.x0 for line in block), max(line.x1 for line in block)
        for p, page in enumerate(pages):
            page_body = [line for line in page.lines if id(line) in body]
            for i, line in enumerate(page.lines):
                if id(line) not in body and _in_margin(page, line, page_body, left, right):
                    found.add((p, i))
    return found


# --------------------------------------------------------------------------- geometry


@dataclass(frozen=True)
class _Frame:
    """The text block and line pitches of a document."""

    left: float
    right: float
    pitch: dict[float, float]  # font size -> usual distance between line tops
    indents: tuple[float, ...] = ()  # where two or more lines start, right of ``left``

    def balanced(self, line: Line) -> bool:
        """As far from the left edge as from the right: centred, or filling the line."""
        gap_left, gap_right = line.x0 - self.left, self.right - line.x1
        tolerance = max(0.75 * line.size, 0.02 * (self.right - self.left))
        return abs(gap_left - gap_right) <= tolerance

    def centred(self, line: Line) -> bool:
        """Balanced and clear of the left edge -- and not where paragraphs start: an
        indented first line that happens to end as far from the right is no title."""
        return (
            self.balanced(line)
            and line.x0 - self.left > 0.25 * line.size
            and not any(abs(line.x0 - x) <= 1.0 for x in self.indents)
        )


def _size_key(size: float) -> float:
    return round(size * 2) / 2


def _frame(pages: Sequence[Page], kept: Sequence[Sequence[Line]]) -> _Frame:
    # a table's rows are whole already, and a table may reach past the text's margins
    lines = _body([line for page in kept for line in page if not line.row])
    if not lines:
        return _Frame(0.0, 0.0, {})
    starts = sorted(line.x0 for line in lines)
    left = starts[0]
    indents = tuple(x for x, y in itertools.pairwise(starts) if y - x <= 1.0 and x - left > 1.0)
    right = max(line.x1 for line in lines)
    near_right = sum(1 for line in lines if line.x1 >= right - 2 * line.size)
    if near_right < 3:  # no evidence of wrapping: assume margins as wide on both sides
        right = max(right, max(page.width for page in pages) - left)
    distances: dict[float, list[float]] = defaultdict(list)
    for page in kept:
        for above, below in itertools.pairwise(page):
            dy = below.top - above.top
            if _size_key(above.size) == _size_key(below.size) and 0 < dy < 3 * above.size:
                distances[_size_key(above.size)].append(dy)
    pitch = {size: statistics.median(values) for size, values in distances.items()}
    return _Frame(left, right, pitch, indents)


# --------------------------------------------------------------------------- joining

_NEW_ITEM = re.compile(
    r"第[一二三四五六七八九十百零〇两\d]{1,5}条|(?:Article|Chapter|Section)\s+[\dIVXLC]+\b"
    r"|[•●■◆▪◇○□►▶✓]"
)


def starts_new_item(text: str) -> bool:
    """True when ``text`` opens with a numbering label or a bullet."""
    return match_label(text) is not None or _NEW_ITEM.match(text) is not None


def _continues(before: Line, after: Line, same_page: bool, frame: _Frame) -> bool:
    """Whether ``after`` carries on the paragraph ``before`` belongs to (see the module doc)."""
    if not after.text or starts_new_item(after.text) or before.row or after.row:
        return False
    if SIGNATURE_DATE.match(before.text) or ATTACHMENT.match(after.text):
        return False  # a signature's date closes the text, whatever follows; 附件 opens one
    if abs(before.size - after.size) > 0.15 * max(before.size, after.size):
        return False
    if same_page:
        dy = after.top - before.top
        pitch = frame.pitch.get(_size_key(before.size))
        if dy <= 0 or (pitch is not None and dy > 1.3 * pitch + 0.5):
            return False
    if frame.balanced(before) and frame.centred(after):
        room = (before.x0 - frame.left) + (frame.right - before.x1)
    else:
        if after.x0 - frame.left > 0.8 * after.size:
            return False
        room = frame.right - before.x1
    chinese = is_cjk(before.text[-1:]) or is_cjk(after.text[:1])
    return room < after.lead + (after.size if chinese else 0.3 * after.size)


_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_HYPHENATED_END = re.compile(r"([A-Za-z]+)-$")


def _vocabulary(lines: Sequence[str]) -> frozenset[str]:
    return frozenset(word.lower() for text in lines for word in _WORD.findall(text))


def _keeps_hyphen(head: str, tail: str, vocabulary: frozenset[str]) -> bool:
    """Whether "``head``-" at a line end and "``tail``" after it form a real compound."""
    if f"{head}-{tail}".lower() in vocabulary:
        return True
    if f"{head}{tail}".lower() in vocabulary:
        return False
    return head.lower() in COMPOUND_HEADS


def glue(before: str, after: str, vocabulary: frozenset[str] = frozenset()) -> str:
    """Join two pieces of one paragraph that a line break separated."""
    if not before or not after:
        return before + after
    hyphen = _HYPHENATED_END.search(before)
    if hyphen and after[0].isascii() and after[0].isalnum():
        tail = re.match(r"[a-z]+", after)
        if tail and not _keeps_hyphen(hyphen.group(1), tail.group(0), vocabulary):
            return before[:-1] + after
        return before + after
    if before[-1] in "—–-/" and not before[-2:-1].isspace():
        return before + after
    if is_cjk(before[-1]) or is_cjk(after[0]):
        return before + after
    return f"{before} {after}"


def lay_out(pages: Sequence[Page]) -> Layout:
    """The paragraphs of ``pages`` in reading order and the furniture left out of them."""
    furniture = find_furniture(pages)
    kept = [
        [line for i, line in enumerate(page.lines) if (p, i) not in furniture and line.text]
        for p, page in enumerate(pages)
    ]
    frame = _frame(pages, kept)
    paragraphs: list[list[str]] = []
    previous: tuple[int, Line] | None = None
    for p, lines in enumerate(kept):
        for line in lines:
            if previous and _continues(previous[1], line, previous[0] == p, frame):
                paragraphs[-1].append(line.text)
            else:
                paragraphs.append([line.text])
            previous = (p, line)
    vocabulary = _vocabulary([line for paragraph in paragraphs for line in paragraph])
    texts = []
    for pieces in paragraphs:
        text = pieces[0]
        for piece in pieces[1:]:
            text = glue(text, piece, vocabulary)
        texts.append(text)
    dropped = tuple(
        f"page {p + 1}: {page.lines[i].text}"
        for p, page in enumerate(pages)
        for i in range(len(page.lines))
        if (p, i) in furniture
    )
    return Layout(tuple(texts), dropped)
