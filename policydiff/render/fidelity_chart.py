"""The fidelity heatmap: a parent's commitments x its children, one colour per verdict,
each cell its verdict's arrow (and ? for a verdict to check by reading).

Drawn with the charts' machinery (:func:`policydiff.render.charts.save_figure`: the
bundled CJK font, stable PNG and SVG bytes). At most
:data:`~policydiff.restatement.fidelity.MAX_CHART_ROWS` rows: the commitments the
children depart from most; every row is in the tables and the JSON.
"""

from __future__ import annotations

import re

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from policydiff.models import Document
from policydiff.render import chart_font
from policydiff.render.fidelity_formats import VERDICT_COLOURS, cell_mark
from policydiff.restatement.fidelity import Fidelity
from policydiff.restatement.verdict import RESTATEMENTS

COLOURS = tuple(VERDICT_COLOURS[v.value] for v in RESTATEMENTS)
LABEL_CHARS = 26


def chart_name(fidelity: Fidelity) -> str:
    return f"fidelity-{fidelity.parent.id}"


# a figure and its unit (a year is no figure), with the few words before it that say what
# moves (下降, 达到)
_AMOUNT = r"(?<![\d.])\d+(?:\.\d+)?(?![\d.]*年)(?:%|％|‰|个百分点|[^\s，、；。\d年]{0,7})"
_FIGURE = re.compile(r"[^，、；。\d年]{0,4}" + _AMOUNT)
# any number with what it counts, years too: what a cut must not fall inside
_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?:%|％|‰|个百分点|年|[^\s，、；。\d年]{0,7})")


def short_label(text: str) -> str:
    """A commitment in at most :data:`LABEL_CHARS` characters: its start, and its last
    figure when the cut would lose it (…本体达到83%): there the figure is the commitment.
    The cut never falls inside a number or between a number and its unit."""
    if len(text) <= LABEL_CHARS:
        return text
    figures = [m for m in _FIGURE.finditer(text) if m.end() > LABEL_CHARS - 1]
    tail = figures[-1].group(0) if figures else ""
    if len(tail) > LABEL_CHARS // 2:
        tail = ""
    cut = LABEL_CHARS - 1 - len(tail)
    inside = next((m for m in _NUMBER.finditer(text) if m.start() < cut < m.end()), None)
    if inside is not None and inside.start() > 0:
        cut = inside.start()
    return text[:cut] + "…" + tail


def _label(text: str, cjk: bool) -> str:
    text = short_label(text)
    if cjk and chart_font.drawable(text):
        return text
    return "".join("?" if chart_font.is_cjk(ch) else ch for ch in text)


def fidelity_figure(fidelity: Fidelity, cjk: bool = True) -> Figure:
    rows = fidelity.chart_rows()
    children = fidelity.children
    order = {v: i for i, v in enumerate(RESTATEMENTS)}
    grid = [[order[fidelity.cell(i, j).verdict] for j in range(len(children))] for i in rows]
    width = 4.5 + 1.1 * max(1, len(children))
    height = 1.6 + 0.24 * max(1, len(rows))
    fig = Figure(figsize=(width, height))
    FigureCanvasAgg(fig)  # drawn and saved as the charts are: with Agg
    ax = fig.add_subplot()
    ax.imshow(
        grid or [[0]], cmap=ListedColormap(COLOURS), vmin=0, vmax=len(COLOURS) - 1, aspect="auto"
    )
    ax.set_xticks(range(len(children)), [_column(c, cjk) for c in children], fontsize=8)
    ax.xaxis.tick_top()
    ax.set_yticks(
        range(len(rows)),
        [f"{fidelity.rows[i].provision_id}  {_label(fidelity.rows[i].text, cjk)}" for i in rows],
        fontsize=7,
    )
    for y, i in enumerate(rows):
        for x in range(len(children)):
            ax.text(x, y, cell_mark(fidelity.cell(i, x)), ha="center", va="center", fontsize=7)
    ax.set_title(
        f"How {len(children)} children restate {fidelity.parent.id}\n"
        f"({len(rows)} of {len(fidelity.rows)} commitments: those they depart from most)",
        fontsize=9,
        pad=24,
    )
    patches = [
        Patch(facecolor=c, edgecolor="#999", label=f"{v.arrow} {v.value}")
        for c, v in zip(COLOURS, RESTATEMENTS, strict=True)
    ] + [Patch(facecolor="none", edgecolor="none", label="? to check by reading")]
    ax.legend(
        handles=patches,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.005),
        ncols=5,
        fontsize=8,
        frameon=False,
    )
    return fig


def _column(document: Document, cjk: bool) -> str:
    """A child's column: its jurisdiction where it has one (上海市), else its id."""
    if document.jurisdiction and cjk and chart_font.drawable(document.jurisdiction):
        return document.jurisdiction
    return _label(document.id, cjk)[:18]


def draw_fidelity(fidelity: Fidelity, cjk: bool = True) -> dict[str, bytes]:
    """``fidelity-PARENT.png`` and ``.svg``."""
    from policydiff.render.charts import save_figure

    return save_figure(chart_name(fidelity), lambda: fidelity_figure(fidelity, cjk), cjk=cjk)
