"""Provision alignment between versions: same document across languages, and across documents."""

from __future__ import annotations

from policydiff.diff.align import (
    _NUMBER,
    RELATIONS,
    Alignment,
    _themes,
    align_provisions,
    provision_text,
)
from policydiff.models import StructuredVersion, Version
from policydiff.themes import load_catalogue
from tests.conftest import BUNDLED

CAT = load_catalogue()
CORPUS = BUNDLED


def _sv(doc_id: str, text: str, lang: str = "en") -> StructuredVersion:
    from policydiff.structure import structure_version

    version = Version(key=lang, lang=lang, kind="original", complete=True, source="", text=text)
    return structure_version(doc_id, version)


def _by_year() -> dict[int, object]:
    from policydiff.corpus import load_corpus

    return {doc.date.year: doc for doc in load_corpus(CORPUS).documents}


def _structured(year: int, lang: str) -> StructuredVersion:
    from policydiff.structure import structure_version

    doc = _by_year()[year]
    version = doc.version(lang)  # type: ignore[attr-defined]
    assert version is not None
    return structure_version(doc.id, version)  # type: ignore[attr-defined]


def _check_shape(al: Alignment, a: StructuredVersion, b: StructuredVersion) -> None:
    assert {p.relation for p in al.pairs} <= set(RELATIONS)
    assert sorted({p.a_id for p in al.pairs if p.a_id}) == sorted(p.id for p in a.provisions)
    assert sorted({p.b_id for p in al.pairs if p.b_id}) == sorted(p.id for p in b.provisions)
    assert all(0.0 <= p.score <= 1.0 for p in al.pairs)


TEXT = (
    "I. General requirements\n"
    "(1) Guiding ideology. Promote urban renewal and carbon peaking.\n"
    "(2) Working principles. Protect nature and respect history.\n"
    "II. Tasks\n"
    "(1) Build sponge cities and improve flood control and drainage systems by 2025.\n"
    "(2) Develop prefabricated buildings and green building materials.\n"
)


def test_self_alignment_is_perfect() -> None:
    sv = _sv("a", TEXT)
    al = align_provisions(sv, sv, CAT)
    _check_shape(al, sv, sv)
    assert {p.relation for p in al.pairs} == {"matched"}
    assert al.mean_score == 1.0 and al.unmatched_a == al.unmatched_b == 0


def test_moved_added_removed() -> None:
    a = _sv("a", TEXT)
    moved = TEXT.replace(
        "(1) Build sponge cities and improve flood control and drainage systems by 2025.\n", ""
    ).replace(
        "(1) Guiding ideology.",
        "(1) Build sponge cities and improve flood control and drainage systems by 2025.\n"
        "(2) Guiding ideology.",
    )
    moved += "(3) Launch a national programme of rooftop beekeeping in every county.\n"
    b = _sv("b", moved)
    al = align_provisions(a, b, CAT)
    _check_shape(al, a, b)
    relations = {(p.a_id, p.relation) for p in al.pairs}
    assert ("II.1", "moved") in relations or ("I.1", "moved") in relations
    assert al.unmatched_b >= 1


def test_real_2021_english_vs_chinese() -> None:
    en, zh = _structured(2021, "en"), _structured(2021, "zh")
    al = align_provisions(en, zh, CAT)
    _check_shape(al, en, zh)
    paired = [p for p in al.pairs if p.relation in ("matched", "moved")]
    assert len(paired) >= 0.8 * len(en.provisions)
    assert sum(p.a_id == p.b_id for p in paired) >= 0.8 * len(paired)
    assert al.mean_score >= 0.8


def test_two_documents_in_two_languages_pair_only_provisions_sharing_a_theme_or_number() -> None:
    # their place and size alone (preamble and preamble, part V and part V) say nothing
    a, b = _structured(2023, "en"), _structured(2021, "zh")
    al = align_provisions(a, b, CAT)
    _check_shape(al, a, b)
    kept = [p for p in al.pairs if p.a_id is not None and p.b_id is not None]
    assert len(kept) >= 4  # equal ids carry no weight, and dilute no score either
    for pair in kept:
        first, second = a.provision(pair.a_id), b.provision(pair.b_id)
        assert first is not None and second is not None
        themes = (_themes(first, "en", CAT), _themes(second, "zh", CAT))
        numbers = [set(_NUMBER.findall(provision_text(p))) for p in (first, second)]
        assert themes[0] & themes[1] or numbers[0] & numbers[1], pair


def test_real_2021_vs_2023_reports_unmatched() -> None:
    a, b = _structured(2021, "en"), _structured(2023, "en")
    al = align_provisions(a, b, CAT)
    _check_shape(al, a, b)
    assert al.a_document != al.b_document
    assert al.unmatched_a > 0 and al.unmatched_b > 0
    assert al.unmatched_b == len([p for p in al.pairs if p.relation == "added"])
    assert any(p.relation in ("matched", "moved") for p in al.pairs)
    # the 2021 science-and-technology item finds the 2023 technological support item
    assert al.counterpart("IV.3") == "IX.26"


def test_empty_versions() -> None:
    a = _sv("a", TEXT)
    empty = StructuredVersion("e", a.version, ())
    al = align_provisions(a, empty, CAT)
    assert al.unmatched_a == len(a.provisions) and al.unmatched_b == 0
