"""Parent clauses matched to child clauses by what they are about, many to many.

Provinces renumber, reorder, split and merge the clauses they restate, so provision numbers
say nothing: each clause is compared, by the cosine of TF-IDF character bigrams
(:mod:`policydiff.diff.tfidf`), on its *object*: its text without the directive cues, numbers
and years, which are what a restatement may change, and without punctuation. Sharing a theme
of the catalogue adds :data:`THEME_BONUS`; naming the topic of the lineage alone makes two
objects no more alike (:mod:`.topic`); where the child keeps the parent's provision together,
its clauses are a little more alike (:mod:`.sections`). Each parent clause takes the child
clause most like it when the similarity reaches :data:`MATCH` (else, where a child clause that
restates no other parent clause, or lists things (:func:`~.objects.lists`), holds :data:`COVER` of the
parent object's bigrams and reaches :data:`COVER_FLOOR`, the most alike of those:
:func:`covered`; else, where another clause of its sentence is restated, the most alike clause
of that child sentence or the next or last one from :data:`COVER_FLOOR` (in that sentence from
:data:`NEAR_FLOOR`, holding :data:`NEAR_SHARE` of its bigrams) that restates no other:
:func:`beside`; else, where a part of a child sentence that directs nothing says it again, that
part (:mod:`.statements`), a restatement without a directive; else it is not restated); one
child clause may restate several parent clauses (a merge), and the child's other clauses that
reach :data:`SUPPORT` and carry a target are kept as its *support*: a target restated in
another sentence (a split) still counts. A parent clause that is a target of its own is never
restated by a child clause whose own targets all measure other indicators
(:func:`policydiff.restatement.targets.same_indicator`), a parent clause that no target
measures never by a child clause with no directive that is only a target of its own, unless
that target measures the parent's whole object, nor by one whose object is another kind of the
parent's (:mod:`policydiff.restatement.contrast`), nor by one about places of other kinds only
(:func:`places`: 城市生活垃圾分类体系 for 农村生活垃圾分类处理), nor one that names no instrument
of the kind the parent makes (:func:`~policydiff.restatement.kinds.instrument_made`) or drops
the qualifier of the parent's object (:mod:`.qualifiers`: 零碳社区, 改造专项规划). A child clause
that copies a parent clause (:data:`VERBATIM`) restates that one, and another parent clause
only where it is within :data:`VERBATIM_GAP` as like it. A child clause that reaches :data:`MATCH` but restates
no parent clause, another having been chosen, is kept beside the parent clause it is most
like: a second mention, not an addition.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

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
    holds_loosely,
    keeps_frame,
    lists,
    object_bigrams,
)
from policydiff.restatement.qualifiers import qualifier
from policydiff.restatement.rules import load_rules
from policydiff.restatement.sections import kept_provisions
from policydiff.restatement.statements import stated
from policydiff.restatement.targets import anothers_value, own_values, same_indicator
from policydiff.restatement.topic import beyond_topic, share_a_theme

MATCH = 0.35  # similarity from which a child clause restates a parent clause
FRAMING_MATCH = 0.50  # ... a parent task, and a clause of the child's guiding ideas or principles
SUPPORT = 0.40  # similarity from which another child clause's targets count too
THEME_BONUS = 0.10  # added when the two clauses mention one theme of the catalogue
VERBATIM = 0.80  # similarity from which a child clause copies a parent clause ...
VERBATIM_GAP = 0.30  # ... and restates no other parent clause less like it by this much
COVER = 0.60  # share of a parent object's bigrams a child clause holds to restate it ...
COVER_FLOOR = 0.20  # ... when no child clause reaches MATCH and it reaches this much
NEAR_FLOOR = 0.10  # beside a sibling, in its own child sentence, from this similarity ...
NEAR_SHARE = 0.25  # ... for a child clause that holds this share of the parent's bigrams
KIND_NEAR = 0.20  # similarity of a child clause to the parent clause naming its other kind
HEAD_RUN = 3  # characters before a head that two objects share for another head to differ
HEAD_MIN = 4  # characters of a parent's object that another clause of a sentence ends on
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
    matrix = cosine_similarity(texts_p, texts_c, "char", 2, 2)
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
    valued_c = np.array([_counted(c) for c in children], dtype=bool)
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
        if child.level == 0 and _counted(child)
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


def covered(
    parents: Sequence[Clause], children: Sequence[Clause], matrix: np.ndarray, taken: set[int]
) -> dict[int, int]:
    """Parent clauses that no child clause restates by :data:`MATCH`, each with the child
    clause, restating no other parent clause (not in ``taken``), that holds at least
    :data:`COVER` of the parent object's character bigrams and reaches
    :data:`COVER_FLOOR`, the most alike of those: a child that names the parent's object
    inside a longer clause or list (Yunnan's 鼓励引导新建住宅采用干式工法楼面地面、集成厨房、
    整体卫浴、管线分离等装配化装修成套技术 restates 积极推广装配化装修, 0.27) is diluted by the
    rest of its clause, which the cosine counts and containment does not. So does one that
    keeps the frame of the parent's object and says its middle in its own words
    (:func:`~.objects.keeps_frame`). A child clause
    that lists things (:func:`~.objects.lists`) may be taken though it restates another parent clause:
    a province merges into one list what the parent commits to one item at a time (Guangdong's
    鼓励农房选用装配式钢结构和绿色建材 restates both 鼓励选用装配式钢结构、木结构等建造方式 and
    推广使用绿色建材)."""
    grams_c = [object_bigrams(content(c)) for c in children]
    objects_c = ["".join(content(c).split()) for c in children]
    listing = [lists(c) for c in children]
    out: dict[int, int] = {}
    for i, parent in enumerate(parents):
        if matrix[i].max(initial=0.0) >= MATCH:
            continue
        own = object_bigrams(content(parent))
        if not own:
            continue
        whole = "".join(content(parent).split())
        held = [
            j
            for j, grams in enumerate(grams_c)
            if (j not in taken or listing[j])
            and matrix[i, j] >= COVER_FLOOR
            and (len(own & grams) >= COVER * len(own) or keeps_frame(whole, objects_c[j]))
            and (children[j].targets or not _counted(parent))
        ]
        if held:
            out[i] = max(held, key=lambda j: float(matrix[i, j]))
    return out


def _counted(clause: Clause) -> bool:
    """Whether a clause is a target of its own (到2030年培育100个智能建造产业基地): below
    :data:`MATCH`, :func:`covered` and :func:`beside` restate it only by a child clause that
    carries a target, not by one that names its object without a number."""
    return any(t.value is not None for t in clause.targets)


def beside(
    parents: Sequence[Clause],
    children: Sequence[Clause],
    matrix: np.ndarray,
    best: np.ndarray,
    matched: np.ndarray,
    taken: set[int],
) -> dict[int, int]:
    """Parent clauses still unmatched whose sentence has a clause restated in a child
    sentence, each with the most alike clause of that child sentence, or of the sentence
    just before or after it in its provision, that reaches :data:`COVER_FLOOR` and restates
    no other parent clause (not in ``taken``): a province restates a parent sentence as a
    sentence, or two in a row, in its own words, so a clause there that restates one
    sibling restates another at less than :data:`MATCH` (Henan's 推行整体厨卫、管线分离、
    一体化装修技术，推广集成化模块化建筑部品 restates 积极推广装配化装修 by MATCH, and so
    推行整体卫浴和厨房等模块化部品应用技术 by 推广集成化模块化建筑部品, 0.23). In the very
    sentence that restates the sibling, a clause that holds :data:`NEAR_SHARE` of the parent
    object's bigrams, and two at least, restates it from :data:`NEAR_FLOOR`: the sentence is the parent's, and
    the shared words say which of its clauses (Chongqing's 推动整体厨卫、轻质隔墙、管线分离、干式
    工法等部品与技术应用, beside its 积极推广工业化装修, restates 推行整体卫浴和厨房等模块化部品应用
    技术, 0.16). A clause that restricts its object (限制, 控制 …) is not restated so by one
    that promotes it, nor the reverse: Chongqing's 积极发展与地区经济和市场需求相适应的住宅户型
    does not restate 限制发展超大户型住宅."""
    near: dict[str, set[tuple[str, int]]] = {}
    own: dict[str, set[tuple[str, int]]] = {}
    for i in np.flatnonzero(matched).tolist():
        child = children[int(best[i])]
        near.setdefault(parents[i].sentence_id, set()).update(
            (child.provision_id, child.sentence_index + step) for step in (-1, 0, 1)
        )
        own.setdefault(parents[i].sentence_id, set()).add(
            (child.provision_id, child.sentence_index)
        )
    child_grams: dict[int, set[str]] = {}

    def grams_of(j: int) -> set[str]:
        if j not in child_grams:
            child_grams[j] = object_bigrams(content(children[j]))
        return child_grams[j]

    out: dict[int, int] = {}
    for i, parent in enumerate(parents):
        sentences = near.get(parent.sentence_id)
        if matched[i] or not sentences:
            continue
        grams = object_bigrams(content(parent))
        same = own[parent.sentence_id]
        held = [
            j
            for j, child in enumerate(children)
            if (child.provision_id, child.sentence_index) in sentences
            and j not in taken
            and child.restriction == parent.restriction
            and (
                matrix[i, j] >= COVER_FLOOR
                or (
                    matrix[i, j] >= NEAR_FLOOR
                    and grams
                    and (child.provision_id, child.sentence_index) in same
                    and len(grams & grams_of(j)) >= max(2, NEAR_SHARE * len(grams))
                )
            )
            and (child.targets or not _counted(parent))
        ]
        if held:
            out[i] = max(held, key=lambda j: float(matrix[i, j]))
    return out


def under_heading(
    parents: Sequence[Clause],
    children: Sequence[Clause],
    matrix: np.ndarray,
    alike: np.ndarray,
    best: np.ndarray,
    matched: np.ndarray,
) -> dict[int, int]:
    """Parent clauses still unmatched that lead their provision's body (its first
    commitment after the heading), each with the child heading that copies the parent's
    heading (:data:`VERBATIM`) where the two reach :data:`COVER_FLOOR` before the copy is
    kept for the heading (``alike``): the lead spells the heading out (（十一）提升县城绿色
    低碳水平 / 开展绿色低碳县城建设), and a province that keeps the heading and restates
    nothing of the body in its own words commits to it by the heading (Liaoning's （二）提升
    县城绿色低碳水平 restates 开展绿色低碳县城建设, 0.34). A lead that is a target of its own is
    not taken so."""
    leads: dict[str, int] = {}
    for i, parent in enumerate(parents):
        if not parent.heading:
            leads.setdefault(parent.provision_id, i)
    out: dict[int, int] = {}
    for h, heading in enumerate(parents):
        if not heading.heading or not matched[h]:
            continue
        j = int(best[h])
        if not children[j].heading or matrix[h, j] < VERBATIM:
            continue
        lead = leads.get(heading.provision_id)
        if lead is None or matched[lead] or _counted(parents[lead]) or lead in out:
            continue
        if alike[lead, j] >= COVER_FLOOR:
            out[lead] = j
    return out


def headed_alike(
    parents: Sequence[Clause],
    children: Sequence[Clause],
    matrix: np.ndarray,
    best: np.ndarray,
    matched: np.ndarray,
) -> dict[int, int]:
    """Matched parent clauses restated by another clause of the child, each with that
    clause: one of the same child sentence whose object ends on the parent's whole object (of
    :data:`HEAD_MIN` characters or more), or on it and a general noun (``head_nouns`` in
    ``data/restatement.yaml``), where the clause matched does not; the most alike of them,
    from :data:`NEAR_FLOOR`. The object a clause ends on is what it acts on; inside another
    clause's object it only says which (Yunnan's 大力推广…可减少非必要耗能的智能家电产品
    restates 大力推广智能家电, not 推进绿色智能家电家具下乡活动 of the same sentence, which the
    cosine prefers). Where the clause matched does not hold the parent's object at all, a
    clause of any sentence that ends on it, from :data:`MATCH`, and restates no other
    matched parent clause."""
    objects = ["".join(content(c).split()) for c in children]
    in_sentence: dict[str, list[int]] = {}
    for k, child in enumerate(children):
        in_sentence.setdefault(child.sentence_id, []).append(k)
    nouns = ("", *load_rules().head_nouns)
    taken = {int(best[i]) for i in np.flatnonzero(matched).tolist()}
    out: dict[int, int] = {}
    for i, parent in enumerate(parents):
        own = "".join(content(parent).split())
        endings = tuple(own + noun for noun in nouns)
        j = int(best[i])
        if not matched[i] or len(own) < HEAD_MIN or objects[j].endswith(endings):
            continue
        alike = [
            k
            for k in in_sentence[children[j].sentence_id]
            if k != j and objects[k].endswith(endings) and matrix[i, k] >= NEAR_FLOOR
        ]
        if alike:
            out[i] = max(alike, key=lambda k: float(matrix[i, k]))
            continue
        # ... else, where the clause matched does not even hold the parent's whole object
        # (nor with a word or two inside it: 完善技术供给体系 for 完善技术体系), a clause anywhere
        # in the child that reaches MATCH and ends on it (Jiangsu's 大力发展线上线下融合、消费
        # 回收联动的互联网＋回收模式 restates 积极推行互联网+回收模式, not its 规范发展互联网＋
        # 二手模式, which the cosine prefers)
        if holds_loosely(objects[j], own):
            continue
        elsewhere = [
            k
            for k in range(len(children))
            if k != j and k not in taken and objects[k].endswith(endings) and matrix[i, k] >= MATCH
        ]
        if elsewhere:
            out[i] = max(elsewhere, key=lambda k: float(matrix[i, k]))
    return out


def _most_alike(
    matrix: np.ndarray, parents: Sequence[Clause], children: Sequence[Clause]
) -> np.ndarray:
    """Each parent clause's most alike child clause; of child clauses alike to the same
    degree, the one whose cue is nearest the parent's in strength (for 系统化全域推进海绵城市
    建设, Liaoning's 全域化推进海绵城市建设 rather than its 推进海绵城市建设), then the first."""
    best = matrix.argmax(axis=1) if parents else np.zeros(0, dtype=int)
    rounded = np.round(matrix, 9)
    top = rounded.max(axis=1, keepdims=True) if parents else np.zeros((0, 1))
    for i in np.flatnonzero(((rounded == top).sum(axis=1) > 1) & (top[:, 0] > 0)).tolist():
        tied = np.flatnonzero(rounded[i] == top[i, 0])
        gaps = [abs(children[j].strength - parents[i].strength) for j in tied.tolist()]
        best[i] = tied[int(np.argmin(gaps))]
    return best


def _stated_match(
    parent: Clause, said: tuple[int, float] | None, statements: Sequence[Clause]
) -> Match:
    if said is None:
        return Match(parent, None, 0.0, ())
    return Match(parent, statements[said[0]], round(said[1], 3), ())


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
    # a parent clause no child clause reaches may still be named inside a longer one
    taken = {int(j) for j in best[matched]}
    for i, j in covered(parents, children, matrix, taken).items():
        best[i], scores[i], matched[i] = j, matrix[i, j], True
    # ... or restated beside a sibling's restatement
    taken = {int(j) for j in best[matched]}
    for i, j in beside(parents, children, matrix, best, matched, taken).items():
        best[i], scores[i], matched[i] = j, matrix[i, j], True
    # ... or by the child's copy of the heading its provision's lead spells out
    for i, j in under_heading(parents, children, matrix, alike, best, matched).items():
        best[i], scores[i], matched[i] = j, matrix[i, j], True
    # ... or by the clause of the same child sentence whose object is the parent's
    for i, j in headed_alike(parents, children, matrix, best, matched).items():
        best[i], scores[i] = j, matrix[i, j]
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
            )
        )
    if not parents:
        return (), tuple(children)
    additions = tuple(
        c for j, c in enumerate(children) if best_parent[j] < MATCH and j not in restating
    )
    return tuple(out), additions
