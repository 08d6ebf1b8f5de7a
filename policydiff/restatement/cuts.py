"""Where a sentence is cut into clauses: at ，；：(never at 、, which joins the items of one
object list), each piece trimmed of the spaces, brackets and quotes at its edges but those it
closes, and the pieces that only date or qualify the next (到2025年, 因地制宜) joined to it.
And how a cue that spans its clause's object is named (引导…规模化发展)."""

from __future__ import annotations

import re

from policydiff.strength import Lexicon, find_cues

_ZH_BREAK = re.compile(r"[，,；;：:。！？!?]")
# a break after which a clause opening on 以及 starts a list of its own
_LIST_END = re.compile(r"[；;：:]")
_EN_BREAK = re.compile(r";\s|[:!?]|\.(?=\s|$)|,\s+(?:and|but|while)\s")
_EDGE = " \t\u3000“”\"'（）()《》【】、"


def pieces(sentence: str, lang: str, lexicon: Lexicon | None = None) -> list[tuple[int, int]]:
    """The clauses of a sentence as spans, trimmed of the spaces, brackets and quotes at
    their edges but those the clause closes (严格执行《广东省绿色建筑条例》)."""
    spans, start = [], 0
    for at, end in _breaks(sentence, lang, lexicon):
        spans.append((start, at))
        start = end
    spans.append((start, len(sentence)))
    out = []
    for s, e in spans:
        while s < e:
            if numbered := _NUMBERED.match(sentence, s, e):  # an item's number: （1）, (一)
                s = numbered.end()
            elif sentence[s] in _EDGE and not _closed(sentence, s, e):
                s += 1
            else:
                break
        while e > s and sentence[e - 1] in _EDGE and not _opened(sentence, s, e - 1):
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _breaks(sentence: str, lang: str, lexicon: Lexicon | None) -> list[tuple[int, int]]:
    """Where a sentence breaks into clauses, as spans of the marks.  In English, a comma
    before a directive cue breaks too (…policy support, promote the large-scale development
    of…, vigorously promote…): an English series of tasks joins its verbs by commas, where
    a list of things joins nouns; not before a cue in -ing, which may name a thing of the
    list (green materials, building components)."""
    if lang == "zh":
        return [m.span() for m in _ZH_BREAK.finditer(sentence)]
    marks = {m.start(): m.end() for m in _EN_BREAK.finditer(sentence)}
    for cue in find_cues(sentence, lang, lexicon):
        comma = _COMMA_BEFORE.search(sentence, 0, cue.start)
        if comma is not None and not cue.text.split()[0].lower().endswith("ing"):
            marks.setdefault(comma.start(), comma.end())
    out: list[tuple[int, int]] = []
    for at in sorted(marks):
        if not out or at >= out[-1][1]:
            out.append((at, marks[at]))
    return out


_COMMA_BEFORE = re.compile(r",\s+$")
_NUMBERED = re.compile(r"[（(](?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})[）)]\s*")
_CLOSING = {"《": "》", "（": "）", "(": ")", "【": "】", "“": "”", '"': '"'}
_OPENING = {v: k for k, v in _CLOSING.items()}


def _closed(sentence: str, at: int, end: int) -> bool:
    """Whether the bracket at ``at`` opens one that closes before ``end``, other than an
    item's number (（1）): part of the clause."""
    closing = _CLOSING.get(sentence[at])
    return (
        closing is not None
        and closing in sentence[at + 1 : end]
        and not _NUMBERED.match(sentence, at, end)
    )


def _opened(sentence: str, start: int, at: int) -> bool:
    """Whether the bracket at ``at`` closes one opened since ``start`` (《广东省绿色建筑条例》):
    part of the clause, which would otherwise end on half a title."""
    opening = _OPENING.get(sentence[at])
    if opening is None:
        return False
    if opening == sentence[at]:  # a straight quote: open where an odd number stand before
        return sentence.count(opening, start, at) % 2 == 1
    return sentence.count(opening, start, at) > sentence.count(sentence[at], start, at)


def joined(
    sentence: str,
    spans: list[tuple[int, int]],
    year_only: re.Pattern[str],
    continuations: tuple[str, ...],
    lang: str,
    lexicon: Lexicon | None,
) -> list[tuple[int, int]]:
    """Year-only clauses (到2025年), hedge-only ones (因地制宜, 坚持因地制宜) and conditions
    closed by 的 (确需建设18层以上居住建筑的) joined to the clause after them, which they
    date, qualify or condition, and a clause that goes on with the list
    of the one before (``continuations``: …清洁低碳能源项目，以及LNG站…项目的支持力度)
    joined to that one."""
    out: list[tuple[int, int]] = []
    pending: int | None = None
    for s, e in spans:
        if (
            year_only.match(sentence[s:e])
            or _hedge_only(sentence[s:e], lang, lexicon)
            or (lang == "zh" and _condition(sentence, s, e))
        ):
            pending = s if pending is None else pending
            continue
        if (
            out
            and pending is None
            and sentence.startswith(continuations, s)
            and not _LIST_END.search(sentence, out[-1][1], s)
        ):
            out[-1] = (out[-1][0], e)
            continue
        out.append((pending if pending is not None else s, e))
        pending = None
    if pending is not None and out:
        out[-1] = (out[-1][0], len(sentence.rstrip("。；;. ")))
    elif pending is not None:  # nothing after it to date or qualify: it stands alone
        out.append((pending, spans[-1][1]))
    return out


def _condition(sentence: str, start: int, end: int) -> bool:
    """Whether the clause at ``[start, end)`` is a condition closed by 的 before a comma
    (确需建设18层以上居住建筑的，应…): it says when the clause after it applies. Not a purpose
    (为…目的) nor a clause before ；, which ends a task."""
    clause = sentence[start:end]
    return (
        clause.endswith("的") and not clause.endswith("目的") and sentence[end : end + 1] in "，,"
    )


def _hedge_only(clause: str, lang: str, lexicon: Lexicon | None) -> bool:
    """Whether a Chinese clause is nothing but hedges (因地制宜; 坚持 before one): how the
    directive after it is to be pursued, with no object of its own."""
    if lang != "zh":
        return False
    rest = clause.removeprefix("坚持")
    cues = find_cues(rest, lang, lexicon)
    covered = {k for c in cues for k in range(c.start, c.end)}
    return (
        bool(cues)
        and all(c.category == "hedge" for c in cues)
        and all(k in covered or ch == "、" for k, ch in enumerate(rest))
    )


CUE_GAP = "…"


def spanned_cue(cue: str, lang: str, lexicon: Lexicon | None) -> str:
    """A cue that opens and closes on cue words with its object between them (a verb and
    the outcome it asks for: 引导绿色建筑规模化发展 read as 引导…规模化发展) written as those
    words joined by :data:`CUE_GAP`, so that the object between them stays the clause's
    object."""
    if lang != "zh" or not cue:
        return cue
    runs: list[list[int]] = []
    for found in find_cues(cue, lang, lexicon):
        if runs and found.start <= runs[-1][1]:
            runs[-1][1] = max(runs[-1][1], found.end)
        else:
            runs.append([found.start, found.end])
    if len(runs) < 2 or runs[0][0] != 0 or runs[-1][1] != len(cue):
        return cue
    return CUE_GAP.join(cue[a:b] for a, b in runs)
