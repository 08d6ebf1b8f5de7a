"""How sure a restatement verdict is (policydiff.restatement.confidence), on small parent
and child texts built here: a copy is sure; a paraphrase, a near miss, an omission whose
words the child uses apart, a verdict the cues alone decide and every change are to check,
each with its doubt."""

from __future__ import annotations

import pytest

from policydiff.restatement.compare import Restated, document_clauses
from policydiff.restatement.confidence import (
    CHECK,
    EXCERPT,
    SURE,
    SURE_MATCH,
    SURE_OMISSION,
    ChildWords,
    Echo,
    echo,
    unnamed_items,
)
from policydiff.restatement.kinds import funds_only
from policydiff.themes import load_catalogue
from tests.restatement.test_verdict import _compare, _doc


def _restated(parent: str, child: str, clause: str) -> Restated:
    return next(r for r in _compare(parent, child).commitments if r.parent.text == clause)


def test_a_copy_with_the_same_cue_is_sure() -> None:
    r = _restated(
        "推动低碳建筑规模化发展", "结合本省实际，推动低碳建筑规模化发展", "推动低碳建筑规模化发展"
    )
    assert r.verdict.value == "restated" and r.similarity >= SURE_MATCH
    assert (r.confidence.label, r.confidence.doubt) == (SURE, "")


@pytest.mark.parametrize(
    ("parent", "child", "clause", "verdict", "why"),
    [
        # a target in the same words decides
        (
            "到2030年城市公共供水管网漏损率控制在8%以内",
            "到2030年城市公共供水管网漏损率控制在7.5%以内",
            "到2030年城市公共供水管网漏损率控制在8%以内",
            "strengthened",
            "target 控制在8%以内 → 控制在7.5%以内: a lower ceiling",
        ),
        # a narrower scope decides
        (
            "推广装配式建筑。推进城市生活垃圾分类",
            "推广装配式建筑。在具备条件的城市推进城市生活垃圾分类",
            "推进城市生活垃圾分类",
            "weakened",
            "narrower scope: limited by 具备条件的 (在具备条件的城市城⋯)",
        ),
    ],
)
def test_every_change_is_to_check_with_what_decided_it(
    parent: str, child: str, clause: str, verdict: str, why: str
) -> None:
    r = _restated(parent, child, clause)
    assert r.verdict.value == verdict and r.similarity >= SURE_MATCH
    assert r.confidence.label == CHECK
    assert r.confidence.doubt == (
        f"a change ({why}): confirm it in the two sentences before quoting it"
    )


def test_a_change_resting_on_a_figure_set_elsewhere_asks_to_confirm_it_there() -> None:
    # the child's 60% is in its goals, not in the sentence quoted as the restatement
    r = _restated(
        "（一）到2025年，推进建筑垃圾资源化利用，综合利用率达到50%。",
        "一、总体目标\n到2025年建筑垃圾综合利用率达到60%以上。\n"
        "二、重点任务\n（一）推进建筑垃圾资源化利用，提升处置能力。",
        "到2025年，推进建筑垃圾资源化利用",
    )
    assert r.verdict.value == "strengthened"
    assert "set in the child's I-2: 到2025年建筑垃圾综合利用率达到60%以上" in r.reasons[0]
    assert r.confidence.doubt.endswith(
        "confirm it in the two sentences, and where its reason says a figure is set, "
        "before quoting it"
    )


def test_a_verdict_the_cues_alone_decide_is_to_check() -> None:
    r = _restated("推动装配式建筑发展", "大力推动装配式建筑发展", "推动装配式建筑发展")
    assert r.verdict.value == "strengthened" and r.similarity >= SURE_MATCH
    assert r.confidence.label == CHECK
    assert r.confidence.doubt.startswith("decided by the cues alone")


def test_a_restatement_in_other_words_is_to_check() -> None:
    # named inside a longer list of the child's: matched by containment, below MATCH
    r = _restated(
        "积极推广装配化装修",
        "鼓励引导新建住宅采用干式工法楼面地面、集成厨房、整体卫浴、管线分离等装配化装修成套技术",
        "积极推广装配化装修",
    )
    assert r.child is not None and r.similarity < SURE_MATCH
    assert r.confidence.label == CHECK
    assert f"similarity {r.similarity:.2f}" in r.confidence.doubt
    # ... and the doubt says how it was found
    assert r.route == "covered"
    assert r.confidence.doubt.startswith("matched as named inside a longer clause of the child")


def test_a_near_clause_that_only_funds_is_named_as_such() -> None:
    # Ningxia's fund for low-carbon buildings comes near the ministry's low-carbon buildings
    # at scale but is not taken for them (kinds.funds_only): the doubt says why
    r = _restated("推动低碳建筑规模化发展", "鼓励设立低碳建筑发展基金", "推动低碳建筑规模化发展")
    assert r.child is None and r.similarity >= SURE_OMISSION
    assert r.confidence.label == CHECK
    assert "but funds what it names" in r.confidence.doubt
    assert "鼓励设立低碳建筑发展基金" in r.confidence.doubt
    # a parent about funding is not told so: the fund may be its restatement
    assert funds_only("推动低碳建筑规模化发展", "设立低碳建筑发展基金")
    assert not funds_only("完善低碳建筑发展资金政策", "设立低碳建筑发展基金")


def test_an_omission_is_sure_only_where_nothing_comes_near() -> None:
    # the provision's lead is copied, so that no heading stands for the others
    parent = "推广装配式建筑。推进城市绿色照明。推动农村生活污水就近就地资源化利用"
    child = "推广装配式建筑。推进城市生活垃圾分类"
    comparison = _compare(parent, child)
    verdicts = {r.parent.text: r for r in comparison.commitments}
    near, far = verdicts["推进城市绿色照明"], verdicts["推动农村生活污水就近就地资源化利用"]
    assert near.child is None and near.similarity >= SURE_OMISSION
    assert near.confidence.label == CHECK and "comes near" in near.confidence.doubt
    assert far.child is None and far.similarity < SURE_OMISSION and far.confidence.sure
    # the headings and the copied lead are sure: the near omission is the one to check
    assert comparison.to_check == 1
    # ... and its doubt names the child clause to read first, kept as evidence
    assert near.nearest is not None and near.nearest.text == "推进城市生活垃圾分类"
    assert "推进城市生活垃圾分类" in near.confidence.doubt


def test_an_omission_whose_words_the_child_uses_apart_is_to_check_and_says_where() -> None:
    parent = "推广装配式建筑。加强接待、会议、培训等活动的用餐管理"
    clause = "加强接待、会议、培训等活动的用餐管理"
    # the meetings, trainings and receptions named apart, none of their meals
    child = "推广装配式建筑。定期召开联席会议。组织开展技能培训和宣传活动。规范公务接待程序"
    used = _restated(parent, child, clause)
    assert used.child is None and used.similarity < SURE_OMISSION
    assert used.confidence.label == CHECK
    # the clause to read first: the one holding most of them
    assert used.confidence.doubt == (
        "the child uses 4 of its 6 words apart (接待, 会议, 培训, 活动), "
        "most in: 组织开展技能培训和宣传活动: read there before taking it as omitted"
    )
    # one word of the object in the child is no echo of it: surely omitted
    alone = _restated(parent, "推广装配式建筑。定期召开联席会议", clause)
    assert alone.child is None and alone.similarity < SURE_OMISSION and alone.confidence.sure


def _child_words(body: str, lang: str = "zh") -> ChildWords:
    return ChildWords.of(document_clauses(_doc("child", body), load_catalogue()).clauses, lang)


def test_the_child_is_read_with_synonyms_written_as_the_object_writes_them() -> None:
    # content() writes the parent's 乡村 as 农村 (data/restatement.yaml): the child's 乡村
    # must be read the same way to be found
    found = echo("建设 美丽 农村 污水 管网", _child_words("建设美丽乡村。完善污水管网"))
    assert found.words == ("建设", "美丽", "农村", "污水", "管网")
    assert found.where  # most of them, 5 of 5, to be read somewhere


def test_where_is_the_first_sentence_holding_most_of_the_words() -> None:
    found = echo("会议 培训 接待", _child_words("召开会议。开展培训，规范接待。开展培训，规范接待"))
    # two sentences hold 培训 and 接待; the first is named, and since no clause of it holds
    # both, the sentence itself
    assert found.where == "开展培训，规范接待。"


def test_a_long_sentence_is_named_by_an_excerpt_from_just_before_the_first_word() -> None:
    lead = "以新时代思想为指导，" * 8  # 80 characters of a preamble
    sentence = lead + "坚持生态优先，统筹推进绿色社区建设，倡导简约适度的生活方式，" + lead + "。"
    found = echo("绿色 社区 生活 方式", _child_words(sentence))
    where = found.where
    assert where.startswith("⋯") and where.endswith("⋯") and len(where) == EXCERPT + 2
    assert where[1:].startswith(sentence[sentence.find("绿色") - 10 :][:10])
    assert "绿色社区" in where


def test_a_one_word_object_is_no_echo_however_often_the_child_says_it() -> None:
    found = echo("论证", _child_words("组织专家论证。加强论证"))
    assert found.words == ("论证",) and found.share == 1.0 and not found.where


def test_english_omissions_keep_the_similarity_rule() -> None:
    found = echo("promote prefabricated buildings", _child_words("Promote buildings.", "en"))
    assert found == Echo((), 0, 0.0)


def test_a_list_left_shorter_is_to_check() -> None:
    # Heilongjiang's pollution-and-carbon plan drops 水运 of the ministry of ecology's list
    parent = "提高铁路、水运在综合运输中的承运比例"
    child = "落实大宗货物运输公转铁补助实施细则，提高铁路在综合运输中的承运比例"
    r = _restated(parent, child, parent)
    assert r.verdict.value == "restated"
    assert r.confidence.label == CHECK
    assert "水运" in r.confidence.doubt and "铁路" not in r.confidence.doubt
    # the whole list named, in another order, is sure
    whole = "提高水运、铁路在综合运输中的承运比例"
    assert _restated(parent, whole, parent).confidence.label == SURE


@pytest.mark.parametrize(
    ("parent", "child", "unnamed"),
    [
        ("推动钢铁、水泥、焦化行业及锅炉超低排放改造", "推动水泥、焦化行业超低排放改造", ("钢铁",)),
        # the first item is what follows the cue or opening verb, named whole (Guangdong's plan)
        (
            "应用特许经营、政府购买服务等手段吸引社会资本投入",
            "鼓励社会资本参与，吸引社会资本投入",
            ("特许经营", "政府购买服务"),
        ),
        # named short (各地), numbers (left to the targets) and a list copied whole
        ("各地区、各部门要加强协调", "各地各部门要加强协调", ()),
        ("到2025年和2030年分别达到30%、40%", "到2025年分别达到30%", ()),
        # a last item whose end is not known soon is not read (Shanghai's plan)
        (
            "到2025年新建公共机构建筑、新建厂房屋顶光伏覆盖率力争达到50%",
            "2025年公共机构、工业厂房建筑屋顶光伏覆盖率达到50%以上",
            (),
        ),
        (
            "推动煤矸石、粉煤灰、尾矿、冶炼渣等工业固废资源利用",
            "推动煤矸石、粉煤灰、尾矿、冶炼渣等工业固废资源利用",
            (),
        ),
    ],
)
def test_the_items_a_child_leaves_out(parent: str, child: str, unnamed: tuple[str, ...]) -> None:
    (r,) = [r for r in _compare(parent, child).commitments if r.child and not r.parent.heading]
    assert unnamed_items(r.parent, r.child) == unnamed
