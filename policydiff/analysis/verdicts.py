"""The verdict between two readings of a theme: the one definition every command uses.

==============  ============================================================
strengthened    present in both, strength rose by at least :data:`STEP`
weakened        present in both, strength fell by at least :data:`STEP`
unchanged       present in both, strength moved less than :data:`STEP`
added           absent, then present
dropped         present, then absent
absent          absent in both
==============  ============================================================

Verdicts mirror (:attr:`Verdict.mirror`): A→B strengthened is B→A weakened, added is
dropped, and the rest are their own mirror. Each verdict has one arrow
(:attr:`Verdict.arrow`) wherever it is drawn.
"""

from __future__ import annotations

from enum import StrEnum

# Half a level: one manner step (大力推广 3.5 -> 规模化发展 4.0) or one dated target.
STEP = 0.5
# said of a verdict between two documents that may have been issued in either order
ORDER_UNCERTAIN = "order uncertain: the two may have been issued the other way round"


class Verdict(StrEnum):
    STRENGTHENED = "strengthened"
    WEAKENED = "weakened"
    UNCHANGED = "unchanged"
    ADDED = "added"
    DROPPED = "dropped"
    ABSENT = "absent"

    @property
    def mirror(self) -> Verdict:
        """The verdict of the same two readings taken the other way round."""
        return _MIRROR[self]

    @property
    def arrow(self) -> str:
        return _ARROWS[self]


_MIRROR = {
    Verdict.STRENGTHENED: Verdict.WEAKENED,
    Verdict.WEAKENED: Verdict.STRENGTHENED,
    Verdict.ADDED: Verdict.DROPPED,
    Verdict.DROPPED: Verdict.ADDED,
    Verdict.UNCHANGED: Verdict.UNCHANGED,
    Verdict.ABSENT: Verdict.ABSENT,
}
_ARROWS = {
    Verdict.STRENGTHENED: "▲",
    Verdict.WEAKENED: "▼",
    Verdict.ADDED: "+",
    Verdict.DROPPED: "−",
    Verdict.UNCHANGED: "=",
    Verdict.ABSENT: "·",
}
VERDICTS = tuple(Verdict)
# The verdicts where strength moved.
STRENGTH_MOVES = (Verdict.STRENGTHENED, Verdict.WEAKENED)
# The verdicts that change what a document commits to: what ``check --fail-on`` takes.
MOVES = (Verdict.ADDED, Verdict.DROPPED, Verdict.STRENGTHENED, Verdict.WEAKENED)


def strength_verdict(before: float, after: float) -> tuple[Verdict, float]:
    """The verdict between two strengths of a present theme, and the change, rounded."""
    delta = round(after - before, 2)
    if delta >= STEP:
        return Verdict.STRENGTHENED, delta
    if delta <= -STEP:
        return Verdict.WEAKENED, delta
    return Verdict.UNCHANGED, delta


def verdict(before: float | None, after: float | None) -> tuple[Verdict, float | None]:
    """The verdict between two readings, ``None`` standing for an absent theme."""
    if before is None and after is None:
        return Verdict.ABSENT, None
    if before is None:
        return Verdict.ADDED, None
    if after is None:
        return Verdict.DROPPED, None
    return strength_verdict(before, after)
