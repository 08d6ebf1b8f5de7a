"""Theme evolution: for each theme, its point in every document and the verdict between them.

A point is what one document says about a theme: present or not, and, when
present, the strength of its strongest commitment, scored on the Chinese
original where the corpus holds one (the English beside it), with every
mention as evidence. A change is the verdict between two points:

==============  ============================================================
strengthened    present in both, strength rose by at least VERDICT_STEP
weakened        present in both, strength fell by at least VERDICT_STEP
unchanged       present in both, strength moved less than VERDICT_STEP
added           absent, then present
dropped         present, then absent
absent          absent in both
==============  ============================================================

Verdicts mirror: A→B strengthened is B→A weakened, added is dropped, and the
rest are their own mirror. Besides consecutive documents, each present point is
compared with the theme's last earlier present point (``since_last``), so a
theme that skips a document is still compared across the gap.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Sequence
from concurrent.futures import Executor
from dataclasses import dataclass

from policydiff import __version__
from policydiff.cache import AnalysisCache, fingerprint, sha256
from policydiff.commitments import (
    Agreement,
    Commitment,
    agreement_cases,
    counterpart,
    find_commitments,
    provision_pairs,
    strongest,
)
from policydiff.corpus import Corpus
from policydiff.jobs import map_in_processes
from policydiff.models import Document, StructuredVersion, Version
from policydiff.strength import Lexicon, load_lexicon
from policydiff.structure import structure_version
from policydiff.themes import Catalogue, load_catalogue

# Half a level: one manner step (大力推广 3.5 -> 规模化发展 4.0) or one dated target.
VERDICT_STEP = 0.5
VERDICTS = ("strengthened", "weakened", "unchanged", "added", "dropped", "absent")
STRENGTH_MOVES = ("strengthened", "weakened")  # the verdicts where strength moved
MIRROR = {
    "strengthened": "weakened",
    "weakened": "strengthened",
    "added": "dropped",
    "dropped": "added",
    "unchanged": "unchanged",
    "absent": "absent",
}


@dataclass(frozen=True)
class DocumentRef:
    id: str
    title: str
    date: str
    languages: tuple[str, ...]
    digest: str = ""  # of everything of the document the evolution reads (document_digest)


@dataclass(frozen=True)
class TargetRef:
    text: str
    value: float | None
    unit: str
    year: int | None


@dataclass(frozen=True)
class Evidence:
    lang: str
    version: str
    provision: str
    location: str
    sentence: str
    matched: str
    span: tuple[int, int]
    cue: str
    level: str
    strength: float
    restriction: bool
    negated: bool
    caveats: tuple[str, ...]


@dataclass(frozen=True)
class Point:
    document: str
    date: str
    present: bool
    strength: float | None
    level: str | None
    cue: str | None
    lang: str | None  # the language the strength was scored in
    cue_en: str | None  # the English rendering of the cue, when scored on the original
    mentions: int
    evidence: tuple[Evidence, ...]
    targets: tuple[TargetRef, ...]
    caveats: tuple[str, ...]


@dataclass(frozen=True)
class Change:
    from_document: str
    to_document: str
    verdict: str
    from_cue: str | None
    to_cue: str | None
    delta: float | None
    skipped: tuple[str, ...] = ()  # documents in between that do not mention the theme


@dataclass(frozen=True)
class ThemeEvolution:
    id: str
    label: str
    label_zh: str
    points: tuple[Point, ...]
    changes: tuple[Change, ...]
    since_last: tuple[Change, ...]

    @property
    def present_in(self) -> int:
        return sum(p.present for p in self.points)


@dataclass(frozen=True)
class Inputs:
    """What else an evolution was computed from, besides its documents' digests: the
    policydiff version and digests of the catalogue and lexicon as loaded. Together they
    let ``policydiff check`` tell a current report from a stale one without recomputing
    it."""

    policydiff: str
    catalogue: str
    lexicon: str


def analysis_inputs(catalogue: Catalogue, lexicon: Lexicon) -> Inputs:
    return Inputs(__version__, fingerprint(catalogue), fingerprint(lexicon))


def document_digest(document: Document) -> str:
    """sha256 of what the evolution reads of a document: id, title, date and each
    version's key, language, kind, completeness and text."""
    parts = [document.id, document.title, document.date.isoformat()]
    for v in document.versions:
        parts += [v.key, v.lang, v.kind, str(v.complete), sha256(v.text)]
    return sha256("\0".join(parts))


def document_refs(documents: Sequence[Document]) -> tuple[DocumentRef, ...]:
    return tuple(
        DocumentRef(d.id, d.title, d.date.isoformat(), d.languages, document_digest(d))
        for d in documents
    )


@dataclass(frozen=True)
class Evolution:
    documents: tuple[DocumentRef, ...]
    themes: tuple[ThemeEvolution, ...]
    agreement: Agreement
    inputs: Inputs | None = None

    @functools.cached_property
    def documents_by_id(self) -> dict[str, DocumentRef]:
        # renderers look a point's document up once per point: built once per evolution
        return {d.id: d for d in self.documents}

    def theme(self, theme_id: str) -> ThemeEvolution | None:
        return next((t for t in self.themes if t.id == theme_id), None)


def verdict(before: Point, after: Point) -> tuple[str, float | None]:
    if not before.present and not after.present:
        return "absent", None
    if not before.present:
        return "added", None
    if not after.present:
        return "dropped", None
    assert before.strength is not None and after.strength is not None
    delta = round(after.strength - before.strength, 2)
    if delta >= VERDICT_STEP:
        return "strengthened", delta
    if delta <= -VERDICT_STEP:
        return "weakened", delta
    return "unchanged", delta


def compare(before: Point, after: Point, skipped: tuple[str, ...] = ()) -> Change:
    name, delta = verdict(before, after)
    return Change(before.document, after.document, name, before.cue, after.cue, delta, skipped)


@dataclass(frozen=True)
class _DocumentAnalysis:
    document: Document
    primary: str  # version key scored: the complete original, else a complete translation
    commitments: tuple[Commitment, ...]  # of every complete version
    pairs: dict[str, str]  # primary provision id -> English provision id (when primary is zh)
    order: dict[str, int]  # version key -> its place in the document's versions


def _analysed_versions(document: Document) -> list[Version]:
    """The versions of a document that are analysed: the complete ones, else all."""
    complete = [v for v in document.versions if v.complete]
    return complete or list(document.versions)


def _pairing(document: Document) -> tuple[Version, Version | None]:
    """The scored (primary) version and, when the primary is Chinese and an analysed
    English version exists, that English version (its provisions are paired with the
    primary's)."""
    versions = _analysed_versions(document)
    primary = sorted(versions, key=lambda v: (v.kind != "original", v.lang != "zh", v.key))[0]
    english = document.version("en")
    keys = {v.key for v in versions}
    if primary.lang == "zh" and english is not None and english.key in keys:
        return primary, english
    return primary, None


@dataclass(frozen=True)
class _Lookup:
    """What the cache holds for one document: the commitments of its analysed versions
    (version key -> commitments), the cache key of every analysed version, and the
    provision pairing (None when not cached) with its cache key."""

    cached: dict[str, tuple[Commitment, ...]]
    keys: dict[str, str]
    pairs: dict[str, str] | None = None
    pairs_key: str | None = None


def _cached(
    document: Document, catalogue: Catalogue, lexicon: Lexicon, cache: AnalysisCache | None
) -> _Lookup:
    if cache is None:
        return _Lookup({}, {})
    found: dict[str, tuple[Commitment, ...]] = {}
    keys: dict[str, str] = {}
    for version in _analysed_versions(document):
        key = cache.commitments_key(document.id, version, catalogue, lexicon)
        keys[version.key] = key
        hit = cache.get_commitments(key)
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
# commitments, the provision pairing (None when taken from the cache or not needed), and
# version key -> (provisions, sentences) of each version it structured (the overview's
# counts, kept so that the report need not structure them again).
_Computed = tuple[
    dict[str, tuple[Commitment, ...]], dict[str, str] | None, dict[str, tuple[int, int]]
]


# One document's part of the evolution: its present points (theme id -> point, see
# _points) and the agreement cases between its original and its translation.
_Outcome = tuple[dict[str, Point], list]


def _analyse_document(
    document: Document,
    catalogue: Catalogue,
    lexicon: Lexicon,
    cached: dict[str, tuple[Commitment, ...]],
    cached_pairs: dict[str, str] | None = None,
) -> tuple[_DocumentAnalysis, list, _Computed]:
    """Analyse one document, taking the commitments of versions in ``cached`` (and the
    provision pairing ``cached_pairs``) as given; also returns what was computed here.

    A version is structured only when its commitments or the pairing must be computed."""
    versions = _analysed_versions(document)
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
    cases: list = []
    if english is not None:
        if cached_pairs is None:
            pairs = new_pairs = provision_pairs(structure(primary), structure(english))
        else:
            pairs = cached_pairs
        zh = [c for c in commitments if c.version_key == primary.key]
        en = [c for c in commitments if c.version_key == english.key]
        cases = agreement_cases(document.id, zh, en, pairs)
    order = {v.key: i for i, v in enumerate(document.versions)}
    analysis = _DocumentAnalysis(document, primary.key, commitments, pairs, order)
    counts = {key: (len(s.provisions), len(s.sentences)) for key, s in structured.items()}
    return analysis, cases, (computed, new_pairs, counts)


def _analyse_task(
    task: tuple[Document, dict[str, tuple[Commitment, ...]], dict[str, str] | None, bool],
    shared: tuple[Catalogue, Lexicon],
) -> tuple[dict[str, Point], list, _Computed]:
    """:func:`_analyse_document` of one document and its points, as a worker process runs
    it (or this one, for a document the cache answers). The points are worked out here
    too, in parallel, and the document is not sent back: the calling process has it; nor
    are the computed commitments unless ``keep`` (the task's last item) says a cache
    keeps them."""
    document, cached, cached_pairs, keep = task
    catalogue, lexicon = shared
    analysis, cases, computed = _analyse_document(
        document, catalogue, lexicon, cached, cached_pairs
    )
    if not keep:
        computed = ({}, *computed[1:])
    return _points(analysis), cases, computed


def _complete(document: Document, lookup: _Lookup) -> bool:
    """Whether the cache holds everything the document's analysis needs."""
    if any(v.key not in lookup.cached for v in _analysed_versions(document)):
        return False
    return _pairing(document)[1] is None or lookup.pairs is not None


def _analyse_all(
    documents: Sequence[Document],
    catalogue: Catalogue,
    lexicon: Lexicon,
    cache: AnalysisCache | None,
    jobs: int,
    pool: Executor | None = None,
) -> list[_Outcome]:
    """Every document's outcome, in corpus order; with ``jobs`` > 1 in that many worker
    processes (only for documents the cache does not fully answer: the others are
    assembled here, without structuring any text). The cache is read and written here,
    in the calling process, only."""
    lookups = [_cached(d, catalogue, lexicon, cache) for d in documents]
    todo = [
        i
        for i, (d, lookup) in enumerate(zip(documents, lookups, strict=True))
        if not _complete(d, lookup)
    ]
    # what nothing will keep is not sent back from the workers: without a cache that keeps
    # them, every computed commitment (more than the points) would be pickled for nothing
    keep = cache is not None and cache.keeps_commitments
    tasks = [(documents[i], lookups[i].cached, lookups[i].pairs, keep) for i in todo]
    done = map_in_processes(_analyse_task, tasks, (catalogue, lexicon), jobs, pool=pool)
    results = dict(zip(todo, done, strict=True))
    out: list[_Outcome] = []
    for i, (document, lookup) in enumerate(zip(documents, lookups, strict=True)):
        if i in results:
            points, cases, computed = results[i]
        else:
            points, cases, computed = _analyse_task(
                (document, lookup.cached, lookup.pairs, keep), (catalogue, lexicon)
            )
        _store(cache, document, lookup, computed)
        out.append((points, cases))
    return out


def _evidence(c: Commitment) -> Evidence:
    return Evidence(
        lang=c.lang,
        version=c.version_key,
        provision=c.provision_id,
        location=c.location,
        sentence=c.sentence,
        matched=c.matched,
        span=c.span,
        cue=c.score.cue,
        level=c.score.level_name,
        strength=c.score.strength,
        restriction=c.score.restriction,
        negated=c.score.negated,
        caveats=c.score.caveats,
    )


def _by_theme(analysis: _DocumentAnalysis) -> dict[str, list[Commitment]]:
    """A document's commitments grouped by theme, each group in commitment order."""
    groups: dict[str, list[Commitment]] = {}
    for c in analysis.commitments:
        groups.setdefault(c.theme_id, []).append(c)
    return groups


def _points(analysis: _DocumentAnalysis) -> dict[str, Point]:
    """The document's point on every theme it mentions (theme id -> point)."""
    return {theme_id: _point(analysis, mine) for theme_id, mine in _by_theme(analysis).items()}


def _absent(document: Document) -> Point:
    """The point of a document on a theme it does not mention."""
    return Point(
        document.id, document.date.isoformat(), False, None, None, None, None, None, 0, (), (), ()
    )


def _point(analysis: _DocumentAnalysis, mine: Sequence[Commitment]) -> Point:
    """The point of one document on a theme it mentions, from its commitments on that
    theme (``mine``, in commitment order, at least one)."""
    document = analysis.document
    scored = [c for c in mine if c.version_key == analysis.primary] or mine
    best = strongest(scored)
    assert best is not None
    cue_en = None
    caveats = list(best.score.caveats)
    if best.lang == "zh":
        english = [c for c in mine if c.lang == "en"]
        translated = counterpart(best, english, analysis.pairs)
        cue_en = translated.score.cue if translated else None
        caveats.insert(
            0, "scored on the Chinese original; the English translation is shown beside it"
        )
        if translated and translated.score.level != best.score.level:
            caveats.append(
                f"the English translation reads level {translated.score.level} "
                f"({translated.score.cue or 'no cue'}) where the original reads "
                f"{best.score.level} ({best.score.cue or 'no cue'})"
            )
    order = analysis.order
    primary_first = sorted(
        mine, key=lambda c: (c.version_key != analysis.primary, order.get(c.version_key, 99))
    )
    targets: dict[str, TargetRef] = {}
    for c in scored:
        for t in c.targets:
            targets.setdefault(t.text, TargetRef(t.text, t.value, t.unit, t.year))
    sentences = {(c.version_key, c.provision_id, c.sentence_index) for c in scored}
    return Point(
        document=document.id,
        date=document.date.isoformat(),
        present=True,
        strength=best.score.strength,
        level=best.score.level_name,
        cue=best.score.cue,
        lang=best.lang,
        cue_en=cue_en if best.lang == "zh" else best.score.cue,
        mentions=len(sentences),
        evidence=tuple(_evidence(c) for c in primary_first),
        targets=tuple(targets.values()),
        caveats=tuple(dict.fromkeys(caveats)),
    )


def verdicts_between(points: Sequence[Point]) -> tuple[tuple[Change, ...], tuple[Change, ...]]:
    """A theme's ``changes`` (each point to the next) and ``since_last`` (each present
    point to the last earlier present one, with the documents skipped in between)."""
    changes = tuple(compare(a, b) for a, b in itertools.pairwise(points))
    since_last: list[Change] = []
    last: int | None = None
    for index, point in enumerate(points):
        if not point.present:
            continue
        if last is not None:
            skipped = tuple(p.document for p in points[last + 1 : index])
            since_last.append(compare(points[last], point, skipped))
        last = index
    return changes, tuple(since_last)


def _theme_evolution(
    theme_id: str, label: str, label_zh: str, points: Sequence[Point]
) -> ThemeEvolution:
    changes, since_last = verdicts_between(points)
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
) -> Evolution:
    """The evolution of every theme over the corpus's documents, in timeline order.

    Themes never mentioned anywhere are left out unless ``include_absent``. With a
    ``cache`` (:mod:`policydiff.cache`), each version's commitments are looked up by
    text, catalogue and lexicon before being scored; the result is the same either way.
    With ``jobs`` > 1 (0: one per CPU) the documents are analysed in that many worker
    processes (those of ``pool`` when given, see :func:`policydiff.jobs.start_pool`); the
    result is identical to a single process.
    """
    catalogue = catalogue or load_catalogue()
    lexicon = lexicon or load_lexicon()
    present: list[dict[str, Point]] = []
    cases = []
    for points_of_document, document_cases in _analyse_all(
        corpus.documents, catalogue, lexicon, cache, jobs, pool
    ):
        present.append(points_of_document)
        cases.extend(document_cases)
    absent = [_absent(d) for d in corpus.documents]
    themes = []
    for theme in catalogue.themes:
        points = [
            held.get(theme.id) or missing for held, missing in zip(present, absent, strict=True)
        ]
        if include_absent or any(p.present for p in points):
            themes.append(_theme_evolution(theme.id, theme.label, theme.label_zh, points))
    return Evolution(
        document_refs(corpus.documents),
        tuple(themes),
        Agreement(tuple(cases)),
        analysis_inputs(catalogue, lexicon),
    )
