"""Discovery of candidate themes by clustering sentences across documents."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from policydiff.models import StructuredVersion, Version
from policydiff.themes import discover_candidates, load_catalogue, write_candidates_yaml
from policydiff.themes.catalogue import Catalogue
from policydiff.themes.discover import discover_across_languages
from tests.conftest import BUNDLED

CAT = load_catalogue()
CORPUS = BUNDLED


def _sv(doc_id: str, text: str) -> StructuredVersion:
    from policydiff.structure import structure_version

    return structure_version(
        doc_id, Version(key="en", lang="en", kind="original", complete=True, source="", text=text)
    )


def _corpus_versions(lang: str = "en") -> list[StructuredVersion]:
    from policydiff.corpus import load_corpus
    from policydiff.structure import structure_version

    out = []
    for doc in load_corpus(CORPUS).documents:
        version = doc.version(lang)
        if version is not None:
            out.append(structure_version(doc.id, version))
    return out


def test_synthetic_cluster_across_documents() -> None:
    a = _sv("a", "I. Tasks\n(1) Expand the rooftop beekeeping programme in public parks.\n")
    b = _sv("b", "I. Tasks\n(1) Expand rooftop beekeeping programmes in city parks.\n")
    c = _sv("c", "I. Tasks\n(1) Build sponge cities and sponge city drainage.\n")
    d = _sv("d", "I. Tasks\n(1) Build sponge cities with drainage for sponge city areas.\n")
    cands = discover_candidates([a, b, c, d], CAT, distance_threshold=0.6)
    assert len(cands) == 1  # the sponge-city cluster is covered by the catalogue
    (cand,) = cands
    assert cand.documents == ("a", "b")
    assert any("beekeeping" in t for t in cand.terms)
    assert {m.document_id for m in cand.members} == {"a", "b"}


@pytest.mark.slow
def test_real_corpus_has_candidates_spanning_documents() -> None:
    versions = _corpus_versions()
    cands = discover_candidates(versions, CAT)
    assert cands
    assert all(len(c.documents) >= 2 for c in cands)
    assert len({m.document_id for m in cands[0].members}) >= 2
    assert cands == discover_candidates(versions, CAT)  # deterministic
    assert len({c.id for c in cands}) == len(cands)


def test_candidates_yaml_is_a_loadable_catalogue(tmp_path: Path) -> None:
    a = _sv("a", "I. Tasks\n(1) Expand the rooftop beekeeping programme in public parks.\n")
    b = _sv("b", "I. Tasks\n(1) Expand rooftop beekeeping programmes in city parks.\n")
    text = write_candidates_yaml(discover_candidates([a, b], CAT, distance_threshold=0.6))
    data = yaml.safe_load(text)
    assert data["themes"][0]["en"]
    assert "a I" in data["themes"][0]["note"]
    path = tmp_path / "cand.yaml"
    path.write_text(text, encoding="utf-8")
    assert load_catalogue([path]).get(data["themes"][0]["id"]) is not None


def _version(doc_id: str, lang: str, text: str) -> StructuredVersion:
    from policydiff.structure import structure_version

    version = Version(key=lang, lang=lang, kind="original", complete=True, source="", text=text)
    return structure_version(doc_id, version)


SPONGE_AND_BEEKEEPING = [
    ("a", "en", "I. Tasks\n(1) Build sponge cities and improve drainage in sponge city areas.\n"),
    ("b", "en", "I. Tasks\n(1) Promote sponge city construction and urban drainage for sponge cities.\n"),
    ("c", "zh", "一、任务\n（一）推进海绵城市建设，完善城市排水防涝设施。\n"),
    ("d", "zh", "一、任务\n（一）全域推进海绵城市建设，完善城市排水防涝体系。\n"),
    ("e", "zh", "一、任务\n（一）推广屋顶养蜂，建设城市养蜂示范点。\n"),
    ("f", "zh", "一、任务\n（一）鼓励社区开展屋顶养蜂，扶持城市养蜂合作社。\n"),
]  # fmt: skip


def test_english_and_chinese_sentences_of_one_concept_are_one_candidate() -> None:
    versions = [_version(*row) for row in SPONGE_AND_BEEKEEPING]
    without = Catalogue(tuple(t for t in CAT.themes if t.id != "sponge-cities"))
    found = {c.documents: c for c in discover_across_languages(versions, without)}
    sponge = found[("a", "b", "c", "d")]  # through the glossary anchor 海绵城市 / sponge city
    assert sponge.lang == "en+zh"
    assert sponge.en[0] == "sponge city" and "海绵城市" in sponge.zh[:2]
    assert [m.lang for m in sponge.members] == ["en", "en", "zh", "zh"]
    bees = found[("e", "f")]  # no concept ties it to the English sentences
    assert bees.lang == "zh" and bees.zh[0] == "屋顶养蜂" and bees.en == ()
    assert set(found) == {("a", "b", "c", "d"), ("e", "f")}
    # the catalogue's sponge-cities theme covers both clusters: no candidate for it
    assert [c.documents for c in discover_across_languages(versions, CAT)] == [("e", "f")]


def test_a_chinese_candidate_has_a_pinyin_id_and_writes_a_loadable_catalogue(
    tmp_path: Path,
) -> None:
    versions = [_version(*row) for row in SPONGE_AND_BEEKEEPING[4:]]
    (cand,) = discover_candidates(versions, CAT, lang="zh")
    assert cand.id.startswith("wuding-yangfeng")
    path = tmp_path / "cand.yaml"
    path.write_text(write_candidates_yaml([cand]), encoding="utf-8")
    theme = load_catalogue([path]).get(cand.id)
    assert theme is not None and theme.label_zh == "屋顶养蜂" and theme.zh == cand.zh


def test_a_sentence_that_is_one_parenthesis_is_not_clustered() -> None:
    versions = [
        _version(
            doc,
            "zh",
            f"一、任务\n（一）推广屋顶养蜂。\n（{who}住房城乡建设厅、发展改革委按职责分工负责）\n",
        )
        for doc, who in (("e", "省"), ("f", "市"))
    ]
    (cand,) = discover_candidates(versions, CAT, lang="zh", min_chars=4)
    assert all("职责" not in m.text for m in cand.members)
