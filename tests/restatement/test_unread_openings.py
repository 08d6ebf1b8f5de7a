"""Clauses of the energy-transition opinions (发改能源〔2022〕206号) that the gold files
annotate as commitments and that were read as none, or under a wrong cue: one opening on
a frame (在油气田区域内建设…), on 并 (并以适当方式…共享), on 及时 or 依法依规, one granting a
right (可按规定申请…); and 研究 inside 研究机构, which is no cue. Each restated word for word
by a copy of it, omitted by a child without it."""

from __future__ import annotations

import pytest

from tests.restatement.test_verdict import _compare, _verdict

FIELDS = (
    "完善油气与地热能以及风能、太阳能等能源资源协同开发机制，"
    "鼓励油气企业利用自有建设用地发展可再生能源和建设分布式能源设施，"
    "在油气田区域内建设多能融合的区域供能系统"
)
SHARING = (
    "加强与国土空间基础信息平台的衔接，"
    "及时将各类清洁低碳能源资源分布等空间信息纳入同级国土空间基础信息平台和国土空间规划一张图，"
    "并以适当方式与地方各级政府、企业、行业协会和研究机构等共享"
)
TRADE = "依法依规管理碳排放强度高的产品生产、流通和出口"
SEA = "符合条件的海上风电等可再生能源项目可按规定申请减免海域使用金"


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        (FIELDS, "在油气田区域内建设多能融合的区域供能系统"),
        (SHARING, "并以适当方式与地方各级政府、企业、行业协会和研究机构等共享"),
        (
            SHARING,
            "及时将各类清洁低碳能源资源分布等空间信息纳入同级国土空间基础信息平台和国土空间规划一张图",
        ),
        (TRADE, TRADE),
        (SEA, SEA),
    ],
)
def test_the_clause_is_a_commitment_restated_by_a_copy(text: str, clause: str) -> None:
    assert _verdict(_compare(text, text), clause) == "restated"


def test_a_child_without_the_clause_omits_it() -> None:
    child = "完善油气与地热能以及风能、太阳能等能源资源协同开发机制"
    assert (
        _verdict(_compare(FIELDS, child), "在油气田区域内建设多能融合的区域供能系统") == "omitted"
    )


def test_research_institutions_are_no_cue_of_study() -> None:
    comparison = _compare(SHARING, SHARING)
    shared = next(r for r in comparison.commitments if r.parent.text.startswith("并以适当方式"))
    assert shared.parent.cue != "研究" and shared.parent.level == 2


def test_a_frame_that_directs_nothing_is_no_commitment() -> None:
    # a circumstance alone (在满足用电需求的前提下) and a noun after a frame commit to nothing
    comparison = _compare("在满足用电需求的前提下，在城市更新中的绿色建筑比例", "推广装配式建筑")
    assert all(r.parent.heading for r in comparison.commitments)


def test_a_frame_closes_on_a_word_of_location_not_on_a_verb_that_ends_so() -> None:
    # 在集中供暖未覆盖的农村地区 only places the directive after it (ningxia, 推广应用可再生能源):
    # 中 of 集中 closes no frame, and 供暖 after it directs nothing
    text = "大力推进清洁取暖，在集中供暖未覆盖的农村地区，推广太阳能+空气源热泵等小型可再生能源供热"
    clauses = [r.parent.text for r in _compare(text, text).commitments]
    assert "在集中供暖未覆盖的农村地区" not in clauses
    assert "推广太阳能+空气源热泵等小型可再生能源供热" in clauses


def test_a_frame_reaches_past_a_nearer_character_of_location() -> None:
    # 中 of 中心 is passed over for 区内, which closes the frame before 建设
    clause = "在城市中心区内建设多能融合的区域供能系统"
    assert _verdict(_compare(clause, clause), clause) == "restated"


def test_a_clause_on_yi_x_wei_y_is_no_frame_of_means() -> None:
    # 以X为Y (take X as Y) holds 方式 in its X: 以…方式 is no frame before a verb there
    # (shanghai, 指导思想; jiangxi, 县城基础设施建设低碳化), and 全面 after it opens nothing
    text = "坚持系统观念，以城乡建设方式全面绿色低碳转型为引领，大力发展节能低碳建筑"
    guided = next(r for r in _compare(text, text).commitments if r.parent.text.startswith("以"))
    assert guided.parent.level == 0
    text = "县城基础设施建设要适合本地特点，以小型化、分散化、生态化方式为主"
    clauses = [r.parent.text for r in _compare(text, text).commitments]
    assert "以小型化、分散化、生态化方式为主" not in clauses


@pytest.mark.parametrize(
    "clause",
    [
        "在西宁等人口集中区延伸集中供暖范围",  # Qinghai's urban-rural plan
        "在各级党校（行政学院）、干部学院增加相关培训课程",  # the 2021 Opinions
        "在上海化工区建设以碳中和关键新材料等产业为主的园中园",  # Shanghai, 2024
        # Heilongjiang: six cities named before the verb
        "在佳木斯、牡丹江、鸡西、双鸭山、七台河、鹤岗等城市建设以电力外送为主的可再生能源基地",
    ],
)
def test_a_place_named_by_nouns_before_the_verb_is_a_frame(clause: str) -> None:
    assert _verdict(_compare(clause, clause), clause) == "restated"


@pytest.mark.parametrize(
    "frame",
    ["在项目准入和建设用地审批中", "在风险可控和商业自主原则下", "在城市建设领域"],
)
def test_a_clause_that_is_a_frame_whole_directs_nothing(frame: str) -> None:
    comparison = _compare(f"{frame}，推广装配式建筑", "推广装配式建筑")
    assert frame not in [r.parent.text for r in comparison.commitments]


def test_a_cue_that_closes_a_framed_clause_is_its_cue() -> None:
    text = "在规划引领、政策扶持、市场监管等方面加强引导"
    [read] = [r.parent for r in _compare(text, text).commitments if r.parent.text == text]
    assert (read.cue, read.level) == ("加强引导", 3)


def test_an_outcome_that_closes_on_its_verb_stays_no_directive() -> None:
    # undated, 政策体系基本建立 states where things should stand, not what to do
    goal = "城乡建设绿色低碳发展政策体系和体制机制基本建立"
    read = [r.parent for r in _compare(goal, goal).commitments if r.parent.text == goal]
    assert all(r.level == 0 for r in read)


@pytest.mark.parametrize(
    ("clause", "cue", "level"),
    [
        # the frame holds a verb (编制) and a noun that reads as one (控制 of 运行控制): the
        # clause directs by the cue after the frame
        ("在规划编制及实施中加强各能源品种之间、产业链上下游之间、区域之间的协同互济", "加强", 3),
        (
            "在电网架构、电源结构、源网荷储协调、数字化智能化运行控制等方面提升技术和优化系统",
            "提升",
            2,
        ),
    ],
)
def test_a_long_frame_leaves_its_cue_to_the_directive_after_it(
    clause: str, cue: str, level: int
) -> None:
    parent = next(r.parent for r in _compare(clause, clause).commitments if r.parent.text == clause)
    assert (parent.cue, parent.level) == (cue, level)


def test_a_clause_opening_on_a_cue_keeps_it() -> None:
    # 在 inside the clause (在建, under construction) opens no frame: only a clause's first
    # character does
    clause = "加强在建项目的能耗审查"
    parent = next(r.parent for r in _compare(clause, clause).commitments if r.parent.text == clause)
    assert (parent.cue, parent.level) == ("加强", 3)


@pytest.mark.parametrize(
    ("clause", "cue", "level"),
    [("在园区大力推进集中建设充电设施", "大力推进", 4), ("在城市加快推进集中发展", "加快推进", 3)],
)
def test_a_character_of_location_inside_a_verb_closes_no_long_frame(
    clause: str, cue: str, level: int
) -> None:
    parent = next(r.parent for r in _compare(clause, clause).commitments if r.parent.text == clause)
    assert (parent.cue, parent.level) == (cue, level)


@pytest.mark.parametrize(
    ("clause", "level"),
    [
        # 研究 before a verb that drafts, builds or settles directs that verb (the energy
        # opinions' 及时研究解决实施中的问题, 研究完善煤炭企业退出…扶持政策): the readers of all
        # four provinces read them at 2
        ("及时研究解决实施中的问题", 2),
        ("研究完善煤炭企业退出和转型发展以及从业人员安置等扶持政策", 2),
        # a study alone, or a study to explore, stays exploratory
        ("研究探索可中断负荷电价机制", 1),
    ],
)
def test_a_study_that_serves_a_directive_is_read_at_the_directive(clause: str, level: int) -> None:
    parent = next(r.parent for r in _compare(clause, clause).commitments if r.parent.text == clause)
    assert parent.level == level


def test_an_object_put_first_by_dui_commits_by_the_cue_that_closes_it() -> None:
    # 对…予以支持 (the energy opinions): the support is the clause's directive, as Fujian's
    # 在土地空间等方面支持交通供能场站布局和建设 restates it at the same level
    parent = "对交通供能场站布局和建设在土地空间等方面予以支持"
    child = "在土地空间等方面支持交通供能场站布局和建设"
    comparison = _compare(parent, child)
    restated = next(r for r in comparison.commitments if r.parent.text == parent)
    assert (restated.parent.cue, restated.parent.level) == ("支持", 1)
    assert restated.verdict.value == "restated"


def test_a_cue_after_yuyi_commits_however_the_clause_opens() -> None:
    # 综合运用…等予以支持 (the energy opinions): 予以 makes 支持 the act done, not an outcome,
    # so Shanxi's 综合运用…等支持电供暖企业和用户… restates it at the same level
    parent = "综合运用峰谷电价、居民阶梯电价和输配电价机制等予以支持"
    child = "综合运用峰谷电价、居民阶梯电价、输配电价机制等支持电供暖企业和用户获得低谷时段低价电力"
    restated = next(r for r in _compare(parent, child).commitments if r.parent.text == parent)
    assert (restated.parent.cue, restated.parent.level) == ("支持", 1)
    assert restated.verdict.value == "restated"


def test_support_refused_by_bu_yuyi_is_no_support() -> None:
    clause = "高耗能项目一律不予以支持"
    parent = next(r.parent for r in _compare(clause, clause).commitments if r.parent.text == clause)
    assert parent.cue != "支持"


def test_a_verb_after_the_standard_it_keeps_to_is_the_act_done() -> None:
    # Shanghai's public buildings …按照二星级及以上标准建设: building to a standard is what is
    # directed, not an outcome
    clause = "公共建筑按照二星级及以上标准建设"
    parent = next(r.parent for r in _compare(clause, clause).commitments if r.parent.text == clause)
    assert (parent.cue, parent.level) == ("建设", 2)


def test_an_outcome_that_closes_a_clause_is_no_cue_of_it() -> None:
    # without 予以 a clause closing on its verb states an outcome: it keeps its opening verb
    clause = "综合运用峰谷电价和输配电价机制等支持"
    parent = next(r.parent for r in _compare(clause, clause).commitments if r.parent.text == clause)
    assert parent.cue != "支持"


def test_jixu_continues_as_chixu_does() -> None:
    # 继续 (go on with) intensifies as 持续 does: the energy opinions' 继续下放或取消非必要
    # 行政许可事项, which every reader reads at 3
    clause = "继续下放或取消非必要行政许可事项"
    parent = next(r.parent for r in _compare(clause, clause).commitments if r.parent.text == clause)
    assert parent.level == 3


def test_eligible_subjects_are_no_narrower_scope() -> None:
    # 符合条件的 (meeting the requirements) names whoever a rule applies to, not some
    # places or cases as 具备条件的 does: Qinghai's bonds restate the centre's, word for word
    parent = "鼓励发行可持续发展挂钩债券等"
    child = "创新适应清洁低碳能源特点的绿色金融产品，鼓励符合条件的企业发行碳中和债券、可持续发展挂钩债券等"
    assert _verdict(_compare(parent, child), parent) == "restated"


@pytest.mark.parametrize(
    ("clause", "level"),
    [
        # a right the rules grant, and what a place may do, are permissions (1), as the energy
        # and green-consumption golds read them
        (SEA, 1),
        ("各地可根据实际情况制定高耗能企业电力消费中绿色电力最低占比", 1),
        ("可根据机组性能和电力系统运行需要经评估后转为应急备用机组", 1),
    ],
)
def test_what_a_clause_may_do_is_a_permission(clause: str, level: int) -> None:
    comparison = _compare(clause, clause)
    (read,) = [r.parent for r in comparison.commitments if r.parent.text == clause]
    assert read.level == level
