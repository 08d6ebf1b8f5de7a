"""English versions are read word by word (docs/lineage.md, "English versions"): an
object is its content words, two objects are alike by their words and only where they
share three (all, where the parent's has fewer), and no verdict read in English is sure. Clauses from the bundled Opinions,
corpus/*/en.txt."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from policydiff.corpus import load_corpus
from policydiff.diff.ops import token_ops
from policydiff.restatement.align import similarity_matrix
from policydiff.restatement.clauses import Clause
from policydiff.restatement.compare import Comparison, compare_documents, document_clauses
from policydiff.restatement.confidence import READ_IN_ENGLISH, assess
from policydiff.restatement.objects import content
from policydiff.restatement.rules import load_rules
from policydiff.restatement.thresholds import ENGLISH_MATCH
from policydiff.themes.catalogue import corpus_catalogue
from tests.conftest import BUNDLED, DOC_2021, DOC_2023, DOC_2025
from tests.restatement.test_sections import _clause as clause_at


def _clause(text: str, cue: str, location: str = "P.1") -> Clause:
    return replace(clause_at(text, location), cue=cue, lang="en")


def test_an_english_object_is_its_content_words() -> None:
    # the cue, stop words and the noun of the directed action go; plurals are singular
    clause = _clause(
        "accelerate the implementation of general contracting of projects", "accelerate"
    )
    assert content(clause) == "general contracting project"
    # a compound stays one word, compared in its parts
    assert content(_clause("promote ultra-low-energy buildings", "promote")) == (
        "ultra-low-energy building"
    )


def test_an_english_cue_goes_as_a_whole_word_only() -> None:
    # "develop" is the cue, not a part of "redevelop"
    clause = _clause("redevelop old urban districts and develop green industries", "develop")
    assert content(clause) == "redevelop old urban district green industry"


def test_a_word_read_as_a_cue_elsewhere_is_part_of_an_object() -> None:
    # building is "to build" as a cue, a noun here; work and mechanism are stop words, yet
    # all the object has
    assert content(_clause("improve building energy monitoring capabilities", "improve")) == (
        "building energy monitoring capability"
    )
    assert content(_clause("Improving work mechanisms", "Improving")) == "work mechanism"


def test_a_compound_is_one_word_in_common() -> None:
    # high-quality shared, and nothing else: no restatement
    parents = [
        _clause(
            "promote the large-scale development of high-quality green buildings",
            "promote the large-scale development",
        )
    ]
    children = [_clause("promote high-quality development of nuclear safety", "promote", "C.1")]
    assert similarity_matrix(parents, children, provisions=False)[0, 0] == 0.0
    # an object of one word needs only that word
    one = [_clause("build sponge-cities", "build")]
    assert (
        similarity_matrix(
            one, [_clause("promote sponge-cities", "promote", "C.1")], provisions=False
        )[0, 0]
        >= ENGLISH_MATCH
    )


def test_english_objects_are_alike_by_three_words_at_least() -> None:
    parents = [
        _clause(
            "vigorously promote ultra-low energy and near-zero energy buildings",
            "vigorously promote",
        ),
        _clause("Advocate green decoration", "Advocate"),
    ]
    children = [
        _clause(
            "promote the large-scale development of ultra-low energy consumption and low-carbon buildings",
            "promote the large-scale development",
            "C.3",
        ),
        _clause("popularize advanced, green", "popularize", "C.9"),
    ]
    matrix = similarity_matrix(parents, children, provisions=False)
    assert matrix[0, 0] >= ENGLISH_MATCH
    # green alone, however short the two objects
    assert matrix[1, 1] == 0.0
    assert matrix[0, 1] == matrix[1, 0] == 0.0
    # two words of three in common (recycling, material) name another thing: the 2023
    # Opinions recycle turbine blades and batteries, not building materials
    read = _english_comparison(DOC_2023)
    recycling = next(
        r
        for r in read.commitments
        if r.parent.text == "Strengthen the recycling of building materials"
    )
    assert (recycling.child, recycling.verdict.value) == (None, "omitted")


def test_no_english_verdict_is_sure() -> None:
    child = _clause("reducing consumption of single-use consumer goods", "reducing")
    assert assess(child, 0.9, ("same cue strength",)).sure  # Chinese by default
    english = assess(child, 0.9, ("same cue strength",), lang="en")
    assert (english.label, english.doubt) == ("check", READ_IN_ENGLISH)
    omitted = assess(None, 0.0, ("no clause of the child restates it",), lang="en")
    assert (omitted.label, omitted.doubt) == ("check", READ_IN_ENGLISH)


def test_a_translated_label_heading_commits_to_nothing() -> None:
    # "(1) Guiding ideology." names its kind of section; "Guiding" reads as a cue
    document = load_corpus(BUNDLED).get(DOC_2021)
    assert document is not None
    read = document_clauses(document, corpus_catalogue(Path(BUNDLED), ()), None, "en")
    texts = [c.text for c in read.clauses]
    assert "Guiding ideology" not in texts
    assert "vigorously promote ultra-low energy and near-zero energy buildings" in texts
    # the Chinese original's heading sentences end on 。 too: 指导思想。 is a label as well,
    # and 建设高品质绿色建筑。 a heading, whose provision's lead spells it out
    chinese = document_clauses(document, corpus_catalogue(Path(BUNDLED), ()), None, "zh")
    assert "指导思想" not in [c.text for c in chinese.clauses]
    assert any(c.heading and c.text == "建设高品质绿色建筑" for c in chinese.clauses)


def _english_comparison(child_id: str) -> Comparison:
    """The 2021 Opinions against a later one of the bundled corpus, read in English."""
    corpus = load_corpus(BUNDLED)
    parent, child = corpus.get(DOC_2021), corpus.get(child_id)
    assert parent is not None and child is not None
    return compare_documents(parent, child, corpus_catalogue(Path(BUNDLED), ()), lang="en")


def _english_clauses(document_id: str) -> dict[str, Clause]:
    document = load_corpus(BUNDLED).get(document_id)
    assert document is not None
    read = document_clauses(document, corpus_catalogue(Path(BUNDLED), ()), None, "en")
    return {c.text: c for c in read.clauses}


def test_an_english_clause_led_by_a_verb_or_a_modal_commits() -> None:
    # the 2021 Opinions' 改革建筑劳动用工制度 and 利用新技术实现精细化设计和施工 are commitments
    # by their verbs in Chinese; their English clauses carry no cue of the lexicon
    by_text = _english_clauses(DOC_2021)
    for text in (
        "Reform the construction labor employment system",
        "use new technologies to achieve fine design and construction",
        "adopt comprehensive noise reduction measures to control construction noise",
    ):
        assert (by_text[text].cue, by_text[text].level) == ("", 2)
    modal = by_text["We will attach equal importance to efficiency and balance"]
    assert (modal.cue, modal.level) == ("will", 2)
    assert load_rules().modal_en.search("local governments should review the plans")


def test_an_english_future_or_noun_is_no_commitment() -> None:
    # the 2023 Opinions' dated goals are measured by their targets, not lifted by "will"
    by_text = _english_clauses(DOC_2023)
    goal = next(c for t, c in by_text.items() if "railway freight turnover" in t)
    assert goal.targets and (goal.cue, goal.level) == ("", 0)
    rules = load_rules()
    for text in ("Use of land is scarce", "Control of pollution has improved", "Work-related"):
        assert rules.opens_en.match(text) is None, text
    for text in ("and also reform the system", "Also, reform the system", "and use new tools"):
        assert rules.opens_en.match(text) is not None, text
    for text in ("the political will of all", "beautiful rivers will be showcased", "at will"):
        assert rules.modal_en.search(text) is None, text


def test_english_objects_take_no_route_below_the_threshold() -> None:
    # the routes read Chinese objects: "Vigorously advance green building practices", below
    # ENGLISH_MATCH, is not taken beside its sibling's restatement for the 2021 green
    # buildings' scale-up
    english = _english_comparison(DOC_2025)
    assert not any(r.route for r in english.commitments)
    scale_up = next(
        r
        for r in english.commitments
        if r.parent.text == "promote the large-scale development of high-quality green buildings"
    )
    assert (scale_up.child, scale_up.verdict.value) == (None, "omitted")


def test_every_english_verdict_says_it_was_read_word_by_word() -> None:
    comparison = _english_comparison(DOC_2023)
    assert comparison.commitments
    assert all(READ_IN_ENGLISH in r.confidence.doubt for r in comparison.commitments)
    assert not any(r.confidence.sure for r in comparison.commitments)


def test_an_english_word_diff_anchors_on_words_not_spaces() -> None:
    old = "vigorously promote ultra-low energy and near-zero energy buildings"
    new = "promote the large-scale development of ultra-low energy consumption and low-carbon buildings"
    ops = token_ops(old, new, "en")[0]
    assert ("".join(o.old for o in ops), "".join(o.new for o in ops)) == (old, new)
    assert [(o.op, o.old, o.new) for o in ops][:3] == [
        ("delete", "vigorously ", ""),
        ("equal", "promote ", "promote "),
        ("insert", "", "the large-scale development of "),
    ]
