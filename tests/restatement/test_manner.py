"""compare scores a clause as docs/strength.md does: a manner (大力, 全面) raising a verb is
half a level below a reach (规模化发展), so 大力推广 → 规模化发展 is a strengthening, the
bundled corpus's own example, and 推进 → 全面推进 is +1.5, not +2."""

from __future__ import annotations

from tests.restatement.test_verdict import _compare


def test_manner_keeps_its_discount_in_a_clause() -> None:
    parent = "大力推广超低能耗建筑"
    comparison = _compare(parent, "推动超低能耗建筑规模化发展")
    (restated,) = [r for r in comparison.commitments if r.parent.text == parent]
    assert restated.parent.strength == 3.5
    assert restated.child is not None and restated.child.strength == 4.0
    assert restated.verdict.value == "strengthened"
    assert restated.reasons[0] == "stronger cue (大力推广 → 规模化发展, +0.5)"


def test_a_manner_added_to_a_verb_is_a_level_and_a_half() -> None:
    parent = "推进生活垃圾分类"
    comparison = _compare(parent, "全面推进生活垃圾分类")
    (restated,) = [r for r in comparison.commitments if r.parent.text == parent]
    assert restated.reasons[0] == "stronger cue (推进 → 全面推进, +1.5)"


def test_a_manner_after_a_list_of_adverbs_keeps_its_discount() -> None:
    # the ministry's 完整、准确、全面贯彻新发展理念: scored on the words after its cue, as
    # score_commitment reads them, and still a manner
    sentence = "完整、准确、全面贯彻新发展理念"
    (clause,) = [c for c in _compare(sentence, sentence).parent.clauses if c.text == sentence]
    assert (clause.cue, clause.level, clause.strength) == ("全面", 4, 3.5)
