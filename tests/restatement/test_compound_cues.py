"""A cue of two verbs (推广应用) leaves neither in the object it acts on, so a child clause
that promotes the application of the parent's object restates it (Guizhou's green-consumption
plan, evaluation/test/raw/)."""

from __future__ import annotations

from tests.restatement.test_verdict import _compare


def test_promoting_the_use_of_new_energy_vehicles_restates_promoting_them() -> None:
    # Guizhou's heading 大力推广应用新能源汽车 (evaluation/test/raw/): 推广应用 is one cue, so
    # 应用 does not weigh in the object and 促进新能源汽车消费 does not take the commitment
    comparison = _compare("大力推广新能源汽车", "促进新能源汽车消费。大力推广应用新能源汽车")
    restated = next(r for r in comparison.commitments if "新能源汽车" in r.parent.text)
    assert restated.child is not None and restated.child.text == "大力推广应用新能源汽车"
    assert restated.verdict.value == "restated"
