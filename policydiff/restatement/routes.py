"""Routes by which a parent clause finds its restatement where the plain similarity does
not say it (:func:`~.align.align_clauses` takes them in this order): a child clause that
holds the parent's object inside a longer clause or list (:func:`covered`), a clause beside
the restatement of a sibling clause (:func:`beside`), the child's copy of the heading a
provision's lead spells out (:func:`under_heading`), and, for a clause matched, the clause
of the child whose object is the parent's own (:func:`headed_alike`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from policydiff.restatement.clauses import Clause
from policydiff.restatement.kinds import funds_only
from policydiff.restatement.objects import (
    content,
    holds_loosely,
    keeps_frame,
    lists,
    object_bigrams,
    solid,
)
from policydiff.restatement.rules import load_rules
from policydiff.restatement.thresholds import (
    BESIDE_SHARE,
    COVER,
    COVER_FLOOR,
    HEAD_MIN,
    MATCH,
    NEAR_FLOOR,
    NEAR_SHARE,
    VERBATIM,
)


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
    推广使用绿色建材). A child clause that funds things (加大对…的支持力度, 设立低碳建筑发展
    基金: :func:`~.kinds.funds_only`) names them as what is funded, not as a commitment, and
    is not taken so for a parent clause that is not about funding."""
    grams_c = [object_bigrams(content(c)) for c in children]
    objects_c = [solid(c) for c in children]
    listing = [lists(c) for c in children]
    out: dict[int, int] = {}
    for i, parent in enumerate(parents):
        if matrix[i].max(initial=0.0) >= MATCH:
            continue
        own = object_bigrams(content(parent))
        if not own:
            continue
        whole = solid(parent)
        held = [
            j
            for j, grams in enumerate(grams_c)
            if (j not in taken or listing[j])
            and matrix[i, j] >= COVER_FLOOR
            and not funds_only(whole, objects_c[j])
            and (len(own & grams) >= COVER * len(own) or keeps_frame(whole, objects_c[j]))
            and (children[j].targets or not counted(parent))
        ]
        if held:
            out[i] = max(held, key=lambda j: float(matrix[i, j]))
    return out


def counted(clause: Clause) -> bool:
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
    does not restate 限制发展超大户型住宅. A clause that shares next to nothing of the
    parent's object says nothing of it, however it reaches :data:`COVER_FLOOR` (a theme or
    a provision kept lifts it, or one rare bigram): from there it holds :data:`BESIDE_SHARE`
    of the object's bigrams."""
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
                (
                    matrix[i, j] >= COVER_FLOOR
                    and len(grams & grams_of(j)) >= BESIDE_SHARE * len(grams)
                )
                or (
                    matrix[i, j] >= NEAR_FLOOR
                    and grams
                    and (child.provision_id, child.sentence_index) in same
                    and len(grams & grams_of(j)) >= max(2, NEAR_SHARE * len(grams))
                )
            )
            and (child.targets or not counted(parent))
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
    not taken so, nor the lead of a heading that makes a policy or mechanism (``policy_heads``:
    完善交通运输领域能源清洁替代政策 is the instrument, its lead 推进交通运输绿色低碳转型 the aim)."""
    policy_heads = load_rules().policy_heads
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
        if solid(heading).endswith(policy_heads):
            continue
        lead = leads.get(heading.provision_id)
        if lead is None or matched[lead] or counted(parents[lead]) or lead in out:
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
    objects = [solid(c) for c in children]
    in_sentence: dict[str, list[int]] = {}
    for k, child in enumerate(children):
        in_sentence.setdefault(child.sentence_id, []).append(k)
    nouns = ("", *load_rules().head_nouns)
    taken = {int(best[i]) for i in np.flatnonzero(matched).tolist()}
    out: dict[int, int] = {}
    for i, parent in enumerate(parents):
        own = solid(parent)
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
