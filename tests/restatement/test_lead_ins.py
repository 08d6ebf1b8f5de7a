"""A clause that only dates or qualifies the directive after it (力争到2060年前, 到2025 年底,
因地制宜) is no commitment of its own: it belongs to that directive. And a cue that spans its
object (引导…规模化发展) leaves the object to the clause (the ministry's 2022 plan and the
green-consumption plans of Jiangsu and Yunnan, examples/lineage/ and evaluation/test/raw/)."""

from __future__ import annotations

import pytest

from policydiff.restatement.compare import Restated
from policydiff.restatement.objects import content
from tests.restatement.test_verdict import _compare

GOALS = "力争到2060年前，城乡建设方式全面实现绿色低碳转型，系统性变革全面实现，美好人居环境全面建成"
SEWAGE = "因地制宜，推广小型化、生态化、分散化的污水处理工艺，推行微动力、低能耗、低成本的运行方式"


def _body(parent: str, child: str) -> list[Restated]:
    """The verdicts on the commitments of ``parent``'s body, its headings left out."""
    return [r for r in _compare(parent, child).commitments if not r.parent.heading]


def _clauses(text: str) -> list[str]:
    return [r.parent.text for r in _body(text, text)]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        (GOALS, "力争到2060年前，城乡建设方式全面实现绿色低碳转型"),
        ("到2025 年底，完成既有公共建筑节能改造", "到2025 年底，完成既有公共建筑节能改造"),
        ("力争2025年底前，建成城市污水管网全覆盖", "力争2025年底前，建成城市污水管网全覆盖"),
        (SEWAGE, "因地制宜，推广小型化、生态化、分散化的污水处理工艺"),
        (
            "坚持因地制宜，区分城市、乡村、不同气候区，科学确定节能降碳要求",
            "坚持因地制宜，区分城市、乡村、不同气候区",
        ),
    ],
)
def test_a_deadline_or_a_hedge_alone_opens_the_clause_after_it(text: str, first: str) -> None:
    clauses = _clauses(text)
    assert clauses[0] == first
    assert not any(
        c in ("力争到2060年前", "到2025 年底", "力争2025年底前", "因地制宜") for c in clauses
    )


def test_the_joined_hedge_leaves_the_directive_its_cue() -> None:
    [first, *_] = _body(SEWAGE, SEWAGE)
    assert first.parent.cue == "推广"
    assert content(first.parent).split() == ["小型化", "生态化", "分散化的污水处理工艺"]


def test_a_hedged_clause_restates_the_bare_one() -> None:
    parent = "推广小型化、生态化、分散化的污水处理工艺"
    [restated] = _body(parent, SEWAGE)
    assert restated.child is not None
    assert restated.child.text == "因地制宜，推广小型化、生态化、分散化的污水处理工艺"


@pytest.mark.parametrize(
    ("clause", "cue", "object_words"),
    [
        ("引导绿色建筑规模化发展", "引导…规模化发展", ["绿色建筑"]),
        (
            "鼓励网订店取、自助提货、即时配送等末端配送模式规模化发展",
            "鼓励…规模化发展",
            ["网订店取", "自助提货", "即时配送等末端配送模式"],
        ),
    ],
)
def test_a_cue_around_its_object_leaves_the_object(
    clause: str, cue: str, object_words: list[str]
) -> None:
    [restated] = _body(clause, clause)
    assert restated.parent.cue == cue
    assert content(restated.parent).split() == object_words
    assert restated.child is not None and restated.verdict.value == "restated"


@pytest.mark.parametrize(
    ("heading", "commits"),
    [
        ("工作原则", False),
        ("保障措施", False),
        ("重点任务", False),
        # the closing section of most provincial plans (Shanxi's 十、组织实施)
        ("组织实施", False),
        ("政策保障", False),
        ("强化保障措施", True),
    ],
)
def test_a_heading_that_only_names_its_section_is_no_commitment(
    heading: str, commits: bool
) -> None:
    body = "坚持系统谋划，分步实施"
    compared = _compare(body, body, f"（二）{heading}\n").commitments
    assert (heading in [r.parent.text for r in compared]) is commits
