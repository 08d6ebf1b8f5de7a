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
    # headings whole, an id folded rather than cropped where the terminal is narrow
    shares = Table(box=box.SIMPLE_HEAD)
    shares.add_column("child", overflow="fold")
    for v in RESTATEMENTS:
        shares.add_column(v.value, justify="right", min_width=len(v.value))
    shares.add_column("added", justify="right")
    shares.add_column("to check", justify="right", min_width=len("to check"))
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
    # a clause in Chinese is one long "word" to rich: fold it, never crop it
    matrix.add_column("commitment", ratio=1, overflow="fold")
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
