"""Full coverage kept in other words: where the parent's cue is the wording of its own full
coverage (全面执行) and the child keeps that coverage in its own (全面建成), the cue was the
target, and it is kept: restated, not a weaker cue (the ministry's plan and Guangdong's,
examples/lineage/corpus)."""

from __future__ import annotations

from policydiff.strength.targets import find_targets
from tests.restatement.test_verdict import _compare, _verdict

MINISTRY = (
    "持续开展绿色建筑创建行动，到2025年，城镇新建建筑全面执行绿色建筑标准，星级绿色建筑占比"
    "达到30%以上，新建政府投资公益性公共建筑和大型公共建筑全部达到一星级以上"
)
STANDARD = "到2025年，城镇新建建筑全面执行绿色建筑标准"


def test_built_in_full_is_full_coverage() -> None:
    [target] = find_targets("到2025年，新建建筑全面建成绿色建筑", "zh")
    assert (target.value, target.unit, target.year) == (100.0, "%", 2025)


def test_full_coverage_kept_in_other_words_is_restated() -> None:
    # the gold: restated (新建建筑全面建成绿色建筑 by 2025); read as the 30% star share, or
    # as a cue 全面 weaker than 全面执行, it was weakened
    comparison = _compare(
        MINISTRY, "到2025年，新建建筑全面建成绿色建筑，星级绿色建筑占比达到30%以上"
    )
    assert _verdict(comparison, STANDARD) == "restated"


def test_full_coverage_given_up_is_still_weakened() -> None:
    comparison = _compare(
        MINISTRY, "到2025年，新建建筑全面推广绿色建筑，星级绿色建筑占比达到30%以上"
    )
    assert _verdict(comparison, STANDARD) == "weakened"
