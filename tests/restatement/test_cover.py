"""Alignment by containment (:func:`policydiff.restatement.align.covered`): a parent clause
that no child clause reaches by cosine is restated by a child clause that holds most of its
object inside a longer clause or list (quoted from the ministry's plan and its children)."""

from __future__ import annotations

import numpy as np

from policydiff.restatement import align
from tests.restatement.test_verdict import _compare

MINISTRY = (
    "积极推广装配化装修，推行整体卫浴和厨房等模块化部品应用技术，实现部品部件可拆改、可循环使用"
)


def _restating(parent: str, child: str, clause: str) -> str | None:
    comparison = _compare(parent, child)
    restated = next(r for r in comparison.commitments if r.parent.text == clause)
    return restated.child.text if restated.child else None


def test_a_fitout_named_inside_a_list_of_techniques_restates_the_fitout() -> None:
    # Yunnan names 装配化装修 as the last item of a list: the cosine (about 0.27) is
    # diluted by the list, all of the parent's object is there
    child = "鼓励引导新建住宅采用干式工法楼面地面、集成厨房、整体卫浴、管线分离等装配化装修成套技术，满足住宅空间可变和维修更新的需要"
    restated = _restating(MINISTRY, child, "积极推广装配化装修")
    assert restated is not None and "装配化装修成套技术" in restated


def test_without_containment_the_diluted_clause_is_below_the_match() -> None:
    # the rule is what matches it: the cosine alone stays under MATCH
    child = "鼓励引导新建住宅采用干式工法楼面地面、集成厨房、整体卫浴、管线分离等装配化装修成套技术"
    comparison = _compare(MINISTRY, child)
    restated = next(r for r in comparison.commitments if r.parent.text == "积极推广装配化装修")
    assert align.COVER_FLOOR <= restated.similarity < align.MATCH


def _covered(parent: str, child: str, similarity: float) -> dict[int, int]:
    # each pair at one similarity, as the corpus's weights would put it
    comparison = _compare(parent, child)
    parents, children = comparison.parent.clauses, comparison.child.clauses
    matrix = np.full((len(parents), len(children)), similarity)
    return {
        i: j
        for i, j in align.covered(parents, children, matrix, set()).items()
        if parents[i].text == parent.split("，")[0]
    }


def test_the_whole_object_in_a_longer_clause_is_covered_from_the_floor() -> None:
    child = "鼓励引导新建住宅采用干式工法楼面地面、集成厨房、整体卫浴、管线分离等装配化装修成套技术"
    assert _covered("积极推广装配化装修", child, 0.27)
    assert not _covered("积极推广装配化装修", child, 0.15)  # below COVER_FLOOR


def test_a_clause_sharing_part_of_the_object_is_no_restatement() -> None:
    # Shanghai's 加快既有农房节能改造 shares 节能改造 with the ministry's 加强节能改造鉴定评估
    # (0.31 on the development corpus; 3 of the parent object's 7 bigrams): the appraisal
    # is not restated
    assert not _covered("加强节能改造鉴定评估", "加快既有农房节能改造", 0.31)


def test_a_child_clause_that_restates_another_parent_clause_is_not_taken_again() -> None:
    # the child clause holds all of 装配化装修, but where it already restates another
    # parent clause by MATCH it is that clause's restatement
    comparison = _compare(
        "积极推广装配化装修",
        "鼓励引导新建住宅采用干式工法楼面地面、集成厨房、整体卫浴、管线分离等装配化装修成套技术",
    )
    parents, children = comparison.parent.clauses, comparison.child.clauses
    matrix = np.full((len(parents), len(children)), 0.27)
    assert align.covered(parents, children, matrix, set())
    assert not align.covered(parents, children, matrix, set(range(len(children))))


def test_bigrams_do_not_cross_a_word_break() -> None:
    assert align._bigrams("装配化装修 技术") == {"装配", "配化", "化装", "装修", "技术"}
