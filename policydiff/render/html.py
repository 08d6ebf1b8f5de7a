"""The report as one self-contained HTML page (``index.html``).

Inline CSS, charts embedded as base64 PNG ``data:`` URIs, no script and no external
resource, so the file can be mailed or opened offline. Every piece of document text
goes through :func:`html.escape`; theme spans are ``<mark>``, deleted words ``<del>``
(red, struck) and inserted words ``<ins>`` (green).
"""

from __future__ import annotations

from collections.abc import Sequence

from policydiff.analysis.commitments import Commitment
from policydiff.analysis.model import Change, Evolution, Point, ThemeEvolution
from policydiff.analysis.periods import is_large
from policydiff.models import shown_date
from policydiff.render.html_text import html_text, ops_html
from policydiff.render.pages import ThemePage, page_diffs
from policydiff.render.view import (
    NO_CHANGE,
    Quote,
    SentenceDiff,
    TargetPlace,
    coalesce,
    delta_text,
    draws_changes,
    english_beside,
    gap_step,
    located_targets,
    mentions_count,
    number,
    order_note,
    other_evidence,
    representative,
    shown_points,
    target_snippets,
    theme_anchor,
    verdict_counts,
    wording_heading,
)

CSS = """
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa;
  --up: #1a7f37; --down: #cf222e; --mark: #fff1a8; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 16px/1.6 -apple-system, "Segoe UI", "Helvetica Neue", Arial, "Noto Sans CJK SC",
  "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Zen Hei",
  sans-serif; }
main { max-width: 62rem; margin: 0 auto; padding: 1.5rem 1.25rem 4rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 1rem 0 .5rem; }
h2 { font-size: 1.5rem; margin: 2.5rem 0 .75rem; padding-top: .75rem;
  border-top: 2px solid var(--line); }
h3 { font-size: 1.15rem; margin: 1.75rem 0 .5rem; }
h4 { font-size: 1rem; margin: 1.25rem 0 .4rem; }
.zh { color: var(--muted); font-weight: normal; }
.meta, .where, .note { color: var(--muted); font-size: .9rem; }
a { color: #0969da; }
nav.toc { background: var(--soft); border: 1px solid var(--line); border-radius: 6px;
  padding: .75rem 1.25rem; columns: 2 18rem; font-size: .95rem; }
nav.toc ul { margin: .25rem 0; padding-left: 1.1rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92rem; }
th, td { border: 1px solid var(--line); padding: .35rem .55rem; text-align: left;
  vertical-align: top; }
th { background: var(--soft); }
.wide { overflow-x: auto; }
.scroll { overflow-x: auto; }
.wide td, .wide th { white-space: nowrap; }
.wide td.change { white-space: normal; min-width: 16rem; }
.wide td:first-child, .wide th:first-child { position: sticky; left: 0; z-index: 1;
  background: #fff; white-space: normal; min-width: 12rem; }
.wide th:first-child { background: var(--soft); }
td.nowrap { white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.absent td { color: var(--muted); background: #fafafa; }
.verdicts { list-style: none; padding-left: 0; }
.verdicts li { margin: .2rem 0; }
.arrow { display: inline-block; width: 1.2em; font-weight: bold; }
td .arrow { width: auto; margin-right: .15em; }
.strengthened .arrow, .added .arrow { color: var(--up); }
.weakened .arrow, .dropped .arrow { color: var(--down); }
.delta { font-variant-numeric: tabular-nums; font-weight: 600; }
blockquote { margin: .5rem 0; padding: .5rem .9rem; border-left: 4px solid var(--line);
  background: var(--soft); }
blockquote p { margin: .2rem 0; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: .75rem; }
@media (max-width: 50rem) { .pair { grid-template-columns: 1fr; } }
.lang { font-size: .75rem; text-transform: uppercase; letter-spacing: .04em;
  color: var(--muted); }
mark { background: var(--mark); padding: 0 .1em; }
del { color: var(--down); background: #ffebe9; text-decoration: line-through; }
ins { color: var(--up); background: #dafbe1; text-decoration: none; }
del + ins { margin-left: .2em; }
.diff { font-size: .95rem; }
figure { margin: 1rem 0 2rem; }
figure img { max-width: 100%; height: auto; border: 1px solid var(--line); }
figcaption { color: var(--muted); font-size: .9rem; }
details { margin: .5rem 0; }
summary { cursor: pointer; color: var(--muted); }
.caveats li, .evidence li { margin: .25rem 0; }
.tag { display: inline-block; font-size: .75rem; border: 1px solid var(--line);
  border-radius: 3px; padding: 0 .3rem; color: var(--muted); }
"""


_e = html_text  # the short name the pages are written with


def _quote(quote: Quote) -> str:
    before, span, after = quote.parts()
    return f"{_e(before)}<mark>{_e(span)}</mark>{_e(after)}"


def _cue(cue: str | None) -> str:
    return f"<q>{_e(cue)}</q>" if cue else '<span class="note">no cue</span>'


def _doc(ev: Evolution, doc_id: str) -> str:
    ref = ev.documents_by_id.get(doc_id)
    return f"{_e(shown_date(ref.date))}" if ref else _e(doc_id)


def _change(ev: Evolution, c: Change, gaps: frozenset[str] = frozenset()) -> str:
    step = gap_step(c, gaps)
    if step == "gap":
        return (
            f'<li class="gap"><span class="arrow">·</span><strong>gap</strong> · '
            f"{_doc(ev, c.from_document)} → {_doc(ev, c.to_document)}: not mentioned here, "
            "mentioned again later in its series</li>"
        )
    if step == "resumed":
        return (
            f'<li class="gap"><span class="arrow">·</span><strong>resumed</strong> · '
            f"{_doc(ev, c.from_document)} → {_doc(ev, c.to_document)}: compared with the last "
            "mention above</li>"
        )
    delta = delta_text(c.delta)
    before = _cue(c.from_cue) if c.from_cue is not None else '<span class="note">absent</span>'
    after = _cue(c.to_cue) if c.to_cue is not None else '<span class="note">absent</span>'
    which = "which does not" if len(c.skipped) == 1 else "which do not"
    skipped = (
        f' <span class="note">(across {", ".join(_e(d) for d in c.skipped)}, '
        f"{which} mention it)</span>"
        if c.skipped
        else ""
    )
    note = order_note(ev, c)
    order = f' <span class="note">({_e(note)})</span>' if note else ""
    return (
        f'<li class="{_e(c.verdict)}"><span class="arrow">{_e(c.verdict.arrow)}</span>'
        f"<strong>{_e(c.verdict)}</strong>"
        f"{f' <span class=delta>{_e(delta)}</span>' if delta else ''} · "
        f"{_doc(ev, c.from_document)} → {_doc(ev, c.to_document)}: {before} → {after}{skipped}"
        f"{order}</li>"
    )


def _cue_cells(p: Point) -> str:
    if not p.present:
        return "<td>–</td><td>–</td>"
    if p.lang == "zh":
        english = _e(p.cue_en) if p.cue_en else '<span class="note">no counterpart</span>'
        return f'<td lang="zh">{_e(p.cue or "") or "–"}</td><td>{english}</td>'
    return f"<td>–</td><td>{_e(p.cue or '') or '–'}</td>"


def _timeline_table(ev: Evolution, points: Sequence[Point]) -> str:
    # A large corpus lists only the documents that mention the theme: no "present" column.
    large = is_large(ev)
    rows = []
    for p in points:
        targets = "; ".join(_e(t) for t in target_snippets(p)) or "–"
        present = "" if large else f"<td>{'yes' if p.present else 'absent'}</td>"
        rows.append(
            f'<tr class="{"present" if p.present else "absent"}"><td>{_e(p.document)}</td>'
            f"<td class=nowrap>{_e(shown_date(p.date))}</td>{present}"
            f'<td class="num">{number(p.strength)}</td><td>{_e(p.level or "–")}</td>'
            f'{_cue_cells(p)}<td class="num">{p.mentions}</td><td>{targets}</td></tr>'
        )
    caption = "<caption>Documents that mention the theme</caption>" if large else ""
    present_header = "" if large else "<th>present</th>"
    # scrolls in its own box: at a phone's width the ids and cues would widen the page
    return (
        f'<div class="scroll"><table>{caption}<thead><tr><th>document</th><th>date</th>'
        f"{present_header}<th>strength</th>"
        "<th>level</th><th>cue (original)</th><th>cue (English)</th><th>mentions</th>"
        f"<th>targets</th></tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def _blockquote(label: str, quote: Quote) -> str:
    lang = ' lang="zh"' if quote.evidence.mention.lang == "zh" else ""
    return (
        f'<blockquote{lang}><div class="lang">{_e(label)}</div><p>{_quote(quote)}</p>'
        f'<p class="where">{_e(quote.where)}</p></blockquote>'
    )


def _evidence_item(doc_id: str, e: Commitment) -> str:
    score = e.score
    flags = [
        f"cue <q>{_e(score.cue)}</q>" if score.cue else "no cue",
        f"{_e(score.level_name)} {score.strength:g}",
    ]
    if score.restriction:
        flags.append("restriction")
    if score.negated:
        flags.append("negated")
    quote = Quote(doc_id, e)
    lang = ' lang="zh"' if e.mention.lang == "zh" else ""
    return (
        f"<li{lang}>“{_quote(quote)}” <span class=where>— {_e(quote.where)}</span> "
        f'<span class="tag">{", ".join(flags)}</span></li>'
    )


def _target_item(place: TargetPlace, large: bool) -> str:
    """A target with where it is set: the location, and the sentence unless it is quoted
    already or the corpus is large (its sentences are in evolution.json)."""
    if not place.location:
        return f"<li>★ {_e(place.text)}</li>"
    where = f"★ {_e(place.text)} <span class=where>— {_e(place.location)}</span>"
    if place.shown:
        return f'<li>{where} <span class="note">({_e(place.shown)})</span></li>'
    if large:
        return f"<li>{where}</li>"
    lang = ' lang="zh"' if place.lang == "zh" else ""
    return f'<li>{where}<br><span class="note"{lang}>“{_e(place.sentence)}”</span></li>'


def _point(ev: Evolution, p: Point) -> str:
    ref = ev.documents_by_id.get(p.document)
    head = f"<h4>{_e(shown_date(p.date))} · {_e(ref.title) if ref else _e(p.document)}</h4>"
    if not p.present:
        return head + '<p class="note">Not mentioned.</p>'
    parts = [
        head,
        f"<p>Strongest commitment: <strong>{_e(p.level or '')}</strong> "
        f"({number(p.strength)}), cue {_cue(p.cue)}"
        + (f" (English: {_cue(p.cue_en)})" if p.lang == "zh" else "")
        + ".</p>",
    ]
    rep = representative(p)
    if rep is not None:
        beside = english_beside(p, rep)
        if beside is not None:
            parts.append(
                '<div class="pair">'
                + _blockquote("Chinese original", Quote(p.document, rep))
                + _blockquote("English translation", Quote(p.document, beside))
                + "</div>"
            )
        else:
            label = "Chinese original" if rep.mention.lang == "zh" else "Text"
            parts.append(_blockquote(label, Quote(p.document, rep)))
    if p.targets:
        items = "".join(_target_item(place, is_large(ev)) for place in located_targets(p))
        parts.append(f"<p>Targets:</p><ul>{items}</ul>")
    if p.caveats:
        items = "".join(f"<li>{_e(c)}</li>" for c in p.caveats)
        parts.append(f'<p>Caveats:</p><ul class="caveats">{items}</ul>')
    others = other_evidence(p)
    if others and is_large(ev):
        parts.append(
            f'<p class="note">Other mentions: {_e(mentions_count(others))} (with their '
            "sentences in evolution.json).</p>"
        )
    elif others:
        items = "".join(_evidence_item(p.document, e) for e in others)
        parts.append(
            f"<details><summary>Other mentions ({_e(mentions_count(others))})</summary>"
            f'<ul class="evidence">{items}</ul></details>'
        )
    return "".join(parts)


def diff_html(d: SentenceDiff) -> str:
    return ops_html(coalesce(d.ops))


def _diffs(ev: Evolution, theme: ThemeEvolution, page: ThemePage | None) -> str:
    diffs = page_diffs(ev, theme, page)
    if not diffs:
        return ""
    parts = [
        f"<h3>{_e(wording_heading(ev))}</h3>",
        '<p class="note">Deleted words <del>struck red</del>, inserted words <ins>green</ins>.</p>',
    ]
    for d in diffs:
        c = d.change
        lang = ' lang="zh"' if d.lang == "zh" else ""
        parts.append(
            f"<h4>{_doc(ev, c.from_document)} → {_doc(ev, c.to_document)} "
            f'<span class="note">({"English" if d.lang == "en" else "Chinese"})</span></h4>'
            f'<blockquote class="diff"{lang}><p>{diff_html(d)}</p></blockquote>'
        )
        originals = [
            (c.from_document, d.old_original),
            (c.to_document, d.new_original),
        ]
        items = "".join(
            f'<li lang="zh"><span class="note">{_e(doc)}:</span> {_e(text)}</li>'
            for doc, text in originals
            if text
        )
        if items:
            parts.append(f'<p class="note">Chinese original:</p><ul>{items}</ul>')
    return "".join(parts)


def _document_to_next(ev: Evolution, theme: ThemeEvolution) -> str:
    if not draws_changes(ev):
        return f"<p>{_e(NO_CHANGE)}</p>"
    if not is_large(ev):
        items = "".join(_change(ev, c, theme.gaps) for c in theme.changes)
        return f"<p>Document to next document:</p><ul class=verdicts>{items}</ul>"
    counts = ", ".join(
        f'<span class="{_e(v)}"><span class="arrow">{_e(v.arrow)}</span>{n} {_e(v)}</span>'
        for v, n in verdict_counts(theme.changes)
    )
    return f"<p>Document to next document: {counts} (each in evolution.json).</p>"


def theme_html(ev: Evolution, theme: ThemeEvolution, page: ThemePage | None = None) -> str:
    """A theme's section: all of it, or one page of it (:mod:`.pages`): the documents of
    that page, the verdicts and wording diffs that arrive at them; the counts of
    verdicts from each document to the next on the first page."""
    zh = f' <span class="zh" lang="zh">{_e(theme.label_zh)}</span>' if theme.label_zh else ""
    points = shown_points(ev, theme) if page is None else page.points
    since_last = theme.since_last if page is None else page.since_last
    since = (
        "<p>Since the last mention:</p><ul class=verdicts>"
        + "".join(_change(ev, c) for c in since_last)
        + "</ul>"
        if since_last
        else ""
    )
    part = (
        f" · page {page.number} of {page.count}: {_e(page.span)}"
        if page is not None and page.count > 1
        else ""
    )
    return (
        f'<section class="theme" id="{_e(theme_anchor(theme.id))}">'
        f"<h2>{_e(theme.label)}{zh}</h2>"
        f'<p class="meta"><code>{_e(theme.id)}</code> · present in {theme.present_in} of '
        f"{len(theme.points)} documents{part}</p>"
        f"{_timeline_table(ev, points)}"
        "<h3>Verdicts</h3>"
        + since
        + (_document_to_next(ev, theme) if page is None or page.number == 1 else "")
        + "<h3>Evidence</h3>"
        + "".join(_point(ev, p) for p in points)
        + _diffs(ev, theme, page)
        + "</section>"
    )
