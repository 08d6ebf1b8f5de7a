"""Charts: six stable files, Chinese only with a CJK font, absent cells marked, real dates."""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import io
import itertools
import math
import subprocess
import sys
import warnings
import weakref
from datetime import date

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.figure import Figure
from PIL import Image

from policydiff.analysis import Evolution, build_evolution
from policydiff.analysis.periods import MAX_COLUMNS, aggregate_by_year
from policydiff.corpus import Corpus, load_corpus
from policydiff.render import charts
from policydiff.render.chart_jobs import render_charts
from policydiff.render.chart_spec import chart_files
from policydiff.render.charts import Labels, changing_themes
from tests.conftest import BUNDLED, LINEAGE

pytestmark = pytest.mark.slow  # processes, charts, browsers or whole reports


@pytest.fixture(scope="module")
def evolution(bundled_corpus: Corpus) -> Evolution:
    return build_evolution(bundled_corpus)


@pytest.fixture(scope="module")
def rendered(evolution: Evolution) -> dict[str, bytes]:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph would draw an empty box
        return render_charts(evolution, cjk=False)


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _texts(fig) -> list[str]:
    return [t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text"))]


def test_six_files_png_and_svg(rendered: dict[str, bytes]) -> None:
    assert tuple(rendered) == chart_files()
    assert len(rendered) == 6
    for name, data in rendered.items():
        if name.endswith(".png"):
            assert data.startswith(b"\x89PNG")
        else:
            assert data.lstrip().startswith(b"<?xml") and b"<svg" in data


def test_bytes_are_stable(evolution: Evolution, rendered: dict[str, bytes]) -> None:
    again = render_charts(evolution, cjk=False)
    assert again == rendered
    for name, data in rendered.items():
        assert b"<dc:date>" not in data, name
        assert b"Matplotlib" not in data, name


def test_english_labels_without_cjk_font(evolution: Evolution) -> None:
    labels = Labels(cjk=False)
    fig = charts.heatmap_figure(evolution, labels)
    try:
        texts = _texts(fig)
        assert not any(_has_cjk(t) for t in texts)
        assert "absent" in texts
        assert any(t.startswith("vigorously promote\n3.5") for t in texts)  # 大力推广 in English
        assert "Ultra-low and near-zero energy buildings" in texts
    finally:
        plt.close(fig)


def test_chinese_labels_with_cjk_font(evolution: Evolution) -> None:
    assert charts.cjk_font() == "Policydiff Sans SC"  # bundled: on every machine
    labels = Labels(cjk=True)
    with charts._style(True):
        fig = charts.heatmap_figure(evolution, labels)
        try:
            texts = _texts(fig)
            assert "Ultra-low and near-zero energy buildings 超低能耗建筑" in texts
            assert any(t.startswith("大力推广\n3.5") for t in texts)
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                charts._png_and_bbox(fig)
        finally:
            plt.close(fig)


def test_cue_falls_back_to_english_rendering(evolution: Evolution) -> None:
    theme = evolution.theme("ultra-low-energy-buildings")
    assert theme is not None
    point = theme.points[0]
    assert point.lang == "zh"
    assert Labels(cjk=False).cue(point) == "vigorously promote"
    assert Labels(cjk=True).cue(point) == "大力推广"


def test_a_label_the_bundled_font_cannot_draw_is_drawn_in_english(evolution: Evolution) -> None:
    from policydiff.render.chart_font import drawable, undrawable

    theme = evolution.theme("ultra-low-energy-buildings")
    assert theme is not None
    rare = dataclasses.replace(theme, label_zh="超低能耗𠀀建筑")  # a character beyond GB 2312
    assert not drawable(rare.label_zh) and drawable(theme.label_zh)
    assert Labels(cjk=True).theme(rare) == theme.label
    assert undrawable([rare.label_zh, "绿色建筑"]) == {"𠀀"}


# Draw the charts in a process whose matplotlib sees no font installed on this machine
# (none of /usr/share/fonts): what a fresh machine without a CJK font would draw.
_WITHOUT_SYSTEM_FONTS = """
import sys
from matplotlib import font_manager
font_manager.fontManager.ttflist = [
    f for f in font_manager.fontManager.ttflist if not f.fname.startswith("/usr/")
]
from policydiff.corpus import load_corpus
from policydiff.analysis import build_evolution
from policydiff.render.chart_jobs import render_charts
charts = render_charts(build_evolution(load_corpus(sys.argv[1])))
for name in sorted(charts):
    sys.stdout.buffer.write(name.encode() + b"\\0" + charts[name].hex().encode() + b"\\n")
"""


def test_the_charts_do_not_depend_on_the_fonts_of_the_machine(evolution: Evolution) -> None:
    rendered = render_charts(evolution)  # Chinese labels drawn, as the report draws them
    result = subprocess.run(
        [sys.executable, "-c", _WITHOUT_SYSTEM_FONTS, str(BUNDLED)],
        capture_output=True,
        check=True,
    )
    drawn = dict(line.split(b"\0") for line in result.stdout.splitlines())
    assert sorted(drawn) == sorted(name.encode() for name in rendered)
    for name, data in rendered.items():
        # compared by digest: equal bytes all the same, and a failure says which chart
        # without pytest diffing megabytes byte by byte (which runs for hours)
        drawn_digest = hashlib.sha256(bytes.fromhex(drawn[name.encode()].decode())).hexdigest()
        assert drawn_digest == hashlib.sha256(data).hexdigest(), name
    assert b"findfont" not in result.stderr


def test_timeline_uses_real_dates_and_marks_targets(evolution: Evolution) -> None:
    themes = changing_themes(evolution)
    ids = {t.id for t in themes}
    assert {"ultra-low-energy-buildings", "waste-free-cities"} <= ids
    assert "retrofit-of-existing-buildings" not in ids
    fig = charts.timeline_figure(evolution, Labels(cjk=False))
    try:
        ax = fig.axes[0]
        lo, hi = (mdates.num2date(x).date() for x in ax.get_xlim())
        assert lo < date(2021, 10, 21) and hi > date(2025, 8, 15)
        texts = _texts(fig)
        assert "target: reach 60%" in texts
        stars = [line for a in fig.axes for line in a.get_lines() if line.get_marker() == "*"]
        assert stars
    finally:
        plt.close(fig)


def test_a_timeline_line_never_joins_documents_of_two_series() -> None:
    # the ministry's plan and five provinces' plans: six series, so no line at all joins
    # two points, and the title says why
    lineage = build_evolution(load_corpus(LINEAGE))
    assert len({d.series for d in lineage.documents}) == 6
    fig = charts.timeline_figure(lineage, Labels(cjk=False))
    try:
        joined = [
            line
            for ax in fig.axes
            for line in ax.get_lines()
            if line.get_marker() == "o" and len(line.get_xdata()) > 1
        ]
        assert joined == []
        # no series holds two documents: the title says so, rather than a key to no line
        assert "no series holds two documents" in fig.texts[0].get_text()
    finally:
        plt.close(fig)
    # the bundled Opinions are one series: a theme present in all three is one line
    bundled = charts.timeline_figure(build_evolution(load_corpus(BUNDLED)), Labels(cjk=False))
    try:
        lengths = [
            len(line.get_xdata())
            for ax in bundled.axes
            for line in ax.get_lines()
            if line.get_marker() == "o"
        ]
        assert 3 in lengths
        assert "series" not in bundled.texts[0].get_text()
    finally:
        plt.close(bundled)


def test_mentions_has_one_bar_group_per_document(evolution: Evolution) -> None:
    fig = charts.mentions_figure(evolution, Labels(cjk=False))
    try:
        ax = fig.axes[0]
        assert len(ax.containers) == len(evolution.documents)
        assert all(len(c) == len(evolution.themes) for c in ax.containers)
    finally:
        plt.close(fig)


def test_cli_import_does_not_import_matplotlib() -> None:
    code = "import sys, policydiff.cli; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def _synthetic_evolution(n: int, years: int) -> Evolution:
    """``n`` documents spread over ``years`` years, two themes with varying strength."""
    from policydiff.analysis.agreement import Agreement
    from policydiff.analysis.model import DocumentRef, Point, ThemeEvolution
    from policydiff.analysis.points import compare

    docs = tuple(
        DocumentRef(
            f"doc-{i:03d}", f"Document {i}", f"{2010 + i * years // n}-03-{1 + i % 28:02d}", ("en",)
        )
        for i in range(n)
    )
    themes = []
    for t, theme_id in enumerate(("green-buildings", "sponge-cities")):
        points = []
        for i, doc in enumerate(docs):
            present = (i + t) % 3 != 0
            strength = float((i * 7 + t) % 5 + 1) if present else None
            points.append(
                Point(
                    doc.id,
                    doc.date,
                    present,
                    strength,
                    "binding" if present else None,
                    "promote" if present else None,
                    "en" if present else None,
                    "promote" if present else None,
                    2 if present else 0,
                    (),
                    (),
                    (),
                )
            )
        changes = tuple(compare(a, b) for a, b in itertools.pairwise(points))
        themes.append(ThemeEvolution(theme_id, theme_id, "", tuple(points), changes, changes))
    return Evolution(docs, tuple(themes), Agreement(()))


def test_large_corpus_heatmap_has_one_column_per_year() -> None:
    ev = _synthetic_evolution(60, 5)
    assert len(ev.documents) > MAX_COLUMNS
    by_year = aggregate_by_year(ev)
    assert [d.id for d in by_year.documents] == ["2010", "2011", "2012", "2013", "2014"]
    assert [d.title for d in by_year.documents] == ["12 documents"] * 5
    for theme, original in zip(by_year.themes, ev.themes, strict=True):
        assert sum(p.mentions for p in theme.points) == sum(p.mentions for p in original.points)
        for year, point in zip(by_year.documents, theme.points, strict=True):
            members = [
                p
                for d, p in zip(ev.documents, original.points, strict=True)
                if d.date.startswith(year.id) and p.present
            ]
            assert point.strength == max(p.strength for p in members)
    labels = Labels(cjk=False, by_year=True)
    fig = charts.heatmap_figure(by_year, labels)
    try:
        ax = fig.axes[0]
        assert len(ax.get_xticks()) == 5
        assert ax.get_xlim() == (0.0, 5.0)
        assert "by year: strongest commitment in each year" in fig._suptitle.get_text()
    finally:
        plt.close(fig)
    rendered = render_charts(ev, cjk=False)
    assert tuple(rendered) == chart_files()


def test_many_years_are_grouped_into_periods() -> None:
    ev = _synthetic_evolution(60, 60)
    by_year = aggregate_by_year(ev)
    assert len(by_year.documents) <= MAX_COLUMNS
    assert by_year.documents[0].id == "2010–2012"
    assert sum(int(d.title.split()[0]) for d in by_year.documents) == 60


def test_one_report_aggregates_its_evolution_once_and_does_not_keep_it_alive() -> None:
    ev = _synthetic_evolution(60, 12)
    by_year = aggregate_by_year(ev)
    assert aggregate_by_year(ev) is by_year  # the charts, Markdown and HTML share it
    assert aggregate_by_year(ev, MAX_COLUMNS - 1) is not by_year
    twin = _synthetic_evolution(60, 12)
    assert twin == ev and twin is not ev
    assert aggregate_by_year(twin) == by_year and aggregate_by_year(twin) is not by_year
    gone = weakref.ref(twin)
    del twin
    gc.collect()
    assert gone() is None


def test_by_year_the_timeline_writes_a_cue_only_where_the_strength_changes() -> None:
    by_year = aggregate_by_year(_synthetic_evolution(60, 12))
    themes = charts.most_changing(changing_themes(by_year), charts.MAX_TIMELINE_THEMES)
    assert themes
    for labels, only_changes in (
        (Labels(cjk=False, by_year=True), True),
        (Labels(cjk=False), False),
    ):
        fig = charts.timeline_figure(by_year, labels)
        try:
            for ax, theme in zip(fig.axes, themes, strict=False):
                present = [p for p in theme.points if p.present]
                moves = 1 + sum(a.strength != b.strength for a, b in itertools.pairwise(present))
                assert moves < len(present)  # the series has repeats to leave unlabelled
                cues = [t.get_text() for t in ax.texts if not t.get_text().startswith("target:")]
                if only_changes:
                    assert len(cues) == moves
                else:  # every point that has room for its label
                    assert moves <= len(cues) <= len(present)
        finally:
            plt.close(fig)


def _overlapping(fig: Figure) -> list[tuple[str, str]]:
    """The pairs of labels of one panel whose boxes, as drawn, overlap."""
    renderer = fig.canvas.get_renderer()
    pairs = []
    for ax in fig.axes:
        boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in ax.texts]
        pairs += [(a, b) for (a, x), (b, y) in itertools.combinations(boxes, 2) if x.overlaps(y)]
    return pairs


def test_labels_are_not_written_over_one_another() -> None:
    # the ministry's plan and five provinces' plans, four of them within three months: a
    # label is left out where it would cover one written before it
    lineage = build_evolution(load_corpus(LINEAGE))
    fig = charts.timeline_figure(lineage, Labels(cjk=False))
    try:
        panels = [ax for ax in fig.axes if ax.get_visible()]
        assert _overlapping(fig) == []
        # one line of one point for each document of a theme: six series of one document
        points = sum(1 for ax in panels for line in ax.get_lines() if line.get_marker() == "o")
        cues = sum(1 for ax in panels for t in ax.texts if not t.get_text().startswith("target:"))
        assert 0 < cues < points
    finally:
        plt.close(fig)
    # the bundled Opinions, two years apart: every point keeps its cue
    bundled = build_evolution(load_corpus(BUNDLED))
    fig = charts.timeline_figure(bundled, Labels(cjk=False))
    try:
        themes = charts.most_changing(changing_themes(bundled), charts.MAX_TIMELINE_THEMES)
        for ax, theme in zip(fig.axes, themes, strict=False):
            cues = [t for t in ax.texts if not t.get_text().startswith("target:")]
            assert len(cues) == sum(p.present for p in theme.points)
    finally:
        plt.close(fig)


def test_each_chart_is_drawn_once_for_its_png_and_once_for_its_svg(
    evolution: Evolution, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The PNG and the tight box come from one drawing: no layout pass before the saves."""
    draws: list[str] = []
    original = Figure.draw

    def counted(self: Figure, renderer) -> None:  # type: ignore[no-untyped-def]
        draws.append(type(renderer).__name__)
        original(self, renderer)

    monkeypatch.setattr(Figure, "draw", counted)
    render_charts(evolution, cjk=False)
    # Agg for the PNG, the SVG backend's MixedModeRenderer for the SVG
    assert sorted(draws) == sorted(["RendererAgg", "MixedModeRenderer"] * 3)


def _png(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data))


def test_png_is_the_tight_box_with_a_white_margin(evolution: Evolution) -> None:
    with charts._style(False):
        fig = charts.mentions_figure(evolution, Labels(cjk=False))
        try:
            data, bbox = charts._png_and_bbox(fig)
        finally:
            plt.close(fig)
    image = _png(data)
    assert image.mode == "RGB"
    assert set(image.info) == {"dpi"}
    assert image.info["dpi"] == pytest.approx((charts.DPI, charts.DPI), abs=0.01)
    width, height = image.size
    assert abs(width - bbox.width * charts.DPI) <= 2
    assert abs(height - bbox.height * charts.DPI) <= 2
    pixels = np.asarray(image)
    margin = int(charts.PAD_INCHES * charts.DPI) - 2
    for edge in (pixels[:margin], pixels[-margin:], pixels[:, :margin], pixels[:, -margin:]):
        assert (edge == 255).all()
    assert (pixels[margin:-margin, margin:-margin] < 128).any()  # the chart is there


def test_png_keeps_what_reaches_past_the_figure_edge() -> None:
    fig = plt.figure(figsize=(2.0, 1.0))
    try:
        fig.text(-0.4, 0.5, "WWWWWWWW", fontsize=14, va="center")  # starts left of the figure
        data, bbox = charts._png_and_bbox(fig)
    finally:
        plt.close(fig)
    assert bbox.x0 < -0.5
    image = _png(data)
    # the same form as a PNG cut from the drawing: RGB, no metadata but the resolution
    assert image.mode == "RGB"
    assert set(image.info) == {"dpi"}
    pixels = np.asarray(image.convert("L"))
    outside = round((-bbox.x0 - 0.1) * charts.DPI)  # the columns left of the figure's edge
    assert pixels.shape[1] == pytest.approx(bbox.width * charts.DPI, abs=2)
    assert (pixels[:, :outside] < 128).any()


def test_a_figure_past_max_pixels_is_drawn_at_a_lower_resolution() -> None:
    side = math.sqrt(charts.MAX_PIXELS) / charts.DPI * 1.5  # 2.25x the pixels allowed
    fig = plt.figure(figsize=(side, side))
    try:
        fig.text(0.02, 0.02, "corner")
        fig.text(0.9, 0.95, "corner")
        data, bbox = charts._png_and_bbox(fig)
    finally:
        plt.close(fig)
    image = _png(data)
    dpi = image.info["dpi"][0]
    assert charts.MIN_DPI <= round(dpi) < charts.DPI
    assert image.size[0] * image.size[1] <= charts.MAX_PIXELS
    assert image.size[0] == pytest.approx(bbox.width * dpi, abs=2)


def test_a_date_known_only_to_its_month_is_shaded_over_the_days_it_allows() -> None:
    # the ministry's plan (2022-06) and three estimated provincial dates (≈2022-12,
    # ≈2023-01, ≈2023-02) are months; Shanghai's and Chongqing's plans are days
    lineage = build_evolution(load_corpus(LINEAGE))
    fig = charts.timeline_figure(lineage, Labels(cjk=False))
    try:
        panel = fig.axes[0]
        spans = sorted(
            round(p.get_window_extent().width / panel.get_window_extent().width * 100)
            for p in panel.patches
        )
        assert len(spans) == 4 and all(s > 0 for s in spans)
        assert "shaded: the days a date known only to its month or year allows" in (
            fig.texts[0].get_text()
        )
    finally:
        plt.close(fig)
    bundled = charts.timeline_figure(build_evolution(load_corpus(BUNDLED)), Labels(cjk=False))
    try:
        assert all(not ax.patches for ax in bundled.axes)
        assert "shaded" not in bundled.texts[0].get_text()
    finally:
        plt.close(bundled)


def test_a_timeline_that_leaves_movers_out_keeps_the_largest_and_says_so(
    evolution: Evolution,
) -> None:
    # the bundled Opinions: more themes move than the chart draws; of those that move
    # once, the largest moves are drawn (green finance, +1.5, before any +0.5 mover)
    moving = changing_themes(evolution)
    assert len(moving) > charts.MAX_TIMELINE_THEMES
    drawn = charts.most_changing(moving, charts.MAX_TIMELINE_THEMES)
    left_out = [t for t in moving if t not in drawn]

    def size(theme) -> tuple[int, float]:  # type: ignore[no-untyped-def]
        moved = [c for c in theme.since_last if c.verdict in ("strengthened", "weakened")]
        return len(moved), sum(abs(c.delta or 0.0) for c in moved)

    assert left_out and all(size(t) <= size(d) for t in left_out for d in drawn)
    assert "green-finance" in {t.id for t in drawn}
    fig = charts.timeline_figure(evolution, Labels(cjk=False))
    try:
        title = fig.get_suptitle()
        assert (
            f"the {len(drawn)} of {len(moving)} themes that move most, in strength or by a "
            "target gained"
        ) in title
    finally:
        plt.close(fig)
