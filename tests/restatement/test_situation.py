"""A section on where things stand (一、面临形势) commits to nothing: the pollution-and-carbon
plan's 生态环境质量持续改善 and 我国发展不平衡、不充分问题依然突出 describe, and neither is a
commitment a province restates or omits, nor is Jilin's own account an addition
(evaluation/test/raw/)."""

from __future__ import annotations

from tests.restatement import plans

PLAN = "2022-jianwu-jiangtan"


def test_no_commitment_or_addition_comes_from_the_situation_section() -> None:
    comparison = plans.compared(plans.HELD, PLAN, "jilin-jianwu-jiangtan")
    parents = [r.parent for r in comparison.commitments]
    assert parents and not any("面临形势" in c.location for c in parents)
    assert not any("面临形势" in c.location for c in comparison.additions)


def test_the_sections_after_it_still_commit() -> None:
    comparison = plans.compared(plans.HELD, PLAN, "jilin-jianwu-jiangtan")
    assert any("总体要求" in r.parent.location for r in comparison.commitments)
