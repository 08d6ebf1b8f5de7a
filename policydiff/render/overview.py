"""The corpus overview as Markdown: what the corpus holds, counted (a section of the report).
Every field a document's metadata supplies is written inert (:func:`md`): a title is data,
not Markdown, HTML or a link."""

from __future__ import annotations

from policydiff.corpus.summary import DocumentSummary
from policydiff.models import shown_date
from policydiff.render.md_text import md


def overview_markdown(summaries: tuple[DocumentSummary, ...]) -> str:
    lines = [
        "# Corpus overview",
        "",
        f"{len(summaries)} documents on the timeline.",
        "",
        "| date | id | title | versions | provisions | sentences |",
        "|---|---|---|---|---|---|",
    ]
    for s in summaries:
        versions = ", ".join(
            f"{v.key} ({v.kind}{'' if v.complete else ', partial'})" for v in s.versions
        )
        lines.append(
            f"| {shown_date(s.date)} | `{s.id}` | {md(s.title)} | {md(versions)} | "
            f"{s.primary.provisions} | {s.primary.sentences} |"
        )
    lines += ["", "## Versions", ""]
    for s in summaries:
        issuers = ", ".join(s.issuers) or "issuers unknown"
        lines.append(f"- **{shown_date(s.date)} {md(s.title)}** — {md(issuers)}")
        if s.title_zh:
            lines.append(f"  - Chinese title: {md(s.title_zh)}")
        for v in s.versions:
            note = f" — note: {md(v.note)}" if v.note else ""
            lines.append(
                f"  - `{v.key}`: {v.lang}, {v.kind}, {'complete' if v.complete else 'partial'}, "
                f"{v.characters:,} characters, {v.provisions} provisions, {v.sentences} sentences"
                f" (source: {md(v.source)}){note}"
            )
    return "\n".join(lines) + "\n"
