"""A target in a clause of its own measures the commitment before it whose words it shares
most, not always the lead of its sentence: Jiangsu's 鼓励使用商品和物流一体化包装，大幅减少
物流环节二次包装，到2025年电商快件不再二次包装率达99%以上 sets the rate of the second-packaging
cut (its readers: strengthened) and leaves the integrated packaging restated."""

from __future__ import annotations

from tests.restatement.test_verdict import _compare, _verdict

PARENT = "鼓励企业使用商品和物流一体化包装，大幅减少物流环节二次包装"
JIANGSU = "鼓励使用商品和物流一体化包装，大幅减少物流环节二次包装，到2025年电商快件不再二次包装率达99%以上"


def test_the_target_measures_the_commitment_whose_words_it_shares() -> None:
    comparison = _compare(PARENT, JIANGSU)
    assert _verdict(comparison, "大幅减少物流环节二次包装") == "strengthened"
    assert _verdict(comparison, "鼓励企业使用商品和物流一体化包装") == "restated"


def test_a_target_sharing_no_more_with_a_later_clause_stays_with_the_lead() -> None:
    parent = "逐步推动公共领域用车电动化"
    child = (
        "逐步推动公共领域用车电动化，加大新能源公交车推广应用力度，"
        "到2025年，全省新增更新公交车中新能源车辆比例达到80%"
    )
    assert _verdict(_compare(parent, child), parent) == "strengthened"
