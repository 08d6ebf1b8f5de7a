"""Two targets whose own clauses share only the words of how they measure (利用率, 达到, 不超过)
or of where they are set (城市, 全国) are of two indicators: the ministry of ecology's
新增大宗固废综合利用率达到60% is not Heilongjiang's 农药利用率达到50% set lower, nor the
ministry's 30%以上城市建成照明数字化系统 Tianjin's LED 占比超过80% set higher (evaluation/test/corpus); and 最高不超过18层 is still
一般不超过18层."""

from __future__ import annotations

import pytest

from policydiff.restatement.targets import same_indicator
from policydiff.strength import Target
from policydiff.strength.targets import find_target_spans
from tests.restatement.plans import HELD, MINISTRY, restated


def test_a_waste_rate_is_not_the_pesticide_rate() -> None:
    found = restated(
        HELD,
        "2022-jianwu-jiangtan",
        "heilongjiang-jianwu-jiangtan",
        "推动煤矸石、粉煤灰、尾矿、冶炼渣等工业固废资源利用或替代建材生产原料",
    )
    (change,) = found.targets
    assert change.parent.text == "达到60%"
    assert change.child is None and change.change == "dropped"


def test_a_share_of_cities_is_not_a_share_of_lamps() -> None:
    found = restated(HELD, MINISTRY, "tianjin-chengxiangjianshe-tandafeng", "推进城市绿色照明")
    kept = {c.parent.text: c.child.text if c.child else None for c in found.targets}
    assert kept == {"超过80%": "超过80％", "30%以上": None}


def _target(text: str) -> Target:
    """The first target of ``text``."""
    return find_target_spans(text, "zh", None)[0][2]


@pytest.mark.parametrize(
    ("parent", "child", "same"),
    [
        ("新建住宅以6层为主，最高不超过18层", "新建住宅以6层为主，一般不超过18层", True),
        ("到2025年，新增大宗固废综合利用率达到60%", "2025年，农药利用率达到50%", False),
        # where a target is set (城市, 全国) is not what it measures (the ministry's plan and
        # Hubei's, evaluation/test/corpus)
        (
            "实施污水收集处理设施改造和城镇污水资源化利用行动，到2030年全国城市平均再生水利用率达到30%",
            "实施污水收集处理设施改造，到2025年，设区城市建成区40%以上（其他城市建成区30%）的面积达到海绵城市建设要求",
            False,
        ),
        ("到2025年，新增大宗固废综合利用率达到60%", "到2025年，大宗固废综合利用率达到57%", True),
        (
            "到2030年城市生活垃圾资源化利用率达到65%",
            "到2030年，城市生活垃圾资源化利用率达到80%以上",
            True,
        ),
    ],
)
def test_what_the_clauses_name(parent: str, child: str, same: bool) -> None:
    found = same_indicator(_target(parent), parent, [(_target(child), child)])
    assert bool(found) is same
