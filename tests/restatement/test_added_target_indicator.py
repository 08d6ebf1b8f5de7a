"""A dated target the child adds to a parent commitment that has none strengthens it, unless
it restates a target the parent sets for another commitment: of that target's indicator
(the clauses the two stand in alike, as :func:`verdict._same_indicator_elsewhere` reads
a target found far from its restatement), or the very target of another restating clause. Qinghai's
推动新建住宅全装修交付使用，到2025年城镇新建住宅全装修率达到30%以上 adds a fit-out rate that
no target of the ministry's measures: neither the share of prefabricated buildings
(装配式建筑占当年城镇新建建筑的比例达到40%, words of 城镇新建 in common), nor the 30% of
star-rated green buildings, an equal number of another indicator (evaluation/test/corpus)."""

from __future__ import annotations

from tests.restatement.test_verdict import _compare, _verdict

FIT_OUT = "推动新建住宅全装修交付使用"
MINISTRY = (
    f"{FIT_OUT}，减少资源消耗和环境污染。"
    "推广钢结构住宅，到2030年装配式建筑占当年城镇新建建筑的比例达到40%。"
    "到2025年，星级绿色建筑占比达到30%以上"
)
QINGHAI = (
    f"{FIT_OUT}，到2025年城镇新建住宅全装修率达到30%以上。"
    "推广钢结构住宅，到2030年装配式建筑占当年城镇新建建筑的比例达到40%。"
    "到2025年，星级绿色建筑占比达到30%以上"
)


def test_a_target_of_no_parent_indicator_strengthens() -> None:
    assert _verdict(_compare(MINISTRY, QINGHAI), FIT_OUT) == "strengthened"


def test_the_same_target_restated_beside_it_does_not() -> None:
    # the prefabrication share restated in the lead's own sentence measures that
    # commitment, not the fit-out one
    child = f"{FIT_OUT}，到2030年装配式建筑占当年城镇新建建筑的比例达到40%"
    assert _verdict(_compare(MINISTRY, child), FIT_OUT) == "restated"
