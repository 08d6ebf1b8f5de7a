"""A restatement (``compare PARENT CHILD --format markdown|html``): each parent commitment
beside the child's, the word diff marked (``[-…-]``/``{+…+}`` in Markdown, ``<del>``/
``<ins>`` in HTML), the verdict and why (and, for a verdict to check, the doubt:
:mod:`policydiff.restatement.confidence`); then the child's additions and its second
mentions."""

from __future__ import annotations

import html
from collections.abc import Sequence

from policydiff.diff.ops import TokenOp
from policydiff.render.html_text import ops_html
from policydiff.render.md_text import md
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
    sentences,
    shared_doubt,
    side_names,
)
from policydiff.restatement.compare import EVERYTHING, Comparison, Restated, Selection


def _md_ops(ops: Sequence[TokenOp]) -> str:
    out = []
    for op in ops:
        if op.op == "equal":
            out.append(md(op.old))
            continue
        if op.old:
            out.append(f"[-{md(op.old)}-]")
        if op.new:
            out.append(f"{{+{md(op.new)}+}}")
    return "".join(out)


def _verdict(r: Restated) -> str:
    return f"{r.verdict.arrow} {r.verdict.value}{'' if r.confidence.sure else ' (check)'}"


def _why(comparison: Comparison, r: Restated, shared: str) -> str:
    """The verdict's reasons, and the doubt of one to check, naming the sides as the
    columns do."""
    why = in_side_words(comparison, "; ".join(r.reasons))
    doubt = row_doubt(comparison, r, shared)
    return f"{why}. Check: {doubt}" if doubt else why


def restatement_markdown(comparison: Comparison, shown: Selection = EVERYTHING) -> str:
    p, c = document_names(comparison)
    summary = ", ".join(f"{n} {k}" for k, n in comparison.summary.items())
    lines = [
        f"# How `{c}` restates `{p}`",
        "",
        f"{md(documents_line(comparison))}; {md(citation_line(comparison))}.",
        "",
        *(line for note in note_lines(comparison) for line in (md(note) + ".", "")),
        f"**{summary}.** {md(checking(comparison))}",
        "",
        "| verdict | {} → {} (word diff) | where | why |".format(*map(md, side_names(comparison))),
        "|---|---|---|---|",
    ]
    shared = shared_doubt(comparison)
    for r in comparison.commitments:
        if not shown.keeps(r):
            continue
        text = _md_ops(r.ops) if r.ops else md(r.parent.text)
        if r.child is not None and not r.ops:
            text += f" → {md(r.child.text)}"
        if wider := sentences(r):
            text += " (in: " + " → ".join(md(s) for s in wider) + ")"
        place = child_place(r)
        where = md(r.parent.location) + (f" → {md(place)}" if place else "")
        lines.append(f"| {_verdict(r)} | {text} | {where} | {md(_why(comparison, r, shared))} |")
    if comparison.additions and shown.additions:
        lines += ["", f"## Additions of `{c}` ({len(comparison.additions)})", ""]
        lines += [
            f"- {md(a.text)}{md(cue_note(a))} — *{md(a.location)}*" for a in comparison.additions
        ]
    mentions = second_mention_items(comparison) if shown.additions else []
    if mentions:
        lines += ["", f"## {md(second_mentions_heading(comparison))}", ""]
        lines += [f"- {md(text)}{md(cue)} — *{md(where)}*" for text, cue, where in mentions]
    return "\n".join(lines) + "\n"


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def restatement_html(comparison: Comparison, shown: Selection = EVERYTHING) -> str:
    from policydiff.render.html import CSS

    p, c = document_names(comparison)
    lang = comparison.parent.version.lang  # of the quotes: English versions are read too
    rows = []
    shared = shared_doubt(comparison)
    for r in comparison.commitments:
        if not shown.keeps(r):
            continue
        pair = (
            f"<q lang={lang}>{ops_html(r.ops)}</q>"
            if r.ops
            else f"<q lang={lang}>{_e(r.parent.text)}</q>"
            + (f" → <q lang={lang}>{_e(r.child.text)}</q>" if r.child else "")
        )
        if wider := sentences(r):
            pair += (
                "<details><summary>sentences</summary>"
                + "".join(f"<p><q lang={lang}>{_e(s)}</q></p>" for s in wider)
                + "</details>"
            )
        place = child_place(r)
        where = _e(r.parent.location) + (f" → {_e(place)}" if place else "")
        rows.append(
            f'<tr class="{_e(r.verdict.value)}"><td>{_e(_verdict(r))}</td>'
            f"<td>{pair}</td><td class=note>{where}</td>"
            f"<td class=note>{_e(_why(comparison, r, shared))}</td></tr>"
        )
    additions = "".join(
        f"<li><q lang={lang}>{_e(a.text)}</q>{_e(cue_note(a))} <span class=note>{_e(a.location)}</span></li>"
        for a in comparison.additions
    )
    mentions = "".join(
        f"<li><q lang={lang}>{_e(text)}</q>{_e(cue)} <span class=note>{_e(where)}</span></li>"
        for text, cue, where in (second_mention_items(comparison) if shown.additions else [])
    )
    summary = ", ".join(f"{n} {_e(k)}" for k, n in comparison.summary.items())
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        # as the report's pages: a phone lays the page out at its own width
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(c)} restates {_e(p)} · policydiff</title>\n<style>{CSS}</style>\n"
        f"</head>\n<body>\n<main><h1>How {_e(c)} restates {_e(p)}</h1>"
        f"<p>{_e(documents_line(comparison))}; <span class=note>"
        f"{_e(citation_line(comparison))}.</span></p>"
        + "".join(f"<p class=note>{_e(note)}.</p>" for note in note_lines(comparison))
        + f"<p><strong>{summary}</strong>. {_e(checking(comparison))}</p>"
        + '<table><thead><tr><th scope="col">verdict</th><th scope="col">{} → {}</th>'.format(
            *map(_e, side_names(comparison))
        )
        + '<th scope="col">where</th><th scope="col">why</th></tr></thead>'
        + f"<tbody>{''.join(rows)}</tbody></table>"
        + (
            f"<h2>Additions of {_e(c)} ({len(comparison.additions)})</h2><ul>{additions}</ul>"
            if additions and shown.additions
            else ""
        )
        + (
            f"<h2>{_e(second_mentions_heading(comparison))}</h2><ul>{mentions}</ul>"
            if mentions
            else ""
        )
        + "</main>\n</body>\n</html>\n"
    )
