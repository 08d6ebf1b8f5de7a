"""Periods of a long timeline: the evolution with one column per year.

Past :data:`MAX_COLUMNS` documents, a chart or table with one column per document is
unreadable; the charts and the reports' "At a glance" table then show one column per year
(per period of several years when there are more than :data:`MAX_COLUMNS` years).
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from policydiff.analysis.model import DocumentRef, Evolution, Point
from policydiff.analysis.points import verdicts_between
from policydiff.models import earliest_day

MAX_COLUMNS = 24  # more documents than this: aggregate them by year


def is_large(ev: Evolution) -> bool:
    """More documents than a table or chart shows side by side (see :data:`MAX_COLUMNS`)."""
    return len(ev.documents) > MAX_COLUMNS


def as_shown(ev: Evolution) -> tuple[Evolution, bool]:
    """The evolution as a chart or an "At a glance" table shows it, and whether that is by
    year: past :data:`MAX_COLUMNS` documents, :func:`aggregate_by_year`."""
    if is_large(ev):
        return aggregate_by_year(ev), True
    return ev, False


def _period_point(points: Sequence[Point], ref: DocumentRef) -> Point:
    """The strongest present point of a period (the earliest on a tie), with the period's
    mentions summed; an absent point when no document of the period mentions the theme."""
    best: Point | None = None
    for point in points:
        if (
            point.present
            and point.strength is not None
            and (best is None or point.strength > (best.strength or 0.0))
        ):
            best = point
    mentions = sum(p.mentions for p in points)
    if best is None:
        return Point(ref.id, ref.date, False, None, None, None, None, None, mentions, (), (), ())
    return replace(best, document=ref.id, date=ref.date, mentions=mentions)


# The last aggregation, found by the evolution's identity: the charts, the Markdown and
# the HTML of one report all ask for it (hashing an evolution would cost more). A weak
# reference, so that a large evolution is not kept alive for it.
_LAST: list[tuple[weakref.ref[Evolution], int, Evolution]] = []


def aggregate_by_year(ev: Evolution, max_columns: int = MAX_COLUMNS) -> Evolution:
    """The evolution with one column per year (per period of several years when there are
    more than ``max_columns`` years): each theme's strongest point of the period, with the
    period's mentions summed. A period's ``DocumentRef`` has the year ("2021", or
    "2019–2021") as id, "N documents" as title and the middle of the period as date."""
    if _LAST and _LAST[0][0]() is ev and _LAST[0][1] == max_columns:
        return _LAST[0][2]
    aggregated = _aggregate(ev, max_columns)
    _LAST[:] = [(weakref.ref(ev), max_columns, aggregated)]
    return aggregated


def _aggregate(ev: Evolution, max_columns: int) -> Evolution:
    years = [earliest_day(d.date).year for d in ev.documents]
    if not years:
        return ev
    first, last = min(years), max(years)
    step = max(1, math.ceil((last - first + 1) / max_columns))
    bins: dict[int, list[int]] = {}
    for index, year in enumerate(years):
        bins.setdefault((year - first) // step, []).append(index)
    refs: list[DocumentRef] = []
    members: list[list[int]] = []
    for b in sorted(bins):
        start = first + b * step
        end = min(start + step - 1, last)
        label = str(start) if start == end else f"{start}–{end}"
        indices = bins[b]
        languages = tuple(sorted({lang for i in indices for lang in ev.documents[i].languages}))
        middle = date(start + (end - start) // 2, 7, 1).isoformat()
        count = len(indices)
        title = f"{count} document{'s' if count != 1 else ''}"
        refs.append(DocumentRef(label, title, middle, languages))
        members.append(indices)
    themes = []
    for theme in ev.themes:
        points = [
            _period_point([theme.points[i] for i in indices], ref)
            for ref, indices in zip(refs, members, strict=True)
        ]
        changes, since_last = verdicts_between(points)
        themes.append(replace(theme, points=tuple(points), changes=changes, since_last=since_last))
    return Evolution(tuple(refs), tuple(themes), ev.agreement)
