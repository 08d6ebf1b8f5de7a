"""Which commitment of a sentence a target in a clause of its own measures.

A sentence's targets measure its lead commitment, except a target whose clause shares a
longer run of words with a later commitment before it: 鼓励使用…一体化包装，大幅减少物流环节
二次包装，到2025年电商快件不再二次包装率达99%以上 sets the rate of the packaging cut, not of
the integrated packaging.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from difflib import SequenceMatcher

from policydiff.strength import Target, find_cues


def target_homes(
    text: str,
    spans: Sequence[tuple[int, int]],
    placed: Sequence[tuple[int, Target, str]],
    piece_starts: Sequence[int],
    in_words: Sequence[bool],
) -> dict[int, int]:
    """Targets (by position) in a clause of their own, with no cue, that measure a
    commitment after the lead of their ；-piece, keyed to that commitment's clause: the one
    before the target that shares a longer run of characters with the target's clause than
    the lead does, four at least (鼓励使用…一体化包装，大幅减少物流环节二次包装，到2025年电商快件不再二次包装率
    达99%以上: the rate measures the second clause). The others stay with the lead."""
    out: dict[int, int] = {}
    for ts, _, _ in placed:
        at = bisect_right(piece_starts, ts) - 1
        here = next((k for k, (s, e) in enumerate(spans) if s <= ts < e), None)
        if here is None or find_cues(text[slice(*spans[here])], "zh"):
            continue
        before = [
            k
            for k in range(here)
            if in_words[k] and bisect_right(piece_starts, spans[k][0]) - 1 == at
        ]
        if len(before) < 2:
            continue
        own = _YEAR_OR_NUMBER.sub("", text[slice(*spans[here])])
        runs = [_longest_run(own, text[slice(*spans[k])]) for k in before]
        best = max(range(len(before)), key=lambda i: (runs[i], -i))
        if best and runs[best] >= 4 and runs[best] > runs[0]:
            out[ts] = before[best]
    return out


_YEAR_OR_NUMBER = re.compile(r"[\d.%％]+")


def _longest_run(a: str, b: str) -> int:
    """The length of the longest run of characters ``a`` and ``b`` share."""
    match = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return match.size
