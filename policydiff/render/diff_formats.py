"""A :class:`policydiff.diff.DocumentDiff` as Markdown, HTML or JSON.

Markdown and HTML mark deletions ``<del>`` and insertions ``<ins>`` (document text escaped);
HTML is a self-contained page with ``<del>``/``<ins>`` and every piece of document text
passed through :func:`html.escape`; JSON is the whole diff (all ops, nothing elided),
deterministic: ``ensure_ascii=False``, indent 2, fields in declaration order.
"""

from __future__ import annotations

import dataclasses
import html
import json
from collections import Counter
from typing import Any, Literal

from policydiff.diff import CueChange, DocumentDiff, ProvisionDiff, ProvisionRef, TokenOp, elide
from policydiff.models import read_issue_date, shown_date
from policydiff.render.html_text import ops_html
from policydiff.render.md_text import md, md_marked
from policydiff.render.restatement_lines import alike_phrase, doubt_seen, relation_line
from policydiff.restatement.provision_diff import provisions_correspond

DEFAULT_CONTEXT = 12


def _title(diff: DocumentDiff) -> str:
    return f"{diff.old_document}:{diff.old_version} → {diff.new_document}:{diff.new_version}" + (
        f" (theme {diff.theme})" if diff.theme else ""
    )


def across_lines(diff: DocumentDiff) -> list[str]:
    """Across documents, what the two are and how they relate: titles and dates, whether
    the new one cites the old, and how alike their provisions are."""
    a = diff.across
    if a is None:
        return []
    later_first = read_issue_date(a.old_date).surely_after(read_issue_date(a.new_date))
    relation = relation_line(
        a.relation, a.cited, a.cited_location, series=a.series, later_first=later_first
    )
    paired = alike_phrase(a.correspondence) + (
        ", so they are paired provision by provision"
        if provisions_correspond(a.correspondence)
        else ": paired provision by provision only as asked (--by provisions); compare pairs "
        "them commitment by commitment"
    )
    return [
        f"{a.old_title} ({shown_date(a.old_date)}) → {a.new_title} ({shown_date(a.new_date)})",
        relation,
        paired,
    ]


def partial_lines(diff: DocumentDiff) -> list[str]:
    """What a partial version (complete: false) means for the provisions only the other
    side has: not written there, perhaps, rather than added or removed."""
    lines = []
    for side in diff.partial:
        ref = (
            f"{diff.old_document}:{diff.old_version}"
            if side == "old"
            else f"{diff.new_document}:{diff.new_version}"
        )
        lone, not_so = ("added", "new to") if side == "old" else ("removed", "removed from")
        lines.append(
            f"{ref} is a partial version (complete: false): a provision listed as {lone} "
            f"may only be missing from it, not {not_so} the policy"
        )
    return lines


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
    return f"{change.arrow} {change.verdict.value}"


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
        notes.append(f"check: {doubt_seen(change.doubt, change.doubt_location)}")
    return said + (f" — {'; '.join(notes)}" if notes else "")


def _cue_sentence(change: CueChange) -> str:
    return cue_verdict(change) + cue_reading(change)


def _places(locations: tuple[str, ...]) -> str:
    counted = Counter(locations)
    return ", ".join(f"{loc} ({n})" if n > 1 else loc for loc, n in counted.items())


Side = Literal["removed", "added"]


def lone_provisions(diff: DocumentDiff) -> tuple[tuple[Side, tuple[ProvisionRef, ...]], ...]:
    """The provisions only one side has: the old one's (removed), then the new one's."""
    return (("removed", diff.removed), ("added", diff.added))


def ref_note(ref: ProvisionRef, side: Side, diff: DocumentDiff) -> str:
    """Across documents, where the other side restates a lone provision's commitments."""
    if diff.cues != "commitments" or not ref.commitments:
        return ""
    n = ref.commitments
    plural = "" if n == 1 else "s"
    if side == "added":
        return f" — restates {n} commitment{plural} of {_places(ref.counterparts)}"
    found = len(ref.counterparts)
    if not found:
        return f" — none of its {n} commitment{plural} restated"
    moved = Counter(c.verdict.value for c in ref.cue_changes if c.new_clause)
    kinds = ", ".join(
        f"{k} {v}" for v, k in (("restated", found - sum(moved.values())), *moved.items()) if k
    )
    return f" — {found} of its {n} commitment{plural} found in the child ({kinds}), at " + (
        _places(ref.counterparts)
    )


# ---------------------------------------------------------------------------
# Markdown


def _md_ops(ops: tuple[TokenOp, ...]) -> str:
    """The ops marked with HTML's tags: Markdown's ``~~`` and ``**`` are left as they
    stand where the text inside starts or ends on Chinese punctuation."""
    out: list[str] = []
    for op in ops:
        if op.op == "equal":
            out.append(md(op.old))
        elif op.op == "elided":
            out.append(" … ")
        else:
            if op.old and not op.old.isspace():
                out.append(md_marked(op.old, "<del>", "</del>"))
            if op.new:
                out.append(md_marked(op.new, "<ins>", "</ins>"))
    return "".join(out)


def diff_markdown(diff: DocumentDiff, *, context: int = DEFAULT_CONTEXT) -> str:
    lines = [f"# {md(_title(diff))}", ""]
    lines += [f"{md(line)}  " for line in (*across_lines(diff), *partial_lines(diff))]
    lines += [summary_line(diff), ""]
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
    for side, refs in lone_provisions(diff):
        if refs:
            lines += [f"## {side.capitalize()} provisions", ""]
            for r in refs:
                lines.append(f"- **{md(r.id)}** {md(r.location)}{md(ref_note(r, side, diff))}")
                lines += [f"  - {md(_cue_sentence(c))}" for c in r.cue_changes]
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


# ---------------------------------------------------------------------------
# HTML

_STYLE = (
    "body{font-family:sans-serif;max-width:50em;margin:2em auto;line-height:1.5}"
    "del{background:#fdd;color:#900}ins{background:#dfd;color:#060;text-decoration:none}"
    ".meta{color:#666}.up{color:#060}.down{color:#900}.omitted{color:#8a6d00}"
)


_CUE_CLASSES = {"strengthened": "up", "weakened": "down", "omitted": "omitted"}


def _cue_list(changes: tuple[CueChange, ...]) -> list[str]:
    if not changes:
        return []
    return [
        "<ul>",
        *(
            f'<li class="{_CUE_CLASSES.get(c.verdict.value, "meta")}">'
            f"{html.escape(_cue_sentence(c))}</li>"
            for c in changes
        ),
        "</ul>",
    ]


def diff_html(diff: DocumentDiff, *, context: int = DEFAULT_CONTEXT) -> str:
    e = html.escape
    title = e(_title(diff))
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{e(diff.lang)}"><head><meta charset="utf-8">',
        f"<title>{title}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{title}</h1>",
        *(f'<p class="meta">{e(line)}</p>' for line in (*across_lines(diff), *partial_lines(diff))),
        f'<p class="meta">{e(summary_line(diff))}</p>',
    ]
    for pair in diff.pairs:
        parts.append(
            f"<section><h2>{e(pair.old_id)} → {e(pair.new_id)} {e(_heading(pair))}</h2>"
            f'<p class="meta">{e(pair.old_location)} → {e(pair.new_location)} '
            f"(score {pair.score:.2f}, similarity {pair.ratio:.2f}, {e(pair.relation)})</p>"
            f"<p>{ops_html(elide(pair.ops, context, diff.lang))}</p>"
        )
        parts += _cue_list(pair.cue_changes)
        parts.append("</section>")
    if diff.unchanged_count:
        n = diff.unchanged_count
        parts.append(f'<p class="meta">{n} unchanged provision{"" if n == 1 else "s"} folded.</p>')
    for side, refs in lone_provisions(diff):
        if refs:
            parts.append(f"<h2>{side.capitalize()} provisions</h2><ul>")
            for r in refs:
                parts.append(f"<li><b>{e(r.id)}</b> {e(r.location)}{e(ref_note(r, side, diff))}")
                parts += _cue_list(r.cue_changes)
                parts.append("</li>")
            parts.append("</ul>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


# ---------------------------------------------------------------------------
# JSON


# what only a diff across documents says (`compare`'s verdicts): left out of a diff of
# versions of one document, whose JSON keeps its own shape
_ACROSS_CUE = ("old_clause", "new_clause", "reason", "new_location", "doubt", "doubt_location")
_ACROSS_REF = ("commitments", "counterparts", "cue_changes")


def diff_data(diff: DocumentDiff) -> dict[str, Any]:
    data = dataclasses.asdict(diff)
    if diff.across is not None:
        data["across"]["provisions_correspond"] = provisions_correspond(diff.across.correspondence)
    if diff.cues == "commitments":
        return data
    del data["cues"], data["across"], data["summary"]["omitted"]
    for pair in data["pairs"]:
        for change in pair["cue_changes"]:
            for key in _ACROSS_CUE:
                del change[key]
    for ref in (*data["added"], *data["removed"]):
        for key in _ACROSS_REF:
            del ref[key]
    return data


def diff_json(diff: DocumentDiff) -> str:
    return json.dumps(diff_data(diff), ensure_ascii=False, indent=2) + "\n"
