"""An English participle before the noun it qualifies, and "building" the noun, direct nothing:
"driving force", "guiding ideology", "advanced experience", "green building materials" (the
bundled 2021, 2023 and 2025 Opinions, corpus/). The verbs themselves still commit."""

from __future__ import annotations

import pytest

from policydiff.strength.cues import find_cues
from policydiff.strength.score import StrengthScore, score_commitment


@pytest.mark.parametrize(
    ("clause", "cues"),
    [
        (
            "The endogenous driving force for green transformation in economic and social "
            "development is insufficient",
            [],
        ),
        ("(1) Guiding ideology.", []),
        ("Give full play to the coordinating and guiding role of the Central Leading Group", []),
        # 充分发挥 in other words: an idiom, no reach
        ("Fully leverage the roles of one committee, one office and one platform", []),
        ("We will improve the certification system for green building materials", ["improve"]),
        (
            "We will continue to combine the guidance of Party building with joint governance",
            ["continue to"],
        ),
        ("Promote the improvement of regional building energy efficiency", ["Promote"]),
        (
            "We will strengthen international exchanges and draw on advanced experience",
            [
                "strengthen",
                "draw",
            ],
        ),
        (
            "By 2035, the efficiency of energy and water resource utilization will reach the "
            "international advanced level.",
            [],
        ),
        ("emphasize integrated planning and coordinated action", []),
        ("Strengthen the regulatory and guiding role of urban planning", ["Strengthen"]),
        # nouns of a document, a policy, a building: no cue (the 2025 Opinions' "building
        # design oversight")
        ("issue guiding opinions on urban renewal", []),
        ("improve supporting policies", ["improve"]),
        ("reinforcing building design oversight", ["reinforcing"]),
        ("reduce building carbon emissions", ["reduce"]),
        ("green building-related standards", []),
        # "focused on" after the noun it qualifies (the 2025 Opinions' critical infrastructure
        # projects); opening a sentence, or after remain or be, it directs
        (
            "Accelerate the development of critical infrastructure projects focused on "
            "ensuring the safety of urban lifelines.",
            ["Accelerate"],
        ),
        ("Focused on the real economy, we will strengthen services", ["Focused on", "strengthen"]),
        ("We will remain focused on key areas", ["focused on"]),
        ("We will stay closely focused on key areas", ["focused on"]),
        ("Fiscal funds will be further focused on key areas", ["further focused on"]),
        # the noun before it keeps its own cue
        ("Increase investment focused on the renovation of old areas", ["Increase investment"]),
        # the verbs still commit: before "to" or "in …ing", after has, and "building"
        # before what is built
        ("guiding enterprises to adopt clean energy", ["guiding"]),
        ("supporting enterprises in carrying out renovation", ["supporting", "carrying out"]),
        ("The ministry has established rules for", ["established"]),
        ("The ministry has also established rules for", ["established"]),
        ("building carbon sinks", ["building"]),
        ("Building water-saving cities", ["Building"]),
        ("building energy storage facilities", ["building"]),
        ("promoting green development and building a beautiful China", ["promoting", "building"]),
        ("Building high-quality green buildings.", ["Building"]),
        (
            "supporting regions with suitable conditions to advance integration",
            [
                "supporting",
                "with suitable conditions",
                "advance",
            ],
        ),
        (
            "We will establish a mechanism for coordinating and guiding urban development",
            [
                "establish",
                "coordinating",
                "guiding",
            ],
        ),
    ],
)
def test_a_participle_before_its_noun_is_no_cue(clause: str, cues: list[str]) -> None:
    assert [c.text for c in find_cues(clause, "en")] == cues


def _scored_at(sentence: str, term: str) -> StrengthScore:
    """The strength of ``sentence``'s commitment to the theme ``term`` names."""
    start = sentence.index(term)
    return score_commitment(sentence, "en", (start, start + len(term)))


def test_a_word_of_the_theme_term_is_no_caveat() -> None:
    # "building" of "green building practices" is part of the theme's name, which no cue
    # would have been read in: saying it was not counted only adds noise
    sentence = (
        "Vigorously advance green building practices, accelerate research and application of "
        "innovative building materials, and promote the large-scale development of "
        "ultra-low-energy and low-carbon buildings."
    )
    score = _scored_at(sentence, "green building practices")
    assert score.cue == "Vigorously advance"
    assert not any("'building'" in caveat for caveat in score.caveats)


def test_a_participle_outside_the_theme_term_is_a_caveat() -> None:
    sentence = (
        "The endogenous driving force for green transformation in economic and social "
        "development is insufficient"
    )
    score = _scored_at(sentence, "green transformation")
    assert score.level == 0
    assert "'driving' in 'driving force' is not counted as a cue" in score.caveats


def test_a_participle_read_by_the_word_before_it_names_that_word() -> None:
    # the 2025 Opinions' urban-resilience point: the context is "focused on" alone (its
    # pattern reads "projects" without taking it in), so the caveat names the word before
    sentence = (
        "Accelerate the development of critical infrastructure projects focused on ensuring "
        "the safety of urban lifelines."
    )
    score = _scored_at(sentence, "safety of urban lifelines")
    assert score.cue == "Accelerate"
    assert "'focused on' after 'projects' is not counted as a cue" in score.caveats


@pytest.mark.parametrize(
    ("clause", "cues"),
    [
        # the 2023 Opinions' 保障体系 and 法治保障: the noun, support given to a task
        (
            "Establish a sound guarantee system for the construction of a beautiful China",
            ["Establish a sound"],
        ),
        (
            "Strengthen the legal guarantee for the construction of a beautiful China",
            ["Strengthen"],
        ),
        ("and provided legal guarantees for the green development", []),
        ("improve the energy guarantee capacity of cities", ["improve"]),
        # the verb binds
        ("effectively guarantee national ecological security", ["effectively guarantee"]),
        ("guarantee the supply of energy", ["guarantee"]),
    ],
)
def test_guarantee_binds_as_a_verb_not_as_a_noun(clause: str, cues: list[str]) -> None:
    assert [c.text for c in find_cues(clause, "en")] == cues
