"""A class picked by a threshold (规划人口规模20万以下的县城) is a limited scope: a child that
keeps the parent's caps for such a class only narrows them (the ministry's plan and
Yunnan's, examples/lineage/corpus)."""

from __future__ import annotations

from tests.restatement.test_verdict import _compare, _verdict

MINISTRY = "推行窄马路、密路网、小街区，县城内部道路红线宽度不超过40米，广场集中硬地面积不超过2公顷"
STREETS = "推行窄马路、密路网、小街区"
CAPS = "{}县城内部新建道路红线宽度不应超过40米，广场集中硬地面积不超过2公顷"


def test_caps_kept_for_a_class_below_a_threshold_are_narrower() -> None:
    # the gold: weakened (the 40 m and 2 ha caps only for counties planned under 200,000)
    comparison = _compare(MINISTRY, f"{STREETS}。{CAPS.format('规划人口规模20万以下的')}")
    assert _verdict(comparison, STREETS) == "weakened"


def test_caps_kept_for_every_county_town_are_restated() -> None:
    comparison = _compare(MINISTRY, f"{STREETS}。{CAPS.format('')}")
    assert _verdict(comparison, STREETS) == "restated"
