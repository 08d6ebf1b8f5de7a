"""The fidelity matrix in the terminal: one row per parent commitment, one column per
child, the verdict's arrow in its colour (and ? for a verdict to check); each child's
shares first."""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from policydiff.render.fidelity_formats import cell_mark
from policydiff.render.terminal.restatement import STYLES
from policydiff.restatement.fidelity import Fidelity
from policydiff.restatement.verdict import RESTATEMENTS


def print_fidelity(f: Fidelity, console: Console) -> None:
    console.print(
        Text(
            f"{f.parent.id}: {len(f.rows)} commitments, {len(f.comparisons)} children",
            style="bold",
        )
    )
    shares = Table(box=box.SIMPLE_HEAD)
    shares.add_column("child", no_wrap=True)
    for v in RESTATEMENTS:
        shares.add_column(v.value, justify="right")
    shares.add_column("added", justify="right")
    shares.add_column("to check", justify="right")
    for j, c in enumerate(f.comparisons):
        row = f.shares(j)
        shares.add_row(
            c.child.document.id,
            *[f"{row[v.value]:.0%}" for v in RESTATEMENTS],
            str(c.summary["added"]),
            str(c.to_check),
        )
    console.print(shares)
    matrix = Table(box=box.SIMPLE_HEAD, expand=True)
    matrix.add_column("commitment", ratio=1)
    matrix.add_column("where", no_wrap=True)
    for child in f.children:
        matrix.add_column(child.id.split("-")[0], justify="center", no_wrap=True)
    for i, clause in enumerate(f.rows):
        cells = [
            Text(cell_mark(f.cell(i, j)), style=STYLES[f.cell(i, j).verdict])
            for j in range(len(f.children))
        ]
        matrix.add_row(Text(clause.text), clause.provision_id, *cells)
    console.print(matrix)
    console.print(
        Text(
            "▲ strengthened  ▼ weakened  = restated  − omitted  ? to check by reading",
            style="dim",
        )
    )
