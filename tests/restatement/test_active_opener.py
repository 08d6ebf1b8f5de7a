"""A clause that opens on 主动 (actively) commits by the verb after it, as one that opens
on 积极 or 切实 does: 主动参与电力需求侧响应 in the ministry's plan is a commitment of its
own, which the gold files annotate (Jilin copies it word for word), and was not read."""

from __future__ import annotations

from tests.restatement.test_verdict import _compare, _verdict

MINISTRY = (
    "推动智能微电网、光储直柔、蓄冷蓄热、负荷灵活调节、虚拟电厂等技术应用，"
    "优先消纳可再生能源电力，主动参与电力需求侧响应"
)
DEMAND = "主动参与电力需求侧响应"


def test_a_clause_opening_on_zhudong_is_a_commitment_and_restated_word_for_word() -> None:
    comparison = _compare(MINISTRY, MINISTRY)
    assert _verdict(comparison, DEMAND) == "restated"


def test_it_is_omitted_where_the_child_has_no_demand_response() -> None:
    # Hubei's sentence on the grid names renewable power but no demand response
    child = "推动智能微电网、虚拟电厂等技术应用，支持实现就地生产、就地消纳、余电上网"
    assert _verdict(_compare(MINISTRY, child), DEMAND) == "omitted"


def test_zhudong_inside_a_clause_opens_nothing() -> None:
    # 积极主动参与的浓厚氛围 (an atmosphere to be formed) is no clause of its own
    comparison = _compare(
        "引导群众逐步形成普遍共识、积极主动参与的浓厚氛围",
        "引导群众逐步形成普遍共识、积极主动参与的浓厚氛围",
    )
    assert all(not r.parent.text.startswith("主动") for r in comparison.commitments)
