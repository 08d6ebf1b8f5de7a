"""Themes and alignments in the terminal (rich): read computed records, never compute."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from policydiff.analysis.mentions import DocumentMentions, MatrixReport, counted_versions
from policydiff.diff.align import AlignmentReport
from policydiff.themes.catalogue import Theme
from policydiff.themes.discover import Candidate

ABSENT = "–"


def _truncate(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render_matrix(report: MatrixReport, console: Console) -> None:
    """Rows: themes (catalogue order); columns: documents (date order); cells: sentences."""
    m = report.matrix
    table = Table(
        title=f"{len(report.themes)} themes x {len(report.documents)} documents "
        "(sentences mentioning the theme)",
        title_justify="left",
        box=box.SIMPLE_HEAD,
    )
    id_width = max((len(t.id) for t in report.themes), default=5)
    table.add_column("theme", no_wrap=True, min_width=id_width)
    for d in report.documents:
        table.add_column(d.shown_date, justify="right", no_wrap=True, min_width=len(d.shown_date))
    # the label only when the terminal leaves room for it: counts come first
    room = console.width - (id_width + 2) - 12 * len(report.documents) - 4
    with_label = room >= 12
    if with_label:
        table.add_column("label", no_wrap=True, overflow="ellipsis", max_width=room)
    for i, theme in enumerate(report.themes):
        cells: list[Text | str] = [str(n) if n else Text(ABSENT, style="dim") for n in m.counts[i]]
        label = [theme.label] if with_label else []
        table.add_row(Text(theme.id, style="bold"), *cells, *label)
    console.print(table)
    for d in report.documents:
        console.print(f"{d.shown_date} = {d.id} · {d.title}", soft_wrap=True)
    hidden = [i for i in report.not_found if i not in set(m.themes)]
    if hidden:
        console.print(
            f"{len(hidden)} catalogue themes not found in any document "
            f"(--all shows them): {', '.join(hidden)}",
            soft_wrap=True,
        )
    elif report.not_found:
        console.print(f"{len(report.not_found)} catalogue themes not found in any document")
    else:
        console.print("every catalogue theme is mentioned at least once")


def _say(console: Console, *objects: Any) -> None:
    """One logical line: the terminal wraps it, rich does not break it."""
    console.print(*objects, soft_wrap=True)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _highlight(sentence: str, start: int, end: int) -> Text:
    text = Text(sentence)
    if 0 <= start < end <= len(sentence):
        text.stylize("bold reverse", start, end)
    return text


def render_theme_timeline(
    theme: Theme, groups: Sequence[DocumentMentions], console: Console
) -> None:
    """Every mention of ``theme``: per document, per version, sentence with the span bold."""
    # counted as the matrix and the report count: a document's translation beside its
    # original does not double its mentions
    counted = sum(g.counted for g in groups)
    _say(
        console,
        Text.assemble(
            (theme.id, "bold"),
            f" · {theme.label} · {theme.label_zh} · {_plural(counted, 'mention')} in "
            f"{sum(1 for g in groups if g.counted)} of {len(groups)} documents",
        ),
    )
    for g in groups:
        d = g.document
        counted_in = counted_versions(d)
        _say(console)
        _say(console, Text(f"{d.shown_date} {d.id} · {d.title}", style="bold underline"))
        if not g.total:
            _say(console, f"  {ABSENT} not mentioned")
            continue
        for v in g.versions:
            version = v.version
            sentences = {(m.provision_id, m.sentence_index) for m in v.mentions}
            _say(
                console,
                Text(
                    f"  [{version.key}] {version.lang} {version.kind}"
                    f"{'' if version.complete else ' (partial)'}: {_plural(len(sentences), 'mention')}"
                    f"{'' if version.key in counted_in else ' (not counted: the document is read in its complete versions)'}",
                    style="italic",
                ),
            )
            for m in v.mentions:
                _say(
                    console,
                    Text.assemble(
                        "    ",
                        (f"{m.provision_id}#{m.sentence_index}", "cyan"),
                        f"  {m.location}  ",
                        f"score {m.score:.1f}  matched: {m.matched}",
                    ),
                )
                line = Text("      ")
                line.append_text(_highlight(m.sentence, m.start, m.end))
                _say(console, line)


def render_candidates(candidates: Sequence[Candidate], console: Console) -> None:
    """Candidate themes with their top terms and member sentences."""
    if not candidates:
        _say(console, "no candidate themes spanning two or more documents")
        return
    _say(
        console,
        f"{len(candidates)} candidate themes spanning two or more documents "
        "(review before adding to a catalogue)",
    )
    for c in candidates:
        _say(console)
        _say(
            console,
            Text.assemble(
                (c.id, "bold"),
                f" [{c.lang}] {len(c.members)} sentences in {len(c.documents)} documents, "
                f"cohesion {c.cohesion:.2f}",
            ),
        )
        _say(console, f"  terms: {', '.join(c.terms) or ABSENT}")
        for m in c.members:
            where = f"{m.document_id} {m.provision_id}" + (
                f"#{m.sentence_index}" if m.sentence_index else ""
            )
            _say(console, Text.assemble("  ", (where, "cyan"), f"  {_truncate(m.text, 120)}"))


def render_alignment(report: AlignmentReport, console: Console, *, width: int = 40) -> None:
    """The pairs of an alignment and its quality summary line."""
    a, b = report.a, report.b
    table = Table(
        title=f"A = {a.document_id}:{a.version.key}   B = {b.document_id}:{b.version.key}",
        title_justify="left",
        box=box.SIMPLE_HEAD,
    )
    table.add_column("A", no_wrap=True)
    table.add_column("B", no_wrap=True)
    table.add_column("relation", no_wrap=True)
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("A heading", ratio=1)
    table.add_column("B heading", ratio=1)
    styles = {"added": "green", "removed": "red", "moved": "yellow"}
    for r in report.rows:
        table.add_row(
            r.a_id or ABSENT,
            r.b_id or ABSENT,
            Text(r.relation, style=styles.get(r.relation, "")),
            f"{r.score:.2f}" if r.a_id and r.b_id else ABSENT,
            _truncate(r.a_title, width),
            _truncate(r.b_title, width),
        )
    console.print(table)
    console.print(alignment_summary_line(report), soft_wrap=True)


def alignment_summary_line(report: AlignmentReport) -> str:
    relations = ", ".join(f"{n} {r}" for r, n in report.relations.items() if n)
    return (
        f"mean score {report.mean_score:.3f} · unmatched: {report.unmatched_a} in A "
        f"({len(report.a.provisions)} provisions), {report.unmatched_b} in B "
        f"({len(report.b.provisions)} provisions) · {relations or 'no pairs'}"
    )
