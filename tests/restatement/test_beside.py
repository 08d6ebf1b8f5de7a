"""Alignment beside a sibling (:func:`policydiff.restatement.routes.beside`): a parent
clause no child clause reaches by MATCH is restated in the child sentence, or one next to
it, that restates another clause of its sentence (the ministry's plan and Henan's,
examples/lineage/corpus)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from policydiff.corpus import load_corpus
from policydiff.restatement import routes, thresholds
from policydiff.restatement.compare import Comparison, compare_documents
from policydiff.themes.catalogue import corpus_catalogue
from tests.restatement.test_verdict import _compare

CORPUS = Path(__file__).parents[2] / "examples" / "lineage" / "corpus"
MODULAR = "推行整体卫浴和厨房等模块化部品应用技术"


def _ministry_to(province: str) -> Comparison:
    corpus = load_corpus(CORPUS)
    ministry = corpus.get("2022-chengxiangjianshe-tandafeng")
    child = corpus.get(f"{province}-chengxiangjianshe-tandafeng")
    assert ministry is not None and child is not None
    return compare_documents(ministry, child, corpus_catalogue(CORPUS))


@pytest.fixture(scope="module")
def henan() -> Comparison:
    return _ministry_to("henan")


def test_modular_kitchens_and_baths_are_restated_beside_the_fitout(henan: Comparison) -> None:
    # Henan restates the ministry's sentence 积极推广装配化装修，推行整体卫浴和厨房等模块化部品
    # 应用技术 in one sentence: 积极推广装配化装修 word for word, the modular parts as
    # 推广集成化模块化建筑部品 (0.23, under MATCH)
    restated = next(r for r in henan.commitments if r.parent.text == MODULAR)
    assert restated.child is not None and "模块化建筑部品" in restated.child.text
    assert thresholds.COVER_FLOOR <= restated.similarity < thresholds.MATCH
    fitout = next(r for r in henan.commitments if r.parent.text == "积极推广装配化装修")
    assert fitout.child is not None and fitout.child.sentence_id == restated.child.sentence_id


def _beside(child: str, similarity: dict[str, float], all_taken: bool = False) -> dict[str, str]:
    # the ministry's 积极推广装配化装修 restated word for word; the other parent clause at
    # the given similarity to each child clause (by its text), 0 to the others
    comparison = _compare("积极推广装配化装修，推行整体卫浴和厨房等模块化部品应用技术", child)
    parents, children = comparison.parent.clauses, comparison.child.clauses
    i = next(k for k, c in enumerate(parents) if c.text == "积极推广装配化装修")
    j = next(k for k, c in enumerate(children) if c.text == "积极推广装配化装修")
    matrix = np.zeros((len(parents), len(children)))
    for k, parent in enumerate(parents):
        for m, clause in enumerate(children):
            matrix[k, m] = similarity.get(clause.text, 0.0) if parent.text == MODULAR else 0.0
    best = np.zeros(len(parents), dtype=int)
    best[i] = j
    matched = np.zeros(len(parents), dtype=bool)
    matched[i] = True
    taken = set(range(len(children))) if all_taken else {j}
    found = routes.beside(parents, children, matrix, best, matched, taken)
    return {parents[k].text: children[m].text for k, m in found.items()}


PARTS = "推广集成化模块化建筑部品"


def test_the_sibling_restatement_sentence_and_the_next_are_looked_in() -> None:
    assert _beside(f"积极推广装配化装修，{PARTS}", {PARTS: 0.23}) == {MODULAR: PARTS}
    # a sentence split in two: the parts in the sentence after the fit-out
    assert _beside(f"积极推广装配化装修。{PARTS}", {PARTS: 0.23}) == {MODULAR: PARTS}


def test_a_sentence_further_away_is_not_looked_in() -> None:
    child = f"积极推广装配化装修。加快推进模块化部品应用。推行绿色施工。{PARTS}"
    assert _beside(child, {PARTS: 0.3}) == {}
    # the same similarity in the sentence right after the fit-out's is taken
    assert _beside(child, {"加快推进模块化部品应用": 0.3}) == {MODULAR: "加快推进模块化部品应用"}


def test_a_clause_sharing_next_to_nothing_of_the_object_is_not_taken() -> None:
    # 加快推进绿色建材应用 shares 应用 alone of the modular parts' object (one bigram in
    # twelve, under BESIDE_SHARE): a similarity it would reach by a theme or a provision
    # kept says nothing of the parts
    child = "积极推广装配化装修。加快推进绿色建材应用"
    assert _beside(child, {"加快推进绿色建材应用": 0.3}) == {}


# shares one of the parent's words only (部品): below the floor, not beside from the lower one
FEW = "推广集成化建筑部品"


def test_nothing_below_the_floor_nor_taken_is_restated_beside() -> None:
    assert _beside(f"积极推广装配化装修，{FEW}", {FEW: 0.15}) == {}
    assert _beside(f"积极推广装配化装修，{PARTS}", {PARTS: 0.23}, all_taken=True) == {}


KITCHENS = "推动整体厨卫、轻质隔墙、管线分离、干式工法等部品与技术应用"


def test_in_the_sibling_sentence_shared_words_restate_from_the_lower_floor() -> None:
    # Chongqing's 推动整体厨卫…等部品与技术应用 (0.16 on the development corpus) holds 整体,
    # 部品, 技术 and 应用 of the modular parts: in the sentence that restates the fit-out,
    # it restates them
    assert _beside(f"积极推广装配化装修，{KITCHENS}", {KITCHENS: 0.16}) == {MODULAR: KITCHENS}
    # not in the next sentence, nor below the lower floor
    assert _beside(f"积极推广装配化装修。{KITCHENS}", {KITCHENS: 0.16}) == {}
    assert _beside(f"积极推广装配化装修，{KITCHENS}", {KITCHENS: 0.08}) == {}
    # nor a clause of that sentence that shares fewer of the parent's words
    assert _beside(f"积极推广装配化装修，{FEW}", {FEW: 0.16}) == {}


@pytest.fixture(scope="module")
def chongqing() -> Comparison:
    return _ministry_to("chongqing")


def test_chongqing_restates_the_modular_parts_beside_its_fitout(chongqing: Comparison) -> None:
    restated = next(r for r in chongqing.commitments if r.parent.text == MODULAR)
    assert restated.child is not None and restated.child.text == KITCHENS
    assert thresholds.NEAR_FLOOR <= restated.similarity < thresholds.COVER_FLOOR


def test_a_restriction_is_not_restated_beside_by_a_promotion() -> None:
    # the ministry's 提升住宅品质，积极发展中小户型普通住宅，限制发展超大户型住宅 and Chongqing's
    # 提升住宅品质，积极发展与地区经济和市场需求相适应的住宅户型: 户型 and 住宅 are shared with
    # both parent clauses, but the one that limits very large flats is not restated by one
    # that develops flats
    comparison = _compare(
        "提升住宅品质，积极发展中小户型普通住宅，限制发展超大户型住宅",
        "提升住宅品质，积极发展与地区经济和市场需求相适应的住宅户型",
    )
    parents, children = comparison.parent.clauses, comparison.child.clauses
    i = next(k for k, c in enumerate(parents) if c.text == "提升住宅品质")
    j = next(k for k, c in enumerate(children) if c.text == "提升住宅品质")
    flats = next(k for k, c in enumerate(children) if c.text.endswith("住宅户型"))
    matrix = np.zeros((len(parents), len(children)))
    matrix[i, j] = 1.0
    large = next(k for k, c in enumerate(parents) if c.text == "限制发展超大户型住宅")
    small = next(k for k, c in enumerate(parents) if c.text == "积极发展中小户型普通住宅")
    matrix[large, flats] = matrix[small, flats] = 0.25
    best = np.zeros(len(parents), dtype=int)
    best[i] = j
    matched = np.zeros(len(parents), dtype=bool)
    matched[i] = True
    assert parents[large].restriction and not children[flats].restriction
    found = routes.beside(parents, children, matrix, best, matched, {j})
    assert found == {small: flats}


def _quality(lead: str) -> dict[str, str]:
    # the ministry's 积极发展中小户型普通住宅 restated word for word; 提升住宅品质 at 0.12 to
    # the child's lead, the clause Hebei's sentence opens on
    comparison = _compare(
        "提升住宅品质，积极发展中小户型普通住宅，限制发展超大户型住宅",
        f"{lead}，发展中小户型普通住宅，限制发展超大户型住宅",
    )
    parents, children = comparison.parent.clauses, comparison.child.clauses
    i = next(k for k, c in enumerate(parents) if c.text == "积极发展中小户型普通住宅")
    j = next(k for k, c in enumerate(children) if c.text == "发展中小户型普通住宅")
    q = next(k for k, c in enumerate(parents) if c.text == "提升住宅品质")
    m = next(k for k, c in enumerate(children) if c.text == lead)
    matrix = np.zeros((len(parents), len(children)))
    matrix[i, j], matrix[q, m] = 1.0, 0.12
    best = np.zeros(len(parents), dtype=int)
    best[i] = j
    matched = np.zeros(len(parents), dtype=bool)
    matched[i] = True
    found = routes.beside(parents, children, matrix, best, matched, {j})
    return {parents[k].text: children[n].text for k, n in found.items()}


def test_one_shared_bigram_does_not_say_which_clause_below_the_floor() -> None:
    # Hebei's 加强绿色低碳住宅设计 shares only 住宅 with the ministry's 提升住宅品质 (a third
    # of its three bigrams): not the housing quality, which Hebei leaves out
    assert _quality("加强绿色低碳住宅设计") == {}
    # two shared bigrams or more still say which clause
    assert _quality("加强住宅品质设计") == {"提升住宅品质": "加强住宅品质设计"}
