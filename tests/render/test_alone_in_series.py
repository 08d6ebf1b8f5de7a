"""Documents each alone in their series (a central document beside a province's plan) have
no change between them: every view says so and why, rather than an empty change column, an
empty list of verdicts or "no theme's strength moved"."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from policydiff.analysis import Evolution, build_evolution
from policydiff.corpus import Corpus, load_corpus
from policydiff.corpus.summary import summarise
from policydiff.render.html import theme_html
from policydiff.render.html_site import report_html
from policydiff.render.markdown import theme_markdown
from policydiff.render.markdown_site import report_markdown
from policydiff.render.terminal.evolution import render_overview, render_theme
from policydiff.render.view import Glance, draws_changes
from tests.conftest import BUNDLED, DOC_2021, shanghai_plan

WHY = "changes run between documents of one series, and no series here holds two"


@pytest.fixture(scope="module")
def alone() -> tuple[Corpus, Evolution]:
    # the 2021 Opinions (central) and a Shanghai plan (provincial): two series of one each
    central = load_corpus(BUNDLED).get(DOC_2021)
    plan = shanghai_plan("sh-2022", "2022-06-01", "大力推动绿色建筑规模化发展。")
    corpus = Corpus(Path("alone"), (central, plan))
    return corpus, build_evolution(corpus)


def test_no_change_is_drawn_and_each_view_says_why(alone: tuple[Corpus, Evolution]) -> None:
    corpus, evolution = alone
    theme = evolution.theme("green-buildings")
    assert theme is not None and all(p.present for p in theme.points)
    assert theme.changes == () and not draws_changes(evolution)
    assert WHY in Glance(evolution, False).note
    markdown = report_markdown(evolution, summarise(corpus))
    header = next(line for line in markdown.splitlines() if line.startswith("| theme |"))
    assert header == "| theme | 2021-10-21 | 2022-06-01 |"
    assert f"No change is drawn: {WHY}." in markdown
    assert "No theme's strength moved." not in markdown
    html = report_html(evolution, summarise(corpus), {})
    assert "<th>change</th>" not in html and f"No change is drawn: {WHY}." in html
    assert f"No change is drawn: {WHY}." in theme_markdown(evolution, theme)
    assert f"<p>No change is drawn: {WHY}.</p>" in theme_html(evolution, theme)
    out = io.StringIO()
    render_overview(evolution, Console(file=out, width=200, color_system=None))
    assert "Theme evolution: strength and English cue per document" in out.getvalue()
    assert f"No change is drawn: {WHY}." in " ".join(out.getvalue().split())
    out = io.StringIO()
    render_theme(theme, evolution, Console(file=out, width=200, color_system=None))
    assert f"No change is drawn: {WHY}." in out.getvalue()


def test_one_series_of_several_documents_still_draws_them(bundled_corpus: Corpus) -> None:
    evolution = build_evolution(bundled_corpus)
    assert draws_changes(evolution)
    html = report_html(evolution, summarise(bundled_corpus), {})
    assert "<th>change</th>" in html and WHY not in html


def test_a_change_across_another_series_columns_says_it_runs_within_its_series(
    bundled_corpus: Corpus,
) -> None:
    # the central Opinions with a Shanghai plan between two of them: their change skips
    # the plan's column, and the views said "from the previous document"
    plan = shanghai_plan("sh-2022", "2022-06-01", "大力推动绿色建筑规模化发展。")
    evolution = build_evolution(Corpus(Path("mixed"), (*bundled_corpus.documents, plan)))
    assert Glance(evolution, False).caption.endswith("to the next of its series.")
    out = io.StringIO()
    render_overview(evolution, Console(file=out, width=300, color_system=None))
    assert "verdict from the previous document of its series" in out.getvalue()
    theme = evolution.theme("ultra-low-energy-buildings")
    assert theme is not None
    out = io.StringIO()
    render_theme(theme, evolution, Console(file=out, width=300, color_system=None))
    assert "→ next of its series, 2023-construction-beautiful-china:" in out.getvalue()
    # the bundled corpus alone is one series: the words stay as they were
    alone = build_evolution(bundled_corpus)
    assert Glance(alone, False).caption.endswith("from each document to the next.")
