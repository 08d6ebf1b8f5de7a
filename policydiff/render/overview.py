"""The corpus overview as Markdown: what the corpus holds, counted (a section of the report)."""

from __future__ import annotations

from policydiff.corpus.summary import DocumentSummary


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
            f"| {s.date} | `{s.id}` | {_cell(s.title)} | {versions} | "
            f"{s.primary.provisions} | {s.primary.sentences} |"
        )
    lines += ["", "## Versions", ""]
    for s in summaries:
        lines.append(f"- **{s.date} {_cell(s.title)}** — {', '.join(s.issuers)}")
        if s.title_zh:
            lines.append(f"  - Chinese title: {s.title_zh}")
        for v in s.versions:
            extra = f"; {v.note}" if v.note else ""
            lines.append(
                f"  - `{v.key}`: {v.lang}, {v.kind}, {'complete' if v.complete else 'partial'}, "
                f"{v.characters:,} characters, {v.provisions} provisions, {v.sentences} sentences"
                f" (source: {v.source}{extra})"
            )
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")
