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


@pytest.mark.parametrize(
    ("sentence", "targets"),
    [
        # the cities picked by population (Jiangsu's and Guizhou's green consumption plans)
        ("到2025年，全省城区常住人口100万人以上城市绿色出行比例达到70%以上", [70.0]),
        # a term defined in brackets (Jiangsu's): the share is the target, not the floor area
        ("力争2025年全省50%以上大型商场（建筑面积10万平方米及以上）基本达到创建要求", [50.0]),
        # a class bounded by 及以上 before 的 (Jilin's urban-rural plan)
        ("社会投资建筑面积2万平方米及以上的大型公共建筑应达到一星级", []),
        # a count of the class is still a target
        ("到2025年，培育年产值超过100亿元企业10家", [10.0]),
    ],
)
def test_a_quantity_picking_a_class_is_no_target(sentence: str, targets: list[float]) -> None:
    assert [t.value for t in find_targets(sentence, "zh")] == targets
