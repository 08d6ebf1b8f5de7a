"""An English series of tasks joins its verbs by commas, where a list of things joins
nouns: a comma before a directive cue cuts a clause, one inside a list does not (the 2021
Opinions, corpus/2021-green-development-urban/en.txt, III.1)."""

from __future__ import annotations

from policydiff.restatement.cuts import pieces

SENTENCE = (
    "We will strengthen fiscal, financial, planning and construction policy support, promote "
    "the large-scale development of high-quality green buildings, vigorously promote "
    "ultra-low energy and near-zero energy buildings, and develop zero-carbon buildings."
)


def _clauses(sentence: str) -> list[str]:
    return [sentence[a:b] for a, b in pieces(sentence, "en")]


def test_a_comma_before_a_cue_cuts_a_clause() -> None:
    assert _clauses(SENTENCE) == [
        "We will strengthen fiscal, financial, planning and construction policy support",
        "promote the large-scale development of high-quality green buildings",
        "vigorously promote ultra-low energy and near-zero energy buildings",
        "develop zero-carbon buildings",
    ]


def test_a_list_of_things_stays_one_clause() -> None:
    sentence = (
        "Advocate green decoration, encourage the use of green building materials, "
        "furniture, home appliances."
    )
    assert _clauses(sentence) == [
        "Advocate green decoration",
        "encourage the use of green building materials, furniture, home appliances",
    ]
