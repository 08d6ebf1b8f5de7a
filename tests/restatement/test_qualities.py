"""Two objects alike only by the qualities a plan gives whatever it commits to (绿色低碳,
智能 …: ``qualities`` in data/restatement.yaml) are about other things: the ministry's
积极开展绿色低碳城市建设 is not restated by Shanghai's and Liaoning's 绿色低碳建材 or
绿色低碳基础设施, nor its 推广智能建造 by Jilin's 加快建设智能供热系统."""

from __future__ import annotations

from policydiff.restatement.align import _alike_in_qualities_only
from tests.restatement.test_verdict import _child_of, _compare

SECTION = "（二）强化组织实施\n"


def test_objects_sharing_only_qualities_are_not_alike() -> None:
    found = _alike_in_qualities_only(
        ["绿色低碳城市建设", "智能建造", "绿色建材"], ["推广绿色低碳建材", "建设智能供热系统"]
    )
    assert found.tolist() == [[True, False], [False, True], [False, False]]


def test_a_quality_shared_with_the_thing_is_no_refusal() -> None:
    # 绿色建材 shares 建材 besides 绿色: the same thing
    assert not _alike_in_qualities_only(["推广绿色建材"], ["加快绿色建材应用"]).any()
    # nothing shared at all is not refused, left to the similarity (a theme may lift it)
    assert not _alike_in_qualities_only(["城市更新"], ["农房建设"]).any()
    # an object of qualities alone is one of them, not qualified by them
    assert not _alike_in_qualities_only(["绿色低碳"], ["绿色低碳"]).any()


def test_a_commitment_restated_only_by_its_qualities_is_omitted() -> None:
    # under a heading of no theme, so that the heading restates nothing itself
    comparison = _compare("积极开展绿色低碳城市建设", "大力推广绿色低碳建材", SECTION)
    assert _child_of(comparison, "积极开展绿色低碳城市建设") is None
    restated = _compare("积极开展绿色低碳城市建设", "全面开展绿色低碳城市建设", SECTION)
    assert _child_of(restated, "积极开展绿色低碳城市建设") == "全面开展绿色低碳城市建设"
