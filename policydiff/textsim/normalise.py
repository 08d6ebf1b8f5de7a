"""The forms texts are compared in."""

from __future__ import annotations

import re

from policydiff.structure import split_sentences

# Sentences shorter than this (in characters) are not evidence of shared text.
MIN_SENTENCE = 20


def normalise(text: str) -> str:
    """Whitespace folded and lowercased: the form texts are compared in."""
    return re.sub(r"\s+", " ", text).strip().lower()


def comparable_sentences(text: str, lang: str) -> list[str]:
    """Sentences long enough (20+ characters) to count as evidence of shared text."""
    return [text[s:e] for s, e in split_sentences(text, lang) if e - s >= MIN_SENTENCE]


def tokens(text: str, lang: str) -> list[str]:
    """Words in English, characters in Chinese, lower-cased, punctuation dropped."""
    if lang == "zh":
        return re.findall(r"\w", text.lower())
    return re.findall(r"\w+", text.lower())
