"""Text out of a PDF's text layer, read with its layout (pdfplumber).

pdfplumber (on pdfminer.six) gives every line with its position, font size and
characters, which is what :mod:`policydiff.ingest.pdf_layout` needs to tell a line
broken by the typesetter from a paragraph's end and page furniture from the text.
Bad input raises :class:`~policydiff.errors.InputError` naming the file, never a
library traceback.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import logging
import re
import statistics
import unicodedata
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from policydiff.errors import InputError
from policydiff.ingest.extract import data_row, is_cjk, normalize_text, short_message
from policydiff.ingest.issuers import BODY
from policydiff.ingest.pdf_layout import Line, Page, glue, lay_out, starts_new_item

NO_TEXT_LAYER = "PDF has no text layer (scanned image?)"
NEEDS_PASSWORD = "encrypted PDF (needs a password)"
TWO_COLUMNS = (
    "PDF laid out in two columns (pages {pages}): its lines would be read across the columns, "
    "mixing sentences; save it as text in one column and ingest that"
)


@dataclass(frozen=True)
class PdfText:
    """The clean text of a PDF, one paragraph per line, and the page furniture left out."""

    text: str
    furniture: tuple[str, ...] = ()


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """Keep pdfminer's warnings about sloppy-but-readable PDFs off the user's terminal."""
    loggers = [logging.getLogger(name) for name in ("pdfminer", "pdfplumber")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL + 10)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


# Fonts that draw a radical and an ideograph with one glyph (Noto CJK, Source Han) often
# map it, in the PDF's ToUnicode table, to the radical: "绿⾊" (U+2F8A KANGXI RADICAL
# COLOR) for 绿色, "意⻅" (U+2EC5) for 意见. Such text looks right and matches nothing.
# Kangxi radicals decompose to their ideographs under NFKC; the CJK Radicals
# Supplement's equivalents are those of Unicode's EquivalentUnifiedIdeograph.txt.
_SUPPLEMENT = (
    "⺁⺂⺃⺄⺅⺆⺇⺈⺉⺊⺋⺌⺍⺎⺏⺐⺑⺒⺓⺔⺕⺖⺗⺘⺙⺛⺜⺝⺞⺟⺠⺡⺢⺣⺤⺥⺦⺧⺨⺩"
    "⺪⺫⺬⺭⺮⺯⺰⺱⺲⺳⺴⺵⺶⺷⺸⺹⺺⺻⺼⺽⺾⺿⻀⻁⻂⻃⻄⻅⻆⻇⻈⻉⻊⻋⻌⻍⻎⻏⻐⻑"
    "⻒⻓⻔⻕⻖⻗⻘⻙⻚⻛⻜⻝⻞⻟⻠⻡⻢⻣⻤⻥⻦⻧⻨⻩⻪⻫⻬⻭⻮⻯⻰⻱⻲⻳"
)
_EQUIVALENT = (
    "厂乛乚乙亻冂𠘨刀刂卜㔾小小兀尣尢𡯂巳幺彑彐忄心扌攵旡日月歺母民氵氺灬爫爫丬牛犭王"
    "𤴔目示礻𥫗糹纟罓罒㓁冗𦉫羊𦍌𦍋耂肀聿肉𦥑艹艹艹虎衤覀西见角𧢲讠贝𧾷车辶辶辶邑钅長"
    "镸长门𨸏阝雨青韦页风飞食𩙿飠饣𩠐马骨鬼鱼鸟卤麦黄黾斉齐歯齿竜龙龜亀龟"
)
# Three Kangxi radicals decompose to a traditional variant that a simplified font draws
# alike: in a mainland document's PDF, ⼾ of 用⼾ is 户 (NFKC gives 戶), ⾭ is 青, ⿈ is 黄;
# a search for 用户 must find it.
_SIMPLIFIED = {0x2F3E: "户", 0x2FAD: "青", 0x2FC8: "黄"}
_RADICALS: dict[int, str] = {
    **{code: unicodedata.normalize("NFKC", chr(code)) for code in range(0x2F00, 0x2FD6)},
    **{
        ord(radical): ideograph for radical, ideograph in zip(_SUPPLEMENT, _EQUIVALENT, strict=True)
    },
    **_SIMPLIFIED,
}


# A Chinese font may draw ／ (万人／平方公里) with the glyph its text layer names ∕, the
# division slash
_DIVISION_SLASH = re.compile(r"(?<=[\u4e00-\u9fff])\u2215|\u2215(?=[\u4e00-\u9fff])")


def _printed_text(raw: str) -> str:
    """A printed line's text: spaces as the text means them, each character as written."""
    text = _close_cjk_gaps(" ".join(raw.split())).translate(_RADICALS)
    return _DIVISION_SLASH.sub("／", text)


# Spaces pdfplumber infers from the gaps of letter-spaced Chinese ("通  知", justified
# lines): Chinese puts no space between its characters.
_GAP = re.compile(r"(\S+) +(?=(\S))")
# a space the text means between Chinese words: after a whole issuing body, before another
# (住房和城乡建设部 国家发展改革委, a joint document's issuers side by side)
_BODY_START = re.compile(BODY.pattern.rstrip("$") + r"(?=$|\s|、|关于|文件|印发)")
_SHORTEST_BODY = 4


def _close_cjk_gaps(text: str) -> str:
    """The line without the spaces a letter-spaced title or justified line puts between
    Chinese characters, keeping those between two issuing bodies."""

    def close(m: re.Match[str]) -> str:
        before, after = m.group(1), text[m.end() :]
        if not (is_cjk(before[-1]) and is_cjk(m.group(2))):
            return m.group(0)
        issuers = (
            len(before) >= _SHORTEST_BODY
            and BODY.match(before) is not None
            and _BODY_START.match(after) is not None
        )
        return m.group(0) if issuers else before

    return _GAP.sub(close, text)


def _first_word_length(text: str) -> int:
    """Characters in the first word; a Chinese character is a word of its own."""
    if is_cjk(text[0]):
        return 1
    length = 0
    while length < len(text) and not text[length].isspace() and not is_cjk(text[length]):
        length += 1
    return length


def _line(record: dict[str, Any]) -> Line | None:
    text = _printed_text(str(record["text"]))
    chars = [c for c in record.get("chars", ()) if str(c.get("text", "")).strip()]
    if not text or not chars:
        return None
    last = chars[min(_first_word_length(text), len(chars)) - 1]
    return Line(
        text=text,
        x0=float(record["x0"]),
        x1=float(record["x1"]),
        top=float(record["top"]),
        bottom=float(record["bottom"]),
        size=float(statistics.median(float(c.get("size", 0.0)) for c in chars)),
        lead=max(0.0, float(last["x1"]) - float(chars[0]["x0"])),
    )


def _page(page: Any) -> Page:
    page = whole = page.dedupe_chars()  # fake bold: the same character printed twice, shifted
    tables = [t for t in page.find_tables() if len(t.rows) >= 2 and len(t.columns) >= 2]
    if tables:
        page = page.filter(lambda obj: not any(_inside(obj, t.bbox) for t in tables))
    records = page.extract_text_lines(strip=True, return_chars=True)
    lines = [line for record in records if (line := _line(record)) is not None]
    lines += [line for table in tables for line in _table_lines(whole, table)]
    lines.sort(key=lambda line: (line.top, line.x0))
    return Page(float(page.width), float(page.height), tuple(lines))


def _inside(obj: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = box
    middle_x = (float(obj.get("x0", 0.0)) + float(obj.get("x1", 0.0))) / 2
    middle_y = (float(obj.get("top", 0.0)) + float(obj.get("bottom", 0.0))) / 2
    return x0 <= middle_x <= x1 and top <= middle_y <= bottom


def _cell_paragraphs(text: str | None) -> list[str]:
    """A cell's paragraphs: its printed lines joined, a new one where a line opens with a
    numbering label or a bullet (a cell's width says nothing of where its author broke it)."""
    paragraphs: list[str] = []
    for raw in (text or "").split("\n"):
        line = _printed_text(raw)
        if not line:
            continue
        if paragraphs and not starts_new_item(line):
            paragraphs[-1] = glue(paragraphs[-1], line)
        else:
            paragraphs.append(line)
    return paragraphs


def _table_lines(page: Any, table: Any) -> list[Line]:
    """A ruled table read row by row, each cell's wrapped lines joined: read line by line
    across the page, a task's words would be spliced with those of the cell beside it
    (推进…节能改造 / 省住房城乡建设厅). A row of data is one line, its cells apart by spaces,
    as a web page's or a Word file's is (:func:`~policydiff.ingest.extract.data_row`);
    any other row gives each cell's paragraphs in turn. Each stands as a paragraph of its
    own (``Line.row``)."""
    x0, _, x1, _ = table.bbox
    in_table = [c for c in _text_chars(page) if _inside(c, table.bbox)]
    lines = []
    for row, cells in zip(table.rows, table.extract(), strict=True):
        in_cells = [_cell_paragraphs(cell) for cell in cells]
        paragraphs = [p for cell in in_cells for p in cell]
        if not paragraphs:
            continue
        chars = [c for c in in_table if _inside(c, row.bbox)]
        size = statistics.median(float(c.get("size", 0.0)) for c in chars) if chars else 0.0
        texts = [" ".join(paragraphs)] if data_row(in_cells) else paragraphs
        top, bottom = float(row.bbox[1]), float(row.bbox[3])
        for k, text in enumerate(texts):
            # each paragraph of a row just below the one before: the order the page gives
            at = top + k * (bottom - top) / (len(texts) + 1)
            lines.append(Line(text, float(x0), float(x1), at, bottom, size, 0.0, row=True))
    return lines


# A page is set in two columns when, of its rows of text, at least COLUMN_ROWS hold text
# on both sides of one vertical gap in the middle of the page that at most GUTTER_ROWS
# cross (a title or a footer spanning both), each side a run of prose, not a table's cell.
COLUMN_ROWS = 0.5
GUTTER_ROWS = 0.1
COLUMN_TEXT = 8  # characters a side holds in a row, at the median, for prose
MIN_CHARS = 200  # below this a page says too little to tell


def _text_chars(page: Any) -> list[Any]:
    return [c for c in page.chars if str(c.get("text", "")).strip()]


def _gutter(rows: dict[int, list[tuple[float, float]]], width: float) -> float | None:
    """Where, in the middle of the page, a gap between columns runs down it: the middle of
    the widest run of points that at most :data:`GUTTER_ROWS` of the ``rows`` (each the
    spans of its characters) print over; None where there is none."""
    start, stop = int(0.3 * width), int(0.7 * width)
    crossed = [0] * (stop - start)  # rows that print over each point of the middle band
    for spans in rows.values():
        covered: set[int] = set()
        for x0, x1 in spans:
            covered.update(range(max(int(x0), start), min(int(x1) + 1, stop)))
        for x in covered:
            crossed[x - start] += 1
    if not crossed or min(crossed) > GUTTER_ROWS * len(rows):
        return None
    low, widest, first, at = min(crossed), 0, 0, 0
    for is_low, run in itertools.groupby(crossed, key=lambda v: v == low):
        width_of_run = len(list(run))
        if is_low and width_of_run > widest:
            widest, first = width_of_run, at
        at += width_of_run
    return start + first + widest / 2


def _ruled(page: Any, x: float) -> bool:
    """Whether a table's rule runs down the page near ``x``, drawn whole or cell by cell
    (重点任务 | 责任单位 of an annex)."""
    drawn = sum(
        float(e["bottom"]) - float(e["top"])
        for e in page.edges
        if e.get("orientation") == "v" and abs(float(e["x0"]) - x) <= 0.1 * float(page.width)
    )
    return drawn >= 0.2 * float(page.height)


def _two_columns(page: Any) -> bool:
    chars = _text_chars(page)
    if len(chars) < MIN_CHARS:
        return False
    rows: dict[int, list[tuple[float, float]]] = {}
    for c in chars:
        rows.setdefault(round(float(c["top"])), []).append((float(c["x0"]), float(c["x1"])))
    gutter = _gutter(rows, float(page.width))
    if gutter is None or _ruled(page, gutter):
        return False
    both = [
        (left, right)
        for spans in rows.values()
        if not any(x0 < gutter < x1 for x0, x1 in spans)
        and (left := sum(1 for _, x1 in spans if x1 <= gutter))
        and (right := sum(1 for x0, _ in spans if x0 >= gutter))
    ]
    return (
        len(both) >= COLUMN_ROWS * len(rows)
        and statistics.median(left for left, _ in both) >= COLUMN_TEXT
        and statistics.median(right for _, right in both) >= COLUMN_TEXT
    )


def _pages_of_text(pages: Any) -> int:
    """The pages that hold enough text to tell columns by (:data:`MIN_CHARS`)."""
    return sum(1 for page in pages if len(_text_chars(page)) >= MIN_CHARS)


def _pages(data: bytes, path: str) -> list[Page]:
    import pdfplumber  # imported here: only PDFs pay for it
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    with _quiet():
        try:
            with pdfplumber.open(io.BytesIO(data), password="") as pdf:
                columns = [n + 1 for n, page in enumerate(pdf.pages) if _two_columns(page)]
                # a document in columns is so on most of its pages, not on an annex's
                if columns and 2 * len(columns) >= _pages_of_text(pdf.pages):
                    shown = ", ".join(map(str, columns[:5])) + (" …" if len(columns) > 5 else "")
                    raise InputError(path, TWO_COLUMNS.format(pages=shown))
                return [_page(page) for page in pdf.pages]
        except InputError:
            raise
        except Exception as exc:  # pdfminer raises many types on damaged files
            cause: BaseException = exc
            if exc.args and isinstance(exc.args[0], BaseException):  # pdfplumber wraps
                cause = exc.args[0]
            if isinstance(cause, PDFPasswordIncorrect):
                raise InputError(path, NEEDS_PASSWORD) from None
            if isinstance(cause, PDFEncryptionError):
                message = f"encrypted PDF that cannot be opened ({short_message(cause)})"
                raise InputError(path, message) from None
            raise InputError(path, f"corrupt PDF: {short_message(cause)}") from None


def read_pdf(data: bytes, path: str) -> PdfText:
    """The text layer of a PDF, its layout line breaks undone (see :mod:`.pdf_layout`).

    An encrypted PDF is opened with the empty password if it allows that. A PDF
    with (almost) no extractable text -- a scan -- is refused, since guessing at
    its content would not be evidence.
    """
    pages = _pages(data, path)
    layout = lay_out(pages)
    text = normalize_text("\n".join(layout.paragraphs))
    visible = sum(1 for ch in text if not ch.isspace())
    if visible < min(20, 3 * max(len(pages), 1)):
        raise InputError(path, NO_TEXT_LAYER)
    return PdfText(text, layout.furniture)


def pdf_to_text(data: bytes, path: str) -> str:
    """The text of a PDF, one paragraph per line (:func:`read_pdf` without the furniture)."""
    return read_pdf(data, path).text
