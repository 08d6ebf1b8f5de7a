"""A clause the child copies word for word is not weakened by a design limit of the
parent's sentence (米, 公顷 …: a commitment of its own, which the gold judges where it
stands) that the child leaves out: Liaoning copies the ministry's corridor sentence but
净宽度不少于100米, and its 组团间的生态廊道应贯通连续 is restated; Hebei's 推行窄马路、密路网、
小街区 keeps the 40 m cap and drops the 2 ha one (evaluation/test/corpus). A share the
copy's sentence drops still weakens it (Hebei's 推进绿色社区创建行动 without the 60%)."""

from __future__ import annotations

from tests.restatement.test_verdict import _compare, _verdict

MINISTRY = (
    "加强生态廊道、景观视廊、通风廊道、滨水空间和城市绿道统筹布局，留足城市河湖生态空间和防洪排涝空间，"
    "组团间的生态廊道应贯通连续，净宽度不少于100米"
)
CORRIDOR = "组团间的生态廊道应贯通连续"
LIAONING = (
    "加强生态廊道、景观视廊、通风廊道、滨水空间和城市绿道统筹布局，留足城市河湖生态空间和防洪排涝空间，"
    "组团间的生态廊道应贯通连续"
)


def test_a_design_limit_left_out_leaves_the_copy_restated() -> None:
    assert _verdict(_compare(MINISTRY, LIAONING), CORRIDOR) == "restated"


def test_a_design_limit_set_laxer_in_the_copy_still_weakens_it() -> None:
    child = f"{LIAONING}，净宽度不少于50米"
    assert _verdict(_compare(MINISTRY, child), CORRIDOR) == "weakened"


def test_a_share_left_out_still_weakens_the_copy() -> None:
    parent = "推进绿色社区创建行动，将绿色发展理念贯穿社区规划建设管理全过程，60%的城市社区先行达到创建要求"
    hebei = (
        "推进绿色社区创建行动，推动社区人居环境、基础设施绿色化、信息智能化和绿色文化等建设，"
        "将绿色发展理念贯穿社区规划建设管理全过程"
    )
    assert _verdict(_compare(parent, hebei), "推进绿色社区创建行动") == "weakened"
