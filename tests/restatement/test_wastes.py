"""A child clause about waste of other kinds only (refuse) does not restate a parent clause
about waste of its kinds only (sewage), however many characters the two share, as with
kinds of place: Hubei's 加快推进农村生活垃圾源头分类减量和资源化利用 is not the ministry's
推动农村生活污水就近就地资源化利用 (evaluation/test/corpus)."""

from __future__ import annotations

from policydiff.restatement.align import wastes
from tests.restatement.test_verdict import _compare, _verdict

MINISTRY = "推进农村污水处理，合理确定排放标准，推动农村生活污水就近就地资源化利用"
REUSE = "推动农村生活污水就近就地资源化利用"
HUBEI = (
    "进一步完善农村生活垃圾收集转运体系，探索简便易行的分类处理模式，"
    "加快推进农村生活垃圾源头分类减量和资源化利用"
)


def test_refuse_does_not_restate_sewage() -> None:
    assert _verdict(_compare(MINISTRY, HUBEI), REUSE) == "omitted"


def test_sewage_still_restates_sewage() -> None:
    child = HUBEI.replace("生活垃圾源头分类减量", "生活污水就近就地")
    assert _verdict(_compare(MINISTRY, child), REUSE) != "omitted"


def test_the_kinds() -> None:
    assert wastes("农村生活污水") != wastes("农村生活垃圾")
    assert wastes("有机废弃物") == wastes("生活垃圾")
    assert not wastes("农房建设")
