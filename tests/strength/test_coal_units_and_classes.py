"""Targets in standard coal (克标准煤/千瓦时, 吨标准煤/万元, 万吨标准煤) keep their whole unit, and a
quantity that names which areas (日清运量超过300吨地区) is no target: the pollution-and-carbon
plan and Shandong's (evaluation/test/raw/)."""

from __future__ import annotations

import pytest

from policydiff.strength import find_targets


@pytest.mark.parametrize(
    ("sentence", "units"),
    [
        ("平均供电煤耗降至295克标准煤/千瓦时", [(295.0, "克标准煤/千瓦时")]),
        ("单位GDP能耗降至0.5吨标准煤/万元", [(0.5, "吨标准煤/万元")]),
        ("到2025年新增节能量100万吨标准煤", [(1.0e6, "吨标准煤")]),
        ("到2030年建筑垃圾排放量不高于300吨", [(300.0, "吨")]),
    ],
)
def test_standard_coal_keeps_its_unit(sentence: str, units: list[tuple[float, str]]) -> None:
    assert [(t.value, t.unit) for t in find_targets(sentence, "zh")] == units


def test_a_quantity_naming_areas_is_no_target() -> None:
    sentence = "到2025年，日清运量超过300吨地区基本实现原生生活垃圾零填埋"
    assert find_targets(sentence, "zh") == ()
