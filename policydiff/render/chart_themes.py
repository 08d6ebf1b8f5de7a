"""Which themes the strength timeline draws: those whose strength moves, or that gain a
target, between documents of one series, and of those, when there are too many for one
figure, the most and largest movers (:mod:`.charts` draws them).

A move is a change of the evolution's ``since_last``, which runs within a series only: the
central plan is never set against a province's, here as anywhere in the report. By year
(:func:`~policydiff.analysis.periods.aggregate_by_year`) the columns mix series, so the
movement is measured on the evolution before it was aggregated (:func:`movement`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from policydiff.analysis.model import Evolution, ThemeEvolution
from policydiff.analysis.verdicts import STRENGTH_MOVES


@dataclass(frozen=True)
class Movement:
    """How far each theme moves within its series: (theme id, number of strengthened or
    weakened changes, their summed size) for every theme that moves or gains a target, and
    whether any series holds two documents at all (else nothing can move) and whether
    there are several series (else "within a series" goes without saying)."""

    moves: tuple[tuple[str, int, float], ...]
    repeated_series: bool
    several_series: bool = False

    def of(self, theme: ThemeEvolution) -> tuple[int, float] | None:
        """The theme's number and size of moves; None when it neither moves nor gains a
        target within a series."""
        for theme_id, count, size in self.moves:
            if theme_id == theme.id:
                return count, size
        return None


def movement(ev: Evolution) -> Movement:
    """The :class:`Movement` of ``ev``'s themes, read from their ``since_last`` changes."""
    moves: list[tuple[str, int, float]] = []
    for theme in ev.themes:
        has_target = {p.document: bool(p.targets) for p in theme.points}
        moved = [c for c in theme.since_last if c.verdict in STRENGTH_MOVES]
        gains_target = any(
            has_target.get(c.to_document) and not has_target.get(c.from_document)
            for c in theme.since_last
        )
        if moved or gains_target:
            moves.append((theme.id, len(moved), sum(abs(c.delta or 0.0) for c in moved)))
    per_series = Counter(d.series for d in ev.documents)
    return Movement(tuple(moves), any(n > 1 for n in per_series.values()), len(per_series) > 1)


def changing_themes(ev: Evolution, moving: Movement | None = None) -> tuple[ThemeEvolution, ...]:
    """Themes whose strength moves, or that gain a target, within a series (``moving``:
    measured on ``ev`` itself unless given)."""
    moving = moving or movement(ev)
    return tuple(t for t in ev.themes if moving.of(t) is not None)


def most_changing(
    themes: Sequence[ThemeEvolution], limit: int, moving: Movement | None = None
) -> tuple[ThemeEvolution, ...]:
    """At most ``limit`` themes: those with the most strengthened/weakened changes within a
    series, then the largest (a +1.5 before a +0.5, as the biggest movers rank them), then
    the earliest, kept in their given order. ``moving`` as for :func:`changing_themes`;
    without it, each theme's own ``since_last``."""
    if len(themes) <= limit:
        return tuple(themes)

    def moves(theme: ThemeEvolution) -> tuple[int, float]:
        if moving is not None:
            return moving.of(theme) or (0, 0.0)
        moved = [c for c in theme.since_last if c.verdict in STRENGTH_MOVES]
        return len(moved), sum(abs(c.delta or 0.0) for c in moved)

    def rank(i: int) -> tuple[int, float, int]:
        count, size = moves(themes[i])
        return -count, -size, i

    ranked = sorted(range(len(themes)), key=rank)[:limit]
    return tuple(themes[i] for i in sorted(ranked))
