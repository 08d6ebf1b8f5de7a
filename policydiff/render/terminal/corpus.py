"""What the corpus holds, in the terminal: one row per document, ids whole."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from policydiff.corpus.summary import DocumentSummary
from policydiff.models import shown_date
from policydiff.render.dates import dates_note


def render_documents(summaries: Sequence[DocumentSummary], corpus: Path, console: Console) -> None:
    """The table of ``policydiff list``: an id is never cut (it is what the user types
    next); titles wrap in what is left of the terminal's width."""
    table = Table(
        title=f"{len(summaries)} documents in {corpus}",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        expand=True,
    )
    id_width = max((len(s.id) for s in summaries), default=2)
    table.add_column("date", no_wrap=True, min_width=10)
    table.add_column("id", no_wrap=True, min_width=id_width, style="bold")
    table.add_column("title", ratio=1, min_width=16)
    table.add_column("versions", no_wrap=True)
    table.add_column("size", justify="right", no_wrap=True)
    for s in summaries:
        versions = "\n".join(
            " ".join([v.key, *(["original"] if v.kind == "original" else [])])
            + ("" if v.complete else " partial")
            for v in s.versions
        )
        title = s.title if not s.title_zh or s.title_zh == s.title else f"{s.title}\n{s.title_zh}"
        table.add_row(
            shown_date(s.date),
            s.id,
            Text(title),
            versions,
            f"{s.primary.provisions} provisions\n{s.primary.sentences} sentences",
        )
    console.print(table)
    note = dates_note(s.date for s in summaries)
    if note:
        console.print(Text(note, style="dim"))
