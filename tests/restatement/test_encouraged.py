"""A parent clause that encourages a directive (倡导合理控制室内温度、亮度和电器设备使用) is
restated by a child clause with that directive alone, when the child's sentence encourages it
in the clause before (倡导绿色低碳家居生活方式，合理控制…): the readers of the three
green-consumption provinces, not a restriction the child imposes itself."""

from __future__ import annotations

from tests.restatement.test_verdict import _compare, _verdict

PARENT = "倡导合理控制室内温度、亮度和电器设备使用"


def test_a_directive_encouraged_in_the_clause_before_is_restated() -> None:
    child = "倡导绿色低碳家居生活方式，合理控制室内温度、亮度和电器设备使用"
    assert _verdict(_compare(PARENT, child), PARENT) == "restated"


def test_the_same_directive_on_its_own_is_stronger() -> None:
    child = "严格控制室内温度、亮度和电器设备使用"
    assert _verdict(_compare(PARENT, child), PARENT) == "strengthened"
