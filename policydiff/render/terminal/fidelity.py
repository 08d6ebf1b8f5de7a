"""The fidelity matrix in the terminal: one row per parent commitment, one column per
child, the verdict's arrow in its colour (and ? for a verdict to check); each child's
shares first."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from policydiff.render.fidelity_formats import cell_mark, parent_mark, percents, shares_note
from policydiff.render.terminal.restatement import STYLES
from policydiff.restatement.fidelity import Fidelity
from policydiff.restatement.verdict import RESTATEMENTS


def short_names(ids: Sequence[str]) -> list[str]:
    """Each id by its first part (shanghai-chengxiangjianshe-tandafeng: shanghai), with as
    many more parts as it takes for no two children to bear one name."""
    parts = [i.split("-") for i in ids]
    taken = [1] * len(ids)
    while True:
        names = ["-".join(p[:k]) for p, k in zip(parts, taken, strict=True)]
        alike = {n for n in names if names.count(n) > 1}
        longer = [k for k, n in enumerate(names) if n in alike and taken[k] < len(parts[k])]
        if not longer:
            return names
        for k in longer:
            taken[k] += 1


def print_fidelity(f: Fidelity, console: Console) -> None:
    console.print(
        Text(
            f"{f.parent.id}: {len(f.rows)} commitments, {len(f.comparisons)} children",
            style="bold",
        )
    )
    names = short_names([child.id for child in f.children])
    # each child by the name its column of the matrix bears, the ids after the table: a
    # long id in a column folds every row in a narrow terminal
    shares = Table(box=box.SIMPLE_HEAD)
    shares.add_column("child", no_wrap=True)
    for v in RESTATEMENTS:
        shares.add_column(v.value, justify="right", min_width=len(v.value))
    shares.add_column("added", justify="right")
    shares.add_column("to check", justify="right", min_width=len("to check"))
    shares.add_column("parent")
    for j, c in enumerate(f.comparisons):
        row = percents(f.counts(j))
        shares.add_row(
            names[j],
            *[f"{row[v.value]}%" for v in RESTATEMENTS],
            str(c.summary["added"]),
            str(c.to_check),
            parent_mark(c),
        )
    console.print(shares)
    console.print(Text(shares_note(f), style="dim"))
    ids = [child.id for child in f.children]
    if names != ids:
        console.print(Text(f"ids: {', '.join(ids)}", style="dim"))
    matrix = Table(box=box.SIMPLE_HEAD, expand=True)
    # a clause in Chinese is one long "word" to rich: fold it, never crop it
    matrix.add_column("commitment", ratio=1, overflow="fold")
    matrix.add_column("where", no_wrap=True)
    for name in names:
        matrix.add_column(name, justify="center", no_wrap=True)
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
