"""A dated target that stands in another clause of the child's sentence, a clause that
restates another parent clause, measures that commitment: it is no target "where the
parent has none" for the sentence's lead (the ministry's plan and Guangdong's,
examples/lineage/corpus)."""

from __future__ import annotations

from tests.restatement.test_verdict import _compare, _verdict

MINISTRY = "推动农村生活垃圾分类处理，倡导农村生活垃圾资源化利用，从源头减少农村生活垃圾产生量"
SOURCE = "从源头减少农村生活垃圾产生量"
GUANGDONG = (
    "从源头减少农村生活垃圾产生量，健全收运处置体系，推进分类减量与利用，"
    "到2030年，基本实现全省乡村生活垃圾分类处理体系全覆盖"
)


def test_a_target_of_another_restated_clause_is_not_the_leads() -> None:
    # the full coverage of 2030 measures the classification system, which restates
    # 推动农村生活垃圾分类处理; source reduction is restated as it was (the gold)
    comparison = _compare(MINISTRY, GUANGDONG)
    assert _verdict(comparison, SOURCE) == "restated"
    assert _verdict(comparison, "推动农村生活垃圾分类处理") == "strengthened"


def test_a_target_of_no_other_restated_clause_still_strengthens_the_lead() -> None:
    comparison = _compare(SOURCE, GUANGDONG)
    assert _verdict(comparison, SOURCE) == "strengthened"
