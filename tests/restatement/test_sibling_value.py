"""Where the parent sets one indicator at several values for several kinds of place (83%
for the severe-cold and cold zones, 75% for the others), a child's number that is another
kind's value restates that kind's clause, not this one's lowered (the ministry's plan and
Chongqing's, examples/lineage/corpus)."""

from __future__ import annotations

from tests.restatement.test_verdict import _compare, _verdict

MINISTRY = (
    "2030年前严寒、寒冷地区新建居住建筑本体达到83%节能要求，"
    "夏热冬冷、夏热冬暖、温和地区新建居住建筑本体达到75%节能要求，"
    "新建公共建筑本体达到78%节能要求"
)
COLD = "2030年前严寒、寒冷地区新建居住建筑本体达到83%节能要求"
ZONES = "夏热冬冷、夏热冬暖、温和地区新建居住建筑本体达到75%节能要求"


def test_another_kinds_value_is_not_this_kind_lowered() -> None:
    # Chongqing, with no cold zone, sets 75% for its new urban housing: the gold has the
    # 83% omitted (not applicable) and the 75% restated
    comparison = _compare(
        MINISTRY, "2030年前城镇新建居住建筑本体达到75%节能要求，新建公共建筑本体达到78%节能要求"
    )
    assert _verdict(comparison, COLD) == "omitted"
    assert _verdict(comparison, ZONES) == "restated"


def test_a_value_no_sibling_sets_is_still_compared() -> None:
    comparison = _compare(
        MINISTRY, "2030年前城镇新建居住建筑本体达到80%节能要求，新建公共建筑本体达到78%节能要求"
    )
    assert _verdict(comparison, COLD) == "weakened"
