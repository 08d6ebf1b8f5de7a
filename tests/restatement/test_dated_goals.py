"""An outcome a deadline dates commits at promotion level wherever it stands in its sentence:
the ministry's 到2030年，绿色消费方式成为公众自觉选择 opens on 到, Jiangsu's copy stands after
other goals of its 2030 sentence; both are read as one commitment at one level, so the copy is
restated, not weakened as "mentioned without a directive" (evaluation/test/corpus)."""

from __future__ import annotations

from tests.restatement.plans import HELD, restated


def test_a_goal_later_in_its_sentence_is_read_as_the_first() -> None:
    found = restated(
        HELD, "2022-lvse-xiaofei", "jiangsu-lvse-xiaofei", "到2030年，绿色消费方式成为公众自觉选择"
    )
    assert found.child is not None
    assert found.child.text == "绿色消费方式成为公众自觉选择"
    assert found.parent.level == found.child.level == 2
    assert found.verdict.value == "restated"
