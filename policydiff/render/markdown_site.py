"""The Markdown report as pages: ``index.md`` and the pages it links to.

The same pages as the HTML site (:mod:`policydiff.render.html_site`), cut the same way
(:mod:`policydiff.render.pages`): GitHub-flavoured Markdown linking by relative paths.
Every piece of document text is escaped (:func:`md`).
"""

from __future__ import annotations

from collections.abc import Sequence

from policydiff.analysis.agreement import AgreementCase
from policydiff.analysis.model import Evolution
from policydiff.corpus.summary import DocumentSummary
from policydiff.models import shown_date
from policydiff.render.chart_spec import CHARTS
from policydiff.render.dates import dates_note
from policydiff.render.markdown import how_to_read_markdown, theme_markdown
from policydiff.render.md_text import md
from policydiff.render.overview import overview_markdown
from policydiff.render.pages import (
    MOVERS,
    MOVERS_PER_SERIES,
    NO_SERIES_MOVED,
    ROWS_PER_PAGE,
    SERIES_SHOWN,
    Mover,
    ThemePage,
    chunks,
    movers_by_series,
    movers_by_theme,
    numbered,
    page_of,
    theme_pages,
)
from policydiff.render.prose import large_corpus_note
from policydiff.render.view import (
    GlanceMove,
    delta_text,
    glance,
    glance_moves,
    no_movers,
    number,
    theme_anchor,
)
from policydiff.strength import LEVEL_NAMES

INDEX = "index.md"
OVERVIEW_STEM = "documents"
AGREEMENT_STEM = "agreement"


def theme_link(ev: Evolution, theme_id: str, document: str | None = None, up: str = "") -> str:
    """The relative link to a theme's section: the page showing ``document``, if given."""
    theme = ev.theme(theme_id)
    file = (
        f"themes/{theme_id}.md"
        if theme is None or document is None
        else page_of(ev, theme, document, "md")
    )
    return f"{up}{file}#{theme_anchor(theme_id)}"


def _cue(cue: str | None) -> str:
    return md(cue) if cue else "no cue"


def _glance(ev: Evolution) -> list[str]:
    table = glance(ev)
    change = [" change |", "---|"] if table.draws_changes else ["", ""]
    lines = [
        md(table.note),
        "",
        "| theme | " + " | ".join(table.headers) + " |" + change[0],
        "|---|" + "---|" * len(table.headers) + change[1],
    ]
    for t in table.shown.themes:
        cells = [f"{number(p.strength)} {p.level}" if p.present else "–" for p in t.points]
        moves = ("; " if table.several_series else " ").join(
            f"{label}: {_glance_move(m)}" if (label := table.move_label(m)) else _glance_move(m)
            for m in glance_moves(t)
        )
        row = f"| [{md(t.label)}]({theme_link(ev, t.id)}) | " + " | ".join(cells) + " |"
        lines.append(row + (f" {moves} |" if table.draws_changes else ""))
    return lines


def _glance_move(move: GlanceMove) -> str:
    if move.gap:
        return "gap"
    c = move.change
    return f"{c.verdict.arrow}{delta_text(c.delta)}" if c.delta else c.verdict.arrow


def _mover(ev: Evolution, m: Mover) -> str:
    c, t = m.change, m.theme
    dates = {d.id: shown_date(d.date) for d in ev.documents}
    zh = f" · {md(t.label_zh)}" if t.label_zh else ""
    return (
        f"- {c.verdict.arrow} [{md(t.label)}]({theme_link(ev, t.id, c.to_document)}){zh}: "
        f"**{c.verdict}** ({delta_text(c.delta)}), "
        f"{dates.get(c.from_document, '')} `{c.from_document}` → "
        f"{dates.get(c.to_document, '')} `{c.to_document}`; "
        f"{_cue(c.from_cue)} → {_cue(c.to_cue)}"
    )


def movers_markdown(ev: Evolution) -> str:
    lines = [
        '<a id="biggest-movers"></a>',
        "",
        "## Biggest movers",
        "",
        "### By theme",
        "",
        f"Each theme's largest change of strength between consecutive mentions in one "
        f"series, the largest first (at most {MOVERS}).",
        "",
    ]
    by_theme = movers_by_theme(ev)
    lines += [_mover(ev, m) for m in by_theme] or [no_movers(ev)]
    lines += [
        "",
        "### By series",
        "",
        f"The series with the most strength moves (at most {SERIES_SHOWN}), each with its "
        f"{MOVERS_PER_SERIES} largest.",
        "",
    ]
    by_series = movers_by_series(ev)
    for name, count, moves in by_series:
        plural = "" if count == 1 else "s"
        lines += [f"#### {md(name or 'unassigned')} ({count} strength move{plural})", ""]
        lines += [_mover(ev, m) for m in moves]
        lines.append("")
    if not by_series:
        lines.append(NO_SERIES_MOVED)
    return "\n".join(lines).rstrip("\n") + "\n"


def _themes(ev: Evolution) -> str:
    lines = ['<a id="themes"></a>', "", "## Themes", ""]
    for t in ev.themes:
        count = len(theme_pages(ev, t))
        zh = f" · {md(t.label_zh)}" if t.label_zh else ""
        more = f", {count} pages" if count > 1 else ""
        lines.append(
            f"- [{md(t.label)}]({theme_link(ev, t.id)}){zh}: present in {t.present_in} of "
            f"{len(t.points)}{more}"
        )
    return "\n".join(lines) + "\n"


def _disagreements(ev: Evolution) -> list[AgreementCase]:
    return [c for c in ev.agreement.cases if not c.agrees]


def _disagreement_lines(ev: Evolution, cases: Sequence[AgreementCase], up: str = "") -> list[str]:
    lines = ["| document | theme | Chinese | English |", "|---|---|---|---|"]
    for c in cases:
        lines.append(
            f"| `{c.document_id}` | [{c.theme_id}]({theme_link(ev, c.theme_id, c.document_id, up)})"
            f" | {c.provision_zh}: {c.level_zh} {LEVEL_NAMES[c.level_zh]} ({_cue(c.cue_zh)}) | "
            f"{c.provision_en}: {c.level_en} {LEVEL_NAMES[c.level_en]} ({_cue(c.cue_en)}) |"
        )
    lines.append("")
    for c in cases:
        lines += [
            f"- `{c.document_id}` · {c.theme_id}",
            f"  - 原文 {md(c.sentence_zh)}",
            f"  - English: {md(c.sentence_en)}",
        ]
    return lines


def _page_links(stem: str, runs: Sequence[Sequence[object]], what: str) -> list[str]:
    """A link to the first of the pages (each leads to the next): one line, however many."""
    total = sum(len(run) for run in runs)
    return [
        f"[{what.capitalize()} 1–{len(runs[0])} of {total}]({numbered(stem, 1, 'md')}), "
        f"on {len(runs)} pages."
    ]


def agreement_markdown(ev: Evolution) -> str:
    a = ev.agreement
    lines = [
        '<a id="english-and-chinese-agreement"></a>',
        "",
        "## English and Chinese agreement",
        "",
    ]
    if not a.compared:
        return "\n".join([*lines, "No commitment is held in both languages."]) + "\n"
    lines += [
        f"Of {a.compared} commitments held in both the Chinese original and the English "
        f"translation, {a.same_level} get the same level in both "
        f"(agreement rate {a.rate:.0%}).",
        "",
    ]
    disagreements = _disagreements(ev)
    if disagreements:
        lines += [f"Disagreements ({len(disagreements)}):", ""]
        runs = chunks(disagreements, ROWS_PER_PAGE)
        if len(runs) == 1:
            lines += _disagreement_lines(ev, disagreements)
        else:
            lines += _page_links(AGREEMENT_STEM, runs, "disagreements")
    return "\n".join(lines).rstrip("\n") + "\n"


def overview_section(summaries: Sequence[DocumentSummary]) -> str:
    """The corpus overview, its headings one level down; past :data:`ROWS_PER_PAGE`
    documents, links to its pages instead."""
    runs = chunks(summaries, ROWS_PER_PAGE)
    if len(runs) > 1:
        lines = [
            '<a id="corpus-overview"></a>',
            "",
            "## Corpus overview",
            "",
            f"{len(summaries)} documents on the timeline:",
            "",
            *_page_links(OVERVIEW_STEM, runs, "documents"),
        ]
        return "\n".join(lines) + "\n"
    text = overview_markdown(tuple(summaries))
    lines = [f"#{line}" if line.startswith("#") else line for line in text.splitlines()]
    lines[0] = '<a id="corpus-overview"></a>\n\n' + lines[0]
    return "\n".join(lines) + "\n"


def _large_note(ev: Evolution) -> list[str]:
    note = large_corpus_note(ev)
    return [] if note is None else [md(note), ""]


def report_markdown(
    ev: Evolution,
    summaries: Sequence[DocumentSummary],
    *,
    charts: Sequence[str] = (),
    extra: str = "",
    extra_contents: Sequence[tuple[str, str]] = (),
) -> str:
    """The index page; ``charts`` are the chart file names written beside it, ``extra``
    Markdown of further sections (a lineage's fidelity), placed after the themes, with
    their (anchor, title) in ``extra_contents``."""
    if len(ev.documents) <= ROWS_PER_PAGE:
        listed = [
            f"{len(ev.themes)} themes followed through {len(ev.documents)} documents:",
            "",
            *[
                f"- {shown_date(d.date)} · {md(d.title)} (`{d.id}`; {', '.join(d.languages)})"
                for d in ev.documents
            ],
        ]
        note = dates_note(d.date for d in ev.documents)
        listed += ["", md(note)] if note else []
    else:
        listed = [
            f"{len(ev.themes)} themes followed through {len(ev.documents)} documents (listed "
            "in the [Corpus overview](#corpus-overview))."
        ]
    lines = [
        "# Policy commitments over time",
        "",
        *_large_note(ev),
        *listed,
        "",
        "Strength is approximate: an ordinal reading of directive wording (see "
        "[How to read this](#how-to-read-this)). Each theme has its own page "
        "([Themes](#themes)).",
        "",
        "## Contents",
        "",
        "- [How to read this](#how-to-read-this)",
        "- [At a glance](#at-a-glance)",
        "- [Charts](#charts)",
        "- [Biggest movers](#biggest-movers)",
        "- [Themes](#themes)",
        *(f"- [{md(title)}](#{anchor})" for anchor, title in extra_contents),
        "- [English and Chinese agreement](#english-and-chinese-agreement)",
        "- [Corpus overview](#corpus-overview)",
        "",
        how_to_read_markdown(),
        "## At a glance",
        "",
        *_glance(ev),
        "",
        "## Charts",
        "",
    ]
    names = set(charts)
    for name, title in CHARTS:
        if f"{name}.svg" in names or f"{name}.png" in names:
            image = f"{name}.png" if f"{name}.png" in names else f"{name}.svg"
            lines += [f"![{title}]({image})", ""]
    if not names:
        lines += ["Run `policydiff timeline` to draw the charts.", ""]
    text = "\n".join(lines)
    sections = [text.rstrip("\n") + "\n", movers_markdown(ev), _themes(ev)]
    if extra:
        sections.append(extra.lstrip("\n"))
    sections.append(agreement_markdown(ev))
    sections.append(overview_section(summaries))
    return "\n".join(sections)


def pager(stem: str, number_: int, count: int) -> list[str]:
    """Previous and next page, first and last: a few links, however many pages."""
    if count == 1:
        return []
    near = [(1, "first"), (number_ - 1, "← previous"), (number_ + 1, "next →"), (count, "last")]
    links = " · ".join(
        f"[{label}]({numbered(stem, n, 'md')})"
        for n, label in near
        if 1 <= n <= count and n != number_
    )
    return [f"Page {number_} of {count}: {links}", ""]


def theme_page_markdown(ev: Evolution, page: ThemePage) -> str:
    lines = [
        "[← Policy commitments over time](../index.md)",
        "",
        *pager(page.theme.id, page.number, page.count),
    ]
    return "\n".join(lines) + "\n" + theme_markdown(ev, page.theme, page)


def _list_page(
    title: str, anchor: str, stem: str, number_: int, count: int, content: list[str]
) -> str:
    pages_nav = pager(stem, number_, count)
    lines = [
        f"[← Policy commitments over time](index.md#{anchor})",
        "",
        *pages_nav,
        f"# {title}",
        "",
        *content,
        "",
        *pages_nav,
    ]
    return "\n".join(lines).rstrip("\n") + "\n"


def site_markdown(
    ev: Evolution,
    summaries: Sequence[DocumentSummary],
    *,
    charts: Sequence[str] = (),
    extra: str = "",
) -> dict[str, str]:
    """Every Markdown page of the report, by path in the report folder."""
    pages = index_site_markdown(ev, summaries, charts=charts, extra=extra)
    for theme in ev.themes:
        pages.update(
            (page.file("md"), theme_page_markdown(ev, page)) for page in theme_pages(ev, theme)
        )
    return pages


def index_site_markdown(
    ev: Evolution,
    summaries: Sequence[DocumentSummary],
    *,
    charts: Sequence[str] = (),
    extra: str = "",
    extra_contents: Sequence[tuple[str, str]] = (),
) -> dict[str, str]:
    """Every page but the themes'; none reads a point's evidence."""
    index = report_markdown(
        ev, summaries, charts=charts, extra=extra, extra_contents=extra_contents
    )
    pages: dict[str, str] = {INDEX: index}
    runs = chunks(summaries, ROWS_PER_PAGE)
    if len(runs) > 1:
        first = 1
        for i, run in enumerate(runs, start=1):
            body = overview_markdown(tuple(run)).splitlines()[4:]  # the table on
            head = f"Documents {first}–{first + len(run) - 1} of {len(summaries)}."
            pages[numbered(OVERVIEW_STEM, i, "md")] = _list_page(
                "Corpus overview", "corpus-overview", OVERVIEW_STEM, i, len(runs), [head, "", *body]
            )
            first += len(run)
    cases = chunks(_disagreements(ev), ROWS_PER_PAGE)
    if len(cases) > 1:
        for i, found in enumerate(cases, start=1):
            pages[numbered(AGREEMENT_STEM, i, "md")] = _list_page(
                "English and Chinese disagreements",
                "english-and-chinese-agreement",
                AGREEMENT_STEM,
                i,
                len(cases),
                _disagreement_lines(ev, found),
            )
    return pages
