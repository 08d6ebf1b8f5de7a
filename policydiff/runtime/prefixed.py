"""A pattern's matches found where its literal prefix stands.

Python's regular expression engine skips through a text in C to the next place a match
could start only when the pattern opens on a literal or a character class. A pattern
that opens on a look-around or ``\\b`` (a catalogue pattern ``\\bclassification\\b…``, a
lexicon cue ``(?<![A-Za-z])(?:…)``) gives it nothing to skip to, so every character of
the text is tried as a start. When every match starts with a known literal prefix, the
prefix is looked for with ``str.find`` and the pattern tried only there: the same
matches, in the same order, as ``finditer``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from policydiff.runtime.safe_regex import PatternLike

__all__ = ["finditer_at", "literal_prefix", "source_prefix"]

_META = frozenset(".^$*+?{}[]\\|()")


def literal_prefix(rx: PatternLike) -> str:
    """The literal text every match of ``rx`` starts with, past a leading ``\\b`` (""
    when unknown: an RE2 pattern, a flag that changes what a character matches, an
    alternation outside a group)."""
    if not isinstance(rx, re.Pattern) or rx.flags & (re.IGNORECASE | re.VERBOSE):
        return ""
    body = rx.pattern
    if body.startswith(r"\b"):
        body = body[2:]
    return source_prefix(body)


def source_prefix(body: str, ascii_only: bool = False) -> str:
    """The literal text every match of the regular expression ``body`` starts with (""
    when unknown: an alternation outside a group); with ``ascii_only``, up to the first
    character outside ASCII."""
    if not _no_top_level_bar(body):
        return ""
    out: list[str] = []
    for ch in body:
        if ch in _META:
            if ch in "*?{" and out:
                out.pop()  # the character before is optional
            break
        if ascii_only and not ch.isascii():
            break
        out.append(ch)
    return "".join(out)


def _no_top_level_bar(body: str) -> bool:
    """Whether a regex has no alternation outside a group (nor anything this cannot tell)."""
    depth, i = 0, 0
    in_class = False
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
        elif ch == "[":
            in_class = True
            i += 1
            if body[i : i + 1] == "^":
                i += 1
            if body[i : i + 1] == "]":  # a "]" first in a class is itself
                i += 1
            continue
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return False
        i += 1
    return depth == 0


def finditer_at(
    rx: re.Pattern[str], text: str, prefix: str, hay: str | None = None
) -> Iterator[re.Match[str]]:
    """``rx.finditer(text)`` of a pattern whose every match starts with ``prefix`` (not
    empty), tried only where the prefix stands in ``hay`` (``text`` itself by default;
    for a pattern that ignores case, ``text`` lower-cased, character for character)."""
    where = text if hay is None else hay
    at = where.find(prefix)
    while at >= 0:
        m = rx.match(text, at)
        if m is None:
            at = where.find(prefix, at + 1)
        else:
            yield m
            at = where.find(prefix, m.end())  # never empty: it holds the prefix
