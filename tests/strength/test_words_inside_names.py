"""A cue read inside a name or across two words directs nothing: 发展 of 发展改革委, 构建 of
公共机构建筑, 持续 of 可持续, 控制 of 控制目标, 限制 lifted by 放宽, 应 of 顺应, a title in 《》 (the ministry's 2022 plan and Henan's, examples/lineage/raw/;
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
        # 系统, 集中, 协同 … after a noun are part of it, not adverbs before a verb (Fujian's
        # and Qinghai's energy plans: 新型电力系统建设 is a noun); after a cue or at a
        # clause's start they still are (高质量建设, 加快协同发展)
        ("以数字化智能化技术支撑新型电力系统建设", []),
        ("推进居民点集中建设", ["推进"]),
        ("加快推进慢行系统建设", ["加快推进"]),
        ("高质量建设海绵城市", ["建设"]),
        ("加快协同发展", ["加快", "发展"]),
        ("应集中建设", ["建设"]),  # after a modal or 并 they are adverbs again
        ("并整体利用", ["利用"]),
        ("根据安全保供需要合理建设先进煤电机组", ["建设"]),
        # a verb after the standard it keeps to is the act done (Shanghai's public
        # buildings), and 率先, 先行 are adverbs (phrases made up for the test)
        ("按照二星级及以上标准建设", ["建设"]),
        ("率先建设零碳园区", ["建设"]),
        ("先行发展氢能", ["发展"]),
        ("省住房城乡建设厅、省发展和改革委员会按职责分工负责", []),
        ("到2025年新建公共机构建筑、新建厂房屋顶光伏覆盖率力争达到50%", ["力争"]),
        ("建设可持续能源中心", ["建设"]),
        # a quality in a list (Henan's 按照结构安全、功能完善…等要求) and an effect described
        # (the ministry's …稳定运行，可以有效减少能源消耗和碳排放) direct nothing
        ("按照结构安全、功能完善、节能降碳等要求", []),
        ("城市基础设施功能完善", ["完善"]),  # ending its clause: an outcome, kept
        ("可以有效减少能源消耗和碳排放", []),
        # a target's name and a limit lifted (the ministry's plan; the energy-transition
        # opinions and Shanxi's plan, evaluation/test/raw/)
        ("合理确定城乡建设领域碳排放控制目标", []),
        ("合理确定各地区能耗强度降低目标", []),
        ("将温室气体排放控制目标完成情况纳入生态环境相关考核", []),
        ("放宽准入限制、优化准入环境", ["优化"]),
        # a limit lifted on a list of places (the green-consumption plan, evaluation/test/raw/);
        # a 限制 after 、 is a ban of its own
        ("放宽废旧物资回收车辆进城、进小区限制并规范管理", []),
        ("放宽市场准入、限制落后产能", ["限制"]),
        ("取消不合理收费、严格限制高耗水项目", ["严格限制"]),
        # the area, field or moment a policy, the law or conditions allow is no permission
        # (the energy opinions; the pollution-and-carbon plan)
        ("在允许燃煤供热的区域鼓励建设燃煤背压供热机组", ["鼓励建设"]),
        ("严禁在国家政策允许的领域以外新（扩）建燃煤自备电厂", ["严禁"]),
        ("在法律法规允许范围内开展试点", ["开展试点"]),
        ("在条件允许时推广", ["推广"]),
        # support a province seeks from others is not an encouragement it gives (Qinghai's
        # energy-transition plan, evaluation/test/corpus/); support it gives still is
        ("积极争取中央预算内投资支持清洁低碳能源项目", []),
        ("对接协调国家绿色发展基金和现有低碳转型相关基金支持我省清洁低碳能源开发利用", []),
        ("支持有条件的地区开展试点", ["支持有条件的", "开展试点"]),
        ("推动银企对接支持中小企业融资", ["推动", "支持"]),
        # a nominal 推广应用情况 is how a task stands
        ("总结推广应用情况", []),
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
        # a title in 《》 names a document (Hubei's plan); a verb that qualifies a noun with 的
        # is what the noun is (the pollution-and-carbon plan); 深入人心 is no intensifier
        # (the green-consumption plan)
        ("结合《湖北省流域综合治理和统筹发展规划纲要》", []),
        ("严格执行《广东省绿色建筑条例》", ["严格执行"]),
        ("减污降碳协同推进的工作格局基本形成", []),
        ("绿色消费理念深入人心", []),
        # 可以 of 许可以及 grants nothing; 停止 of a state (停止运行的) bans nothing; 不具备条件的
        # limits to no places; an obstacle removed (消除…障碍) is no curb
        ("到2025年，排污许可以及环境影响评价制度有效衔接", []),
        ("停止运行的煤电机组转为应急备用电源", []),
        ("对已停止生产的企业开展排查", ["开展"]),
        ("不具备条件的地区采用分散式污水处理", ["采用"]),
        ("消除制约绿色消费的障碍和堵点", []),
        # the words themselves still direct
        ("构建政府推动的长效机制", ["构建"]),
        ("深入推进绿色消费", ["深入推进"]),
        ("不大规模、成片集中拆除现状建筑", ["不大规模"]),
        ("优化城市空间布局", ["优化"]),
        ("有序推进城市更新", ["有序推进"]),
        ("发展绿色低碳产业", ["发展"]),
        ("积极推广绿色建材", ["积极推广"]),
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


@pytest.mark.parametrize(
    ("clause", "cues"),
    [
        # a permission granted (Jiangsu's and Yunnan's green-consumption plans,
        # evaluation/test/raw/)
        ("允许符合条件的车辆进城、进小区、进单位", [("允许", 1)]),
        # 抓紧 hurries the verb after it, as 加快 does (the green-consumption plan)
        ("抓紧制定实施细则", [("抓紧制定", 3)]),
        # 坚定不移 intensifies it, as 深入 does (Heilongjiang's pollution-and-carbon plan)
        ("坚定不移贯彻习近平生态文明思想", [("坚定不移", 3)]),
        # 普及 spreads word of knowledge or the law, before or after them (Qinghai's plan);
        # of a thing it is full reach
        ("普及城乡建设领域绿色低碳发展法律法规和科学知识", [("普及", 2)]),
        ("加强科普知识普及", [("加强", 3), ("普及", 2)]),
        ("推动清洁取暖设施普及", [("推动", 2), ("普及", 4)]),
        ("普及节水器具并增强全民节水意识", [("普及", 4), ("增强", 2)]),
        # 不再 bans before a verb of building or approving (Shandong's pollution-and-carbon
        # plan); elsewhere it negates what follows
        ("不再新建自备燃煤机组", [("不再", 5)]),
        ("原则上不再新建自备燃煤机组", [("原则上不再", 5)]),
        # 制修订 (draft or revise) is one cue; 停止 bans; 全部实施 reaches all (the energy and
        # pollution-and-carbon plans, Jilin's); 不 of a condition unmet (不符合条件的) bans nothing
        ("制修订相关排放标准", [("制修订", 2)]),
        ("供暖制冷系统用电可以参照居民用电价格执行", [("可以", 1), ("执行", 2)]),
        # 消除 and 反对 curb their object, as 遏制 does (Liaoning's plan; the green-consumption plan)
        ("逐步消除易涝区段和严重易涝积水点", [("逐步消除", 3)]),
        ("反对奢侈浪费和过度消费", [("反对", 3)]),
        # 提倡 advocates, as 倡导 does (the green-consumption plan)
        ("提倡绿色简约包装", [("提倡", 1)]),
        ("全面停止天然林商业性采伐", [("全面停止", 5)]),
        ("推动符合条件的省级以上工业园区全部实施循环化改造", [("推动", 2), ("全部实施", 4)]),
        ("不符合条件的项目取消相关资格", []),
        ("不拆除历史建筑", [("不", 5)]),
        # 推广应用 is one cue, wherever it stands
        ("规模化推广应用光伏", [("规模化推广应用", 4)]),
        # 下降 before a figure is 降低's curb (the ministry's 热损失比2020年下降5个百分点, which
        # Yunnan writes with 降低); describing a trend it directs nothing
        ("到2030年城市供热管网热损失比2020年下降5个百分点", [("下降", 3)]),
        ("到2030年城市供热管网热损失比2020年降低5个百分点", [("降低", 3)]),
        ("单位能耗下降到0.5吨标准煤", [("下降", 3)]),
        ("能耗强度呈下降趋势", []),
        # 深学笃用 (study in depth, apply faithfully) carries a thought out as 深入贯彻 does
        # (Chongqing's plan)
        ("深学笃用习近平生态文明思想", [("深学笃用", 3)]),
    ],
)
def test_a_cue_reads_at_its_level(clause: str, cues: list[tuple[str, int]]) -> None:
    assert [(c.text, c.level) for c in find_cues(clause, "zh")] == cues
