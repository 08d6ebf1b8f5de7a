"""A pilot's experience promoted is no limited scope: 推广…试点城市经验 spreads what the
pilots did, where 在试点城市建立… keeps a commitment to the pilots (the ministry's plan
and Guangdong's, examples/lineage/corpus)."""

from __future__ import annotations

import pytest

from tests.restatement import plans
from tests.restatement.test_verdict import _compare, _verdict

PROCUREMENT = "建立政府工程采购绿色建材机制"


def test_promoting_a_pilots_experience_is_no_narrower_scope() -> None:
    # Guangdong's 推广政府采购支持绿色建材促进建筑品质提升试点城市经验，逐步建立绿色建材应用
    # 长效机制 restates the ministry's procurement mechanism (the gold): not narrowed to the
    # pilot cities, whose experience it spreads
    restated = plans.restated(
        plans.EXAMPLE, plans.MINISTRY, "guangdong-chengxiangjianshe-tandafeng", PROCUREMENT
    )
    assert restated.child is not None and "试点城市经验" in restated.child.text
    assert restated.verdict.value == "restated"


def test_a_commitment_kept_for_the_pilots_is_still_narrower() -> None:
    comparison = _compare(PROCUREMENT, f"在试点城市{PROCUREMENT}")
    assert _verdict(comparison, PROCUREMENT) == "weakened"


def test_a_national_programmes_pilot_a_province_joins_is_no_narrower_scope() -> None:
    # Jiangsu's green-consumption plan (evaluation/test/corpus, line 43) carries out the
    # national 公交都市 demonstration programme: it restates 深入开展公交都市建设
    parent = "深入开展公交都市建设"
    child = "深化国家公交都市建设示范城市创建工作"
    assert _verdict(_compare(parent, child), parent) == "restated"


@pytest.mark.parametrize(
    "child",
    [
        f"在国家试点城市{PROCUREMENT}",
        # Shandong's four named national low-carbon pilot cities (evaluation/test/corpus)
        f"依托济南、青岛、烟台、潍坊4个国家低碳试点城市{PROCUREMENT}",
    ],
)
def test_a_commitment_kept_for_the_national_pilots_is_still_narrower(child: str) -> None:
    assert _verdict(_compare(PROCUREMENT, child), PROCUREMENT) == "weakened"
