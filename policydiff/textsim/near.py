"""What "nearly the same text" means: the one definition, for one pair of texts.

Two texts of one language are compared on two measures:

* **containment**: the share of one text's comparable sentences (:data:`MIN_SENTENCE`
  characters or more) that stand in the other, a sentence standing there when one of
  the other's sentences scores at least :data:`SENTENCE_MATCH` (``fuzz.ratio``) against
  it;
* **whole-text ratio**: ``fuzz.ratio`` of the two normalised texts, which matters only
  at or above :data:`DUPLICATE_RATIO`.

A ratio of :data:`DUPLICATE_RATIO` or more is one text held twice; containment of
:data:`CONTAINMENT_STRONG` or more is a version of the same document (ingest links it)
or a near-duplicate (``check`` warns); between :data:`CONTAINMENT_WEAK` and strong,
ingest asks rather than guesses. :mod:`.pairwise` gives the same answers for every pair
of a corpus at once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import cached_property, lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from policydiff.textsim.normalise import MIN_SENTENCE, comparable_sentences, normalise

__all__ = [
    "CONTAINMENT_STRONG",
    "CONTAINMENT_WEAK",
    "DUPLICATE_RATIO",
    "MIN_SENTENCE",
    "SENTENCE_MATCH",
    "Profile",
    "found_share",
    "matching_sentences",
    "profile",
    "whole_ratio",
]

# Whole-text similarity (0-100) at or above which a same-language text is a duplicate.
DUPLICATE_RATIO = 97.0
# A sentence stands in another text when one of its sentences scores this much (0-100).
SENTENCE_MATCH = 90.0
# Shares of sentences standing in another text: a version of it (or a near-duplicate) at
# STRONG; below WEAK, unrelated.
CONTAINMENT_STRONG = 0.6
CONTAINMENT_WEAK = 0.2
# Distinct (text, language) profiles kept between calls: a corpus's worth.
PROFILE_CACHE_SIZE = 4096
# Query sentences compared in one call of rapidfuzz's cdist.
_CHUNK = 256


class Profile:
    """What the measures read of one text, computed once (use :func:`profile`)."""

    def __init__(self, text: str, lang: str) -> None:
        self.text = text
        self.lang = lang

    @cached_property
    def normalised(self) -> str:
        return normalise(self.text)

    @cached_property
    def sentences(self) -> tuple[str, ...]:
        return tuple(comparable_sentences(self.text, self.lang))

    @cached_property
    def histogram(self) -> Counter[str]:
        """How often each character occurs in the normalised text."""
        return Counter(self.normalised)


@lru_cache(maxsize=PROFILE_CACHE_SIZE)
def profile(text: str, lang: str) -> Profile:
    """The (cached) profile of a text: keyed by the text itself, never stale."""
    return Profile(text, lang)


def matching_sentences(queries: Sequence[str], choices: Sequence[str]) -> list[tuple[int, int]]:
    """Every (query index, choice index) whose sentences score at least
    :data:`SENTENCE_MATCH`. A ratio of 90 needs lengths within 9/11 and 11/9 of each
    other: only those are compared, each chunk of queries (sorted by length) against the
    window of choices its lengths allow."""
    if not queries or not choices:
        return []
    lengths = np.array([len(t) for t in choices])
    order = np.argsort(lengths, kind="stable")
    sorted_lengths = lengths[order]
    by_length = sorted(range(len(queries)), key=lambda i: len(queries[i]))
    found: list[tuple[int, int]] = []
    for start in range(0, len(by_length), _CHUNK):
        chunk = by_length[start : start + _CHUNK]
        low = len(queries[chunk[0]]) * 9 / 11 - 1
        high = len(queries[chunk[-1]]) * 11 / 9 + 1
        lo = int(np.searchsorted(sorted_lengths, low, side="left"))
        hi = int(np.searchsorted(sorted_lengths, high, side="right"))
        window = order[lo:hi]
        if not len(window):
            continue
        scores = process.cdist(
            [queries[i] for i in chunk],
            [choices[j] for j in window],
            scorer=fuzz.ratio,
            score_cutoff=SENTENCE_MATCH,
            workers=-1,
        )
        rows, cols = np.nonzero(scores)
        found += [
            (chunk[r], int(window[c])) for r, c in zip(rows.tolist(), cols.tolist(), strict=True)
        ]
    return found


def found_share(new: Profile, held: Profile) -> float:
    """The share of ``new``'s comparable sentences that stand in ``held`` (0 when either
    has none)."""
    if not new.sentences or not held.sentences:
        return 0.0
    found = {i for i, _ in matching_sentences(new.sentences, held.sentences)}
    return len(found) / len(new.sentences)


def whole_ratio(a: Profile, b: Profile) -> float:
    """``fuzz.ratio`` of the two normalised texts when it reaches :data:`DUPLICATE_RATIO`,
    else 0 (what lies below is never needed, and rapidfuzz skips pairs whose lengths
    alone rule it out)."""
    if a.normalised == b.normalised:
        return 100.0
    return float(fuzz.ratio(a.normalised, b.normalised, score_cutoff=DUPLICATE_RATIO))
