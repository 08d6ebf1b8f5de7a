"""The fidelity heatmap of the example lineage marks, in each cell it draws, the verdict's
arrow and ? for a verdict to check, as the matrix's tables do."""

from __future__ import annotations

from policydiff.corpus import load_corpus
from policydiff.render.fidelity_chart import fidelity_figure
from policydiff.restatement.fidelity import lineage_fidelities
from policydiff.themes import load_catalogue
from tests.conftest import LINEAGE


def test_each_drawn_cell_carries_its_arrow_and_the_mark_of_a_verdict_to_check() -> None:
    [matrix] = lineage_fidelities(load_corpus(LINEAGE), load_catalogue())
    figure = fidelity_figure(matrix, cjk=False)
    [axes] = figure.axes
    drawn = [t.get_text() for t in axes.texts]
    rows, columns = matrix.chart_rows(), range(len(matrix.children))
    cells = [matrix.cell(i, j) for i in rows for j in columns]
    assert drawn == [c.verdict.arrow + ("" if c.confidence.sure else "?") for c in cells]
    assert 0 < sum(d.endswith("?") for d in drawn) < len(drawn)
    legend = axes.get_legend()
    assert legend is not None
    assert "? to check by reading" in [t.get_text() for t in legend.get_texts()]
