"""Charts a reader's machine shows as drawn: Chinese as glyph outlines (no font needed),
theme labels that keep their Chinese term when shortened, and a timeline title that never
claims a movement across series."""

from __future__ import annotations

import dataclasses

import matplotlib.pyplot as plt
import pytest

from policydiff.analysis import Evolution, build_evolution
from policydiff.analysis.periods import aggregate_by_year
from policydiff.corpus import load_corpus
from policydiff.render import charts
from policydiff.render.chart_jobs import render_charts
from policydiff.render.chart_labels import Labels
from policydiff.render.chart_spec import chart_input
from policydiff.render.chart_themes import changing_themes, movement
from tests.conftest import LINEAGE

pytestmark = pytest.mark.slow  # processes, charts, browsers or whole reports


@pytest.fixture(scope="module")
def lineage() -> Evolution:
    return build_evolution(load_corpus(LINEAGE))


def test_svg_charts_need_no_font_on_the_readers_machine(lineage: Evolution) -> None:
    drawn = render_charts(lineage)
    for name, data in drawn.items():
        if name.endswith(".svg"):
            # glyphs as paths: no text element names a font the reader may lack
            assert b"<text" not in data and b"Policydiff Sans" not in data, name
            assert len(data) < 1_500_000, name  # each glyph defined once, reused


def test_a_shortened_theme_label_keeps_its_chinese_term_whole(lineage: Evolution) -> None:
    labels = Labels(cjk=True)
    by_id = {t.id: t for t in lineage.themes}
    pipes = labels.theme(by_id["underground-pipe-networks"], 48)
    assert pipes.endswith(" 地下管网") and "…" in pipes and len(pipes) <= 48
    renovation = labels.theme(by_id["old-community-renovation"], 44)
    assert renovation.endswith(" 老旧小区改造") and len(renovation) <= 44
    # the English alone fills the room: the Chinese term is still there
    health = by_id["urban-health-check"]
    assert labels.theme(health, 48).endswith(" 城市体检")
    assert labels.theme(health) == f"{health.label} {health.label_zh}"  # no limit: whole
    # a very long Chinese term keeps some English beside it
    long_zh = dataclasses.replace(health, label_zh="城市体检" * 12)
    assert labels.theme(long_zh, 20).startswith(health.label[:11])
    assert Labels(cjk=False).theme(health, 30) == health.label[:29].rstrip() + "…"


def test_a_timeline_with_no_repeated_series_does_not_claim_movement(lineage: Evolution) -> None:
    # the ministry's plan and five provinces', one each: nothing moves within a series
    assert not movement(lineage).repeated_series
    with charts._style(True):
        fig = charts.timeline_figure(lineage, Labels(cjk=True))
    try:
        title = fig.get_suptitle()
        assert "no series holds two documents" in title
        assert "moves" not in title and "a line joins one series" not in title
        assert "themes with a quantified target" in title
    finally:
        plt.close(fig)


def test_by_year_the_timeline_ranks_movement_within_a_series(lineage: Evolution) -> None:
    # by year, the central plan and the provinces share a column of 2022 and one of 2023,
    # and the aggregated evolution sets one against the other; the chart measures movement
    # before the aggregation, within each series, where nothing moves
    by_year = aggregate_by_year(lineage)
    assert changing_themes(by_year)  # across series, themes seem to move
    moving = chart_input(lineage).moving
    assert moving == movement(lineage) and not changing_themes(lineage, moving)
    with charts._style(False):
        fig = charts.timeline_figure(by_year, Labels(cjk=False, by_year=True), moving)
    try:
        title = fig.get_suptitle()
        assert "moves" not in title and "no series holds two documents" in title
    finally:
        plt.close(fig)
