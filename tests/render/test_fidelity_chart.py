"""The fidelity heatmap of the example lineage marks, in each cell it draws, the verdict's
arrow and ? for a verdict to check, as the matrix's tables do."""

from __future__ import annotations

import pytest

from policydiff.corpus import load_corpus
from policydiff.render.fidelity_chart import LABEL_CHARS, fidelity_figure, short_label
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


@pytest.mark.parametrize(
    ("clause", "label"),
    [
        # the ministry's plan: where the figure is the commitment, the label keeps it
        (
            "2030年前严寒、寒冷地区新建居住建筑本体达到83%节能要求",
            "2030年前严寒、寒冷地区新建居住建…本体达到83%",
        ),
        # the cut falls before 2020 rather than inside it
        (
            "到2030年城市供热管网热损失比2020年下降5个百分点",
            "到2030年城市供热管网热损失比…下降5个百分点",
        ),
        # nor between 50 and its unit
        (
            "每个组团面积不超过50平方公里，组团内平均人口密度原则上不超过1万人/平方公里",
            "每个组团面积不超过…上不超过1万人/平方公里",
        ),
        # a year is no figure to keep: without one past the cut, the start
        (
            "推进城市绿色照明，加强城市照明规划、设计、建设运营全过程管理，力争到2030年实现",
            "推进城市绿色照明，加强城市照明规划、设计、建设运营…",
        ),
        ("推动低碳建筑规模化发展", "推动低碳建筑规模化发展"),
        ("1" * 29, "1" * 25 + "…"),  # one long number: cut, rather than left empty
    ],
)
def test_a_row_label_keeps_the_figure_a_cut_would_lose(clause: str, label: str) -> None:
    assert short_label(clause) == label
    assert len(label) <= LABEL_CHARS
