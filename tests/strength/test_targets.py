"""Quantified targets with deadlines, on real sentences of the 2021 and 2023 Opinions."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policydiff.strength import Target, find_targets
from policydiff.strength.targets import (
    context_years,
    find_target_spans,
    opening_year,
    target_alone,
)
from tests.conftest import SEED_2023_EN

SEED_2023 = SEED_2023_EN
# item (8) of the 2023 Beautiful China Opinions (English), copied verbatim from the seed
WASTE_FREE = (
    'By 2027, the proportion of "waste free cities" construction will reach 60%, and the '
    "intensity of solid waste generation will significantly decrease; By 2035, the construction "
    'of "waste free cities" will achieve full coverage, and eastern provinces will take the lead '
    'in building "waste free cities" across the entire region, effectively controlling the '
    "environmental risks of new pollutants."
)
WASTE_FREE_ZH = (
    "到2027年，“无废城市”建设比例达到60%，固体废物产生强度明显下降；"
    "到2035年，“无废城市”建设实现全覆盖，东部省份率先全域建成“无废城市”。"
)


def _check_waste_free(targets: tuple[Target, ...]) -> None:
    assert targets[0].value == 60.0 and targets[0].unit == "%" and targets[0].year == 2027
    full = [t for t in targets if t.year == 2035]
    assert full and full[0].value == 100.0 and full[0].unit == "%"
    assert "full coverage" in full[0].text or "全覆盖" in full[0].text


def test_waste_free_cities_targets_en() -> None:
    targets = find_targets(WASTE_FREE, "en")
    _check_waste_free(targets)
    assert targets[0].text == "reach 60%"


def test_waste_free_cities_targets_zh() -> None:
    targets = find_targets(WASTE_FREE_ZH, "zh")
    _check_waste_free(targets)
    assert targets[0].text == "达到60%"


def test_waste_free_sentence_is_in_the_seed() -> None:
    text = SEED_2023.read_text(encoding="utf-8")
    start = text.index('By 2027, the proportion of "waste free cities"')
    end = text.index("new pollutants.", start) + len("new pollutants.")
    assert text[start:end] == WASTE_FREE
    _check_waste_free(find_targets(text[start:end], "en"))


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "By 2035, the natural coastline retention rate on the mainland will not be less "
            "than 35%",
            "en",
            [(35.0, "%", 2035)],
        ),
        (
            "maintain the national ecological protection red line area at over 3.15 million "
            "square kilometers",
            "en",
            [(3_150_000.0, "square kilometers", None)],
        ),
        (
            "By 2027, the proportion of new energy vehicles in the newly added vehicles is "
            "expected to reach 45%, old diesel locomotives will be basically phased out; By 2035, "
            "the proportion of railway freight turnover to total turnover will reach about 25%.",
            "en",
            [(45.0, "%", 2027), (25.0, "%", 2035)],
        ),
        ("reach 60 percent of cities by 2030", "en", [(60.0, "%", 2030)]),
        ("cover all cities at the prefecture level by 2035", "en", [(100.0, "%", 2035)]),
        ("到2035年，大陆自然岸线保有率不低于35%", "zh", [(35.0, "%", 2035)]),
        ("到2025年，新增绿色建筑面积60万平方米以上", "zh", [(600_000.0, "平方米", 2025)]),
        ("坚守18亿亩耕地红线", "zh", [(1.8e9, "亩", None)]),
        # Xinjiang's plan: a per-capita area keeps its "per person"
        (
            "到2025年，城市建成区绿地率达到40%，城市人均公园绿地面积达15平方米/人",
            "zh",
            [(40.0, "%", 2025), (15.0, "平方米/人", 2025)],
        ),
        ("推进城镇污水管网全覆盖", "zh", [(100.0, "%", None)]),
        # Shanxi's plan: a bounded quantity before 的 says which towns, 全部具备 is all of them
        (
            "到2025年，镇区常住人口2000人以上的建制镇全部具备生活污水处理能力",
            "zh",
            [(100.0, "%", 2025)],
        ),
        ("对单体建筑面积5000平方米以上的公共建筑按照二星级标准建设", "zh", []),
        ("单体建筑面积超过2万平方米的大型公共建筑全面执行绿色建筑标准", "zh", [(100.0, "%", None)]),
        # a count aimed at by a date said before it (the ministry plan), not one named before
        # a later date, nor one that closes an enumeration (Chongqing's and Henan's plans)
        ("推广智能建造，到2030年培育100个智能建造产业基地", "zh", [(100.0, "个", 2030)]),
        (
            "推动16个区县做好整县屋顶分布式光伏开发试点，到2025年，新建厂房屋顶光伏覆盖率力争达到50%",
            "zh",
            [(50.0, "%", 2025)],
        ),
        ("到2025年，郑州、洛阳等15个缺水省辖市再生水利用率达到25%以上", "zh", [(25.0, "%", 2025)]),
        ("2030年60％的城市社区先行达到创建要求", "zh", [(60.0, "%", 2030)]),  # a share
        # per head, said before the number
        (
            "到2030年全省城镇人均公园绿地面积达到14平方米以上，城市万人拥有绿道长度达到1.5公里",
            "zh",
            [(14.0, "平方米/人", 2030), (1.5, "公里/万人", 2030)],
        ),
        # design limits of the ministry plan (and the provinces' wordings of them): targets
        # with a comparator; a bare height or distance names a class or a standard
        (
            "推行窄马路、密路网、小街区，县城内部道路红线宽度不超过40米，广场集中硬地面积不超过2公顷",
            "zh",
            [(40.0, "米", None), (2.0, "公顷", None)],
        ),
        ("组团间的生态廊道应贯通连续，净宽度不少于100米", "zh", [(100.0, "米", None)]),
        (
            "新建住宅以6层为主，最高不超过18层，6层及以下住宅建筑面积占比应不低于70%",
            "zh",
            [(18.0, "层", None), (70.0, "%", None)],
        ),
        ("广场的集中硬地面积不应超过2公顷", "zh", [(2.0, "公顷", None)]),
        ("净宽度不小于100米", "zh", [(100.0, "米", None)]),
        ("严格限制新建250米以上建筑，新建100米以上的建筑应相对集中布局", "zh", []),
        ("按照国家园林城市和居民出行300米见绿、500米见园的标准", "zh", []),
        ("到2025年，城乡建设绿色发展体制机制和政策体系基本建立", "zh", []),
        ("Deepening the 14th Five Year Plan in 2025", "en", []),
    ],
)
def test_targets_table(text: str, lang: str, expected: list[tuple[float, str, int | None]]) -> None:
    found = [(t.value, t.unit, t.year) for t in find_targets(text, lang)]
    assert found == expected


def test_year_does_not_cross_sentences() -> None:
    text = "到2025年，基本建立体系。城镇污水管网全覆盖。"
    assert find_targets(text, "zh")[0].year is None


@given(st.text(max_size=80), st.sampled_from(["en", "zh"]))
def test_find_targets_never_raises(text: str, lang: str) -> None:
    for target in find_targets(text, lang):
        assert target.text and target.text in text
        assert target.value is None or target.value >= 0


# Shanghai's plan, main goals (evaluation/dev/corpus): the deadline opens the block and
# dates the goals after it, which name no year of their own
SHANGHAI_GOALS = [
    "到2025年，城乡建设领域碳排放控制在合理区间",
    "建筑碳排放智慧监管系统建成运行，完成既有建筑节能改造3000万平方米，打造一批公共建筑能效提升示范区",
    "到2030年，城乡建设领域碳排放达到峰值",
    "实现对1.5亿平方米公共建筑的碳排放实时监测分析，累计完成既有建筑节能改造8000万平方米",
]


def test_a_deadline_opening_a_goal_dates_the_goals_after_it() -> None:
    path = ("总体要求", "主要目标")
    years = context_years(SHANGHAI_GOALS, "zh", path)
    assert years == [2025, 2025, 2030, 2030]
    retrofit = find_target_spans(SHANGHAI_GOALS[1], "zh", years[1])
    assert [(t.value, t.year) for _, _, t in retrofit] == [(3e7, 2025)]
    later = [t for _, _, t in find_target_spans(SHANGHAI_GOALS[3], "zh", years[3])]
    assert [(t.value, t.unit, t.year) for t in later] == [
        (1.5e8, "平方米", 2030),
        (8e7, "平方米", 2030),
    ]
    # undated without the goals around it
    assert find_target_spans(SHANGHAI_GOALS[1], "zh")[0][2].year is None


def test_outside_goals_a_deadline_dates_only_its_own_sentence() -> None:
    # Shanghai, 1.2-2.1: a task after a dated one presupposes, it does not aim
    tasks = [
        "到2025年，新建民用建筑全面执行建筑能耗和碳排放限额设计标准，建筑能效在现行节能标准基础上提升30%",
        "在新建建筑全部执行绿色建筑标准的基础上，对新建国家机关办公建筑按照二星级及以上标准建设",
    ]
    assert context_years(tasks, "zh", ("大力发展节能低碳建筑", "持续提高新建建筑节能标准")) == [
        2025,
        None,
    ]


@pytest.mark.parametrize(
    ("sentence", "lang", "year"),
    [
        ("到2025年，城乡建设领域碳排放控制在合理区间", "zh", 2025),
        ("2030年前，严寒、寒冷地区新建居住建筑本体达到83％节能要求", "zh", 2030),
        ("（一）到2027年底，完成改造", "zh", 2027),
        ("“十四五”期间，新增绿色建筑", "zh", 2025),
        ("By 2027, the proportion of waste free cities will reach 60%", "en", 2027),
        ("2022年起，新建公共建筑至少使用一种可再生能源", "zh", None),  # from, not by
        ("推广装配式建筑，到2030年达到40%", "zh", None),  # a deadline inside
        ("比2020年下降5个百分点", "zh", None),
        ("In 2025, deepen reform", "en", None),
    ],
)
def test_opening_year(sentence: str, lang: str, year: int | None) -> None:
    assert opening_year(sentence, lang) == year


def test_the_later_parts_of_a_sentence_take_the_deadline_it_opens_on() -> None:
    # Yunnan's goals: one sentence, its parts cut by semicolons
    text = "2030年前，城乡建设绿色低碳发展政策体系基本建立；城市生活垃圾资源化利用率达到65%"
    assert [(t.value, t.year) for t in find_targets(text, "zh")] == [(65.0, 2030)]


@pytest.mark.parametrize(
    ("clause", "snippet", "alone"),
    [
        ("2030年控制在8％以内", "控制在8％以内", True),
        ("2030年进一步提升到15%", "提升到15%", True),
        ("森林覆盖率达到26%", "达到26%", False),  # an indicator of its own
        # Yunnan's plan: the same share set for a part of the province
        ("其中滇中城市群达到35％", "达到35％", True),
        ("其中星级绿色建筑占比达到30%", "达到30%", False),  # its own indicator (占比)
    ],
)
def test_a_target_alone_in_its_clause(clause: str, snippet: str, alone: bool) -> None:
    assert target_alone(clause, snippet, "zh") is alone
