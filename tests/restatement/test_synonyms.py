"""The synonyms of ``data/restatement.yaml``: a paraphrase by another name of one thing
is aligned with the parent's clause (quoted from the ministry's plan and its children)."""

from __future__ import annotations

from policydiff.restatement.align import canonical
from policydiff.restatement.clauses import load_rules
from tests.restatement.test_verdict import _compare


def test_every_synonym_is_read_as_the_first_name_of_its_line() -> None:
    names = load_rules().synonyms
    assert names["一刻钟"] == "十五分钟" and names["15分钟"] == "十五分钟"
    assert canonical("一刻钟便民生活圈") == "十五分钟便民生活圈"
    assert canonical("推动乡村进一步提高电气化水平") == "推动农村进一步提高电气化水平"


def test_a_quarter_hour_living_circle_restates_the_fifteen_minute_one() -> None:
    # Yunnan's 一刻钟便民生活圈 (pilot construction) is the ministry's 十五分钟生活圈
    comparison = _compare(
        "通过步行和骑行网络串联若干个居住社区，构建十五分钟生活圈",
        "实施城市功能完善工程，高质量推进一刻钟便民生活圈试点建设",
    )
    restated = next(r for r in comparison.commitments if r.parent.cue == "构建")
    assert restated.child is not None and "一刻钟" in restated.child.text


def test_rural_electrification_is_restated_in_rural_words_not_by_the_buildings() -> None:
    # Shanghai's 农村 clause restates the ministry's 乡村 one; without the synonym the
    # clause about buildings' end-use electrification takes it (0.42 against 0.39)
    comparison = _compare(
        "推动乡村进一步提高电气化水平，鼓励炊事、供暖、照明、交通、热水等用能电气化",
        "提高建筑终端电气化水平，引导建筑供暖、生活热水、炊事等向电气化发展。"
        "提升农村用能的电气化水平，推广使用高效照明、灶具等设施设备",
    )
    restated = next(r for r in comparison.commitments if "乡村" in r.parent.text)
    assert restated.child is not None and "农村" in restated.child.text


def test_green_low_carbon_villages_are_restated_by_the_rural_heading_not_by_building_materials() -> (
    None
):
    # Shanghai's heading （五）积极打造绿色低碳乡村 restates the ministry's 开展绿色低碳村庄建设;
    # without 村庄 read as 农村 the building-materials clause, sharing 绿色低碳, takes it
    comparison = _compare(
        "开展绿色低碳村庄建设，提升乡村生态和环境质量",
        "积极打造绿色低碳乡村。推广绿色低碳建材，大力推进建筑废弃物循环再生利用",
    )
    restated = next(r for r in comparison.commitments if r.parent.text == "开展绿色低碳村庄建设")
    assert restated.child is not None and "乡村" in restated.child.text
