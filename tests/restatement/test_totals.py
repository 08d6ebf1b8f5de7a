"""A national total restated by a province is the province's share of it: the ministry's
100 intelligent-construction bases by 2030 against Heilongjiang's 3 and Tianjin's 1–2, the
pollution plan's 11.5 million tonnes of recycled aluminium against Shandong's 2.5 million
(evaluation/test/raw/). A rate or a measure per unit is compared as before."""

from __future__ import annotations

import datetime as dt

import pytest

from policydiff.models import Document, Version
from policydiff.restatement.rules import load_rules
from policydiff.restatement.targets import target_changes
from policydiff.restatement.totals import is_total, shares_totals
from policydiff.strength import Target
from tests.restatement import plans
from tests.restatement.test_verdict import _compare

BASES = "到2030年培育100个智能建造产业基地"


@pytest.mark.parametrize(
    "child", ["heilongjiang-chengxiangjianshe-tandafeng", "tianjin-chengxiangjianshe-tandafeng"]
)
def test_a_province_s_share_of_a_national_total_is_no_weakening(child: str) -> None:
    restated = plans.restated(plans.HELD, plans.MINISTRY, child, BASES)
    assert restated.verdict.value == "restated"
    (change,) = restated.targets
    assert change.change == "same" and change.how == "a share of the parent's total"
    assert change.child is not None and (change.child.value or 0) < 100
    # the reason names the share, so 100 against the child's figure is seen as read
    assert restated.reasons[-1] == f"target 100个 → {change.child.text}: {change.how}"


def test_a_share_is_still_measured_by_its_deadline() -> None:
    # Shandong's 250万吨左右 by 2025 for the national 1150万吨 by 2025: same deadline, the
    # figure softened by 左右
    restated = plans.restated(
        plans.HELD,
        "2022-jianwu-jiangtan",
        "shandong-jianwu-jiangtan",
        "2025年再生铝产量达到1150万吨",
    )
    assert [c.change for c in restated.targets] == ["same"]


def _target(text: str, value: float, unit: str) -> Target:
    return Target(text=text, value=value, unit=unit, year=2030)


@pytest.mark.parametrize(
    ("target", "context", "total"),
    [
        (_target("100个", 100, "个"), BASES, True),
        (
            _target("不高于300吨", 300, "吨"),
            "新建建筑施工现场建筑垃圾排放量不高于300吨/万平方米",
            False,
        ),
        (_target("14.5平方米", 14.5, "平方米"), "城市建成区人均公园绿地面积达到14.5平方米", False),
        (_target("8公里", 8, "公里"), "城市建成区平均路网密度达到8公里", False),
        (_target("不少于100米", 100, "米"), "净宽度不少于100米", False),
        (_target("降至30立方米", 30, "立方米"), "万元工业增加值用水量降至30立方米", False),
        # per-unit words in the clause before are not this target's
        (_target("3000万平方米", 3.0e7, "平方米"), "单位面积能耗下降，完成改造3000万平方米", True),
        (_target("达到70%", 70, "%"), "城镇新建建筑中绿色建材应用比例达到70%", False),
    ],
)
def test_a_total_is_a_count_or_amount_as_a_whole(target: Target, context: str, total: bool) -> None:
    assert is_total(target, context, load_rules()) is total


def _document(level: str) -> Document:
    version = Version("zh", "zh", "original", True, "test", "")
    return Document(level, level, (), dt.date(2022, 1, 1), (version,), level=level)


@pytest.mark.parametrize(
    ("parent", "child", "shared"),
    [
        ("ministry", "provincial", True),
        ("central", "municipal", True),
        ("provincial", "municipal", True),
        ("central", "ministry", False),
        ("provincial", "provincial", False),
        ("", "provincial", False),
    ],
)
def test_totals_are_shared_below_the_parent_s_level(parent: str, child: str, shared: bool) -> None:
    assert shares_totals(_document(parent), _document(child)) is shared


def test_a_share_set_later_is_laxer_by_its_deadline() -> None:
    parent, child = "到2025年培育100个智能建造产业基地", "到2030年培育5个智能建造产业基地"
    comparison = _compare(parent, child)
    restated = next(r for r in comparison.commitments if r.parent.text == parent)
    assert restated.child is not None
    (change,) = target_changes(restated.parent, restated.child, (), shared=True)
    assert (change.change, change.how) == (
        "laxer",
        "a share of the parent's total, a later deadline (2025 → 2030)",
    )
    (unshared,) = target_changes(restated.parent, restated.child, (), shared=False)
    assert (unshared.change, unshared.how) == ("laxer", "a lower value")
