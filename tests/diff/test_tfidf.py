"""policydiff's TF-IDF cosine against scikit-learn's, which it replaces in align.py."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity as sklearn_cosine

from policydiff.corpus import load_corpus
from policydiff.diff.align import provision_text
from policydiff.diff.tfidf import char_ngrams, cosine_similarity, word_bounded_ngrams
from policydiff.structure import structure_version
from tests.conftest import BUNDLED

ANALYZER = {"en": ("char_wb", 2, 4), "zh": ("char", 1, 3)}


def _sklearn(a: list[str], b: list[str], analyzer: str, low: int, high: int) -> np.ndarray:
    vectorizer = TfidfVectorizer(analyzer=analyzer, ngram_range=(low, high), sublinear_tf=True)
    rows = vectorizer.fit_transform(a + b)
    return np.asarray(sklearn_cosine(rows[: len(a)], rows[len(a) :]))


def _provision_texts() -> list[tuple[str, str, list[str]]]:
    return [
        (
            f"{d.id}/{v.key}",
            v.lang,
            [provision_text(p) for p in structure_version(d.id, v).provisions],
        )
        for d in load_corpus(BUNDLED).documents
        for v in d.versions
    ]


def test_analyzers_give_scikit_learns_ngrams_in_its_order() -> None:
    text = "Promote  ultra-low energy\tbuildings, a b 推动城乡建设绿色发展。"
    for analyzer, ours in (("char_wb", word_bounded_ngrams), ("char", char_ngrams)):
        for low, high in ((1, 1), (1, 3), (2, 4), (3, 5)):
            build = TfidfVectorizer(analyzer=analyzer, ngram_range=(low, high)).build_analyzer()
            assert ours(text.lower(), low, high) == build(text), (analyzer, low, high)


@pytest.mark.parametrize(
    ("a", "b"),
    [(i, j) for i in range(5) for j in range(5) if i < j],
)
def test_cosine_is_bit_for_bit_scikit_learns_on_the_bundled_corpus(a: int, b: int) -> None:
    texts = _provision_texts()
    (_, lang_a, texts_a), (_, lang_b, texts_b) = texts[a], texts[b]
    analyzer = ANALYZER[lang_a if lang_a == lang_b else "zh"]
    assert np.array_equal(
        cosine_similarity(texts_a, texts_b, *analyzer), _sklearn(texts_a, texts_b, *analyzer)
    )


def test_texts_without_ngrams_give_zeros() -> None:
    assert cosine_similarity(["", " "], [""], "char_wb", 2, 4).tolist() == [[0.0], [0.0]]
