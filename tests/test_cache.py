"""The SQLite analysis cache: lossless JSON round trip, same output, never trusted."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from pathlib import Path

import pytest

from policydiff.cache import (
    AnalysisCache,
    cache_path_for,
    commitments_from_json,
    commitments_to_json,
)
from policydiff.commitments import find_commitments
from policydiff.corpus import Corpus
from policydiff.evolution import build_evolution
from policydiff.render.evolution_json import evolution_json
from policydiff.strength import load_lexicon
from policydiff.themes import load_catalogue
from tests.conftest import DOC_2021


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
    bundled_corpus: Corpus, tmp_path: Path
) -> None:
    expected = evolution_json(build_evolution(bundled_corpus))
    path = tmp_path / "cache.sqlite"
    for hits in (0, 4):
        with AnalysisCache(path) as cache:
            assert evolution_json(build_evolution(bundled_corpus, cache=cache)) == expected
            assert (cache.hits, cache.misses) == (hits, 4 - hits)


def test_a_memory_cache_answers_a_second_evolution_in_the_same_process(
    bundled_corpus: Corpus,
) -> None:
    # what --no-cache and an unwritable folder use; it holds commitments as objects
    expected = evolution_json(build_evolution(bundled_corpus))
    with AnalysisCache(None) as cache:
        for hits in (0, 4):
            assert evolution_json(build_evolution(bundled_corpus, cache=cache)) == expected
            assert (cache.hits, cache.misses) == (hits, 4)
        assert len(cache) == 4


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_disabled_cache_keeps_counts_but_no_commitments(
    bundled_corpus: Corpus, jobs: int
) -> None:
    # what --no-cache uses: one evolution per run, so commitments would never be asked again
    expected = evolution_json(build_evolution(bundled_corpus))
    with AnalysisCache(None, keep_commitments=False) as cache:
        for _ in range(2):
            got = build_evolution(bundled_corpus, cache=cache, jobs=jobs)
            assert evolution_json(got) == expected
        versions = [v for d in bundled_corpus.documents for v in d.versions]
        key = cache.commitments_key(DOC_2021, versions[0], load_catalogue(), load_lexicon())
        cache.put_commitments(key, ())
        assert cache.get_commitments(key) is None
        assert (cache.hits, cache.misses, len(cache)) == (0, 9, 0)
        counted = [v for v in versions if cache.get_counts(cache.counts_key(v)) is not None]
        assert len(counted) == 4  # every version analysed: the overview reads these


def test_workers_send_back_commitments_only_for_a_cache_that_keeps_them(
    bundled_corpus: Corpus,
) -> None:
    from policydiff.evolution import _analyse_task

    shared = (load_catalogue(), load_lexicon())
    document = bundled_corpus.get(DOC_2021)
    assert document is not None
    kept = _analyse_task((document, {}, None, True), shared)
    dropped = _analyse_task((document, {}, None, False), shared)
    assert kept[:2] == dropped[:2]  # the same points and agreement cases
    assert sum(map(len, kept[2][0].values())) > 100 and dropped[2][0] == {}
    assert kept[2][1:] == dropped[2][1:]  # pairs and counts still go back


def test_key_changes_with_text_catalogue_and_lexicon(bundled_corpus: Corpus) -> None:
    cache = AnalysisCache(None)
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
    with AnalysisCache(path) as cache:
        assert cache.rebuilt and cache.path == path
        build_evolution(bundled_corpus, cache=cache)
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM entries").fetchone()[0] == 4


def test_a_row_that_does_not_decode_is_recomputed(bundled_corpus: Corpus, tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite"
    expected = evolution_json(build_evolution(bundled_corpus))
    with AnalysisCache(path) as cache:
        build_evolution(bundled_corpus, cache=cache)
    with sqlite3.connect(path) as db:
        keys = [row[0] for row in db.execute("SELECT key FROM entries")]
        db.execute("UPDATE entries SET value = '{not json' WHERE key = ?", (keys[0],))
        db.execute("UPDATE entries SET value = '[{\"theme_id\": 1}]' WHERE key = ?", (keys[1],))
    with AnalysisCache(path) as cache:
        assert evolution_json(build_evolution(bundled_corpus, cache=cache)) == expected
        assert (cache.hits, cache.misses) == (2, 2)
    with AnalysisCache(path) as cache:
        build_evolution(bundled_corpus, cache=cache)
        assert cache.misses == 0


def test_unwritable_cache_folder_falls_back_to_memory(tmp_path: Path) -> None:
    blocker = tmp_path / ".policydiff"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    with AnalysisCache(blocker / "cache.sqlite") as cache:
        assert cache.path is None
        cache.put_json("k", [1, 2.5])
        assert cache.get_json("k") == [1, 2.5]


def test_a_row_of_another_shape_is_a_miss_not_an_error(tmp_path: Path) -> None:
    shapes = (
        [{"theme_id": "sponge-cities"}],  # the keyed layout of earlier releases
        {"document": "d", "version": "en", "lang": "en", "rows": [["sponge-cities", "I.1"]]},
        {"document": 1, "version": "en", "lang": "en", "rows": []},
        {"rows": []},
        "text",
    )
    with AnalysisCache(tmp_path / "cache.sqlite") as cache:
        for i, shape in enumerate(shapes):
            cache.put_json(f"k{i}", shape)
            assert cache.get_commitments(f"k{i}") is None
        assert cache.misses == len(shapes) and cache.hits == 0


def test_a_cold_evolution_keeps_the_counts_the_overview_needs(
    bundled_corpus: Corpus, tmp_path: Path, monkeypatch
) -> None:
    import policydiff.summary as summary

    catalogue, lexicon = load_catalogue(), load_lexicon()
    with AnalysisCache(tmp_path / "cache.sqlite") as cache:
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
    with AnalysisCache(tmp_path / "cache.sqlite") as cache:
        for bad in ("[1]", "[1, -2]", "[1.5, 2]", '{"a": 1}', "[true, 2]", "not json"):
            cache.put("k", bad, "counts")
            assert cache.get_counts("k") is None
        cache.put_counts("k", (3, 14))
        assert cache.get_counts("k") == (3, 14)
