"""pair_versions: en/zh of the same document, fragment vs full text."""

from __future__ import annotations

from collections.abc import Callable

from policydiff.models import StructuredVersion, Version
from policydiff.structure import ProvisionPair, pair_versions, structure_version

SeedText = Callable[[str], str]


def _sv(text: str, lang: str, key: str | None = None, complete: bool = True) -> StructuredVersion:
    kind = "original" if lang == "zh" else "translation"
    version = Version(key or lang, lang, kind, complete, "test", text)
    return structure_version("doc", version)


def _check(pairs: list[ProvisionPair], a: StructuredVersion, b: StructuredVersion) -> None:
    a_ids = [p.a_id for p in pairs if p.a_id is not None]
    b_ids = [p.b_id for p in pairs if p.b_id is not None]
    assert a_ids == [p.id for p in a.provisions]  # every a provision once, in order
    assert sorted(b_ids) == sorted(p.id for p in b.provisions)  # every b provision once
    for pair in pairs:
        assert 0.0 <= pair.score <= 1.0
        assert pair.a_id is not None or pair.b_id is not None
        if pair.a_id is None or pair.b_id is None:
            assert (pair.method, pair.score) == ("unmatched", 0.0)


def test_english_translation_vs_chinese_original(seed_text: SeedText) -> None:
    en, zh = _sv(seed_text("000"), "en"), _sv(seed_text("001"), "zh")
    pairs = pair_versions(en, zh)
    _check(pairs, en, zh)
    assert len(pairs) == 26
    assert all(p.method == "id" and p.a_id == p.b_id for p in pairs)
    assert all(p.score >= 0.6 for p in pairs)
    # I.3 shares its years (2025, 2035) and is about as long in both languages
    by_id = {p.a_id: p for p in pairs}
    assert by_id["I.3"].score > 0.8


def test_fragment_vs_full_text(seed_text: SeedText) -> None:
    fragment = _sv(seed_text("003"), "en", key="en-2", complete=False)
    full = _sv(seed_text("000"), "en")
    pairs = pair_versions(fragment, full)
    _check(pairs, fragment, full)
    matched = [(p.a_id, p.b_id, p.method) for p in pairs if p.a_id and p.b_id]
    assert matched == [
        ("2", "IV.2", "content"),
        ("3", "IV.3", "content"),
        ("4", "IV.4", "content"),
        ("5", "IV.5", "content"),
        ("V", "V", "id"),
        ("V.1", "V.1", "id"),
    ]
    assert all(p.score > 0.9 for p in pairs if p.a_id and p.b_id)
    # b-only provisions sit where they belong: before IV.2's pair and after V.1's
    order = [p.b_id for p in pairs]
    assert order.index("IV.1") < order.index("IV.2")
    assert order[-3:] == ["V.2", "V.3", "V.4"]


def test_full_text_vs_fragment_is_the_mirror(seed_text: SeedText) -> None:
    fragment = _sv(seed_text("003"), "en", key="en-2", complete=False)
    full = _sv(seed_text("000"), "en")
    forward = {(p.a_id, p.b_id) for p in pair_versions(fragment, full)}
    backward = {(p.b_id, p.a_id) for p in pair_versions(full, fragment)}
    assert forward == backward


def test_deterministic(seed_text: SeedText) -> None:
    en, zh = _sv(seed_text("000"), "en"), _sv(seed_text("001"), "zh")
    assert pair_versions(en, zh) == pair_versions(en, zh)


def test_order_fallback_across_languages() -> None:
    en = _sv("Intro text here. Yes.\nGeneral Rules\nThe state acts in 2025. It funds.\n", "en")
    zh = _sv("引言。\n一、总体要求\n国家在2025年行动。\n", "zh")
    assert [p.id for p in en.provisions] == ["preamble", "H1"]
    assert [p.id for p in zh.provisions] == ["preamble", "I"]
    pairs = pair_versions(en, zh)
    _check(pairs, en, zh)
    assert [(p.a_id, p.b_id, p.method) for p in pairs] == [
        ("preamble", "preamble", "id"),
        ("H1", "I", "order"),
    ]


def test_same_id_but_different_content_is_not_trusted() -> None:
    a = _sv("I. Part\n(1) Housing. We build homes for all families.\n", "en")
    b = _sv("I. Part\n(1) Water. Rivers must be clean and well protected.\n", "en", key="en-2")
    pairs = pair_versions(a, b)
    _check(pairs, a, b)
    by_a = {p.a_id: p for p in pairs}
    assert by_a["I"].method == "id"
    assert by_a["I.1"].method == "order" and by_a["I.1"].score < 0.6


def test_unmatched_on_both_sides() -> None:
    a = _sv("I. Part\n(1) Housing. We build homes.\n(2) Extra. Only in a.\n", "en")
    b = _sv("一、部分\n（一）住房。我们建房。\n二、新部分\n", "zh")
    pairs = pair_versions(a, b)
    _check(pairs, a, b)
    assert [(p.a_id, p.b_id) for p in pairs] == [
        ("I", "I"),
        ("I.1", "I.1"),
        ("I.2", None),
        (None, "II"),
    ]


def test_empty_versions() -> None:
    assert pair_versions(_sv("", "en"), _sv("", "zh")) == []
    b = _sv("I. Part\n", "en", key="en-2")
    assert pair_versions(_sv("", "en"), b) == [ProvisionPair(None, "I", 0.0, "unmatched")]
