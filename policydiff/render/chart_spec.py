"""Which charts a report has, in which formats, and what they are drawn from.

Both :mod:`.charts` (which draws) and :mod:`.chart_jobs` (which decides where) read
this; neither imports the other at module level.
"""

from __future__ import annotations

from dataclasses import dataclass

from policydiff.analysis.model import Evolution
from policydiff.analysis.periods import as_shown
from policydiff.render.chart_themes import Movement, movement

# The charts, by file stem, with the captions the reports show under them.
CHARTS = (
    ("strength-heatmap", "Strength by theme and document"),
    ("strength-timeline", "Strength over time"),
    ("mentions", "Mentions per theme and document"),
)
CHART_NAMES = tuple(name for name, _ in CHARTS)
FORMATS = ("png", "svg")


@dataclass(frozen=True)
class ChartInput:
    """What the charts draw: the evolution as shown (by year past
    :data:`~policydiff.analysis.periods.MAX_COLUMNS` documents). Small whatever the
    corpus, so cheap to send to a process. ``cjk`` False: English labels only; otherwise
    Chinese labels and cues are drawn with the bundled CJK font. ``moving``: how the
    themes move within their series, measured before any aggregation by year."""

    shown: Evolution
    by_year: bool
    cjk: bool | None = None
    moving: Movement | None = None


def chart_input(ev: Evolution, *, cjk: bool | None = None) -> ChartInput:
    shown, by_year = as_shown(ev)
    return ChartInput(shown, by_year, cjk, movement(ev))


def chart_files() -> tuple[str, ...]:
    return tuple(f"{name}.{fmt}" for name in CHART_NAMES for fmt in FORMATS)


def chinese_texts(ev: Evolution) -> set[str]:
    """The Chinese labels and cues the charts would draw."""
    texts = {t.label_zh for t in ev.themes if t.label_zh}
    texts |= {p.cue for t in ev.themes for p in t.points if p.present and p.cue and p.lang == "zh"}
    return texts
