"""Which commitment of a sentence a target in a clause of its own measures.

A ；-piece's targets measure its lead commitment, except a target whose clause shares a
longer run of words with a later commitment before it: 鼓励使用…一体化包装，大幅减少物流环节
二次包装，到2025年电商快件不再二次包装率达99%以上 sets the rate of the packaging cut, not of
the integrated packaging.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from difflib import SequenceMatcher

from policydiff.strength import Target

# the fewest characters a target's clause must share with a later commitment to measure it
_MIN_RUN = 4
# numbers are left out of the comparison: they name no words of a commitment
_NUMBERS = re.compile(r"[\d.%％]+")


def target_homes(
    text: str,
    spans: Sequence[tuple[int, int]],
    placed: Sequence[tuple[int, Target, str]],
    piece_starts: Sequence[int],
    in_words: Sequence[bool],
    cued: Sequence[bool],
    lang: str,
) -> dict[int, int]:
    """The clause (its index in ``spans``) that each re-homed target (by its position in
    ``text``) measures. A target is re-homed when its clause has no cue (``cued``) and shares
    a run of four characters or more with a clause between the lead of its ；-piece and the
    target that commits in words, longer than the run it shares with the lead. The lead is
    the piece's first clause in words (``in_words``) or holding a target, as version_clauses
    reads it. Targets not in the result stay with the lead. Chinese only: in English a run
    of four characters (" the ") says nothing."""
    if lang != "zh":
        return {}
    held = {k for ts, _, _ in placed for k, (s, e) in enumerate(spans) if s <= ts < e}
    out: dict[int, int] = {}
    for ts, _, _ in placed:
        at = bisect_right(piece_starts, ts) - 1
        here = next(k for k, (s, e) in enumerate(spans) if s <= ts < e)
        if cued[here]:
            continue
        piece = [k for k in range(here) if bisect_right(piece_starts, spans[k][0]) - 1 == at]
        lead = next((k for k in piece if in_words[k] or k in held), None)
        if lead is None:
            continue
        later = [k for k in piece if k > lead and in_words[k]]
        if not later:
            continue
        own = _NUMBERS.sub("", text[slice(*spans[here])])
        runs = {k: _longest_run(own, text[slice(*spans[k])]) for k in (lead, *later)}
        # the first of the clauses sharing the longest run
        best = max(later, key=lambda k: (runs[k], -k))
        if runs[best] >= _MIN_RUN and runs[best] > runs[lead]:
            out[ts] = best
    return out


def _longest_run(a: str, b: str) -> int:
    """The length of the longest run of characters ``a`` and ``b`` share."""
    match = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return match.size
