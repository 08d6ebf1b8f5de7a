"""Target rules of restatement, each on the real sentences that called for it
(建标〔2022〕53号 and the Shanghai plan, examples/lineage/raw/)."""

from __future__ import annotations

from policydiff.cli.session import load
from policydiff.restatement.compare import compare_documents
from policydiff.restatement.objects import content
from policydiff.restatement.verdict import Restatement, judge
from policydiff.themes.catalogue import corpus_catalogue
from tests.conftest import LINEAGE
from tests.restatement.test_verdict import _compare, _verdict

MINISTRY_WATER = (
    "推进节水型城市建设，实施城市老旧供水管网更新改造，推进管网分区计量，提升供水管网智能化"
    "管理水平，力争到2030年城市公共供水管网漏损率控制在8%以内"
)
SHANGHAI_WATER = (
    "滚动实施老旧供水管网更新改造，提升供水管网独立分区计量水平，力争到 2030 年城市公共供水"
    "管网漏损率控制在7.8%以内"
)


def test_a_target_of_another_parent_commitment_is_no_target_where_the_parent_has_none() -> None:
    # the 7.8% leak rate restates the ministry's 8% (its leak-rate commitment); beside the
    # retrofit clause it adds nothing to the retrofit
    comparison = _compare(MINISTRY_WATER, SHANGHAI_WATER)
    assert _verdict(comparison, "实施城市老旧供水管网更新改造") == "restated"
    # the leak-rate commitment itself is measured by it: a lower ceiling, stricter
    assert _verdict(comparison, "力争到2030年城市公共供水管网漏损率控制在8%以内") == "strengthened"


def test_a_dated_target_of_the_childs_own_clause_still_counts() -> None:
    # (a rural commitment and a rural rate: an urban rate restates no rural commitment)
    comparison = _compare("倡导农村生活垃圾资源化利用", "到2030年农村生活垃圾资源化利用率达到65%")
    assert _verdict(comparison, "倡导农村生活垃圾资源化利用") == "strengthened"


def test_full_coverage_in_words_is_restated_by_full_coverage_in_words() -> None:
    # 全部执行 restates 全面执行, not the 10% of 2025 of another sentence, though it has
    # the parent's year
    comparison = _compare(
        "持续开展绿色建筑创建行动，到2025年，城镇新建建筑全面执行绿色建筑标准，星级绿色建筑占比"
        "达到30%以上，新建政府投资公益性公共建筑和大型公共建筑全部达到一星级以上",
        "在新建建筑全部执行绿色建筑标准的基础上，对新建国家机关办公建筑、大型公共建筑以及其他由"
        "政府投资且单体建筑面积5000平方米以上的公共建筑，按照二星级及以上标准建设。"
        "到2025年，城镇新建建筑可再生能源替代率达到10%，2030年进一步提升到15%",
    )
    assert _verdict(comparison, "到2025年，城镇新建建筑全面执行绿色建筑标准") == "restated"


def test_a_clause_opening_with_the_disposal_jiang_is_a_commitment() -> None:
    # 将…贯穿: jieba reads 将 as a preposition, not a verb; Yunnan restates it word for word
    clause = "将绿色发展理念贯穿社区规划建设管理全过程"
    comparison = _compare(f"{clause}，推进社区基础设施绿色化", f"{clause}，推进城市绿色照明")
    assert _verdict(comparison, clause) == "restated"
    assert _verdict(_compare(clause, "推进城市绿色照明"), clause) == "omitted"


def test_setting_out_and_doing_well_are_commitments_a_child_restates() -> None:
    # 发改能源〔2022〕206号: 明确 (set out) and 做好 (do well) direct concrete steps; Inner
    # Mongolia's plan restates neither, and the verdict says omitted rather than no reading
    for clause in ("明确能源绿色低碳转型的目标和任务", "做好配套设施运行衔接"):
        assert _verdict(_compare(clause, clause, section=""), clause) == "restated"
        assert _verdict(_compare(clause, "推进城市绿色照明", section=""), clause) == "omitted"


def test_a_target_restated_in_another_sentence_of_the_child_is_not_dropped() -> None:
    # Henan: the sub-heading restates the campaign, a later sentence its 60%, dated 2025
    comparison = _compare(
        "推进绿色社区创建行动，将绿色发展理念贯穿社区规划建设管理全过程，60%的城市社区先行达到"
        "创建要求",
        "开展绿色社区创建行动。推进社区基础设施绿色化和既有建筑节能改造。到2025年绿色社区创建"
        "取得显著成效，60%以上的城市社区参与创建行动并达到要求",
    )
    restated = next(r for r in comparison.commitments if r.parent.text == "推进绿色社区创建行动")
    assert restated.child is not None and restated.child.text == "开展绿色社区创建行动"
    assert restated.verdict.value == "strengthened"
    assert [c.change for c in restated.targets] == ["stricter"]


def test_a_target_clause_is_not_restated_by_a_target_of_another_indicator() -> None:
    # Henan keeps the ministry's density caps and leaves out its 50 km² cluster area cap
    comparison = _compare(
        "每个组团面积不超过50平方公里，组团内平均人口密度原则上不超过1万人/平方公里，个别地段最高"
        "不超过1.5万人/平方公里",
        "每个组团平均人口密度原则上不超过1万人/平方公里，个别地段最高不超过1.5万人/平方公里",
    )
    assert _verdict(comparison, "每个组团面积不超过50平方公里") == "omitted"
    assert _verdict(comparison, "组团内平均人口密度原则上不超过1万人/平方公里") == "restated"
    assert _verdict(comparison, "个别地段最高不超过1.5万人/平方公里") == "restated"


MINISTRY_COUNTY = (
    "要因地制宜强化县城建设密度与强度管控，位于生态功能区、农产品主产区的县城建成区人口密度控制在"
    "0.6—1万人/平方公里，建筑总面积与建设用地比值控制在0.6—0.8;建筑高度要与消防救援能力相匹配，"
    "新建住宅以6层为主，最高不超过18层，6层及以下住宅建筑面积占比应不低于70%;确需建设18层以上"
    "居住建筑的，应严格充分论证，并确保消防应急、市政配套设施等建设到位;推行窄马路、密路网、小街区，"
    "县城内部道路红线宽度不超过40米，广场集中硬地面积不超过2公顷，步行道网络应连续通畅"
)


def test_the_design_limits_after_a_semicolon_measure_the_commitment_they_spell_out() -> None:
    # Henan halves the plaza cap: the narrow-roads commitment it belongs to is stricter,
    # and the density control opening the sentence, before the ；, is not measured by it
    comparison = _compare(
        MINISTRY_COUNTY,
        "因地制宜强化县城建设密度与强度管控。推行窄马路、密路网、小街区,县城内部道路红线宽度不超过"
        "40米，广场集中硬地面积不超过1公顷，步行道网络应保持连续通畅",
    )
    roads = next(r for r in comparison.commitments if r.parent.text == "推行窄马路、密路网、小街区")
    assert [t.text for t, _ in roads.parent.measured] == ["不超过40米", "不超过2公顷"]
    assert roads.verdict.value == "strengthened"
    # the reason says which clause of the parent's sentence sets the cap
    assert roads.reasons == (
        "target 不超过2公顷 (of 广场集中硬地面积不超过2公顷) → 不超过1公顷: a lower ceiling",
    )
    density = next(r for r in comparison.commitments if r.parent.cue == "因地制宜强化")
    assert density.parent.measured == ()
    assert density.verdict.value == "restated"
    # the storeys cap spells out 新建住宅以6层为主, the clause before it
    storeys = next(r for r in comparison.commitments if r.parent.text == "新建住宅以6层为主")
    assert [t.text for t, _ in storeys.parent.measured] == ["不超过18层"]


def test_a_design_limit_measures_the_commitment_it_follows_not_the_sentences_first() -> None:
    # the ministry plan: the 100 m corridor width spells out 组团间的生态廊道应贯通连续; Shanghai
    # restates the layout clause alone, which is no weaker for it
    parent = (
        "加强生态廊道、景观视廊、通风廊道、滨水空间和城市绿道统筹布局，留足城市河湖生态空间和防洪"
        "排涝空间，组团间的生态廊道应贯通连续，净宽度不少于100米"
    )
    comparison = _compare(parent, "加强生态廊道、景观视廊、通风廊道、滨水空间和城市绿道统筹布局")
    layout = "加强生态廊道、景观视廊、通风廊道、滨水空间和城市绿道统筹布局"
    assert _verdict(comparison, layout) == "restated"
    corridor = next(
        r for r in comparison.commitments if r.parent.text == "组团间的生态廊道应贯通连续"
    )
    assert [t.text for t, _ in corridor.parent.measured] == ["不少于100米"]


def test_a_dated_outcome_to_reach_is_a_commitment() -> None:
    # the ministry plan's central goal, and Henan's restatement of it
    goal = "2030年前，城乡建设领域碳排放达到峰值"
    comparison = _compare(f"{goal}。", "2030年前，全省城乡建设领域直接碳排放达到峰值。")
    assert _verdict(comparison, goal) == "restated"
    # the same outcome with no deadline is a description, not a commitment
    undated = _compare("城市病问题初步解决。", "推进城市更新。")
    assert all(r.parent.text != "城市病问题初步解决" for r in undated.commitments)


def test_a_target_change_says_what_changed() -> None:
    # a higher ceiling, a later deadline, an earlier milestone: each said as what it is
    leak = "力争到2030年城市公共供水管网漏损率控制在8%以内"
    laxer = _compare(leak, "力争到2030年城市公共供水管网漏损率控制在9%以内")
    assert next(r for r in laxer.commitments if r.parent.text == leak).reasons == (
        "target 控制在8%以内 → 控制在9%以内: a higher ceiling",
    )
    later = _compare(leak, "力争到2035年城市公共供水管网漏损率控制在8%以内")
    assert next(r for r in later.commitments if r.parent.text == leak).reasons == (
        "target 控制在8%以内 → 控制在8%以内: a later deadline (2030 → 2035)",
    )
    milestone = _compare(leak, "力争到2025年城市公共供水管网漏损率控制在9%以内，2030年控制在8%以内")
    restated = next(r for r in milestone.commitments if r.parent.text == leak)
    assert restated.reasons == (
        "target 控制在8%以内 kept (2030), with an earlier milestone: 控制在9%以内 (2025)",
    )


def test_a_target_kept_only_for_pilot_places_narrows_the_scope() -> None:
    # Yunnan keeps the ministry's 50% rooftop share only for the whole-county pilot counties
    parent = (
        "推进建筑太阳能光伏一体化建设，到2025年新建公共机构建筑、新建厂房屋顶光伏覆盖率力争达到50%"
    )
    child = (
        "开展建筑屋顶光伏行动，推进光伏发电与建筑一体化应用，到2025年，列入整县（市、区）"
        "屋顶分布式光伏开发试点的县（市、区）新建公共机构建筑、新建厂房屋顶光伏覆盖率力争达到50％，"
        "鼓励其他地区按照试点地区推进屋顶分布式光伏开发建设"
    )
    comparison = _compare(parent, child)
    # the two clauses of 推进 as the alignment pairs them in the documents themselves
    mine = next(c for c in comparison.parent.clauses if c.text == "推进建筑太阳能光伏一体化建设")
    theirs = next(c for c in comparison.child.clauses if c.text == "推进光伏发电与建筑一体化应用")
    # the reason names what limits it: the pilot counties
    assert judge(mine, theirs) == (Restatement.WEAKENED, ("narrower scope: limited by 试点",))


def test_places_that_meet_the_conditions_are_a_limited_scope() -> None:
    # the ministry encourages only 具备条件的地区; all places (各地) widen it
    parent = "鼓励具备条件的地区制定高于国家标准的地方工程建设强制性标准和推荐性标准"
    comparison = _compare(parent, "鼓励各地制定高于国家标准的地方工程建设强制性标准和推荐性标准")
    assert _verdict(comparison, parent) == "strengthened"


def test_an_adverb_of_manner_opening_a_clause_is_not_its_object() -> None:
    # Shanghai sets no discharge standards: its 合理确定工作推进节奏 shares only 合理确定 with
    # the ministry's 合理确定排放标准 (read in the two documents themselves)
    corpus_path = LINEAGE
    corpus = load(corpus_path)
    parent, child = (
        corpus.get("2022-chengxiangjianshe-tandafeng"),
        corpus.get("shanghai-chengxiangjianshe-tandafeng"),
    )
    assert parent is not None and child is not None
    comparison = compare_documents(parent, child, corpus_catalogue(corpus_path, ()))
    clause = next(r for r in comparison.commitments if r.parent.text == "合理确定排放标准")
    assert content(clause.parent).strip() == "确定排放标准"
    assert clause.verdict.value == "omitted"


def test_water_short_places_only_are_a_limited_scope() -> None:
    # Henan keeps the ministry's 30% reuse rate of 2030 for its water-short cities only,
    # where the ministry set it as the average of all cities
    parent = (
        "实施污水收集处理设施改造和城镇污水资源化利用行动，到2030年全国城市平均再生水利用率达到30%"
    )
    henan = (
        "实施污水收集处理设施改造和城镇污水资源化利用行动，到2030年缺水省辖市再生水利用率达到30%"
    )
    clause = "实施污水收集处理设施改造和城镇污水资源化利用行动"
    assert _verdict(_compare(parent, henan), clause) == "weakened"
    # Chongqing keeps it for all cities; a parent that speaks of water-short cities itself
    # is not narrowed by a child that does too
    chongqing = (
        "实施污水收集处理设施改造和城镇污水资源化利用行动，到2030年城市平均再生水利用率达30%"
    )
    assert _verdict(_compare(parent, chongqing), clause) == "restated"
    short = "到2025年缺水城市再生水利用率达到25%以上"
    assert (
        _verdict(_compare(short, "到2025年全省缺水城市再生水利用率达到25%以上"), short)
        == "restated"
    )


MINISTRY_LIGHTING = (
    "推进城市绿色照明，加强城市照明规划、设计、建设运营全过程管理，控制过度亮化和光污染，"
    "到2030年LED等高效节能灯具使用占比超过80%，30%以上城市建成照明数字化系统"
)
HENAN_LIGHTING = (
    "加强城市照明规划、设计、建设运营全过程管理，控制过度亮化和光污染，积极推广单灯控制、"
    "分时分区控制等智慧照明控制技术，加快智慧灯杆应用，2025年城市节能照明达到70%,"
    "到2030年LED等高效节能灯具使用占比超过80%,30%以上城市建成照明数字化系统"
)


def test_a_target_beside_a_clause_whose_sentence_sets_targets_measures_the_lead() -> None:
    # the ministry's targets measure 推进城市绿色照明, the lead of its sentence: Henan's
    # 2025 milestone beside its restated management clause is no target "where the parent
    # has none" for that clause
    clause = "加强城市照明规划、设计、建设运营全过程管理"
    assert _verdict(_compare(MINISTRY_LIGHTING, HENAN_LIGHTING), clause) == "restated"
    # a parent sentence without targets is strengthened by a dated target the child adds
    assert _verdict(_compare(clause, HENAN_LIGHTING), clause) == "strengthened"


def test_places_picked_by_their_sensitivity_are_a_limited_scope() -> None:
    # Yunnan reuses the rural sewage of the areas that are not ecologically sensitive only
    parent = "推进农村污水处理，合理确定排放标准，推动农村生活污水就近就地资源化利用"
    clause = "推动农村生活污水就近就地资源化利用"
    yunnan = (
        "推进农村生活污水治理，按相关排放标准，建设集中或分散式收集处理设施，"
        "推动非生态环境敏感区农村生活污水就近就地资源化利用"
    )
    assert _verdict(_compare(parent, yunnan), clause) == "weakened"
    # all the rural sewage, in other words: restated
    assert _verdict(_compare(parent, "推动农村生活污水就近就地资源化利用"), clause) == "restated"


def _restated_in(child_id: str, clause: str) -> str | None:
    corpus = load(LINEAGE)
    parent, child = corpus.get("2022-chengxiangjianshe-tandafeng"), corpus.get(child_id)
    assert parent is not None and child is not None
    comparison = compare_documents(parent, child, corpus_catalogue(LINEAGE, ()))
    found = next(r for r in comparison.commitments if r.parent.text == clause)
    return found.child.text if found.child else None


def test_a_clause_about_other_places_only_restates_nothing() -> None:
    # the ministry's rural waste sorting is not Yunnan's urban sorting system of 2025, nor
    # its rural waste reuse Henan's urban reuse rate, though the two share most characters
    yunnan = _restated_in("yunnan-chengxiangjianshe-tandafeng", "推动农村生活垃圾分类处理")
    assert yunnan is not None and "城市" not in yunnan and "农村" in yunnan
    henan = _restated_in("henan-chengxiangjianshe-tandafeng", "倡导农村生活垃圾资源化利用")
    assert henan is not None and "城市" not in henan and "农村" in henan
    # 城乡 names every place, 城镇 the towns and cities: both restate 城市
    clause = "优化城市建设用能结构"
    assert _verdict(_compare(clause, "优化城乡建设用能结构"), clause) == "restated"
    assert _verdict(_compare(clause, "优化城镇建设用能结构"), clause) == "restated"


def test_every_adverb_of_manner_that_opens_a_clause_is_left_out_of_its_object() -> None:
    # Yunnan's rural waste sorting: 因地制宜 and 灵活施策 both say how, not what
    clause = "因地制宜灵活施策推进农村生活垃圾源头分类和资源化利用"
    comparison = _compare("推动农村生活垃圾分类处理", clause)
    theirs = next(c for c in comparison.child.clauses if c.text == clause)
    assert content(theirs).strip() == "农村生活垃圾源头分类和资源化利用"
    # so it, not the rural collection system, restates the ministry's sorting
    restated = _restated_in("yunnan-chengxiangjianshe-tandafeng", "推动农村生活垃圾分类处理")
    assert restated == clause
    # a phrase of manner inside the object stays (its 分类 is the sorting's)
    other = _compare("推进垃圾分类", "推进生活垃圾分类施策改革")
    mine = next(c for c in other.child.clauses if c.text == "推进生活垃圾分类施策改革")
    assert content(mine).strip() == "生活垃圾分类施策改革"
