"""Clauses whose objects are different kinds of one thing (供热管网, 供水管网) are not
restatements of each other: real sentences of 建标〔2022〕53号 and the Shanghai plan
(examples/lineage/raw/)."""

from __future__ import annotations

from pathlib import Path

from policydiff.corpus import load_corpus
from policydiff.restatement import thresholds
from policydiff.restatement.compare import compare_documents
from policydiff.restatement.contrast import contrast
from policydiff.themes.catalogue import corpus_catalogue
from tests.restatement.test_rules import MINISTRY_WATER, SHANGHAI_WATER
from tests.restatement.test_verdict import _compare, _verdict

MINISTRY_HEAT = (
    "实施30年以上老旧供热管网更新改造工程，加强供热管网保温材料更换，推进供热场站、管网智能化"
    "改造，到2030年城市供热管网热损失比2020年下降5个百分点"
)
MINISTRY_SOLAR = (
    "在太阳能资源较丰富地区及有稳定热水需求的建筑中，积极推广太阳能光热建筑应用。"
    "推进建筑太阳能光伏一体化建设，到2025年新建公共机构建筑、新建厂房屋顶光伏覆盖率力争达到50%"
)
SHANGHAI_SOLAR = (
    "研究建立建筑光伏一体化新型高效集成系统解决方案，包括新型构件标准化及装配、直流建筑供电、"
    "能源综合管控、智慧运维、综合性能测评等技术，形成光伏建筑一体化全过程建设技术标准、图集与"
    "工法，全面提升太阳能光伏在建筑中应用的深度、广度与高度"
)


def test_a_minimal_pair_of_nouns_is_a_contrast() -> None:
    assert contrast("30年以上老旧供热管网更新改造工程", "滚动老旧供水管网更新改造") == (
        "供热",
        "供水管",
    )
    assert contrast("太阳能光热建筑应用", "太阳能光伏在建筑中应用的深度") == ("光热", "光伏")


def test_green_goods_are_not_restated_by_green_food() -> None:
    # jieba joins 绿色 to 食品 (a certified class) but not to 用品: the kind is 食品, which
    # the green-consumption plan commits to elsewhere; Guizhou's heading for food does not
    # restate its heading for goods (evaluation/test/raw/)
    assert contrast("绿色用品消费", "绿色食品消费") == ("用品", "食品")
    comparison = _compare(
        "加快提升食品消费绿色化水平。全面促进绿色用品消费", "全面促进绿色食品消费"
    )
    assert _verdict(comparison, "全面促进绿色用品消费") == "omitted"
    assert _verdict(comparison, "加快提升食品消费绿色化水平") != "omitted"


def test_a_changed_verb_or_a_synonym_spanning_words_is_no_contrast() -> None:
    # Shanghai restates both (the gold): the activity changes, the object does not
    assert contrast("城市园林绿化提升行动", "城市绿化美化行动") is None
    assert contrast("城市供气管道和设施更新改造", "老旧燃气管网设施更新改造") is None


def test_the_heating_network_is_not_restated_by_the_water_network() -> None:
    # Shanghai has no district heating: its water-network retrofit restates the
    # ministry's water commitment, not its heating one
    comparison = _compare(f"{MINISTRY_HEAT}。{MINISTRY_WATER}", SHANGHAI_WATER)
    assert _verdict(comparison, "实施30年以上老旧供热管网更新改造工程") == "omitted"
    assert _verdict(comparison, "实施城市老旧供水管网更新改造") == "restated"


def test_solar_thermal_is_not_restated_by_photovoltaics() -> None:
    comparison = _compare(MINISTRY_SOLAR, SHANGHAI_SOLAR)
    assert _verdict(comparison, "积极推广太阳能光热建筑应用") == "omitted"


def test_a_kind_the_parent_commits_to_nowhere_else_may_still_restate() -> None:
    # the ministry names no water network here: the contrast alone does not separate them
    comparison = _compare(MINISTRY_HEAT, SHANGHAI_WATER)
    assert _verdict(comparison, "实施30年以上老旧供热管网更新改造工程") != "omitted"


CORPUS = Path(__file__).parents[2] / "examples" / "lineage" / "corpus"


def test_a_clause_copied_but_for_its_noun_is_no_contrast() -> None:
    # 住宅 → 建筑 is a minimal pair, and the ministry commits to buildings elsewhere; but
    # Chongqing's 合理确定建筑朝向、窗墙比和体形系数 copies the ministry's 合理确定住宅朝向、
    # 窗墙比和体形系数 word for word but that noun (VERBATIM), naming housing more widely:
    # restated, as the gold reads it (without the exception: omitted)
    assert contrast("确定住宅朝向 窗墙比和体形系数", "确定建筑朝向 窗墙比和体形系数") == (
        "住宅",
        "建筑",
    )
    corpus = load_corpus(CORPUS)
    ministry = corpus.get("2022-chengxiangjianshe-tandafeng")
    child = corpus.get("chongqing-chengxiangjianshe-tandafeng")
    assert ministry is not None and child is not None
    comparison = compare_documents(ministry, child, corpus_catalogue(CORPUS))
    restated = next(
        r for r in comparison.commitments if r.parent.text == "合理确定住宅朝向、窗墙比和体形系数"
    )
    assert restated.child is not None and "建筑朝向" in restated.child.text
    assert restated.similarity >= thresholds.VERBATIM
    assert restated.verdict.value == "restated"


def test_a_province_naming_its_own_level_or_one_kind_is_no_contrast() -> None:
    # real clauses of 发改能源〔2022〕206号 and Shanxi's energy opinions (evaluation/test/raw/)
    assert contrast("强化国家能源规划的统领作用", "强化省级能源综合规划的统领作用") is None
    assert contrast("确保极端情况下能源供应", "确保极端情况下电煤供应") is None
    assert (
        contrast(
            "建立电力企业与燃料供应企业、管输企业的信息共享与应急联动机制",
            "建立煤电企业与煤炭供应企业的信息共享与应急联动机制",
        )
        is None
    )
    # a kind for a kind is still a contrast: 供热 is no general name of 供水
    assert contrast("老旧供热管网更新改造", "老旧供水管网更新改造") == ("供热", "供水管")


def test_the_provincial_restatement_of_a_national_clause_is_matched() -> None:
    parent = "强化国家能源规划的统领作用，建立跨部门的能源安全与发展协调机制"
    child = "强化省级能源综合规划的统领作用，加强各能源品种之间的协同互济"
    assert _verdict(_compare(parent, child), "强化国家能源规划的统领作用") == "restated"


def test_a_level_of_government_against_another_kind_is_a_contrast() -> None:
    # 行业 is no level of government: national and sector standards are two kinds
    assert contrast("制定国家标准", "制定行业标准") is not None
