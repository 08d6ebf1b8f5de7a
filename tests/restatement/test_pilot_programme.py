"""Pilots or demonstrations of an undated parent commitment, in a child sentence that sets a
dated number where the parent's sentence sets none, are a step of a programme with a
target, not a narrower commitment: Henan's 支持省辖市开展近零能耗建筑、零碳建筑试点示范，…，2030年
前…实施面积超过200万平方米 strengthens the ministry's 鼓励建设零碳建筑和近零能耗建筑
(examples/lineage/corpus), as Hebei's demonstration zone beside its 1350万平方米 by 2025 does
(evaluation/test/corpus). Pilots alone (Hubei's) still narrow it."""

from __future__ import annotations

from tests.restatement.test_verdict import _compare, _verdict

MINISTRY = "推动低碳建筑规模化发展，鼓励建设零碳建筑和近零能耗建筑"
ZERO = "鼓励建设零碳建筑和近零能耗建筑"
HENAN = (
    "支持省辖市开展近零能耗建筑、零碳建筑试点示范，推进超低能耗建筑规模化发展，"
    "2030年前，全省超低能耗建筑、近零能耗建筑和零碳建筑等实施面积超过200万平方米"
)
HUBEI = (
    "引导国家机关办公建筑、大型公共建筑和政府投资公益建筑以及国有资金参与投资建设的其它公共建筑，"
    "积极开展近零能耗建筑、低碳建筑、零碳建筑试点示范"
)


def test_pilots_beside_a_dated_number_strengthen() -> None:
    assert _verdict(_compare(MINISTRY, HENAN), ZERO) == "strengthened"


def test_pilots_alone_still_narrow() -> None:
    assert _verdict(_compare(MINISTRY, HUBEI), ZERO) == "weakened"
