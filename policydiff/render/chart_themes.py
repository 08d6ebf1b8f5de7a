"""Which themes the strength timeline draws: those whose strength moves, or that gain a
target, and of those, when there are too many for one figure, the most and largest
movers (:mod:`.charts` draws them)."""

from __future__ import annotations

from collections.abc import Sequence

from policydiff.analysis.model import Evolution, ThemeEvolution
from policydiff.analysis.verdicts import STRENGTH_MOVES


def changing_themes(ev: Evolution) -> tuple[ThemeEvolution, ...]:
    """Themes whose strength moves between present points, or that gain a target."""
    return tuple(
        t
        for t in ev.themes
        if any(c.verdict in STRENGTH_MOVES for c in t.since_last)
        or any(p.targets for p in t.points)
    )


def most_changing(themes: Sequence[ThemeEvolution], limit: int) -> tuple[ThemeEvolution, ...]:
    """At most ``limit`` themes: those with the most strengthened/weakened changes, then
    the largest (a +1.5 before a +0.5, as the biggest movers rank them), then the
    earliest, kept in their given order."""
    if len(themes) <= limit:
        return tuple(themes)

    def moves(theme: ThemeEvolution) -> tuple[int, float]:
        moved = [c for c in theme.since_last if c.verdict in STRENGTH_MOVES]
        return len(moved), sum(abs(c.delta or 0.0) for c in moved)

    def rank(i: int) -> tuple[int, float, int]:
        count, size = moves(themes[i])
        return -count, -size, i

    ranked = sorted(range(len(themes)), key=rank)[:limit]
    return tuple(themes[i] for i in sorted(ranked))
