"""A provision's lead restated by the child's copy of its heading
(:func:`policydiff.restatement.routes.under_heading`): the ministry's （十一）提升县城绿色低碳水平
opens its body with 开展绿色低碳县城建设, which spells the heading out; Liaoning keeps the
heading word for word and restates nothing of that lead in its body (evaluation/test/corpus)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest

from policydiff.corpus import load_corpus
from policydiff.restatement import thresholds
from policydiff.restatement.compare import compare_documents
from policydiff.themes.catalogue import corpus_catalogue
from tests.restatement.test_verdict import _child_of
from tests.restatement.test_verdict import _compare as _compare_in_section

COUNTY = "（十一）提升县城绿色低碳水平\n开展绿色低碳县城建设，构建集约节约、尺度宜人的县城格局。\n"
HOUSING = "（七）建设绿色低碳住宅\n提升住宅品质，积极发展中小户型普通住宅，限制发展超大户型住宅。\n"
LEAD = "开展绿色低碳县城建设"
ENERGY = Path(__file__).parents[2] / "evaluation" / "test" / "corpus"


# the bodies bring their own provision headings, as the real plans set them
_compare = partial(_compare_in_section, section="")


def test_the_copied_heading_restates_the_lead_that_spells_it_out() -> None:
    # Liaoning's provision (二): the heading copied, a body of its own words
    child = (
        "（二）提升县城绿色低碳水平\n"
        "加强县城规划建设管理，充分借助自然条件，顺应原有地形地貌，实现县城与自然环境融合协调。\n"
    )
    comparison = _compare(COUNTY, child)
    assert _child_of(comparison, LEAD) == "提升县城绿色低碳水平"
    # the heading itself is restated by its copy, as before
    assert _child_of(comparison, "提升县城绿色低碳水平") == "提升县城绿色低碳水平"


def test_a_heading_not_copied_restates_no_lead() -> None:
    child = "（二）加强县城规划建设管理\n充分借助自然条件，顺应原有地形地貌，实现县城与自然环境融合协调。\n"
    assert _child_of(_compare(COUNTY, child), LEAD) is None


def test_a_copied_body_line_is_no_heading() -> None:
    # the heading's words as a body line, not the child's heading: no provision kept
    child = "（二）加强规划管理\n提升县城绿色低碳水平，顺应原有地形地貌。\n"
    assert _child_of(_compare(COUNTY, child), LEAD) is None


def test_a_lead_that_says_something_else_is_not_taken() -> None:
    # the ministry's （七）建设绿色低碳住宅 opens on 提升住宅品质: another commitment than the
    # heading's, below COVER_FLOOR with it; Jilin keeps the heading and no housing quality
    child = "5.建设绿色低碳住宅\n积极发展中小户型普通住宅，限制发展超大户型住宅。\n"
    comparison = _compare(HOUSING, child)
    assert _child_of(comparison, "建设绿色低碳住宅") == "建设绿色低碳住宅"
    assert _child_of(comparison, "提升住宅品质") is None


def test_only_an_unmatched_lead_is_taken() -> None:
    # a body that restates the lead in its own words keeps that restatement
    child = "（二）提升县城绿色低碳水平\n全面开展绿色低碳县城建设，实现县城与自然环境融合协调。\n"
    assert _child_of(_compare(COUNTY, child), LEAD) == "全面开展绿色低碳县城建设"
    assert thresholds.COVER_FLOOR < thresholds.MATCH


@pytest.mark.parametrize("province", ["fujian", "shanxi"])
def test_the_lead_of_a_heading_that_makes_a_policy_is_not_taken(province: str) -> None:
    # the energy-transition opinions' （十一）完善交通运输领域能源清洁替代政策 opens on the aim
    # 推进交通运输绿色低碳转型: Fujian and Shanxi keep the heading and commit to the policy,
    # not to the aim its lead spells out
    corpus = load_corpus(ENERGY)
    parent = corpus.get("2022-nengyuan-lvse-zhuanxing")
    child = corpus.get(f"{province}-nengyuan-lvse-zhuanxing")
    assert parent is not None and child is not None
    comparison = compare_documents(parent, child, corpus_catalogue(ENERGY))
    assert _child_of(comparison, "完善交通运输领域能源清洁替代政策") is not None
    assert _child_of(comparison, "推进交通运输绿色低碳转型") is None
