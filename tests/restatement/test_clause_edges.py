"""A clause keeps the brackets and quotes it opens and closes (《广东省绿色建筑条例》, 核准（备案）,
“十四五”): the evidence quotes the text as written, and a title cut in half is no title
(Guangdong's plan, examples/lineage/raw/; the energy-transition opinions, evaluation/test/raw/)."""

from __future__ import annotations

import pytest

from policydiff.restatement.cuts import joined, pieces
from policydiff.restatement.rules import load_rules


def _clauses(sentence: str) -> list[str]:
    rules = load_rules()
    return [
        sentence[a:b]
        for a, b in joined(
            sentence, pieces(sentence, "zh"), rules.year_only, rules.continuations, "zh", None
        )
    ]


@pytest.mark.parametrize(
    ("sentence", "clauses"),
    [
        ("严格执行《广东省绿色建筑条例》", ["严格执行《广东省绿色建筑条例》"]),
        (
            "鼓励对同一省级区域内的项目统一规划、统一实施、统一核准（备案）",
            ["鼓励对同一省级区域内的项目统一规划、统一实施、统一核准（备案）"],
        ),
        ("推进“无废城市”建设，完善“两网融合”", ["推进“无废城市”建设", "完善“两网融合”"]),
        ('推进"无废城市"建设', ['推进"无废城市"建设']),
        # brackets the clause does not close are still its edge
        ("（推进绿色建筑", ["推进绿色建筑"]),
        ("推进绿色建筑）", ["推进绿色建筑"]),
        # an item's number is no part of it
        ("（1）推进绿色建筑", ["推进绿色建筑"]),
        ("（一）推进“无废城市”建设", ["推进“无废城市”建设"]),
        # a hedge with nothing after it to qualify stands alone
        ("坚持因地制宜", ["坚持因地制宜"]),
    ],
)
def test_a_clause_keeps_the_brackets_it_closes(sentence: str, clauses: list[str]) -> None:
    assert _clauses(sentence) == clauses


@pytest.mark.parametrize("period", ["“十四五”期间", '"十四五"期间', "十四五期间", "“十五五”时期"])
def test_a_quoted_plan_period_dates_the_clause_after_it(period: str) -> None:
    assert _clauses(f"{period}，推进既有建筑节能改造") == [f"{period}，推进既有建筑节能改造"]
