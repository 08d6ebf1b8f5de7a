"""A hedged cap is a target, not a ban: the ministry's 拆除建筑面积原则上不应大于现状总建筑面积的20%
and Yunnan's 原则上城市更新单元…不应大于…20％ set the same hedged 20% cap in another word order
(examples/lineage/corpus)."""

from __future__ import annotations

from policydiff.strength import find_cues
from tests.restatement.plans import EXAMPLE, MINISTRY, restated

CAP = "城市更新单元（片区）或项目内拆除建筑面积原则上不应大于现状总建筑面积的20%"


def test_the_hedge_before_a_cap_is_no_ban() -> None:
    assert [(c.text, c.category) for c in find_cues(CAP, "zh")] == [("原则上", "hedge")]
    # a hedged ban stays a ban
    [ban] = find_cues("原则上不大规模、成片集中拆除现状建筑", "zh")
    assert (ban.text, ban.category) == ("原则上不大规模", "prohibition")


def test_the_cap_copied_in_another_word_order_is_restated() -> None:
    # before, the ministry's 原则上不 read as a ban (level 5) and Yunnan's 原则上 as a hedge:
    # "weaker cue (原则上不 → 原则上, -4.0)" on an identical rule
    r = restated(EXAMPLE, MINISTRY, "yunnan-chengxiangjianshe-tandafeng", CAP)
    assert r.verdict.value == "restated"
    assert r.child is not None and "不应大于现状总建筑面积的20％" in r.child.text
