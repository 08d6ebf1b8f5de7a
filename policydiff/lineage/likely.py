"""Documents that may implement a held document their text never cites: a hint to the
reader, never a parent.  A provincial plan whose preamble cites only its province's own
documents (宁夏回族自治区城乡建设领域碳达峰实施方案) otherwise drops out of its lineage
without a word; its title restating the ministry plan's title says where it may belong,
and only the reader can say whether it does (``parents:`` in its ``document.yaml``)."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process

from policydiff.lineage.citations import comparable_title
from policydiff.lineage.graph import Lineage
from policydiff.models import LEVELS, Document

# How much of a held document's title (its comparable form) another's title must restate:
# rapidfuzz ``partial_ratio``.  辽宁省城乡建设碳达峰实施方案 restates the ministry's
# 城乡建设领域碳达峰实施方案 at 92 (领域 dropped); a plan of another kind scores under 60.
TITLE_MATCH = 90.0


@dataclass(frozen=True)
class LikelyParent:
    document: str
    parent: str
    score: float  # how much of the parent's title the document's restates, 0 to 100

    @property
    def advice(self) -> str:
        return (
            f"{self.document}: its title restates {self.parent}'s ({self.score:g}), but no "
            f"parent was found in its text; if it implements it, add parents: [{self.parent}] "
            "to its document.yaml"
        )


def _title(document: Document) -> str:
    return comparable_title(document.title_zh or document.title)


def _above(parent: Document, child: Document) -> bool:
    """Whether ``parent`` was issued at a higher level than ``child``, both known."""
    if parent.level not in LEVELS or child.level not in LEVELS:
        return False
    return LEVELS.index(parent.level) < LEVELS.index(child.level)


def likely_parents(lineage: Lineage) -> tuple[LikelyParent, ...]:
    """For each document with neither parent nor child, the held documents of a higher
    issuer level whose title its own restates (at least :data:`TITLE_MATCH`), the
    closest first."""
    lone = [
        d
        for d in lineage.documents
        if not lineage.parents(d.id) and not lineage.children(d.id) and _title(d)
    ]
    held = [d for d in lineage.documents if _title(d)]
    if not lone or not held:
        return ()
    # one matrix of every lone title against every held one, scored in rapidfuzz's C loop
    # (partial_ratio takes the shorter title as the needle, whichever side it stands)
    scores = process.cdist(
        [_title(d) for d in lone],
        [_title(d) for d in held],
        scorer=fuzz.partial_ratio,
        score_cutoff=TITLE_MATCH,
    )
    out: list[LikelyParent] = []
    for row, document in zip(scores, lone, strict=True):
        found = [
            LikelyParent(document.id, other.id, round(float(score), 1))
            for score, other in zip(row, held, strict=True)
            if score >= TITLE_MATCH and other.id != document.id and _above(other, document)
        ]
        out += sorted(found, key=lambda f: (-f.score, f.parent))
    return tuple(out)
