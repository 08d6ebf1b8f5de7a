"""``policydiff compare --gold``: agreement with hand annotations of restatement, as text
or JSON, every disagreement quoted."""

from __future__ import annotations

import json
from typing import Any

from policydiff.evaluate.restatement import RestatementAgreement


def agreement_dict(a: RestatementAgreement) -> dict[str, Any]:
    return {
        "schema": "policydiff.restatement-agreement/1",
        "gold": str(a.gold),
        "agreed": a.agreed,
        "cases": len(a.cases),
        "rate": round(a.rate, 4),
        "by_verdict": {k: {"agreed": g, "cases": n} for k, (g, n) in a.by("gold").items()},
        "by_child": {k: {"agreed": g, "cases": n} for k, (g, n) in a.by("child").items()},
        "disagreements_by_kind": a.kinds,
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
                "notes": c.notes,
            }
            for c in a.cases
            if not c.agrees
        ],
    }


def agreement_json(a: RestatementAgreement) -> str:
    return json.dumps(agreement_dict(a), ensure_ascii=False, indent=2) + "\n"


def agreement_text(a: RestatementAgreement) -> str:
    lines = [
        f"restatement verdicts agree with {a.gold} on {a.agreed} of {len(a.cases)} "
        f"(parent commitment, child) pairs: {a.rate:.1%}",
        "",
        "by gold verdict:",
    ]
    lines += [f"  {k:<13} {g:>4}/{n:<4} {g / n:.0%}" for k, (g, n) in a.by("gold").items()]
    lines += ["by child:"]
    lines += [f"  {k:<40} {g:>4}/{n:<4} {g / n:.0%}" for k, (g, n) in a.by("child").items()]
    lines += ["disagreements by kind:"]
    lines += [f"  {k:<15} {n:>4}" for k, n in a.kinds.items()]
    lines += ["", "disagreements:"]
    for c in a.cases:
        if c.agrees:
            continue
        lines += [
            f"- {c.child}: gold {c.gold}, policydiff {c.tool} ({c.kind})",
            f"    parent: {c.parent}",
            f"    gold:   {c.gold_sentence or '—'}",
            f"    tool:   {c.tool_child or '—'} ({'; '.join(c.reasons)})",
        ]
        if c.notes:
            lines.append(f"    notes:  {c.notes}")
    return "\n".join(lines) + "\n"
