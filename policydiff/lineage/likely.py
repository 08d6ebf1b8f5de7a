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


def _title(document: Document) -> str:
    return comparable_title(document.title_zh or document.title)


def _above(parent: Document, child: Document) -> bool:
    """Whether ``parent`` was issued at a higher level than ``child``, both known."""
    if parent.level not in LEVELS or child.level not in LEVELS:
        return False
    return LEVELS.index(parent.level) < LEVELS.index(child.level)


def likely_parents(lineage: Lineage) -> tuple[LikelyParent, ...]:
    """For each document with neither parent nor child, nor parents declared (an empty
    list says it has none), the held documents of a higher issuer level, not surely issued
    after it, whose title its own restates (at least :data:`TITLE_MATCH`), the closest
    first."""
    titles = {d.id: _title(d) for d in lineage.documents}
    titled = [d for d in lineage.documents if titles[d.id]]
    issued = {d.id: d.issue_date for d in titled}
    above: dict[str, list[Document]] = {}  # a level -> the titled documents above it
    out: list[LikelyParent] = []
    for document in titled:
        if (
            document.parents is not None
            or lineage.parents(document.id)
            or lineage.children(document.id)
        ):
            continue
        if document.level not in above:
            above[document.level] = [d for d in titled if _above(d, document)]
        # as for a cited document, one surely issued after this one is not its parent
        candidates = [
            d
            for d in above[document.level]
            if d.id != document.id and not issued[d.id].surely_after(issued[document.id])
        ]
        # partial_ratio takes the shorter title as the needle, whichever side it stands
        found = process.extract(
            titles[document.id],
            [titles[d.id] for d in candidates],
            scorer=fuzz.partial_ratio,
            score_cutoff=TITLE_MATCH,
            limit=None,
        )
        out += sorted(
            (
                LikelyParent(document.id, candidates[at].id, round(float(score), 1))
                for _, score, at in found
            ),
            key=lambda f: (-f.score, f.parent),
        )
    return tuple(out)
