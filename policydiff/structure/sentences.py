"""Split text into sentences, as half-open character spans.

Rules
-----
* A line break always ends a sentence.
* Spans never include leading or trailing whitespace; whitespace-only pieces are dropped.
* English (``lang != "zh"``): a sentence ends at ``.``, ``!`` or ``?`` (plus any closing
  quotes or brackets) followed by whitespace and then a capital letter, an opening quote or
  bracket, or a digit, or followed by the end of the line. Not after an abbreviation
  (``e.g.``, ``i.e.``, ``etc.``, ``No.``, ``Co.``, ``Ltd.``, ``U.S.``, ``Mr.``, ``Dr.``,
  ``vs.``, ``art.`` ...), not inside a decimal number (``3.5``), and not after a numbering
  label at the start of a line (``1.``, ``IV.``), which belongs to what follows it.
* Chinese (``lang == "zh"``): a sentence ends at ``。``, ``！`` or ``？`` (or runs of them),
  taking any closing quotes or brackets (``” ’ 」 』 ） 》 】``) with it. A sentence that
  would be longer than :data:`ZH_SEMICOLON_LIMIT` characters is further split after each
  full-width semicolon ``；`` inside it: official Chinese prose often chains a dozen clauses
  with ``；`` into a single "sentence", and such a unit is too coarse to compare.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["ABBREVIATIONS", "ZH_SEMICOLON_LIMIT", "cut_at_semicolon", "split_sentences"]

ZH_SEMICOLON_LIMIT = 150

ABBREVIATIONS = frozenset(
    {
        "e.g",
        "i.e",
        "etc",
        "no",
        "nos",
        "co",
        "ltd",
        "inc",
        "corp",
        "u.s",
        "u.k",
        "u.n",
        "p.r.c",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "vs",
        "art",
        "arts",
        "para",
        "paras",
        "sec",
        "fig",
        "vol",
        "pp",
        "p",
        "cf",
        "al",
        "approx",
        "st",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    }
)

_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_LINE_RE = re.compile("[^" + _LINE_BREAKS + "]+")
_BREAK_RE = re.compile("[" + _LINE_BREAKS + "]")
_CLOSERS = "\"'”’」』）)】》]"
_OPENERS = "\"'“‘「『（(【《["
# "[.!?][.!?]*" rather than "[.!?]+": the same matches, but an expression that opens on a
# character class (not on a repeat) lets the regular expression engine skip to the next
# such character in C
_EN_END_RE = re.compile(r"[.!?][.!?]*[" + re.escape(_CLOSERS) + r"]*")
_ZH_END_RE = re.compile(r"[。！？!?][。！？!?]*[" + re.escape(_CLOSERS) + r"]*")
_ZH_SEMICOLON_RE = re.compile(r"；[" + re.escape(_CLOSERS) + r"]*")
_LABEL_BEFORE_RE = re.compile(r"^\s*[(（]?(?:\d{1,3}|[IVXLCDMivxlcdm]{1,7}|[A-Za-z])$")
_INITIALS_RE = re.compile(r"(?:[a-z]\.)+[a-z]")


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    piece = text[start:end]
    kept = piece.strip()  # the same white space as str.isspace
    if not kept:
        return None
    start += len(piece) - len(piece.lstrip())
    return (start, start + len(kept))


# A sentence end, and (looked at, not taken) the white space after it and the first
# character past that ("" at the end of the line): one match per candidate end.
_EN_END_AHEAD_RE = re.compile(_EN_END_RE.pattern + r"(?=(\s*)(\S?))")
_WORD_RUN_RE = re.compile(r"[A-Za-z.]*")


def _en_breaks(line: str) -> list[int]:
    """Local offsets (in ``line``) just after each English sentence end.

    Each test looks at the characters next to the candidate end only: slicing the line
    before or after it, once per full stop, made a long paragraph cost its length squared.
    """
    breaks: list[int] = []
    backwards = ""  # the line reversed, made when first needed
    for m in _EN_END_AHEAD_RE.finditer(line):
        gap, nxt = m.group(1, 2)
        if nxt:
            if not gap:
                continue  # "3.5", "U.S.A", "e.g.," ...
            if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS or _is_cjk(nxt)):
                continue
        start = m.start()
        if line[start] == "." and m.group().rstrip(_CLOSERS) == ".":
            if _LABEL_BEFORE_RE.match(line, 0, start):
                continue  # "1." / "IV." at the start of a line belongs to the label
            # the letters-and-dots word before the full stop, from its first letter
            if not backwards:
                backwards = line[::-1]
            at = len(line) - start
            run_match = _WORD_RUN_RE.match(backwards, at)
            assert run_match is not None  # "*": it matches, if only the empty string
            run = run_match.end() - at
            word = line[start - run : start].lstrip(".")
            if word:
                word = word.lower()
                if word in ABBREVIATIONS or _INITIALS_RE.fullmatch(word):
                    continue  # "etc.", "No.", "U.S."
        breaks.append(m.end())
    return breaks


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _zh_breaks(line: str) -> list[int]:
    """Local offsets (in ``line``) just after each Chinese sentence end (see module doc)."""
    ends = [m.end() for m in _ZH_END_RE.finditer(line)]
    if not ends or ends[-1] != len(line):
        ends.append(len(line))
    breaks: list[int] = []
    prev = 0
    for end in ends:
        if len(line[prev:end].strip()) > ZH_SEMICOLON_LIMIT:
            for m in _ZH_SEMICOLON_RE.finditer(line[prev:end]):
                if prev + m.end() < end:
                    breaks.append(prev + m.end())
        breaks.append(end)
        prev = end
    return breaks


def cut_at_semicolon(text: str, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Whether two consecutive sentence spans of ``text`` are pieces of one Chinese sentence
    that :func:`split_sentences` cut after a ``；`` (the sentence being longer than
    :data:`ZH_SEMICOLON_LIMIT`): the first ends on the ``；``, and no line break (which
    always ends a sentence) comes between them."""
    piece = text[first[0] : first[1]]
    return piece.rstrip(_CLOSERS).endswith("；") and "\n" not in text[first[1] : second[0]]


def split_sentences(text: str, lang: str, offset: int = 0) -> list[tuple[int, int]]:
    """Half-open spans ``(offset + start, offset + end)`` of the sentences of ``text``.

    >>> split_sentences("We act. It works.", "en")
    [(0, 7), (8, 17)]
    """
    spans: list[tuple[int, int]] = []
    zh = lang.lower().startswith("zh")
    # a text without a line break (one line, as the parser passes) is its own one line
    if text and _BREAK_RE.search(text) is None:
        lines: Iterable[tuple[str, int]] = ((text, 0),)
    else:
        lines = ((m.group(), m.start()) for m in _LINE_RE.finditer(text))
    for line, base in lines:
        breaks = _zh_breaks(line) if zh else _en_breaks(line)
        prev = 0
        for end in [*breaks, len(line)]:
            if end <= prev:
                continue
            span = _trimmed(line, prev, end)
            if span is not None:
                spans.append((offset + base + span[0], offset + base + span[1]))
            prev = end
    return spans
