"""Lines a source broke inside a sentence, joined again.

A text file hard-wrapped at a fixed width, a Word paragraph broken by soft line breaks
(Shift+Enter) or a page that puts each half of a sentence in a ``<p>`` of its own breaks
sentences, and words, in two: …完整、准确、全面贯彻新发 / 展理念，…; …people-centered
development / philosophy and …. Read line by line, each half became a sentence of its own,
and a theme term (新发展理念) or the evidence quoted for it was cut in two.

A break is joined only where it cannot end a paragraph:

* the line ends on a comma or an enumeration comma (，、,), or the next opens on one or
  on a full stop (、发展改革委…): a paragraph never does;
* an English line ends on a word or a comma and the next opens in lower case;
* the text is hard-wrapped (most of its long lines, as read, are within a few columns of
  its widest, which is at most :data:`MOST_WRAP_COLUMNS`) and the line as read, reaching
  that width, ends on no punctuation.

and never where the next line opens with a numbering label (（二）, 2., (a), ①, 第三条,
一是): an item starts there. Every character is kept; a space is put between English
words only, never inside Chinese text (下降1 / 0% is 下降10%).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from policydiff.ingest.clean import Line
from policydiff.ingest.extract import is_cjk
from policydiff.structure.numbering import match_label

# A text wrapped at a width is wrapped narrower than this (display columns, a Chinese
# character two); a file of whole paragraphs has lines far longer.
MOST_WRAP_COLUMNS = 100
# how far short of the widest line a wrapped line may stop: a wide character that does
# not fit, or an English word carried over
WRAP_SLACK = 4
# the share of the lines longer than half the widest that must be that wide for the
# text to be read as wrapped: lines of a sentence each spread over all lengths
WRAPPED_SHARE = 0.4
LEAST_WRAPPED_LINES = 3

_NO_PARAGRAPH_END = re.compile(r"[，、,]$")
_NO_PARAGRAPH_START = re.compile(r"[，、,。；;：:）)”’]")
# list items match_label does not read as provisions: (a) (i) a) ① 1） 第三条 一是
_ITEM_START = re.compile(
    r"[(（](?:[a-zA-Z]|[ivxlc]+)[)）]|[a-zA-Z][)）]|[\u2460-\u2473\u2776-\u277f]|\d{1,3}[)）]"
    r"|第[一二三四五六七八九十百零〇\d]+[条款项]|[一二三四五六七八九十]+是"
)
GLUE_CONTEXT = 12  # characters either side of a break that say which language it is in
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")  # Chinese characters
_ENGLISH_WORD_END = re.compile(r"[A-Za-z,]$")
_ENGLISH_LOWER_START = re.compile(r"[a-z]")
_PUNCTUATION_END = re.compile(r"[。．.；;！？!?：:，、,”\"’'）)》〉】\]]$")


@dataclass(frozen=True)
class Rewrap:
    lines: list[Line]
    joined: list[int]  # the numbers of the lines joined to the line before


def _columns(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap_width(lines: list[str]) -> int | None:
    """The width (display columns) a text was hard-wrapped at, or None when its lines are
    paragraphs or sentences of their own."""
    widths = [_columns(line) for line in lines if line.strip()]
    if not widths:
        return None
    widest = max(widths)
    if widest > MOST_WRAP_COLUMNS:
        return None
    long = [w for w in widths if w > widest / 2]
    wide = [w for w in long if w >= widest - WRAP_SLACK]
    if len(wide) >= LEAST_WRAPPED_LINES and len(wide) >= WRAPPED_SHARE * len(long):
        return widest
    return None


def _breaks_inside(read: str, following: str, width: int | None) -> bool:
    """Whether the break after ``read`` (a line as the source gave it) falls inside a
    sentence that goes on in ``following``."""
    following = following.strip()
    if not following or match_label(following) is not None or _ITEM_START.match(following):
        return False
    if _NO_PARAGRAPH_END.search(read) or _NO_PARAGRAPH_START.match(following):
        return True
    if _ENGLISH_WORD_END.search(read) and _ENGLISH_LOWER_START.match(following):
        return True
    return (
        width is not None
        and _columns(read) >= width - WRAP_SLACK
        and not _PUNCTUATION_END.search(read)
    )


def glued(before: str, after: str) -> str:
    """Two parts of one line: a space between English words, none in Chinese text (下降1 /
    0% is 下降10%) or next to a full-width mark (《…》, （2021-), judged by the words on
    either side of the break, not the whole line (an English line citing a Chinese title in
    brackets is English where it breaks)."""
    near = before[-GLUE_CONTEXT:] + after[:GLUE_CONTEXT]
    english = not _HAN.search(near) and not is_cjk(before[-1:]) and not is_cjk(after[:1])
    return before + (" " if english and not before.endswith("-") else "") + after


def rewrapped(lines: list[Line], width: int | None = None) -> Rewrap:
    """``lines``, as read, with each break inside a sentence joined (see the module's
    rules); ``width`` is the width the text was wrapped at (:func:`wrap_width`)."""
    out: list[Line] = []
    joined: list[int] = []
    previous = ""  # the last line as read: a joined line is as wide as two
    for line in lines:
        if out and _breaks_inside(previous, line.text, width):
            out[-1] = Line(out[-1].number, glued(out[-1].text, line.text.strip()))
            joined.append(line.number)
        else:
            out.append(line)
        previous = line.text
    return Rewrap(out, joined)


def rewrapped_note(joined: list[int]) -> str:
    """What a version's note says of the lines :func:`rewrapped` joined (numbered as the
    lines of the text read from the file)."""
    shown = ", ".join(map(str, joined[:8])) + (", …" if len(joined) > 8 else "")
    if len(joined) == 1:
        return f"a line break inside a sentence joined (line {shown} of the text read)"
    return f"{len(joined)} line breaks inside sentences joined (lines {shown} of the text read)"
