"""Restatement verdicts on small parent and child texts built here: one rule each."""

from __future__ import annotations

import datetime as dt

import pytest

from policydiff.models import Document, Version
from policydiff.restatement.compare import Comparison, compare_documents
from policydiff.restatement.objects import content
from policydiff.themes import load_catalogue

SECTION = "（一）建设绿色低碳城市\n"


def _doc(doc_id: str, body: str, section: str = SECTION) -> Document:
    text = f"一、重点任务\n{section}{body}\n"
    version = Version("zh", "zh", "original", True, "test", text)
    return Document(doc_id, doc_id, (), dt.date(2022, 1, 1), (version,))


def _compare(parent: str, child: str, section: str = SECTION) -> Comparison:
    """``parent`` and ``child`` as the body of one task section (``section`` its heading,
    or "" where the bodies bring their own headings)."""
    return compare_documents(
        _doc("parent", parent, section), _doc("child", child, section), load_catalogue()
    )


def _verdict(comparison: Comparison, clause: str) -> str:
    return next(r.verdict.value for r in comparison.commitments if r.parent.text == clause)


def _child_of(comparison: Comparison, clause: str) -> str | None:
    """The child clause that restates the parent's ``clause``, or None when none does."""
    restated = next(r for r in comparison.commitments if r.parent.text == clause)
    return restated.child.text if restated.child else None


@pytest.mark.parametrize(
    ("parent", "child", "clause", "verdict"),
    [
        # same action, same object, other words around it
        (
            "推动低碳建筑规模化发展",
            "结合本省实际，推动低碳建筑规模化发展",
            "推动低碳建筑规模化发展",
            "restated",
        ),
        # a stronger cue
        (
            "推动装配式建筑发展",
            "大力推动装配式建筑规模化发展",
            "推动装配式建筑发展",
            "strengthened",
        ),
        # a weaker cue
        (
            "加快推进城市生活垃圾分类",
            "鼓励城市生活垃圾分类",
            "加快推进城市生活垃圾分类",
            "weakened",
        ),
        # a higher share by the same year: stricter
        (
            "到2030年装配式建筑占当年城镇新建建筑的比例达到40%",
            "到2030年装配式建筑占当年城镇新建建筑的比例达到50%",
            "到2030年装配式建筑占当年城镇新建建筑的比例达到40%",
            "strengthened",
        ),
        # a ceiling raised: laxer, whatever the wording
        (
            "力争到2030年城市公共供水管网漏损率控制在8%以内",
            "确保到2030年城市公共供水管网漏损率控制在9%以内",
            "力争到2030年城市公共供水管网漏损率控制在8%以内",
            "weakened",
        ),
        # the same share a year later
        (
            "到2025年星级绿色建筑占比达到30%以上",
            "到2030年星级绿色建筑占比达到30%以上",
            "到2025年星级绿色建筑占比达到30%以上",
            "weakened",
        ),
        # the same target, with an earlier milestone added
        (
            "力争到2030年城市公共供水管网漏损率控制在8%以内",
            "力争到2025年城市公共供水管网漏损率控制在9%以内，2030年控制在8%以内",
            "力争到2030年城市公共供水管网漏损率控制在8%以内",
            "strengthened",
        ),
        # a pilot where the parent spoke of all
        (
            "推进建筑太阳能光伏一体化建设",
            "开展建筑太阳能光伏一体化建设试点",
            "推进建筑太阳能光伏一体化建设",
            "weakened",
        ),
        # nothing of it in the child
        ("探索零碳社区建设", "推进城市绿道网络建设", "探索零碳社区建设", "omitted"),
    ],
)
def test_one_rule_each(parent: str, child: str, clause: str, verdict: str) -> None:
    assert _verdict(_compare(parent, child), clause) == verdict


def test_a_target_the_child_drops_weakens_the_commitment_it_measured() -> None:
    comparison = _compare(
        "持续推进公共建筑能效提升重点城市建设，到2030年改造后实现整体能效提升20%以上",
        "持续推进公共建筑能效提升重点城市建设",
    )
    restated = next(r for r in comparison.commitments if r.parent.cue == "持续推进")
    assert restated.parent.text == "持续推进公共建筑能效提升重点城市建设"
    assert restated.verdict.value == "weakened"
    assert restated.targets[0].change == "dropped"


def test_a_count_measures_its_own_clause_not_the_sentences_first() -> None:
    # the ministry plan: the 100 bases are what 培育 aims at, not a level of 推广智能建造
    comparison = _compare(
        "推广智能建造，到2030年培育100个智能建造产业基地",
        "推动智能建造与建筑工业化协同发展",
    )
    first = next(r for r in comparison.commitments if r.parent.cue == "推广")
    assert first.parent.measured == ()
    assert first.verdict.value == "restated"


def test_a_clause_without_a_directive_that_keeps_the_target_restates_it() -> None:
    # Henan restates the ministry's 按照《完整居住社区建设标准（试行）》配建… as a 按照 clause
    # whose sentence goes on to the same 60% by 2030: no passing mention (the 按照 clause
    # frames 建设一批…完整居住社区 and commits at its level; the target keeps it restated)
    parent = (
        "按照《完整居住社区建设标准（试行）》配建基本公共服务设施、便民商业服务设施、"
        "市政配套基础设施和公共活动空间，到2030年地级及以上城市的完整居住社区覆盖率提高到60%以上"
    )
    child = (
        "开展城市居住社区建设补短板行动，按照《完整居住社区建设标准(试行)》,十四五末，"
        "建设一批设施完善、环境宜居、服务智能、管理有序的完整居住社区，"
        "到2030年地级及以上城市的完整居住社区覆盖率提高到60%以上"
    )
    restated = next(r for r in _compare(parent, child).commitments if r.parent.cue == "配建")
    assert restated.child is not None and restated.child.text.startswith("按照")
    assert restated.verdict.value == "restated"


def test_a_clause_copied_from_one_parent_clause_restates_no_other() -> None:
    # Shanghai copies the ministry's construction-waste clause; it shares 垃圾资源化利用
    # with the rural-waste clause, which Shanghai leaves out
    comparison = _compare(
        "推进建筑垃圾集中处理、分级利用，到2030年建筑垃圾资源化利用率达到55%。"
        "倡导农村生活垃圾资源化利用，从源头减少农村生活垃圾产生量。",
        "推进建筑垃圾集中处理、分级利用，到2030年建筑垃圾资源化利用率达到55%。",
    )
    assert _verdict(comparison, "推进建筑垃圾集中处理、分级利用") == "restated"
    assert _verdict(comparison, "倡导农村生活垃圾资源化利用") == "omitted"


def test_punctuation_inside_an_object_does_not_hide_it() -> None:
    # Yunnan's text carries a stray full stop: 大力发展.全装修住宅
    comparison = _compare("推动新建住宅全装修交付使用", "大力发展.全装修住宅，推进绿色建材应用")
    clause = next(c for c in comparison.child.clauses if c.text.startswith("大力发展"))
    # the object compared is 全装修住宅, its bigrams whole (not .全)
    assert content(clause).split() == ["全装修住宅"]


def test_an_undated_cap_bound_by_a_modal_verb_measures_its_own_clause() -> None:
    # the ministry plan: the 20% cap is a rule of its own (不应大于), not a level of 严格…管理;
    # Shanghai restates the management without the cap, which is a commitment of its own
    comparison = _compare(
        "严格既有建筑拆除管理，坚持从拆改留到留改拆推动城市更新，除违法建筑和经专业机构鉴定为"
        "危房且无修缮保留价值的建筑外，不大规模、成片集中拆除现状建筑，城市更新单元（片区）"
        "或项目内拆除建筑面积原则上不应大于现状总建筑面积的20%",
        "在城市更新和旧区改造中，严格实施建筑拆迁管理制度，提高建筑平均使用年限",
    )
    first = next(r for r in comparison.commitments if r.parent.text == "严格既有建筑拆除管理")
    assert first.parent.measured == ()
    cap = next(r for r in comparison.commitments if r.parent.text.endswith("20%"))
    assert [t.value for t, _ in cap.parent.measured] == [20.0]


def test_a_hedge_before_the_directive_does_not_stand_for_it() -> None:
    # Yunnan: 因地制宜 qualifies 推进, which commits above the ministry's 倡导
    comparison = _compare(
        "倡导农村生活垃圾资源化利用",
        "因地制宜灵活施策推进农村生活垃圾源头分类和资源化利用",
    )
    restated = next(r for r in comparison.commitments if r.parent.cue == "倡导")
    assert restated.child is not None and restated.child.cue == "推进"
    assert restated.verdict.value == "strengthened"


def test_the_childs_own_commitments_are_additions() -> None:
    comparison = _compare("推动低碳建筑规模化发展", "推动低碳建筑规模化发展，全面推广海绵城市建设")
    assert [c.text for c in comparison.additions] == ["全面推广海绵城市建设"]
    # the section's heading and the plan's one commitment (重点任务 is a label)
    assert comparison.summary == {
        "restated": 2, "strengthened": 0, "weakened": 0, "omitted": 0, "added": 1,
    }  # fmt: skip


def test_a_cue_that_encloses_its_object_directs_the_clause() -> None:
    # Henan's 加大城市老旧供水管网更新改造力度 (加大…力度 around its object) restates the
    # ministry's 实施城市老旧供水管网更新改造 with a stronger cue, not in passing
    parent = "实施城市老旧供水管网更新改造"
    comparison = _compare(parent, "加大城市老旧供水管网更新改造力度")
    assert _verdict(comparison, parent) == "strengthened"
    child = next(c for c in comparison.child.clauses if c.text.endswith("力度"))
    assert (child.cue, child.level) == ("加大", 3)
    assert content(child).strip() == "城市老旧供水管网更新改造力度"
    # a cue before its object is read as it was
    other = _compare("加大雨水蓄滞与利用", "加大雨水蓄滞与利用")
    assert [(c.cue, c.level) for c in other.child.clauses if c.text == "加大雨水蓄滞与利用"] == [
        ("加大", 3)
    ]


def test_a_negated_ceiling_sets_a_floor() -> None:
    # 不低于 holds the ceiling word 低于 yet sets a floor: a higher share is stricter
    parent = "新建住宅以6层为主，6层及以下住宅建筑面积占比应不低于70%"
    clause = "6层及以下住宅建筑面积占比应不低于70%"
    assert _verdict(_compare(parent, parent.replace("70%", "80%")), clause) == "strengthened"
    assert _verdict(_compare(parent, parent.replace("70%", "60%")), clause) == "weakened"
    # a ceiling is read as before: a lower one is stricter
    cap = "县城内部道路红线宽度不超过40米"
    assert _verdict(_compare(cap, cap.replace("40", "30")), cap) == "strengthened"


def test_a_target_clause_without_a_cue_that_keeps_the_target_restates_it() -> None:
    # Chongqing states the ministry's cap without its 应: the target is the commitment, kept
    parent = "建筑高度要与消防救援能力相匹配，新建住宅以6层为主，最高不超过18层，6层及以下住宅建筑面积占比应不低于70%"
    child = "建筑高度要与消防救援能力相匹配，新建住宅以6层为主，最高不超过18层，6层及以下住宅建筑面积占比不低于70%"
    clause = "6层及以下住宅建筑面积占比应不低于70%"
    assert _verdict(_compare(parent, child), clause) == "restated"
    # a laxer share is weakened, whatever the wording
    assert _verdict(_compare(parent, child.replace("70%", "60%")), clause) == "weakened"


def test_a_cue_acts_on_its_whole_object_head_noun_included() -> None:
    # Chongqing's 健全法规和标准计量体系: 健全 acts on the standards system, which is the
    # clause's object, not a theme whose head (标准) the cue passes over
    parent = "建立完善法律法规和标准计量体系"
    comparison = _compare(parent, "健全法规和标准计量体系")
    assert _verdict(comparison, parent) == "restated"
    child = next(c for c in comparison.child.clauses if c.text == "健全法规和标准计量体系")
    assert (child.cue, child.level) == ("健全", 2)
    # a cue that governs its object directly is read as it was
    other = _compare("完善农房节能措施", "完善农房节能措施")
    assert [(c.cue, c.level) for c in other.child.clauses if c.text == "完善农房节能措施"] == [
        ("完善", 2)
    ]


def test_a_clause_opened_by_a_verb_the_lexicon_lacks_commits_at_promotion_level() -> None:
    # Guangdong's 结合资源禀赋和用能需求发展…应用 restates the ministry's 因地制宜推进…应用:
    # it commits by its verb, it is no mention in passing
    parent = "因地制宜推进地热能、生物质能应用"
    child = "结合资源禀赋和用能需求发展太阳能光热、浅层地热能、生物质能等应用"
    comparison = _compare(parent, child)
    assert _verdict(comparison, parent) == "restated"
    assert [c.level for c in comparison.child.clauses if c.text == child] == [2]
    # a clause committed by a target of its own is measured by it, not by its verb
    targets = _compare("新建住宅以6层为主，最高不超过18层", "新建住宅以6层为主，最高不超过18层")
    assert [c.level for c in targets.child.clauses if c.text == "最高不超过18层"] == [0]


def test_a_child_that_lists_what_the_parent_replaces_dilutes_the_substitution() -> None:
    # Yunnan adds 燃气热水器 to the ministry's gas-substituting products: no longer a
    # substitution for gas, the electrification is diluted
    parent = "推广热泵热水器、高效电炉灶等替代燃气产品"
    child = "推广热泵热水器、高效电炉灶、燃气热水器等清洁能源产品"
    assert _verdict(_compare(parent, child), parent) == "weakened"
    # the same products without the replaced thing restate it
    kept = "推广热泵热水器、高效电炉灶等清洁能源产品"
    assert _verdict(_compare(parent, kept), parent) == "restated"
    # and a child that keeps the substitution restates it too
    assert _verdict(_compare(parent, "推广热泵热水器等替代燃气产品"), parent) == "restated"


def test_a_negated_name_is_no_thing_the_parent_replaces() -> None:
    # the energy plan's 规模化替代化石能源存量 against Shanxi's 非化石能源逐步满足能源需求增量:
    # 非化石 names no fossil fuel, so nothing replaced is kept
    parent = "加快非化石能源替代化石能源"
    restated = next(
        r for r in _compare(parent, "加快非化石能源发展").commitments if r.parent.text == parent
    )
    assert restated.verdict.value == "restated"
    assert not any("replaces" in reason for reason in restated.reasons)
    # a fossil fuel named is still one the parent replaces
    kept = "加快非化石能源与化石能源协同发展"
    diluted = next(r for r in _compare(parent, kept).commitments if r.parent.text == parent)
    assert diluted.reasons == ("lists 化石, which the parent's object replaces",)


def test_a_bare_target_does_not_restate_a_directive_no_target_measures() -> None:
    # Henan's 2025年城市公园绿地服务半径覆盖率达到82% is a number, with no directive, where
    # the ministry's 完善城市公园体系 sets none: it restates no directive
    parent = "完善城市公园体系"
    child = "2025年城市公园绿地覆盖率达到82%"
    assert _verdict(_compare(parent, child), parent) == "omitted"
    # a directive that carries the target still restates it
    both = "完善城市公园体系，2025年城市公园绿地覆盖率达到82%"
    assert _verdict(_compare(parent, both), parent) != "omitted"
    # a bare target that measures the parent's whole object restates it
    whole = "2025年城市公园体系覆盖率达到82%"
    assert _verdict(_compare(parent, whole), parent) == "strengthened"
    # and a bare target still restates a parent clause measured by a target
    cap = "6层及以下住宅建筑面积占比应不低于70%"
    assert _verdict(_compare(cap, "6层及以下住宅建筑面积占比不低于70%"), cap) == "restated"


def test_a_target_of_its_own_is_not_restated_beside_a_sibling_without_a_target() -> None:
    # Henan restates 推广智能建造 and names pilot projects beside it, but no number of
    # industrial bases: the ministry's 100 bases are omitted, not a target dropped
    parent = "推广智能建造，到2030年培育100个智能建造产业基地"
    clause = "到2030年培育100个智能建造产业基地"
    child = "推广智能建造，推荐公布一批智能建造试点项目"
    assert _verdict(_compare(parent, child), clause) == "omitted"
    # a child clause with a target of its own beside the sibling still restates it
    counted = "推广智能建造，到2030年培育80个智能建造产业基地"
    assert _verdict(_compare(parent, counted), clause) == "weakened"
