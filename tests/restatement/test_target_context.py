"""A parent clause that is a target of its own is restated only by a child clause whose own
numbers measure its indicator, each side's number read in its context, its clause with the
one before (:func:`policydiff.restatement.align.similarity_matrix`): Hebei's 到2025年城市建成区
路网密度达到9公里/平方公里以上, after the ministry's own 合理布局城市快速干线交通…设施, is its
主城区道路网密度应大于8公里/平方公里 raised (evaluation/test/corpus)."""

from __future__ import annotations

from tests.restatement.test_verdict import _compare

LAYOUT = "合理布局城市快速干线交通、生活性集散交通和绿色慢行交通设施"
DENSITY = "主城区道路网密度应大于8公里/平方公里"


def _density(child: str) -> tuple[str | None, str]:
    comparison = _compare(f"{LAYOUT}，{DENSITY}", child)
    restated = next(r for r in comparison.commitments if r.parent.text == DENSITY)
    return (restated.child.text if restated.child else None), restated.verdict.value


def test_the_density_read_in_its_context_is_the_parents_indicator() -> None:
    child, verdict = _density(f"{LAYOUT}，到2025年城市建成区路网密度达到9公里/平方公里以上")
    assert child == "到2025年城市建成区路网密度达到9公里/平方公里以上"
    assert verdict == "strengthened"


def test_a_number_of_another_indicator_in_the_same_context_restates_nothing() -> None:
    child, verdict = _density(f"{LAYOUT}，到2025年城市建成区公交站点覆盖率达到90%")
    assert child is None and verdict == "omitted"
