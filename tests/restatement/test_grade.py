"""A grade of a scale (一星级 < 二星级 < 三星级) required of a class is compared as a value:
where the parent requires every one of a class to reach one star and the child's clause
builds it to three, the requirement is stricter, not a coverage dropped (the ministry's
plan and Shanghai's, examples/lineage/corpus)."""

from __future__ import annotations

from tests.restatement import plans
from tests.restatement.test_verdict import _compare, _verdict

MINISTRY = (
    "持续开展绿色建筑创建行动，到2025年，城镇新建建筑全面执行绿色建筑标准，星级绿色建筑占比"
    "达到30%以上，新建政府投资公益性公共建筑和大型公共建筑全部达到一星级以上"
)
STARS = "新建政府投资公益性公共建筑和大型公共建筑全部达到一星级以上"
SHANGHAI = (
    "全面推动绿色生态城区建设，五个新城全部按照绿色生态城区标准建设，"
    "新建大型公共建筑按照绿色建筑{}标准建设"
)


def test_a_higher_grade_is_a_stricter_value() -> None:
    # the gold: strengthened (two or three stars for what the ministry sets at one)
    comparison = _compare(MINISTRY, SHANGHAI.format("三星级"))
    assert _verdict(comparison, STARS) == "strengthened"


def test_without_a_grade_the_coverage_is_dropped() -> None:
    comparison = _compare(MINISTRY, SHANGHAI.format("星级"))
    assert _verdict(comparison, STARS) == "weakened"


CHONGQING = (
    "持续开展绿色建筑创建行动，推动星级绿色建筑、绿色生态住宅小区建设，主城都市区行政区域内政府"
    "投资或以政府投资为主的公共建筑和社会投资建筑面积2万平方米及以上的大型公共建筑应达到二星级"
    "及以上绿色建筑标准，其他区县行政区域内同类型公共建筑应达到一星级及以上标准，到2025年，城镇"
    "新建建筑全面执行绿色建筑标准，星级绿色建筑占比达到30%以上"
)
YUNNAN = (
    "深化绿色建筑创建行动，到2025年，全省城镇新建建筑全面执行绿色建筑标准，其中星级绿色建筑占比"
    "力争达到30％以上，新建政府投资公益性公共建筑和大型公共建筑全部达到一星级以上，新建超高层建筑"
    "绿色建筑水平应达到三星级标准"
)


def test_a_grade_raised_for_part_of_the_class_is_stricter() -> None:
    # Chongqing keeps one star in its other districts and asks two of its main urban area's
    # public and large public buildings (the gold: strengthened); the lead clause of the
    # ministry's sentence stays restated
    comparison = plans.compared(
        plans.EXAMPLE, plans.MINISTRY, "chongqing-chengxiangjianshe-tandafeng"
    )
    assert _verdict(comparison, STARS) == "strengthened"
    assert CHONGQING in {r.child.sentence for r in comparison.commitments if r.child}
    assert _verdict(comparison, "持续开展绿色建筑创建行动") == "restated"


def test_a_higher_grade_for_another_class_is_not() -> None:
    # Yunnan copies the one-star requirement; its three stars are for super-high-rises
    comparison = _compare(MINISTRY, YUNNAN)
    assert _verdict(comparison, STARS) == "restated"


ANHUI = (
    "持续开展绿色建筑创建行动，贯彻《安徽省绿色建筑发展条例》，推动高星级绿色建筑发展，到2025年底，"
    "城镇绿色建筑占新建建筑面积比例达到100%，星级绿色建筑占比达到30%以上，"
    "新建大型公共建筑和政府投资的公共建筑达到一星级及以上"
)


def test_every_one_at_a_grade_is_restated_by_that_grade_not_by_a_share() -> None:
    # Anhui (evaluation/test/corpus, line 56) keeps the one-star requirement for the same
    # class; its 30% share of starred buildings measures another thing, no lowered 100%
    comparison = _compare(MINISTRY, ANHUI)
    assert _verdict(comparison, STARS) == "restated"
    assert _verdict(comparison, "持续开展绿色建筑创建行动") == "restated"


def test_a_share_of_the_graded_class_itself_is_the_coverage_lowered() -> None:
    child = (
        "持续开展绿色建筑创建行动，到2025年，城镇新建建筑全面执行绿色建筑标准，"
        "新建政府投资公益性公共建筑和大型公共建筑一星级以上比例达到80%"
    )
    assert _verdict(_compare(MINISTRY, child), STARS) == "weakened"
