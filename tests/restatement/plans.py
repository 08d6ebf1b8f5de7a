"""The real plans restatement tests read: a parent and a child of the example lineage
(examples/lineage/corpus) or of the test corpus (evaluation/test/corpus) compared, each pair
once per test session."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from policydiff.corpus import load_corpus
from policydiff.restatement.compare import Comparison, Restated, compare_documents
from policydiff.themes.catalogue import corpus_catalogue

ROOT = Path(__file__).parents[2]
EXAMPLE = ROOT / "examples" / "lineage" / "corpus"
HELD = ROOT / "evaluation" / "test" / "corpus"
MINISTRY = "2022-chengxiangjianshe-tandafeng"


@cache
def compared(corpus_path: Path, parent_id: str, child_id: str) -> Comparison:
    corpus = load_corpus(corpus_path)
    parent, child = corpus.get(parent_id), corpus.get(child_id)
    assert parent is not None and child is not None
    return compare_documents(parent, child, corpus_catalogue(corpus_path))


def restated(corpus_path: Path, parent_id: str, child_id: str, clause: str) -> Restated:
    """The verdict on the parent's clause whose text is ``clause``."""
    comparison = compared(corpus_path, parent_id, child_id)
    return next(r for r in comparison.commitments if r.parent.text == clause)
