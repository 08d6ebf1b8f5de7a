"""A target's context (its clause and the one before, which names what it measures) stays
within its ；-piece: a piece is a task of its own, and the clause before a ；says nothing
about the target after it (the ministry's plan and Chongqing's, examples/lineage/corpus)."""

from __future__ import annotations

from tests.restatement.test_verdict import _compare, _verdict

MINISTRY = (
    "2030年前严寒、寒冷地区新建居住建筑本体达到83%节能要求，"
    "夏热冬冷、夏热冬暖、温和地区新建居住建筑本体达到75%节能要求，"
    "新建公共建筑本体达到78%节能要求"
)
ZONES = "夏热冬冷、夏热冬暖、温和地区新建居住建筑本体达到75%节能要求"
DEMONSTRATION = (
    "积极推动工程试点示范，到2025年，超低（近零）能耗建筑、低碳（零碳）建筑示范项目面积"
    "不低于30万平方米"
)
STANDARDS = "2030年前城镇新建居住建筑本体达到75%节能要求，新建公共建筑本体达到78%节能要求"


def test_a_demonstration_before_the_semicolon_does_not_limit_the_target_after_it() -> None:
    # Chongqing keeps the 75% for all its new urban housing (the gold: restated); read
    # with the demonstration clause before the ；, it was kept for pilots only (weakened)
    comparison = _compare(MINISTRY, f"{DEMONSTRATION}；{STANDARDS}")
    assert _verdict(comparison, ZONES) == "restated"


def test_a_demonstration_in_the_same_piece_still_limits_it() -> None:
    comparison = _compare(MINISTRY, f"{DEMONSTRATION}，{STANDARDS}")
    assert _verdict(comparison, ZONES) == "weakened"
