"""A clause that opens on 以及 goes on with the list of the clause before it: the comma
breaks no directive (Fujian's energy opinions, evaluation/test/raw/)."""

from __future__ import annotations

from tests.restatement.test_verdict import _compare

PARENT = "加大对清洁低碳能源项目、能源供应安全保障项目投融资支持力度"
FUJIAN = (
    "构建与能源绿色低碳转型相适应的投融资体系，加大对风电、光伏、新型储能和氢能等清洁低碳能源项目，"
    "以及LNG站、石油储备库等能源供应安全保障项目的支持力度"
)


def test_the_list_after_yiji_is_one_clause_with_the_one_before() -> None:
    clauses = [r.parent.text for r in _compare(FUJIAN, FUJIAN).commitments]
    assert (
        "加大对风电、光伏、新型储能和氢能等清洁低碳能源项目，以及LNG站、石油储备库等"
        "能源供应安全保障项目的支持力度"
    ) in clauses
    assert not any(text.startswith("以及") for text in clauses)


def test_the_joined_list_restates_the_parent_clause() -> None:
    restated = next(r for r in _compare(PARENT, FUJIAN).commitments if r.parent.text == PARENT)
    assert restated.child is not None and restated.child.text.startswith("加大对风电")


def test_a_semicolon_ends_the_list_before_yiji() -> None:
    # ；cuts a sentence into tasks of their own: 以及 after it opens a new one
    text = "推进清洁低碳能源项目建设；以及LNG站、石油储备库等能源供应安全保障项目建设"
    clauses = [r.parent.text for r in _compare(text, text).commitments]
    assert "推进清洁低碳能源项目建设" in clauses
