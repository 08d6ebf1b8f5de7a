"""Text normalisation for theme matching, keeping a map back to the original offsets.

``normalize(text)`` returns a :class:`Normalized` whose ``text`` is lower-cased, with
full-width ASCII folded to half-width, hyphens/dashes/underscores turned into spaces,
quotes and title marks dropped, simple English plurals folded ("cities" -> "city",
"buildings" -> "building") and runs of whitespace collapsed.  ``span(i, j)`` maps a
half-open span ``[i, j)`` of the normalised text back to the original text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property, lru_cache

_DASHES = frozenset("-_‐‑‒–—―−﹣－")
_QUOTES = frozenset("\"'“”‘’「」『』《》〈〉`´")
_SPACES = frozenset(" \t\r\n\f\v\u3000\u00a0\u2002\u2003\u2009")
_WORD = re.compile(r"[a-z0-9]+")
# Words ending in -s that are not plurals (or whose singular we do not want).
_KEEP_S = frozenset(
    {
        "is",
        "was",
        "has",
        "its",
        "this",
        "thus",
        "as",
        "us",
        "gas",
        "bus",
        "plus",
        "less",
        "across",
        "always",
        "status",
        "process",
        "progress",
        "access",
        "bias",
        "basis",
        "analysis",
        "emphasis",
        "crisis",
        "series",
        "species",
        "news",
        "physics",
        "economics",
        "logistics",
        "statistics",
        "mathematics",
        "whereas",
        "various",
        "serious",
        "previous",
        "numerous",
        "tremendous",
        "continuous",
        "odorous",
        "hazardous",
        "harmonious",
        "religious",
        "vigorous",
        "rigorous",
        "prosperous",
        "indigenous",
        "autonomous",
        "ferrous",
        "famous",
        "towards",
        "afterwards",
        "besides",
        "chinese",
        "mass",
        "grass",
        "glass",
        "class",
        "business",
        "dangerous",
    }
)


def fold_plural(word: str) -> str:
    """Singular of a lower-case English word, by simple rules ("cities" -> "city")."""
    if len(word) <= 3 or not word.isalpha() or word in _KEEP_S:
        return word
    if word.endswith(("ss", "us", "is", "ous")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


# Normalising calls fold_plural for every word of four letters or more ending in "s"; the
# same words recur throughout a corpus.
_singular = lru_cache(maxsize=1 << 16)(fold_plural)


@dataclass(frozen=True)
class Normalized:
    """A normalised text and the original it came from.

    The per-character map back to the original (``starts``, ``ends``) is worked out on
    first use: most sentences mention no theme, and building the map costs more than
    normalising the text. ``plural_cuts`` is set when folding plurals was the only step
    that moved characters (no quote dropped, no whitespace collapsed, the common case):
    the suffixes it cut, as (original position, length), from which :meth:`span` maps
    offsets without building the map.
    """

    original: str
    text: str
    fold_plurals: bool = True
    plural_cuts: tuple[tuple[int, int], ...] | None = None

    @cached_property
    def _offsets(self) -> tuple[tuple[int, ...], tuple[int, ...]]:
        _text, starts, ends = _normalize_mapped(self.original, self.fold_plurals)
        return starts, ends

    @cached_property
    def _cut_index(self) -> tuple[list[int], list[int], list[int]]:
        """Per cut: where it falls in ``text``, its length, and the characters cut before
        it and by it (``shift[j]``: cut by the first ``j`` cuts)."""
        cuts = self.plural_cuts or ()
        at: list[int] = []
        lengths: list[int] = []
        shift = [0]
        for position, length in cuts:
            at.append(position - shift[-1])
            lengths.append(length)
            shift.append(shift[-1] + length)
        return at, lengths, shift

    @property
    def starts(self) -> tuple[int, ...]:
        """Per character of ``text``, where the original character it came from begins."""
        return self._offsets[0]

    @property
    def ends(self) -> tuple[int, ...]:
        """Per character of ``text``, where the original it came from ends."""
        return self._offsets[1]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``[start, end)`` of the normalised span ``[start, end)`` (end > start)."""
        if self.plural_cuts is not None:
            return self._span_by_cuts(start, end)
        starts, ends = self._offsets
        if end <= start:
            pos = starts[start] if start < len(starts) else len(self.original)
            return pos, pos
        return starts[start], ends[end - 1]

    def _span_by_cuts(self, start: int, end: int) -> tuple[int, int]:
        at, lengths, shift = self._cut_index
        if start >= len(self.text):
            return len(self.original), len(self.original)
        first = start + shift[bisect_right(at, start)]
        if end <= start:
            return first, first
        last = end - 1
        cuts_before = bisect_right(at, last)
        stop = last + shift[cuts_before] + 1
        if cuts_before < len(at) and at[cuts_before] == end:
            stop += lengths[cuts_before]  # the word's last kept character covers its suffix
        return first, stop


def _fold_char(ch: str) -> str:
    code = ord(ch)
    if 0xFF01 <= code <= 0xFF5E:  # full-width ASCII
        ch = chr(code - 0xFEE0)
    if ch in _DASHES:
        return " "
    if ch in _QUOTES:
        return ""
    if ch in _SPACES:
        return " "
    return ch.lower()


class _FoldTable(dict[int, str]):
    """``str.translate`` table applying :func:`_fold_char`, filled on first sight of a char.

    Characters that fold to nothing (quotes) or to more than one character (``lower()``
    expansions such as "İ") are remembered in :data:`_DELETED` / :data:`_EXPANDS`.
    """

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        if not folded:
            _DELETED.add(chr(code))
        elif len(folded) > 1:
            _EXPANDS.add(chr(code))
        self[code] = folded
        return folded


_TABLE = _FoldTable()
# Every character that folds to "" is a quote or a full-width ASCII quote.
_DELETED: set[str] = set(_QUOTES) | {chr(ord(q) + 0xFEE0) for q in _QUOTES if "!" <= q <= "~"}
_DELETED_RE = re.compile("[" + re.escape("".join(sorted(_DELETED))) + "]+")
_EXPANDS: set[str] = set()
# runs of spaces to drop: leading, trailing, and all but the first of an inner run
_SPACE_FIX = re.compile(r"^ +| +\Z| {2,}")
_PLURAL = re.compile(r"(?<![a-z0-9])[a-z]{3,}s(?![a-z0-9])")
_SPACE_RUN = re.compile(" {2,}")

# (normalised text, starts, ends): see :class:`Normalized`
_Mapped = tuple[str, tuple[int, ...], tuple[int, ...]]


def _normalize_slow(text: str, fold_plurals: bool) -> _Mapped:
    """Character by character: the reference for texts holding expanding characters."""
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for i, raw in enumerate(text):
        ch = _fold_char(raw)
        for c in ch:  # lower() may expand (rare); every piece maps to the same source char
            if c == " " and (not chars or chars[-1] == " "):
                continue
            chars.append(c)
            starts.append(i)
            ends.append(i + 1)
    while chars and chars[-1] == " ":
        chars.pop()
        starts.pop()
        ends.pop()
    return _fold_plurals("".join(chars), starts, ends, fold_plurals)


def _fold_plurals(joined: str, starts: list[int], ends: list[int], fold_plurals: bool) -> _Mapped:
    if not fold_plurals:
        return joined, tuple(starts), tuple(ends)
    out: list[str] = []
    o_starts: list[int] = []
    o_ends: list[int] = []
    pos = 0
    for m in _PLURAL.finditer(joined):
        word = m.group()
        folded = _singular(word)
        if folded == word:
            continue
        a, b = m.span()
        keep = len(folded)  # always shorter than the word
        out.append(joined[pos:a])
        out.append(folded)
        o_starts.extend(starts[pos : a + keep])
        o_ends.extend(ends[pos : a + keep - 1])
        # the last kept character covers the dropped suffix
        o_ends.append(ends[b - 1])
        pos = b
    if pos == 0:
        return joined, tuple(starts), tuple(ends)
    out.append(joined[pos:])
    o_starts.extend(starts[pos:])
    o_ends.extend(ends[pos:])
    return "".join(out), tuple(o_starts), tuple(o_ends)


def _fold_plural_match(m: re.Match[str]) -> str:
    return _singular(m.group())


def normalize(text: str, *, fold_plurals: bool = True) -> Normalized:
    """Normalise ``text`` for matching (see the module docstring); the offset map is
    :func:`_normalize_mapped`'s, worked out when first asked for."""
    folded = text.translate(_TABLE)
    if _EXPANDS and not _EXPANDS.isdisjoint(text):
        return Normalized(text, _normalize_slow(text, fold_plurals)[0], fold_plurals)
    # the same steps as _normalize_mapped, on the text alone
    folded = folded.strip(" ")
    if "  " in folded:
        folded = _SPACE_RUN.sub(" ", folded)
    # Every step so far keeps or drops characters, so an unchanged length means none moved:
    # then plural folding is the only step that does, and its cuts are recorded.
    if len(folded) != len(text):
        if fold_plurals:
            folded = _PLURAL.sub(_fold_plural_match, folded)
        return Normalized(text, folded, fold_plurals)
    cuts: list[tuple[int, int]] = []
    if fold_plurals:

        def fold(m: re.Match[str]) -> str:
            word = m.group()
            single = _singular(word)
            if len(single) < len(word):
                cuts.append((m.start() + len(single), len(word) - len(single)))
            return single

        folded = _PLURAL.sub(fold, folded)
    return Normalized(text, folded, fold_plurals, tuple(cuts))


def _normalize_mapped(text: str, fold_plurals: bool) -> _Mapped:
    """The normalised text with, per character, the original ``[start, end)`` it came from."""
    folded = text.translate(_TABLE)
    if _EXPANDS and not _EXPANDS.isdisjoint(text):
        return _normalize_slow(text, fold_plurals)
    # source index of every character of ``folded`` (quotes are dropped)
    positions: list[int]
    if len(folded) == len(text):
        positions = list(range(len(text)))
    else:
        positions = []
        prev = 0
        for m in _DELETED_RE.finditer(text):
            positions.extend(range(prev, m.start()))
            prev = m.end()
        positions.extend(range(prev, len(text)))
        if len(positions) != len(folded):  # a deleted character the pattern misses
            return _normalize_slow(text, fold_plurals)
    # collapse runs of whitespace, drop leading and trailing whitespace
    fixes = [m.span() for m in _SPACE_FIX.finditer(folded)]
    if fixes:
        pieces: list[str] = []
        kept: list[int] = []
        prev = 0
        for a, b in fixes:
            if a > 0 and b < len(folded):
                a += 1  # an inner run keeps its first space
            pieces.append(folded[prev:a])
            kept.extend(positions[prev:a])
            prev = b
        pieces.append(folded[prev:])
        kept.extend(positions[prev:])
        folded, positions = "".join(pieces), kept
    ends = list(map((1).__add__, positions))
    return _fold_plurals(folded, positions, ends, fold_plurals)


def normalize_term(term: str) -> str:
    """The normalised form of a catalogue variant (no offset map needed)."""
    return normalize(term).text
