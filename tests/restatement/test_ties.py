"""Of two child clauses about the same thing, the one that keeps the parent's cue restates it
(Liaoning's 推进海绵城市建设 and 全域化推进海绵城市建设 for the ministry's 系统化全域推进海绵城市
建设, evaluation/test/raw/), whichever the child writes first."""

from __future__ import annotations

import pytest

from tests.restatement.test_lead_ins import _body

PARENT = "因地制宜，系统化全域推进海绵城市建设"


@pytest.mark.parametrize(
    "child",
    [
        "推进海绵城市建设。全域化推进海绵城市建设",
        "全域化推进海绵城市建设。推进海绵城市建设",
    ],
)
def test_the_clause_keeping_the_cue_restates_it(child: str) -> None:
    [restated] = _body(PARENT, child)
    assert restated.child is not None
    assert restated.child.text == "全域化推进海绵城市建设"
    assert restated.child.cue == "全域化推进"
    assert restated.verdict.value == "restated"


def test_a_weaker_clause_alone_still_restates_it_weaker() -> None:
    [restated] = _body(PARENT, "推进海绵城市建设")
    assert restated.child is not None
    assert restated.verdict.value == "weakened"
