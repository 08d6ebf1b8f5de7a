"""Citations read from Chinese texts: 《title》, （number） after it, numbers alone."""

from __future__ import annotations

import pytest

from policydiff.lineage.citations import comparable_title, find_citations, standard_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "根据《住房和城乡建设部 国家发展改革委关于印发城乡建设领域碳达峰实施方案的通知》"
            "（建标〔2022〕53号）、《广东省碳达峰实施方案》（粤府〔2022〕56号）等文件，制定本实施方案",
            [
                (
                    "住房和城乡建设部 国家发展改革委关于印发城乡建设领域碳达峰实施方案的通知",
                    "建标〔2022〕53号",
                ),
                ("广东省碳达峰实施方案", "粤府〔2022〕56号"),
            ],
        ),
        (
            "根据《中共中央国务院关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的意见》、"
            "《2030年前碳达峰行动方案》，制定本实施方案",
            [
                ("中共中央国务院关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的意见", ""),
                ("2030年前碳达峰行动方案", ""),
            ],
        ),
        ("按照国办发[2024]52号文件要求，严格执行", [("", "国办发〔2024〕52号")]),
        ("落实沪府发（2022） 7 号部署", [("", "沪府发〔2022〕7号")]),
        ("严格执行《广东省绿色建筑条例》", [("广东省绿色建筑条例", "")]),
        ("到2025年，城镇新建建筑全面执行绿色建筑标准", []),
    ],
)
def test_citations_are_read_with_their_numbers(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(c.title, c.number) for c in find_citations(text)] == expected


def test_a_citation_carries_its_sentence_only() -> None:
    text = "一、总体要求\n前一句。根据《城乡建设领域碳达峰实施方案》，制定本方案。后一句"
    (citation,) = find_citations(text)
    assert citation.sentence == "根据《城乡建设领域碳达峰实施方案》，制定本方案。"
    assert text[citation.start : citation.end] == "《城乡建设领域碳达峰实施方案》"


@pytest.mark.parametrize(
    ("title", "comparable"),
    [
        (
            "住房和城乡建设部 国家发展改革委关于印发城乡建设领域碳达峰实施方案的通知",
            "城乡建设领域碳达峰实施方案",
        ),
        (
            "中共河南省委河南省人民政府关于印发〈河南省碳达峰实施方案〉的通知",
            "河南省碳达峰实施方案",
        ),
        ("国务院关于印发2030年前碳达峰行动方案的通知", "2030年前碳达峰行动方案"),
        ("中共中央 国务院关于推动城乡建设绿色发展的意见", "推动城乡建设绿色发展的意见"),
        ("关于推动城乡建设绿色发展的意见", "推动城乡建设绿色发展的意见"),
        ("城乡建设领域碳达峰实施方案", "城乡建设领域碳达峰实施方案"),
    ],
)
def test_titles_compare_without_their_covering_notice_and_issuers(
    title: str, comparable: str
) -> None:
    assert comparable_title(title) == comparable


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("建标〔2022〕53号", "建标〔2022〕53号"),
        ("建标[2022]53号", "建标〔2022〕53号"),
        ("建标［2022］053号", "建标〔2022〕53号"),
        ("no number here", ""),
    ],
)
def test_numbers_have_one_form(text: str, number: str) -> None:
    assert standard_number(text) == number
