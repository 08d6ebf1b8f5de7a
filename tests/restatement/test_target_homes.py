"""A target in a clause of its own measures the commitment before it whose words it shares
most, not always the lead of its sentence: Jiangsu's 鼓励使用商品和物流一体化包装，大幅减少
物流环节二次包装，到2025年电商快件不再二次包装率达99%以上 sets the rate of the second-packaging
cut (its readers: strengthened) and leaves the integrated packaging restated."""

from __future__ import annotations

import datetime as dt

from policydiff.models import Document, Version
from policydiff.restatement.compare import compare_documents
from policydiff.restatement.homes import target_homes
from policydiff.strength.targets import find_target_spans
from policydiff.themes import load_catalogue
from tests.restatement.test_verdict import _compare, _verdict

PARENT = "鼓励企业使用商品和物流一体化包装，大幅减少物流环节二次包装"
JIANGSU = "鼓励使用商品和物流一体化包装，大幅减少物流环节二次包装，到2025年电商快件不再二次包装率达99%以上"


def test_the_target_measures_the_commitment_whose_words_it_shares() -> None:
    comparison = _compare(PARENT, JIANGSU)
    assert _verdict(comparison, "大幅减少物流环节二次包装") == "strengthened"
    assert _verdict(comparison, "鼓励企业使用商品和物流一体化包装") == "restated"


def test_a_target_sharing_under_four_characters_with_a_later_clause_stays_with_the_lead() -> None:
    # the 80% shares 新能源 and 公交车 (three characters each) with the second clause
    parent = "逐步推动公共领域用车电动化"
    child = (
        "逐步推动公共领域用车电动化，加大新能源公交车推广应用力度，"
        "到2025年，全省新增更新公交车中新能源车辆比例达到80%"
    )
    assert _verdict(_compare(parent, child), parent) == "strengthened"


def _homes(clauses: list[str], in_words: list[bool]) -> dict[int, int]:
    """target_homes on ``clauses`` joined by ，, none of them cued."""
    text = "，".join(clauses)
    spans, start = [], 0
    for clause in clauses:
        spans.append((start, start + len(clause)))
        start += len(clause) + 1
    placed = [(ts, t, "") for ts, _, t in find_target_spans(text, "zh")]
    return target_homes(text, spans, placed, [0], in_words, [False] * len(clauses), "zh")


def test_a_lead_holding_a_target_is_the_lead_though_it_names_no_directive() -> None:
    # the first clause, a bare target, leads the piece (version_clauses reads it so) and
    # shares more with the last clause (电商快件, 二次包装率) than the third does
    clauses = [
        "电商快件二次包装率下降20%",
        "鼓励使用商品和物流一体化包装",
        "大幅减少物流环节二次包装",
        "电商快件不再二次包装率达99%以上",
    ]
    assert _homes(clauses, [False, True, True, False]) == {}
    # without it, the third clause measures the rate
    assert list(_homes(clauses[1:], [True, True, False]).values()) == [1]


def test_an_english_target_stays_with_the_lead() -> None:
    # in English four characters shared (" the con") name no words of a commitment
    def doc(doc_id: str, body: str) -> Document:
        text = f"I. Key tasks\n(1) Build green cities\n{body}\n"
        return Document(
            doc_id,
            doc_id,
            (),
            dt.date(2022, 1, 1),
            (Version("en", "en", "original", True, "test", text),),
        )

    parent = "Develop renewable energy."
    child = (
        "Develop renewable energy, and strengthen the construction of the grid, and by 2025 "
        "the share of wind and solar power in the consumption of electricity reaches 30%."
    )
    comparison = compare_documents(doc("parent", parent), doc("child", child), load_catalogue())
    assert _verdict(comparison, "Develop renewable energy") == "strengthened"
