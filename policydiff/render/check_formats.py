"""``policydiff check``'s result as text, Markdown (the pull-request comment) and JSON."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from policydiff.analysis.verdicts import ORDER_UNCERTAIN
from policydiff.check.result import CheckResult, ThemeChange
from policydiff.render.md_text import md


def result_dict(result: CheckResult) -> dict[str, Any]:
    return {
        "corpus": result.corpus,
        "documents": result.documents,
        "since": result.since,
        "new": list(result.new),
        "changed": list(result.changed),
        "removed": list(result.removed),
        "changes": [asdict(c) for c in result.changes],
        "findings": [asdict(f) for f in result.findings],
        "fail_on": list(result.fail_on),
        "notes": list(result.notes),
        "first_of_series": [
            {"document": document, "series": series} for document, series in result.first_of_series
        ],
        "recompared": [
            {"document": document, "compared_with": before}
            for document, before in result.recompared
        ],
        "exit_code": result.exit_code,
    }


def _reported(result: CheckResult) -> list[tuple[str, str, str]]:
    """The documents whose theme changes are reported: the new and changed ones, then each
    document now compared with one of them; each with the document it is now compared
    with ("" for a new or changed one) and, for the first of its series, why it has no
    theme change ("" otherwise)."""
    firsts = dict(result.first_of_series)

    def first(doc_id: str) -> str:
        series = firsts.get(doc_id)
        if series is None:
            return ""
        return f"first of its series ({series}): nothing before it in the series to compare it with"

    return [(d, "", first(d)) for d in (*result.new, *result.changed)] + [
        (d, before, "") for d, before in result.recompared
    ]


LISTED = 10  # document ids named in a line before the rest are counted (JSON has them all)


def _listed(ids: Sequence[str]) -> str:
    """The ids, or the first :data:`LISTED` of them and how many more."""
    if len(ids) <= LISTED:
        return ", ".join(ids)
    return f"{', '.join(ids[:LISTED])} and {len(ids) - LISTED} more (all in --format json)"


def _changes_by_document(result: CheckResult) -> dict[str, list[ThemeChange]]:
    """The theme changes of each document, in their order (one pass, not one per document:
    a first check of a large corpus has thousands of new documents)."""
    grouped: dict[str, list[ThemeChange]] = {}
    for change in result.changes:
        grouped.setdefault(change.document, []).append(change)
    return grouped


def render_text(result: CheckResult) -> str:
    lines = [
        f"policydiff check: {result.corpus} ({result.documents} documents), "
        f"compared with {result.since}"
    ]
    for name in ("new", "changed", "removed"):
        ids = getattr(result, name)
        if ids:
            lines.append(f"{name}: {_listed(ids)}")
    by_document = _changes_by_document(result)
    for doc_id, before, first in _reported(result):
        mine = by_document.get(doc_id, [])
        lines.append("")
        now = f" (now compared with {before}, before it in its series)" if before else ""
        lines.append(
            f"{doc_id}: {first}" if first else f"{doc_id}{now}: {len(mine) or 'no'} theme changes"
        )
        for c in mine:
            lines.append(f"  {_verdict(c):<12} {c.theme:<28} {c.describe()}")
            lines += [f"      {doc} · {where}: {said}" for doc, where, said in c.evidence()]
    lines.append("")
    lines.extend(f.line() for f in result.findings)
    lines.extend(f"note: {n}" for n in result.notes)
    lines.append(_verdict_line(result))
    return "\n".join(lines) + "\n"


def _verdict(change: ThemeChange) -> str:
    """A drop the series makes up for later reads as a gap."""
    return "gap" if change.is_gap else str(change.verdict)


def _verdict_line(result: CheckResult) -> str:
    errors, warnings = len(result.errors), len(result.warnings)
    state = "FAILED" if result.exit_code else "passed"
    return (
        f"check {state}: {errors} error{'' if errors == 1 else 's'}, "
        f"{warnings} warning{'' if warnings == 1 else 's'}"
    )


# a pull-request comment quotes this much of a sentence; the text output and JSON quote it whole
QUOTED = 160


def _clipped(sentence: str) -> str:
    return sentence if len(sentence) <= QUOTED else sentence[: QUOTED - 3] + "..."


def _md(text: str | None) -> str:
    """Document text in the PR comment: inert Markdown (a table cell's "|" included)."""
    return md(text or "")


def render_markdown(result: CheckResult) -> str:
    icon = "❌" if result.exit_code else "✅"
    lines = [
        f"## {icon} policydiff check",
        "",
        f"`{result.corpus}`: {result.documents} documents, compared with {result.since}.",
    ]
    for name in ("new", "changed", "removed"):
        ids = getattr(result, name)
        if ids:
            lines.append(f"- **{name}**: {_listed([f'`{i}`' for i in ids])}")
    by_document = _changes_by_document(result)
    for doc_id, before, first in _reported(result):
        mine = by_document.get(doc_id, [])
        now = f" (now compared with `{before}`, before it in its series)" if before else ""
        lines += ["", f"### `{doc_id}`{now}", ""]
        if not mine:
            lines.append(
                f"{md(first[:1].upper() + first[1:])}."
                if first
                else "No theme added, dropped, strengthened or weakened."
            )
            continue
        lines += [
            "| Theme | Verdict | Before | After | Δ | Evidence |",
            "|---|---|---|---|---|---|",
        ]
        for c in mine:
            flag = " ⚠️" if c.fails(result.fail_on) else ""
            before = f"{_md(c.from_cue)} ({c.from_strength})" if c.from_cue else "—"
            if c.skipped:
                skipped = _listed([f"`{d}`" for d in c.skipped])
                before += f", in `{c.from_document}` (not mentioned in {skipped} since)"
            after = f"{_md(c.to_cue)} ({c.to_strength})" if c.to_cue else "—"
            if c.resumed_in:
                after += f" (mentioned again in `{c.resumed_in}`)"
            if c.as_before:
                after += " (as the committed report has it)"
            if c.order_uncertain:
                after += f" ({ORDER_UNCERTAIN})"
            delta = f"{c.delta:+}" if c.delta is not None else ""
            evidence = "<br>".join(
                f"{_md(_clipped(said))} — *`{doc}` · {_md(where)}*"
                for doc, where, said in c.evidence()
            ) or _md(_clipped(c.sentence))
            lines.append(
                f"| {_md(c.label)} | **{_verdict(c)}**{flag} | {before} | {after} | {delta} "
                f"| {evidence} |"
            )
    if result.findings:
        lines += ["", "### Findings", ""]
        lines += [f"- **{f.severity}** `{f.path}`: {_md(f.message)}" for f in result.findings]
    lines += [f"- note: {n}" for n in result.notes]
    lines += ["", f"**{_verdict_line(result)}**", ""]
    return "\n".join(lines)
