"""How the report is cut into pages: a bounded index and bounded pages, whatever the corpus.

The report is a small static site (HTML, and the same pages in Markdown): ``index`` holds
what is read first (at a glance, the charts, the biggest movers, links to every theme);
each theme has its own page, ``themes/<theme-id>``; the corpus overview and the
English–Chinese disagreements, which grow with the corpus, have pages of their own
once they outgrow the index. Every page is bounded by a count of rows, fixed here, not
by a measurement after the fact: a theme page shows at most :data:`POINTS_PER_PAGE`
documents, further ones go to ``themes/<theme-id>_2``, ``_3`` …; an overview page at
most :data:`ROWS_PER_PAGE` documents, a disagreements page as many disagreements. So a
larger corpus makes more pages, not larger ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from policydiff.analysis.model import Change, Evolution, Point, ThemeEvolution
from policydiff.analysis.verdicts import STRENGTH_MOVES
from policydiff.render.view import shown_points

POINTS_PER_PAGE = 100  # documents (with their evidence and wording diffs) per theme page
ROWS_PER_PAGE = 250  # documents per overview page, disagreements per agreement page
CHILDREN_PER_PAGE = 5  # children per lineage page: every cell of a child lists two sentences
MOVERS = 100  # themes among the biggest movers on the index (one move each)
SERIES_SHOWN = 20  # series shown among the biggest movers by series …
MOVERS_PER_SERIES = 3  # … each with its biggest moves

T = TypeVar("T")


def chunks(items: Sequence[T], size: int) -> tuple[tuple[T, ...], ...]:
    """``items`` cut into runs of at most ``size`` (one empty run for no items)."""
    if not items:
        return ((),)
    return tuple(tuple(items[i : i + size]) for i in range(0, len(items), size))


def numbered(stem: str, number: int, ext: str) -> str:
    """The file of page ``number`` (from 1) of a run of pages: ``stem.ext``, ``stem_2.ext`` …
    (theme ids never hold ``_``, so page 2 of one theme is never another theme's page)."""
    return f"{stem}.{ext}" if number == 1 else f"{stem}_{number}.{ext}"


def theme_stem(theme_id: str) -> str:
    return f"themes/{theme_id}"


@dataclass(frozen=True)
class ThemePage:
    """One page of a theme: a run of its shown points, in timeline order."""

    theme: ThemeEvolution
    number: int  # from 1
    count: int  # pages of this theme
    points: tuple[Point, ...]

    @property
    def documents(self) -> frozenset[str]:
        return frozenset(p.document for p in self.points)

    def file(self, ext: str) -> str:
        return numbered(theme_stem(self.theme.id), self.number, ext)

    @property
    def span(self) -> str:
        """The dates this page covers, ``first – last``."""
        if not self.points:
            return ""
        first, last = self.points[0].date, self.points[-1].date
        return first if first == last else f"{first} – {last}"


def theme_pages(ev: Evolution, theme: ThemeEvolution) -> tuple[ThemePage, ...]:
    runs = chunks(shown_points(ev, theme), POINTS_PER_PAGE)
    return tuple(ThemePage(theme, i, len(runs), run) for i, run in enumerate(runs, start=1))


def page_of(ev: Evolution, theme: ThemeEvolution, document: str, ext: str) -> str:
    """The file of the theme page that shows ``document`` (the first page if none does)."""
    shown = [p.document for p in shown_points(ev, theme)]
    number = shown.index(document) // POINTS_PER_PAGE + 1 if document in shown else 1
    return numbered(theme_stem(theme.id), number, ext)


@dataclass(frozen=True)
class Mover:
    """A strength move between consecutive mentions of a theme within one series."""

    theme: ThemeEvolution
    change: Change
    series: str


def _moves(ev: Evolution) -> list[Mover]:
    series = {d.id: d.series for d in ev.documents}
    dates = {d.id: d.date for d in ev.documents}
    moves = [
        Mover(t, c, series.get(c.to_document, ""))
        for t in ev.themes
        for c in t.since_last
        if c.verdict in STRENGTH_MOVES and c.delta is not None
    ]
    # largest moves first; among equals the latest, then by theme: one order, whatever the run
    moves.sort(key=lambda m: m.theme.id)
    moves.sort(key=lambda m: dates.get(m.change.to_document, ""), reverse=True)
    moves.sort(key=lambda m: -abs(m.change.delta or 0))
    return moves


def movers_by_theme(ev: Evolution) -> tuple[Mover, ...]:
    """Each theme's biggest strength move, the :data:`MOVERS` biggest of them."""
    seen: set[str] = set()
    out = []
    for m in _moves(ev):
        if m.theme.id not in seen:
            seen.add(m.theme.id)
            out.append(m)
    return tuple(out[:MOVERS])


def movers_by_series(ev: Evolution) -> tuple[tuple[str, int, tuple[Mover, ...]], ...]:
    """The series with the most strength moves (at most :data:`SERIES_SHOWN`), each with
    how many moves it holds and its :data:`MOVERS_PER_SERIES` biggest."""
    by_series: dict[str, list[Mover]] = {}
    for m in _moves(ev):
        by_series.setdefault(m.series, []).append(m)
    ranked = sorted(by_series.items(), key=lambda item: (-len(item[1]), item[0]))
    return tuple(
        (name, len(ms), tuple(ms[:MOVERS_PER_SERIES])) for name, ms in ranked[:SERIES_SHOWN]
    )
