"""Documents held twice: the corpus-wide engine gives what comparing every pair gives."""

from __future__ import annotations

import datetime as dt

import pytest

from policydiff.check.duplicates import _duplicate_finding, duplicate_findings
from policydiff.corpus import Corpus
from policydiff.models import Document, Version
from policydiff.textsim.near import found_share, profile, whole_ratio
from tests.conftest import BUNDLED, DOC_2021, DOC_2023


def _documents_cut_from(bundled: Corpus) -> list[Document]:
    """The bundled corpus and documents cut and pasted from its English texts: a
    revision keeping most paragraphs, a lightly edited copy, an excerpt with a repeated
    paragraph, a text mixing two documents, a copy, and (dated before them all) one
    that holds a third of the 2023 text twice, as it stands and edited."""
    texts = {d.id: {v.key: v.text for v in d.versions} for d in bundled.documents}
    paragraphs = [p for p in texts[DOC_2023]["en"].split("\n") if p.strip()]
    other = [p for p in texts[DOC_2021]["en"].split("\n") if p.strip()]
    n = len(paragraphs)

    def edited(kept: list[str]) -> list[str]:
        return [p.replace("shall", "must").replace("green", "greener") for p in kept]

    made = {
        "2019-twice": paragraphs + edited(paragraphs[: n // 3]),
        "2024-revision": paragraphs[: n * 7 // 10] + other[:5],
        "2024-edited": edited(paragraphs),
        "2024-excerpt": paragraphs[n // 3 : n // 2] + paragraphs[n // 3 : n // 3 + 4],
        "2024-mixed": paragraphs[: n // 2] + other[: len(other) // 2],
        "2024-copy": other,
    }
    documents = []
    for i, (name, kept) in enumerate(made.items()):
        version = Version("en", "en", "translation", True, "test", "\n".join(kept) + "\n")
        date = dt.date(int(name[:4]), 1, i + 1)
        documents.append(Document(name, name, ("State Council",), date, (version,)))
    return sorted([*bundled.documents, *documents], key=lambda d: d.date)


@pytest.mark.slow
def test_duplicate_findings_are_those_of_comparing_every_pair(bundled_corpus: Corpus) -> None:
    # the sentence graph, sparse counts and ratio bounds must give exactly what
    # textsim.near gives pair by pair
    documents = _documents_cut_from(bundled_corpus)
    expected = []
    for i, doc_p in enumerate(documents):
        for doc_q in documents[i + 1 :]:
            for p in doc_p.versions:
                for q in doc_q.versions:
                    if p.lang != q.lang:
                        continue
                    (doc_x, x), (doc_y, y) = sorted(
                        ((doc_p, p), (doc_q, q)), key=lambda pair: len(pair[1].text)
                    )
                    px, py = profile(x.text, x.lang), profile(y.text, y.lang)
                    share, whole = found_share(px, py), whole_ratio(px, py)
                    finding = _duplicate_finding(BUNDLED, doc_x, x, doc_y, y, share, whole)
                    if finding is not None:
                        expected.append(finding)
    found = duplicate_findings(BUNDLED, documents)
    assert sorted(found, key=repr) == sorted(expected, key=repr)
    messages = " | ".join(f.message for f in found)
    assert "% identical" in messages and "of its sentences stand in" in messages
    assert len(found) >= 5
