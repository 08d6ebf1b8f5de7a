"""Words that name a cluster of sentences: the terms of a discovery candidate.

A sentence's *terms* are runs of one to three consecutive content words (see
:mod:`policydiff.themes.segment`), never spanning a mark, a number, a function word or a
directive cue: 严格控制新建超高层建筑 gives 超高层, 建筑, 超高层建筑, 新建超高层建筑
and nothing with 严格控制. A term reads as a name: its last word can name a concept on
its own (a noun, not 改造); in Chinese no word of a longer term is a verb (not
排放达到峰值, 吸引社会) and its first and last words have two characters or more (not
城乡建设领域碳). A term has at least two characters in Chinese, three in English.

A term is *governed* in a sentence when a directive cue comes right before or right
after it (推广|合同能源管理, 全面|电气化, 向电气化|发展): it is what the sentence commits
to, not a circumstance.

A cluster's label ranks its terms by the share of its sentences holding the term, plus
the share in which a cue governs it, times the term's inverse document frequency over
all sentences of the language (``ln((1 + n) / (1 + df)) + 1``): words most of the cluster
commits to and few other sentences use. Only terms found in sentences of at least two of
the cluster's documents (one, if the cluster has one) are eligible, so a label always
says what the documents have in common. Ties go to the longer term, then to a single
word (海绵城市 before 城市排水). A term inside one already chosen (or holding one) is
skipped.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from policydiff.themes.segment import Word

MAX_WORDS = 3
MIN_TERM_CHARS = {"en": 3, "zh": 2}
_END = Word("", False, False)


@dataclass(frozen=True)
class Terms:
    """The terms of one sentence, those a cue governs, and those that are one word."""

    all: frozenset[str]
    governed: frozenset[str]
    words: frozenset[str] = frozenset()


def join(words: Sequence[str], lang: str) -> str:
    return ("" if lang == "zh" else " ").join(words)


def _names(words: Sequence[Word], lang: str) -> bool:
    if not words[-1].noun:
        return False
    edges = min(len(words[0].text), len(words[-1].text))
    if lang == "zh" and len(words) > 1 and (any(w.verb for w in words) or edges < 2):
        return False
    return len(join([w.text for w in words], lang)) >= MIN_TERM_CHARS[lang]


def sentence_terms(words: Sequence[Word], lang: str) -> Terms:
    """Every term of one sentence (see the module docstring)."""
    found: set[str] = set()
    governed: set[str] = set()
    single: set[str] = set()
    start = 0
    padded = (_END, *words, _END)
    for end in range(1, len(padded)):
        if padded[end].content:
            continue
        run = padded[start + 1 : end]  # content words between two others
        after_cue, before_cue = padded[start].cue, padded[end].cue
        for i in range(len(run)):
            for n in range(1, min(MAX_WORDS, len(run) - i) + 1):
                part = run[i : i + n]
                if not _names(part, lang):
                    continue
                term = join([w.text for w in part], lang)
                found.add(term)
                if n == 1:
                    single.add(term)
                if (after_cue and i == 0) or (before_cue and i + n == len(run)):
                    governed.add(term)
        start = end
    return Terms(frozenset(found), frozenset(governed), frozenset(single))


def features(words: Sequence[Word]) -> list[str]:
    """What a Chinese sentence is compared by: its content words and pairs of adjacent
    content words (with repeats, for term frequency)."""
    out: list[str] = []
    previous = ""
    for word in words:
        if not word.content:
            previous = ""
            continue
        out.append(word.text)
        if previous:
            out.append(f"{previous} {word.text}")
        previous = word.text
    return out


def _contains(outer: str, inner: str, lang: str) -> bool:
    if lang == "zh":
        return inner in outer
    return f" {inner} " in f" {outer} "


def label_terms(
    members: Sequence[int],
    terms: Sequence[Terms],
    documents: Sequence[str],
    frequency: Counter[str],
    lang: str,
    top: int,
) -> tuple[str, ...]:
    """The ``top`` terms naming the sentences ``members`` (indices into ``terms``, the
    terms of every sentence of the language, and ``documents``, their document ids);
    ``frequency`` counts the sentences of the language holding each term."""
    n = len(terms)
    holders: dict[str, set[int]] = {}
    governing: Counter[str] = Counter()
    single: set[str] = set()
    for i in members:
        for term in terms[i].all:
            holders.setdefault(term, set()).add(i)
        governing.update(terms[i].governed)
        single.update(terms[i].words)
    needed = min(2, len({documents[i] for i in members}))
    scored = []
    for term, where in holders.items():
        if len({documents[i] for i in where}) < needed:
            continue
        idf = math.log((1 + n) / (1 + frequency[term])) + 1
        share = (len(where) + governing[term]) / len(members)
        scored.append((-share * idf, -len(term), term not in single, term))
    picked: list[str] = []
    for *_key, term in sorted(scored):
        if len(picked) >= top:
            break
        if any(_contains(p, term, lang) or _contains(term, p, lang) for p in picked):
            continue
        picked.append(term)
    return tuple(picked)
