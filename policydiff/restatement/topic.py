"""What two clauses are about beyond their words (:func:`policydiff.restatement.align.
similarity_matrix`): a theme of the catalogue both name, and the topic of their lineage, what the
parent's title names and the child's names too (能源绿色低碳转型 in 关于完善能源绿色低碳转型体制
机制和政策措施的意见 and Shanxi's 实施意见), which every clause of both plans is about, so that
naming it says nothing of which clause restates which."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from policydiff.diff.tfidf import cosine_similarity
from policydiff.restatement.clauses import Clause
from policydiff.restatement.rules import load_rules
from policydiff.restatement.words import words
from policydiff.strength import find_cues

TOPIC_MIN = 4  # characters of a phrase of the title to count as a topic
TOPIC_APART = 0.10  # below this, two objects that name the topic share nothing else


def shared_topic(parent_title: str, child_title: str, lang: str) -> tuple[str, ...]:
    """The runs of ``parent_title``'s words between its cues and its ``title_words`` (关于,
    实施方案, 体制机制 …, whole words only) that ``child_title`` names too, longest first; none
    for English."""
    if lang != "zh":
        return ()
    cued = {k for cue in find_cues(parent_title, lang) for k in range(cue.start, cue.end)}
    title_words = set(load_rules().title_words)
    phrases, run, at = [], "", 0
    for word in words(parent_title, lang):
        apart = (
            word in title_words
            or not word.isalnum()
            or any(k in cued for k in range(at, at + len(word)))
        )
        at += len(word)
        if apart:
            phrases.append(run)
            run = ""
        else:
            run += word
    phrases.append(run)
    found = {p for p in phrases if len(p) >= TOPIC_MIN and p in child_title}
    return tuple(sorted(found, key=lambda p: (-len(p), p)))


def share_a_theme(parents: Sequence[Clause], children: Sequence[Clause]) -> np.ndarray:
    """1 where a parent clause and a child clause name a theme in common, else 0."""
    names = sorted({t for c in (*parents, *children) for t in c.themes})
    column = {name: k for k, name in enumerate(names)}

    def held(clauses: Sequence[Clause]) -> np.ndarray:
        out = np.zeros((len(clauses), len(names)))
        for i, clause in enumerate(clauses):
            out[i, [column[t] for t in clause.themes]] = 1.0
        return out

    return ((held(parents) @ held(children).T) > 0).astype(float)


def _without(text: str, topic: Sequence[str]) -> str:
    """``text`` without the topic and the 的 that joins it to what it qualifies (能源绿色低碳
    转型的目标: 目标), which two objects would otherwise share as a bigram."""
    for phrase in topic:
        text = re.sub(re.escape(phrase) + "的?", " ", text)
    return text


def beyond_topic(
    matrix: np.ndarray,
    parents: Sequence[str],
    children: Sequence[str],
    bonus: np.ndarray,
    topic: Sequence[str],
) -> np.ndarray:
    """``matrix`` (parent object x child object similarity, theme ``bonus`` included) where
    objects of which one names the ``topic`` and which share nothing else
    (:data:`TOPIC_APART`) are only as alike as the rest of their words (健全能源绿色低碳转型
    组织协调机制 and 建立能源绿色低碳转型服务体系); and where a child object that is the topic
    alone (统筹推进能源绿色低碳转型) restates no parent object in which the topic qualifies
    another head (明确能源绿色低碳转型的目标和任务)."""
    rest_p = [_without(t, topic) for t in parents]
    rest_c = [_without(t, topic) for t in children]
    rest = cosine_similarity(rest_p, rest_c, "char", 2, 2)
    apart = rest < TOPIC_APART
    named_p = np.array([r != t for r, t in zip(rest_p, parents, strict=True)], dtype=bool)
    named_c = np.array([r != t for r, t in zip(rest_c, children, strict=True)], dtype=bool)
    more_p = np.array([len(r.strip()) >= 2 for r in rest_p], dtype=bool)
    more_c = np.array([len(r.strip()) >= 2 for r in rest_c], dtype=bool)
    only_rest = np.logical_or.outer(named_p, named_c) & np.outer(more_p, more_c) & apart
    out = np.where(only_rest, np.minimum(matrix, rest + bonus), matrix)
    qualifies = np.array(
        [any(p in t and not t.rstrip().endswith(p) for p in topic) for t in parents], dtype=bool
    )
    out[np.outer(qualifies, named_c & ~more_c)] = 0.0
    return out
