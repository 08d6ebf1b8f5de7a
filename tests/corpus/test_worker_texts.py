"""Workers that see the corpus read the texts themselves; the result does not change."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from policydiff.analysis.build import build_evolution
from policydiff.analysis.evolution_json import evolution_json_bytes
from policydiff.corpus import load_corpus
from policydiff.corpus.texts import text_location, with_texts, without_texts
from policydiff.errors import CorpusError
from policydiff.runtime.engine import LocalEngine
from tests.conftest import BUNDLED, DOC_2021


@dataclass
class ReadingEngine:
    """A local engine whose workers read the texts under ``root``; it records every
    batch of tasks it is given."""

    root: str
    name: str = "reading"
    batches: list[list[Any]] = field(default_factory=list)

    def map(self, function: Callable[[Any, Any], Any], items: Sequence[Any], shared: Any) -> list:
        self.batches.append(list(items))
        return LocalEngine().map(function, items, shared)

    def texts_root(self, corpus_path: Path) -> str | None:
        return self.root


def test_a_document_sent_without_its_texts_is_read_back_whole(tmp_path: Path) -> None:
    document = load_corpus(BUNDLED).get(DOC_2021)
    assert document is not None
    bare, texts = without_texts(document, str(BUNDLED))
    assert all(v.text == "" for v in bare.versions)
    assert with_texts(bare, texts) == document
    url = BUNDLED.resolve().as_uri()  # file:///…: fsspec reads it as it reads s3://
    assert with_texts(bare, without_texts(document, url)[1]) == document
    copy = tmp_path / "corpus"
    shutil.copytree(BUNDLED, copy)
    changed = copy / DOC_2021 / "en.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nOne more line.\n", "utf-8")
    with pytest.raises(CorpusError, match="another text"):
        with_texts(bare, without_texts(document, str(copy))[1])
    assert text_location(url, DOC_2021, "en") == f"{url}/{DOC_2021}/en.txt"


def test_workers_that_read_the_texts_give_the_same_evolution(tmp_path: Path) -> None:
    corpus = load_corpus(BUNDLED)
    expected = evolution_json_bytes(build_evolution(corpus))
    engine = ReadingEngine(str(BUNDLED))
    assert evolution_json_bytes(build_evolution(corpus, engine=engine)) == expected
    [tasks] = engine.batches
    assert len(tasks) == len(corpus.documents)
    assert all(v.text == "" for task in tasks for v in task[0].versions)


def test_a_document_the_workers_see_otherwise_is_sent_with_its_texts(tmp_path: Path) -> None:
    copy = tmp_path / "corpus"
    shutil.copytree(BUNDLED, copy)
    changed = copy / DOC_2021 / "zh.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("大力", "积极"), "utf-8")
    corpus = load_corpus(BUNDLED)
    engine = ReadingEngine(str(copy))
    result = evolution_json_bytes(build_evolution(corpus, engine=engine))
    assert result == evolution_json_bytes(build_evolution(corpus))
    _first, resent = engine.batches
    assert [task[0].id for task in resent] == [DOC_2021]
    assert all(v.text for v in resent[0][0].versions)
