"""Adverbs of manner (``manner`` in ``data/restatement.yaml``) are left out of a clause's
object wherever they stand, not only where they open it
(:func:`policydiff.restatement.objects.content`): the ministry's 推动乡村进一步提高电气化水平 is
about 农村 提高电气化水平, which Hubei's 加快推进农村用能电气化进程 restates (evaluation/test/corpus)."""

from __future__ import annotations

from policydiff.restatement.objects import content
from tests.restatement import plans
from tests.restatement.test_verdict import _compare

RURAL = "推动乡村进一步提高电气化水平"


def _child_of(parent: str, child: str, clause: str) -> str | None:
    comparison = _compare(parent, child)
    restated = next(r for r in comparison.commitments if r.parent.text == clause)
    return restated.child.text if restated.child else None


def test_an_adverb_of_manner_inside_the_object_is_left_out() -> None:
    parent = f"{RURAL}，鼓励炊事、供暖、照明、交通、热水等用能电气化"
    child = "推广使用高能效照明、灶具等设施设备，加快推进农村用能电气化进程"
    assert _child_of(parent, child, RURAL) == "加快推进农村用能电气化进程"


def test_hubeis_natural_ventilation_restates_the_ministrys() -> None:
    # 倡导建筑充分利用自然通风和天然采光 for the ministry's 充分利用日照和自然通风, in the two
    # plans themselves: 充分 left out of both objects
    restated = plans.restated(
        plans.HELD, plans.MINISTRY, "hubei-chengxiangjianshe-tandafeng", "充分利用日照和自然通风"
    )
    assert content(restated.parent).split() == ["利用日照和自然通风"]
    assert restated.child is not None
    assert restated.child.text == "倡导建筑充分利用自然通风和天然采光"


def test_an_adverb_shared_alone_restates_nothing() -> None:
    parent = f"{RURAL}，鼓励炊事、供暖、照明、交通、热水等用能电气化"
    assert _child_of(parent, "进一步提高城市公园服务水平", RURAL) is None
