"""A child clause whose object ends on another head than the parent clause's after the same
words, where another parent clause names those words with that head, restates that other
clause (:func:`policydiff.restatement.align._other_head`): Liaoning's 加快农房节能改造 is the
ministry's 积极推进农房节能改造, not its 完善农房节能措施 (evaluation/test/corpus)."""

from __future__ import annotations

from policydiff.restatement.align import _other_head
from tests.restatement.test_verdict import _compare

MINISTRY = "提高农房能效水平，完善农房节能措施。在北方地区冬季清洁取暖项目中积极推进农房节能改造"


def _child_of(child: str, clause: str) -> str | None:
    comparison = _compare(MINISTRY, child)
    restated = next(r for r in comparison.commitments if r.parent.text == clause)
    return restated.child.text if restated.child else None


def test_the_retrofit_is_not_the_measures() -> None:
    child = "推进绿色农房建设，加快农房节能改造"
    assert _child_of(child, "完善农房节能措施") is None
    assert (
        _child_of(child, "在北方地区冬季清洁取暖项目中积极推进农房节能改造") == "加快农房节能改造"
    )


def test_the_same_head_in_other_words_is_restated() -> None:
    # the measures themselves, with another verb: the heads are one
    assert _child_of("推进绿色农房建设，健全农房节能措施", "完善农房节能措施") == "健全农房节能措施"


def test_the_other_head_needs_three_shared_characters_before_it() -> None:
    assert _other_head(" 农房节能措施", " 既有农房节能改造") == "农房节能改造"
    # 污水处理 → 生活污水治理: two characters, near synonyms, no other head
    assert _other_head(" 农村污水处理", " 农村生活污水治理") == ""
    assert _other_head(" 农房节能措施", " 农房节能措施") == ""
