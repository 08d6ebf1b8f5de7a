"""The report as Markdown (``index.md``): GitHub-flavoured, links to the chart files.

Every piece of document text is escaped (:func:`md`), theme spans are bold, deleted
words ``<del>struck</del>`` and inserted words ``<ins>underlined</ins>`` (HTML tags, which
Markdown's ``~~`` is not beside Chinese punctuation). Each section is
its own function so that tests can compare single sections with golden files.
"""

from __future__ import annotations

from collections.abc import Sequence

from policydiff.analysis.commitments import Commitment
from policydiff.analysis.model import Change, Evolution, Point, ThemeEvolution
from policydiff.analysis.periods import is_large
from policydiff.models import shown_date
from policydiff.render.md_text import md, md_marked
from policydiff.render.pages import ThemePage, page_diffs
from policydiff.render.prose import (
    HOW_TO_READ,
    LEVEL_MEANINGS,
    STRENGTH_DOC,
)
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
from policydiff.strength import LEVEL_NAMES


def quote_md(quote: Quote) -> str:
    before, span, after = quote.parts()
    return f"{md(before)}**{md(span)}**{md(after)}"


def _cue(cue: str | None) -> str:
    return md(cue) if cue else "no cue"


def _cue_with_english(point: Point) -> str:
    if not point.present:
        return "–"
    if point.lang == "zh":
        english = md(point.cue_en) if point.cue_en else "no English counterpart"
        return f"{_cue(point.cue)} ({english})"
    return _cue(point.cue)


def _doc(ev: Evolution, doc_id: str) -> str:
    ref = ev.documents_by_id.get(doc_id)
    return f"{shown_date(ref.date)} `{doc_id}`" if ref else f"`{doc_id}`"


def change_md(ev: Evolution, change: Change, gaps: frozenset[str] = frozenset()) -> str:
    """One change; with ``gaps`` (the theme's), a drop into a gap reads as a gap and an
    addition out of one as resumed."""
    step = gap_step(change, gaps)
    if step == "gap":
        return (
            f"- · **gap**: {_doc(ev, change.from_document)} → {_doc(ev, change.to_document)}; "
            "not mentioned here, mentioned again later in its series"
        )
    if step == "resumed":
        return (
            f"- · **resumed**: {_doc(ev, change.from_document)} → "
            f"{_doc(ev, change.to_document)}; compared with the last mention above"
        )
    arrow = change.verdict.arrow
    delta = delta_text(change.delta)
    cues = f"{_cue(change.from_cue) if change.from_cue is not None else '(absent)'} → " + (
        _cue(change.to_cue) if change.to_cue is not None else "(absent)"
    )
    line = (
        f"- {arrow} **{change.verdict}**{f' ({delta})' if delta else ''}: "
        f"{_doc(ev, change.from_document)} → {_doc(ev, change.to_document)}; {cues}"
    )
    if change.skipped:
        which = "which does not" if len(change.skipped) == 1 else "which do not"
        line += f" (across {', '.join(f'`{d}`' for d in change.skipped)}, {which} mention it)"
    if note := order_note(ev, change):
        line += f" ({note})"
    return line


def _timeline_table(ev: Evolution, points: Sequence[Point]) -> list[str]:
    # A large corpus lists only the documents that mention the theme: no "present" column.
    large = is_large(ev)
    present_header = "" if large else " present |"
    lines = ["Documents that mention the theme:", ""] if large else []
    lines += [
        f"| document | date |{present_header} strength | level | cue (English) | mentions | targets |",
        "|---|---|" + ("" if large else "---|") + "---|---|---|---|---|",
    ]
    for p in points:
        targets = "; ".join(md(t) for t in target_snippets(p)) or "–"
        present_cell = "" if large else f" {'yes' if p.present else 'absent'} |"
        lines.append(
            f"| `{p.document}` | {shown_date(p.date)} |{present_cell} "
            f"{number(p.strength)} | {p.level or '–'} | {_cue_with_english(p)} | "
            f"{p.mentions} | {targets} |"
        )
    return lines


def _evidence_line(doc_id: str, e: Commitment) -> str:
    score = e.score
    flags = [
        f"cue {md(score.cue)}" if score.cue else "no cue",
        f"{score.level_name} {score.strength:g}",
    ]
    if score.restriction:
        flags.append("restriction")
    if score.negated:
        flags.append("negated")
    quote = Quote(doc_id, e)
    return f"- “{quote_md(quote)}” — *{md(quote.where)}* ({', '.join(flags)})"


def _target_line(place: TargetPlace, large: bool) -> str:
    """A target with where it is set: the location, and the sentence unless it is quoted
    already or the corpus is large (its sentences are in evolution.json)."""
    if not place.location:
        return f"- {md(place.text)}"
    where = f"- {md(place.text)} — *{md(place.location)}*"
    if place.shown:
        return f"{where} ({place.shown})"
    return where if large else f"{where}: “{md(place.sentence)}”"


def _point_md(ev: Evolution, p: Point) -> list[str]:
    ref = ev.documents_by_id.get(p.document)
    title = md(ref.title) if ref else ""
    lines = [f"#### {shown_date(p.date)} · {title}", ""]
    if not p.present:
        return [*lines, "Not mentioned.", ""]
    rep = representative(p)
    lines.append(
        f"Strongest commitment: **{p.level}** ({number(p.strength)}), cue {_cue_with_english(p)}."
    )
    lines.append("")
    if rep is not None:
        label = "Chinese original" if rep.mention.lang == "zh" else "Text"
        quote = Quote(p.document, rep)
        lines += [f"> {label}: {quote_md(quote)}", ">", f"> — *{md(quote.where)}*", ""]
        beside = english_beside(p, rep)
        if beside is not None:
            quote = Quote(p.document, beside)
            lines += [f"> English: {quote_md(quote)}", ">", f"> — *{md(quote.where)}*", ""]
    if p.targets:
        lines.append("Targets:")
        lines += [_target_line(place, is_large(ev)) for place in located_targets(p)]
        lines.append("")
    if p.caveats:
        lines.append("Caveats:")
        lines += [f"- {md(c)}" for c in p.caveats]
        lines.append("")
    others = other_evidence(p)
    if others and is_large(ev):
        lines += [
            f"Other mentions: {mentions_count(others)} (with their sentences in evolution.json).",
            "",
        ]
    elif others:
        lines.append(f"Other mentions ({mentions_count(others)}):")
        lines += [_evidence_line(p.document, e) for e in others]
        lines.append("")
    return lines


def diff_md(d: SentenceDiff) -> str:
    out = []
    for op in coalesce(d.ops):
        if op.op == "equal":
            out.append(md(op.old))
            continue
        if op.old:
            out.append(md_marked(op.old, "<del>", "</del>"))
        if op.new:
            out.append(md_marked(op.new, "<ins>", "</ins>"))
    return "".join(out)


def _diff_section(ev: Evolution, theme: ThemeEvolution, page: ThemePage | None) -> list[str]:
    diffs = page_diffs(ev, theme, page)
    if not diffs:
        return []
    lines = [
        f"### {wording_heading(ev)}",
        "",
        "Deleted words are <del>struck</del>, inserted words <ins>underlined</ins>.",
        "",
    ]
    for d in diffs:
        c = d.change
        language = "English" if d.lang == "en" else "Chinese"
        lines += [
            f"#### {_doc(ev, c.from_document)} → {_doc(ev, c.to_document)} ({language})",
            "",
            f"> {diff_md(d)}",
            "",
        ]
        if d.old_original or d.new_original:
            if d.old_original:
                lines.append(f"- Chinese original, `{c.from_document}`: {md(d.old_original)}")
            if d.new_original:
                lines.append(f"- Chinese original, `{c.to_document}`: {md(d.new_original)}")
            lines.append("")
    return lines


def _document_to_next(ev: Evolution, theme: ThemeEvolution) -> list[str]:
    if not draws_changes(ev):
        return [NO_CHANGE, ""]
    if not is_large(ev):
        items = [change_md(ev, c, theme.gaps) for c in theme.changes]
        return ["Document to next document:", "", *items, ""]
    counts = ", ".join(f"{v.arrow} {n} {v}" for v, n in verdict_counts(theme.changes))
    return [f"Document to next document: {counts} (each in evolution.json).", ""]


def theme_markdown(ev: Evolution, theme: ThemeEvolution, page: ThemePage | None = None) -> str:
    """One theme's section: timeline, verdicts, evidence, targets, caveats, wording diffs;
    all of it, or one page of it (:mod:`.pages`): the documents of that page, the verdicts
    and wording diffs that arrive at them, the counts of verdicts from each document to
    the next on the first page."""
    label_zh = f" · {md(theme.label_zh)}" if theme.label_zh else ""
    points = shown_points(ev, theme) if page is None else page.points
    since_last = theme.since_last if page is None else page.since_last
    part = (
        f" · page {page.number} of {page.count}: {page.span}"
        if page is not None and page.count > 1
        else ""
    )
    lines = [
        f'<a id="{theme_anchor(theme.id)}"></a>',
        "",
        f"## {md(theme.label)}{label_zh}",
        "",
        f"`{theme.id}` · present in {theme.present_in} of {len(theme.points)} documents{part}.",
        "",
        *_timeline_table(ev, points),
        "",
        "### Verdicts",
        "",
    ]
    if since_last:
        lines += ["Since the last mention:", "", *[change_md(ev, c) for c in since_last], ""]
    if page is None or page.number == 1:
        lines += _document_to_next(ev, theme)
    lines += ["### Evidence", ""]
    for p in points:
        lines += _point_md(ev, p)
    lines += _diff_section(ev, theme, page)
    return "\n".join(lines).rstrip("\n") + "\n"


def how_to_read_markdown() -> str:
    lines = ["## How to read this", ""]
    lines += [f"{paragraph}\n" for paragraph in HOW_TO_READ]
    lines += ["| level | name | meaning |", "|---|---|---|"]
    for i, name in enumerate(LEVEL_NAMES):
        lines.append(f"| {i} | {name} | {md(LEVEL_MEANINGS[i])} |")
    # no link: the report may be written anywhere, and the page is in the repository
    lines += [
        "",
        f"The full scale, its cues and its limits: `{STRENGTH_DOC}` in the policydiff repository.",
    ]
    return "\n".join(lines) + "\n"
