"""A lead clause the child copies word for word is not weakened by a target of its
parent sentence that the child sets lower only in another sentence: that target is a
commitment of its own, judged where it stands (the ministry's 持续开展绿色建筑创建行动 and
Jilin's, evaluation/test/corpus; Hubei copies it as a sub-heading)."""

from __future__ import annotations

from tests.restatement.plans import EXAMPLE, restated
from tests.restatement.plans import MINISTRY as MINISTRY_ID
from tests.restatement.test_verdict import _compare, _verdict

MINISTRY = (
    "持续开展绿色建筑创建行动，到2025年，城镇新建建筑全面执行绿色建筑标准，"
    "星级绿色建筑占比达到30%以上，新建政府投资公益性公共建筑和大型公共建筑全部达到一星级以上"
)
LEAD = "持续开展绿色建筑创建行动"
COPY = "持续开展绿色建筑创建行动，到2025年，城镇新建民用建筑全面执行绿色建筑标准"
STARS = (
    "城镇星级绿色建筑占新建绿色建筑比率达到20%以上，推动政府投资公益性建筑、大型公共建筑"
    "以及绿色生态城区、重点功能区新建建筑全面建设星级绿色建筑"
)


def test_a_lower_value_in_another_sentence_leaves_the_copy_restated() -> None:
    comparison = _compare(MINISTRY, f"{COPY}。{STARS}")
    assert _verdict(comparison, LEAD) == "restated"
    # the star-rated share is weakened where it stands
    assert _verdict(comparison, "星级绿色建筑占比达到30%以上") == "weakened"


def test_a_lower_value_in_the_copy_s_own_sentence_still_weakens_it() -> None:
    child = f"{COPY}，星级绿色建筑占比达到20%以上"
    assert _verdict(_compare(MINISTRY, child), LEAD) == "weakened"


LIAONING = "持续开展绿色建筑创建行动，到2025年，城镇新建建筑全面执行绿色建筑标准，星级绿色建筑占比达到30％以上"
EARLIER = "2023年8月1日起，新建政府投资公益性建筑和大型公共建筑要全部达到一星级以上绿色建筑标准"


def test_a_stricter_value_in_another_sentence_leaves_the_copy_restated() -> None:
    # Liaoning brings the one-star rule forward to 2023 in a sentence of its own: that
    # commitment is strengthened where it stands, the copied lead restated
    assert _verdict(_compare(MINISTRY, f"{LIAONING}。{EARLIER}"), LEAD) == "restated"


def test_a_stricter_value_in_the_copy_s_own_sentence_still_strengthens_it() -> None:
    child = LIAONING.replace("30％以上", "40％以上")
    assert _verdict(_compare(MINISTRY, f"{child}。{EARLIER}"), LEAD) == "strengthened"


def test_a_word_for_word_copy_restates_the_parent_clause_ahead_of_a_bonus_nearer_one() -> None:
    # Guangdong copies 积极倡导绿色低碳生活方式 in its own publicity provision (VII.26); its
    # principles' 提倡绿色低碳生活方式 (I.2) came out ahead by a section bonus: "weakened"
    found = restated(
        EXAMPLE, MINISTRY_ID, "guangdong-chengxiangjianshe-tandafeng", "积极倡导绿色低碳生活方式"
    )
    assert found.child is not None and found.child.text == "积极倡导绿色低碳生活方式"
    assert found.child.location.startswith("VII ")
    assert found.verdict.value == "restated"
