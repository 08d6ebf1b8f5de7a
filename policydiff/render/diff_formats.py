"""A :class:`policydiff.diff.DocumentDiff` as Markdown, HTML or JSON.

Markdown marks deletions ``~~old~~`` and insertions ``**new**`` (document text escaped);
HTML is a self-contained page with ``<del>``/``<ins>`` and every piece of document text
passed through :func:`html.escape`; JSON is the whole diff (all ops, nothing elided),
deterministic: ``ensure_ascii=False``, indent 2, fields in declaration order.
"""

from __future__ import annotations

import dataclasses
import html
import json
from collections import Counter
from typing import Any

from policydiff.diff import CueChange, DocumentDiff, ProvisionDiff, ProvisionRef, TokenOp, elide
from policydiff.render.html_text import ops_html
from policydiff.render.md_text import md, md_marked

DEFAULT_CONTEXT = 12


def _title(diff: DocumentDiff) -> str:
    return f"{diff.old_document}:{diff.old_version} → {diff.new_document}:{diff.new_version}" + (
        f" (theme {diff.theme})" if diff.theme else ""
    )


def summary_line(diff: DocumentDiff) -> str:
    """One line of counts: provisions changed, unchanged, added, removed; cues moved (or,
    across documents, the old document's commitments as `compare` judges them)."""
    s = diff.summary
    provisions = (
        f"{s.changed} changed, {s.unchanged} unchanged, {s.added} added, {s.removed} removed "
        "provisions; "
    )
    if diff.cues == "commitments":
        return provisions + (
            f"commitments of {diff.old_document} as compare judges them: "
            f"▲ {s.strengthened} strengthened, ▼ {s.weakened} weakened, − {s.omitted} omitted"
        )
    return provisions + f"cues ▲ {s.strengthened} strengthened, ▼ {s.weakened} weakened"


def _heading(pair: ProvisionDiff) -> str:
    old, new = pair.old_heading, pair.new_heading
    if new and old and new != old:
        return f"{old} → {new}"
    return old or new


def cue_verdict(change: CueChange) -> str:
    return f"{change.arrow} {change.verdict}"


def cue_reading(change: CueChange) -> str:
    """What follows a cue line's verdict: the two cues read; across documents, the two
    clauses, why, where the child restates it when elsewhere, and what to check."""
    if not change.old_clause:
        return (
            f": {change.old_cue or '(no cue)'} (level {change.old_level}, "
            f"{change.old_strength:g}) → {change.new_cue or '(no cue)'} "
            f"(level {change.new_level}, {change.new_strength:g})"
        )
    said = f": {change.old_clause}" + (f" → {change.new_clause}" if change.new_clause else "")
    notes = [change.reason] if change.reason else []
    if change.new_location:
        notes.append(f"restated at {change.new_location}")
    if change.doubt:
        notes.append(f"check: {change.doubt}")
    return said + (f" — {'; '.join(notes)}" if notes else "")


def _cue_sentence(change: CueChange) -> str:
    return cue_verdict(change) + cue_reading(change)


def _places(locations: tuple[str, ...]) -> str:
    counted = Counter(locations)
    return ", ".join(f"{loc} ({n})" if n > 1 else loc for loc, n in counted.items())


def ref_note(ref: ProvisionRef, diff: DocumentDiff) -> str:
    """Across documents, where the other side restates a lone provision's commitments."""
    if diff.cues != "commitments" or not ref.commitments:
        return ""
    n = ref.commitments
    if ref in diff.removed:
        k = len(ref.counterparts)
        where = f", at {_places(ref.counterparts)}" if k else ""
        return f" — {k} of its {n} commitment{'' if n == 1 else 's'} restated{where}"
    plural = "" if n == 1 else "s"
    return f" — restates {n} commitment{plural} of {_places(ref.counterparts)}"


# ---------------------------------------------------------------------------
# Markdown


def _md_ops(ops: tuple[TokenOp, ...]) -> str:
    out: list[str] = []
    for op in ops:
        if op.op == "equal":
            out.append(md(op.old))
        elif op.op == "elided":
            out.append(" … ")
        else:
            if op.old and not op.old.isspace():
                out.append(md_marked(op.old, "~~", "~~"))
            if op.new:
                out.append(md_marked(op.new, "**", "**"))
    return "".join(out)


def diff_markdown(diff: DocumentDiff, *, context: int = DEFAULT_CONTEXT) -> str:
    lines = [f"# {md(_title(diff))}", "", summary_line(diff), ""]
    for pair in diff.pairs:
        relation = "" if pair.relation == "matched" else f", {pair.relation}"
        lines += [
            f"## {pair.old_id} → {pair.new_id} {md(_heading(pair))}".rstrip(),
            "",
            f"*{md(pair.old_location)}* → *{md(pair.new_location)}* "
            f"(score {pair.score:.2f}, similarity {pair.ratio:.2f}{relation})",
            "",
            _md_ops(elide(pair.ops, context, diff.lang)),
            "",
        ]
        lines += [f"- {md(_cue_sentence(c))}" for c in pair.cue_changes]
        if pair.cue_changes:
            lines.append("")
    if diff.unchanged_count:
        n = diff.unchanged_count
        lines += [f"{n} unchanged provision{'' if n == 1 else 's'} folded.", ""]
    for label, refs in (("Removed", diff.removed), ("Added", diff.added)):
        if refs:
            lines += [f"## {label} provisions", ""]
            lines += [f"- **{md(r.id)}** {md(r.location)}{md(ref_note(r, diff))}" for r in refs]
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


# ---------------------------------------------------------------------------
# HTML

_STYLE = (
    "body{font-family:sans-serif;max-width:50em;margin:2em auto;line-height:1.5}"
    "del{background:#fdd;color:#900}ins{background:#dfd;color:#060;text-decoration:none}"
    ".meta{color:#666}.up{color:#060}.down{color:#900}"
)


def diff_html(diff: DocumentDiff, *, context: int = DEFAULT_CONTEXT) -> str:
    e = html.escape
    title = e(_title(diff))
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{e(diff.lang)}"><head><meta charset="utf-8">',
        f"<title>{title}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{title}</h1>",
        f'<p class="meta">{e(summary_line(diff))}</p>',
    ]
    for pair in diff.pairs:
        parts.append(
            f"<section><h2>{e(pair.old_id)} → {e(pair.new_id)} {e(_heading(pair))}</h2>"
            f'<p class="meta">{e(pair.old_location)} → {e(pair.new_location)} '
            f"(score {pair.score:.2f}, similarity {pair.ratio:.2f}, {e(pair.relation)})</p>"
            f"<p>{ops_html(elide(pair.ops, context, diff.lang))}</p>"
        )
        if pair.cue_changes:
            parts.append("<ul>")
            for c in pair.cue_changes:
                cls = {"strengthened": "up", "weakened": "down", "omitted": "down"}.get(
                    str(c.verdict), "meta"
                )
                parts.append(f'<li class="{cls}">{e(_cue_sentence(c))}</li>')
            parts.append("</ul>")
        parts.append("</section>")
    if diff.unchanged_count:
        n = diff.unchanged_count
        parts.append(f'<p class="meta">{n} unchanged provision{"" if n == 1 else "s"} folded.</p>')
    for label, refs in (("Removed", diff.removed), ("Added", diff.added)):
        if refs:
            parts.append(f"<h2>{label} provisions</h2><ul>")
            parts += [
                f"<li><b>{e(r.id)}</b> {e(r.location)}{e(ref_note(r, diff))}</li>" for r in refs
            ]
            parts.append("</ul>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


# ---------------------------------------------------------------------------
# JSON


def diff_data(diff: DocumentDiff) -> dict[str, Any]:
    return dataclasses.asdict(diff)


def diff_json(diff: DocumentDiff) -> str:
    return json.dumps(diff_data(diff), ensure_ascii=False, indent=2) + "\n"
