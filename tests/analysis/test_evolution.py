"""Evolution on the real corpus (the card's example), and the verdict properties."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policydiff.analysis import Evolution, Point, build_evolution
from policydiff.analysis.points import compare
from policydiff.corpus import Corpus
from tests.conftest import DOC_2021, DOC_2023, DOC_2025


@pytest.fixture(scope="module")
def evolution(bundled_corpus: Corpus) -> Evolution:
    return build_evolution(bundled_corpus)


def test_documents_in_timeline_order(evolution: Evolution) -> None:
    assert [d.id for d in evolution.documents] == [DOC_2021, DOC_2023, DOC_2025]
    assert evolution.documents[0].languages == ("en", "zh")


def test_ultra_low_energy_buildings_strengthened_from_promotion_to_scale_up(
    evolution: Evolution,
) -> None:
    theme = evolution.theme("ultra-low-energy-buildings")
    assert theme is not None
    p2021, p2023, p2025 = theme.points
    assert (p2021.cue, p2021.cue_en, p2021.lang) == ("大力推广", "vigorously promote", "zh")
    assert "large-scale development" in (p2023.cue or "")
    assert "large-scale development" in (p2025.cue or "")
    first, second = theme.changes
    assert (first.from_document, first.to_document, first.verdict) == (
        DOC_2021,
        DOC_2023,
        "strengthened",
    )
    assert first.from_cue == "大力推广" and "large-scale development" in (first.to_cue or "")
    assert first.delta == 0.5
    assert second.verdict == "unchanged"
    quotes = {(e.mention.lang, e.mention.sentence) for e in p2021.evidence}
    assert (
        "zh",
        "加强财政、金融、规划、建设等政策支持，推动高质量绿色建筑规模化发展，大力推广超低能耗、近零能耗建筑，发展零碳建筑。",
    ) in quotes
    assert any(lang == "en" and "vigorously promote ultra-low energy" in s for lang, s in quotes)
    assert all(e.mention.location for e in p2021.evidence)


def test_waste_free_cities_2023_carries_its_targets(evolution: Evolution) -> None:
    theme = evolution.theme("waste-free-cities")
    assert theme is not None
    p2023 = theme.points[1]
    targets = {(t.value, t.unit, t.year) for t in p2023.targets}
    assert (60.0, "%", 2027) in targets
    assert (100.0, "%", 2035) in targets  # "will achieve full coverage"
    assert [c.verdict for c in theme.changes] == ["strengthened", "dropped"]


def test_every_point_and_evidence_names_document_location_and_sentence(
    evolution: Evolution,
) -> None:
    for theme in evolution.themes:
        for point in theme.points:
            assert point.present == bool(point.evidence)
            if point.present:
                assert point.strength is not None and point.level and point.cue is not None
            for e in point.evidence:
                assert e.mention.location and e.mention.sentence
                assert e.mention.sentence[e.span[0] : e.span[1]] == e.mention.matched


def test_evidence_sentences_stand_verbatim_in_the_corpus(
    evolution: Evolution, bundled_corpus: Corpus
) -> None:
    texts = {(d.id, v.key): v.text for d in bundled_corpus.documents for v in d.versions}
    for theme in evolution.themes:
        for point in theme.points:
            for e in point.evidence:
                assert e.mention.sentence in texts[(point.document, e.mention.version_key)]


def test_english_and_chinese_agree_on_at_least_80_percent(evolution: Evolution) -> None:
    agreement = evolution.agreement
    assert agreement.compared >= 40
    assert agreement.rate is not None and agreement.rate >= 0.8


def test_skipped_document_is_still_compared_across_the_gap(evolution: Evolution) -> None:
    theme = evolution.theme("urban-health-check")
    assert theme is not None
    assert [p.present for p in theme.points] == [True, False, True]
    (gap,) = theme.since_last
    assert (gap.from_document, gap.to_document, gap.skipped) == (DOC_2021, DOC_2025, (DOC_2023,))
    assert gap.verdict in {"strengthened", "weakened", "unchanged"}


def test_a_document_compared_with_itself_is_unchanged_everywhere(bundled_corpus: Corpus) -> None:
    original = bundled_corpus.get(DOC_2023)
    assert original is not None
    twin = dataclasses.replace(original, id="2024-twin", date=dt.date(2024, 6, 1))
    result = build_evolution(Corpus(bundled_corpus.path, (original, twin)))
    verdicts = {c.verdict for t in result.themes for c in t.changes}
    assert verdicts == {"unchanged"}


def test_verdicts_mirror_when_the_timeline_is_reversed(
    bundled_corpus: Corpus, evolution: Evolution
) -> None:
    reversed_corpus = Corpus(bundled_corpus.path, tuple(reversed(bundled_corpus.documents)))
    backwards = build_evolution(reversed_corpus)
    for theme in evolution.themes:
        back = backwards.theme(theme.id)
        assert back is not None
        forward = [c.verdict for c in theme.changes]
        assert [v.mirror for v in reversed(forward)] == [c.verdict for c in back.changes]


points = st.builds(
    Point,
    document=st.just("d"),
    date=st.just("2020-01-01"),
    present=st.booleans(),
    strength=st.sampled_from([0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0, 5.5]),
    level=st.just("promotion"),
    cue=st.just("promote"),
    lang=st.just("en"),
    cue_en=st.just("promote"),
    mentions=st.just(1),
    evidence=st.just(()),
    targets=st.just(()),
    caveats=st.just(()),
)


@given(points, points)
def test_verdict_mirrors(a: Point, b: Point) -> None:
    forward, backward = compare(a, b), compare(b, a)
    delta, back_delta = forward.delta, backward.delta
    assert forward.verdict.mirror == backward.verdict
    if delta is not None:
        assert back_delta == -delta


@given(points)
def test_a_point_compared_with_itself_is_unchanged_or_absent(a: Point) -> None:
    assert compare(a, a).verdict == ("unchanged" if a.present else "absent")


def test_evolution_json_is_what_the_standard_library_would_write(evolution: Evolution) -> None:
    # dumps_evolution uses orjson for speed; the bytes must not depend on that choice
    import json

    from policydiff.analysis.evolution_json import evolution_dict, evolution_json_bytes

    data = evolution_dict(evolution)
    assert evolution_json_bytes(evolution) == (
        json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    ).encode("utf-8")
