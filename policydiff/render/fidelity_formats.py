"""The fidelity matrix (``compare PARENT --children``, and the report's lineage pages)
as JSON, Markdown and HTML.

JSON schema ``policydiff.fidelity/1``: ``parent {id, title, date}``, ``children [{id,
title, date, summary, shares, to_check}]`` (``to_check``: how many of its verdicts to
read), ``commitments [{parent: SIDE, cells: {child id: {verdict, similarity, confidence,
doubt, child: SIDE or null}}}]`` (SIDE, ``confidence`` and ``doubt`` as in
``policydiff.restatement/1``). In HTML each cell links to its two sentences, listed under
the matrix, and a verdict to check is marked so; in Markdown each cell but a sure
restatement links to its entry under the matrix.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping
from typing import Any

from policydiff.models import Document
from policydiff.render.md_text import md
from policydiff.render.restatement_json import side
from policydiff.render.restatement_lines import citation_line, doubt_seen
from policydiff.restatement.clauses import Clause
from policydiff.restatement.compare import Comparison, Restated
from policydiff.restatement.fidelity import Fidelity
from policydiff.restatement.verdict import RESTATEMENTS, Restatement

SCHEMA = "policydiff.fidelity/1"
# One colour per verdict, in the heatmap and the HTML matrix alike; the arrow in each cell
# is drawn in black on it, and omitted stands apart from a white page.
VERDICT_COLOURS = {
    "restated": "#c6dbef",
    "strengthened": "#a1d99b",
    "weakened": "#fc9272",
    "omitted": "#bdbdbd",
}

# The matrix's own style, carried by the section so that it reads the same in the report
# and on its own page.
FIDELITY_CSS = "".join(
    [
        ".fidelity-matrix{border-collapse:collapse;font-size:.85em}",
        ".fidelity-matrix th{text-align:left;font-weight:normal;max-width:28em}",
        ".fidelity-matrix tr>th:first-child{min-width:18em}",
        ".fidelity-matrix td{text-align:center;min-width:2.4em;border:1px solid #ddd}",
        ".fidelity-matrix td a{display:block;text-decoration:none;color:inherit}",
        *(f".fidelity-matrix td.{v}{{background:{c}}}" for v, c in VERDICT_COLOURS.items()),
        ".fidelity-matrix td.check{outline:2px dashed #555;outline-offset:-3px}",
        ".matrix{overflow-x:auto}.pairs li:target{background:#ffffb3}",
        # the heatmap is drawn wider than a phone, and than the page's column
        ".chart svg{display:block;max-width:100%;height:auto}",
    ]
)


def parent_mark(c: Comparison) -> str:
    """How a child is known to implement the parent: it cites it in its text, or the
    corpus only declares the parent (a child that does not cite it may restate little)."""
    if c.cites_parent:
        return "cited"
    return "declared" if c.citation is not None else "not a child"


def shares_note(f: Fidelity) -> str:
    """What the shares table's numbers are, one sentence for every format."""
    return (
        f"Verdicts as shares of the parent's {len(f.rows)} commitments; added and to check "
        "count the child's clauses and verdicts (every strengthened or weakened verdict is to "
        "check: a change is a claim to confirm in its two sentences); parent: whether the "
        "child cites the parent or the corpus only declares it. Each share is rounded on its "
        "own, so a row may add up to 99% to 102%."
    )


def marked_in(clause: Clause) -> str:
    """The clause's sentence as HTML, the clause a cell is about in bold within it (at its
    own place: a sentence may repeat its words)."""
    sentence = clause.sentence
    return f"{_e(sentence[: clause.start])}<b>{_e(clause.text)}</b>{_e(sentence[clause.end :])}"


def cell_mark(cell: Restated) -> str:
    """A cell of the matrix in text: the verdict's arrow, and ? for a verdict to check."""
    return cell.verdict.arrow + ("" if cell.confidence.sure else "?")


def percents(counts: Mapping[str, int]) -> dict[str, int]:
    """Counts as whole percentages of their sum, each rounded to the nearest, a half up,
    in whole numbers (no float puts 14.5 under 35.5): equal counts read as equal shares,
    and four shares add up to 99 to 102. All zero, all 0%."""
    total = sum(counts.values())
    if not total:
        return dict.fromkeys(counts, 0)
    return {k: (200 * v + total) // (2 * total) for k, v in counts.items()}


def how_many(f: Fidelity, children_total: int | None) -> str:
    """Who the section is about: its children, out of the lineage's on a page of it."""
    shown = len(f.comparisons)
    if children_total is None or children_total == shown:
        return f"How {shown} documents implementing it restate its {len(f.rows)} commitments"
    return (
        f"How {shown} of the {children_total} documents implementing it restate its "
        f"{len(f.rows)} commitments"
    )


def fidelity_dict(f: Fidelity) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "parent": {
            "id": f.parent.id,
            "title": f.parent_title,
            "date": f.parent.date_text,
        },
        "children": [
            {
                "id": c.child.document.id,
                "title": c.child.title,
                "date": c.child.document.date_text,
                "cites_parent": c.cites_parent,
                "summary": c.summary,
                "shares": f.shares(j),
                "to_check": c.to_check,
            }
            for j, c in enumerate(f.comparisons)
        ],
        "commitments": [
            {
                "parent": side(row),
                "cells": {
                    child.id: {
                        "verdict": f.cell(i, j).verdict.value,
                        "similarity": min(1.0, f.cell(i, j).similarity),
                        "confidence": f.cell(i, j).confidence.label,
                        "reasons": list(f.cell(i, j).reasons),
                        "doubt": f.cell(i, j).confidence.doubt or None,
                        "doubt_location": f.cell(i, j).confidence.location or None,
                        "neighbour_location": f.cell(i, j).confidence.neighbour_location or None,
                        "child": side(cell.child) if (cell := f.cell(i, j)).child else None,
                    }
                    for j, child in enumerate(f.children)
                },
            }
            for i, row in enumerate(f.rows)
        ],
    }


def fidelity_json(f: Fidelity) -> str:
    return json.dumps(fidelity_dict(f), ensure_ascii=False, indent=2) + "\n"


def cell_anchor(f: Fidelity, row: int, column: int) -> str:
    """The id of a cell's two sentences, in the HTML and the Markdown alike."""
    return f"{fidelity_anchor(f)}-{row}-{column}"


def is_told(cell: Restated) -> bool:
    """Whether a cell's sentences are listed under the matrix: all but sure restatements."""
    return not (cell.verdict == Restatement.RESTATED and cell.confidence.sure)


def verdict_words(cell: Restated) -> str:
    """A cell's verdict in words, for who cannot see or read its arrow."""
    return cell.verdict.value + ("" if cell.confidence.sure else " (to check)")


def _shares_rows(f: Fidelity) -> list[str]:
    names = [v.value for v in RESTATEMENTS]
    lines = [
        "| child | province | " + " | ".join(names) + " | added | to check | parent |",
        "|---" * (len(names) + 5) + "|",
    ]
    for j, c in enumerate(f.comparisons):
        shares = percents(f.counts(j))
        cells = " | ".join(f"{shares[n]}%" for n in names)
        document = c.child.document
        # the province too, as the chart names the child
        lines.append(
            f"| `{document.id}` | {md(document.jurisdiction)} | {cells} | {c.summary['added']} "
            f"| {c.to_check} | {parent_mark(c)} |"
        )
    lines += ["", shares_note(f), "", "How each child relates to the parent:", ""]
    lines += [f"- `{c.child.document.id}` {md(citation_line(c))}" for c in f.comparisons]
    return lines


def _matrix_cell_markdown(f: Fidelity, row: int, column: int) -> str:
    """A cell's arrow, linked to its sentences when they are listed."""
    cell = f.cell(row, column)
    if not is_told(cell):
        return cell_mark(cell)
    return f"[{cell_mark(cell)}](#{cell_anchor(f, row, column)})"


def fidelity_markdown(
    f: Fidelity, chart: str | None = None, *, level: int = 2, children_total: int | None = None
) -> str:
    """The section: shares per child, the chart, then the matrix (one row per commitment)
    and the two sentences of every cell that is not a plain restatement."""
    head = "#" * level
    lines = [
        f'<a id="fidelity-{f.parent.id}"></a>',
        "",
        f"{head} Fidelity to `{f.parent.id}` · {md(f.parent_title)}",
        "",
        f"{how_many(f, children_total)} (clauses): ▲ strengthened, ▼ weakened, = restated, "
        "− omitted; ? marks a verdict to check by reading. Each cell but a sure restatement "
        "links to its sentences, why and what to check, listed after the matrix.",
        "",
        *_shares_rows(f),
        "",
    ]
    if chart:
        lines += [f"![Fidelity to {f.parent.id}]({chart})", ""]
    ids = [c.id for c in f.children]
    lines += ["| commitment | location | " + " | ".join(f"`{i}`" for i in ids) + " |"]
    lines += ["|---|---|" + "---|" * len(ids)]
    for i, row in enumerate(f.rows):
        cells = " | ".join(_matrix_cell_markdown(f, i, j) for j in range(len(ids)))
        lines.append(f"| {md(row.text)} | {md(row.location)} | {cells} |")
    lines += ["", f"{head}# What each departure rests on", ""]
    lines += [
        "Every cell that is not a plain restatement, under the parent's clause and sentence: "
        "the child's, why, and what to check. Restatements marked sure are left out.",
        "",
    ]
    for i, row in enumerate(f.rows):
        told = [
            _departure_markdown(cell, child.id, cell_anchor(f, i, j))
            for j, child in enumerate(f.children)
            if is_told(cell := f.cell(i, j))
        ]
        if told:
            lines.append(f"- **{md(row.text)}** ({md(row.location)}; in: {md(row.sentence)})")
            lines += told
    return "\n".join(lines) + "\n"


def _departure_markdown(cell: Restated, child_id: str, anchor: str) -> str:
    theirs = (
        f"**{md(cell.child.text)}** ({md(cell.child.location)}; in: {md(cell.child.sentence)}); "
        if cell.child
        else ""
    )
    doubt = _doubt_text(cell)
    return (
        # the arrow, verdict and child lead the item; its anchor follows on the same line
        f"  - {cell_mark(cell)} {cell.verdict.value} in `{child_id}`: "
        f'<a id="{anchor}"></a>{theirs}'
        f"{md('; '.join(cell.reasons))}" + (f"; check: {md(doubt)}" if doubt else "")
    )


def _doubt_text(cell: Restated) -> str:
    """What to check, and where the child's words it names stand."""
    confidence = cell.confidence
    return "" if confidence.sure else doubt_seen(confidence.doubt, confidence.location)


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def fidelity_anchor(f: Fidelity) -> str:
    """The id of a fidelity section in the HTML report (its heatmap files are named so)."""
    return f"fidelity-{f.parent.id}"


def fidelity_title(f: Fidelity) -> str:
    return f"Fidelity to {f.parent.id}"


def chart_label(f: Fidelity) -> str:
    return (
        f"Heatmap of the fidelity to {f.parent.id}: the parent's commitments (rows) by the "
        "documents implementing it (columns), one colour and arrow per verdict; every cell "
        "is in the matrix below"
    )


def inline_svg(svg: bytes, label: str) -> str:
    """The heatmap's SVG file as an element of the page: without its XML declaration and
    doctype (neither may stand in a body), an image named ``label`` to a screen reader."""
    text = svg.decode("utf-8")
    element = text[text.find("<svg") :]
    named = f' role="img" aria-label="{_e(label)}"><title>{_e(label)}</title>'
    return re.sub(r"(<svg\b[^>]*)>", lambda m: m.group(1) + named, element, count=1)


def _child_name_html(document: Document) -> str:
    """A child as the matrix and the chart name it (its province), with its id."""
    if not document.jurisdiction:
        return _e(document.id)
    return f'{_e(document.jurisdiction)} <span class="note">{_e(document.id)}</span>'


def _shares_html(f: Fidelity) -> str:
    names = [v.value for v in RESTATEMENTS]
    head = "".join(
        f'<th scope="col">{n}</th>' for n in ["child", *names, "added", "to check", "parent"]
    )
    rows = "".join(
        f'<tr><th scope="row">{_child_name_html(c.child.document)}</th>'
        + "".join(f"<td>{share}%</td>" for share in percents(f.counts(j)).values())
        + f"<td>{c.summary['added']}</td><td>{c.to_check}</td><td>{parent_mark(c)}</td></tr>"
        for j, c in enumerate(f.comparisons)
    )
    # a narrow window scrolls the table, not the page
    return (
        f'<div class="wide"><table class="shares"><thead><tr>{head}</tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
    )


def _citations_html(f: Fidelity) -> str:
    """How each child is known to implement the parent: the citation, where it stands
    and its sentence, or that the corpus only declares it."""
    items = "".join(
        f"<li>{_child_name_html(c.child.document)}: <span lang={f.lang}>{_e(citation_line(c))}"
        "</span></li>"
        for c in f.comparisons
    )
    return f'<p>How each child relates to the parent:</p><ul class="citations">{items}</ul>'


def _pair_html(f: Fidelity, row: int, column: int) -> str:
    """The item under the matrix a cell links to: the parent's sentence, the child's (or
    that it has none), why, and what to check."""
    cell, child, clause = f.cell(row, column), f.children[column], f.rows[row]
    doubt = "" if cell.confidence.sure else f" check: {_doubt_text(cell)}."
    why = "; ".join(cell.reasons)
    if cell.child:
        theirs = (
            f"<q lang={f.lang}>{marked_in(cell.child)}</q> "
            f'<span class="note">{_e(child.id)} · {_e(cell.child.location)}</span> '
            f'<span class="note">({_e(why)}){_e(doubt)}</span>'
        )
    else:  # the reason is that no clause of the child restates it: said once
        theirs = f'<span class="note">{_e(why)}{_e(doubt)}</span>'
    return (
        f'<li id="{_e(cell_anchor(f, row, column))}" class="{_e(cell.verdict.value)}">'
        f"<strong>{_e(cell.verdict.value)}</strong> in {_e(child.id)} · "
        f"<q lang={f.lang}>{marked_in(clause)}</q> "
        f'<span class="note">{_e(f.parent.id)} · {_e(clause.location)}</span> → {theirs}</li>'
    )


def _matrix_html(f: Fidelity) -> str:
    head = "".join(
        f'<th scope="col" title="{_e(c.id)}">{_e(c.jurisdiction or c.id)}</th>' for c in f.children
    )
    body = []
    for i, row in enumerate(f.rows):
        cells = []
        for j in range(len(f.children)):
            cell = f.cell(i, j)
            words = _e(verdict_words(cell))
            cells.append(
                f'<td class="{_e(cell.verdict.value)}{"" if cell.confidence.sure else " check"}">'
                f'<a href="#{_e(cell_anchor(f, i, j))}" title="{words}" aria-label="{words}">'
                f"{_e(cell.verdict.arrow)}</a></td>"
            )
        body.append(
            f'<tr><th scope="row" lang={f.lang}>{_e(row.text)}<br>'
            f"<span class=note>{_e(row.location)}</span></th>" + "".join(cells) + "</tr>"
        )
    return (
        '<div class="matrix"><table class="fidelity-matrix"><thead><tr>'
        f'<th scope="col">commitment</th>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )


def fidelity_html(
    f: Fidelity,
    charts: Mapping[str, bytes] | None = None,
    *,
    children_total: int | None = None,
    level: int = 1,
) -> str:
    """The section as HTML: shares, the chart (inline SVG when given), the matrix with each
    cell a link to the pair of sentences listed under it. Its heading is ``<h{level}>``:
    the page's title where the section is the page. Its style is :data:`FIDELITY_CSS`, for
    the page's head (:func:`fidelity_document`)."""
    anchor = fidelity_anchor(f)
    svg = (charts or {}).get(f"{anchor}.svg")
    chart = f'<figure class="chart">{inline_svg(svg, chart_label(f))}</figure>' if svg else ""
    pairs = "".join(_pair_html(f, i, j) for i in range(len(f.rows)) for j in range(len(f.children)))
    sub = level + 1
    return (
        f'<section class="fidelity" id="{_e(anchor)}">'
        f"<h{level}>{_e(fidelity_title(f))} · <span lang={f.lang}>{_e(f.parent_title)}</span>"
        f"</h{level}>"
        f"<p>{_e(how_many(f, children_total))}: ▲ strengthened, ▼ weakened, = restated, − omitted. Each cell links to "
        "its two sentences; an outlined cell is a verdict to check (docs/lineage.md).</p>"
        f"{_shares_html(f)}<p class=note>{_e(shares_note(f))}</p>{_citations_html(f)}"
        f"{chart}{_matrix_html(f)}"
        f'<h{sub}>The two sentences of each cell</h{sub}><ol class="pairs">{pairs}</ol>'
        "</section>"
    )


def fidelity_document(title: str, body: str) -> str:
    """A page of the report's (:func:`~policydiff.render.html_site.page_html`) holding a
    fidelity section, the matrix's style beside the report's in the head (a ``<style>`` in
    the body is not valid HTML)."""
    from policydiff.render.html_site import page_html

    page = page_html(title, body)
    return page.replace("</head>", f"<style>{FIDELITY_CSS}</style>\n</head>", 1)


def fidelity_page(f: Fidelity, charts: Mapping[str, bytes] | None = None) -> str:
    """The section as a page of its own, in the report's style, its heading the page's."""
    return fidelity_document(
        f"Fidelity to {f.parent.id} · policydiff", f"<main>{fidelity_html(f, charts)}</main>"
    )
