"""Token windows ("shingles"): which held texts a new one is worth comparing with."""

from __future__ import annotations

import zlib

from policydiff.textsim.normalise import tokens

# Tokens per shingle (words in English, characters in Chinese).
SHINGLE = 5
# A sample keeps one shingle in this many (by CRC-32).
SAMPLE_EVERY = 8


def sampled_shingles(text: str, lang: str) -> frozenset[int]:
    """CRC-32s of the text's 5-token windows, keeping those divisible by ``SAMPLE_EVERY``.

    CRC-32 rather than ``hash()``: the sample must be the same in every process, or
    which versions are compared would depend on the run.
    """
    words = tokens(text, lang)
    windows = ("\x1f".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1))
    crcs = (zlib.crc32(w.encode("utf-8")) for w in windows)
    return frozenset(c for c in crcs if c % SAMPLE_EVERY == 0)
