"""How sure a restatement verdict is: ``sure``, or ``check`` with the doubt a reader
should resolve (docs/lineage.md, "How sure a verdict is").

A verdict is sure when it rests on what a reader would see at a glance:

- *omitted*, and no clause of the child comes within :data:`SURE_OMISSION` of the parent
  clause: nothing in the child even resembles it;
- *restated*, *strengthened* or *weakened*, the two clauses reach :data:`SURE_MATCH`, and
  the verdict is not decided by the cues alone: the child says the same thing in much the
  same words, and a target, a scope or an unchanged cue decides.

Everything else is marked ``check``: a paraphrase matched below :data:`SURE_MATCH` (it may
be another commitment), an omission beside a clause that comes near (it may restate the
parent in other words), a verdict that one cue a level above or below another decides
(readers also weigh the scope and the context). The thresholds were set on development
lineages only, and the agreement of each class with careful readers is measured, on
lineages that were not, by ``policydiff compare --gold``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from policydiff.restatement.clauses import Clause
from policydiff.restatement.verdict import decided_by_cues

SURE_MATCH = 0.50  # similarity from which a matched pair is the same commitment at a glance
SURE_OMISSION = 0.15  # similarity below which no child clause resembles an omitted one

Label = Literal["sure", "check"]
SURE: Label = "sure"
CHECK: Label = "check"


@dataclass(frozen=True)
class Confidence:
    label: Label
    doubt: str = ""  # what a reader should check; "" when sure

    @property
    def sure(self) -> bool:
        return self.label == SURE


def assess(
    child: Clause | None,
    similarity: float,
    reasons: Sequence[str],
    nearest: Clause | None = None,
) -> Confidence:
    """How sure the verdict on a parent clause is, given its restating ``child`` clause
    (None: omitted), the ``similarity`` and the clause (``nearest``) of the best child
    clause, and the verdict's ``reasons``. An omission to check names the clause that comes
    near, so that the reader reads that one first."""
    if child is None:
        if similarity < SURE_OMISSION:
            return Confidence(SURE)
        near = f": {nearest.text}" if nearest is not None else ""
        return Confidence(
            CHECK,
            f"a clause of the child comes near (similarity {min(similarity, 1.0):.2f}{near}): "
            "it may restate this in other words",
        )
    if similarity < SURE_MATCH:
        return Confidence(
            CHECK,
            f"matched in other words (similarity {similarity:.2f}): "
            "the child's clause may be another commitment",
        )
    if decided_by_cues(reasons):
        return Confidence(
            CHECK, "decided by the cues alone: a reader weighs the scope and the context too"
        )
    return Confidence(SURE)
