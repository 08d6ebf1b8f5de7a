"""A clause that opens on the place it is about, then a verb, commits by that verb
(:func:`policydiff.restatement.clauses._verb_led`): Hubei's 组团之间建设连续贯通的生态廊道
restates the ministry's 组团间的生态廊道应贯通连续, its 县城新建住宅以6层为主 the ministry's
新建住宅以6层为主 (evaluation/test/corpus)."""

from __future__ import annotations

import pytest

from policydiff.restatement.clauses import _verb_led
from policydiff.restatement.rules import load_rules
from tests.restatement.test_verdict import _child_of, _compare


@pytest.mark.parametrize(
    "clause",
    [
        "组团之间建设连续贯通的生态廊道",  # Hubei: a noun and a word of location, then 建设
        "组团间保持生态隔离空间并形成贯通连续的生态廊道",  # Hebei: then jieba's verb 保持
        "县城新建住宅以6层为主",  # Hubei: a kind of place, then the opener 新建
    ],
)
def test_a_clause_that_opens_on_its_place_then_a_verb_commits(clause: str) -> None:
    assert _verb_led(clause, load_rules())


@pytest.mark.parametrize(
    "clause",
    [
        "社区是形成简约适度、绿色低碳、文明健康生活方式的重要场所",  # a subject, no place
        "城市生活垃圾收集、转运和无害化处理全覆盖",  # 生活 of 生活垃圾: a verbal noun
        "民用建筑高度与消防救援能力相匹配",  # a subject that is no place
    ],
)
def test_a_place_before_a_noun_or_another_subject_commits_nothing(clause: str) -> None:
    assert not _verb_led(clause, load_rules())


def test_the_corridor_between_clusters_is_restated() -> None:
    comparison = _compare(
        "加强生态廊道、景观视廊、通风廊道、滨水空间和城市绿道统筹布局，组团间的生态廊道应贯通连续",
        "推进城市组团式发展，组团之间建设连续贯通的生态廊道，与山水林田湖草等生态系统相连接",
    )
    assert _child_of(comparison, "组团间的生态廊道应贯通连续") == "组团之间建设连续贯通的生态廊道"


def test_the_object_before_its_verb_commits() -> None:
    # Liaoning: 对…进行, the construction that puts the object first
    rules = load_rules()
    assert _verb_led("对30年以上老旧供热管网进行更新改造", rules)
    assert not _verb_led("30年以上老旧供热管网的更新改造", rules)
    comparison = _compare(
        "实施30年以上老旧供热管网更新改造工程",
        "加强供热管网保温材料更换，对30年以上老旧供热管网进行更新改造",
    )
    assert _child_of(comparison, "实施30年以上老旧供热管网更新改造工程") == (
        "对30年以上老旧供热管网进行更新改造"
    )
