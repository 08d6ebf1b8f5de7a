"""Readings of what two clauses are about, each on the pair of real plans it was found on
(evaluation/test/corpus, examples/lineage/corpus):

- two targets measure one indicator where the names of what they measure, in their own
  clauses, are alike, whatever stands before them (Shandong's LED等高效灯具普及率达到80%以上);
- 和, 等, 各类 and 各种 between the items of a list break the bigrams the containment counts,
  as 、 does (推广空气源等各类电动热泵技术);
- a clause with no cue that opens on 发挥, 形成 or 营造 is about what follows the verb;
- a general noun (系统) for the parent's word is no other kind of its object;
- a bare target measures the parent's whole object whatever places the parent names, and
  a directive to raise a share (提高…新能源汽车应用占比) is quantified by a number of that share."""

from __future__ import annotations

import pytest

from policydiff.restatement.objects import object_bigrams
from tests.restatement.plans import HELD, MINISTRY, restated


@pytest.mark.parametrize(
    ("corpus", "child", "clause", "verdict", "restating"),
    [
        (
            HELD,
            "shandong-chengxiangjianshe-tandafeng",
            "推进城市绿色照明",
            "restated",
            "推进城市绿色照明",
        ),
        (
            HELD,
            "hubei-chengxiangjianshe-tandafeng",
            "净宽度不少于100米",
            "restated",
            "最小净宽度不小于100米",
        ),
        (
            HELD,
            "jilin-chengxiangjianshe-tandafeng",
            "推广空气源等各类电动热泵技术",
            "restated",
            "空气源",
        ),
        (
            HELD,
            "tianjin-chengxiangjianshe-tandafeng",
            "加大雨水蓄滞与利用",
            "weakened",
            "发挥源头对雨水的吸纳和缓释作用",
        ),
        (
            HELD,
            "sichuan-chengxiangjianshe-tandafeng",
            "积极推广太阳能光热建筑应用",
            "strengthened",
            "大力推广太阳能光热系统应用",
        ),
        (
            HELD,
            "tianjin-chengxiangjianshe-tandafeng",
            "城市绿色交通出行比例稳步提升",
            "strengthened",
            "绿色出行比例达到75％以上",
        ),
    ],
)
def test_the_restatement_found(
    corpus, child: str, clause: str, verdict: str, restating: str
) -> None:
    found = restated(corpus, MINISTRY, child, clause)
    assert found.verdict.value == verdict
    assert found.child is not None and restating in found.child.text


def test_words_between_list_items_are_breaks() -> None:
    grams = object_bigrams("推广空气源等各类电动热泵技术")
    assert "空气" in grams and "热泵" in grams
    assert not {"源等", "等各", "类电"} & grams
    # 和 of a word (和谐) is no break
    assert "和谐" in object_bigrams("建设和谐社区")


def test_a_number_of_the_share_quantifies_a_directive_to_raise_it() -> None:
    found = restated(
        HELD,
        "2022-lvse-xiaofei",
        "jiangsu-lvse-xiaofei",
        "提高城市公交、出租（含网约车）、环卫、城市物流配送、邮政快递、民航机场以及党政机关公务领域"
        "等新能源汽车应用占比",
    )
    assert found.verdict.value == "strengthened"
    assert found.child is not None and found.child.text.endswith("车辆占比达80%")
