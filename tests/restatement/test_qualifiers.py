"""A restatement keeps the qualifier that makes a kind of its own of what the parent names
(零碳社区, 立体绿化) and the qualifier that says which plan, policy or standard the parent
makes (改造专项规划): a child clause that drops it is about something else, however many
characters the two share (evaluation/test/corpus and the example lineage, each pair as its
readers found it: omitted)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.restatement.plans import EXAMPLE, HELD, MINISTRY, restated
from tests.restatement.test_verdict import _child_of, _compare

CONSUMPTION = "2022-lvse-xiaofei"


@pytest.mark.parametrize(
    ("corpus", "parent", "child", "clause"),
    [
        (HELD, MINISTRY, "hebei-chengxiangjianshe-tandafeng", "探索零碳社区建设"),
        (HELD, MINISTRY, "jilin-chengxiangjianshe-tandafeng", "鼓励建设星级绿色农房和零碳农房"),
        (EXAMPLE, MINISTRY, "guangdong-chengxiangjianshe-tandafeng", "加强立体绿化"),
        (HELD, MINISTRY, "fujian-chengxiangjianshe-tandafeng", "编制改造专项规划"),
        (HELD, CONSUMPTION, "guizhou-lvse-xiaofei", "完善绿色设计和绿色制造标准体系"),
        (HELD, CONSUMPTION, "guizhou-lvse-xiaofei", "推动落实免限行、路权等支持政策"),
    ],
)
def test_a_child_that_drops_the_qualifier_does_not_restate(
    corpus: Path, parent: str, child: str, clause: str
) -> None:
    found = restated(corpus, parent, child, clause)
    assert found.verdict.value == "omitted"


@pytest.mark.parametrize(
    ("parent", "child"),
    [
        # the modifier, or a word a province writes for it, kept
        ("探索零碳社区建设", "探索低碳社区建设"),
        ("探索零碳社区建设", "探索近零碳社区建设"),
        # the plan of the same thing, in other words around it
        ("编制改造专项规划", "编制既有建筑节能改造专项规划"),
        # a qualifier that says nothing of which plan leaves the match to the similarity
        ("完善相关支持政策", "完善财税支持政策"),
    ],
)
def test_a_child_that_keeps_the_qualifier_restates(parent: str, child: str) -> None:
    assert _child_of(_compare(parent, child), parent) == child


@pytest.mark.parametrize(
    ("parent", "child"),
    [
        ("探索零碳社区建设", "探索完整社区建设"),
        ("加强立体绿化", "加强城市绿化"),
        ("编制改造专项规划", "编制绿色建筑专项规划"),
    ],
)
def test_a_dropped_qualifier_refuses_the_pair_outright(parent: str, child: str) -> None:
    """Refused, not merely unlike: the pair's similarity is nothing, so no lower floor
    (covered, beside) takes it either."""
    found = next(r for r in _compare(parent, child).commitments if r.parent.text == parent)
    assert found.child is None and found.similarity == 0.0
