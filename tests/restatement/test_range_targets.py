"""A range is held to what it promises when ``compare`` measures a child's target against the
parent's: its start where more is better, its end under a ceiling; and a density stands
for its own clause, not for the commitment its sentence opens on (the ministry's county
density after 强化县城建设密度与强度管控, which Hebei and Liaoning copy without the numbers:
their readers find it restated, evaluation/test/restatement/ministry-to-hebei.yaml)."""

from __future__ import annotations

import pytest

from tests.restatement.test_verdict import _compare, _verdict

PARENT = "推进低碳产业园区试点建设，到2025年，全省再增加3个省级低碳产业园区试点"
CLAUSE = "到2025年，全省再增加3个省级低碳产业园区试点"  # a count measures its own clause


@pytest.mark.parametrize(
    ("child_count", "verdict"),
    [
        ("3个", "restated"),
        ("3~4个", "restated"),  # promises three, as the parent does
        ("2~3个", "weakened"),  # promises two: that it may reach three is no promise
        ("4~5个", "strengthened"),
    ],
)
def test_a_range_is_held_to_its_start_where_more_is_better(child_count: str, verdict: str) -> None:
    child = f"推进低碳产业园区试点建设，到2025年，全省再增加{child_count}省级低碳产业园区试点"
    assert _verdict(_compare(PARENT, child), CLAUSE) == verdict


DENSITY = "县城建成区人口密度控制在0.6—1万人/平方公里"


@pytest.mark.parametrize(
    ("child_density", "verdict"),
    [
        ("控制在0.6-1万人/平方公里", "restated"),
        ("控制在每平方公里0.6至1万人", "restated"),
        ("控制在0.6-1.2万人/平方公里", "weakened"),  # a higher ceiling
        ("控制在0.6-0.8万人/平方公里", "strengthened"),  # a lower one
    ],
)
def test_a_range_is_held_to_its_end_under_a_ceiling(child_density: str, verdict: str) -> None:
    child = f"县城建成区人口密度{child_density}"
    assert _verdict(_compare(DENSITY, child), DENSITY) == verdict


MINISTRY = (
    "要因地制宜强化县城建设密度与强度管控，位于生态功能区、农产品主产区的县城建成区人口密度控制在"
    "0.6—1万人/平方公里，建筑总面积与建设用地比值控制在0.6—0.8，建筑高度要与消防救援能力相匹配"
)
HEBEI = "强化县城建设密度与开发强度管控，民用建筑高度与消防救援能力相匹配"


def test_a_density_or_ratio_measures_its_own_clause_not_the_lead() -> None:
    comparison = _compare(MINISTRY, HEBEI)
    assert _verdict(comparison, "要因地制宜强化县城建设密度与强度管控") == "restated"
    assert (
        _verdict(
            comparison, "位于生态功能区、农产品主产区的县城建成区人口密度控制在0.6—1万人/平方公里"
        )
        == "omitted"
    )
