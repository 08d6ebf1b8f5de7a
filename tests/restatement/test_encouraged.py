"""A parent clause that encourages a directive (倡导合理控制室内温度、亮度和电器设备使用) is
restated by a child clause with that directive alone, when the child's sentence encourages it
in the clause before (倡导绿色低碳家居生活方式，合理控制…): the readers of the three
green-consumption provinces, not a restriction the child imposes itself."""

from __future__ import annotations

import pytest

from tests.restatement.test_verdict import _compare, _verdict

PARENT = "倡导合理控制室内温度、亮度和电器设备使用"


@pytest.mark.parametrize(
    "child",
    [
        "倡导绿色低碳家居生活方式，合理控制室内温度、亮度和电器设备使用",
        # an adverb before the encouraging word (大力倡导, 积极引导) encourages all the same
        "大力倡导绿色低碳家居生活方式，合理控制室内温度、亮度和电器设备使用",
        "积极引导绿色低碳家居生活方式，合理控制室内温度、亮度和电器设备使用",
    ],
)
def test_a_directive_encouraged_in_the_clause_before_is_restated(child: str) -> None:
    assert _verdict(_compare(PARENT, child), PARENT) == "restated"


def test_a_parent_encouraging_with_an_adverb_is_restated_alike() -> None:
    parent = "大力倡导合理控制室内温度、亮度和电器设备使用"
    child = "倡导绿色低碳家居生活方式，合理控制室内温度、亮度和电器设备使用"
    assert _verdict(_compare(parent, child), parent) == "restated"


@pytest.mark.parametrize(
    "child",
    [
        # the directive on its own: the child imposes it
        "合理控制室内温度、亮度和电器设备使用",
        # after a clause that directs, not encourages, adverb or not
        "推行绿色低碳家居生活方式，合理控制室内温度、亮度和电器设备使用",
        "大力推行绿色低碳家居生活方式，合理控制室内温度、亮度和电器设备使用",
        # after a ；, a task of its own
        "倡导绿色低碳家居生活方式；合理控制室内温度、亮度和电器设备使用",
    ],
)
def test_the_same_directive_not_encouraged_is_stronger(child: str) -> None:
    assert _verdict(_compare(PARENT, child), PARENT) == "strengthened"


def test_a_parent_encouraging_an_outcome_is_restated_alike() -> None:
    """The cue of 引导…不再采用市政集中供暖 is 引导 alone; Ningxia's 采用 after 引导 in the
    clause before is the directive the parent encourages (evaluation/test/corpus)."""
    parent = "引导寒冷地区达到超低能耗的建筑不再采用市政集中供暖"
    child = "引导新建超低能耗的建筑采用电气化分散供暖，不再采用市政集中供暖"
    assert _verdict(_compare(parent, child), parent) == "restated"
