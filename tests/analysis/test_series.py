"""Series-aware evolution: verdicts only between documents of one series; gaps in check."""

from __future__ import annotations

from pathlib import Path

import pytest

from policydiff.analysis import build_evolution
from policydiff.analysis.verdicts import Verdict
from policydiff.check.changes import theme_changes
from policydiff.corpus import Corpus, load_corpus
from tests.conftest import BUNDLED, LINEAGE, shanghai_plan


@pytest.fixture(scope="module")
def mixed() -> Corpus:
    """The bundled Opinions with the example lineage."""
    documents = (*load_corpus(BUNDLED).documents, *load_corpus(LINEAGE).documents)
    return Corpus(Path("mixed"), tuple(sorted(documents, key=lambda d: (d.date, d.id))))


def test_no_verdict_joins_two_series(mixed: Corpus) -> None:
    evolution = build_evolution(mixed)
    series = {d.id: d.series for d in evolution.documents}
    assert series["2021-green-development-urban"] == "central"
    assert series["henan-chengxiangjianshe-tandafeng"] == "provincial:河南省"
    joined = [
        (c.from_document, c.to_document)
        for t in evolution.themes
        for c in (*t.changes, *t.since_last)
        if series[c.from_document] != series[c.to_document]
    ]
    assert joined == []


def test_the_bundled_timeline_is_the_same_within_a_larger_corpus(mixed: Corpus) -> None:
    alone = build_evolution(load_corpus(BUNDLED))
    together = build_evolution(mixed)
    for theme in alone.themes:
        other = together.theme(theme.id)
        assert other is not None
        assert other.changes == theme.changes and other.since_last == theme.since_last


def test_an_absence_between_two_mentions_is_a_gap_not_a_drop() -> None:
    corpus = Corpus(
        Path("c"),
        (
            shanghai_plan("a", "2021-01-01", "推动海绵城市建设，完善城市排水系统。"),
            shanghai_plan("b", "2022-01-01", "完善城市排水系统，加强城市防洪。"),
            shanghai_plan("c", "2023-01-01", "大力推进海绵城市建设，加强城市防洪。"),
        ),
    )
    evolution = build_evolution(corpus)
    theme = evolution.theme("sponge-cities")
    assert theme is not None
    # the contract keeps the consecutive verdicts
    assert [c.verdict for c in theme.changes] == [Verdict.DROPPED, Verdict.ADDED]
    (dropped,) = [c for c in theme_changes(evolution, ("b",)) if c.theme == "sponge-cities"]
    assert dropped.is_gap and dropped.resumed_in == "c"
    (since,) = [c for c in theme_changes(evolution, ("c",)) if c.theme == "sponge-cities"]
    assert since.verdict == Verdict.STRENGTHENED
    assert since.from_document == "a" and since.skipped == ("b",)
    assert "not mentioned in b" in since.describe()


def test_check_reads_a_gap_however_many_documents_it_spans() -> None:
    # check analyses the documents around a new one: a mention five plans later was
    # beyond it, and the absence read as a drop that failed --fail-on dropped
    from policydiff.check.staleness import neighbourhood

    quiet = "完善城市排水系统，加强城市防洪。"
    plans = [shanghai_plan("a", "2020-01-01", "推动海绵城市建设，完善城市排水系统。")]
    plans += [shanghai_plan(f"b{k}", f"202{k}-01-01", quiet) for k in range(1, 6)]
    plans += [shanghai_plan("c", "2026-01-01", "大力推进海绵城市建设。")]
    corpus = Corpus(Path("c"), tuple(plans))
    around = neighbourhood(corpus, ("b1",))
    assert [d.id for d in around.documents][-1] == "c"
    evolution = build_evolution(around)
    (gap,) = [c for c in theme_changes(evolution, ("b1",)) if c.theme == "sponge-cities"]
    assert gap.is_gap and gap.resumed_in == "c"


def test_a_verdict_between_documents_of_one_day_says_their_order_is_uncertain() -> None:
    # two plans of Shanghai's issued the same day: the timeline orders them by id, so the
    # verdict between them says which came first, which nothing does; a plan a year later
    # is surely after both
    from policydiff.render.markdown import change_md

    corpus = Corpus(
        Path("c"),
        (
            shanghai_plan("a", "2022-11-01", "推动海绵城市建设。"),
            shanghai_plan("b", "2022-11-01", "大力推进海绵城市建设。"),
            shanghai_plan("c", "2023-11-01", "全面推进海绵城市建设。"),
        ),
    )
    evolution = build_evolution(corpus)
    theme = evolution.theme("sponge-cities")
    assert theme is not None
    first, second = theme.changes
    assert evolution.order_uncertain(first) and not evolution.order_uncertain(second)
    note = "order uncertain: the two may have been issued the other way round"
    assert change_md(evolution, first).endswith(f"({note})")
    assert note not in change_md(evolution, second)
    (checked,) = [c for c in theme_changes(evolution, ("b",)) if c.theme == "sponge-cities"]
    assert checked.order_uncertain and checked.describe().endswith(f"({note})")
