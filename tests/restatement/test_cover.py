"""Alignment by containment (:func:`policydiff.restatement.routes.covered`): a parent clause
that no child clause reaches by cosine is restated by a child clause that holds most of its
object inside a longer clause or list (quoted from the ministry's plan and its children)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from policydiff.models import Document, Version
from policydiff.restatement import objects, routes, sections, thresholds
from policydiff.restatement.compare import Comparison, compare_documents
from policydiff.themes import load_catalogue
from tests.restatement.test_verdict import _compare


def _rural(parent: str, child: str) -> Comparison:
    """The two texts under the ministry's heading of the rural houses (（十三）推进绿色低碳农房
    建设), where the sentence stands: a section read as urban would refuse the child's 农房."""

    def doc(doc_id: str, body: str) -> Document:
        text = f"一、重点任务\n（一）推进绿色低碳农房建设\n{body}\n"
        version = Version("zh", "zh", "original", True, "test", text)
        return Document(doc_id, doc_id, (), dt.date(2022, 1, 1), (version,))

    return compare_documents(doc("parent", parent), doc("child", child), load_catalogue())


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
    assert thresholds.COVER_FLOOR <= restated.similarity < thresholds.MATCH


def _covered(parent: str, child: str, similarity: float) -> dict[int, int]:
    # each pair at one similarity, as the corpus's weights would put it
    comparison = _compare(parent, child)
    parents, children = comparison.parent.clauses, comparison.child.clauses
    matrix = np.full((len(parents), len(children)), similarity)
    return {
        i: j
        for i, j in routes.covered(parents, children, matrix, set()).items()
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


def _taken_again(child: str) -> bool:
    # the child clause holds all of 装配化装修 and already restates another parent clause
    comparison = _compare("积极推广装配化装修", child)
    parents, children = comparison.parent.clauses, comparison.child.clauses
    matrix = np.full((len(parents), len(children)), 0.27)
    assert routes.covered(parents, children, matrix, set())
    return bool(routes.covered(parents, children, matrix, set(range(len(children)))))


def test_a_child_clause_that_restates_another_parent_clause_is_not_taken_again() -> None:
    # where it names one thing, it is that other clause's restatement
    assert not _taken_again("推动新建住宅装配化装修成套技术应用")


def test_a_child_list_that_restates_another_parent_clause_is_taken_again() -> None:
    # a list may name the objects of several parent clauses: 、 or 和 between its items
    assert _taken_again("推动新建住宅采用集成厨房、整体卫浴等装配化装修成套技术")
    assert _taken_again("推动新建住宅全装修和装配化装修")


def test_a_list_merging_two_parent_clauses_restates_both(monkeypatch: pytest.MonkeyPatch) -> None:
    # Guangdong merges the ministry's green materials and steel structures into one list
    # (examples/lineage/corpus): 鼓励农房选用装配式钢结构和绿色建材 restates the steel
    # structures by MATCH, and holds all of 使用绿色建材's object but 使用 (0.34 here, without
    # the prior of a provision kept together, which this one-provision text would add):
    # weakened (鼓励 for 推广), as the gold reads it, not omitted
    monkeypatch.setattr(sections, "BONUS", 0.0)
    ministry = (
        "鼓励就地取材和利用乡土材料，推广使用绿色建材，鼓励选用装配式钢结构、木结构等建造方式"
    )
    child = (
        "引导各地参考农房建设绿色技术导则开展农房建设，鼓励农房选用装配式钢结构和绿色建材，"
        "推广高能效照明、灶具等设施设备，提高能效水平"
    )
    comparison = _rural(ministry, child)
    steel = next(r for r in comparison.commitments if r.parent.text.startswith("鼓励选用装配式"))
    materials = next(r for r in comparison.commitments if r.parent.text == "推广使用绿色建材")
    assert steel.child is not None and steel.similarity >= thresholds.MATCH
    assert materials.child is steel.child and materials.similarity < thresholds.MATCH
    assert materials.verdict.value == "weakened"
    guideline = next(c for c in comparison.child.clauses if c.text.startswith("引导各地"))
    assert objects.lists(steel.child) and not objects.lists(guideline)


def test_harmony_is_no_list() -> None:
    # 和谐 is a word: 建设人与自然和谐共生的美丽城市 names one thing
    comparison = _rural("推广使用绿色建材", "建设人与自然和谐共生的美丽乡村，推广钢结构和木结构")
    harmony, steel = (
        c for c in comparison.child.clauses if c.text.startswith(("建设人", "推广钢"))
    )
    assert not objects.lists(harmony) and objects.lists(steel)


def test_bigrams_do_not_cross_a_word_break() -> None:
    assert objects.object_bigrams("装配化装修 技术") == {"装配", "配化", "化装", "装修", "技术"}


def test_a_clause_that_funds_the_object_does_not_restate_it() -> None:
    # Ningxia's 鼓励设立低碳建筑发展基金 names the low-carbon buildings of the ministry's
    # 推动低碳建筑规模化发展 (规模化发展 is its cue) but sets up a fund: what a fund is for is
    # not committed to
    assert not _covered("推动低碳建筑规模化发展", "鼓励设立低碳建筑发展基金", 0.3)
    # ... while a parent clause about funding is restated by it
    assert _covered("完善低碳建筑发展基金", "鼓励设立低碳建筑发展基金", 0.3)
