"""What every view of a restatement (terminal, Markdown, HTML) says in the same words: the
line on how many verdicts to check, and where the child's side of a commitment stands."""

from __future__ import annotations

from policydiff.restatement.compare import Comparison, Restated


def checking(comparison: Comparison, mark: str = "(check)") -> str:
    """How many verdicts to read, how they are marked (``mark``) and where the doubts are
    explained: one line for every format."""
    return (
        f"{comparison.to_check} of {len(comparison.commitments)} verdicts "
        f"to check by reading, marked {mark} (docs/lineage.md, how sure a verdict is)."
    )


def child_place(r: Restated) -> str:
    """Where the child's side stands: its clause, or for an omission to check the clause its
    doubt names ("" otherwise)."""
    if r.child is not None:
        return r.child.location
    if r.nearest is not None and not r.confidence.sure:
        return f"nearest: {r.nearest.location}"
    return ""
