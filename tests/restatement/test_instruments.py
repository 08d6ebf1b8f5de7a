"""A parent clause that makes an instrument (a standard, an assessment, a law) is restated
only by a child clause that names one of its kind: a child that does what the standard would
govern does not make the standard (``instruments`` in data/restatement.yaml; the plans of
evaluation/test/corpus)."""

from __future__ import annotations

import pytest

from policydiff.restatement.kinds import instrument_made, names_instrument
from policydiff.restatement.objects import content
from tests.restatement.plans import HELD, MINISTRY, compared, restated

STANDARD, ASSESSMENT, LAW = 0, 1, 2


@pytest.mark.parametrize(
    ("text", "cue", "kind"),
    [
        ("完善建筑可再生能源应用标准", "完善", STANDARD),
        ("完善绿色设计和绿色制造标准体系", "完善", STANDARD),
        ("制定污染物与温室气体排放协同控制可行技术指南、监测技术指南", "制定", STANDARD),
        # a clause that applies a standard makes none
        ("城镇新建建筑全面执行绿色建筑标准", "全面执行", None),
        ("按照绿色建筑标准建设", "建设", None),
        ("加强节能改造鉴定评估", "加强", ASSESSMENT),
        ("开展城镇污水处理和资源化利用碳排放测算", "开展", ASSESSMENT),
        ("推进修订《招标投标法》和《政府采购法》", "推进修订", LAW),
        ("健全适应碳达峰碳中和工作需要的能源法律制度体系", "健全", LAW),
        ("加强能源绿色低碳发展法制建设", "加强", LAW),
        # 做法, 执法 are no law; a standard inside the object, not at its end, makes none
        ("及时总结推广好经验好做法", "推广", None),
        ("加强一体化监管执法", "加强", None),
        ("推动标准化物流周转箱应用", "推动", None),
    ],
)
def test_the_instrument_a_clause_makes(text: str, cue: str, kind: int | None) -> None:
    object_text = content_of(text, cue)
    assert instrument_made(text, cue, object_text) == kind


def content_of(text: str, cue: str) -> str:
    """The object of ``text`` as the alignment reads it: without its cue."""
    return text.replace(cue, " ", 1)


def test_a_child_names_a_law_by_its_title() -> None:
    assert names_instrument("贯彻《中华人民共和国节约能源法》", LAW)
    assert not names_instrument("实施政府优先采购", LAW)
    assert names_instrument("加强可再生能源应用标准体系建设", STANDARD)
    assert not names_instrument("加强可再生能源应用", STANDARD)


@pytest.mark.parametrize(
    ("parent", "child", "clause", "instrument"),
    [
        (
            "2022-nengyuan-lvse-zhuanxing",
            "shanxi-nengyuan-lvse-zhuanxing",
            "完善建筑可再生能源应用标准",
            "标准",
        ),
        (
            "2022-jianwu-jiangtan",
            "shandong-jianwu-jiangtan",
            "研究制订重点行业温室气体排放标准",
            "标准",
        ),
        (MINISTRY, "hubei-chengxiangjianshe-tandafeng", "加强节能改造鉴定评估", "评估"),
        (
            "2022-lvse-xiaofei",
            "guizhou-lvse-xiaofei",
            "推进修订《招标投标法》和《政府采购法》",
            "法》",
        ),
    ],
)
def test_only_a_clause_naming_the_instrument_restates_it(
    parent: str, child: str, clause: str, instrument: str
) -> None:
    found = restated(HELD, parent, child, clause)
    assert found.child is None or instrument in found.child.text


def test_a_child_that_writes_the_standard_restates_it() -> None:
    """Qinghai's 推动企业实施…新型电力系统等领域国家标准、行业标准 names the standards the
    administration's 研究制定新型电力系统相关标准 makes."""
    found = restated(
        HELD,
        "2022-nengyuan-lvse-zhuanxing",
        "qinghai-nengyuan-lvse-zhuanxing",
        "研究制定新型电力系统相关标准",
    )
    assert found.child is not None and "国家标准" in found.child.sentence


def test_the_object_read_is_the_alignments() -> None:
    comparison = compared(HELD, "2022-nengyuan-lvse-zhuanxing", "shanxi-nengyuan-lvse-zhuanxing")
    clause = next(
        r.parent for r in comparison.commitments if r.parent.text == "完善建筑可再生能源应用标准"
    )
    assert instrument_made(clause.text, clause.cue, content(clause)) == STANDARD
