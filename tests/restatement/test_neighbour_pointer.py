"""An omission to check names the child's sentence that restates its neighbour in the
parent's sentence (policydiff.restatement.confidence.restated_neighbour): a province
restates a parent sentence as a sentence, so the clause no child clause comes near may be
said there in other words. The verdict and its label stay as they were."""

from __future__ import annotations

from policydiff.restatement.confidence import CHECK, SURE, restated_neighbour
from policydiff.restatement.objects import content
from tests.restatement.plans import HELD, compared, restated
from tests.restatement.test_verdict import _compare

CONSUMPTION = "2022-lvse-xiaofei"
JIANGSU = "jiangsu-lvse-xiaofei"


def test_jiangsus_catering_standards_are_pointed_to_beside_their_neighbour() -> None:
    # the ministry's 建立健全餐饮行业相关标准和服务规范，鼓励种植基地+中央厨房等新模式发展: Jiangsu
    # restates the second clause, and the first in other words, in one sentence of its (三)
    r = restated(HELD, CONSUMPTION, JIANGSU, "建立健全餐饮行业相关标准和服务规范")
    assert (r.verdict.value, r.confidence.label) == ("omitted", CHECK)
    doubt = r.confidence.doubt
    assert "its neighbour in the parent's sentence (鼓励种植基地+中央厨房等新模式发展)" in doubt
    assert "restated in the child's II.3: 建立健全绿色餐饮标准体系" in doubt
    assert r.confidence.neighbour_location.endswith("II.3 加快提升食品消费绿色化水平")
    # the nearest clause, elsewhere in the child, is still quoted first
    assert r.nearest is not None and r.confidence.location == r.nearest.location
    assert doubt.index("推动完善绿色低碳产品") < doubt.index("its neighbour")


def test_no_pointer_where_nothing_beside_it_is_restated() -> None:
    comparison = compared(HELD, CONSUMPTION, JIANGSU)
    pairs = [(x.parent, x.child) for x in comparison.commitments if x.child is not None]
    restated_sentences = {p.sentence_id for p, _ in pairs}
    alone = [
        r
        for r in comparison.commitments
        if r.child is None and r.parent.sentence_id not in restated_sentences
    ]
    assert alone
    assert all(r.confidence.neighbour_location == "" for r in alone)
    assert all(restated_neighbour(r.parent, pairs, content(r.parent)) is None for r in alone)


def test_a_sure_omission_points_nowhere() -> None:
    # nothing in the child resembles 严禁焚烧秸秆; its neighbour is restated all the same
    comparison = _compare(
        "推进海绵城市建设，严禁焚烧秸秆。", "全面推进海绵城市建设。加强公园绿地管理。"
    )
    omitted = next(r for r in comparison.commitments if r.child is None)
    assert omitted.parent.text == "严禁焚烧秸秆"
    assert (omitted.confidence.label, omitted.confidence.doubt) == (SURE, "")
    assert omitted.confidence.neighbour_location == ""


def test_the_sentence_holding_most_of_its_words_is_named() -> None:
    # two neighbours of 完善生活垃圾分类收运体系 restated in two sentences: the one that
    # holds 生活垃圾 and 分类 is named, though the other neighbour stands nearer
    comparison = _compare(
        "完善生活垃圾分类收运体系，推进海绵城市建设，加快建设城市绿道。",
        "全面推进海绵城市建设。落实生活垃圾分类，加快城市绿道建设。",
    )
    clause = next(r.parent for r in comparison.commitments if r.parent.text.startswith("完善"))
    pairs = [
        (x.parent, x.child)
        for x in comparison.commitments
        if x.child is not None and x.parent is not clause
    ]
    assert {p.text for p, _ in pairs} >= {"推进海绵城市建设", "加快建设城市绿道"}
    neighbour = restated_neighbour(clause, pairs, content(clause))
    assert neighbour is not None
    assert neighbour[0].text == "加快建设城市绿道"
    assert neighbour[1].sentence.startswith("落实生活垃圾分类")
    # a sentence that says none of the object's words is no place to look
    assert restated_neighbour(clause, pairs, "") is None
    assert restated_neighbour(clause, pairs, "收运体系") is None
