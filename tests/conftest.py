"""Fixtures shared by every test: the repository, the raw seeds and the bundled corpus."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from policydiff.corpus import Corpus, load_corpus
from policydiff.models import Document, StructuredVersion, Version
from policydiff.structure import structure_version

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "tests" / "data" / "seeds"
BUNDLED = REPO / "corpus"

SEED_2021_EN = SEEDS / "000_a79beb709a5b3477.txt"
SEED_2021_ZH = SEEDS / "001_f82538c24fddc7d2.txt"
SEED_2025_EN = SEEDS / "002_7cdbb63ef07590fe.txt"
SEED_2021_EN_PARTIAL = SEEDS / "003_9cb47a5805331d04.txt"
SEED_2023_EN = SEEDS / "004_e65841712e543070.txt"

DOC_2021 = "2021-green-development-urban"
DOC_2023 = "2023-construction-beautiful-china"
DOC_2025 = "2025-high-quality-development-cities"


def shanghai_plan(doc_id: str, date: str, body: str) -> Document:
    """A provincial plan of Shanghai's (its own series) whose one task section says ``body``."""
    text = f"一、重点任务\n（一）城市建设\n{body}\n"
    version = Version("zh", "zh", "original", True, "test", text)
    return Document(
        doc_id, doc_id, ("上海市人民政府",), dt.date.fromisoformat(date), (version,),
        level="provincial", jurisdiction="上海市",
    )  # fmt: skip


@pytest.fixture(scope="session")
def bundled_corpus() -> Corpus:
    return load_corpus(BUNDLED)


@pytest.fixture(scope="session")
def synthetic_60(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A corpus of 60 synthetic documents (``benchmarks/synthetic.py``), more than a
    table shows side by side, a third of them bilingual: built once for the session."""
    from benchmarks.synthetic import build_corpus

    path = tmp_path_factory.mktemp("synthetic") / "corpus"
    build_corpus(60, path)
    return path


@pytest.fixture(scope="session")
def structured(bundled_corpus: Corpus) -> dict[tuple[str, str], StructuredVersion]:
    """Every version of the bundled corpus parsed, keyed by (document id, version key)."""
    return {
        (document.id, version.key): structure_version(document.id, version)
        for document in bundled_corpus.documents
        for version in document.versions
    }


LINEAGE = REPO / "examples" / "lineage" / "corpus"
LINEAGE_RAW = REPO / "examples" / "lineage" / "raw"
LINEAGE_PARENT = "2022-chengxiangjianshe-tandafeng"
