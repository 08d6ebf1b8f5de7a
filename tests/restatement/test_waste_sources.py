"""Two targets whose contexts name waste of other sources only measure two indicators,
however alike their words: Fujian's 到2030年，建筑垃圾资源化利用率达到55% is the ministry's
construction-waste target kept, not its 到2030年城市生活垃圾资源化利用率达到65% lowered; that
one Fujian raises to 80% in its household-waste sentence (evaluation/test/corpus)."""

from __future__ import annotations

from policydiff.restatement.kinds import waste_sources
from tests.restatement.test_verdict import _compare, _verdict

MINISTRY = (
    "全面推行垃圾分类和减量化、资源化，完善生活垃圾分类投放、分类收集、分类运输、分类处理系统，"
    "到2030年城市生活垃圾资源化利用率达到65%\n"
    "推进建筑垃圾集中处理、分级利用，到2030年建筑垃圾资源化利用率达到55%"
)
RATE = "到2030年城市生活垃圾资源化利用率达到65%"
FUJIAN = (
    "到2025年，原生生活垃圾基本实现零填埋，城市生活垃圾资源化利用率达到60%以上；"
    "到2030年，城市生活垃圾资源化利用率达到80%以上\n"
    "将建筑垃圾处理和资源化利用设施用地纳入国土空间规划统一布局，推进建筑垃圾集中处理、分级利用，"
    "积极推广应用建筑垃圾再生产品\n"
    "到2030年，建筑垃圾资源化利用率达到55%"
)


def test_construction_waste_rate_is_not_the_household_rate() -> None:
    assert _verdict(_compare(MINISTRY, FUJIAN), RATE) == "strengthened"


def test_household_rate_set_lower_still_weakens() -> None:
    child = FUJIAN.replace("达到80%以上", "达到50%以上")
    assert _verdict(_compare(MINISTRY, child), RATE) == "weakened"


def test_the_sources() -> None:
    assert waste_sources("城市生活垃圾资源化利用率") != waste_sources("建筑垃圾资源化利用率")
    assert waste_sources("建筑废弃物") == waste_sources("建筑垃圾")
    assert not waste_sources("农村污水")
