"""The glossary discovery reads: the catalogue's bilingual themes and the glossary anchors."""

from __future__ import annotations

from policydiff.themes.catalogue import Catalogue, load_catalogue
from policydiff.themes.concepts import glossary_concepts, glossary_terms, mentioned, names

CAT = load_catalogue()


def test_concepts_come_from_the_catalogue_then_the_glossary_anchors() -> None:
    concepts = glossary_concepts(CAT)
    ids = [c.id for c in concepts]
    assert "sponge-cities" in ids and "glossary:海绵城市" in ids
    assert ids.index("sponge-cities") < ids.index("glossary:海绵城市")
    sponge = next(c for c in concepts if c.id == "glossary:海绵城市")
    assert sponge.name_en == "sponge city" and sponge.zh == ("海绵城市",)


def test_an_anchor_without_a_whole_english_form_has_no_english_name() -> None:
    smart = next(c for c in glossary_concepts(CAT) if c.id == "glossary:智慧城市")
    assert smart.en == ("smart cit",) and smart.name_en == ""


def test_mentions_in_both_languages() -> None:
    concepts = glossary_concepts(Catalogue(()))  # the anchors alone
    assert "glossary:海绵城市" in mentioned(concepts, "推进海绵城市建设", "zh")
    assert "glossary:海绵城市" in mentioned(concepts, "Build Sponge Cities.", "en")
    assert "glossary:智慧城市" in mentioned(concepts, "develop smart cities", "en")
    assert "glossary:太阳能" not in mentioned(concepts, "insolar panels", "en")


def test_a_concept_names_a_term_that_holds_one_of_its_forms() -> None:
    concepts = {c.id: c for c in glossary_concepts(Catalogue(()))}
    rural = concepts["glossary:城乡建设"]
    assert names(rural, "城乡建设领域", "zh")
    assert not names(rural, "城乡", "zh")
    assert names(rural, "urban and rural construction", "en")
    assert not names(rural, "urban", "en")
    assert names(concepts["glossary:海绵城市"], "sponge city construction", "en")


def test_the_segmenter_keeps_catalogue_labels_terms_and_anchors() -> None:
    terms = glossary_terms(CAT)
    assert {"超低能耗建筑", "既有建筑节能改造", "海绵城市", "城市群"} <= set(terms)
    assert list(terms) == sorted(terms)
