"""Citations read from Chinese texts (《title》, （number） after it, numbers alone) and from
English translations (quoted titles, numbers in pinyin)."""

from __future__ import annotations

import pytest

from policydiff.lineage.citations import (
    comparable_english_title,
    comparable_title,
    find_citations,
    find_english_citations,
    number_key,
    standard_number,
)


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
        ("为认真贯彻落实乙建〔2020〕3号文件要求", [("", "乙建〔2020〕3号")]),
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
        (
            "住房和城乡建设部国家发展改革委印发的城乡建设领域碳达峰实施方案",
            "城乡建设领域碳达峰实施方案",
        ),
        ("省住房城乡建设厅联合印发的城镇燃气安全整治方案", "城镇燃气安全整治方案"),
        # a title that only mentions issuing keeps its words
        ("推动已印发的规划落地的意见", "推动已印发的规划落地的意见"),
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


# The preamble of Guizhou's urban–rural carbon-peaking plan in the machine translation
# published by e.ccement.com (news/content/33322547159875001.html), verbatim: the inner
# quotation marks of 《国务院办公厅关于印发〈…〉的通知》 are flattened, so the issued
# title stands between a closing and an opening mark.
GUIZHOU_EN = (
    'According to the "Opinions of the State Council of the Central Committee of the '
    "Communist Party of China on Implementing the New Development Concept Completely, "
    'Accurately and Comprehensively to Do a Good Job in Carbon Neutralization", "Action '
    'Plan for Carbon Peak before 2030", "Notice of the General Office of the State Council '
    'of the Central Committee of the Communist Party of China on Issuing" Opinions on '
    'Promoting Green Development of Urban and Rural Construction "," Carbon Peak in the '
    'Field of Urban and Rural Construction ".'
)


def test_english_citations_are_quoted_titles_that_name_a_kind_of_document() -> None:
    titles = [c.title for c in find_english_citations(GUIZHOU_EN)]
    assert titles[1] == "Action Plan for Carbon Peak before 2030"
    # the flattened covering notice carries the title it issues
    assert titles[2].endswith(
        "on Issuing Opinions on Promoting Green Development of Urban and Rural Construction"
    )
    assert comparable_english_title(titles[2]) == (
        "opinions on promoting green development of urban and rural construction"
    )
    # quoted words that name no kind of document are not citations
    assert len(titles) == 3


@pytest.mark.parametrize(
    ("text", "number", "key"),
    [
        ("(Jianbiao [2022] No. 53)", "Jianbiao [2022] No. 53", ("jianbiao", "2022", "53")),
        ("under Guo Ban Fa (2024) No.052,", "Guo Ban Fa [2024] No. 52", ("guobanfa", "2024", "52")),
        ("Zhongfa〔2021〕No. 36", "Zhongfa [2021] No. 36", ("zhongfa", "2021", "36")),
    ],
)
def test_english_numbers_are_read_with_their_issuer_in_pinyin(
    text: str, number: str, key: tuple[str, str, str]
) -> None:
    (citation,) = find_english_citations(text)
    assert citation.number == number
    assert number_key(citation.number) == key
    assert number_key(standard_number("建标〔2022〕53号")) == ("建标", "2022", "53")


def test_an_english_citation_carries_its_sentence_and_is_quoted_as_written() -> None:
    text = (
        "1. General requirements\nThis plan is formulated in accordance with the "
        "“Implementation Plan for Carbon Peaking in Urban and Rural Construction” "
        "(Jianbiao [2022] No. 53). It covers the whole province."
    )
    (citation,) = find_english_citations(text)
    assert citation.number == "Jianbiao [2022] No. 53"
    assert citation.sentence == (
        "This plan is formulated in accordance with the “Implementation Plan for Carbon "
        "Peaking in Urban and Rural Construction” (Jianbiao [2022] No. 53)."
    )
    assert citation.cited == (
        "“Implementation Plan for Carbon Peaking in Urban and Rural Construction” "
        "(Jianbiao [2022] No. 53)"
    )
