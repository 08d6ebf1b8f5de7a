"""Words of a clause for restatement: jieba's, with their parts of speech (:func:`tagged`)
or as tokens that join back into the clause (:func:`words`)."""

from __future__ import annotations

from functools import lru_cache

from policydiff.diff.ops import chinese_words, tokenize
from policydiff.runtime.jieba_dictionary import ready_jieba


@lru_cache(maxsize=65536)
def tagged(text: str, hmm: bool = True) -> tuple[tuple[int, int, str, str], ...]:
    """jieba's words of Chinese ``text``, each as (start, end, word, part of speech)."""
    ready_jieba()
    import jieba.posseg

    out, at = [], 0
    for w in jieba.posseg.lcut(text, HMM=hmm):
        out.append((at, at + len(w.word), w.word, w.flag))
        at += len(w.word)
    return tuple(out)


def words(text: str, lang: str) -> list[str]:
    """Tokens whose concatenation is ``text``: jieba's words in Chinese."""
    if lang != "zh":
        return tokenize(text, lang)
    return list(chinese_words(text))
