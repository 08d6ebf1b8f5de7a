"""The SQLite analysis cache: lossless JSON round trip, same output, never trusted."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from pathlib import Path

import pytest

import policydiff.analysis.build as build
from policydiff.analysis.build import build_evolution
from policydiff.analysis.cache import COMMITMENTS, COUNTS, AnalysisCache, decode_commitments
from policydiff.analysis.codec import commitments_from_json, commitments_to_json
from policydiff.analysis.commitments import Commitment, find_commitments
from policydiff.analysis.evolution_json import evolution_json
from policydiff.cache import KeyValueStore, cache_path_for
from policydiff.corpus import Corpus
from policydiff.models import Version
from policydiff.strength import load_lexicon
from policydiff.themes import load_catalogue
from tests.conftest import DOC_2021


@pytest.fixture
def scored(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The version keys whose commitments an evolution computed (not found in a cache)."""
    calls: list[str] = []

    def counting(structured, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(structured.version.key)
        return find_commitments(structured, *args, **kwargs)

    monkeypatch.setattr(build, "find_commitments", counting)
    return calls


def _analysed_keys(corpus: Corpus, cache: AnalysisCache) -> list[str]:
    catalogue, lexicon = load_catalogue(), load_lexicon()
    return [
        cache.commitments_key(d.id, v, catalogue, lexicon)
        for d in corpus.documents
        for v in d.versions
        if v.complete
    ]


def test_cache_lives_next_to_the_corpus(tmp_path: Path) -> None:
    assert cache_path_for(tmp_path / "corpus") == tmp_path / ".policydiff" / "cache.sqlite"


def test_commitments_round_trip_through_json(structured) -> None:
    catalogue, lexicon = load_catalogue(), load_lexicon()
    total = 0
    for version in structured.values():
        found = find_commitments(version, catalogue, lexicon)
        assert commitments_from_json(json.loads(json.dumps(commitments_to_json(found)))) == found
        total += len(found)
    assert total > 100


def test_evolution_is_byte_identical_with_and_without_cache(
    bundled_corpus: Corpus, tmp_path: Path, scored: list[str]
) -> None:
    expected = evolution_json(build_evolution(bundled_corpus))
    path = tmp_path / "cache.sqlite"
    for hits in (0, 4):
        scored.clear()
        with AnalysisCache(KeyValueStore(path)) as cache:
            assert evolution_json(build_evolution(bundled_corpus, cache=cache)) == expected
            assert len(scored) == 4 - hits


def test_a_memory_cache_answers_a_second_evolution_in_the_same_process(
    bundled_corpus: Corpus, scored: list[str]
) -> None:
    # what an unwritable folder falls back to; it holds commitments as objects
    expected = evolution_json(build_evolution(bundled_corpus))
    with AnalysisCache() as cache:
        for hits in (0, 4):
            scored.clear()
            assert evolution_json(build_evolution(bundled_corpus, cache=cache)) == expected
            assert len(scored) == 4 - hits
        held = [cache.get_commitments(k) for k in _analysed_keys(bundled_corpus, cache)]
        assert len(held) == 4 and all(h is not None for h in held)
        assert cache.store.count(COMMITMENTS) == 0  # held as objects, not encoded


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_disabled_cache_keeps_counts_but_no_commitments(
    bundled_corpus: Corpus, jobs: int
) -> None:
    # what --no-cache uses: one evolution per run, so commitments would never be asked again
    expected = evolution_json(build_evolution(bundled_corpus))
    with AnalysisCache(keep_commitments=False) as cache:
        for _ in range(2):
            got = build_evolution(bundled_corpus, cache=cache, jobs=jobs)
            assert evolution_json(got) == expected
        versions = [v for d in bundled_corpus.documents for v in d.versions]
        key = cache.commitments_key(DOC_2021, versions[0], load_catalogue(), load_lexicon())
        cache.put_commitments(key, ())
        assert cache.get_commitments(key) is None
        assert all(cache.get_commitments(k) is None for k in _analysed_keys(bundled_corpus, cache))
        assert cache.store.count(COMMITMENTS) == 0
        counted = [v for v in versions if cache.get_counts(cache.counts_key(v)) is not None]
        assert len(counted) == 4  # every version analysed: the overview reads these


def test_workers_send_back_commitments_only_for_a_cache_that_keeps_them(
    bundled_corpus: Corpus,
) -> None:
    from policydiff.analysis.build import _analyse_task

    shared = (load_catalogue(), load_lexicon())
    document = bundled_corpus.get(DOC_2021)
    assert document is not None
    kept = _analyse_task((document, {}, None, True, None, False), shared)
    dropped = _analyse_task((document, {}, None, False, None, False), shared)
    assert kept is not None and dropped is not None
    assert kept[:2] == dropped[:2]  # the same points and agreement cases
    # as the cache's rows, encoded in the worker
    rows = [decode_commitments(row) for row in kept[2][0].values()]
    assert sum(len(found or ()) for found in rows) > 100 and dropped[2][0] == {}
    assert kept[2][1:] == dropped[2][1:]  # pairs and counts still go back


def test_a_document_the_cache_answers_goes_without_texts_and_its_rows_undecoded(
    bundled_corpus: Corpus, tmp_path: Path
) -> None:
    from policydiff.analysis.build import _analyse_task, _without_texts, start_analysis
    from policydiff.runtime.engine import LocalEngine

    catalogue, lexicon = load_catalogue(), load_lexicon()
    documents = list(bundled_corpus.documents)
    with AnalysisCache(KeyValueStore(tmp_path / "cache.sqlite")) as cache:
        first = start_analysis(documents, catalogue, lexicon, cache, LocalEngine())()
        sent: list[tuple] = []

        class Recording(LocalEngine):
            def start(self, function, items, shared):  # type: ignore[no-untyped-def]
                sent.extend(items)
                return super().start(function, items, shared)

        again = start_analysis(documents, catalogue, lexicon, cache, Recording())()
        assert again == first
        # every document went without its texts, each row as the cache's JSON text
        assert all(task[5] and not any(v.text for v in task[0].versions) for task in sent)
        assert all(isinstance(held, str) for task in sent for held in task[1].values())
        # a row that does not decode cannot be analysed without the texts: sent again
        document = documents[0]
        task = sent[0]
        broken = {key: "{not json" for key in task[1]}
        shared = (catalogue, lexicon)
        assert _analyse_task((_without_texts(document), broken, *task[2:]), shared) is None
        whole = _analyse_task((document, broken, task[2], task[3], None, False), shared)
        assert whole is not None and whole[:2] == first[0]


def test_key_changes_with_text_catalogue_and_lexicon(bundled_corpus: Corpus) -> None:
    cache = AnalysisCache()
    document = bundled_corpus.get(DOC_2021)
    assert document is not None
    version = document.versions[0]
    catalogue, lexicon = load_catalogue(), load_lexicon()
    key = cache.commitments_key(document.id, version, catalogue, lexicon)
    edited = dataclasses.replace(version, text=version.text + " More.")
    smaller = dataclasses.replace(catalogue, themes=catalogue.themes[1:])
    tweaked = dataclasses.replace(lexicon, target_bonus=lexicon.target_bonus + 0.25)
    others = {
        cache.commitments_key(document.id, edited, catalogue, lexicon),
        cache.commitments_key(document.id, version, smaller, lexicon),
        cache.commitments_key(document.id, version, catalogue, tweaked),
        cache.commitments_key("another-id", version, catalogue, lexicon),
    }
    assert key not in others and len(others) == 4
    assert cache.commitments_key(document.id, version, load_catalogue(), lexicon) == key


def test_garbage_file_is_deleted_and_rebuilt(bundled_corpus: Corpus, tmp_path: Path) -> None:
    path = tmp_path / ".policydiff" / "cache.sqlite"
    path.parent.mkdir()
    path.write_bytes(b"\xde\xad\xbe\xef not sqlite" * 200)
    with AnalysisCache(KeyValueStore(path)) as cache:
        assert cache.rebuilt and cache.path == path
        build_evolution(bundled_corpus, cache=cache)
    with sqlite3.connect(path) as db:
        query = "SELECT count(*) FROM store WHERE namespace = ?"
        assert db.execute(query, (COMMITMENTS,)).fetchone()[0] == 4


def test_a_row_that_does_not_decode_is_recomputed(
    bundled_corpus: Corpus, tmp_path: Path, scored: list[str]
) -> None:
    path = tmp_path / "cache.sqlite"
    expected = evolution_json(build_evolution(bundled_corpus))
    with AnalysisCache(KeyValueStore(path)) as cache:
        build_evolution(bundled_corpus, cache=cache)
    with sqlite3.connect(path) as db:
        select = "SELECT key FROM store WHERE namespace = ?"
        keys = [row[0] for row in db.execute(select, (COMMITMENTS,))]
        update = "UPDATE store SET value = ? WHERE namespace = ? AND key = ?"
        db.execute(update, ("{not json", COMMITMENTS, keys[0]))
        db.execute(update, ('[{"theme_id": 1}]', COMMITMENTS, keys[1]))
    scored.clear()
    with AnalysisCache(KeyValueStore(path)) as cache:
        assert evolution_json(build_evolution(bundled_corpus, cache=cache)) == expected
        assert len(scored) == 2
    scored.clear()
    with AnalysisCache(KeyValueStore(path)) as cache:
        build_evolution(bundled_corpus, cache=cache)
        assert scored == []


def test_unwritable_cache_folder_falls_back_to_memory(tmp_path: Path) -> None:
    blocker = tmp_path / ".policydiff"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    with KeyValueStore(blocker / "cache.sqlite") as store:
        assert store.path is None and not store.persistent
        store.put_json("ns", "k", [1, 2.5])
        assert store.get_json("ns", "k") == [1, 2.5]


def test_a_row_of_another_shape_is_a_miss_not_an_error(tmp_path: Path) -> None:
    shapes = (
        [{"theme_id": "sponge-cities"}],  # the keyed layout of earlier releases
        {"document": "d", "version": "en", "lang": "en", "rows": [["sponge-cities", "I.1"]]},
        {"document": 1, "version": "en", "lang": "en", "rows": []},
        {"rows": []},
        "text",
    )
    with AnalysisCache(KeyValueStore(tmp_path / "cache.sqlite")) as cache:
        for i, shape in enumerate(shapes):
            cache.store.put_json(COMMITMENTS, f"k{i}", shape)
            assert cache.get_commitments(f"k{i}") is None


def test_a_cold_evolution_keeps_the_counts_the_overview_needs(
    bundled_corpus: Corpus, tmp_path: Path, monkeypatch
) -> None:
    import policydiff.corpus.summary as summary

    catalogue, lexicon = load_catalogue(), load_lexicon()
    with AnalysisCache(KeyValueStore(tmp_path / "cache.sqlite")) as cache:
        build_evolution(bundled_corpus, catalogue, lexicon, cache=cache)
        analysed = [(d.id, v) for d in bundled_corpus.documents for v in d.versions if v.complete]
        for document_id, version in analysed:
            assert cache.get_counts(cache.counts_key(version)) == summary.count_version(
                document_id, version
            )
        # The partial second translation is not analysed, so summarise structures it once.
        fresh = summary.summarise(bundled_corpus)
        assert summary.summarise(bundled_corpus, cache) == fresh
        # ... and from then on nothing is structured: the cache answers every count.
        monkeypatch.setattr(summary, "structure_version", _must_not_structure)
        assert summary.summarise(bundled_corpus, cache) == fresh


def _must_not_structure(*_args: object) -> None:
    raise AssertionError("structured a version the cache should have counted")


def test_counts_of_another_shape_are_a_miss(tmp_path: Path) -> None:
    with AnalysisCache(KeyValueStore(tmp_path / "cache.sqlite")) as cache:
        for bad in ("[1]", "[1, -2]", "[1.5, 2]", '{"a": 1}', "[true, 2]", "not json"):
            cache.store.put(COUNTS, "k", bad)
            assert cache.get_counts("k") is None
        cache.put_counts("k", (3, 14))
        assert cache.get_counts("k") == (3, 14)


def test_rows_put_by_other_code_are_deleted_when_the_cache_is_opened(
    bundled_corpus: Corpus, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    path = cache_path_for(corpus)
    with KeyValueStore(path) as store:
        store.put("commitments", "of a release before namespaces had a digest", "[]")
        store.put("commitments@0123456789abcdef", "of an older release", "[]")
        store.put("counts@fedcba9876543210", "of another install, written last", "[5, 6]")
        store.put("pairs@fedcba9876543210", "of another install, written first", "{}")
        store.put(COUNTS, "of this code", "[1, 2]")
        store.put("check", "another stage's row", "{}")
    with AnalysisCache.for_corpus(corpus) as cache:
        held = cache.store
        assert held.get("commitments@0123456789abcdef", "of an older release") is None
        assert held.get("commitments", "of a release before namespaces had a digest") is None
        assert held.get(COUNTS, "of this code") == "[1, 2]"
        # the other code that wrote last (a second install on this corpus) keeps its rows
        assert held.get("counts@fedcba9876543210", "of another install, written last") == "[5, 6]"
        assert held.get("pairs@fedcba9876543210", "of another install, written first") == "{}"
        # the analysis prunes its own namespaces only
        assert held.get("check", "another stage's row") == "{}"
        document = bundled_corpus.get(DOC_2021)
        assert document is not None
        version = document.versions[0]
        key = cache.commitments_key(document.id, version, load_catalogue(), load_lexicon())
        cache.put_commitments(key, _commitments_of(version))
    with AnalysisCache.for_corpus(corpus) as cache:
        assert cache.get_commitments(key) == _commitments_of(version)


def _commitments_of(version: Version) -> tuple[Commitment, ...]:
    from policydiff.structure import structure_version

    return find_commitments(structure_version("doc", version), load_catalogue())


def test_a_prune_that_cannot_write_leaves_the_cache_readable(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    path = cache_path_for(corpus)
    with KeyValueStore(path) as store:
        store.put("commitments@0123456789abcdef", "old", "[]")
        store.put(COUNTS, "current", "[3, 4]")
    # another run holds a write lock: the prune is skipped, the rows are still read
    other = sqlite3.connect(path)
    other.execute("BEGIN IMMEDIATE")
    try:
        store = KeyValueStore(path)
        store._db.execute("PRAGMA busy_timeout = 100")
        assert store.prune(("commitments", "counts"), (COUNTS,)) == 0
        assert store.get(COUNTS, "current") == "[3, 4]" and not store.problem
        store.close()
    finally:
        other.rollback()
        other.close()
    with KeyValueStore(path) as store:
        # nothing to delete: nothing written
        assert store.prune(("counts",), (COUNTS,)) == 0
