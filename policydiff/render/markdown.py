"""The report as Markdown (``index.md``): GitHub-flavoured, links to the chart files.

Every piece of document text is escaped (:func:`md`), theme spans are bold, deleted
words ``~~struck~~`` and inserted words ``<ins>underlined</ins>``. Each section is
its own function so that tests can compare single sections with golden files.
"""

from __future__ import annotations

from collections.abc import Sequence

from policydiff.analysis.commitments import Commitment
from policydiff.analysis.model import Change, Evolution, Point, ThemeEvolution
from policydiff.analysis.periods import is_large
from policydiff.analysis.verdicts import Verdict
from policydiff.corpus.summary import DocumentSummary
from policydiff.render.chart_spec import CHARTS
from policydiff.render.md_text import md, md_marked
from policydiff.render.overview import overview_markdown
from policydiff.render.prose import (
    HOW_TO_READ,
    LEVEL_MEANINGS,
    STRENGTH_DOC,
    large_corpus_note,
)
from policydiff.render.view import (
    Quote,
    SentenceDiff,
    coalesce,
    delta_text,
    english_beside,
    glance,
    number,
    other_evidence,
    representative,
    sentence_diffs,
    shown_points,
    target_text,
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
    return f"{ref.date} `{doc_id}`" if ref else f"`{doc_id}`"


def change_md(ev: Evolution, change: Change, gaps: frozenset[str] = frozenset()) -> str:
    """One change; with ``gaps`` (the theme's), a drop into a gap reads as a gap and an
    addition out of one as resumed."""
    if change.verdict == Verdict.DROPPED and change.to_document in gaps:
        return (
            f"- · **gap**: {_doc(ev, change.from_document)} → {_doc(ev, change.to_document)}; "
            "not mentioned here, mentioned again later in its series"
        )
    if change.verdict == Verdict.ADDED and change.from_document in gaps:
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
        line += f" (across {', '.join(f'`{d}`' for d in change.skipped)}, which do not mention it)"
    return line


def _timeline_table(ev: Evolution, theme: ThemeEvolution) -> list[str]:
    # A large corpus lists only the documents that mention the theme: no "present" column.
    large = is_large(ev)
    present_header = "" if large else " present |"
    lines = ["Documents that mention the theme:", ""] if large else []
    lines += [
        f"| document | date |{present_header} strength | level | cue (English) | mentions | targets |",
        "|---|---|" + ("" if large else "---|") + "---|---|---|---|---|",
    ]
    for p in shown_points(ev, theme):
        targets = "; ".join(md(t.text) for t in p.targets) or "–"
        present_cell = "" if large else f" {'yes' if p.present else 'absent'} |"
        lines.append(
            f"| `{p.document}` | {p.date} |{present_cell} "
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


def _point_md(ev: Evolution, p: Point) -> list[str]:
    ref = ev.documents_by_id.get(p.document)
    title = md(ref.title) if ref else ""
    lines = [f"#### {p.date} · {title}", ""]
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
        lines += [f"- {md(target_text(t.text, t.value, t.unit, t.year))}" for t in p.targets]
        lines.append("")
    if p.caveats:
        lines.append("Caveats:")
        lines += [f"- {md(c)}" for c in p.caveats]
        lines.append("")
    others = other_evidence(p)
    if others and is_large(ev):
        lines += [f"Other mentions: {len(others)} (with their sentences in evolution.json).", ""]
    elif others:
        lines.append(f"Other mentions ({len(others)}):")
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
            out.append(md_marked(op.old, "~~", "~~"))
        if op.new:
            out.append(md_marked(op.new, "<ins>", "</ins>"))
    return "".join(out)


def _diff_section(ev: Evolution, theme: ThemeEvolution) -> list[str]:
    diffs = sentence_diffs(theme, moves_only=is_large(ev))
    if not diffs:
        return []
    lines = [
        f"### {wording_heading(ev)}",
        "",
        "Deleted words are ~~struck~~, inserted words <ins>underlined</ins>.",
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
    if not is_large(ev):
        items = [change_md(ev, c, theme.gaps) for c in theme.changes]
        return ["Document to next document:", "", *items, ""]
    counts = ", ".join(f"{v.arrow} {n} {v}" for v, n in verdict_counts(theme.changes))
    return [f"Document to next document: {counts} (each in evolution.json).", ""]


def theme_markdown(ev: Evolution, theme: ThemeEvolution) -> str:
    """One theme's section: timeline, verdicts, evidence, targets, caveats, wording diffs."""
    label_zh = f" · {md(theme.label_zh)}" if theme.label_zh else ""
    lines = [
        f'<a id="{theme_anchor(theme.id)}"></a>',
        "",
        f"## {md(theme.label)}{label_zh}",
        "",
        f"`{theme.id}` · present in {theme.present_in} of {len(theme.points)} documents.",
        "",
        *_timeline_table(ev, theme),
        "",
        "### Verdicts",
        "",
    ]
    if theme.since_last:
        lines += ["Since the last mention:", "", *[change_md(ev, c) for c in theme.since_last], ""]
    lines += [*_document_to_next(ev, theme), "### Evidence", ""]
    for p in shown_points(ev, theme):
        lines += _point_md(ev, p)
    lines += _diff_section(ev, theme)
    return "\n".join(lines).rstrip("\n") + "\n"


def how_to_read_markdown() -> str:
    lines = ["## How to read this", ""]
    lines += [f"{paragraph}\n" for paragraph in HOW_TO_READ]
    lines += ["| level | name | meaning |", "|---|---|---|"]
    for i, name in enumerate(LEVEL_NAMES):
        lines.append(f"| {i} | {name} | {md(LEVEL_MEANINGS[i])} |")
    lines += ["", f"The full scale, its cues and its limits: [{STRENGTH_DOC}]({STRENGTH_DOC})."]
    return "\n".join(lines) + "\n"


def agreement_markdown(ev: Evolution) -> str:
    a = ev.agreement
    lines = ["## English and Chinese agreement", ""]
    if not a.compared:
        return "\n".join([*lines, "No commitment is held in both languages."]) + "\n"
    lines += [
        f"Of {a.compared} commitments held in both the Chinese original and the English "
        f"translation, {a.same_level} get the same level in both "
        f"(agreement rate {a.rate:.0%}).",
        "",
    ]
    disagreements = [c for c in a.cases if not c.agrees]
    if disagreements:
        lines += [
            f"Disagreements ({len(disagreements)}):",
            "",
            "| document | theme | Chinese | English |",
            "|---|---|---|---|",
        ]
        for c in disagreements:
            lines.append(
                f"| `{c.document_id}` | [{c.theme_id}](#{theme_anchor(c.theme_id)}) | "
                f"{c.provision_zh}: {c.level_zh} {LEVEL_NAMES[c.level_zh]} ({_cue(c.cue_zh)}) | "
                f"{c.provision_en}: {c.level_en} {LEVEL_NAMES[c.level_en]} ({_cue(c.cue_en)}) |"
            )
        lines.append("")
        for c in disagreements:
            lines += [
                f"- `{c.document_id}` · {c.theme_id}",
                f"  - 原文 {md(c.sentence_zh)}",
                f"  - English: {md(c.sentence_en)}",
            ]
    return "\n".join(lines).rstrip("\n") + "\n"


def overview_section(summaries: Sequence[DocumentSummary]) -> str:
    """The corpus overview, its headings one level down."""
    text = overview_markdown(tuple(summaries))
    lines = [f"#{line}" if line.startswith("#") else line for line in text.splitlines()]
    lines[0] = '<a id="corpus-overview"></a>\n\n' + lines[0]
    return "\n".join(lines) + "\n"


def _glance(ev: Evolution) -> list[str]:
    table = glance(ev)
    lines = [
        md(table.caption),
        "",
        "| theme | " + " | ".join(table.headers) + " | change |",
        "|---|" + "---|" * len(table.headers) + "---|",
    ]
    for t in table.shown.themes:
        cells = [f"{number(p.strength)} {p.level}" if p.present else "–" for p in t.points]
        moves = " ".join(
            f"{c.verdict.arrow}{delta_text(c.delta)}" if c.delta else c.verdict.arrow
            for c in t.changes
        )
        lines.append(
            f"| [{md(t.label)}](#{theme_anchor(t.id)}) | " + " | ".join(cells) + f" | {moves} |"
        )
    return lines


def _large_note(ev: Evolution) -> list[str]:
    note = large_corpus_note(ev)
    return [] if note is None else [md(note), ""]


def report_markdown(
    ev: Evolution, summaries: Sequence[DocumentSummary], *, charts: Sequence[str] = ()
) -> str:
    """The whole report; ``charts`` are the chart file names written beside it."""
    lines = [
        "# Policy commitments over time",
        "",
        *_large_note(ev),
        f"{len(ev.themes)} themes followed through {len(ev.documents)} documents:",
        "",
        *[f"- {d.date} · {md(d.title)} (`{d.id}`; {', '.join(d.languages)})" for d in ev.documents],
        "",
        "Strength is approximate: an ordinal reading of directive wording (see "
        "[How to read this](#how-to-read-this)).",
        "",
        "## Contents",
        "",
        "- [How to read this](#how-to-read-this)",
        "- [At a glance](#at-a-glance)",
        "- [Charts](#charts)",
        "- Themes",
        *[f"  - [{md(t.label)}](#{theme_anchor(t.id)})" for t in ev.themes],
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
    sections = [text.rstrip("\n") + "\n"]
    sections += [theme_markdown(ev, t) for t in ev.themes]
    sections.append(agreement_markdown(ev))
    sections.append(overview_section(summaries))
    return "\n".join(sections)
