"""Text out of HTML, and the one normalisation every format goes through.

Everything here is pure: a string in, clean text out. The .docx and PDF readers,
which build on it, are :mod:`policydiff.ingest.extract_docx` and
:mod:`policydiff.ingest.extract_pdf`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from policydiff.structure.numbering import match_label

# --------------------------------------------------------------------------- normalisation

# Line separators other than "\n" that editors, PDFs and Word leave behind.
_LINE_BREAKS = re.compile(r"\r\n|[\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
# Characters that carry nothing: zero-width space, word joiner, BOM / ZWNBSP, soft hyphen.
# And the bidirectional controls (U+202A-U+202E, U+2066-U+2069, U+200E/F, U+061C), which
# make a line display in another order than it reads: no policy text needs them.
_INVISIBLE = dict.fromkeys(
    map(
        ord,
        "\u200b\u2060\ufeff\u00ad\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c",
    )
)
# Horizontal space: ASCII space and tab, and every Unicode space separator
# (no-break space, U+3000 ideographic space, en/em/thin spaces, ...).
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")


# C0/C1 controls other than "\n" and "\t", and lone surrogates.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def normalize_text(text: str) -> str:
    """Clean text the same way for every format.

    Line breaks become ``"\\n"``; the BOM, zero-width characters and control
    characters other than ``"\\n"``/``"\\t"`` are removed; each run of spaces, tabs
    and other space separators (U+3000 included) becomes one ASCII space; every
    line is stripped. Full-width letters and punctuation are kept as they are
    (no NFKC). Blank lines are kept, except at the very start and end.
    """
    text = _LINE_BREAKS.sub("\n", text).translate(_INVISIBLE)
    text = _CONTROLS.sub("", text)
    lines = [_SPACES.sub(" ", line).strip(" ") for line in text.split("\n")]
    return "\n".join(lines).strip("\n")


# Chinese and Japanese characters and full-width punctuation: text in which lines and
# words meet without a space.
_CJK = re.compile(
    "[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u31c0-\u31ef\u3200-\u33ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003134f]"
)


def is_cjk(ch: str) -> bool:
    """True for a Chinese or Japanese character or a full-width punctuation mark."""
    return bool(ch) and _CJK.match(ch) is not None


# --------------------------------------------------------------------------- HTML

# Never text: code, styling, metadata and embedded objects.
_HIDDEN = frozenset(
    {"script", "style", "noscript", "template", "svg", "head", "title", "iframe", "object"}
)
# Site chrome: menus, banners, footers, side bars -- of the page. Inside an <article> a
# header, a footer or a side bar is the article's own (its title and number, its
# signature, a note) and is read, a side bar only where it holds a sentence, a clause or
# a note (one of related links holds none); a <nav> is always the site's. <main> is no
# article: pages put their menus and footer in it.
_CHROME = frozenset({"nav", "header", "footer", "aside"})
_ARTICLES_OWN = frozenset({"header", "footer", "aside"})
_CONTENT = frozenset({"article"})
# what makes a side bar the article's: a sentence or a clause, or a line opening on a
# note's label (注：单位为万平方米, 数据来源：…, Note: …); a related-links bar has none
_SENTENCE_IN = re.compile(
    r"[。；！？，]|[.;!?](?:\s|$)"
    r"|(?:^|\n)\s*(?:\*\s*)?(?:注|备注|说明|数据来源|资料来源|来源|notes?|source)\s*\d*\s*[:：]",
    re.IGNORECASE,
)
_BLOCKS = frozenset(
    {
        "address", "article", "blockquote", "body", "caption", "center", "dd", "details",
        "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "legend", "li", "main",
        "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead",
        "tr", "ul",
    }
)  # fmt: skip
_CELLS = frozenset({"td", "th"})
# A table row of data (序号 / 指标 / 单位 / 2025年, each cell a <p> as Word exports it) is read
# as one line, so that a figure stands beside its indicator, not alone where it reads as
# a page number: a row of ROW_LINE characters or fewer none of whose lines opens with a
# numbering label, and either none ends a sentence or a clause, or its cells are
# several and each one paragraph (1 / 完成城镇老旧小区改造。 / 万平方米 / 500), or one of them
# is a figure alone. Any other row (一、总体要求 / （一）加强组织领导；, a page laid out in a
# table) keeps its paragraphs: provisions.
ROW_LINE = 300
_CLAUSE_END = re.compile(r"[。．.；;！？!?]$")
_FIGURE = re.compile(r"^[\d.,，%％]+$")


def data_row(cells: list[list[str]]) -> bool:
    """Whether a table row, its cells each a list of paragraphs, is a row of data, to be
    read as one line: short, no line of it a provision's, and none a sentence's unless
    its cells are laid out as a row of data is."""
    filled = [[t for t in (line.strip() for line in cell) if t] for cell in cells]
    filled = [cell for cell in filled if cell]
    texts = [t for cell in filled for t in cell]
    if (
        not texts
        or sum(len(t) for t in texts) + len(texts) - 1 > ROW_LINE
        or any(match_label(t) for t in texts)
    ):
        return False
    if not any(_CLAUSE_END.search(t) or "。" in t for t in texts):
        return True
    return len(filled) >= 2 and (
        all(len(cell) == 1 for cell in filled)
        or any(len(cell) == 1 and _FIGURE.match(cell[0]) for cell in filled)
    )


_HARD_BREAK = "\r"  # marks <br> and newlines inside <pre> until the lines are assembled
_CELL_EDGE = "\x1f"  # marks where a table cell opens or closes until its row is read
_HTML_WHITESPACE = re.compile(r"[ \t\n\r\f\v]+")
_EDGE_BREAKS = re.compile(r"^[ \r]+|[ \r]+$")


class _TextParser(HTMLParser):
    def __init__(self, skipped: frozenset[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.skipped = skipped
        self.open_skipped: dict[str, int] = {}
        self.pre_depth = 0
        self.content_depth = 0  # open <article>s
        self.asides: list[int] = []  # where each open side bar of an article starts
        self.chrome: list[str] = []  # the text of the site chrome left out
        self.title: list[str] = []  # the page's <title>
        self.parts: list[str] = []
        # for each open <tr>: where its parts start, and whether it holds a table
        self.rows: list[list[int]] = []

    def _skipping(self) -> bool:
        return any(self.open_skipped.values())

    def _in_chrome_only(self) -> bool:
        """Whether what is skipped now is site chrome, not code or metadata."""
        return all(tag in _CHROME for tag, depth in self.open_skipped.items() if depth)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":  # a page that never closed its <head>
            self.open_skipped.pop("head", None)
        articles = tag in _ARTICLES_OWN and self.content_depth and not self._skipping()
        if articles and tag == "aside":
            self.asides.append(len(self.parts))
        if tag in self.skipped and not articles:
            self.open_skipped[tag] = self.open_skipped.get(tag, 0) + 1
        elif self._skipping():
            if (tag in _BLOCKS or tag == "br") and self._in_chrome_only():
                self.chrome.append("\n")
            return
        if tag in _CONTENT:
            self.content_depth += 1
        if tag == "tr":
            self.rows.append([len(self.parts), 0])
        elif tag == "table" and self.rows:
            self.rows[-1][1] = 1
        if tag == "br":
            self.parts.append(_HARD_BREAK)
        elif tag in _BLOCKS:
            self.parts.append("\n")
            if tag == "pre":
                self.pre_depth += 1
        elif tag in _CELLS:
            self.parts.append(_CELL_EDGE)

    def handle_endtag(self, tag: str) -> None:
        if self.open_skipped.get(tag):
            self.open_skipped[tag] -= 1
            if tag in _CHROME:
                self.chrome.append("\n")
            return
        if self._skipping():
            if tag in _BLOCKS and self._in_chrome_only():
                self.chrome.append("\n")
            return
        if tag in _CONTENT and self.content_depth:
            self.content_depth -= 1
        if tag == "aside" and self.asides:
            self._close_aside(self.asides.pop())
        if tag in _BLOCKS:
            self.parts.append("\n")
            if tag == "pre" and self.pre_depth:
                self.pre_depth -= 1
        elif tag in _CELLS:
            self.parts.append(_CELL_EDGE)
        if tag == "tr" and self.rows:
            self._close_row(*self.rows.pop())

    def _close_aside(self, start: int) -> None:
        """An article's side bar without a sentence (related links) is the site's."""
        text = "".join(self.parts[start:]).replace(_HARD_BREAK, "\n").replace(_CELL_EDGE, " ")
        if not _SENTENCE_IN.search(text):
            self.chrome.append(f"\n{text}\n")
            del self.parts[start:]

    def _close_row(self, start: int, nested: int) -> None:
        """A short row of data, its cells' paragraphs and breaks, made one line."""
        if nested or self.pre_depth:
            return
        row = "".join(self.parts[start:]).replace(_HARD_BREAK, "\n")
        cells = [cell.split("\n") for cell in row.split(_CELL_EDGE)]
        if data_row(cells):
            lines = row.replace(_CELL_EDGE, "\n").split("\n")
            self.parts[start:] = [
                "\n",
                " ".join(_HTML_WHITESPACE.sub(" ", x).strip() for x in lines if x.strip()),
                "\n",
            ]

    def handle_data(self, data: str) -> None:
        if self._skipping():
            if self._in_chrome_only():
                self.chrome.append(data)
            elif self.open_skipped.get("title"):
                self.title.append(data)
            return
        if self.pre_depth:
            self.parts.append(_LINE_BREAKS.sub("\n", data).replace("\n", _HARD_BREAK))
        else:
            self.parts.append(_HTML_WHITESPACE.sub(" ", data))

    def chrome_lines(self) -> tuple[str, ...]:
        lines = (
            _HTML_WHITESPACE.sub(" ", line).strip() for line in "".join(self.chrome).split("\n")
        )
        return tuple(normalize_text(line) for line in lines if line)

    def text(self) -> str:
        joined = "".join(self.parts).replace(_CELL_EDGE, " ")
        lines = (_EDGE_BREAKS.sub("", line) for line in joined.split("\n"))
        return "\n".join(line for line in lines if line.strip()).replace(_HARD_BREAK, "\n")


def _parse_html(html: str, skipped: frozenset[str]) -> _TextParser:
    parser = _TextParser(skipped)
    try:
        parser.feed(html)
        parser.close()
    except (AssertionError, ValueError, IndexError):  # pragma: no cover - defensive
        pass  # keep what was parsed before the parser gave up
    return parser


@dataclass(frozen=True)
class HtmlPage:
    text: str  # the readable text
    chrome: tuple[str, ...]  # the lines of site chrome left out, for the caller to report
    title: str  # the page's <title>, as written ("" when none)


def read_html(html: str) -> HtmlPage:
    """The readable text of an HTML page, one block element per line, the lines of site
    chrome left out of it and the page's title.

    Scripts, styles, ``<head>`` and other non-text elements are dropped, and so is
    the page's site chrome (``nav``; ``header``, ``footer`` and ``aside`` outside an
    ``<article>``, and an article's side bar of links) -- unless that would leave nothing,
    as on pages that never close a ``<header>``. Block elements and ``<br>`` start new lines, table cells
    are separated by a space, entities are unescaped, and the result goes through
    :func:`normalize_text`.
    """
    parser = _parse_html(html, _HIDDEN | _CHROME)
    text = normalize_text(parser.text())
    title = normalize_text(_HTML_WHITESPACE.sub(" ", "".join(parser.title)).strip())
    if text:
        return HtmlPage(text, parser.chrome_lines(), title)
    return HtmlPage(normalize_text(_parse_html(html, _HIDDEN).text()), (), title)


# --------------------------------------------------------------------------- errors


def short_message(exc: BaseException, limit: int = 80) -> str:
    """A one-line, bounded description of a library exception, for an InputError."""
    message = " ".join(str(exc).split()) or type(exc).__name__
    if message[1:2].islower():  # "Stream has ended" -> "stream has ended"; keep "EOF ..."
        message = message[0].lower() + message[1:]
    return message if len(message) <= limit else message[: limit - 3] + "..."
