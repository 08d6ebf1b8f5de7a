"""A dated target the child sets in another sentence, in a clause alike enough to support
its restatement, dates the commitment where the parent sets none: strengthened, as one in
the restating sentence would. Guizhou's green-consumption plan against the national one
(evaluation/test/raw/) gives the shape."""

from __future__ import annotations

from tests.restatement.test_verdict import _compare

PARENT = "推动绿色建筑、低碳建筑规模化发展"


def _restated(child: str) -> tuple[str, tuple[str, ...]]:
    (r,) = [r for r in _compare(PARENT, child).commitments if r.parent.text == PARENT]
    return r.verdict.value, r.reasons


def test_a_dated_target_in_a_supporting_clause_strengthens() -> None:
    child = "积极推动绿色建筑、低碳建筑规模化发展。到2025年，城镇新建建筑全面执行绿色建筑标准。"
    verdict, reasons = _restated(child)
    assert verdict == "strengthened"
    # the reason names the clause the target stands in, outside the restating sentence
    assert reasons[0] == (
        "a dated target where the parent has none: 全面执行 "
        "(in 到2025年，城镇新建建筑全面执行绿色建筑标准)"
    )


def test_without_the_supporting_target_it_is_restated() -> None:
    verdict, _ = _restated("积极推动绿色建筑、低碳建筑规模化发展。")
    assert verdict == "restated"
