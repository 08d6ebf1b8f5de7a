"""Aligning the provisions of two structured versions (any documents, any languages).

Similarity, per pair of provisions, in [0, 1]:

* same language: cosine similarity of TF-IDF character n-grams (``char_wb`` 2-4 for
  English, ``char`` 1-3 for Chinese) of heading + sentences, rescaled so that the median
  pair of the comparison scores 0 (policy prose shares n-grams whatever it says);
* English vs Chinese: a weighted mean of language-neutral evidence - equal provision ids
  (the structure stage numbers "III.1" alike in both languages; versions of one document
  only), theme anchors (the
  catalogue is a bilingual glossary: an English variant and a Chinese term of one theme
  name the same thing; Jaccard of the themes mentioned), shared numbers and years, equal
  level, close relative position, and a plausible length ratio; in two documents equal ids
  count for nothing, and a pair that shares no theme and no number scores 0 (their place
  alone says nothing).

Pairs are chosen with the Hungarian algorithm (``scipy.optimize.linear_sum_assignment``)
and kept when their score reaches ``min_score``.  A kept pair is ``matched`` when it keeps
the document order (it lies on the longest order-preserving chain of pairs), else
``moved``.  A provision left over whose best counterpart is already paired is
reported as ``merged`` (two provisions of A into one of B) or ``split`` (one of A into
two of B) when it scores at least ``min_score`` and at least :data:`SHARE` of that
pair's score; anything else left over is ``removed`` (only in A) or ``added`` (only in B).

When to use which matcher: :func:`policydiff.structure.pair_versions` pairs the
provisions of two versions *of one document* (a translation, a fragment): it trusts
equal provision ids, checked against their content, and is what the evolution uses to
set an English sentence beside its Chinese original. This module aligns *any* two
versions, of different documents too, where ids say little: it reads content and
reports moves, splits and merges; ``policydiff diff`` and ``policydiff align`` use it.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

from policydiff.diff.tfidf import cosine_similarity
from policydiff.models import Provision, StructuredVersion
from policydiff.themes.catalogue import Catalogue, load_catalogue
from policydiff.themes.match import match_sentence

MIN_SCORE_SAME = 0.25
MIN_SCORE_CROSS = 0.45
SHARE = 0.75  # a split/merged part scores at least this share of the kept pair
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
RELATIONS = ("matched", "moved", "split", "merged", "added", "removed")


@dataclass(frozen=True)
class AlignedPair:
    """One row of an alignment; ``a_id``/``b_id`` are provision ids or None."""

    a_id: str | None
    b_id: str | None
    score: float  # in [0, 1]; 0.0 for added/removed
    relation: str  # one of RELATIONS


@dataclass(frozen=True)
class Alignment:
    a_document: str
    b_document: str
    pairs: tuple[AlignedPair, ...]
    mean_score: float  # mean score of matched/moved pairs, in [0, 1]
    unmatched_a: int  # provisions of A reported as removed
    unmatched_b: int  # provisions of B reported as added

    def counterpart(self, a_id: str) -> str | None:
        return next((p.b_id for p in self.pairs if p.a_id == a_id and p.b_id), None)


def provision_text(p: Provision) -> str:
    body = " ".join(s.text for s in p.sentences)
    if p.heading and not body.startswith(p.heading):
        return f"{p.heading} {body}".strip()
    return body.strip() or p.heading


def _same_language(texts_a: list[str], texts_b: list[str], lang: str) -> np.ndarray:
    if lang == "zh":
        raw = cosine_similarity(texts_a, texts_b, "char", 1, 3)
    else:
        raw = cosine_similarity(texts_a, texts_b, "char_wb", 2, 4)
    # Policy prose shares many character n-grams whatever it says: rescale so that the
    # median pair of this comparison scores 0 and identical texts still score 1.
    base = float(np.median(raw)) if raw.size > 1 else 0.0
    base = min(base, 0.9)
    return np.clip((raw - base) / (1.0 - base), 0.0, 1.0)


def _jaccard(a: set[str], b: set[str]) -> float | None:
    if not a and not b:
        return None
    return len(a & b) / len(a | b)


def _themes(p: Provision, lang: str, catalogue: Catalogue) -> set[str]:
    return {m[0] for s in p.sentences for m in match_sentence(s.text, lang, catalogue)}


def _size(text: str, lang: str) -> float:
    # rough translation-invariant size: ~1.6 Chinese characters per English word
    return len(text) / 1.6 if lang == "zh" else len(text.split())


def _cross_language(a: StructuredVersion, b: StructuredVersion, catalogue: Catalogue) -> np.ndarray:
    pa, pb = a.provisions, b.provisions
    la, lb = a.version.lang, b.version.lang
    ta = [provision_text(p) for p in pa]
    tb = [provision_text(p) for p in pb]
    themes_a = [_themes(p, la, catalogue) for p in pa]
    themes_b = [_themes(p, lb, catalogue) for p in pb]
    nums_a = [set(_NUMBER.findall(t)) for t in ta]
    nums_b = [set(_NUMBER.findall(t)) for t in tb]
    size_a = [_size(t, la) for t in ta]
    size_b = [_size(t, lb) for t in tb]
    # equal ids say a provision is the same one in two versions of one document; in two
    # documents they say only that both have a second part, and their place and size say
    # nothing unless they share a theme or a number
    one_document = a.document_id == b.document_id
    out = np.zeros((len(pa), len(pb)))
    for i, p in enumerate(pa):
        pos_a = i / max(len(pa) - 1, 1)
        for j, q in enumerate(pb):
            pos_b = j / max(len(pb) - 1, 1)
            same_id = [(0.35, 1.0 if p.id == q.id else 0.0)] if one_document else []
            evidence: list[tuple[float, float]] = [
                *same_id,
                (0.05, 1.0 if p.level == q.level else 0.0),
                (0.15, max(0.0, 1.0 - 4 * abs(pos_a - pos_b))),
            ]
            th = _jaccard(themes_a[i], themes_b[j])
            if th is not None:
                evidence.append((0.30, th))
            nu = _jaccard(nums_a[i], nums_b[j])
            if nu is not None:
                evidence.append((0.20, nu))
            if not one_document and not (th or nu):
                continue  # two documents, and nothing of their content in common
            if size_a[i] > 0 and size_b[j] > 0:
                ratio = min(size_a[i], size_b[j]) / max(size_a[i], size_b[j])
                evidence.append((0.10, ratio))
            total = sum(w for w, _ in evidence)
            out[i, j] = sum(w * v for w, v in evidence) / total
    return out


def similarity_matrix(
    a: StructuredVersion, b: StructuredVersion, catalogue: Catalogue | None = None
) -> np.ndarray:
    """Provision x provision similarity in [0, 1] (rows: ``a``, columns: ``b``)."""
    if a.version.lang == b.version.lang:
        return _same_language(
            [provision_text(p) for p in a.provisions],
            [provision_text(p) for p in b.provisions],
            a.version.lang,
        )
    return _cross_language(a, b, catalogue if catalogue is not None else load_catalogue())


def _in_order(pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The longest chain of pairs increasing in both a and b (patience sorting)."""
    pairs = sorted(pairs)
    tails: list[int] = []
    tail_idx: list[int] = []
    prev: list[int] = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        pos = bisect.bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_idx.append(k)
        else:
            tails[pos] = j
            tail_idx[pos] = k
        prev[k] = tail_idx[pos - 1] if pos > 0 else -1
    chain: set[tuple[int, int]] = set()
    k = tail_idx[-1] if tail_idx else -1
    while k >= 0:
        chain.add(pairs[k])
        k = prev[k]
    return chain


def align_provisions(
    a: StructuredVersion,
    b: StructuredVersion,
    catalogue: Catalogue | None = None,
    *,
    min_score: float | None = None,
) -> Alignment:
    """Pair each provision of ``a`` with its best counterpart in ``b`` or none.

    ``min_score`` defaults to :data:`MIN_SCORE_SAME` (same language) or
    :data:`MIN_SCORE_CROSS` (English vs Chinese).  Rows come in the order of ``a``, with
    added provisions of ``b`` placed after the row of their preceding provision of ``b``.
    """
    same = a.version.lang == b.version.lang
    threshold = (
        min_score if min_score is not None else (MIN_SCORE_SAME if same else MIN_SCORE_CROSS)
    )
    pa, pb = a.provisions, b.provisions
    if not pa or not pb:
        pairs = [AlignedPair(p.id, None, 0.0, "removed") for p in pa]
        pairs += [AlignedPair(None, q.id, 0.0, "added") for q in pb]
        return Alignment(a.document_id, b.document_id, tuple(pairs), 0.0, len(pa), len(pb))
    sim = np.clip(similarity_matrix(a, b, catalogue), 0.0, 1.0)
    # imported here: a report imports this module whether or not it aligns anything
    from scipy.optimize import linear_sum_assignment

    rows, cols = linear_sum_assignment(-sim)
    kept = [(int(i), int(j)) for i, j in zip(rows, cols, strict=False) if sim[i, j] >= threshold]
    chain = _in_order(kept)
    a_to_b = dict(kept)
    b_to_a = {j: i for i, j in kept}

    rows_a: dict[int, AlignedPair] = {}
    extra_b: dict[int, AlignedPair] = {}
    for i, j in kept:
        relation = "matched" if (i, j) in chain else "moved"
        rows_a[i] = AlignedPair(pa[i].id, pb[j].id, round(float(sim[i, j]), 4), relation)
    for i in range(len(pa)):
        if i in a_to_b:
            continue
        j = int(np.argmax(sim[i]))
        if sim[i, j] >= threshold and j in b_to_a and sim[i, j] >= SHARE * sim[b_to_a[j], j]:
            rows_a[i] = AlignedPair(pa[i].id, pb[j].id, round(float(sim[i, j]), 4), "merged")
        else:
            rows_a[i] = AlignedPair(pa[i].id, None, 0.0, "removed")
    for j in range(len(pb)):
        if j in b_to_a:
            continue
        i = int(np.argmax(sim[:, j]))
        if sim[i, j] >= threshold and i in a_to_b and sim[i, j] >= SHARE * sim[i, a_to_b[i]]:
            extra_b[j] = AlignedPair(pa[i].id, pb[j].id, round(float(sim[i, j]), 4), "split")
        else:
            extra_b[j] = AlignedPair(None, pb[j].id, 0.0, "added")

    # order: rows of a; each extra b row after the a row paired with its nearest earlier b
    out: list[AlignedPair] = []
    placed: set[int] = set()
    anchors: dict[int, list[int]] = {}
    for j in sorted(extra_b):
        prior = [jj for jj in b_to_a if jj < j]
        anchor = b_to_a[max(prior)] if prior else -1
        anchors.setdefault(anchor, []).append(j)
    for j in anchors.get(-1, []):
        out.append(extra_b[j])
        placed.add(j)
    for i in range(len(pa)):
        out.append(rows_a[i])
        for j in anchors.get(i, []):
            out.append(extra_b[j])
            placed.add(j)
    out.extend(extra_b[j] for j in sorted(set(extra_b) - placed))

    scores = [p.score for p in out if p.relation in ("matched", "moved")]
    mean = float(sum(scores) / len(scores)) if scores else 0.0
    return Alignment(
        a_document=a.document_id,
        b_document=b.document_id,
        pairs=tuple(out),
        mean_score=round(mean, 4) if not math.isnan(mean) else 0.0,
        unmatched_a=sum(1 for p in out if p.relation == "removed"),
        unmatched_b=sum(1 for p in out if p.relation == "added"),
    )


# --------------------------------------------------------------------------- reporting


def provision_title(p: Provision | None) -> str:
    """The provision's heading, else its first sentence ('' for none)."""
    if p is None:
        return ""
    if p.heading:
        return p.heading
    return p.sentences[0].text if p.sentences else ""


@dataclass(frozen=True)
class AlignmentRow:
    a_id: str | None
    b_id: str | None
    relation: str
    score: float
    a_title: str
    b_title: str


@dataclass(frozen=True)
class AlignmentReport:
    a: StructuredVersion
    b: StructuredVersion
    rows: tuple[AlignmentRow, ...]
    mean_score: float
    unmatched_a: int
    unmatched_b: int
    relations: dict[str, int]  # relation -> count, in RELATIONS order, zero counts kept


def alignment_report(
    a: StructuredVersion, b: StructuredVersion, catalogue: Catalogue
) -> AlignmentReport:
    alignment = align_provisions(a, b, catalogue)
    rows = tuple(
        AlignmentRow(
            p.a_id,
            p.b_id,
            p.relation,
            p.score,
            provision_title(a.provision(p.a_id) if p.a_id else None),
            provision_title(b.provision(p.b_id) if p.b_id else None),
        )
        for p in alignment.pairs
    )
    counts = Counter(p.relation for p in alignment.pairs)
    return AlignmentReport(
        a=a,
        b=b,
        rows=rows,
        mean_score=alignment.mean_score,
        unmatched_a=alignment.unmatched_a,
        unmatched_b=alignment.unmatched_b,
        relations={r: counts.get(r, 0) for r in RELATIONS},
    )
