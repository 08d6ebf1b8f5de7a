"""How the reports write a target: a range from its start, a density with its per-area unit,
a ratio without a unit (the county-town limits of the urban-rural plans)."""

from __future__ import annotations

import pytest

from policydiff.render.view import target_text
from policydiff.strength import find_targets


@pytest.mark.parametrize(
    ("sentence", "shown"),
    [
        ("到2025年，完成创建2~3个城市绿色货运配送示范工程", "2~3个城市 (2–3 个城市, by 2025)"),
        (
            "县城建成区人口密度控制在0.6—1万人/平方公里",
            "控制在0.6—1万人/平方公里 (6000–10000 人/平方公里)",
        ),
        ("建筑总面积与建设用地比值控制在0.6—0.8", "控制在0.6—0.8 (0.6–0.8)"),
        ("力争达到30%—40%", "达到30%—40% (30–40%)"),
        ("到2030年城市公共供水管网漏损率控制在8%以内", "控制在8%以内 (8%, by 2030)"),
        # a large amount in digits, as a reader writes it, not 3e+07
        ("到2025年完成既有建筑节能改造3000万平方米", "3000万平方米 (30000000 平方米, by 2025)"),
        ("到2030年累计完成10000亿平方米绿色建筑", "10000亿平方米 (1000000000000 平方米, by 2030)"),
    ],
)
def test_a_target_as_the_reports_write_it(sentence: str, shown: str) -> None:
    (target,) = find_targets(sentence, "zh")
    assert target_text(target) == shown
