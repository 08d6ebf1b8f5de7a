"""A child clause that names another kind of the parent's object restates the parent's
other commitment to that kind, not this one: but only where the child clause comes near
the parent clause that names it (the green-consumption and energy-transition plans
and the Jiangsu and Qinghai plans implementing them, evaluation/test/raw/). The kind the
parent commits to near the child's clause (光伏 for 光热) is test_contrast's."""

from __future__ import annotations

from tests.restatement import plans
from tests.restatement.test_verdict import _child_of, _compare

MEETING = "充分发挥完善促进消费体制机制部际联席会议制度作用"
GREEN_PARENT = f"坚持系统谋划，凝聚工作合力，{MEETING}"
JIANGSU = "充分发挥省完善促进消费体制机制工作联席会议制度作用"

COUNCIL = "国家能源委员会统筹协调能源绿色低碳转型相关战略、发展规划、行动方案和政策体系等"
QINGHAI = "统筹能源绿色低碳转型相关发展规划、实施方案和政策"


def test_a_kind_the_parent_names_only_far_from_the_clause_is_no_other_commitment() -> None:
    # 工作 of 工作联席会议 for 部际联席会议: the parent's 工作 stands in 凝聚工作合力, which the
    # child's clause does not come near
    assert _child_of(_compare(GREEN_PARENT, JIANGSU), MEETING) == JIANGSU


def test_a_kind_named_only_in_a_clause_of_other_plans_is_no_other_commitment() -> None:
    # 实施方案 for 行动方案: the parent's other 实施方案 is the county plans of 省级能源主管部门
    # 指导并组织…, which Qinghai's clause does not come near
    restated = plans.restated(
        plans.HELD, "2022-nengyuan-lvse-zhuanxing", "qinghai-nengyuan-lvse-zhuanxing", COUNCIL
    )
    assert restated.child is not None and restated.child.text == QINGHAI
