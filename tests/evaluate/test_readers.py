"""Two readers' restatement gold side by side: agreement and Cohen's kappa, computed on
verdict lists built here."""

from __future__ import annotations

from pathlib import Path

from policydiff.evaluate.restatement import ReaderAgreement, Reading


def _readers(first: list[str], second: list[str]) -> ReaderAgreement:
    readings = tuple(
        Reading(f"clause {i}", "child", a, b)
        for i, (a, b) in enumerate(zip(first, second, strict=True))
    )
    return ReaderAgreement(Path("first.yaml"), Path("second.yaml"), readings)


def test_kappa_discounts_the_agreement_chance_alone_gives() -> None:
    # 3 of 4 agree; each reader's own shares make 2 of 4 agree by chance: kappa 0.5
    readers = _readers(
        ["restated", "restated", "omitted", "omitted"],
        ["restated", "omitted", "omitted", "omitted"],
    )
    assert (readers.agreed, readers.rate) == (3, 0.75)
    assert round(readers.kappa, 4) == 0.5
    assert readers.presence == (3, readers.kappa)  # here presence is the same question


def test_one_label_between_the_readers_is_full_agreement_and_no_pairs_none() -> None:
    assert _readers(["omitted"] * 3, ["omitted"] * 3).kappa == 1.0
    assert _readers([], []).kappa == 0.0
    assert _readers(["restated", "weakened"], ["weakened", "restated"]).kappa < 0
