"""The topic of a lineage (能源绿色低碳转型, what both titles name) says nothing of which clause
restates which: Shanxi's 统筹推进能源绿色低碳转型, a principle about the topic alone, no longer
restates the ministry's 明确能源绿色低碳转型的目标和任务 or 建立能源绿色低碳转型监测评价机制, while
it still restates 统筹推进全国及各地区能源绿色低碳转型, and 完善组织协调机制 still restates
健全能源绿色低碳转型组织协调机制 (evaluation/test/corpus)."""

from __future__ import annotations

import pytest

from policydiff.restatement.topic import shared_topic
from tests.restatement.plans import HELD, restated

PARENT = "2022-nengyuan-lvse-zhuanxing"
SHANXI = "shanxi-nengyuan-lvse-zhuanxing"
NEIMENGGU = "neimenggu-nengyuan-lvse-zhuanxing"


@pytest.mark.parametrize(
    ("clause", "restatement"),
    [
        ("明确能源绿色低碳转型的目标和任务", None),
        ("建立能源绿色低碳转型监测评价机制", None),
        ("统筹推进全国及各地区能源绿色低碳转型", "统筹推进能源绿色低碳转型"),
        ("健全能源绿色低碳转型组织协调机制", "完善组织协调机制"),
    ],
)
def test_the_topic_alone_restates_nothing_more_shanxi(clause: str, restatement: str | None) -> None:
    found = restated(HELD, PARENT, SHANXI, clause)
    assert (found.child.text if found.child else None) == restatement


def test_the_topic_goes_with_the_de_that_joins_it() -> None:
    """Inner Mongolia's 构建能源绿色低碳转型的技术创新机制 shares with 明确能源绿色低碳转型的目标和
    任务 only the topic and its 的: it restates neither the aims nor the tasks."""
    found = restated(HELD, PARENT, NEIMENGGU, "明确能源绿色低碳转型的目标和任务")
    assert found.child is None or "技术创新机制" not in found.child.text


@pytest.mark.parametrize(
    ("parent", "child", "topic"),
    [
        (
            "关于完善能源绿色低碳转型体制机制和政策措施的意见",
            "山西省关于完善能源绿色低碳转型体制机制和政策措施的实施意见",
            ("能源绿色低碳转型",),
        ),
        ("减污降碳协同增效实施方案", "山东省减污降碳协同增效实施方案", ("减污降碳协同增效",)),
        ("城乡建设领域碳达峰实施方案", "湖北省城乡建设领域碳达峰实施方案", ("城乡建设领域碳达峰",)),
        # a phrase the child's title does not name is no topic of the two
        ("城乡建设领域碳达峰实施方案", "湖北省绿色建筑发展条例", ()),
    ],
)
def test_the_topic_of_two_titles(parent: str, child: str, topic: tuple[str, ...]) -> None:
    assert shared_topic(parent, child, "zh") == topic
    assert shared_topic(parent, child, "en") == ()
