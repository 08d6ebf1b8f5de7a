"""A target of the child's for another year than the parent's does not meet the parent's:
a lower figure for an earlier year is a milestone on the way, a higher one for a later year
comes after the parent's deadline; either way the parent's year has no figure (sentences
built on the ministry's prefabrication share, 装配式建筑占当年城镇新建建筑的比例)."""

from __future__ import annotations

import pytest

from policydiff.restatement.targets import target_changes
from tests.restatement.test_verdict import _compare


@pytest.mark.parametrize(
    ("parent", "child", "how"),
    [
        # a lower figure for an earlier year: a milestone, the parent's year left without one
        (
            "到2030年装配式建筑占当年城镇新建建筑的比例达到40%",
            "到2025年装配式建筑占当年城镇新建建筑的比例达到30%",
            "a figure for 2025 only, none found for 2030",
        ),
        # a higher figure for a later year does not meet the parent's earlier one
        (
            "到2025年装配式建筑占当年城镇新建建筑的比例达到30%",
            "到2030年装配式建筑占当年城镇新建建筑的比例达到40%",
            "a figure for 2030 only, none found for 2025",
        ),
    ],
)
def test_a_figure_for_another_year_leaves_the_parent_s_year_unmet(
    parent: str, child: str, how: str
) -> None:
    comparison = _compare(parent, child)
    restated = next(r for r in comparison.commitments if r.parent.text == parent)
    assert restated.child is not None
    (change,) = target_changes(restated.parent, restated.child, ())
    assert (change.change, change.how) == ("laxer", how)
    assert restated.verdict.value == "weakened"
