"""What "nearly the same text" means, and its shortcuts against the exhaustive answers."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from rapidfuzz import fuzz, process

from policydiff.textsim.near import (
    SENTENCE_MATCH,
    Profile,
    found_share,
    matching_sentences,
    profile,
    whole_ratio,
)
from tests.conftest import (
    SEED_2021_EN,
    SEED_2021_EN_PARTIAL,
    SEED_2023_EN,
    SEED_2025_EN,
)

ENGLISH_SEEDS = [SEED_2021_EN, SEED_2021_EN_PARTIAL, SEED_2023_EN, SEED_2025_EN]


def _profile(path: Path) -> Profile:
    return profile(path.read_text(encoding="utf-8"), "en")


def test_profile_is_computed_once_per_text() -> None:
    text = SEED_2021_EN.read_text(encoding="utf-8")
    first = profile(text, "en")
    assert isinstance(first, Profile)
    assert profile(str(text), "en") is first
    assert profile(text, "zh") is not first


def _exhaustive_share(new: Profile, held: Profile) -> float:
    found = sum(
        process.extractOne(s, held.sentences, scorer=fuzz.ratio, score_cutoff=SENTENCE_MATCH)
        is not None
        for s in new.sentences
    )
    return found / len(new.sentences)


@pytest.mark.parametrize(("a", "b"), list(itertools.permutations(ENGLISH_SEEDS, 2)))
def test_length_windowed_share_equals_comparing_every_sentence(a: Path, b: Path) -> None:
    new, held = _profile(a), _profile(b)
    assert found_share(new, held) == _exhaustive_share(new, held)


def test_a_fragment_stands_in_its_whole_and_an_unrelated_text_does_not() -> None:
    whole, fragment, unrelated = (
        _profile(SEED_2021_EN),
        _profile(SEED_2021_EN_PARTIAL),
        _profile(SEED_2025_EN),
    )
    share = found_share(fragment, whole)
    assert share > 0.6
    low = found_share(unrelated, whole)
    assert 0 <= low < 1.0


def test_matching_sentences_finds_each_near_copy_and_nothing_else() -> None:
    queries = ["Promote green buildings in every city.", "Something else entirely, at length."]
    choices = [
        "Promote green buildings in every city!",
        "Promote green building in every city.",
        "Unrelated sentence of about that length.",
    ]
    assert sorted(matching_sentences(queries, choices)) == [(0, 0), (0, 1)]
    assert matching_sentences([], choices) == [] and matching_sentences(queries, []) == []


def test_whole_ratio_is_the_ratio_at_or_above_the_duplicate_threshold_else_zero() -> None:
    text = SEED_2021_EN.read_text(encoding="utf-8")
    same = profile(text, "en")
    assert whole_ratio(same, profile(text.replace("green", "Green"), "en")) == 100.0
    edited = profile(text.replace("shall", "must", 3), "en")
    assert 97 <= whole_ratio(same, edited) < 100
    assert whole_ratio(same, _profile(SEED_2025_EN)) == 0.0
