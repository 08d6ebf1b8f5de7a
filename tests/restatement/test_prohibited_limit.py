"""A threshold a prohibition governs is a limit: 不得新建红线宽度超过40米的道路 caps the road
width at 40 m as 道路红线宽度不超过40米 does (the ministry's plan and Chongqing's,
examples/lineage/corpus)."""

from __future__ import annotations

from policydiff.strength.targets import find_targets
from tests.restatement.test_verdict import _compare, _verdict

MINISTRY = "推行窄马路、密路网、小街区，县城内部道路红线宽度不超过40米，广场集中硬地面积不超过2公顷"
CHONGQING = (
    "推行窄马路、密路网、小街区，县城内部非必要不得新建红线宽度超过40米的道路，"
    "广场的集中硬地面积不应超过2公顷，步行道网络应连续通畅"
)


def test_a_prohibited_threshold_is_a_limit() -> None:
    [target] = find_targets("县城内部非必要不得新建红线宽度超过40米的道路", "zh")
    assert (target.value, target.unit) == (40.0, "米")
    # without a prohibition, 超过…的 still says which ones, not how many
    assert find_targets("单体建筑面积超过2万平方米的公共建筑", "zh") == ()
    # a prohibition governs its own clause only, not a class named after a comma
    assert (
        find_targets("严禁大拆大建，对单体建筑面积超过2万平方米的公共建筑开展节能诊断", "zh") == ()
    )


def test_the_road_width_cap_is_kept_not_dropped() -> None:
    # Chongqing keeps both of the ministry's caps (the gold: restated); read as a
    # threshold, its 40 m was no target and the ministry's looked dropped (weakened)
    comparison = _compare(MINISTRY, CHONGQING)
    assert _verdict(comparison, "推行窄马路、密路网、小街区") == "restated"
