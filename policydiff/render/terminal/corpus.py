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


def _versions(summary: DocumentSummary) -> str:
    """A line per version: its key, "original", "partial"."""
    return "\n".join(
        " ".join([v.key, *(["original"] if v.kind == "original" else [])])
        + ("" if v.complete else " partial")
        for v in summary.versions
    )


def render_documents(summaries: Sequence[DocumentSummary], corpus: Path, console: Console) -> None:
    """The table of ``policydiff list``: an id is never cut (it is what the user types
    next), and its title wraps beneath it; each version has a line of its own, with its
    provisions and sentences beside it."""
    table = Table(
        title=f"{len(summaries)} documents in {corpus}",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        expand=True,
    )
    id_width = max((len(s.id) for s in summaries), default=2)
    versions = [_versions(s) for s in summaries]
    version_width = max((len(line) for v in versions for line in v.split("\n")), default=8)
    table.add_column("date", no_wrap=True, min_width=10)
    # the title under its id: the id is never cut, and the title wraps in the id's width
    # rather than in what the other columns leave, which may be nothing
    table.add_column("document", min_width=id_width, ratio=1, overflow="fold")
    table.add_column("versions", no_wrap=True)
    # one line per version, beside its key: versions of one document differ in size (a
    # partial translation, an original structured more finely than its translation);
    # short headers where the full ones would squeeze the id
    padding = 2 * 5
    short = console.width < 10 + id_width + version_width + len("provisionssentences") + padding
    table.add_column("prov." if short else "provisions", justify="right", no_wrap=True)
    table.add_column("sent." if short else "sentences", justify="right", no_wrap=True)
    for s, lines in zip(summaries, versions, strict=True):
        title = s.title if not s.title_zh or s.title_zh == s.title else f"{s.title}\n{s.title_zh}"
        document = Text(s.id, style="bold", no_wrap=True, overflow="fold")
        table.add_row(
            shown_date(s.date),
            Text("\n").join([document, Text(title, overflow="fold")]),
            lines,
            "\n".join(str(v.provisions) for v in s.versions),
            "\n".join(str(v.sentences) for v in s.versions),
        )
    console.print(table)
    note = dates_note(s.date for s in summaries)
    if note:
        console.print(Text(note, style="dim"))
