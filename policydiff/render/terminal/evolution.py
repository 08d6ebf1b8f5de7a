"""The evolution in the terminal: an overview table, or one theme's timeline with evidence."""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from policydiff.analysis.model import Change, Evolution, Point, ThemeEvolution
from policydiff.analysis.verdicts import Verdict
from policydiff.models import shown_date
from policydiff.render.view import (
    NO_CHANGE,
    GlanceMove,
    draws_changes,
    english_beside,
    glance_moves,
    interleaves_series,
    order_note,
    other_evidence,
    representative,
    target_text,
)

VERDICT_COLOUR = {
    Verdict.STRENGTHENED: "green",
    Verdict.WEAKENED: "red",
    Verdict.UNCHANGED: "yellow",
    Verdict.ADDED: "cyan",
    Verdict.DROPPED: "magenta",
    Verdict.ABSENT: "dim",
}


def cue_label(point: Point) -> str:
    """'大力推广 (vigorously promote)' when scored on the original, else the English cue."""
    if not point.present:
        return "absent"
    cue = point.cue or "no cue"
    if point.lang == "zh" and point.cue_en:
        return f"{cue} ({point.cue_en})"
    return cue


def verdict_text(change: Change) -> Text:
    mark, style = change.verdict.arrow, VERDICT_COLOUR[change.verdict]
    label = f"{mark} {change.verdict}"
    if change.delta is not None and change.delta != 0:
        label += f" {change.delta:+.1f}"
    return Text(label, style=style)


def _cell(point: Point, move: GlanceMove | None, width: int) -> Text:
    text = Text()
    if move is not None and move.gap:
        text.append("gap ", style="dim")
    elif move is not None:
        mark, style = move.change.verdict.arrow, VERDICT_COLOUR[move.change.verdict]
        text.append(f"{mark} ", style=style)
    if not point.present:
        return text.append("–", style="dim")
    cue = point.cue_en or point.cue or "no cue"
    if len(cue) > width:
        cue = cue[: width - 1] + "…"
    return text.append(f"{point.strength:.1f} {cue}")


def render_overview(
    evolution: Evolution, console: Console, *, cue_width: int | None = None
) -> None:
    """One row per theme, its id whole (it is what the user types next), one column per
    document; the cues get what is left of the terminal's width."""
    drawn = draws_changes(evolution)
    previous = "the previous document" + (" of its series" if interleaves_series(evolution) else "")
    table = Table(
        box=box.SIMPLE_HEAD,
        title=f"Theme evolution: strength, English cue, ▲▼ verdict from {previous}"
        if drawn
        else "Theme evolution: strength and English cue per document",
        title_justify="left",
    )
    id_width = max((len(t.id) for t in evolution.themes), default=5)
    table.add_column("theme", no_wrap=True, min_width=id_width)
    if cue_width is None:
        columns = max(len(evolution.documents), 1)
        room = console.width - id_width - 2 - 3 * columns
        cue_width = max(12, room // columns - 7)
    for document in evolution.documents:
        table.add_column(shown_date(document.date), no_wrap=True, overflow="ellipsis")
    for theme in evolution.themes:
        # changes join documents of one series only: look each up, never count on position
        into = {m.change.to_document: m for m in glance_moves(theme)}
        cells = [_cell(point, into.get(point.document), cue_width) for point in theme.points]
        table.add_row(theme.id, *cells)
    console.print(table)
    rate = evolution.agreement.rate
    if rate is not None:
        console.print(
            f"English/Chinese level agreement: {evolution.agreement.same_level} of "
            f"{evolution.agreement.compared} commitments ({rate:.0%}).",
            highlight=False,
        )
    legend = "Strength is an ordinal reading of directive wording (see docs/strength.md)" + (
        "; ▲ strengthened ▼ weakened = unchanged + added − dropped." if drawn else f". {NO_CHANGE}"
    )
    if any(t.gaps for t in evolution.themes):
        legend += (
            " gap: not mentioned between two mentions of its series; the mark after a gap "
            "compares with the last mention."
        )
    console.print(legend, style="dim", highlight=False)


def _highlight(sentence: str, span: tuple[int, int], cue: str) -> Text:
    text = Text(sentence)
    text.stylize("bold underline", *span)
    if cue:
        at = sentence.find(cue)
        if at >= 0:
            text.stylize("bold cyan", at, at + len(cue))
    return text


def render_theme(
    theme: ThemeEvolution, evolution: Evolution, console: Console, *, limit: int = 3
) -> None:
    titles = {d.id: d for d in evolution.documents}
    out_of = {c.from_document: c for c in theme.changes}
    gap_from = {c.from_document: c for c in theme.since_last if c.skipped}
    inside_gaps = {d for c in theme.since_last for d in c.skipped}
    console.print(Text(f"{theme.label} · {theme.label_zh} ({theme.id})", style="bold"))
    for point in theme.points:
        document = titles[point.document]
        header = Text(f"\n{shown_date(point.date)}  {document.title}\n", style="bold")
        console.print(header, end="")
        if not point.present:
            console.print(Text("  absent: no mention of the theme", style="dim"))
        else:
            console.print(
                f"  strength {point.strength:.1f} ({point.level}) · cue {cue_label(point)} · "
                f"{point.mentions} mention{'s' if point.mentions != 1 else ''}",
                highlight=False,
            )
            for target in point.targets:
                console.print(f"  target: {target_text(target)}", highlight=False)
            # the sentence the strength rests on first (and its English beside it), then
            # the others in text order
            rep = representative(point)
            leading = [e for e in (rep, english_beside(point, rep)) if e is not None]
            ordered = [*leading, *other_evidence(point)]
            shown = ordered[: max(limit, len(leading))]
            for evidence in shown:
                mention, score = evidence.mention, evidence.score
                version = (
                    mention.lang if mention.version_key == mention.lang else mention.version_key
                )
                section = mention.location.split(" > ")[-1]
                console.print(
                    Text(
                        f"  {version} · {section} · {score.cue or 'no cue'} {score.strength:.1f}",
                        style="dim",
                    )
                )
                console.print(
                    Text("    ").append(_highlight(mention.sentence, evidence.span, score.cue))
                )
            if len(ordered) > len(shown):
                console.print(
                    Text(
                        f"  … {len(ordered) - len(shown)} more (use --format json for all)",
                        style="dim",
                    )
                )
            for caveat in point.caveats:
                console.print(Text(f"  note: {caveat}", style="yellow"))
        change = out_of.get(point.document)
        gap = gap_from.get(point.document)
        if gap is not None:
            # the comparison across the gap leads; the contract's verdicts to the next
            # document (a drop, then an addition) follow, dimmed
            line = Text(
                f"  → since this mention, in {gap.to_document} "
                f"(not mentioned in {', '.join(gap.skipped)}): "
            ).append(verdict_text(gap))
            line.append(f"  {gap.from_cue or '–'} → {gap.to_cue or '–'}")
            console.print(line)
        if change is not None and (gap is not None or point.document in inside_gaps):
            console.print(Text(f"    document to next document: {change.verdict}", style="dim"))
        elif change is not None:
            # where series interleave, the next listed may be of another series
            ahead = (
                f"next of its series, {change.to_document}"
                if interleaves_series(evolution)
                else "next"
            )
            line = Text(f"  → {ahead}: ").append(verdict_text(change))
            if change.from_cue or change.to_cue:
                line.append(f"  {change.from_cue or '–'} → {change.to_cue or '–'}")
            if note := order_note(evolution, change):
                line.append(f"  ({note})", style="yellow")
            console.print(line)
    if not draws_changes(evolution):
        console.print(Text(f"\n{NO_CHANGE}", style="dim"))
