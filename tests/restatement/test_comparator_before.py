"""A comparator may stand before what a value is compared with: in the ministry's
拆除建筑面积原则上不应大于现状总建筑面积的20% (examples/lineage/raw/) the 20% is a ceiling, so a
child's 15% is stricter and its 25% laxer; 应大于 and 不得低于 set floors, and a ceiling word in
a name earlier in the clause (县级以下) sets nothing."""

from __future__ import annotations

import pytest

from tests.restatement.test_verdict import _compare

DEMOLITION = "城市更新单元（片区）或项目内拆除建筑面积原则上不应大于现状总建筑面积的20%"
DENSITY = "主城区道路网密度应大于8公里/平方公里"
GREEN = "城市建成区绿地率不得低于38%"
CLINICS = "县级以下医疗机构可再生能源利用率达到30%"


@pytest.mark.parametrize(
    ("parent", "old", "new", "change"),
    [
        (DEMOLITION, "20%", "15%", "stricter"),
        (DEMOLITION, "20%", "25%", "laxer"),
        (DENSITY, "8公里", "9公里", "stricter"),
        (DENSITY, "8公里", "7公里", "laxer"),
        (GREEN, "38%", "40%", "stricter"),
        (GREEN, "38%", "35%", "laxer"),
        (CLINICS, "30%", "35%", "stricter"),
    ],
)
def test_the_comparator_decides(parent: str, old: str, new: str, change: str) -> None:
    comparison = _compare(parent, parent.replace(old, new))
    (restated,) = [r for r in comparison.commitments if r.targets]
    assert [c.change for c in restated.targets] == [change]
