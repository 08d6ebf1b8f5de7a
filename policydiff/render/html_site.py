"""The HTML report as a small static site: ``index.html`` and its pages.

Every page is self-contained (inline CSS, no script, no external resource; the index
embeds the charts as base64 PNG ``data:`` URIs) and links to the others by relative
paths, so the folder can be opened from disk or served as it is. How the pages are cut,
and the bound on each: :mod:`policydiff.render.pages`. Every piece of document text goes
through :func:`html.escape`.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Mapping, Sequence

from policydiff.analysis.agreement import AgreementCase
from policydiff.analysis.model import Evolution
from policydiff.corpus.summary import DocumentSummary
from policydiff.models import shown_date
from policydiff.render.chart_spec import CHARTS
from policydiff.render.dates import dates_note
from policydiff.render.html import CSS, _cue, _e, theme_html
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
from policydiff.render.prose import HOW_TO_READ, LEVEL_MEANINGS, STRENGTH_DOC, large_corpus_note
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

INDEX = "index.html"
OVERVIEW_STEM = "documents"
AGREEMENT_STEM = "agreement"


def page_html(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n"
        f"<style>{CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def theme_link(ev: Evolution, theme_id: str, document: str | None = None, up: str = "") -> str:
    """The relative link to a theme's section: the page showing ``document``, if given."""
    theme = ev.theme(theme_id)
    file = (
        f"themes/{theme_id}.html"
        if theme is None or document is None
        else page_of(ev, theme, document, "html")
    )
    return f"{up}{file}#{theme_anchor(theme_id)}"


def _how_to_read() -> str:
    rows = "".join(
        f"<tr><td class=num>{i}</td><td>{_e(name)}</td><td>{_e(LEVEL_MEANINGS[i])}</td></tr>"
        for i, name in enumerate(LEVEL_NAMES)
    )
    return (
        '<section id="how-to-read-this"><h2>How to read this</h2>'
        + "".join(f"<p>{_e(p)}</p>" for p in HOW_TO_READ)
        + "<table><thead><tr><th>level</th><th>name</th><th>meaning</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
        f"<p>The full scale, its cues and its limits: <code>{_e(STRENGTH_DOC)}</code> "
        "in the policydiff repository.</p></section>"
    )


def _glance(ev: Evolution) -> str:
    table = glance(ev)
    head = "".join(f"<th>{_e(header)}</th>" for header in table.headers)
    rows = []
    for t in table.shown.themes:
        cells = "".join(
            f"<td>{number(p.strength)} {_e(p.level or '')}</td>" if p.present else "<td>–</td>"
            for p in t.points
        )
        moves = " · ".join(
            f"{_e(label)}: {_glance_move(m)}" if (label := table.move_label(m)) else _glance_move(m)
            for m in glance_moves(t)
        )
        change = f'<td class="change">{moves}</td>' if table.draws_changes else ""
        rows.append(
            f'<tr><td><a href="{_e(theme_link(ev, t.id))}">{_e(t.label)}</a></td>{cells}'
            f"{change}</tr>"
        )
    change_head = "<th>change</th>" if table.draws_changes else ""
    return (
        '<section id="at-a-glance"><h2>At a glance</h2>'
        f'<p class="note">{_e(table.note)}</p>'
        # a table of many columns scrolls inside the page rather than past its edge
        f'<div class="wide"><table><thead><tr><th>theme</th>{head}{change_head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div></section>"
    )


def _glance_move(move: GlanceMove) -> str:
    if move.gap:
        return '<span class="gap"><span class="arrow">·</span>gap</span>'
    c = move.change
    since = " since the last mention" if move.resumed else ""
    return (
        f'<span class="{_e(c.verdict)}"><span class="arrow">{c.verdict.arrow}</span>'
        f"{_e(c.verdict)}{' ' + _e(delta_text(c.delta)) if c.delta else ''}{since}</span>"
    )


def _charts(charts: Mapping[str, bytes]) -> str:
    """The charts, embedded at the page's width, each a link to its full-size PNG beside the
    page (and its SVG named in the caption): a large heatmap's cell text is too small to
    read in the page."""
    figures = []
    for name, title in CHARTS:
        png = charts.get(f"{name}.png")
        if png is None:
            continue
        data = base64.b64encode(png).decode("ascii")
        svg = f"{name}.svg"
        vector = f', <a href="{_e(svg)}">SVG</a>' if svg in charts else ""
        figures.append(
            f'<figure><a href="{_e(name)}.png" title="{_e(title)}: full size">'
            f'<img src="data:image/png;base64,{data}" alt="{_e(title)}"></a>'
            f"<figcaption>{_e(title)}. Full size: "
            f'<a href="{_e(name)}.png">PNG</a>{vector}.</figcaption></figure>'
        )
    body = "".join(figures) or '<p class="note">No charts.</p>'
    return f'<section id="charts"><h2>Charts</h2>{body}</section>'


def _mover(ev: Evolution, m: Mover) -> str:
    c, t = m.change, m.theme
    dates = {d.id: shown_date(d.date) for d in ev.documents}
    zh = f' <span class="zh" lang="zh">{_e(t.label_zh)}</span>' if t.label_zh else ""
    return (
        f'<li class="{_e(c.verdict)}"><span class="arrow">{_e(c.verdict.arrow)}</span>'
        f'<a href="{_e(theme_link(ev, t.id, c.to_document))}">{_e(t.label)}</a>{zh} · '
        f"<strong>{_e(c.verdict)}</strong> <span class=delta>{_e(delta_text(c.delta))}</span> · "
        f"{_e(dates.get(c.from_document, c.from_document))} → "
        f"{_e(dates.get(c.to_document, c.to_document))}: {_cue(c.from_cue)} → {_cue(c.to_cue)}"
        f' <span class="note">({_e(c.from_document)} → {_e(c.to_document)})</span></li>'
    )


def _movers(ev: Evolution) -> str:
    by_theme = movers_by_theme(ev)
    parts = [
        '<section id="biggest-movers"><h2>Biggest movers</h2>',
        '<h3 id="movers-by-theme">By theme</h3>',
        f'<p class="note">Each theme\'s largest change of strength between consecutive '
        f"mentions in one series, the largest first (at most {MOVERS}).</p>",
    ]
    if by_theme:
        parts.append(f"<ul class=verdicts>{''.join(_mover(ev, m) for m in by_theme)}</ul>")
    else:
        parts.append(f"<p>{_e(no_movers(ev))}</p>")
    parts += [
        '<h3 id="movers-by-series">By series</h3>',
        f'<p class="note">The series with the most strength moves (at most {SERIES_SHOWN}), '
        f"each with its {MOVERS_PER_SERIES} largest.</p>",
    ]
    by_series = movers_by_series(ev)
    for name, count, moves in by_series:
        parts.append(
            f"<h4>{_e(name or 'unassigned')} <span class=note>({count} strength "
            f"move{'' if count == 1 else 's'})</span></h4>"
            f"<ul class=verdicts>{''.join(_mover(ev, m) for m in moves)}</ul>"
        )
    if not by_series:
        parts.append(f"<p>{_e(NO_SERIES_MOVED)}</p>")
    return "".join(parts) + "</section>"


def _themes(ev: Evolution) -> str:
    items = []
    for t in ev.themes:
        count = len(theme_pages(ev, t))
        more = f" · {count} pages" if count > 1 else ""
        zh = f' <span class="zh" lang="zh">{_e(t.label_zh)}</span>' if t.label_zh else ""
        items.append(
            f'<li><a href="{_e(theme_link(ev, t.id))}">{_e(t.label)}</a>{zh} '
            f'<span class="note">present in {t.present_in} of {len(t.points)}{more}</span></li>'
        )
    return f'<section id="themes"><h2>Themes</h2><ul>{"".join(items)}</ul></section>'


def _disagreement_table(ev: Evolution, cases: Sequence[AgreementCase], up: str = "") -> str:
    names = LEVEL_NAMES
    rows = "".join(
        f'<tr><td>{_e(c.document_id)}</td><td><a href="'
        f'{_e(theme_link(ev, c.theme_id, c.document_id, up))}">{_e(c.theme_id)}</a></td>'
        f'<td lang="zh">{_e(c.provision_zh)}: {c.level_zh} {_e(names[c.level_zh])} '
        f"({_cue(c.cue_zh)})<br><span class=where>{_e(c.sentence_zh)}</span></td>"
        f"<td>{_e(c.provision_en)}: {c.level_en} {_e(names[c.level_en])} ({_cue(c.cue_en)})"
        f"<br><span class=where>{_e(c.sentence_en)}</span></td></tr>"
        for c in cases
    )
    return (
        '<div class="scroll"><table><thead><tr><th>document</th>'
        "<th>theme</th><th>Chinese original</th><th>English translation</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></div>"
    )


def _disagreements(ev: Evolution) -> list[AgreementCase]:
    return [c for c in ev.agreement.cases if not c.agrees]


def _agreement(ev: Evolution) -> str:
    a = ev.agreement
    head = '<section id="english-and-chinese-agreement"><h2>English and Chinese agreement</h2>'
    if not a.compared:
        return head + "<p>No commitment is held in both languages.</p></section>"
    parts = [
        head,
        f"<p>Of {a.compared} commitments held in both the Chinese original and the English "
        f"translation, {a.same_level} get the same level in both "
        f"(agreement rate <strong>{(a.rate or 0):.0%}</strong>).</p>",
    ]
    disagreements = _disagreements(ev)
    if disagreements:
        parts.append(f"<h3>Disagreements ({len(disagreements)})</h3>")
        runs = chunks(disagreements, ROWS_PER_PAGE)
        if len(runs) == 1:
            parts.append(_disagreement_table(ev, disagreements))
        else:
            parts.append(_page_links(AGREEMENT_STEM, runs, "disagreements"))
    return "".join(parts) + "</section>"


def _page_links(stem: str, runs: Sequence[Sequence[object]], what: str) -> str:
    """A link to the first of the pages (each leads to the next): one line, however many."""
    total = sum(len(run) for run in runs)
    return (
        f'<p><a href="{_e(numbered(stem, 1, "html"))}">{what.capitalize()} 1–{len(runs[0])} '
        f"of {total}</a>, on {len(runs)} pages.</p>"
    )


def _overview_table(summaries: Sequence[DocumentSummary]) -> str:
    rows = []
    for s in summaries:
        versions = ", ".join(
            f"{_e(v.key)} ({_e(v.kind)}{'' if v.complete else ', partial'})" for v in s.versions
        )
        zh = f'<br><span class="zh" lang="zh">{_e(s.title_zh)}</span>' if s.title_zh else ""
        rows.append(
            f"<tr><td>{_e(shown_date(s.date))}</td><td><code>{_e(s.id)}</code></td><td>{_e(s.title)}{zh}"
            f'<br><span class="note">{_e(", ".join(s.issuers))}</span></td><td>{versions}</td>'
            f'<td class="num">{s.primary.provisions}</td><td class="num">{s.primary.sentences}'
            "</td></tr>"
        )
    # scrolls in its own box: at a phone's width the ids would widen the page
    return (
        '<div class="scroll"><table><thead><tr><th>date</th><th>id</th><th>title</th>'
        "<th>versions</th><th>provisions</th><th>sentences</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _overview(summaries: Sequence[DocumentSummary]) -> str:
    runs = chunks(summaries, ROWS_PER_PAGE)
    body = (
        _overview_table(summaries)
        if len(runs) == 1
        else _page_links(OVERVIEW_STEM, runs, "documents")
    )
    return (
        '<section id="corpus-overview"><h2>Corpus overview</h2>'
        f"<p>{len(summaries)} documents on the timeline.</p>{body}</section>"
    )


def _large_note(ev: Evolution) -> str:
    note = large_corpus_note(ev)
    return "" if note is None else f'<p class="note">{_e(note)}</p>'


def report_html(
    ev: Evolution,
    summaries: Sequence[DocumentSummary],
    charts: Mapping[str, bytes] | Callable[[], Mapping[str, bytes]],
    *,
    extra: str = "",
    extra_contents: Sequence[tuple[str, str]] = (),
) -> str:
    """The index page; ``charts`` maps chart file names to bytes, or is a function
    returning that map, called only once the rest of the page is written (so that charts
    drawn in other processes can finish meanwhile). ``extra`` is HTML of further sections
    (a lineage's fidelity), placed after the themes, and ``extra_contents`` their (anchor,
    title) entries in the table of contents."""
    if len(ev.documents) <= ROWS_PER_PAGE:
        documents = "".join(
            f"<li>{_e(shown_date(d.date))} · {_e(d.title)} <span class=note>({_e(d.id)}; "
            f"{_e(', '.join(d.languages))})</span></li>"
            for d in ev.documents
        )
        note = dates_note(d.date for d in ev.documents)
        listed = f":</p><ul>{documents}</ul>" + (f'<p class="note">{_e(note)}</p>' if note else "")
    else:
        listed = ' (listed in the <a href="#corpus-overview">Corpus overview</a>).</p>'
    head = (
        "<main><h1>Policy commitments over time</h1>"
        + _large_note(ev)
        + f"<p>{len(ev.themes)} themes followed through {len(ev.documents)} documents{listed}"
        '<p class="note">Strength is approximate: an ordinal reading of directive wording '
        '(see <a href="#how-to-read-this">How to read this</a>). Each theme has its own page '
        '(<a href="#themes">Themes</a>).</p>'
        '<nav class="toc" aria-label="Contents"><strong>Contents</strong><ul>'
        '<li><a href="#how-to-read-this">How to read this</a></li>'
        '<li><a href="#at-a-glance">At a glance</a></li>'
        '<li><a href="#charts">Charts</a></li>'
        '<li><a href="#biggest-movers">Biggest movers</a></li>'
        '<li><a href="#themes">Themes</a></li>'
        + "".join(f'<li><a href="#{_e(a)}">{_e(t)}</a></li>' for a, t in extra_contents)
        + '<li><a href="#english-and-chinese-agreement">English and Chinese agreement</a></li>'
        '<li><a href="#corpus-overview">Corpus overview</a></li></ul></nav>'
        + _how_to_read()
        + _glance(ev)
    )
    tail = _movers(ev) + _themes(ev) + extra + _agreement(ev) + _overview(summaries) + "</main>"
    body = head + _charts(charts() if callable(charts) else charts) + tail
    return page_html("Policy commitments over time · policydiff", body)


def pager(stem: str, number_: int, count: int) -> str:
    """Previous and next page, first and last: a few links, however many pages."""
    if count == 1:
        return ""
    near = [(1, "first"), (number_ - 1, "← previous"), (number_ + 1, "next →"), (count, "last")]
    links = " · ".join(
        f'<a href="{_e(numbered(stem, n, "html"))}">{label}</a>'
        for n, label in near
        if 1 <= n <= count and n != number_
    )
    return f'<nav class="meta" aria-label="Pages">Page {number_} of {count}: {links}</nav>'


def theme_page_html(ev: Evolution, page: ThemePage) -> str:
    back = '<p class="meta"><a href="../index.html">← Policy commitments over time</a></p>'
    pages_nav = pager(page.theme.id, page.number, page.count)
    body = f"<main>{back}{pages_nav}{theme_html(ev, page.theme, page)}{pages_nav}</main>"
    return page_html(f"{page.theme.label} · policydiff", body)


def _list_page(title: str, anchor: str, stem: str, number_: int, count: int, content: str) -> str:
    back = (
        f'<p class="meta"><a href="index.html#{_e(anchor)}">← Policy commitments over time</a></p>'
    )
    pages_nav = pager(stem, number_, count)
    return page_html(
        f"{title} · policydiff",
        f"<main>{back}{pages_nav}<h1>{_e(title)}</h1>{content}{pages_nav}</main>",
    )


def site_html(
    ev: Evolution,
    summaries: Sequence[DocumentSummary],
    charts: Mapping[str, bytes] | Callable[[], Mapping[str, bytes]],
    *,
    extra: str = "",
    extra_contents: Sequence[tuple[str, str]] = (),
) -> dict[str, str]:
    """Every HTML page of the report, by path in the report folder; the index last (it
    waits for the charts)."""
    pages: dict[str, str] = {}
    for theme in ev.themes:
        pages.update(
            (page.file("html"), theme_page_html(ev, page)) for page in theme_pages(ev, theme)
        )
    pages.update(index_site_html(ev, summaries, charts, extra=extra, extra_contents=extra_contents))
    return pages


def index_site_html(
    ev: Evolution,
    summaries: Sequence[DocumentSummary],
    charts: Mapping[str, bytes] | Callable[[], Mapping[str, bytes]],
    *,
    extra: str = "",
    extra_contents: Sequence[tuple[str, str]] = (),
) -> dict[str, str]:
    """Every page but the themes', the index last; none reads a point's evidence."""
    pages: dict[str, str] = {}
    runs = chunks(summaries, ROWS_PER_PAGE)
    if len(runs) > 1:
        for i, run in enumerate(runs, start=1):
            pages[numbered(OVERVIEW_STEM, i, "html")] = _list_page(
                "Corpus overview",
                "corpus-overview",
                OVERVIEW_STEM,
                i,
                len(runs),
                _overview_table(run),
            )
    cases = chunks(_disagreements(ev), ROWS_PER_PAGE)
    if len(cases) > 1:
        for i, found in enumerate(cases, start=1):
            pages[numbered(AGREEMENT_STEM, i, "html")] = _list_page(
                "English and Chinese disagreements",
                "english-and-chinese-agreement",
                AGREEMENT_STEM,
                i,
                len(cases),
                _disagreement_table(ev, found),
            )
    pages[INDEX] = report_html(ev, summaries, charts, extra=extra, extra_contents=extra_contents)
    return pages
