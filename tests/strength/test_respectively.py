"""Targets listed after 分别 ("respectively") take the years listed before them in order: the
pollution-and-carbon plan's 2025年和2030年，全国短流程炼钢占比分别提升至15%、20%以上 sets 15% for
2025 and 20% for 2030 (evaluation/test/raw/), and Jilin, which copies it, sets no earlier
milestone than the plan does."""

from __future__ import annotations

import pytest

from policydiff.strength import find_targets
from tests.restatement import plans

STEEL = "2025年和2030年，全国短流程炼钢占比分别提升至15%、20%以上"


@pytest.mark.parametrize(
    ("sentence", "years"),
    [
        (STEEL, [2025, 2030]),
        ("到2025年和2030年，全省城镇新建建筑中装配式建筑比例分别达到30%、40%", [2025, 2030]),
        ("2025年、2030年分别达到30%和40%", [2025, 2030]),
        # the years listed and the targets after 分别 must pair one to one
        ("到2025年，城市达到30%，县城分别达到40%、50%", [2025, 2025, 2025]),
        ("到2025年和2030年，比例分别达到30%", [2030]),
        # each 分别 takes its own list
        (
            "到2025年和2030年，非化石能源比重分别达到20%、25%，风电装机分别达到3亿千瓦、5亿千瓦",
            [2025, 2030, 2025, 2030],
        ),
        # a baseline is no list of deadlines, nor is a list another year stands after
        ("与2015年和2020年相比，到2030年能耗分别下降20%、10%", [2030, 2030]),
        ("2025年和2030年目标明确。到2030年，A分别达到40%、35%", [2030, 2030]),
    ],
)
def test_targets_after_fenbie_take_the_listed_years_in_order(
    sentence: str, years: list[int]
) -> None:
    assert [t.year for t in find_targets(sentence, "zh")] == years


def test_a_copy_of_both_milestones_restates_them() -> None:
    restated = plans.restated(
        plans.HELD,
        "2022-jianwu-jiangtan",
        "jilin-jianwu-jiangtan",
        "全国短流程炼钢占比分别提升至15%、20%以上",
    )
    assert restated.verdict.value == "restated"
    assert all(c.change == "same" for c in restated.targets)
