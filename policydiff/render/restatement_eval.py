"""``policydiff compare --gold``: agreement with hand annotations of restatement, as text
or JSON, every disagreement quoted."""

from __future__ import annotations

import json
from typing import Any

from policydiff.evaluate.restatement import ReaderAgreement, RestatementAgreement, against_readers
from policydiff.restatement.confidence import CHECK, SURE


def agreement_dict(a: RestatementAgreement) -> dict[str, Any]:
    return {
        "schema": "policydiff.restatement-agreement/1",
        "gold": str(a.gold),
        "agreed": a.agreed,
        "cases": len(a.cases),
        "rate": round(a.rate, 4),
        "by_verdict": {k: {"agreed": g, "cases": n} for k, (g, n) in a.by("gold").items()},
        "by_child": {k: {"agreed": g, "cases": n} for k, (g, n) in a.by("child").items()},
        "by_confidence": {k: {"agreed": g, "cases": n} for k, (g, n) in a.by("confidence").items()},
        "by_tool_verdict": {
            verdict: {k: {"agreed": g, "cases": n} for k, (g, n) in split.items()}
            for verdict, split in a.claims.items()
        },
        "disagreements_by_kind": a.kinds,
        "missed_pointed": a.pointers,
        "confusion": [
            {"gold": g, "tool": t, "count": n} for (g, t), n in sorted(a.confusion.items())
        ],
        "disagreements": [
            {
                "parent": c.parent,
                "child": c.child,
                "gold": c.gold,
                "tool": c.tool,
                "kind": c.kind,
                "gold_sentence": c.gold_sentence,
                "tool_clause": c.tool_clause,
                "tool_child": c.tool_child,
                "reasons": list(c.reasons),
                "confidence": c.confidence,
                "notes": c.notes,
            }
            for c in a.cases
            if not c.agrees
        ],
    }


def _rate(agreed: int, cases: int) -> float:
    return round(agreed / cases, 4) if cases else 0.0


def readers_dict(readers: ReaderAgreement, tool: RestatementAgreement) -> dict[str, Any]:
    present, present_kappa = readers.presence
    versus = against_readers(tool, readers)
    agreed, pairs = versus.consensus_agreed, versus.consensus
    return {
        "file": str(readers.second),
        "readers_agreed": readers.agreed,
        "cases": len(readers.readings),
        "rate": round(readers.rate, 4),
        "kappa": round(readers.kappa, 4),
        "presence": {
            "agreed": present,
            "cases": len(readers.readings),
            "kappa": round(present_kappa, 4),
        },
        "confusion": [
            {"first": f, "second": s, "count": n} for (f, s), n in sorted(readers.confusion.items())
        ],
        "tool_agreed": versus.second_agreed,
        "tool_rate": _rate(versus.second_agreed, versus.cases),
        "consensus": {
            "agreed": agreed,
            "cases": pairs,
            "rate": _rate(agreed, pairs),
            "sure": {
                "agreed": versus.consensus_sure_agreed,
                "cases": versus.consensus_sure,
                "rate": _rate(versus.consensus_sure_agreed, versus.consensus_sure),
            },
        },
    }


def agreement_json(a: RestatementAgreement, readers: ReaderAgreement | None = None) -> str:
    out = agreement_dict(a)
    if readers is not None:
        out["second_reading"] = readers_dict(readers, a)
    return json.dumps(out, ensure_ascii=False, indent=2) + "\n"


def readers_lines(readers: ReaderAgreement, tool: RestatementAgreement) -> list[str]:
    d = readers_dict(readers, tool)
    n, presence, consensus = d["cases"], d["presence"], d["consensus"]
    return [
        f"second reading {d['file']}: the two readers agree on {d['readers_agreed']} of {n} "
        f"({d['rate']:.1%}), Cohen's kappa {d['kappa']:.2f}; on present or omitted "
        f"{presence['agreed']} of {n} (kappa {presence['kappa']:.2f})",
        f"policydiff agrees with the second reading on {d['tool_agreed']} of {n} "
        f"({d['tool_rate']:.1%}), and with both on {consensus['agreed']} of the "
        f"{consensus['cases']} pairs where the readers agree ({consensus['rate']:.1%}); "
        f"on {consensus['sure']['cases']} of those it marks its verdict sure, and agrees on "
        f"{consensus['sure']['agreed']} ({consensus['sure']['rate']:.1%})",
    ]


def _claim_line(verdict: str, split: dict[str, tuple[int, int]]) -> str:
    g, n = split["all"]
    line = f"  {verdict:<13} {g:>4}/{n:<4} {g / n:>4.0%}"
    for label in (SURE, CHECK):
        if label in split:
            g, n = split[label]
            line += f"   {label} {g:>4}/{n:<4} {g / n:>4.0%}"
    return line


def agreement_text(a: RestatementAgreement, readers: ReaderAgreement | None = None) -> str:
    lines = [
        f"restatement verdicts agree with {a.gold} on {a.agreed} of {len(a.cases)} "
        f"(parent commitment, child) pairs: {a.rate:.1%}",
    ]
    if readers is not None:
        lines += readers_lines(readers, a)
    lines += [
        "",
        "by gold verdict:",
    ]
    lines += [f"  {k:<13} {g:>4}/{n:<4} {g / n:.0%}" for k, (g, n) in a.by("gold").items()]
    lines += ["by child:"]
    lines += [f"  {k:<40} {g:>4}/{n:<4} {g / n:.0%}" for k, (g, n) in a.by("child").items()]
    lines += ["by the tool's confidence (sure, or check by reading):"]
    lines += [f"  {k:<13} {g:>4}/{n:<4} {g / n:.0%}" for k, (g, n) in a.by("confidence").items()]
    lines += ["by the tool's verdict (how often each claim is right; sure and check):"]
    lines += [_claim_line(verdict, split) for verdict, split in a.claims.items()]
    if a.unmatched:
        lines += [f"  and {a.unmatched} pairs with no clause of the tool's where the gold's stands"]
    lines += ["disagreements by kind:"]
    lines += [f"  {k:<15} {n:>4}" for k, n in a.kinds.items()]
    pointers = a.pointers
    if pointers["missed"]:
        lines += [
            f"missed restatements whose doubt names the gold's sentence: {pointers['pointed']} "
            f"of {pointers['missed']} (by the nearest clause {pointers['nearest']}, by where its "
            f"words stand {pointers['words']}, by its neighbour's restatement "
            f"{pointers['neighbour']})"
        ]
    lines += ["", "disagreements:"]
    for c in a.cases:
        if c.agrees:
            continue
        lines += [
            f"- {c.child}: gold {c.gold}, policydiff {c.tool} ({c.kind}; {c.confidence})",
            f"    parent: {c.parent}",
            f"    gold:   {c.gold_sentence or '—'}",
            f"    tool:   {c.tool_child or '—'} ({'; '.join(c.reasons)})",
        ]
        if c.notes:
            lines.append(f"    notes:  {c.notes}")
    return "\n".join(lines) + "\n"
