"""A bare target of the parent kept value for value under a hedge only (力争) is restated,
not strengthened: 力争 qualifies the pace of the same target and commits to nothing more
(the ministry's 8% renewable substitution and Jilin's, evaluation/test/corpus)."""

from __future__ import annotations

from tests.restatement.test_verdict import _compare, _verdict

MINISTRY = "到2025年城镇建筑可再生能源替代率达到8%"
JILIN = (
    "因地制宜发展工业余热源、空气源、污水源、浅层及中深层地热源等可再生能源建筑应用热泵技术，"
    "力争到2025年城镇建筑可再生能源替代率达到8%"
)


def test_a_bare_target_kept_under_a_hedge_is_restated() -> None:
    assert _verdict(_compare(MINISTRY, JILIN), MINISTRY) == "restated"


def test_a_hedged_target_at_a_lower_value_is_still_weakened() -> None:
    child = JILIN.replace("达到8%", "达到6%")
    assert _verdict(_compare(MINISTRY, child), MINISTRY) == "weakened"


def test_a_binding_cue_on_the_kept_target_is_still_stronger() -> None:
    child = "确保到2025年城镇建筑可再生能源替代率达到8%"
    assert _verdict(_compare(MINISTRY, child), MINISTRY) == "strengthened"
