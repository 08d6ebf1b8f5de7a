"""Pair the provisions of two versions of the same document.

Three passes, each only over what is still unpaired:

1. ``"id"``: identical provision ids, verified with evidence (numbers and years found in
   both texts, a relative length consistent with the two languages, and, for two versions
   in the same language, textual similarity). A same-language id pair whose texts are not
   similar is not trusted and left to the next passes.
2. ``"content"``: same-language versions only (a fragment against the full text, say):
   greedy best textual similarity (rapidfuzz), above :data:`CONTENT_THRESHOLD`.
3. ``"order"``: between two pairs already made, if both sides have the same number of
   unpaired provisions at the same levels, they are paired in order.

Whatever is left gets a pair with ``None`` on one side (method ``"unmatched"``, score 0).
Output follows the order of ``a``; provisions only in ``b`` are placed right before the pair
of the next paired ``b`` provision (at the end if there is none).

For two versions of *different* documents, where provision ids say little, use
:func:`policydiff.diff.align.align_provisions` instead (see its module notes).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from policydiff.models import Provision, StructuredVersion

__all__ = ["CONTENT_THRESHOLD", "ProvisionPair", "pair_versions"]

CONTENT_THRESHOLD = 60.0
# English words per Chinese character of an official translation (seeds 000/001: 0.75).
_EN_WORDS_PER_ZH_CHAR = 0.75


@dataclass(frozen=True)
class ProvisionPair:
    """Two provisions judged to be the same one; ``None`` on the side where it is missing."""

    a_id: str | None
    b_id: str | None
    score: float  # in [0, 1]
    method: str  # "id", "content", "order" or "unmatched"


_NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")
_CJK_RE = re.compile("[\u3400-\u9fff]")


def _body(p: Provision) -> str:
    return " ".join(s.text for s in p.sentences)


def _numbers(text: str) -> set[str]:
    return {m.group().lstrip("0") or "0" for m in _NUMBER_RE.finditer(text)}


def _size(text: str, lang: str) -> float:
    """Length in English-word equivalents."""
    if lang.startswith("zh"):
        cjk = len(_CJK_RE.findall(text))  # counted in C, not a step per character
        return cjk * _EN_WORDS_PER_ZH_CHAR + len(re.findall(r"[A-Za-z]+", text))
    return float(len(text.split()))


def _evidence(pa: Provision, la: str, pb: Provision, lb: str) -> float:
    """How much the two provision texts look like the same provision, in [0, 1]."""
    ta, tb = _body(pa), _body(pb)
    scores: list[float] = []
    na, nb = _numbers(ta), _numbers(tb)
    if na or nb:
        scores.append(len(na & nb) / len(na | nb))
    sa, sb = _size(ta, la), _size(tb, lb)
    if sa or sb:
        scores.append(min(sa, sb) / max(sa, sb))
    if la == lb:
        scores.append(_similarity(pa, pb) / 100.0)
    return sum(scores) / len(scores) if scores else 0.5


def _similarity(pa: Provision, pb: Provision) -> float:
    ta, tb = _body(pa), _body(pb)
    if not ta or not tb:
        return 100.0 if ta == tb and pa.heading == pb.heading else 0.0
    short, long_ = sorted((len(ta), len(tb)))
    if long_ > 1.5 * short:  # a truncated provision (fragment): compare with the best window
        return 0.95 * float(fuzz.partial_ratio(ta, tb))
    return float(fuzz.ratio(ta, tb))


def pair_versions(a: StructuredVersion, b: StructuredVersion) -> list[ProvisionPair]:
    """Pairs of provisions of two versions of the same document, in the order of ``a``."""
    la, lb = a.version.lang, b.version.lang
    same_lang = la == lb
    pas, pbs = list(a.provisions), list(b.provisions)
    b_index = {p.id: j for j, p in enumerate(pbs)}
    match: dict[int, tuple[int, float, str]] = {}  # a index -> (b index, score, method)
    taken: set[int] = set()

    for i, pa in enumerate(pas):
        j = b_index.get(pa.id)
        if j is None:
            continue
        if same_lang and _similarity(pa, pbs[j]) < CONTENT_THRESHOLD:
            continue
        score = 0.5 + 0.5 * _evidence(pa, la, pbs[j], lb)
        match[i] = (j, score, "id")
        taken.add(j)

    if same_lang:
        candidates: list[tuple[float, int, int]] = []
        for i, pa in enumerate(pas):
            if i in match:
                continue
            for j, pb in enumerate(pbs):
                if j in taken or (pa.level == 0) != (pb.level == 0):
                    continue
                sim = _similarity(pa, pb)
                if sim >= CONTENT_THRESHOLD:
                    candidates.append((-sim, i, j))
        for neg_sim, i, j in sorted(candidates):
            if i in match or j in taken:
                continue
            match[i] = (j, round(-neg_sim / 100.0, 4), "content")
            taken.add(j)

    _pair_in_order(pas, pbs, la, lb, match, taken)
    return _ordered(pas, pbs, match, taken)


def _pair_in_order(
    pas: list[Provision],
    pbs: list[Provision],
    la: str,
    lb: str,
    match: dict[int, tuple[int, float, str]],
    taken: set[int],
) -> None:
    """Pair unpaired runs of equal shape between consecutive anchors, in order."""
    anchors = sorted((i, j) for i, (j, _, _) in match.items())
    bounds = [(-1, -1), *anchors, (len(pas), len(pbs))]
    for (i0, j0), (i1, j1) in itertools.pairwise(bounds):
        if j1 <= j0:
            continue  # crossing anchors: no well-defined gap
        gap_a = [i for i in range(i0 + 1, i1) if i not in match]
        gap_b = [j for j in range(j0 + 1, j1) if j not in taken]
        if not gap_a or len(gap_a) != len(gap_b):
            continue
        if [pas[i].level for i in gap_a] != [pbs[j].level for j in gap_b]:
            continue
        for i, j in zip(gap_a, gap_b, strict=True):
            score = 0.25 + 0.5 * _evidence(pas[i], la, pbs[j], lb)
            match[i] = (j, round(score, 4), "order")
            taken.add(j)


def _ordered(
    pas: list[Provision],
    pbs: list[Provision],
    match: dict[int, tuple[int, float, str]],
    taken: set[int],
) -> list[ProvisionPair]:
    b_to_a = {j: i for i, (j, _, _) in match.items()}
    # b-only provisions go right before the pair of the next paired b provision (at the end
    # when there is none), so a gap reads: a-only provisions, then b-only ones.
    before: dict[int, list[int]] = {}
    for j in range(len(pbs)):
        if j in taken:
            continue
        anchor = next((b_to_a[k] for k in range(j + 1, len(pbs)) if k in b_to_a), len(pas))
        before.setdefault(anchor, []).append(j)
    out: list[ProvisionPair] = []
    for i in range(len(pas) + 1):
        out.extend(ProvisionPair(None, pbs[j].id, 0.0, "unmatched") for j in before.get(i, []))
        if i == len(pas):
            break
        if i in match:
            j, score, method = match[i]
            score = round(min(1.0, max(0.0, score)), 4)
            out.append(ProvisionPair(pas[i].id, pbs[j].id, score, method))
        else:
            out.append(ProvisionPair(pas[i].id, None, 0.0, "unmatched"))
    return out
