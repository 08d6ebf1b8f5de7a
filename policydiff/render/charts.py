"""Charts of the evolution, drawn with matplotlib (:mod:`.chart_layout` places the
timeline's plots and keeps its labels from covering one another).

Three charts, each as PNG and SVG, with stable bytes (no dates, no creator, a
fixed SVG hash salt), so the same evolution always gives the same files:

- ``strength-heatmap``: theme x document, coloured by strength, cue and strength
  written in each cell, absent cells hatched grey;
- ``strength-timeline``: small multiples, one per theme whose strength moves within a
  series (:mod:`.chart_themes`), strength over real dates (a line joins one series),
  quantified targets marked with a star;
- ``mentions``: sentences mentioning each theme per document, grouped bars.

Chinese labels and cues are drawn with the bundled CJK font (:mod:`.chart_font`), the same
on every machine; a label the font cannot draw is drawn in English, never as empty boxes.
The SVGs hold their text as glyph outlines, so they need no font where they are read; a
theme label too long for its room keeps its Chinese term and shortens its English
(:mod:`.chart_labels`).
Charts read the :class:`~policydiff.analysis.model.Evolution`; they never score.

At scale (past :data:`~policydiff.analysis.periods.MAX_COLUMNS` documents) the document
axis is aggregated by year or by periods of several years (see
:func:`~policydiff.analysis.periods.aggregate_by_year`): the heatmap and timeline show the
strongest commitment of each year, the mentions chart sums the year's mentions, and the
timeline draws at most :data:`MAX_TIMELINE_THEMES` themes (those with the most and largest
changes, its title saying how many of how many),
writing a cue only where the strength changes, so a figure's size and drawing cost stop
growing with the number of documents. PNGs past :data:`MAX_PIXELS` get a lower resolution.

Each chart is drawn once for its PNG, which is cut to the figure's tight box measured on
that drawing, and once for its SVG (see :func:`_png_and_bbox`).
"""

from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

import matplotlib
import numpy as np
from PIL import Image

matplotlib.use("Agg")

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import Normalize
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.text import Annotation
from matplotlib.ticker import FixedFormatter, FixedLocator
from matplotlib.transforms import Bbox

from policydiff.analysis.model import Evolution, Point
from policydiff.models import read_issue_date, shown_date
from policydiff.render import chart_font
from policydiff.render.chart_labels import Labels, safe, truncate
from policydiff.render.chart_layout import LABEL_ON_TOP, place_grid, unclutter, year_ticks
from policydiff.render.chart_spec import CHART_NAMES, FORMATS, ChartInput
from policydiff.render.chart_themes import Movement, changing_themes, most_changing
from policydiff.render.chart_themes import movement as measure_movement
from policydiff.strength import LEVEL_NAMES

MAX_STRENGTH = 5.5
DPI = 100
CMAP = "YlGnBu"
ABSENT_COLOUR = "#d9d9d9"
MAX_TIMELINE_THEMES = 24  # the strength timeline draws at most this many themes
NO_REPEATED_SERIES = "no series holds two documents"
MAX_PIXELS = 12_000_000  # a larger PNG is saved at a lower dpi
MIN_DPI = 40
PAD_INCHES = 0.15  # white margin around every chart
_METADATA: dict[str, dict[str, Any]] = {
    "png": {"Software": None, "Creator": None},
    "svg": {"Date": None, "Creator": None},
}
_DOC_COLOURS = ("#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d")


@lru_cache(maxsize=1)
def cjk_font() -> str:
    """The family of the bundled CJK font, registered with matplotlib (once per process).
    Installed CJK fonts are never used: the charts would then depend on the machine."""
    manager = font_manager.fontManager
    manager.addfont(str(chart_font.font_path()))
    # one weight only: bold Chinese (in a title) is drawn with the regular glyphs, rather
    # than matplotlib warning that it found no bold face, at every bold text
    regular = next(f for f in manager.ttflist if f.name == chart_font.FAMILY)
    manager.ttflist.append(replace(regular, weight=700))
    return chart_font.FAMILY


@contextmanager
def _style(cjk: bool) -> Iterator[None]:
    family = ["DejaVu Sans"]
    font = cjk_font() if cjk else None
    if font:
        family.append(font)
    # The generic family last: matplotlib draws with the faces above (same PNG), and an SVG
    # viewer without them falls back to a sans-serif face of its own.
    family.append("sans-serif")
    with plt.rc_context(
        {
            "font.family": family,
            "svg.hashsalt": "policydiff",
            # SVG text drawn as glyph outlines: a reader's machine lacks the bundled CJK
            # font, and text naming it would show there as empty boxes. Each glyph is
            # defined once and reused, so the files grow by the glyphs used, not the text.
            "svg.fonttype": "path",
            "axes.unicode_minus": False,
            # a title or label is text: "$…$" in it is not mathtext to typeset (or fail on)
            "text.parse_math": False,
            "figure.facecolor": "white",  # PNGs are cut from the drawing: opaque white
            # Titles just above their axes, where matplotlib would leave them after looking
            # on every drawing for tick labels above the axes (no titled axes has any).
            "axes.titley": 1.0,
            "figure.dpi": DPI,
            "savefig.dpi": DPI,
        }
    ):
        yield


def _document_label(ev: Evolution, index: int, labels: Labels) -> str:
    doc = ev.documents[index]
    if labels.by_year:
        return f"{doc.id}\n{doc.title}"
    title = doc.title.removeprefix("Opinions on ").strip()
    short = textwrap.shorten(title, width=40, placeholder="…")
    return f"{shown_date(doc.date)}\n" + "\n".join(textwrap.wrap(short, width=22)[:2])


def heatmap_figure(ev: Evolution, labels: Labels) -> Figure:
    themes = ev.themes
    docs = ev.documents
    rows, cols = max(len(themes), 1), max(len(docs), 1)
    fig = plt.figure(figsize=(4.0 + 2.7 * cols + 1.6, 1.9 + 0.46 * rows))
    ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))
    cmap = matplotlib.colormaps[CMAP]
    norm = Normalize(0.0, MAX_STRENGTH)
    # Cells are added as plain artists: the limits are set below, and add_patch would
    # widen them cell by cell, a fifth of the time of drawing the heatmap.
    for r, theme in enumerate(themes):
        for c, point in enumerate(theme.points):
            if not point.present or point.strength is None:
                ax.add_artist(
                    Rectangle(
                        (c, r),
                        1,
                        1,
                        facecolor=ABSENT_COLOUR,
                        edgecolor="#9a9a9a",
                        hatch="///",
                        linewidth=0.0,
                    )
                )
                ax.text(
                    c + 0.5,
                    r + 0.5,
                    "absent",
                    ha="center",
                    va="center",
                    fontsize=8,
                    color="#555555",
                    style="italic",
                    bbox={"facecolor": ABSENT_COLOUR, "edgecolor": "none", "pad": 1.0},
                )
                continue
            colour = cmap(norm(point.strength))
            ax.add_artist(
                Rectangle((c, r), 1, 1, facecolor=colour, edgecolor="white", linewidth=1.5)
            )
            luminance = 0.299 * colour[0] + 0.587 * colour[1] + 0.114 * colour[2]
            ink = "black" if luminance > 0.55 else "white"
            target = " ★" if point.targets else ""
            ax.text(
                c + 0.5,
                r + 0.5,
                f"{safe(labels.cue(point), labels)}\n{point.strength:g}{target}",
                ha="center",
                va="center",
                fontsize=8.5,
                color=ink,
                linespacing=1.25,
            )
    ax.set_xlim(0, cols)
    ax.set_ylim(rows, 0)
    ax.set_xticks([c + 0.5 for c in range(len(docs))])
    ax.set_xticklabels([_document_label(ev, i, labels) for i in range(len(docs))], fontsize=8.5)
    ax.xaxis.tick_top()
    ax.set_yticks([r + 0.5 for r in range(len(themes))])
    ax.set_yticklabels([safe(labels.theme(t, 48), labels) for t in themes], fontsize=9)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    # Leave room for the labels: positions in inches, converted to figure fractions.
    width, height = fig.get_size_inches()
    left, right, top, bottom = 4.4 / width, 1.9 / width, 1.35 / height, 0.35 / height
    ax.set_position((left, bottom, 1 - left - right, 1 - top - bottom))
    fig.suptitle(
        "Directive strength by theme, by year: strongest commitment in each year"
        if labels.by_year
        else "Directive strength by theme and document",
        x=left,
        ha="left",
        y=1 - 0.12 / height,
        va="top",
        fontsize=12,
        fontweight="bold",
    )
    cax = fig.add_axes(
        (
            1 - right + 0.25 / width,
            bottom + (1 - top - bottom) * 0.55,
            0.22 / width,
            (1 - top - bottom) * 0.45,
        )
    )
    bar = fig.colorbar(matplotlib.cm.ScalarMappable(norm=norm, cmap=cmap), cax=cax)
    bar.set_ticks(list(range(len(LEVEL_NAMES))))
    bar.set_ticklabels([f"{i} {name}" for i, name in enumerate(LEVEL_NAMES)], fontsize=8)
    bar.set_label("strength (level; ★ quantified target)", fontsize=8)
    return fig


def timeline_figure(ev: Evolution, labels: Labels, movement: Movement | None = None) -> Figure:
    """The strength of the themes that move within a series (``movement``: measured on
    ``ev`` unless given, as it must be when ``ev`` is by year). When none moves, those with
    a quantified target, the title saying why nothing moves."""
    moving = changing_themes(ev, movement)
    with_targets = tuple(t for t in ev.themes if any(p.targets for p in t.points))
    candidates = moving or with_targets or ev.themes[:1]
    kind = "moving" if moving else "targets" if with_targets else "first"
    themes = most_changing(candidates, MAX_TIMELINE_THEMES, movement)
    issued = [read_issue_date(d.date) for d in ev.documents]
    dates = [i.earliest for i in issued]
    # by year, a column is the year itself: no span to shade
    spans = dates if labels.by_year else [i.latest for i in issued]
    # each panel's labels, cues before targets: where two would cover each other, the cue
    # (why the point stands where it does) is kept
    written: list[list[Annotation]] = []
    series = {d.id: d.series for d in ev.documents}
    ncols = 3 if len(themes) > 4 else max(len(themes), 1)
    nrows = max(1, -(-len(themes) // ncols))
    fig, axes = plt.subplots(
        nrows,
        ncols,
        figsize=(4.2 * ncols, 2.6 * nrows + 0.9),
        sharex=True,
        sharey=True,
        squeeze=False,
    )
    span = (max(dates) - min(dates)).days if dates else 0
    pad = max(span * 0.14, 90)
    lo = date.fromordinal(min(dates).toordinal() - int(pad)) if dates else date(2000, 1, 1)
    hi = date.fromordinal(max(dates).toordinal() + int(pad)) if dates else date(2001, 1, 1)
    tick_positions, tick_labels = year_ticks(lo, hi)
    for index, ax in enumerate(axes.flat):
        if index >= len(themes):
            ax.set_visible(False)
            continue
        theme = themes[index]
        for d, last in zip(dates, spans, strict=True):
            ax.axvline(mdates.date2num(d), color="#e0e0e0", linewidth=0.8, zorder=0)
            if last > d:
                # a date known only to its month or year: the days it allows, shaded
                ax.axvspan(
                    mdates.date2num(d),
                    mdates.date2num(last + timedelta(days=1)),
                    color="#f0f0f0",
                    linewidth=0,
                    zorder=0,
                )
        present = [(d, p) for d, p in zip(dates, theme.points, strict=False) if p.present]
        ys = [p.strength or 0.0 for _, p in present]
        in_series = [series[p.document] for _, p in present]
        for at in (
            [i for i, s in enumerate(in_series) if s == one] for one in dict.fromkeys(in_series)
        ):
            xs, line = [mdates.date2num(present[i][0]) for i in at], [ys[i] for i in at]
            ax.plot(xs, line, color="#225ea8", linewidth=1.8, marker="o", markersize=6, zorder=2)
        # By year, a cue or target is written only where it changes: written at every
        # point of a long series they overlap one another.
        previous: Point | None = None
        last_target: str | None = None
        cues: list[Annotation] = []
        targets: list[Annotation] = []
        for (d, p), y in zip(present, ys, strict=False):
            if p.targets:
                ax.plot(
                    mdates.date2num(d),
                    y,
                    marker="*",
                    markersize=16,
                    color="#e6550d",
                    markeredgecolor="black",
                    markeredgewidth=0.6,
                    zorder=3,
                )
                text = truncate(safe(p.targets[0].text, labels), 22)
                if not labels.by_year or text != last_target:
                    targets.append(
                        ax.annotate(
                            f"target: {text}",
                            (mdates.date2num(d), y),
                            xytext=(0, -16),
                            textcoords="offset points",
                            ha="center",
                            va="top",
                            fontsize=7.5,
                            color="#a63603",
                            **LABEL_ON_TOP,
                        )
                    )
                last_target = text
            moved = previous is None or p.strength != previous.strength
            previous = p
            if labels.by_year and not moved:
                continue
            cues.append(
                ax.annotate(
                    safe(labels.cue(p), labels),
                    (mdates.date2num(d), y),
                    xytext=(0, 7),
                    textcoords="offset points",
                    ha="center",
                    va="bottom",
                    fontsize=7,
                    color="#333333",
                    **LABEL_ON_TOP,
                )
            )
        written.append(cues + targets)
        for d, p in zip(dates, theme.points, strict=False):
            if not p.present:
                ax.plot(mdates.date2num(d), 0.15, marker="x", markersize=6, color="#888888")
        ax.set_title(safe(labels.theme(theme, 44), labels), fontsize=9, loc="left")
        ax.set_ylim(-0.3, 6.2)
        ax.set_yticks(range(len(LEVEL_NAMES)))
        ax.set_yticklabels([f"{i} {n}" for i, n in enumerate(LEVEL_NAMES)], fontsize=7)
        ax.set_xlim(mdates.date2num(lo), mdates.date2num(hi))
        ax.xaxis.set_major_locator(FixedLocator(tick_positions))
        ax.xaxis.set_major_formatter(FixedFormatter(tick_labels))
        ax.tick_params(axis="x", labelsize=8, labelbottom=True)
        ax.grid(axis="y", color="#eeeeee", linewidth=0.8)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    title = (
        "Strength by year: strongest commitment, cue where it changes"
        if labels.by_year
        else "Strength over time"
    )
    which, why = _timeline_themes_title(len(themes), len(candidates), kind, movement, ev)
    # no line is drawn when no series holds two documents: the reason replaces the key
    joined = len(set(series.values())) > 1 and not why.startswith(NO_REPEATED_SERIES)
    apart = "; a line joins one series" if joined else ""
    second = [why] if why else []
    if any(last > d for d, last in zip(dates, spans, strict=True)):
        second.append("shaded: the days a date known only to its month or year allows")
    if second:
        apart += "\n" + "; ".join(second)
    fig.suptitle(
        f"{title}, {which} (● present, × absent, ★ quantified target)" + apart,
        fontsize=11,
        fontweight="bold",
        x=0.01,
        ha="left",
        y=1 - 0.2 / fig.get_size_inches()[1],
        va="top",
    )
    place_grid(fig, nrows, ncols)
    unclutter(fig, written)
    return fig


def _timeline_themes_title(
    drawn: int, candidates: int, kind: str, movement: Movement | None, ev: Evolution
) -> tuple[str, str]:
    """Which themes the timeline draws, and why nothing moves when nothing does. A chart
    that leaves themes out says so (a reader looks for a mover in it), and one where
    nothing moves never claims that anything does."""
    of = f"the {drawn} of {candidates} " if drawn < candidates else ""
    measured = movement or measure_movement(ev)
    if kind == "moving":
        within = " within a series" if measured.several_series else ""
        # a theme that only gains a target is drawn too: the title says both
        most = " most" if of else ""
        return f"{of}themes that move{most}, in strength or by a target gained{within}", ""
    shown = "themes with a quantified target" if kind == "targets" else "the first theme"
    if measured.repeated_series:
        return f"{of}{shown}", "no theme's strength moves within a series"
    return f"{of}{shown}", f"{NO_REPEATED_SERIES}, so no strength can move"


def mentions_figure(ev: Evolution, labels: Labels) -> Figure:
    themes = ev.themes
    docs = ev.documents
    n = max(len(docs), 1)
    per_bar = 0.16 if not labels.by_year else max(0.05, 0.16 * min(1.0, 6 / n))
    # the legend below the bars, never over them: a column or two of one line a document
    columns = 1 if n <= 3 else 2
    legend_height = 0.35 + 0.19 * -(-n // columns)
    fig, ax = plt.subplots(
        figsize=(
            10.5,
            1.4 + per_bar * n * max(len(themes), 1) + 0.12 * len(themes) + legend_height,
        )
    )
    height = 0.8 / n
    colours = _document_colours(n, labels.by_year)
    most = max((p.mentions for t in themes for p in t.points), default=1)
    for d, doc in enumerate(docs):
        ys = [r + (d - (n - 1) / 2) * height for r in range(len(themes))]
        values = [t.points[d].mentions for t in themes]
        ax.barh(
            ys,
            values,
            height=height * 0.92,
            color=colours[d],
            label=f"{doc.id} ({doc.title})"
            if labels.by_year
            else f"{shown_date(doc.date)} {textwrap.shorten(doc.title, 60, placeholder='…')}",
        )
        for y, v in zip(ys, values, strict=False):
            if v:
                ax.text(v + most * 0.005, y, str(v), va="center", fontsize=6.5, color="#333333")
    ax.set_yticks(range(len(themes)))
    ax.set_yticklabels([safe(labels.theme(t, 48), labels) for t in themes], fontsize=8.5)
    ax.set_ylim(len(themes) - 0.5, -0.5)
    ax.set_xlabel("sentences mentioning the theme", fontsize=9)
    ax.grid(axis="x", color="#eeeeee")
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for r in range(0, len(themes), 2):
        ax.axhspan(r - 0.5, r + 0.5, color="#f4f4f4", zorder=0, linewidth=0)
    handles, names = ax.get_legend_handles_labels()
    fig.legend(
        handles,
        names,
        loc="lower left",
        bbox_to_anchor=(3.6 / fig.get_size_inches()[0], 0.08 / fig.get_size_inches()[1]),
        ncol=columns,
        fontsize=8,
        frameon=False,
        title="year" if labels.by_year else "document",
        title_fontsize=8,
        alignment="left",
    )
    ax.set_title(
        "Mentions per theme and year (summed over each year's documents)"
        if labels.by_year
        else "Mentions per theme and document",
        fontsize=11,
        fontweight="bold",
        loc="left",
    )
    # Room for theme labels of up to 48 characters; the saved file is cropped to its
    # content, so a fixed layout is enough (tight_layout would draw the figure once more).
    width, height = fig.get_size_inches()
    left, right = 3.6 / width, 0.25 / width
    bottom, top = (0.55 + legend_height) / height, 0.4 / height
    ax.set_position((left, bottom, 1 - left - right, 1 - bottom - top))
    return fig


def _document_colours(n: int, by_year: bool) -> list[Any]:
    """A colour for each of ``n`` documents, none repeated: a qualitative palette while it
    lasts, then evenly spaced along a sequential one (years, or a long timeline)."""
    if not by_year and n <= len(_DOC_COLOURS):
        return list(_DOC_COLOURS[:n])
    if not by_year and n <= 20:
        return [matplotlib.colormaps["tab20"](i) for i in range(n)]
    return [matplotlib.colormaps["viridis"](i / max(n - 1, 1)) for i in range(n)]


_FIGURES = {
    "strength-heatmap": heatmap_figure,
    "strength-timeline": timeline_figure,
    "mentions": mentions_figure,
}


def _dpi(fig: Figure) -> int:
    """The PNG's resolution: :data:`DPI`, lower for a figure of more than MAX_PIXELS."""
    width, height = fig.get_size_inches()
    pixels = width * height * DPI * DPI
    if pixels <= MAX_PIXELS:
        return DPI
    return max(MIN_DPI, int(DPI * math.sqrt(MAX_PIXELS / pixels)))


def _png_and_bbox(fig: Figure) -> tuple[bytes, Bbox]:
    """The PNG and the tight bounding box (with a margin, in inches), from one drawing.

    The figure is drawn once with Agg at the PNG's resolution; the box is measured on
    that drawing and the PNG cut from its pixels. ``savefig(bbox_inches=...)`` would lay
    the figure out once to find the box and draw it again to save it, and text, drawn
    glyph by glyph in Python, is most of a chart's cost. The margin around the content is
    white, as the figure is. Content reaching past the figure's edge (a long label) is
    not in its pixels; that figure is drawn again at the box instead, which holds it.
    Either way the PNG is RGB and written by :func:`_png_bytes`, so it has the same form."""
    dpi = _dpi(fig)
    fig.set_dpi(dpi)
    canvas = fig.canvas
    assert isinstance(canvas, FigureCanvasAgg)  # matplotlib.use("Agg") above
    canvas.draw()
    content = fig.get_tightbbox(canvas.get_renderer())
    bbox = content.padded(PAD_INCHES)
    width, height = fig.get_size_inches()
    if content.x0 < 0 or content.y0 < 0 or content.x1 > width or content.y1 > height:
        with Image.open(io.BytesIO(_save(fig, "png", bbox, dpi))) as drawn:
            return _png_bytes(np.asarray(drawn.convert("RGB")), dpi), bbox
    pixels = np.asarray(canvas.buffer_rgba())[:, :, :3]  # opaque: the face is white
    rows, cols = pixels.shape[:2]
    # the box in pixels, rows counted from the top as in the buffer
    left, right = math.floor(bbox.x0 * dpi), math.ceil(bbox.x1 * dpi)
    top, bottom = math.floor(rows - bbox.y1 * dpi), math.ceil(rows - bbox.y0 * dpi)
    image = np.full((bottom - top, right - left, 3), 255, dtype=np.uint8)
    inside = pixels[max(top, 0) : min(bottom, rows), max(left, 0) : min(right, cols)]
    image[
        max(-top, 0) : max(-top, 0) + inside.shape[0],
        max(-left, 0) : max(-left, 0) + inside.shape[1],
    ] = inside
    return _png_bytes(image, dpi), bbox


def _png_bytes(pixels: np.ndarray, dpi: int) -> bytes:
    """An RGB PNG of ``pixels`` with no metadata but the resolution: stable bytes."""
    buffer = io.BytesIO()
    Image.fromarray(pixels, "RGB").save(buffer, format="png", dpi=(dpi, dpi))
    return buffer.getvalue()


def _save(fig: Figure, fmt: str, bbox: Bbox, dpi: int = DPI) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(
        buffer,
        format=fmt,
        metadata=_METADATA[fmt],
        bbox_inches=bbox,
        facecolor="white",
        dpi=dpi,
    )
    return buffer.getvalue()


def draw_charts(what: ChartInput, names: Sequence[str] = CHART_NAMES) -> dict[str, bytes]:
    """The charts ``names`` (default: every one) in every format: file name
    (``mentions.svg``) -> bytes, in a stable order. Chinese text is drawn when
    ``what.cjk`` allows it and a CJK font is installed (see :func:`cjk_font`)."""
    cjk = what.cjk is not False
    labels = Labels(cjk=cjk, by_year=what.by_year)
    out: dict[str, bytes] = {}
    with _style(cjk):
        for name in names:
            fig = (
                timeline_figure(what.shown, labels, what.moving)
                if name == "strength-timeline"
                else _FIGURES[name](what.shown, labels)
            )
            try:
                png, bbox = _png_and_bbox(fig)  # every format is cut to the PNG's box
                for fmt in FORMATS:
                    out[f"{name}.{fmt}"] = png if fmt == "png" else _save(fig, fmt, bbox)
            finally:
                plt.close(fig)
    return out


def save_figure(name: str, draw: Callable[[], Figure], *, cjk: bool = True) -> dict[str, bytes]:
    """A figure that ``draw`` makes, in the charts' style and formats, cut and saved as
    they are (same bytes on every machine): ``{name}.png`` and ``{name}.svg``."""
    with _style(cjk):
        fig = draw()
        try:
            png, bbox = _png_and_bbox(fig)
            return {
                f"{name}.{fmt}": png if fmt == "png" else _save(fig, fmt, bbox) for fmt in FORMATS
            }
        finally:
            plt.close(fig)
