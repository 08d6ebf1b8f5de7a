"""A comparator may stand before what a value is compared with: in the ministry's
拆除建筑面积原则上不应大于现状总建筑面积的20% (examples/lineage/raw/) the 20% is a ceiling, so a
child's 15% is stricter and its 25% laxer; 应大于 before the thing compared sets a floor."""

from __future__ import annotations

import pytest

from tests.restatement.test_verdict import _compare

DEMOLITION = "城市更新单元（片区）或项目内拆除建筑面积原则上不应大于现状总建筑面积的20%"
DENSITY = "主城区道路网密度应大于8公里/平方公里"


@pytest.mark.parametrize(
    ("parent", "value", "change"),
    [
        (DEMOLITION, "15%", "stricter"),
        (DEMOLITION, "25%", "laxer"),
        (DENSITY, "9公里", "stricter"),
        (DENSITY, "7公里", "laxer"),
    ],
)
def test_the_last_comparator_before_the_value_decides(parent: str, value: str, change: str) -> None:
    old = "20%" if parent is DEMOLITION else "8公里"
    comparison = _compare(parent, parent.replace(old, value))
    (restated,) = [r for r in comparison.commitments if r.targets]
    assert [c.change for c in restated.targets] == [change]
