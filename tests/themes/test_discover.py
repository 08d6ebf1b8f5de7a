"""Discovery of candidate themes by clustering sentences across documents."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from policydiff.models import StructuredVersion, Version
from policydiff.themes import discover_candidates, load_catalogue, write_candidates_yaml
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
