"""Parent clauses matched to child clauses by what they are about, many to many.

Provinces renumber, reorder, split and merge the clauses they restate, so provision numbers
say nothing: each clause is compared, by the cosine of TF-IDF character bigrams
(:mod:`policydiff.diff.tfidf`), on its *object*: its text without the directive cues, numbers
and years, which are what a restatement may change, and without punctuation. The thresholds
are in :mod:`.thresholds`. Sharing a theme of the catalogue adds ``THEME_BONUS``; naming the
topic of the lineage alone makes two objects no more alike (:mod:`.topic`); where the child
keeps the parent's provision together, its clauses are a little more alike
(:mod:`.sections`). Each parent clause takes the child clause most like it when the
similarity reaches ``MATCH``; else, for Chinese objects, one of the routes of :mod:`.routes`
may find it (containment, beside a sibling's restatement, under a copied heading); else, where a part
of a child sentence that directs nothing says it again, that part (:mod:`.statements`), a
restatement without a directive; else it is not restated. One child clause may restate
several parent clauses (a merge), and the child's other clauses that reach ``SUPPORT`` and
carry a target are kept as its *support*: a target restated in another sentence (a split)
still counts. A parent clause that is a target of its own is never restated by a child
clause whose own targets all measure other indicators
(:func:`policydiff.restatement.targets.same_indicator`), a parent clause that no target
measures never by a child clause with no directive that is only a target of its own, unless
that target measures the parent's whole object, nor by one whose object is another kind of the
parent's (:mod:`policydiff.restatement.contrast`), nor by one about places of other kinds only
(:func:`places`: 城市生活垃圾分类体系 for 农村生活垃圾分类处理), nor by one alike only by the
qualities a plan gives everything (:func:`_alike_in_qualities_only`: 绿色低碳建材 for
绿色低碳城市建设), nor one that names no instrument of the kind the parent makes
(:func:`~policydiff.restatement.kinds.instrument_made`) or drops the qualifier of the parent's
object (:mod:`.qualifiers`: 零碳社区, 改造专项规划). A child clause that copies a parent clause
(``VERBATIM``) restates that one, and another parent clause only where it is within
``VERBATIM_GAP`` as like it. A child clause that reaches ``MATCH`` but restates no parent
clause, another having been chosen, is kept beside the parent clause it is most like: a
second mention, not an addition.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import scipy.sparse as sp

from policydiff.diff.tfidf import cosine_similarity
from policydiff.restatement.clauses import Clause
from policydiff.restatement.contrast import contrast
from policydiff.restatement.kinds import (
    instrument_made,
    names_instrument,
    places,
    unplaced,
    wastes,
)
from policydiff.restatement.objects import (
    canonical,
    content,
    english_parts,
    object_bigrams,
)
from policydiff.restatement.qualifiers import qualifier
from policydiff.restatement.routes import beside, counted, covered, headed_alike, under_heading
from policydiff.restatement.rules import load_rules
from policydiff.restatement.sections import kept_provisions
from policydiff.restatement.statements import stated
from policydiff.restatement.targets import anothers_value, own_values, same_indicator
from policydiff.restatement.thresholds import (
    ENGLISH_MATCH,
    ENGLISH_WORDS,
    FRAMING_MATCH,
    HEAD_RUN,
    KIND_NEAR,
    MATCH,
    SUPPORT,
    THEME_BONUS,
    VERBATIM,
    VERBATIM_GAP,
)
from policydiff.restatement.topic import beyond_topic, share_a_theme

_SHARES = ("占比", "比例", "比重")  # words of a share a parent directs to raise or keep


@dataclass(frozen=True)
class Match:
    parent: Clause
    child: Clause | None
    similarity: float  # of the best child clause, whether or not it reached MATCH
    support: tuple[Clause, ...]
    # for a parent clause left unmatched, the best-scoring child clause, below MATCH: what
    # a reader checks the omission against (None when matched, or when no child clause
    # shares anything with it)
    nearest: Clause | None = None
    # child clauses that reach MATCH with this parent clause, most alike it of all, but
    # restate no parent clause: another child clause was chosen; in the child's order
    second_mentions: tuple[Clause, ...] = ()
    # how the child clause was found where the similarity did not say it: one of ROUTES
    route: str = ""


# the routes of :mod:`.routes` by which a child clause below MATCH is taken, as a doubt
# says them
ROUTES = {
    "covered": "as named inside a longer clause of the child",
    "beside": "beside the restatement of a sibling clause",
    "heading": "by the child's copy of the heading the provision's lead spells out",
    "headed": "as the clause of the child's sentence whose object ends on the parent's",
}


def _kinds(text: str, clause: Clause) -> tuple[frozenset[int], frozenset[int]]:
    """The kinds of place and of waste a clause's object names, its places else its section's."""
    return places(text) or _section_places(clause.location), wastes(text)


@lru_cache(maxsize=4096)
def _section_places(location: str) -> frozenset[int]:
    """The kinds of place the innermost heading of a section that names any names
    (III 打造绿色低碳县城和乡村 > III.13 推进绿色低碳农房建设: the countryside)."""
    for part in reversed(location.split(" > ")):
        found = places(canonical(part.split(" ", 1)[-1]))
        if found:
            return found
    return frozenset()


def _alike_in_qualities_only(texts_p: Sequence[str], texts_c: Sequence[str]) -> np.ndarray:
    """Pairs of objects that each name something besides the qualities of ``qualities`` in
    ``data/restatement.yaml`` (绿色, 低碳, 智能 …) and share character bigrams of those
    qualities only."""
    grams_p = [object_bigrams(t) for t in texts_p]
    grams_c = [object_bigrams(t) for t in texts_c]
    vocabulary = {g: k for k, g in enumerate(sorted(set().union(*grams_p, *grams_c)))}
    plain = np.zeros(len(vocabulary), dtype=bool)
    for quality in load_rules().qualities:
        for gram in object_bigrams(quality):
            if gram in vocabulary:
                plain[vocabulary[gram]] = True

    def incidence(grams: Sequence[set[str]]) -> sp.csr_array:
        rows = np.repeat(np.arange(len(grams)), [len(g) for g in grams])
        columns = np.fromiter((vocabulary[g] for gs in grams for g in gs), dtype=np.int64)
        return sp.csr_array(
            (np.ones(len(columns)), (rows, columns)), shape=(len(grams), len(vocabulary))
        )

    a, b = incidence(grams_p), incidence(grams_c)
    other = ~plain
    shared_plain = np.asarray((a[:, plain] @ b[:, plain].T).toarray())
    shared_other = np.asarray((a[:, other] @ b[:, other].T).toarray())
    # an object made of qualities alone (绿色低碳) is one of them, not qualified by them
    named_p = np.asarray(a[:, other].sum(axis=1)).reshape(-1, 1) > 0
    named_c = np.asarray(b[:, other].sum(axis=1)).reshape(1, -1) > 0
    return (shared_plain > 0) & (shared_other == 0) & named_p & named_c


def _english_similarity(texts_p: Sequence[str], texts_c: Sequence[str]) -> np.ndarray:
    """English objects' similarity (:func:`~policydiff.restatement.objects.english_object`):
    the cosine of their words' TF-IDF, each compound in its parts, 0 below
    :data:`ENGLISH_MATCH` or where they share fewer than :data:`ENGLISH_WORDS` of the
    parent's words, a compound counted once (one word in common, green or high-quality,
    is no restatement of an object of several, and two often name another thing)."""
    parts_p = [english_parts(t) for t in texts_p]
    parts_c = [english_parts(t) for t in texts_c]
    matrix = cosine_similarity(
        [" ".join(p) for p in parts_p], [" ".join(c) for c in parts_c], "word", 1, 1
    )
    matrix[matrix < ENGLISH_MATCH] = 0.0
    # the words in common are counted only where the cosine is high enough to matter
    words_p = [tuple(dict.fromkeys(t.split())) for t in texts_p]
    held_c = [frozenset(c) for c in parts_c]
    for i, j in zip(*np.nonzero(matrix), strict=True):
        shared = sum(all(part in held_c[j] for part in w.split("-")) for w in words_p[i])
        if shared < min(ENGLISH_WORDS, len(words_p[i])):
            matrix[i, j] = 0.0
    return matrix


def similarity_matrix(
    parents: Sequence[Clause],
    children: Sequence[Clause],
    topic: Sequence[str] = (),
    provisions: bool = True,
) -> np.ndarray:
    """Parent clause x child clause similarity, in [0, 1 + THEME_BONUS + sections.BONUS],
    before a copy is kept for the clause it copies (:func:`copies`); with ``provisions``, the
    prior of where the child keeps each parent provision (:mod:`.sections`) added before
    any refusal, so that a pair it lifts is refused as any other."""
    if not parents or not children:
        return np.zeros((len(parents), len(children)))
    texts_p = [content(c) for c in parents]
    texts_c = [content(c) for c in children]
    if parents[0].lang == "zh":
        matrix = cosine_similarity(texts_p, texts_c, "char", 2, 2)
    else:
        matrix = _english_similarity(texts_p, texts_c)
    bonus = THEME_BONUS * share_a_theme(parents, children)
    matrix += bonus
    if topic:
        matrix = beyond_topic(matrix, texts_p, texts_c, bonus, topic)
    if provisions:
        matrix = kept_provisions(matrix, parents, children)
    unrefused = matrix.copy()  # before any refusal below, so none depends on another's order
    # a parent clause that is a target of its own (每个组团面积不超过50平方公里) is not
    # restated by a child clause whose own targets are all of other indicators
    # (每个组团平均人口密度原则上不超过1万人/平方公里): two measures of one object. The
    # child's own numbers are read in their context, their clause with the one before, as
    # the parent's are (Hebei's 城市建成区路网密度达到9公里/平方公里 after the ministry's own
    # 合理布局城市快速干线交通…设施 is its 主城区道路网密度应大于8公里)
    offered = [
        [(t, context) for t, context in child.offered if t in child.targets and t.value is not None]
        for child in children
    ]
    for i, parent in enumerate(parents):
        own = [(t, c) for t, c in parent.measured if t in parent.targets and t.value is not None]
        if not own:
            continue
        for j in np.flatnonzero(matrix[i]).tolist():
            # ... unless it says it in the parent's very words: the same indicator, however
            # its unit is written (热损失比2020年下降5% for 下降5个百分点)
            if (
                offered[j]
                and texts_p[i].split() != texts_c[j].split()
                and not any(same_indicator(t, c, offered[j]) for t, c in own)
            ):
                matrix[i, j] = 0.0
    # ... nor by a child clause whose number is the one a sibling clause of the parent's
    # sentence sets for the same indicator, and not its own: where the parent sets one
    # indicator at several values for several kinds (严寒、寒冷地区…达到83%节能要求，夏热冬冷、
    # 夏热冬暖、温和地区…达到75%节能要求), a child's 75% is the second kind's, not the first
    # kind's lowered
    valued_p = np.array([bool(own_values(c)) for c in parents], dtype=bool)
    valued_c = np.array([counted(c) for c in children], dtype=bool)
    for i, j in zip(*np.nonzero((matrix > 0) & np.outer(valued_p, valued_c)), strict=True):
        if anothers_value(parents[i], children[j], parents):
            matrix[i, j] = 0.0
    # ... nor is a parent clause that no target measures (完善城市公园体系) restated by a
    # child clause with no directive that is only a target of its own (2025年城市公园绿地
    # 服务半径覆盖率达到82%): a number where the parent sets none restates no directive,
    # unless it measures the parent's whole object (到2030年农村生活垃圾资源化利用率达到65%
    # holds every bigram of 倡导农村生活垃圾资源化利用's object: strengthened), its names of
    # places aside, which the refusal by kinds of place below reads (到2025年，绿色出行比例达到
    # 75％以上 measures 城市绿色交通出行比例稳步提升)
    bare = {
        j: object_bigrams(texts_c[j])
        for j, child in enumerate(children)
        if child.level == 0 and counted(child)
    }
    for i, parent in enumerate(parents):
        if bare and not any(t.value is not None for t, _ in parent.measured):
            whole = object_bigrams(unplaced(texts_p[i])) or object_bigrams(texts_p[i])
            share = next((w for w in _SHARES if texts_p[i].rstrip().endswith(w)), "")
            for j, grams in bare.items():
                # a directive to raise a share (提高…新能源汽车应用占比) is a target without
                # a number: a child's number of that share quantifies it
                if share and share in children[j].text:
                    continue
                if not whole <= grams:
                    matrix[i, j] = 0.0
    # a child clause that names another kind of the parent's object (供热管网 → 供水管网),
    # a kind the parent commits to elsewhere in a clause the child's comes near
    # (KIND_NEAR), restates that other commitment however many characters the two share;
    # unless it copies the parent clause word for word but that noun (VERBATIM: Chongqing's
    # 合理确定建筑朝向、窗墙比和体形系数 for 合理确定住宅朝向、窗墙比和体形系数, 0.81), which then
    # names the same thing more widely, not another kind. And so does one whose object ends
    # on another head after the same words (农房节能措施 → 农房节能改造), where another parent
    # clause names those words with that head (积极推进农房节能改造: the retrofit is not the
    # measures)
    general = load_rules().general_nouns
    for i, j in zip(*np.nonzero((matrix >= MATCH) & (matrix < VERBATIM)), strict=True):
        pair = contrast(texts_p[i], texts_c[j])
        if pair is not None and pair[1] in general:
            pair = None  # 系统 for 建筑 names the same application, not another kind
        kind = pair[1] if pair is not None else _other_head(texts_p[i], texts_c[j])
        if kind and any(
            kind in t and unrefused[k, j] >= KIND_NEAR for k, t in enumerate(texts_p) if k != i
        ):
            matrix[i, j] = 0.0
    # a child clause about places of other kinds only (城市生活垃圾分类体系) does not
    # restate a parent clause about places of its kinds only (农村生活垃圾分类处理); nor one
    # about waste of other kinds only (农村生活垃圾…资源化利用) a parent clause about waste of
    # its kinds only (农村生活污水就近就地资源化利用): sewage and refuse are treated and reused
    # by other works, and the plans commit to each apart
    kinds_p = [_kinds(t, c) for t, c in zip(texts_p, parents, strict=True)]
    kinds_c = [_kinds(t, c) for t, c in zip(texts_c, children, strict=True)]
    for i, j in zip(*np.nonzero(matrix >= MATCH), strict=True):
        if any(a and b and not a & b for a, b in zip(kinds_p[i], kinds_c[j], strict=True)):
            matrix[i, j] = 0.0
    # two objects alike only by the qualities a plan gives everything (绿色低碳城市建设 and
    # 绿色低碳建材) are about other things
    matrix[_alike_in_qualities_only(texts_p, texts_c) & (matrix > 0)] = 0.0
    # a parent clause that makes an instrument (完善建筑可再生能源应用标准, 加强节能改造鉴定评估)
    # is restated only by a child clause that names one of its kind: one that does what
    # the standard would govern (加强可再生能源应用) does not make the standard
    for i, parent in enumerate(parents):
        made = instrument_made(parent.text, parent.cue, texts_p[i])
        if made is not None:
            for j, child in enumerate(children):
                if not names_instrument(child.text, made):
                    matrix[i, j] = 0.0
    # a parent object qualified into a kind of its own (探索零碳社区建设, 加强立体绿化) or a
    # plan or standard of one thing (编制改造专项规划) is not restated by a child clause that
    # drops that qualifier (…完整居住社区覆盖率达到60%; 组织编制绿色建筑专项规划)
    for i, text in enumerate(texts_p):
        if (kept := qualifier(text)) is not None:
            for j in np.flatnonzero(matrix[i] > 0).tolist():
                if kept.dropped_by(texts_c[j], children[j]):
                    matrix[i, j] = 0.0
    # a clause of the child's guiding ideas or principles (``framing``) speaks of the whole
    # field in general words that come near many a task: it restates one only when it says
    # much the same; a parent's principle, general too, from MATCH, and not by the lower
    # floors of covered and beside
    framing = load_rules().framing
    tasks = np.array([not any(name in p.location for name in framing) for p in parents], dtype=bool)
    for j, child in enumerate(children):
        if any(name in child.location for name in framing):
            column = matrix[:, j]
            column[tasks & (column < FRAMING_MATCH)] = 0.0
            column[~tasks & (column < MATCH)] = 0.0
    return matrix


def copies(matrix: np.ndarray) -> np.ndarray:
    """``matrix`` where a child clause that copies one parent clause nearly word for word
    (:data:`VERBATIM`) restates that one: another parent clause takes it only where it is
    about as like it (:data:`VERBATIM_GAP`: 推进建筑垃圾集中处理、分级利用 is the ministry's own
    clause, not a restatement of 倡导农村生活垃圾资源化利用 however many characters the two
    share)."""
    matrix = matrix.copy()
    if matrix.shape[0] > 1 and matrix.shape[1]:
        owner, top = matrix.argmax(axis=0), matrix.max(axis=0)
        for j in np.flatnonzero(top >= VERBATIM).tolist():
            others = np.arange(matrix.shape[0]) != owner[j]
            column = matrix[:, j]
            column[others & (column < top[j] - VERBATIM_GAP)] = 0.0
    return matrix


def _other_head(parent: str, child: str) -> str:
    """Where the child's object ends on another head of two characters than the parent's,
    after the same :data:`HEAD_RUN` characters or more (农房节能措施 → 既有农房节能改造),
    those characters with the child's head (农房节能改造); "" otherwise. Where another
    parent clause names that (在北方地区冬季清洁取暖项目中积极推进农房节能改造), the child
    clause restates that one: the measures are not the retrofit."""
    a, b = (parent.split() or [""])[-1], (child.split() or [""])[-1]
    if len(a) < 4 or len(b) < 4 or a[-2:] == b[-2:]:
        return ""
    rest_a, rest_b = a[:-2], b[:-2]
    n = 0
    while n < min(len(rest_a), len(rest_b)) and rest_a[-1 - n] == rest_b[-1 - n]:
        n += 1
    return rest_a[len(rest_a) - n :] + b[-2:] if n >= HEAD_RUN else ""


def _most_alike(
    matrix: np.ndarray, parents: Sequence[Clause], children: Sequence[Clause]
) -> np.ndarray:
    """Each parent clause's most alike child clause; of child clauses alike to the same
    degree, the one whose cue is nearest the parent's in strength (for 系统化全域推进海绵城市
    建设, Liaoning's 全域化推进海绵城市建设 rather than its 推进海绵城市建设), then the first.
    A child clause that copies the parent's word for word, cue and all, is its restatement
    wherever the copy stands: another clause of the same object comes out ahead of it by
    a bonus only (Guangdong's 提倡绿色低碳生活方式 of its principles, beside its 积极倡导绿色
    低碳生活方式 of the ministry's own provision)."""
    best = matrix.argmax(axis=1) if parents else np.zeros(0, dtype=int)
    rounded = np.round(matrix, 9)
    top = rounded.max(axis=1, keepdims=True) if parents else np.zeros((0, 1))
    for i in np.flatnonzero(((rounded == top).sum(axis=1) > 1) & (top[:, 0] > 0)).tolist():
        tied = np.flatnonzero(rounded[i] == top[i, 0])
        gaps = [abs(children[j].strength - parents[i].strength) for j in tied.tolist()]
        best[i] = tied[int(np.argmin(gaps))]
    by_text: dict[str, list[int]] = {}
    for j, child in enumerate(children):
        by_text.setdefault(child.text, []).append(j)
    for i, parent in enumerate(parents):
        text = parent.text
        copy = next((j for j in by_text.get(text, ()) if matrix[i, j] >= VERBATIM), None)
        if copy is not None and children[int(best[i])].text != text:
            best[i] = copy
    return best


def _stated_match(
    parent: Clause, said: tuple[int, float] | None, statements: Sequence[Clause]
) -> Match:
    if said is None:
        return Match(parent, None, 0.0, ())
    return Match(parent, statements[said[0]], round(said[1], 3), ())


def _routes(
    parents: Sequence[Clause],
    children: Sequence[Clause],
    matrix: np.ndarray,
    alike: np.ndarray,
    best: np.ndarray,
    scores: np.ndarray,
    matched: np.ndarray,
) -> dict[int, str]:
    """The parent clauses that a route of :mod:`.routes` finds a child clause for, each
    with its route (:data:`ROUTES`); ``best``, ``scores`` and ``matched`` are updated in
    place."""
    routes: dict[int, str] = {}
    # a parent clause no child clause reaches may still be named inside a longer one
    taken = {int(j) for j in best[matched]}
    for i, j in covered(parents, children, matrix, taken).items():
        best[i], scores[i], matched[i], routes[i] = j, matrix[i, j], True, "covered"
    # ... or restated beside a sibling's restatement
    taken = {int(j) for j in best[matched]}
    for i, j in beside(parents, children, matrix, best, matched, taken).items():
        best[i], scores[i], matched[i], routes[i] = j, matrix[i, j], True, "beside"
    # ... or by the child's copy of the heading its provision's lead spells out
    for i, j in under_heading(parents, children, matrix, alike, best, matched).items():
        best[i], scores[i], matched[i], routes[i] = j, matrix[i, j], True, "heading"
    # ... or by the clause of the same child sentence whose object is the parent's
    for i, j in headed_alike(parents, children, matrix, best, matched).items():
        best[i], scores[i] = j, matrix[i, j]
        if matrix[i, j] < MATCH:
            routes[i] = "headed"
        else:
            routes.pop(i, None)
    return routes


def align_clauses(
    parents: Sequence[Clause],
    children: Sequence[Clause],
    topic: Sequence[str] = (),
    statements: Sequence[Clause] = (),
) -> tuple[tuple[Match, ...], tuple[Clause, ...]]:
    """Each parent clause with its best child clause (None below :data:`MATCH`; else a part
    of ``statements``, the child's sentences' parts that direct nothing, by
    :func:`~policydiff.restatement.statements.stated`), and the child's additions: its
    clauses that reach :data:`MATCH` with no parent clause."""
    alike = similarity_matrix(parents, children, topic)
    matrix = copies(alike)
    if not children:
        said = stated(similarity_matrix(parents, statements, topic, False), range(len(parents)))
        return tuple(_stated_match(p, said.get(i), statements) for i, p in enumerate(parents)), ()
    best = _most_alike(matrix, parents, children)
    scores = matrix[np.arange(len(parents)), best] if parents else np.zeros(0)
    matched = scores >= MATCH
    # the routes read Chinese objects; English ones are read by their similarity alone
    routes = (
        _routes(parents, children, matrix, alike, best, scores, matched)
        if parents and parents[0].lang == "zh"
        else {}
    )
    # the parent clauses of one sentence share its targets: where the child restates a
    # sibling clause that carries one, that child clause's sentence may carry it too
    siblings: dict[str, list[int]] = {}
    for i, parent in enumerate(parents):
        if parent.targets:
            siblings.setdefault(parent.sentence_id, []).append(i)
    # a child clause as like a parent clause as a restatement, where another was chosen,
    # is shown beside that parent clause: neither a restatement nor an addition, not lost
    best_parent = matrix.max(axis=0) if parents else np.zeros(len(children))
    restating = {int(j) for j in best[matched]}
    mentioned: dict[int, list[Clause]] = {}
    for j in np.flatnonzero(best_parent >= MATCH).tolist():
        if j not in restating:
            mentioned.setdefault(int(matrix[:, j].argmax()), []).append(children[j])
    unmatched = [i for i in range(len(parents)) if not matched[i]]
    said = stated(similarity_matrix(parents, statements, topic, False), unmatched)
    out = []
    for i, parent in enumerate(parents):
        score = float(scores[i])
        if i in said:
            out.append(_stated_match(parent, said[i], statements))
            continue
        if not matched[i]:
            nearest = children[int(best[i])] if score > 0 else None
            out.append(Match(parent, None, round(score, 3), (), nearest))
            continue
        chosen = int(best[i])
        support: dict[int, Clause] = {}
        for j in siblings.get(parent.sentence_id, []):
            if j != i and matched[j] and int(best[j]) != chosen:
                support.setdefault(int(best[j]), children[int(best[j])])
        for j in np.flatnonzero(matrix[i] >= SUPPORT).tolist():
            if j != chosen and children[j].targets:
                support.setdefault(j, children[j])
        ordered = tuple(support[j] for j in sorted(support))
        out.append(
            Match(
                parent,
                children[chosen],
                round(score, 3),
                ordered,
                second_mentions=tuple(mentioned.get(i, ())),
                route=routes.get(i, ""),
            )
        )
    if not parents:
        return (), tuple(children)
    additions = tuple(
        c for j, c in enumerate(children) if best_parent[j] < MATCH and j not in restating
    )
    return tuple(out), additions
