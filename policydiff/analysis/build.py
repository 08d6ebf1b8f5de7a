"""Building the evolution of a corpus: every document analysed, in order, once.

Each document's analysis (its versions structured, every theme mention scored, the
provision pairing of its Chinese original and English translation) is a pure function
of the document, the catalogue and the lexicon. :func:`build_evolution` looks each one
up in the analysis cache first (:mod:`.cache`), analyses the rest in worker processes
(:mod:`policydiff.runtime.pool`) and assembles the points and changes in timeline
order, so the result is the same whatever the cache holds and however many processes
ran.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any, TypeVar, cast, overload

from policydiff.analysis.agreement import Agreement, AgreementCase, agreement_cases
from policydiff.analysis.cache import AnalysisCache, decoded, encode_commitments
from policydiff.analysis.commitments import Commitment, find_commitments, provision_pairs
from policydiff.analysis.digests import analysis_inputs, document_refs
from policydiff.analysis.model import Evolution, Point, ThemeEvolution
from policydiff.analysis.points import (
    DocumentAnalysis,
    absent_point,
    points_of,
    verdicts_in_series,
)
from policydiff.corpus import Corpus
from policydiff.corpus.texts import TextsAt, with_texts, without_texts
from policydiff.models import Document, StructuredVersion, Version
from policydiff.runtime.engine import Engine, LocalEngine, started
from policydiff.strength import Lexicon, load_lexicon
from policydiff.structure import structure_version
from policydiff.themes import Catalogue, load_catalogue

T = TypeVar("T")


def _pairing(document: Document) -> tuple[Version, Version | None]:
    """The scored (primary) version and, when the primary is Chinese and an analysed
    English version exists, that English version (its provisions are paired with the
    primary's)."""
    primary = document.scored_version()
    english = document.version("en")
    keys = {v.key for v in document.analysed_versions()}
    if primary.lang == "zh" and english is not None and english.key in keys:
        return primary, english
    return primary, None


# A version's commitments as the cache holds them: decoded, or the JSON text of its row,
# which the process that analyses the document decodes (a worker, not the caller alone).
Held = tuple[Commitment, ...] | str


def _decoded(cached: dict[str, Held]) -> dict[str, tuple[Commitment, ...]]:
    """The commitments of ``cached`` decoded; a row that does not decode is left out (the
    version is analysed again, and the row overwritten)."""
    out: dict[str, tuple[Commitment, ...]] = {}
    for key, held in cached.items():
        found = decoded(held)
        if found is not None:
            out[key] = found
    return out


@dataclass(frozen=True)
class _Lookup:
    """What the cache holds for one document: the commitments of its analysed versions
    (version key -> commitments, see :data:`Held`), the cache key of every analysed
    version, and the provision pairing (None when not cached) with its cache key."""

    cached: dict[str, Held]
    keys: dict[str, str]
    pairs: dict[str, str] | None = None
    pairs_key: str | None = None


def _cached(
    document: Document, catalogue: Catalogue, lexicon: Lexicon, cache: AnalysisCache | None
) -> _Lookup:
    if cache is None:
        return _Lookup({}, {})
    found: dict[str, Held] = {}
    keys: dict[str, str] = {}
    for version in document.analysed_versions():
        key = cache.commitments_key(document.id, version, catalogue, lexicon)
        keys[version.key] = key
        hit = cache.get_commitments_undecoded(key)
        if hit is not None:
            found[version.key] = hit
    primary, english = _pairing(document)
    pairs = pairs_key = None
    if english is not None:
        pairs_key = cache.pairs_key(document.id, primary, english)
        pairs = cache.get_pairs(pairs_key)
    return _Lookup(found, keys, pairs, pairs_key)


def _store(
    cache: AnalysisCache | None, document: Document, lookup: _Lookup, computed: _Computed
) -> None:
    if cache is None:
        return
    commitments, pairs, counts = computed
    for version_key, found in commitments.items():
        cache.put_commitments(lookup.keys[version_key], found)
    if pairs is not None and lookup.pairs_key is not None:
        cache.put_pairs(lookup.pairs_key, pairs)
    for version in document.versions:
        if version.key in counts:
            cache.put_counts(cache.counts_key(version), counts[version.key])


# What one document's analysis computed (not found in the cache): version key ->
# commitments (as the cache's rows once the worker has encoded them: _Computed), the
# provision pairing (None when taken from the cache or not needed), and
# version key -> (provisions, sentences) of each version it structured (the overview's
# counts, kept so that the report need not structure them again).
_Analysed = tuple[
    dict[str, tuple[Commitment, ...]], dict[str, str] | None, dict[str, tuple[int, int]]
]
_Computed = tuple[dict[str, str], dict[str, str] | None, dict[str, tuple[int, int]]]


# One document's part of the evolution: its present points (theme id -> point, see
# points_of) and the agreement cases between its original and its translation.
_Outcome = tuple[dict[str, T], list[AgreementCase]]


def _analyse_document(
    document: Document,
    catalogue: Catalogue,
    lexicon: Lexicon,
    cached: dict[str, tuple[Commitment, ...]],
    cached_pairs: dict[str, str] | None = None,
) -> tuple[DocumentAnalysis, list[AgreementCase], _Analysed]:
    """Analyse one document, taking the commitments of versions in ``cached`` (and the
    provision pairing ``cached_pairs``) as given; also returns what was computed here.

    A version is structured only when its commitments or the pairing must be computed."""
    versions = document.analysed_versions()
    primary, english = _pairing(document)
    structured: dict[str, StructuredVersion] = {}

    def structure(version: Version) -> StructuredVersion:
        if version.key not in structured:
            structured[version.key] = structure_version(document.id, version)
        return structured[version.key]

    computed: dict[str, tuple[Commitment, ...]] = {}
    for v in versions:
        if v.key not in cached:
            computed[v.key] = find_commitments(structure(v), catalogue, lexicon)
    commitments = tuple(
        c for v in versions for c in (cached[v.key] if v.key in cached else computed[v.key])
    )
    pairs: dict[str, str] = {}
    new_pairs: dict[str, str] | None = None
    cases: list[AgreementCase] = []
    if english is not None:
        if cached_pairs is None:
            pairs = new_pairs = provision_pairs(structure(primary), structure(english))
        else:
            pairs = cached_pairs
        zh = [c for c in commitments if c.mention.version_key == primary.key]
        en = [c for c in commitments if c.mention.version_key == english.key]
        cases = agreement_cases(document.id, zh, en, pairs)
    order = {v.key: i for i, v in enumerate(document.versions)}
    analysis = DocumentAnalysis(document, primary.key, commitments, pairs, order)
    counts = {key: (len(s.provisions), len(s.sentences)) for key, s in structured.items()}
    return analysis, cases, (computed, new_pairs, counts)


# One document's task: the document (without its texts when the worker reads them, see
# :mod:`policydiff.corpus.texts`, or when the cache answers all of it), what the cache
# holds of it, whether to send back what is computed, where the worker reads the texts
# (None: they are in the document, or left out) and whether they were left out.
_Task = tuple[Document, dict[str, Held], dict[str, str] | None, bool, TextsAt | None, bool]


_Result = tuple[dict[str, T], list[AgreementCase], _Computed]


def _as_is(point: Point) -> Point:
    return point


@overload
def _analyse_task(task: _Task, shared: tuple[Catalogue, Lexicon]) -> _Result[Point] | None: ...


@overload
def _analyse_task(
    task: _Task, shared: tuple[Catalogue, Lexicon], finish: Callable[[Point], T]
) -> _Result[T] | None: ...


def _analyse_task(
    task: _Task, shared: tuple[Catalogue, Lexicon], finish: Callable[[Point], Any] = _as_is
) -> _Result[Any] | None:
    """:func:`_analyse_document` of one document and its points, as a worker process runs
    it (or this one, for a document the cache answers). The points are worked out here
    too, in parallel, each passed through ``finish`` (see :func:`start_analysis_as`), and
    the document is not sent back: the calling process has it; nor
    are the computed commitments unless ``keep`` says a cache keeps them. None when the
    worker was to read the texts and cannot read the very texts the caller holds: the
    caller sends them; None too when the document came without texts, the cache
    answering all of it, and a cached row does not decode: the caller sends the texts."""
    document, held, cached_pairs, keep, texts, bare = task
    cached = _decoded(held)
    if texts is not None:
        try:
            document = with_texts(document, texts)
        except Exception:  # unreadable there for any reason (no backend, a bad URL): sent
            return None
    elif bare and not _complete(document, _Lookup(dict(cached), {}, cached_pairs)):
        return None
    catalogue, lexicon = shared
    analysis, cases, analysed = _analyse_document(
        document, catalogue, lexicon, cached, cached_pairs
    )
    # the cache's rows are encoded here, in parallel, and travel back as text: smaller
    # to send than the commitments, and the calling process only stores them
    rows = {key: encode_commitments(found) for key, found in analysed[0].items()} if keep else {}
    computed: _Computed = (rows, *analysed[1:])
    points = {theme_id: finish(point) for theme_id, point in points_of(analysis).items()}
    return points, cases, computed


def _without_texts(document: Document) -> Document:
    """The document as sent to a worker when the cache answers all of it: its texts,
    which the worker does not read, are left out."""
    return replace(document, versions=tuple(replace(v, text="") for v in document.versions))


def _complete(document: Document, lookup: _Lookup) -> bool:
    """Whether the cache holds everything the document's analysis needs."""
    if any(v.key not in lookup.cached for v in document.analysed_versions()):
        return False
    return _pairing(document)[1] is None or lookup.pairs is not None


def start_analysis(
    documents: Sequence[Document],
    catalogue: Catalogue,
    lexicon: Lexicon,
    cache: AnalysisCache | None,
    engine: Engine,
    corpus_path: Path | None = None,
) -> Callable[[], list[_Outcome[Point]]]:
    """:func:`start_analysis_as` with the points as they are."""
    return start_analysis_as(_as_is, documents, catalogue, lexicon, cache, engine, corpus_path)


def start_analysis_as(
    finish: Callable[[Point], T],
    documents: Sequence[Document],
    catalogue: Catalogue,
    lexicon: Lexicon,
    cache: AnalysisCache | None,
    engine: Engine,
    corpus_path: Path | None = None,
) -> Callable[[], list[_Outcome[T]]]:
    """Every document's outcome, in corpus order, each document analysed by ``engine``
    (in worker processes, or on a Dask cluster), one task each. A document the cache
    answers in full goes without its texts, with the cache's rows undecoded: its worker
    decodes them and assembles its points without structuring any text. Workers that see
    the corpus at ``corpus_path`` (or where the engine says) read the other documents'
    texts there themselves.

    Begun, not finished: the tasks are sent to the engine now, and the returned function
    waits for them and returns the outcomes, so that this process can work meanwhile (on
    the batch before: :mod:`.stream`). The cache is read and written here, in the calling
    process, only: read now, written when the outcomes are asked for.

    Each point is passed through ``finish`` (a module-level function) where it is worked
    out, in the worker: the form the caller keeps it in (pickled for a spill) is then
    made in parallel too."""
    lookups = [_cached(d, catalogue, lexicon, cache) for d in documents]
    answered = [_complete(d, lookup) for d, lookup in zip(documents, lookups, strict=True)]
    # what nothing will keep is not sent back from the workers: without a cache that keeps
    # them, every computed commitment (more than the points) would be pickled for nothing
    keep = cache is not None and cache.keeps_commitments
    texts_root = getattr(engine, "texts_root", None)  # engines written before it have none
    reads = corpus_path is not None and not all(answered)
    root = texts_root(corpus_path) if texts_root and reads else None
    tasks: list[_Task] = []
    for document, lookup, whole in zip(documents, lookups, answered, strict=True):
        if whole:
            sent, texts = _without_texts(document), None
        elif root:
            sent, texts = without_texts(document, root)
        else:
            sent, texts = document, None
        tasks.append((sent, lookup.cached, lookup.pairs, keep, texts, whole))
    # the overload that takes ``finish`` (a partial is typed by the first one)
    task = cast(
        Callable[[_Task, tuple[Catalogue, Lexicon]], _Result[T] | None],
        partial(_analyse_task, finish=finish),
    )
    running = started(engine, task, tasks, (catalogue, lexicon))

    def outcomes() -> list[_Outcome[T]]:
        done = running()
        unread = [k for k, result in enumerate(done) if result is None]
        noted = getattr(engine, "texts_sent", None)  # engines written before it have none
        if noted is not None and root is not None:
            reading = [k for k, sent in enumerate(tasks) if sent[4] is not None]
            noted(root, len(set(unread) & set(reading)), len(reading))
        if unread:  # texts the workers could not read, or cached rows that do not decode
            resent: list[_Task] = [
                (documents[k], tasks[k][1], tasks[k][2], keep, None, False) for k in unread
            ]
            again = engine.map(task, resent, (catalogue, lexicon))
            for k, result in zip(unread, again, strict=True):
                done[k] = result
        out: list[_Outcome[T]] = []
        for document, lookup, found in zip(documents, lookups, done, strict=True):
            assert found is not None  # the texts were in the task
            points, cases, computed = found
            _store(cache, document, lookup, computed)
            out.append((points, cases))
        return out

    return outcomes


def _theme_evolution(
    theme_id: str, label: str, label_zh: str, points: Sequence[Point], series: Sequence[str]
) -> ThemeEvolution:
    changes, since_last = verdicts_in_series(points, series)
    return ThemeEvolution(theme_id, label, label_zh, tuple(points), changes, since_last)


def build_evolution(
    corpus: Corpus,
    catalogue: Catalogue | None = None,
    lexicon: Lexicon | None = None,
    *,
    include_absent: bool = False,
    cache: AnalysisCache | None = None,
    jobs: int = 1,
    pool: Executor | None = None,
    engine: Engine | None = None,
) -> Evolution:
    """The evolution of every theme over the corpus's documents, in timeline order.

    Themes never mentioned anywhere are left out unless ``include_absent``. With a
    ``cache`` (:mod:`.cache`), each version's commitments are looked up by
    text, catalogue and lexicon before being scored; the result is the same either way.
    With ``jobs`` > 1 (0: one per CPU) the documents are analysed in that many worker
    processes (those of ``pool`` when given, see :func:`policydiff.runtime.pool.start_pool`); the
    result is identical to a single process. ``engine`` (see
    :mod:`policydiff.runtime.engine`), when given, runs the documents' analyses instead of
    ``jobs`` and ``pool``: on a Dask cluster, with the same result.
    """
    catalogue = catalogue or load_catalogue()
    lexicon = lexicon or load_lexicon()
    present: list[dict[str, Point]] = []
    cases: list[AgreementCase] = []
    runner = engine or LocalEngine(jobs, pool)
    outcomes = start_analysis(corpus.documents, catalogue, lexicon, cache, runner, corpus.path)
    for points_of_document, document_cases in outcomes():
        present.append(points_of_document)
        cases.extend(document_cases)
    absent = [absent_point(d) for d in corpus.documents]
    refs = document_refs(corpus.documents)
    series = [r.series for r in refs]
    themes = []
    for theme in catalogue.themes:
        points = [
            held.get(theme.id) or missing for held, missing in zip(present, absent, strict=True)
        ]
        if include_absent or any(p.present for p in points):
            themes.append(_theme_evolution(theme.id, theme.label, theme.label_zh, points, series))
    return Evolution(
        refs,
        tuple(themes),
        Agreement(tuple(cases)),
        analysis_inputs(catalogue, lexicon),
    )
