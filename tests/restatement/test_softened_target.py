"""A parent's bare target (no directive: the number is the commitment) kept value for value
but softened into a rough or usual value (左右, 一般), where the parent's was exact, is
weakened: Liaoning's 到2030年，城市生活垃圾资源化利用率达到65％左右 for the ministry's
到2030年城市生活垃圾资源化利用率达到65%, and its 一般不超过18层 for 最高不超过18层
(evaluation/test/corpus)."""

from __future__ import annotations

from tests.restatement.test_verdict import _compare, _verdict

MINISTRY = (
    "全面推行垃圾分类和减量化、资源化，完善生活垃圾分类投放、分类收集、分类运输、分类处理系统，"
    "到2030年城市生活垃圾资源化利用率达到65%"
)
RATE = "到2030年城市生活垃圾资源化利用率达到65%"
LIAONING = (
    "全面推行垃圾分类和减量化、资源化，完善生活垃圾分类投放、分类收集、分类运输、分类处理系统\n"
    "到2030年，城市生活垃圾资源化利用率达到65％左右"
)
HEIGHT = "最高不超过18层"


def test_about_the_value_weakens_a_bare_target() -> None:
    assert _verdict(_compare(MINISTRY, LIAONING), RATE) == "weakened"


def test_the_exact_value_is_restated() -> None:
    child = LIAONING.replace("65％左右", "65％")
    assert _verdict(_compare(MINISTRY, child), RATE) == "restated"


def test_as_a_rule_weakens_a_cap() -> None:
    parent = "新建住宅以6层为主，最高不超过18层"
    child = "建筑高度要与消防救援能力相匹配，新建住宅以6层为主，一般不超过18层"
    assert _verdict(_compare(parent, child), HEIGHT) == "weakened"
    exact = child.replace("一般", "最高")
    assert _verdict(_compare(parent, exact), HEIGHT) == "restated"


def test_advisory_weakens_a_cap() -> None:
    # 不宜超过 (should not exceed) for 不超过: Shandong's county-town road width
    parent = "推行窄马路、密路网、小街区，县城内部道路红线宽度不超过40米"
    child = "推行窄马路、密路网、小街区，县城内部道路红线宽度不宜超过40米"
    clause = "县城内部道路红线宽度不超过40米"
    assert _verdict(_compare(parent, child), clause) == "weakened"


def test_a_number_bound_by_a_modal_alone_is_bare() -> None:
    # 应大于 makes the number the rule: Anhui's 一般大于 softens it (evaluation/test/corpus)
    parent = "主城区道路网密度应大于8公里/平方公里"
    child = "主城区道路网密度一般大于8公里／平方公里"
    assert _verdict(_compare(parent, child), parent) == "weakened"
    assert _verdict(_compare(parent, child.replace("一般", "应")), parent) == "restated"
