"""A sentence said again is read once: what is kept per sentence reads exactly as a
fresh analysis would, wherever the sentence stands, and only for its own catalogue."""

from __future__ import annotations

from pathlib import Path

import policydiff.analysis.commitments as commitments
from policydiff.analysis.commitments import find_commitments
from policydiff.models import StructuredVersion
from policydiff.strength import Lexicon, load_lexicon
from policydiff.structure import structure_version
from policydiff.themes import Catalogue, load_catalogue, match_sentence
from policydiff.themes.match import _compile


def _cold(structured: StructuredVersion, catalogue: Catalogue, lexicon: Lexicon) -> tuple:
    """find_commitments with nothing kept from before."""
    commitments._MEMOS.clear()
    _compile(catalogue).matched.clear()
    return find_commitments(structured, catalogue, lexicon)


def test_a_warm_analysis_reads_as_a_cold_one(
    structured: dict[tuple[str, str], StructuredVersion],
) -> None:
    catalogue, lexicon = load_catalogue(), load_lexicon()
    cold = {key: _cold(version, catalogue, lexicon) for key, version in structured.items()}
    for _ in range(2):  # the second time round, every sentence is known
        for key, version in structured.items():
            assert find_commitments(version, catalogue, lexicon) == cold[key]
    assert sum(map(len, cold.values())) > 100


def test_a_known_sentence_in_another_document_is_that_documents_own(
    structured: dict[tuple[str, str], StructuredVersion],
) -> None:
    catalogue, lexicon = load_catalogue(), load_lexicon()
    version = max(structured.values(), key=lambda v: len(find_commitments(v, catalogue, lexicon)))
    elsewhere = structure_version("another-document", version.version)
    warm = find_commitments(elsewhere, catalogue, lexicon)
    assert warm and {c.mention.document_id for c in warm} == {"another-document"}
    assert warm == _cold(elsewhere, catalogue, lexicon)


def test_a_sentence_is_matched_again_under_another_catalogue(tmp_path: Path) -> None:
    sentence = "We will expand rooftop orchards across the city."
    bundled = load_catalogue()
    assert match_sentence(sentence, "en", bundled) == []
    extra = tmp_path / "themes.yaml"
    extra.write_text(
        "themes:\n"
        "  - id: rooftop-orchards\n"
        "    label: Rooftop orchards\n"
        "    label_zh: 屋顶果园\n"
        "    en: [rooftop orchards]\n"
        "    zh: [屋顶果园]\n",
        encoding="utf-8",
    )
    found = match_sentence(sentence, "en", load_catalogue([extra]))
    assert [m[0] for m in found] == ["rooftop-orchards"]
    assert match_sentence(sentence, "en", bundled) == []
