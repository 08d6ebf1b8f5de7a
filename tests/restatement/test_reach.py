"""A clause that says only how far the clause before it reaches (Jilin's 鼓励建设低碳建筑、近零
能耗建筑，推动规模化发展) lifts that clause to its level: the ministry's 推动低碳建筑规模化发展 is
restated, its 鼓励建设零碳建筑和近零能耗建筑 strengthened (evaluation/test/corpus)."""

from __future__ import annotations

import pytest

from tests.restatement.test_verdict import _compare, _verdict

JILIN = "开展超低能耗建筑试点示范工作，鼓励建设低碳建筑、近零能耗建筑，推动规模化发展"


@pytest.mark.parametrize(
    ("parent", "verdict"),
    [
        ("推动低碳建筑规模化发展", "restated"),
        ("鼓励建设零碳建筑和近零能耗建筑", "strengthened"),
    ],
)
def test_the_reach_is_the_clause_befores(parent: str, verdict: str) -> None:
    assert _verdict(_compare(parent, JILIN), parent) == verdict


@pytest.mark.parametrize(
    "child",
    [
        # a hedged reach lifts nothing
        JILIN.replace("推动规模化发展", "力争规模化发展"),
        # nor one after a ；, a task of its own
        JILIN.replace("，推动规模化发展", "；推动规模化发展"),
    ],
)
def test_a_hedged_or_separate_reach_lifts_nothing(child: str) -> None:
    parent = "鼓励建设零碳建筑和近零能耗建筑"
    unreached = JILIN.replace("，推动规模化发展", "")
    alone = _verdict(_compare(parent, unreached), parent)
    assert alone != "strengthened"
    assert _verdict(_compare(parent, child), parent) == alone
