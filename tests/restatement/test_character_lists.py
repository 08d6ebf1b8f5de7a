"""A list whose inner items are single characters (the ministry's 渗、滞、蓄、净、用、排) is one
compound, and a province that writes it without its marks (Liaoning's 渗滞蓄净用排,
evaluation/test/raw/) restates it; a list of words keeps its items apart."""

from __future__ import annotations

from policydiff.restatement.objects import content
from tests.restatement.test_lead_ins import _body


def test_a_list_of_characters_written_without_its_marks_restates_it() -> None:
    [restated] = _body("综合采用渗、滞、蓄、净、用、排方式", "综合采取渗滞蓄净用排等措施")
    assert content(restated.parent).split() == ["综合", "渗滞蓄净用排方式"]
    assert restated.child is not None
    assert restated.child.text == "综合采取渗滞蓄净用排等措施"


def test_a_list_of_words_keeps_its_items_apart() -> None:
    [restated] = _body("推广小型化、生态化、分散化的污水处理工艺", "推广小型化污水处理工艺")
    assert content(restated.parent).split() == ["小型化", "生态化", "分散化的污水处理工艺"]


def test_a_list_mixing_words_and_characters_keeps_its_items_apart() -> None:
    [restated] = _body(
        "加强大气、水、土壤、固体废物污染防治", "加强大气、水、土壤、固体废物污染防治"
    )
    assert content(restated.parent).split() == ["大气", "水", "土壤", "固体废物污染防治"]


def test_two_single_characters_are_not_read_as_one_compound() -> None:
    [restated] = _body("保障城市水、电供应安全", "保障城市水、电供应安全")
    assert "水 电" in content(restated.parent)


def test_a_space_between_chinese_characters_breaks_no_word() -> None:
    # Jiangsu's 互联网＋回收 模式: a space left by the source's layout, not a word break
    [restated] = _body("积极推行互联网+回收模式", "大力发展互联网＋回收 模式")
    assert restated.child is not None
    assert content(restated.child).split() == ["互联网", "回收模式"]
