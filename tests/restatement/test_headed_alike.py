"""A parent clause matched in a child sentence is restated by the clause of that sentence
whose object is the parent's (ends on it, or on it and a general noun such as 产品), not by
one that names it only to say which activity it means. Yunnan's green-consumption plan
against the national one (evaluation/test/raw/)."""

from __future__ import annotations

from tests.restatement.test_verdict import _child_of, _compare, _verdict

YUNNAN = (
    "大力推广优化开关时间、错峰启停等可减少非必要耗能的智能家电产品，"
    "鼓励开展绿色节能家电、环保家具以旧换新活动，推进绿色智能家电家具下乡活动，"
    "鼓励有条件的州（市）对购买绿色智能家电产品给予政策支持"
)


def test_the_clause_that_acts_on_the_parents_object_restates_it() -> None:
    comparison = _compare("大力推广智能家电", YUNNAN)
    assert _child_of(comparison, "大力推广智能家电") == (
        "大力推广优化开关时间、错峰启停等可减少非必要耗能的智能家电产品"
    )
    assert _verdict(comparison, "大力推广智能家电") == "restated"
    # the doubt says the match was moved there, not that containment found it
    moved = next(r for r in comparison.commitments if r.parent.text == "大力推广智能家电")
    assert moved.route == "headed"
    assert moved.confidence.doubt.startswith("matched as the clause of the child's sentence")


def test_a_clause_that_only_names_the_object_inside_its_own_is_not_preferred() -> None:
    # without the clause that acts on the appliances, the activity is the best match left
    child = "鼓励开展绿色节能家电、环保家具以旧换新活动，推进绿色智能家电家具下乡活动"
    comparison = _compare("大力推广智能家电", child)
    assert _child_of(comparison, "大力推广智能家电") == "推进绿色智能家电家具下乡活动"


def test_a_short_object_does_not_move_a_match() -> None:
    # 家电 alone (two characters) names too little to say which clause acts on it
    comparison = _compare("推广家电", "推进家电下乡活动，鼓励购买节能家电")
    assert _child_of(comparison, "推广家电") == "推进家电下乡活动"


def test_a_match_ending_on_the_object_and_a_general_noun_stays() -> None:
    # the matched clause already acts on the appliances (智能家电产品): another clause of
    # its sentence ending on 智能家电 does not take it over
    child = "大力推广智能家电产品，鼓励购买节能家电和智能家电"
    comparison = _compare("大力推广智能家电", child)
    assert _child_of(comparison, "大力推广智能家电") == "大力推广智能家电产品"


# Jiangsu's green-consumption plan (evaluation/test/corpus/jiangsu-lvse-xiaofei, lines 107
# and 118, the space in 回收 模式 as the transcription has it) against the national one's
# 积极推行互联网+回收模式
JIANGSU_SECOND_HAND = (
    "积极发展家电、消费电子、服装等二手商品交易，鼓励建设集中规范的跳蚤市场，"
    "规范发展互联网＋二手模式，提高二手商品交易效率"
)
JIANGSU_RECYCLING = "大力发展线上线下融合、消费回收联动的互联网＋回收 模式"


def test_a_clause_of_another_sentence_that_acts_on_the_whole_object_restates_it() -> None:
    # the cosine prefers 规范发展互联网＋二手模式 (it shares 互联网＋ and 模式), which does
    # not hold 互联网+回收模式 at all; the recycling clause, in a sentence of its own,
    # ends on it
    comparison = _compare("积极推行互联网+回收模式", f"{JIANGSU_SECOND_HAND}。{JIANGSU_RECYCLING}")
    assert _child_of(comparison, "积极推行互联网+回收模式") == JIANGSU_RECYCLING
    assert _verdict(comparison, "积极推行互联网+回收模式") == "strengthened"


def test_control_without_a_clause_ending_on_the_object_the_nearest_stays() -> None:
    # passes with or without the rule: it guards against the rule taking a match elsewhere
    comparison = _compare("积极推行互联网+回收模式", JIANGSU_SECOND_HAND)
    assert _child_of(comparison, "积极推行互联网+回收模式") == "规范发展互联网＋二手模式"


def test_a_match_holding_the_object_with_a_word_inside_it_stays() -> None:
    # Shanghai's 完善技术供给体系 holds 技术体系 with one word more (供给): it is not moved to
    # another sentence's 逐步形成系统化技术体系 about zero-carbon communities
    child = "加强核心技术攻坚，完善技术供给体系。探索区域低碳、零碳社区技术协同攻关，逐步形成系统化技术体系"
    assert _child_of(_compare("完善技术体系", child), "完善技术体系") == "完善技术供给体系"
