"""A theme left out of one document and mentioned again later in its series: the overviews
(the report's "At a glance", the terminal's evolution table) show a gap and then the change
since the last mention, as the theme's page and ``check`` do, not a drop and an addition."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from policydiff.analysis import Evolution, build_evolution
from policydiff.analysis.model import Point, ThemeEvolution
from policydiff.analysis.points import verdicts_between
from policydiff.analysis.verdicts import Verdict
from policydiff.corpus import Corpus, load_corpus
from policydiff.corpus.summary import summarise
from policydiff.render.html_site import report_html
from policydiff.render.markdown import change_md
from policydiff.render.markdown_site import report_markdown
from policydiff.render.terminal.evolution import render_overview
from policydiff.render.view import Glance, glance_moves
from tests.conftest import BUNDLED, DOC_2021, DOC_2023, DOC_2025, LINEAGE, shanghai_plan


@pytest.fixture(scope="module")
def evolution(bundled_corpus: Corpus) -> Evolution:
    return build_evolution(bundled_corpus)


def test_a_gap_then_the_change_since_the_last_mention(evolution: Evolution) -> None:
    # green buildings: 2021 (4, 规模化发展), not in 2023, 2025 (3.5, Vigorously advance)
    theme = evolution.theme("green-buildings")
    assert theme is not None
    # the JSON's consecutive verdicts stay as they are: dropped, then added
    assert [c.verdict for c in theme.changes] == [Verdict.DROPPED, Verdict.ADDED]
    gap, resumed = glance_moves(theme)
    assert gap.gap and gap.change.to_document == DOC_2023
    assert resumed.resumed and not resumed.gap
    assert (resumed.change.from_document, resumed.change.to_document) == (DOC_2021, DOC_2025)
    assert (resumed.change.verdict, resumed.change.delta) == (Verdict.WEAKENED, -0.5)


def test_a_theme_that_is_dropped_for_good_shows_a_drop(evolution: Evolution) -> None:
    # waste-free cities: 2021, 2023, then not in 2025, the last of its series
    theme = evolution.theme("waste-free-cities")
    assert theme is not None
    moves = glance_moves(theme)
    assert not any(m.gap or m.resumed for m in moves)
    assert moves[-1].change.verdict == Verdict.DROPPED


def test_the_report_overview_shows_the_gap(evolution: Evolution, bundled_corpus: Corpus) -> None:
    markdown = report_markdown(evolution, summarise(bundled_corpus))
    row = next(line for line in markdown.splitlines() if line.startswith("| [Green buildings]"))
    assert row.endswith("| gap ▼−0.5 |")
    assert "gap: a document that does not mention the theme between two of its series" in markdown
    html = report_html(evolution, summarise(bundled_corpus), {})
    assert '<span class="gap"><span class="arrow">·</span>gap</span>' in html
    assert "weakened −0.5 since the last mention</span>" in html


def test_the_terminal_overview_shows_the_gap(evolution: Evolution) -> None:
    out = io.StringIO()
    render_overview(evolution, Console(file=out, width=200, color_system=None))
    row = next(line for line in out.getvalue().splitlines() if "green-buildings" in line)
    assert "gap –" in row and "▼ 3.5" in row
    assert "gap: not mentioned between two mentions of its series" in out.getvalue()


def _point(document: str, strength: float | None) -> Point:
    present = strength is not None
    level = "promotion" if present else None
    return Point(document, "2024-01-01", present, strength, level, None, None, None, 1, (), (), ())


def test_two_absences_in_a_row_are_one_gap_on_every_view(evolution: Evolution) -> None:
    points = (_point("a", 2.0), _point("b", None), _point("c", None), _point("d", 3.0))
    changes, since_last = verdicts_between(points)
    theme = ThemeEvolution("t", "T", "", points, changes, since_last)
    moves = glance_moves(theme)
    assert [(m.gap, m.resumed) for m in moves] == [(True, False), (False, False), (False, True)]
    assert moves[1].change.verdict == Verdict.ABSENT
    assert (moves[2].change.from_document, moves[2].change.verdict) == ("a", Verdict.STRENGTHENED)
    # the theme's page reads the same steps: a gap, an absence, a resumption
    page = [change_md(evolution, c, theme.gaps) for c in theme.changes]
    assert ["**gap**" in page[0], "**absent**" in page[1], "**resumed**" in page[2]] == [True] * 3


def test_the_note_says_what_a_gap_is_in_the_view_shown(evolution: Evolution) -> None:
    assert "a document that does not mention the theme" in Glance(evolution, False).note
    assert "a year with no mention between two years that have one" in Glance(evolution, True).note


def test_changes_of_several_series_name_their_documents() -> None:
    # the bundled Opinions (central) and two plans of Shanghai's, their dates between the
    # Opinions': the change column interleaves two series, so each change names its document
    shanghai = (
        shanghai_plan("sh-2022", "2022-06-01", "推动绿色建筑发展。"),
        shanghai_plan("sh-2024", "2024-06-01", "大力推动绿色建筑规模化发展。"),
    )
    documents = (*load_corpus(BUNDLED).documents, *shanghai)
    mixed = Corpus(Path("mixed"), tuple(sorted(documents, key=lambda d: (d.date, d.id))))
    evolution = build_evolution(mixed)
    table = Glance(evolution, False)
    assert table.several_series
    assert "next of its series, each named by the document it leads to" in table.note
    theme = evolution.theme("green-buildings")
    assert theme is not None
    labels = [table.move_label(m) for m in glance_moves(theme)]
    # in the order of the columns: the central gap of 2023-12-27, Shanghai's change of
    # 2024 and the central resumption of 2025
    assert labels == ["2023-12-27", "2024-06-01", "2025-08-15"]
    markdown = report_markdown(evolution, summarise(mixed))
    row = next(line for line in markdown.splitlines() if line.startswith("| [Green buildings]"))
    assert row.endswith("| 2023-12-27: gap; 2024-06-01: ▲+1.5; 2025-08-15: ▼−0.5 |")
    html = report_html(evolution, summarise(mixed), {})
    assert '2024-06-01: <span class="strengthened">' in html
    # one series, or one document of each other series, names none
    alone = Glance(build_evolution(load_corpus(BUNDLED)), False)
    assert not alone.several_series
    assert "2025-08-15: " not in report_markdown(alone.shown, summarise(load_corpus(BUNDLED)))
    with_lineage = (*load_corpus(BUNDLED).documents, *load_corpus(LINEAGE).documents)
    lineage = Corpus(Path("l"), tuple(sorted(with_lineage, key=lambda d: (d.date, d.id))))
    assert not Glance(build_evolution(lineage), False).several_series
