"""A child's guiding ideas and principles (指导思想, 基本原则) speak of the whole field in
general words: a clause there restates a parent task only when it says much the same
(``thresholds.FRAMING_MATCH``), not from the usual threshold. Clauses of 发改能源〔2022〕206号 and
of Qinghai's energy opinions (evaluation/test/raw/)."""

from __future__ import annotations

from policydiff.models import Document
from policydiff.restatement.compare import compare_documents
from policydiff.restatement.thresholds import FRAMING_MATCH, MATCH
from policydiff.themes import load_catalogue
from tests.restatement import plans
from tests.restatement.test_verdict import _doc

PARENT = "加强顶层设计和统筹协调"
PRINCIPLE = "坚持统筹规划，注重顶层设计"


def _against(child_section: str, child: str) -> tuple[str, float]:
    parent_doc: Document = _doc("parent", PARENT)
    child_doc = _doc("child", child, child_section)
    comparison = compare_documents(parent_doc, child_doc, load_catalogue())
    restated = next(r for r in comparison.commitments if r.parent.text == PARENT)
    return restated.verdict.value, restated.similarity


def test_a_principle_near_a_task_does_not_restate_it() -> None:
    verdict, _ = _against("（二）基本原则\n", PRINCIPLE)
    assert verdict == "omitted"


def test_the_same_clause_in_a_task_section_restates_it() -> None:
    verdict, similarity = _against("（五）完善电力市场体系\n", PRINCIPLE)
    assert verdict != "omitted" and MATCH <= similarity < FRAMING_MATCH


def test_a_principle_that_says_the_same_restates_it() -> None:
    verdict, _ = _against("（二）基本原则\n", "加强顶层设计和统筹协调")
    assert verdict == "restated"


def test_a_principle_restates_a_parent_principle_from_the_usual_threshold() -> None:
    # the ministry's 工作原则 and Henan's 基本原则, in the two plans themselves: principle
    # for principle, general words on both sides
    restated = plans.restated(
        plans.EXAMPLE, plans.MINISTRY, "henan-chengxiangjianshe-tandafeng", "完善技术体系"
    )
    assert restated.child is not None and restated.child.text == "完善技术供给体系"
    assert "工作原则" in restated.parent.location and "基本原则" in restated.child.location
    assert MATCH <= restated.similarity < FRAMING_MATCH
