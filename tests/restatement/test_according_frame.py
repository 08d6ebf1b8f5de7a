"""A child clause that opens by referring to a rule or plan (按照…原则) and directs nothing
of its own frames the clause after it in its sentence: it commits at that clause's level,
not as a mention in passing. Hebei's 按照大分散与小区域集中相结合原则，建设绿色节约型基础设施
restates the ministry's distributed layout; so does Jilin's 按照…农村生活污水治理工作要求，统筹
谋划，… its rural sewage treatment (evaluation/test/corpus)."""

from __future__ import annotations

from tests.restatement.test_verdict import _compare, _verdict

MINISTRY = "结合实际推行大分散与小区域集中相结合的基础设施分布式布局，建设绿色节约型基础设施"
LAYOUT = "结合实际推行大分散与小区域集中相结合的基础设施分布式布局"
HEBEI = "按照大分散与小区域集中相结合原则，建设绿色节约型基础设施"


def test_according_clause_framing_a_directive_is_restated() -> None:
    assert _verdict(_compare(MINISTRY, HEBEI), LAYOUT) == "restated"


def test_according_clause_framing_nothing_is_still_a_mention() -> None:
    child = "按照大分散与小区域集中相结合原则。基础设施绿色节约。"
    assert _verdict(_compare(MINISTRY, child), LAYOUT) == "weakened"
