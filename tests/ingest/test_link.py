"""The linker's shortcuts (profile cache, 5-gram prefilter, bounds) against the exhaustive ones."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest

from policydiff.ingest.link import (
    DUPLICATE_RATIO,
    Profile,
    _found_share,
    anchor_share,
    containment,
    cross_language_score,
    decide,
    profile,
)
from policydiff.models import Document, Version
from tests.conftest import (
    SEED_2021_EN,
    SEED_2021_EN_PARTIAL,
    SEED_2021_ZH,
    SEED_2023_EN,
    SEED_2025_EN,
)

SEEDS = [SEED_2021_EN, SEED_2021_EN_PARTIAL, SEED_2021_ZH, SEED_2023_EN, SEED_2025_EN]


def _version(path: Path, key: str = "") -> Version:
    text = path.read_text(encoding="utf-8")
    lang = "zh" if sum("\u4e00" <= ch <= "\u9fff" for ch in text) > len(text) / 4 else "en"
    return Version(key=key or lang, lang=lang, kind="original", complete=True, source="", text=text)


def _document(doc_id: str, version: Version, date: dt.date) -> Document:
    return Document(
        id=doc_id, title=doc_id, issuers=("x",), date=date, source="", versions=(version,)
    )


def test_profile_is_computed_once_per_text() -> None:
    text = _version(SEED_2021_EN).text
    first = profile(text, "en")
    assert isinstance(first, Profile)
    assert profile(str(text), "en") is first
    assert profile(text, "zh") is not first


@pytest.mark.parametrize(("a", "b"), list(itertools.permutations(SEEDS, 2)))
def test_prefiltered_share_equals_exhaustive_containment_on_the_seeds(a: Path, b: Path) -> None:
    new, held = _version(a), _version(b)
    if new.lang != held.lang:
        _score, evidence = cross_language_score(new, held)
        zh, en = (new, held) if new.lang == "zh" else (held, new)
        share, shared = anchor_share(zh.text, en.text)
        assert f"{share:.0%} of glossary terms shared ({', '.join(shared[:6])})" in evidence
        return
    exhaustive, _ = containment(new, held)
    assert _found_share(profile(new.text, new.lang), profile(held.text, held.lang), 1.0, -1.0) == (
        exhaustive
    )


def test_early_stop_only_when_the_share_cannot_beat_the_best() -> None:
    new, held = _version(SEED_2021_EN_PARTIAL), _version(SEED_2021_EN)
    mine, theirs = profile(new.text, "en"), profile(held.text, "en")
    share = _found_share(mine, theirs, 1.0, -1.0)
    assert share is not None and share > 0
    assert _found_share(mine, theirs, 1.0, share - 0.01) == share
    unrelated = _version(SEED_2025_EN)
    low = _found_share(profile(unrelated.text, "en"), theirs, 1.0, -1.0)
    assert low is not None and low < 1.0
    assert _found_share(profile(unrelated.text, "en"), theirs, 1.0, 1.0) is None


def test_decide_matches_on_the_seeds() -> None:
    held_en = _version(SEED_2021_EN)
    docs = (
        _document("a", held_en, dt.date(2021, 10, 21)),
        _document("b", _version(SEED_2023_EN), dt.date(2023, 1, 1)),
    )
    zh = decide(_version(SEED_2021_ZH), docs)
    assert (zh.outcome, zh.document_id) == ("version", "a")
    partial = decide(_version(SEED_2021_EN_PARTIAL), docs)
    assert partial.document_id == "a" and partial.score > 0
    assert decide(held_en, docs).outcome == "duplicate"
    new = decide(_version(SEED_2025_EN), docs, dt.date(2025, 1, 1))
    assert new.outcome == "new"


def test_whole_ratio_cutoff_keeps_near_duplicates() -> None:
    held = _version(SEED_2021_EN)
    near = Version(
        key="en", lang="en", kind="translation", complete=True, source="", text=held.text + "x"
    )
    decision = decide(near, (_document("a", held, dt.date(2021, 10, 21)),))
    assert decision.outcome == "duplicate" and decision.score * 100 >= DUPLICATE_RATIO
