"""An evaluation as text (the terminal), Markdown and JSON: agreement per class, then
every disagreement with both readings and the sentences behind them."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from policydiff.evaluate import Evaluation, GoldConflict
from policydiff.render.md_text import md


def _rate(agreed: int, total: int) -> str:
    return f"{agreed}/{total} ({agreed / total:.0%})" if total else "–"


def _unknown_note(result: Evaluation) -> str:
    n = len(result.unknown_themes)
    themes, are = ("theme", "is") if n == 1 else ("themes", "are")
    return (
        f"{n} annotated {themes} {are} not in the catalogue, so read as absent: "
        f"{', '.join(result.unknown_themes)}"
    )


def _conflict_note(result: Evaluation) -> str:
    return (
        f"{len(result.gold_conflicts)} gold verdicts are not what their own annotated levels "
        "give (listed last): no reading agrees with both"
    )


def _conflict_line(c: GoldConflict) -> str:
    return (
        f"gold conflict: {c.document} · {c.theme}: verdict {c.expected}, but levels "
        f"{c.levels} give {c.implied}  [{c.gold}]"
    )


def evaluation_text(result: Evaluation) -> str:
    lines = [f"policydiff evaluate: {', '.join(result.gold)}", ""]
    width = max(len(s.name) for s in result.scores)
    for score in result.scores:
        lines.append(f"  {score.name:<{width}}  {_rate(score.agreed, score.total)}")
    if result.agreement_counts is not None:
        lines.append(f"  {'en/zh agreement':<{width}}  {_rate(*result.agreement_counts)}")
    lines.append("")
    if result.unknown_themes:
        lines.append(_unknown_note(result))
        lines.append("")
    if result.gold_conflicts:
        lines.append(_conflict_note(result))
        lines.append("")
    for d in result.disagreements:
        lines.append(f"{d.kind}: {d.document} · {d.theme}: expected {d.expected}, found {d.found}")
        if d.gold_sentence:
            lines.append(f"    annotated: {d.gold_sentence}")
        if d.sentence and d.sentence != d.gold_sentence:
            lines.append(f"    read:      {d.sentence}  [{d.location}]")
        if d.notes:
            lines.append(f"    notes:     {d.notes}")
    lines.append(f"{len(result.disagreements)} disagreements")
    lines += [_conflict_line(c) for c in result.gold_conflicts]
    return "\n".join(lines) + "\n"


def evaluation_markdown(result: Evaluation) -> str:
    lines = ["## policydiff evaluate", "", "| class | agreed |", "|---|---|"]
    lines += [f"| {s.name} | {_rate(s.agreed, s.total)} |" for s in result.scores]
    if result.agreement_counts is not None:
        lines.append(f"| en/zh level agreement | {_rate(*result.agreement_counts)} |")
    if result.unknown_themes:
        lines += ["", md(_unknown_note(result))]
    if result.gold_conflicts:
        lines += ["", md(_conflict_note(result))]
    lines += ["", f"### Disagreements ({len(result.disagreements)})", ""]
    lines += ["| class | document | theme | annotated | policydiff | sentence read |"]
    lines += ["|---|---|---|---|---|---|"]
    for d in result.disagreements:
        lines.append(
            f"| {d.kind} | `{d.document}` | `{d.theme}` | {md(d.expected)} | {md(d.found)} "
            f"| {md(d.sentence or d.gold_sentence)} |"
        )
    if result.gold_conflicts:
        lines += ["", f"### Gold conflicts ({len(result.gold_conflicts)})", ""]
        lines += ["| gold file | documents | theme | verdict | levels | they give |"]
        lines += ["|---|---|---|---|---|---|"]
        lines += [
            f"| `{c.gold}` | `{c.document}` | `{c.theme}` | {c.expected} | {md(c.levels)} "
            f"| {c.implied} |"
            for c in result.gold_conflicts
        ]
    return "\n".join(lines) + "\n"


def evaluation_dict(result: Evaluation) -> dict[str, Any]:
    return {
        "schema": "policydiff.evaluation/1",
        "gold": list(result.gold),
        "scores": {
            s.name: {"agreed": s.agreed, "total": s.total, "rate": s.rate} for s in result.scores
        },
        "agreement": result.agreement,
        "agreement_counts": (
            dict(zip(("agreed", "total"), result.agreement_counts, strict=True))
            if result.agreement_counts is not None
            else None
        ),
        "unknown_themes": list(result.unknown_themes),
        "disagreements": [asdict(d) for d in result.disagreements],
        "gold_conflicts": [asdict(c) for c in result.gold_conflicts],
    }
