"""Q-gram histograms: an upper bound of ``fuzz.ratio`` of two long texts, cheaply.

Whole texts of one language share their characters and their bigrams (recombined
provisions share them all the more); their 4-grams tell them apart, so a pair whose
4-gram bound is below the duplicate ratio need not be compared character by character.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

QGRAM = 4
_HASH_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)
_MIX = (np.uint64(0xFF51AFD7ED558CCD), np.uint64(0xC4CEB9FE1A85EC53))
_SHIFT = np.uint64(33)


@dataclass(frozen=True)
class QgramHistogram:
    """How often each q-gram occurs in a text: ``keys`` sorted, with their ``counts``.

    A key is a 32-bit hash of the q-gram; q-grams whose hashes collide share a count,
    which can only lower the L1 distance between two histograms, so
    :func:`ratio_bound` stays a bound."""

    q: int
    keys: np.ndarray  # uint32, sorted, unique
    counts: np.ndarray  # int64
    total: int


def qgram_histogram(text: str, q: int = QGRAM) -> QgramHistogram:
    # surrogatepass: a lone surrogate is a code point like any other here, not an error
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), np.uint32).astype(np.uint64)
    grams = len(codes) - q + 1
    if grams <= 0:
        return QgramHistogram(q, np.zeros(0, np.uint32), np.zeros(0, np.int64), 0)
    hashed = np.zeros(grams, dtype=np.uint64)
    for i in range(q):  # a polynomial hash, wrapping around 2**64 ...
        hashed = hashed * _HASH_MULTIPLIER + codes[i : i + grams]
    for multiplier in _MIX:  # ... mixed (MurmurHash3's finaliser) so that every bit counts
        hashed ^= hashed >> _SHIFT
        hashed *= multiplier
    hashed ^= hashed >> _SHIFT
    keys, counts = np.unique((hashed >> np.uint64(32)).astype(np.uint32), return_counts=True)
    return QgramHistogram(q, keys, counts.astype(np.int64), grams)


def ratio_bound(a: QgramHistogram, b: QgramHistogram, total_length: int) -> float:
    """An upper bound of ``fuzz.ratio`` of two texts from their q-gram histograms and
    the sum of their lengths. An insertion or deletion removes at most q - 1 q-grams
    and adds at most q, so the histograms' L1 distance over 2q - 1 bounds the indel
    distance from below."""
    shared = 0
    if len(a.keys) and len(b.keys):
        at = np.searchsorted(a.keys, b.keys)
        at[at == len(a.keys)] = 0
        hit = a.keys[at] == b.keys
        shared = int(np.minimum(a.counts[at[hit]], b.counts[hit]).sum())
    l1 = a.total + b.total - 2 * shared
    return 100 * (1 - l1 / (2 * a.q - 1) / max(total_length, 1))
