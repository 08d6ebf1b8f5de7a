"""Word-level diffs of two clauses: Chinese segmented into words (jieba), not characters.

A restated clause that changes 推动 into 大力推动 reads, word by word, as one inserted word
rather than two inserted characters. English is diffed as :mod:`policydiff.diff.ops` diffs it.
The ops join back into the two texts exactly.
"""

from __future__ import annotations

from functools import lru_cache

from cydifflib import SequenceMatcher

from policydiff.diff.ops import TokenOp, token_ops, tokenize
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
    return list(ready_jieba().cut(text, HMM=False))


def word_ops(old: str, new: str, lang: str) -> tuple[TokenOp, ...]:
    if lang != "zh":
        return token_ops(old, new, lang)[0]
    a, b = words(old, lang), words(new, lang)
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return tuple(
        TokenOp(tag, "".join(a[i1:i2]), "".join(b[j1:j2]))
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    )
