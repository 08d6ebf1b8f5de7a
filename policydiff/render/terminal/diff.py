"""A :class:`policydiff.diff.DocumentDiff` for the terminal (rich).

Deleted tokens are red and struck through, inserted ones green.  Without colour (piped,
``--no-color``) deletions read ``[-old-]`` and insertions ``{+new+}``, as in
``git diff --word-diff=plain``.  Document text is appended as plain :class:`rich.text.Text`,
never parsed as markup.
"""

from __future__ import annotations

import io

from rich.console import Console
from rich.text import Text

from policydiff.diff import CueChange, DocumentDiff, ProvisionDiff, ProvisionRef, elide
from policydiff.render.diff_formats import (
    Side,
    across_lines,
    cue_reading,
    cue_verdict,
    lone_provisions,
    partial_lines,
    ref_note,
    summary_line,
)
from policydiff.render.terminal.restatement import STYLES, plain

DEFAULT_CONTEXT = 12
_STYLES = {verdict.value: style for verdict, style in STYLES.items()}  # compare's colours
DELETE_STYLE = "red strike"
INSERT_STYLE = "green"


def _title(diff: DocumentDiff) -> Text:
    old = f"{diff.old_document}:{diff.old_version}"
    new = f"{diff.new_document}:{diff.new_version}"
    text = Text(f"{old} → {new}", style="bold")
    if diff.theme:
        text.append(f"  theme {diff.theme}")
    return text


def pair_header(pair: ProvisionDiff) -> Text:
    heading = pair.old_heading or pair.new_heading
    if pair.new_heading and pair.new_heading != heading:
        heading = f"{heading} → {pair.new_heading}" if heading else pair.new_heading
    text = Text(f"[{pair.old_id} → {pair.new_id}]", style="bold cyan")
    if heading:
        text.append(f" {heading}", style="bold")
    extra = f" {pair.relation}" if pair.relation != "matched" else ""
    text.append(f"  score {pair.score:.2f} · similarity {pair.ratio:.2f}{extra}", style="dim")
    return text


def pair_body(pair: ProvisionDiff, lang: str, context: int, marked: bool) -> Text:
    text = Text()
    for op in elide(pair.ops, context, lang):
        if op.op in ("equal", "elided"):
            text.append(op.old, style="dim" if op.op == "elided" else "")
            continue
        if op.old:
            if marked:
                text.append(f"[-{op.old}-]")
            else:
                text.append(op.old, style=DELETE_STYLE)
        if op.new:
            if marked:
                text.append(f"{{+{op.new}+}}")
            else:
                text.append(op.new, style=INSERT_STYLE)
    return text


def cue_line(change: CueChange, indent: str = "  ") -> Text:
    style = _STYLES.get(change.verdict.value) or "bold"
    text = Text(indent)
    text.append(cue_verdict(change), style=style)
    text.append(cue_reading(change))
    return text


def _ref_line(ref: ProvisionRef, side: Side, diff: DocumentDiff) -> Text:
    sign = "+" if side == "added" else "-"
    text = Text(f"  {sign} [{ref.id}] ", style="green" if sign == "+" else "red")
    text.append(ref.location if ref.location != ref.id else (ref.heading or ref.text[:60]))
    text.append(ref_note(ref, side, diff), style="dim")
    return text


def print_diff(diff: DocumentDiff, console: Console, *, context: int = DEFAULT_CONTEXT) -> None:
    console.print(_title(diff), soft_wrap=False)
    for line in (*across_lines(diff), *partial_lines(diff)):
        console.print(line, style="dim", markup=False, highlight=False)
    console.print(summary_line(diff))
    for pair in diff.pairs:
        console.print()
        console.print(pair_header(pair))
        console.print(pair_body(pair, diff.lang, context, plain(console)))
        for change in pair.cue_changes:
            console.print(cue_line(change))
    if diff.unchanged_count:
        console.print()
        n = diff.unchanged_count
        console.print(f"{n} unchanged provision{'' if n == 1 else 's'} folded", style="dim")
    for side, refs in lone_provisions(diff):
        if refs:
            console.print()
            n = len(refs)
            console.print(f"{n} provision{'' if n == 1 else 's'} {side}:", style="bold")
            for ref in refs:
                console.print(_ref_line(ref, side, diff))
                for change in ref.cue_changes:
                    console.print(cue_line(change, "      "))


def diff_text(diff: DocumentDiff, *, width: int = 80, context: int = DEFAULT_CONTEXT) -> str:
    """The terminal rendering without colour at a fixed width: byte-stable plain text."""
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        color_system=None,
        force_terminal=False,
        no_color=True,
        highlight=False,
        emoji=False,
        legacy_windows=False,
    )
    print_diff(diff, console, context=context)
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"
