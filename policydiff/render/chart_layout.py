"""Where the strength timeline's small multiples stand and what their labels may cover:
the fixed grid of plots, the year ticks, and labels left out where they would cover one
another (:mod:`.charts` draws them)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from typing import Any

import matplotlib.dates as mdates
from matplotlib.figure import Figure
from matplotlib.text import Annotation
from matplotlib.transforms import Bbox

# a label stands over the markers, on a nearly opaque white ground, so that a star of a document
# issued weeks later does not hide it
LABEL_ON_TOP: dict[str, Any] = {
    "zorder": 4,
    "bbox": {
        "boxstyle": "square,pad=0.05",
        "facecolor": "white",
        "edgecolor": "none",
        "alpha": 0.9,
    },
}


def unclutter(fig: Figure, panels: Sequence[Sequence[Annotation]]) -> None:
    """Leave out, in each panel, a label that would cover one kept before it (plans a few
    months apart at one level), the labels of a panel taken in the order given: measured
    as drawn, in the figure's final layout, so that what is kept stands clear of the rest."""
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    for labels in panels:
        kept: list[Bbox] = []
        for label in labels:
            box = label.get_window_extent(renderer)
            if any(box.overlaps(other) for other in kept):
                label.remove()
            else:
                kept.append(box)


MAX_YEAR_TICKS = 8


def year_ticks(lo: date, hi: date) -> tuple[list[float], list[str]]:
    """Ticks on the 1st of January of the years between ``lo`` and ``hi`` (every few years
    past :data:`MAX_YEAR_TICKS` of them). Fixed ticks rather than a date locator: the
    locator recomputes them for every small multiple on every draw."""
    first = lo.year if (lo.month, lo.day) == (1, 1) else lo.year + 1
    years = list(range(first, hi.year + 1))
    step = max(1, math.ceil(len(years) / MAX_YEAR_TICKS))
    shown = years[::step]
    return [float(mdates.date2num(date(y, 1, 1))) for y in shown], [str(y) for y in shown]


# Margins of the small multiples, in inches: room for the level names on the left, the
# years under each plot and the titles above (a fixed layout: tight_layout would lay
# every plot out again, a second of drawing for 24 of them).
_GRID_LEFT, _GRID_RIGHT, _GRID_BOTTOM, _GRID_TOP = 0.95, 0.2, 0.35, 0.8
_GRID_WSPACE, _GRID_HSPACE = 0.3, 0.6


def place_grid(fig: Figure, nrows: int, ncols: int) -> None:
    width, height = fig.get_size_inches()
    plot_w = (width - _GRID_LEFT - _GRID_RIGHT - _GRID_WSPACE * (ncols - 1)) / ncols
    plot_h = (height - _GRID_TOP - _GRID_BOTTOM - _GRID_HSPACE * (nrows - 1)) / nrows
    fig.subplots_adjust(
        left=_GRID_LEFT / width,
        right=1 - _GRID_RIGHT / width,
        bottom=_GRID_BOTTOM / height,
        top=1 - _GRID_TOP / height,
        wspace=_GRID_WSPACE / plot_w,
        hspace=_GRID_HSPACE / plot_h,
    )
