"""Cosine similarity of TF-IDF character n-grams (or words), without scikit-learn.

The arithmetic of scikit-learn's ``TfidfVectorizer(analyzer=..., ngram_range=...,
sublinear_tf=True)`` (lower-cased text, whitespace runs folded, smoothed idf
``ln((1 + n) / (1 + df)) + 1``, ``1 + ln(tf)``, rows scaled to unit length) followed
by ``cosine_similarity``, over numpy and scipy.sparse. Why: importing scikit-learn
costs ``policydiff diff`` about a second, more than the alignment itself on the
bundled documents. The features keep scikit-learn's order, so the sums run in the
same order; ``tests/test_tfidf.py`` compares the two on the bundled corpus.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from functools import lru_cache

import numpy as np
import scipy.sparse as sp

_WHITE_SPACES = re.compile(r"\s\s+")


def char_ngrams(text: str, low: int, high: int) -> list[str]:
    """Every character n-gram, ``low <= n <= high`` (scikit-learn's ``char`` analyzer)."""
    text = _WHITE_SPACES.sub(" ", text)
    return [text[i : i + n] for n in range(low, high + 1) for i in range(len(text) - n + 1)]


def word_bounded_ngrams(text: str, low: int, high: int) -> list[str]:
    """Character n-grams inside space-padded words (scikit-learn's ``char_wb``).

    A padded word shorter than ``low`` counts once, whole (with ``low`` >= 2 none is:
    padding makes every word at least three characters long).
    """
    grams: list[str] = []
    for word in _WHITE_SPACES.sub(" ", text).split():
        grams += _padded_word_ngrams(word, low, high)
    return grams


@lru_cache(maxsize=65536)
def _padded_word_ngrams(word: str, low: int, high: int) -> tuple[str, ...]:
    # Memoised: prose repeats its words, and slicing is most of the cost.
    padded = f" {word} "
    if len(padded) < low:
        return (padded,)
    return tuple(
        padded[i : i + n] for n in range(low, high + 1) for i in range(len(padded) - n + 1)
    )


def words(text: str, low: int, high: int) -> list[str]:
    """The words of ``text``, split at white space (unigrams: ``low`` and ``high`` are 1)."""
    return text.split()


ANALYZERS: dict[str, Callable[[str, int, int], list[str]]] = {
    "char": char_ngrams,
    "char_wb": word_bounded_ngrams,
    "word": words,
}


def tfidf_rows(texts: list[str], analyzer: str, low: int, high: int) -> sp.csr_array | None:
    """One unit-length TF-IDF row per text; ``None`` when no text has an n-gram."""
    ngrams = ANALYZERS[analyzer]
    # Features numbered as first seen, in scikit-learn's order ...
    vocabulary: defaultdict[str, int] = defaultdict(itertools.count().__next__)
    features: list[int] = []
    counts: list[int] = []
    lengths: list[int] = []
    for text in texts:
        counter = Counter(ngrams(text.lower(), low, high))
        features += map(vocabulary.__getitem__, counter)
        counts += counter.values()
        lengths.append(len(counter))
    if not vocabulary:
        return None
    # ... and a row's stored by that number, as scikit-learn stores them before it
    # renumbers the features in alphabetical order.
    first_seen = np.asarray(features, dtype=np.int32)
    row_of = np.repeat(np.arange(len(texts)), lengths)
    storage = np.lexsort((first_seen, row_of))
    indices = first_seen[storage]
    bounds = np.concatenate(([0], np.cumsum(lengths))).astype(np.int64)
    counts_stored = np.asarray(counts, dtype=np.int64)[storage]
    # Features renumbered in alphabetical order, each row keeping its storage order.
    alphabetical = np.empty(len(vocabulary), dtype=np.int32)
    alphabetical[[number for _, number in sorted(vocabulary.items())]] = np.arange(
        len(vocabulary), dtype=np.int32
    )
    columns = alphabetical.take(indices)
    data = counts_stored.astype(np.float64)
    np.log(data, out=data)
    data += 1.0
    document_frequency = np.bincount(columns, minlength=len(vocabulary)).astype(np.float64)
    idf = np.full_like(document_frequency, len(texts) + 1.0)
    idf /= document_frequency + 1.0
    np.log(idf, out=idf)
    idf += 1.0
    data *= idf[columns]
    _unit_rows(data, bounds)
    rows = sp.csr_array(
        (data, columns, bounds.astype(np.int32)), shape=(len(texts), len(vocabulary))
    )
    rows.has_sorted_indices = False  # as scikit-learn leaves them: its sums run in this order
    return rows


def _unit_rows(data: np.ndarray, bounds: np.ndarray) -> None:
    """Scale each row to unit length in place, summing squares in storage order."""
    squares = data * data
    for start, end in zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True):
        total = 0.0
        for value in squares[start:end].tolist():
            total += value
        if total:
            data[start:end] /= np.sqrt(total)


def cosine_similarity(
    texts_a: list[str], texts_b: list[str], analyzer: str, low: int, high: int
) -> np.ndarray:
    """Cosine similarity of every text of A with every text of B (zeros if no n-gram)."""
    rows = tfidf_rows(texts_a + texts_b, analyzer, low, high)
    if rows is None:
        return np.zeros((len(texts_a), len(texts_b)))
    a, b = rows[: len(texts_a)], rows[len(texts_a) :]
    # cosine_similarity scales the (already unit) rows once more; so do we, for equal sums.
    _unit_rows(a.data, a.indptr)
    _unit_rows(b.data, b.indptr)
    return np.asarray((a @ b.T).toarray())
