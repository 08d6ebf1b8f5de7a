"""Text normalisation for theme matching, keeping a map back to the original offsets.

``normalize(text)`` returns a :class:`Normalized` whose ``text`` is lower-cased, with
full-width ASCII folded to half-width, hyphens/dashes/underscores turned into spaces,
quotes and title marks dropped, simple English plurals folded ("cities" -> "city",
"buildings" -> "building") and runs of whitespace collapsed.  ``span(i, j)`` maps a
half-open span ``[i, j)`` of the normalised text back to the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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


@dataclass(frozen=True)
class Normalized:
    """A normalised text with, per character, the original ``[start, end)`` it came from."""

    original: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``[start, end)`` of the normalised span ``[start, end)`` (end > start)."""
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else len(self.original)
            return pos, pos
        return self.starts[start], self.ends[end - 1]


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


def normalize(text: str, *, fold_plurals: bool = True) -> Normalized:
    """Normalise ``text`` for matching and keep the offset map (see the module docstring)."""
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
    if not fold_plurals:
        return Normalized(text, "".join(chars), tuple(starts), tuple(ends))

    joined = "".join(chars)
    out: list[str] = []
    o_starts: list[int] = []
    o_ends: list[int] = []
    pos = 0
    for m in _WORD.finditer(joined):
        a, b = m.span()
        out.extend(chars[pos:a])
        o_starts.extend(starts[pos:a])
        o_ends.extend(ends[pos:a])
        word = m.group()
        folded = fold_plural(word)
        if folded == word:
            out.extend(chars[a:b])
            o_starts.extend(starts[a:b])
            o_ends.extend(ends[a:b])
        else:
            keep = len(folded)
            for k in range(keep):
                out.append(folded[k])
                src = a + min(k, len(word) - 1)
                o_starts.append(starts[src])
                o_ends.append(ends[src])
            # the last kept character covers the dropped suffix
            o_ends[-1] = ends[b - 1]
        pos = b
    out.extend(chars[pos:])
    o_starts.extend(starts[pos:])
    o_ends.extend(ends[pos:])
    return Normalized(text, "".join(out), tuple(o_starts), tuple(o_ends))


def normalize_term(term: str) -> str:
    """The normalised form of a catalogue variant (no offset map needed)."""
    return normalize(term).text
