"""The synonyms of ``data/restatement.yaml``: a paraphrase by another name of one thing
is aligned with the parent's clause (quoted from the ministry's plan and its children)."""

from __future__ import annotations

from policydiff.restatement.objects import canonical
from policydiff.restatement.rules import load_rules
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


SOLAR_THERMAL = "积极推广太阳能光热建筑应用"


def _solar_thermal(child: str) -> str | None:
    comparison = _compare(
        f"在太阳能资源较丰富地区及有稳定热水需求的建筑中，{SOLAR_THERMAL}",
        "完善建筑太阳能光伏技术标准，充分利用建筑本体及周边空间，推进建筑太阳能光伏一体化建设。"
        + child,
    )
    restated = next(r for r in comparison.commitments if r.parent.text == SOLAR_THERMAL)
    return restated.child.text if restated.child else None


def test_solar_hot_water_is_the_solar_thermal_application() -> None:
    # Jilin's 应积极使用太阳能热水系统 is the ministry's solar thermal application; without
    # 太阳能热水 read as 太阳能光热 nothing restates it here (in Jilin's whole text the
    # photovoltaic standard 完善建筑太阳能光伏技术标准 took it, 0.39)
    child = "有稳定热水需求的医院、宾馆、学校、宿舍、住宅等建筑，应积极使用太阳能热水系统"
    assert _solar_thermal(child) == "应积极使用太阳能热水系统"
    assert canonical("太阳能热水系统") == "太阳能光热系统"


def test_solar_power_is_no_solar_hot_water() -> None:
    # 太阳能光伏 stays photovoltaic: a child that only heats water by heat pumps keeps none
    child = "有稳定热水需求的医院、宾馆、学校、宿舍、住宅等建筑，应积极使用空气源热泵热水系统"
    assert _solar_thermal(child) != "应积极使用空气源热泵热水系统"
    assert canonical("太阳能光伏") == "太阳能光伏"


def test_the_jobs_housing_balance_contracted_is_the_balance_spelled_out() -> None:
    # Hebei's 促进产城融合、职住平衡 restates the ministry's 促进就业岗位和居住空间均衡融合布局
    # (0.08 without the synonym); the ratio control of new districts beside it stays apart
    comparison = _compare(
        "新城新区合理控制职住比例，促进就业岗位和居住空间均衡融合布局",
        "引导发展功能复合的产业社区，促进产城融合、职住平衡",
    )
    balance = next(r for r in comparison.commitments if r.parent.text.startswith("促进就业"))
    assert balance.child is not None and balance.child.text == "促进产城融合、职住平衡"
    assert canonical("职住比例") == "职住比例"


def test_culture_and_tourism_is_restated_by_its_contraction() -> None:
    # Guizhou's heading 有序引导绿色文旅消费 for the green-consumption plan's heading
    # 有序引导文化和旅游领域绿色消费 (evaluation/test/raw/), not its 倡导文明旅游、绿色消费
    assert canonical("绿色文旅消费") == "绿色文化和旅游消费"
    assert canonical("绿色文化旅游消费") == "绿色文化和旅游消费"  # Jiangsu's heading
    assert canonical("发展人文旅游资源") == "发展人文旅游资源"
    comparison = _compare(
        "有序引导文化和旅游领域绿色消费",
        "倡导文明旅游、绿色消费。有序引导绿色文旅消费",
    )
    restated = next(r for r in comparison.commitments if "文化和旅游" in r.parent.text)
    assert restated.child is not None and restated.child.text == "有序引导绿色文旅消费"
    assert restated.verdict.value == "restated"


def test_construction_waste_and_wind_power_are_read_by_one_name() -> None:
    # the pollution-and-carbon plan's 建筑废弃物 and 风力发电; Heilongjiang's 建筑垃圾 and 风电
    # (evaluation/test/raw/)
    assert canonical("推进建筑废弃物再生利用") == "推进建筑垃圾再生利用"
    assert canonical("建筑废物") == "建筑垃圾"
    assert (
        canonical("规划建设光伏发电、风力发电等新能源项目") == "规划建设光伏发电、风电等新能源项目"
    )
    comparison = _compare(
        "推进建筑废弃物再生利用",
        "加强工业固废综合利用。提高建筑垃圾源头减量、多渠道利用、无害化消纳处置水平",
    )
    restated = next(r for r in comparison.commitments if "废弃物" in r.parent.text)
    assert restated.child is not None and "建筑垃圾" in restated.child.text


def test_carbon_capture_is_read_by_one_name_whatever_its_spelling() -> None:
    # the energy opinions' 二氧化碳捕集利用与封存; Inner Mongolia's CCUS（碳捕获、利用与封存）
    one = canonical("二氧化碳捕集利用与封存")
    assert one == "二氧化碳捕集利用与封存"
    assert canonical("碳捕集、利用与封存") == one
    assert canonical("碳捕集利用封存") == one
    assert canonical("支持CCUS产业化发展") == f"支持{one}产业化发展"
    comparison = _compare(
        "加强二氧化碳捕集利用与封存技术推广示范",
        "推动能源技术创新。开展碳捕集利用封存技术推广示范",
    )
    restated = next(r for r in comparison.commitments if "封存" in r.parent.text)
    assert restated.child is not None and "碳捕集利用封存" in restated.child.text


def test_names_of_one_thing_a_reader_takes_for_one() -> None:
    # Hubei's 城市绿色出行比例, Heilongjiang's 港口岸电 for the pollution plan's 靠港使用岸电, a
    # later plan's 党的二十大精神, Guangdong's 防止大拆大建
    assert canonical("城市绿色交通出行比例") == canonical("城市绿色出行比例")
    assert canonical("加快港口供电设施建设") == "加快岸电设施建设"
    assert canonical("党的十九大和十九届历次全会精神") == canonical("党的二十大精神")
    assert canonical("不大规模、成片集中拆除现状建筑") == canonical("不大拆大建现状建筑")


def test_a_fall_written_with_another_verb_restates_the_target() -> None:
    # the ministry's heat loss 下降5个百分点 and Yunnan's 降低5个百分点: one target
    comparison = _compare(
        "推进供热场站、管网智能化改造，到2030年城市供热管网热损失比2020年下降5个百分点",
        "推进供热场站、管网智能化改造，到2030年城市供热管网热损失比2020年降低5个百分点",
    )
    fall = next(r for r in comparison.commitments if "下降" in r.parent.text)
    assert fall.verdict == "restated", fall.reasons
    assert fall.reasons == ("same cue strength (下降 → 降低)",)
