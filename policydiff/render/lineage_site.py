"""The report's lineages: a page per parent, cut by children, and a summary on the index.

A parent document with children (documents that implement it, :mod:`policydiff.lineage`)
gets its fidelity matrix (:mod:`.fidelity_formats`) on pages of its own,
``lineages/<parent-id>``, at most :data:`~policydiff.render.pages.CHILDREN_PER_PAGE`
children a page (further ones on ``lineages/<parent-id>_2`` …), the heatmap on the first:
each cell lists two sentences, so a page grows with its children and a lineage of many
provinces would otherwise make one page of many megabytes. The index keeps one line per
lineage: how its children restate the parent's commitments overall, with a link.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from policydiff.lineage.likely import LikelyParent
from policydiff.render.fidelity_formats import (
    fidelity_anchor,
    fidelity_document,
    fidelity_html,
    fidelity_markdown,
    parent_mark,
    percents,
)
from policydiff.render.html import _e
from policydiff.render.html_site import pager as pager_html
from policydiff.render.lineage_formats import likely_line
from policydiff.render.markdown_site import pager as pager_markdown
from policydiff.render.md_text import md
from policydiff.render.pages import CHILDREN_PER_PAGE, chunks, numbered
from policydiff.restatement.fidelity import Fidelity
from policydiff.restatement.verdict import RESTATEMENTS

LINEAGES = "lineages"  # the index's section, and the folder of the pages
TITLE = "Lineages"
INTRO = (
    "How documents that implement another restate its commitments: ▲ strengthened, "
    "▼ weakened, = restated, − omitted. Each lineage has its own pages."
)
LIKELY_INTRO = (
    "Outside every lineage: documents whose text cites no held parent, though their title "
    "restates a higher-level document's (a hint, never a parent)."
)


def lineage_stem(f: Fidelity) -> str:
    return f"{LINEAGES}/{f.parent.id}"


@dataclass(frozen=True)
class LineagePage:
    """One page of a lineage: the matrix of the parent with a run of its children."""

    whole: Fidelity
    part: Fidelity  # the parent's rows, with this page's children only
    number: int  # from 1
    count: int

    def file(self, ext: str) -> str:
        return numbered(lineage_stem(self.whole), self.number, ext)


def lineage_pages(f: Fidelity) -> tuple[LineagePage, ...]:
    runs = chunks(f.comparisons, CHILDREN_PER_PAGE)
    return tuple(
        LineagePage(f, replace(f, comparisons=run), i, len(runs))
        for i, run in enumerate(runs, start=1)
    )


def overall(f: Fidelity) -> dict[str, int]:
    """The cells of the matrix (commitment x child) per verdict."""
    return {v.value: sum(c.summary[v.value] for c in f.comparisons) for v in RESTATEMENTS}


MOVERS_PER_VERDICT = 3  # children named on the index for each way of departing


def movers(f: Fidelity) -> dict[str, tuple[tuple[str, int, int], ...]]:
    """For strengthened, weakened and omitted: the children that most often restate the
    parent's commitments so (at most :data:`MOVERS_PER_VERDICT`, the most first, then in
    timeline order), with how many commitments and how many of those are to check; none
    that never do."""
    out = {}
    for verdict in ("strengthened", "weakened", "omitted"):
        counts = [
            (c.child.document.id, c.summary[verdict], c.to_check_of[verdict]) for c in f.comparisons
        ]
        ranked = sorted((n for n in counts if n[1]), key=lambda n: -n[1])
        out[verdict] = tuple(ranked[:MOVERS_PER_VERDICT])
    return out


def _checked(n: int, to_check: int) -> str:
    if not to_check:
        return f"{n}"
    return f"{n}, all to check" if to_check == n else f"{n}, {to_check} to check"


def _movers_text(f: Fidelity) -> str:
    # a child whose text never names the parent may restate little of it: say so by name
    declared = {c.child.document.id for c in f.comparisons if parent_mark(c) == "declared"}
    parts = [
        f"most {verdict}: "
        + ", ".join(
            f"{child} ({_checked(n, to_check)}"
            f"{', parent declared, not cited' if child in declared else ''})"
            for child, n, to_check in named
        )
        for verdict, named in movers(f).items()
        if named
    ]
    return "; ".join(parts)


def _shares_text(f: Fidelity) -> str:
    return ", ".join(f"{name} {share}%" for name, share in percents(overall(f)).items())


def _span(page: LineagePage) -> str:
    first = (page.number - 1) * CHILDREN_PER_PAGE + 1
    return f"children {first}–{first + len(page.part.comparisons) - 1} of {len(page.whole.comparisons)}"


def lineage_site_html(f: Fidelity, charts: Mapping[str, bytes]) -> dict[str, str]:
    """The pages of one lineage, by path; the heatmap (``charts``) on the first."""
    out = {}
    for page in lineage_pages(f):
        back = f'<p class="meta"><a href="../index.html#{LINEAGES}">← Policy commitments over time</a></p>'
        pager = pager_html(page.whole.parent.id, page.number, page.count)
        span = f'<p class="note">{_e(_span(page))}</p>' if page.count > 1 else ""
        section = fidelity_html(
            page.part,
            charts if page.number == 1 else None,
            children_total=len(page.whole.comparisons),
        )
        # the section's heading is the page's <h1>
        out[page.file("html")] = fidelity_document(
            f"Fidelity to {f.parent.id} · policydiff",
            f"<main>{back}{pager}{span}{section}{pager}</main>",
        )
    return out


def lineage_site_markdown(f: Fidelity) -> dict[str, str]:
    """The pages of one lineage in Markdown, by path; the heatmap linked from the first."""
    out = {}
    for page in lineage_pages(f):
        pager = pager_markdown(page.whole.parent.id, page.number, page.count)
        chart = f"../{fidelity_anchor(f)}.png" if page.number == 1 else None
        lines = [
            f"[← Policy commitments over time](../index.md#{LINEAGES})",
            "",
            *pager,
            *([_span(page) + ".", ""] if page.count > 1 else []),
        ]
        body = fidelity_markdown(
            page.part, chart, level=1, children_total=len(page.whole.comparisons)
        )
        out[page.file("md")] = (
            "\n".join(lines) + "\n" + body + ("\n" + "\n".join(pager) if pager else "")
        )
    return out


def _what(f: Fidelity) -> str:
    pages = len(lineage_pages(f))
    more = f", on {pages} pages" if pages > 1 else ""
    named = _movers_text(f)
    return (
        f"{len(f.comparisons)} documents implementing it, {len(f.rows)} commitments{more}; "
        f"of every commitment in every child: {_shares_text(f)}" + (f"; {named}" if named else "")
    )


def lineages_html(fidelities: Sequence[Fidelity], likely: Sequence[LikelyParent] = ()) -> str:
    """The index's section: a line per lineage, linking its pages, and where a document
    citing no held parent may belong."""
    items = "".join(
        f'<li><a href="{_e(numbered(lineage_stem(f), 1, "html"))}">Fidelity to '
        f"{_e(f.parent.id)}</a> · <span lang={f.lang}>{_e(f.parent_title)}</span>"
        f' <span class="note">({_e(_what(f))})</span></li>'
        for f in fidelities
    )
    hints = "".join(f"<li>{_e(likely_line(hint))}</li>" for hint in likely)
    return (
        f'<section id="{LINEAGES}"><h2>{TITLE}</h2>'
        + (f"<p>{_e(INTRO)}</p><ul>{items}</ul>" if items else "")
        + (f"<p>{_e(LIKELY_INTRO)}</p><ul>{hints}</ul>" if hints else "")
        + "</section>"
    )


def lineages_markdown(fidelities: Sequence[Fidelity], likely: Sequence[LikelyParent] = ()) -> str:
    lines = [
        f'<a id="{LINEAGES}"></a>',
        "",
        f"## {TITLE}",
        "",
    ]
    if fidelities:
        lines += [INTRO, ""]
    lines += [
        f"- [Fidelity to `{f.parent.id}`]({numbered(lineage_stem(f), 1, 'md')}) · "
        f"{md(f.parent_title)} ({md(_what(f))})"
        for f in fidelities
    ]
    if likely:
        if fidelities:
            lines.append("")
        lines += [LIKELY_INTRO, "", *(f"- {md(likely_line(hint))}" for hint in likely)]
    return "\n".join(lines) + "\n"
