"""A restatement in the terminal: each parent commitment beside the child's, word diff
in colour (deleted words red and struck through on the parent's side, inserted words
green on the child's; ``[-…-]`` and ``{+…+}`` without colour), the verdict and why (a verdict to check says so, and what to
check); then the child's additions."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from policydiff.diff.ops import TokenOp
from policydiff.render.restatement_lines import (
    checking,
    child_place,
    citation_line,
    cue_note,
    document_names,
    documents_line,
    in_side_words,
    note_lines,
    row_doubt,
    second_mention_items,
    second_mentions_heading,
    shared_doubt,
    side_names,
)
from policydiff.restatement.compare import EVERYTHING, Comparison, Restated, Selection
from policydiff.restatement.verdict import Restatement

STYLES = {
    Restatement.RESTATED: "",
    Restatement.STRENGTHENED: "bold green",
    Restatement.WEAKENED: "bold red",
    Restatement.OMITTED: "bold yellow",
}


def plain(console: Console) -> bool:
    """Whether ``console`` writes without colour (piped, ``--no-color``): a word diff then
    marks deletions ``[-old-]`` and insertions ``{+new+}``, as ``git diff
    --word-diff=plain`` does."""
    return console.no_color or console.color_system is None


def sides(ops: Sequence[TokenOp], marked: bool = False) -> tuple[Text, Text]:
    """The parent's and the child's clause with the word diff in colour, or ``marked`` in
    plain text."""
    old, new = Text(), Text()
    for op in ops:
        if op.op == "equal":
            old.append(op.old)
            new.append(op.new)
            continue
        if op.old:
            old.append(f"[-{op.old}-]" if marked else op.old, style="" if marked else "red strike")
        if op.new:
            new.append(f"{{+{op.new}+}}" if marked else op.new, style="" if marked else "green")
    return old, new


def _pair(r: Restated, marked: bool) -> tuple[Text, Text]:
    if r.child is None:
        return Text(r.parent.text), Text("—", style="dim")
    if r.ops:
        return sides(r.ops, marked)
    return Text(r.parent.text), Text(r.child.text)


def print_restatement(
    comparison: Comparison, console: Console, shown: Selection = EVERYTHING
) -> None:
    """The comparison, the parts of it ``shown`` keeps."""
    p, c = document_names(comparison)
    console.print(Text(f"{p} → {c}", style="bold"))
    console.print(Text(documents_line(comparison)))
    console.print(Text(citation_line(comparison), style="dim"))
    for note in note_lines(comparison):
        console.print(Text(note, style="dim"))
    summary = comparison.summary
    console.print(
        Text(
            "  ".join(f"{name} {count}" for name, count in summary.items()),
            style="bold",
        )
    )
    console.print(Text(checking(comparison, "check"), style="dim"))
    table = Table(box=box.SIMPLE_HEAD, expand=True, show_lines=False)
    table.add_column("", no_wrap=True)
    # a clause in Chinese is one long "word" to rich: fold it, never crop it
    # the first line names both documents; a heading of an id would fold or be cropped
    old_side, new_side = side_names(comparison)
    table.add_column(old_side, ratio=1, overflow="fold")
    table.add_column(new_side, ratio=1, overflow="fold")
    table.add_column("why", ratio=1, overflow="fold")
    shared = shared_doubt(comparison)
    marked = plain(console)
    for r in comparison.commitments:
        if not shown.keeps(r):
            continue
        old, new = _pair(r, marked)
        old.append(f"\n{r.parent.location}", style="dim")
        if place := child_place(r):
            new.append(f"\n{place}", style="dim")
        why = Text(in_side_words(comparison, "; ".join(r.reasons)), style="dim")
        label = Text(f"{r.verdict.arrow} {r.verdict.value}", style=STYLES[r.verdict])
        if not r.confidence.sure:
            label.append("\ncheck", style="italic")
        if doubt := row_doubt(comparison, r, shared):
            why.append(f"\ncheck: {doubt}", style="italic")
        table.add_row(label, old, new, why)
    console.print(table)
    if comparison.additions and shown.additions:
        console.print(Text(f"additions of {c} ({len(comparison.additions)}):", style="bold"))
        for clause in comparison.additions:
            console.print(Text(f"  + {clause.text}{cue_note(clause)} — {clause.location}"))
    mentions = second_mention_items(comparison) if shown.additions else []
    if mentions:
        console.print(Text(second_mentions_heading(comparison), style="bold"))
        for text, cue, where in mentions:
            console.print(Text(f"  = {text}{cue} — {where}"))
