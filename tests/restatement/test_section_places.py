"""A clause whose own words name no kind of place is about the places its section names
(:func:`policydiff.restatement.align._section_places`): the ministry's 充分利用太阳能光热系统
提供生活热水 stands under 打造绿色低碳县城和乡村 > 推广应用可再生能源, the countryside's hot water,
and Liaoning's solar hot water for 城市中低层住宅 does not restate it (evaluation/test/corpus)."""

from __future__ import annotations

import datetime as dt

from policydiff.models import Document, Version
from policydiff.restatement import align
from policydiff.restatement.compare import Comparison, compare_documents
from policydiff.themes import load_catalogue

PARENT = (
    "一、建设绿色低碳城市\n（一）优化城市建设用能结构\n因地制宜推进地热能、生物质能应用。\n"
    "二、打造绿色低碳县城和乡村\n（二）推广应用可再生能源\n充分利用太阳能光热系统提供生活热水。\n"
)
HOT_WATER = "充分利用太阳能光热系统提供生活热水"
URBAN = "积极推动在城市中低层住宅及酒店、学校等有稳定热水需求的建筑中应用太阳能光热系统提供生活热水"


def _doc(doc_id: str, text: str) -> Document:
    version = Version("zh", "zh", "original", True, "test", text)
    return Document(doc_id, doc_id, (), dt.date(2022, 1, 1), (version,))


def _compare(child: str) -> Comparison:
    return compare_documents(_doc("parent", PARENT), _doc("child", child), load_catalogue())


def _child_of(comparison: Comparison, clause: str) -> str | None:
    restated = next(r for r in comparison.commitments if r.parent.text == clause)
    return restated.child.text if restated.child else None


def test_a_clause_is_about_the_places_its_section_names() -> None:
    comparison = _compare(f"一、推进城市绿色低碳建设\n（一）优化建筑用能结构\n{URBAN}。\n")
    # the urban hot water names 城市 in its own words: not the countryside's
    assert _child_of(comparison, HOT_WATER) is None
    parents = {c.text: c for c in comparison.parent.clauses}
    assert align._section_places(parents[HOT_WATER].location) == align.places("农村 县城")
    assert align._section_places(
        parents["因地制宜推进地热能、生物质能应用"].location
    ) == align.places("城市")


def test_the_same_clause_in_a_rural_section_restates_it() -> None:
    child = f"一、推动乡村用能结构调整\n（一）推广可再生能源\n{URBAN.replace('城市', '')}。\n"
    comparison = _compare(child)
    assert _child_of(comparison, HOT_WATER) == URBAN.replace("城市", "")


def test_a_section_that_names_no_place_gives_none() -> None:
    comparison = _compare(f"一、重点任务\n（一）优化建筑用能结构\n{URBAN.replace('城市', '')}。\n")
    child = comparison.child.clauses[-1]
    assert align._section_places(child.location) == frozenset()
    assert _child_of(comparison, HOT_WATER) == URBAN.replace("城市", "")
