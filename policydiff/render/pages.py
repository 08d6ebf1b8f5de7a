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

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from policydiff.analysis.model import Change, Evolution, Point, ThemeEvolution
from policydiff.analysis.periods import is_large
from policydiff.analysis.verdicts import STRENGTH_MOVES
from policydiff.models import earliest_day, shown_date
from policydiff.render.view import SentenceDiff, diffs_of, sentence_diffs, shown_points

POINTS_PER_PAGE = 100  # documents (with their evidence and wording diffs) per theme page
ROWS_PER_PAGE = 250  # documents per overview page, disagreements per agreement page
CHILDREN_PER_PAGE = 5  # children per lineage page: every cell of a child lists two sentences
MOVERS = 100  # themes among the biggest movers on the index (one move each)
SERIES_SHOWN = 20  # series shown among the biggest movers by series …
MOVERS_PER_SERIES = 3  # … each with its biggest moves
NO_SERIES_MOVED = "No series has a strength move: each holds one document, or none moved."

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
    """One page of a theme: a run of its shown points, in timeline order, with the changes
    since the last mention that arrive at them (in the theme's order) and the earlier
    mentions those changes start from: all a page reads of its theme beyond the totals."""

    theme: ThemeEvolution
    number: int  # from 1
    count: int  # pages of this theme
    points: tuple[Point, ...]
    since_last: tuple[Change, ...] = ()
    earlier: tuple[Point, ...] = ()

    def file(self, ext: str) -> str:
        return numbered(theme_stem(self.theme.id), self.number, ext)

    @property
    def span(self) -> str:
        """The dates this page covers, ``first – last``."""
        if not self.points:
            return ""
        first, last = shown_date(self.points[0].date), shown_date(self.points[-1].date)
        return first if first == last else f"{first} – {last}"


def theme_pages(ev: Evolution, theme: ThemeEvolution) -> tuple[ThemePage, ...]:
    runs = chunks(shown_points(ev, theme), POINTS_PER_PAGE)
    page_of_document = {p.document: k for k, run in enumerate(runs) for p in run}
    arriving: list[list[Change]] = [[] for _ in runs]
    for change in theme.since_last:  # one pass for all pages: a page never scans the theme
        k = page_of_document.get(change.to_document)
        if k is not None:
            arriving[k].append(change)
    point_of = {p.document: p for p in theme.points}
    return tuple(
        ThemePage(
            theme,
            k + 1,
            len(runs),
            run,
            tuple(arriving[k]),
            tuple(point_of[c.from_document] for c in arriving[k]),
        )
        for k, run in enumerate(runs)
    )


class PagesAsPointsArrive:
    """The pages of a theme whose points come without their evidence, each page with its
    points whole, as the theme's whole points arrive one by one in timeline order
    (:meth:`arrive`, then :meth:`finish`): a page is given once every point it reads has
    arrived (its own, and for each the last mention before it, which its wording diff
    reads), and only points a page still waiting reads are held. So a theme of any
    length is rendered with a page's worth of evidence in memory."""

    def __init__(self, ev: Evolution, theme: ThemeEvolution) -> None:
        self.theme = theme
        self.pages = theme_pages(ev, theme)
        position = {p.document: i for i, p in enumerate(theme.points)}
        self.last_read: dict[str, int] = {}  # document -> the last page that reads it
        self.ready: list[int] = []  # page -> the position of the last point it reads
        for k, page in enumerate(self.pages):
            reads = {p.document for p in (*page.points, *page.earlier)}
            for document in reads:
                self.last_read[document] = k
            self.ready.append(max((position[d] for d in reads), default=-1))
        self.held: dict[str, Point] = {}
        self.given = 0  # pages given so far
        self.arrived = 0  # points arrived so far

    def arrive(self, point: Point) -> list[ThemePage]:
        """The pages ready once ``point`` (the theme's next, whole) has arrived."""
        assert point.document == self.theme.points[self.arrived].document, "out of order"
        self.arrived += 1
        if point.document in self.last_read:
            self.held[point.document] = point
        return self._ready()

    def finish(self) -> list[ThemePage]:
        """The pages left (a theme's only page when it has no points)."""
        self.arrived = len(self.theme.points) + 1
        return self._ready()

    def _ready(self) -> list[ThemePage]:
        out = []
        while self.given < len(self.pages) and self.ready[self.given] < self.arrived:
            out.append(self._whole(self.pages[self.given]))
            self.held = {d: p for d, p in self.held.items() if self.last_read[d] > self.given}
            self.given += 1
        return out

    def _whole(self, page: ThemePage) -> ThemePage:
        """``page`` with its points and the earlier mentions it reads whole; its theme stays
        the one without evidence, for the totals (no page rebuilds the whole theme)."""
        held = self.held
        return replace(
            page,
            points=tuple(held.get(p.document, p) for p in page.points),
            earlier=tuple(held.get(p.document, p) for p in page.earlier),
        )


def page_diffs(
    ev: Evolution, theme: ThemeEvolution, page: ThemePage | None
) -> tuple[SentenceDiff, ...]:
    """The wording diffs a theme's section shows: the whole theme's (see
    :func:`~policydiff.render.view.sentence_diffs`), or those of the changes that arrive
    at one page, from what the page holds."""
    moves_only = is_large(ev)
    if page is None:
        return sentence_diffs(theme, moves_only=moves_only)
    points = {p.document: p for p in (*page.earlier, *page.points)}
    return diffs_of(page.since_last, points, moves_only)


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
    dates = {d.id: earliest_day(d.date) for d in ev.documents}
    moves = [
        Mover(t, c, series.get(c.to_document, ""))
        for t in ev.themes
        for c in t.since_last
        if c.verdict in STRENGTH_MOVES and c.delta is not None
    ]
    # largest moves first; among equals the latest, then by theme: one order, whatever the run
    moves.sort(key=lambda m: m.theme.id)
    moves.sort(key=lambda m: dates.get(m.change.to_document, dt.date.min), reverse=True)
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
