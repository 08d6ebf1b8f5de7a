"""The q-gram bound of a whole-text ratio: never below the ratio itself."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from policydiff.textsim.qgrams import qgram_histogram, ratio_bound


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abc de", max_size=60), st.data(), st.integers(1, 5))
def test_the_qgram_bound_is_never_below_the_ratio(text: str, data: st.DataObject, q: int) -> None:
    # an edited copy (near duplicates are what the bound must not lose) or another text
    edits = data.draw(st.lists(st.tuples(st.integers(0, 60), st.text("abc de", max_size=3))))
    other = text
    for at, piece in edits:
        other = other[:at] + piece + other[at + len(piece) // 2 :]
    if data.draw(st.booleans()):
        other = data.draw(st.text(alphabet="abc de", max_size=60))
    a, b = qgram_histogram(text, q), qgram_histogram(other, q)
    bound = ratio_bound(a, b, len(text) + len(other))
    assert fuzz.ratio(text, other) <= bound + 1e-9


def test_the_qgram_bound_is_reached_by_one_insertion_among_distinct_qgrams() -> None:
    # "X" removes the 3 four-grams across the gap and adds 4: an L1 of 7 for one indel,
    # so the bound cannot divide by less than 2q - 1 = 7
    text, other = "abcdefgh", "abcdXefgh"
    bound = ratio_bound(qgram_histogram(text), qgram_histogram(other), len(text) + len(other))
    assert bound == pytest.approx(fuzz.ratio(text, other)) == pytest.approx(100 * (1 - 1 / 17))


def test_qgram_histogram_counts_every_qgram_of_any_text() -> None:
    assert qgram_histogram("abc").total == 0
    assert qgram_histogram("abcabcab").total == 5
    assert sorted(qgram_histogram("abcabcab").counts.tolist()) == [1, 2, 2]
    assert qgram_histogram("绿色建筑\ud800绿色建筑").total == 6  # a lone surrogate is no error
