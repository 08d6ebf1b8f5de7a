"""The evolution of a corpus too large to hold in memory, written as it is computed.

:func:`policydiff.analysis.build.build_evolution` holds every document, and every
point with its evidence, until the renderers are done. Here the documents are read a
batch at a time (:data:`BATCH`), each batch is analysed as ``build_evolution`` analyses
a corpus (the same cache, the same engine), and each point is spilled to a file of its
theme as soon as its document is done; only what the verdicts need stays in memory.
:func:`write_evolution_json` then writes ``evolution.json`` theme by theme from the
spill: the bytes of :func:`~policydiff.analysis.evolution_json.evolution_json_bytes`,
with memory that does not grow with the texts or the evidence; ``policydiff report``
writes its index from :meth:`Spill.evolution` (the points without their evidence) and
each theme's pages from :meth:`Spill.whole_points`, a page's worth at a time.
"""

from __future__ import annotations

import contextlib
import pickle
import shutil
import tempfile
from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import IO, Any

from policydiff.analysis.agreement import Agreement, AgreementCase
from policydiff.analysis.build import start_analysis_as
from policydiff.analysis.cache import AnalysisCache
from policydiff.analysis.digests import analysis_inputs, document_refs
from policydiff.analysis.evolution_json import (
    EvolutionJsonWriter,
    agreement_dict,
    point_dict,
    targets_list,
)
from policydiff.analysis.model import (
    Change,
    DocumentRef,
    Evolution,
    Inputs,
    Point,
    ThemeEvolution,
)
from policydiff.analysis.points import absent_point, representative, verdicts_in_series
from policydiff.cache import CACHE_DIR
from policydiff.corpus.store import load_document, timeline_folders
from policydiff.models import Document
from policydiff.runtime.engine import Engine
from policydiff.runtime.files import owned_folder
from policydiff.strength import Lexicon
from policydiff.themes import Catalogue, Theme

# Documents read, analysed and spilled together: enough to keep every worker busy between
# two batches, few enough that a batch's texts and evidence are a small part of memory.
BATCH = 256

# One point as the spill holds it and the Parquet tables read it: its evolution.json dict
# (evidence included), the targets of each evidence commitment, and the index of the
# strongest one (-1: none).
PointRecord = tuple[dict[str, Any], list[list[dict[str, Any]]], int]


def point_record(p: Point) -> PointRecord:
    strongest = representative(p)
    index = next((i for i, c in enumerate(p.evidence) if c is strongest), -1)
    return point_dict(p), [targets_list(c.targets) for c in p.evidence], index


@dataclass(frozen=True)
class SpilledPoint:
    """A present point as the worker that works it out sends it to a spill: what the
    verdicts read of it, and the point pickled without its evidence and whole (the
    pickling, most of a spill's work, done in parallel)."""

    strength: float
    cue: str | None
    light: bytes
    whole: bytes


def spilled_point(point: Point, *, light: bool = True) -> SpilledPoint:
    """The point as a spill keeps it (``light``: its light form too, else empty bytes)."""
    assert point.strength is not None  # a present point has a strength
    return SpilledPoint(
        point.strength,
        point.cue,
        pickle.dumps(replace(point, evidence=()), pickle.HIGHEST_PROTOCOL) if light else b"",
        pickle.dumps(point, pickle.HIGHEST_PROTOCOL),
    )


# The name of the spills' folder in the corpus's cache folder.
SPILL = "spill"


@dataclass
class _Present:
    """The points of one theme that are present, as the verdicts read them: in flat
    arrays, not an object per point, so that a large corpus leaves no trail of small
    objects across the memory its batches come and go through."""

    documents: array[int] = field(default_factory=lambda: array("q"))
    strengths: array[float] = field(default_factory=lambda: array("d"))
    cue_ids: array[int] = field(default_factory=lambda: array("q"))
    cues: list[str | None] = field(default_factory=list)
    cue_index: dict[str | None, int] = field(default_factory=dict)

    def add(self, document: int, point: SpilledPoint) -> None:
        cue = self.cue_index.setdefault(point.cue, len(self.cues))
        if cue == len(self.cues):
            self.cues.append(point.cue)
        self.documents.append(document)
        self.strengths.append(point.strength)
        self.cue_ids.append(cue)

    def __bool__(self) -> bool:
        return bool(self.documents)


@dataclass
class Spill:
    """An evolution spilled to ``folder``: one file of points per theme, pickled one after
    the other in timeline order (files this process wrote and alone reads), and, in
    memory, the documents, what the verdicts read of each present point
    (:class:`_Present`) and the English/Chinese agreement counts."""

    folder: Path
    catalogue: Catalogue
    inputs: Inputs
    documents: list[DocumentRef] = field(default_factory=list)
    # theme id -> the documents that mention it, with what the verdicts read of each point
    present: dict[str, _Present] = field(default_factory=dict)
    compared: int = 0
    same_level: int = 0
    disagreements: list[AgreementCase] = field(default_factory=list)
    include_absent: bool = False
    # with ``light``, each theme's present points without their evidence are spilled too
    # (and read back, after the analysis, by :meth:`evolution`)
    keeps_light: bool = False
    corpus_path: Path = field(default_factory=Path)

    def themes(
        self, only: str | None = None
    ) -> Iterator[
        tuple[Theme, Iterator[PointRecord], tuple[tuple[Change, ...], tuple[Change, ...]]]
    ]:
        """The themes the evolution holds (those some document mentions, unless
        ``include_absent``; with ``only``, that theme alone, mentioned or not), each with
        its point records, read from the spill as they are consumed, and its changes."""
        series = [d.series for d in self.documents]
        for index, theme in enumerate(self.catalogue.themes):
            if only is not None and theme.id != only:
                continue
            if only is None and not self.include_absent and not self.present[theme.id]:
                continue
            changes = verdicts_in_series(self._verdict_points(theme.id), series)
            yield theme, self._records(index), changes

    def _verdict_points(self, theme_id: str) -> list[Point]:
        """The theme's points as the verdicts read them: document, presence, strength, cue."""
        held = self.present[theme_id]
        at = {index: k for k, index in enumerate(held.documents)}
        points = []
        for i, d in enumerate(self.documents):
            k = at.get(i)
            strength = None if k is None else held.strengths[k]
            cue = None if k is None else held.cues[held.cue_ids[k]]
            points.append(
                Point(d.id, d.date, k is not None, strength, None, cue, None, None, 0, (), (), ())
            )
        return points

    def _records(self, index: int) -> Iterator[PointRecord]:
        return map(point_record, self._points(index))

    def _points(self, index: int) -> Iterator[Point]:
        return _unpickled(self.folder / f"{index}.points")

    def evolution(self) -> Evolution:
        """The evolution with every point but without its evidence (kept with ``light``):
        what a report's index, charts and verdicts read; :meth:`whole_points` gives a
        theme's points whole."""
        if not self.keeps_light:  # every point would read as absent
            raise ValueError("the evolution of a spill made without light=True")
        absent = [
            Point(d.id, d.date, False, None, None, None, None, None, 0, (), (), ())
            for d in self.documents
        ]
        themes = []
        index = {theme.id: i for i, theme in enumerate(self.catalogue.themes)}
        same: dict[Any, Any] = {}  # one object for equal values across points
        for theme, _records, (changes, since_last) in self.themes():
            # the light points are read only now, after the analysis: made during it, these
            # long-lived objects would be strewn among the batches' short-lived ones, and
            # keep the memory those came and went through
            # the file holds each point's place on the timeline, then the point
            light = _unpickled(self.folder / f"{index[theme.id]}.light")
            held = {
                i: self._shared(self.documents[i], point, same)
                for i, point in zip(light, light, strict=True)
            }
            points = tuple(held.get(i, missing) for i, missing in enumerate(absent))
            # a change since the last mention that is the change from the document before
            # (no gap between them) is one object for both
            consecutive = {change: change for change in changes}
            since_last = tuple(consecutive.get(change, change) for change in since_last)
            themes.append(
                ThemeEvolution(theme.id, theme.label, theme.label_zh, points, changes, since_last)
            )
        agreement = Agreement(tuple(self.disagreements), (self.compared, self.same_level))
        return Evolution(tuple(self.documents), tuple(themes), agreement, self.inputs)

    @staticmethod
    def _shared(document: DocumentRef, point: Point, same: dict[Any, Any]) -> Point:
        """``point`` with its document's id and date, and its other values, one object
        each for all points: an unpickled point has strings of its own, most of the
        memory a light point takes."""

        def one(value: Any) -> Any:
            return same.setdefault(value, value)

        assert point.document == document.id
        return Point(
            document.id,
            document.date,
            point.present,
            point.strength,
            one(point.level),
            one(point.cue),
            one(point.lang),
            one(point.cue_en),
            point.mentions,
            (),
            one(point.targets),
            one(point.caveats),
        )

    def whole_points(self, theme: ThemeEvolution) -> Iterator[Point]:
        """The points of ``theme`` (of :meth:`evolution`) whole, read one by one from the
        spill, in timeline order."""
        index = next(i for i, t in enumerate(self.catalogue.themes) if t.id == theme.id)
        return self._points(index)


@contextlib.contextmanager
def spilled_evolution(
    corpus_path: Path,
    catalogue: Catalogue,
    lexicon: Lexicon,
    *,
    cache: AnalysisCache | None,
    engine: Engine,
    batch: int = BATCH,
    include_absent: bool = False,
    light: bool = False,
    each_batch: Callable[[Sequence[Path], Sequence[Document]], None] | None = None,
) -> Iterator[Spill]:
    """The corpus's evolution spilled to a temporary folder, removed on exit (themes no
    document mentions are kept only with ``include_absent``). With ``light``, the points
    are spilled without their evidence too, and the disagreements keep their sentences,
    for :meth:`Spill.evolution`. ``each_batch`` is given every batch of documents, whole,
    with their folders, once it is analysed (while ``cache`` is open)."""
    folders = timeline_folders(corpus_path)  # every document validated before any work
    with spill_folder(corpus_path) as folder:
        spill = Spill(folder, catalogue, analysis_inputs(catalogue, lexicon))
        spill.include_absent = include_absent
        spill.present = {theme.id: _Present() for theme in catalogue.themes}
        spill.keeps_light = light
        spill.corpus_path = Path(corpus_path)
        _spill_all(spill, folders, batch, lexicon, cache, engine, each_batch)
        yield spill


def _unpickled(path: Path) -> Iterator[Any]:
    """Every object pickled one after the other into ``path`` (none if there is none)."""
    if not path.exists():
        return
    with path.open("rb") as held:
        while True:
            try:
                yield pickle.load(held)
            except EOFError:
                return


def _spill_all(
    spill: Spill,
    folders: Sequence[Path],
    batch: int,
    lexicon: Lexicon,
    cache: AnalysisCache | None,
    engine: Engine,
    each_batch: Callable[[Sequence[Path], Sequence[Document]], None] | None,
) -> None:
    """Every batch analysed and spilled. Each is sent to the engine before the one before
    it is collected and spilled, so that this process reads, receives and spills while
    the workers analyse. (A function of its own: the last batches' texts and evidence go
    when it returns.)"""
    running: _Batch | None = None
    for start in range(0, len(folders), batch):
        begun = _begin_batch(spill, folders[start : start + batch], start, lexicon, cache, engine)
        if running is not None:
            _spill_batch(spill, running, each_batch)
        running = begun
    if running is not None:
        _spill_batch(spill, running, each_batch)


@dataclass
class _Batch:
    """A batch of documents sent to the engine: its folders, where it starts on the
    timeline, its documents, and the function that waits for its outcomes."""

    run: Sequence[Path]
    start: int
    documents: list[Document]
    outcomes: Callable[[], list[tuple[dict[str, SpilledPoint], list[AgreementCase]]]]


def _begin_batch(
    spill: Spill,
    run: Sequence[Path],
    start: int,
    lexicon: Lexicon,
    cache: AnalysisCache | None,
    engine: Engine,
) -> _Batch:
    documents = [load_document(f) for f in run]
    finish = partial(spilled_point, light=spill.keeps_light)
    begun = start_analysis_as(
        finish, documents, spill.catalogue, lexicon, cache, engine, spill.corpus_path
    )
    return _Batch(run, start, documents, begun)


def _spill_batch(
    spill: Spill,
    batch: _Batch,
    each_batch: Callable[[Sequence[Path], Sequence[Document]], None] | None,
) -> None:
    """Wait for a batch's outcomes and spill its points."""
    run, start, documents = batch.run, batch.start, batch.documents
    outcomes = batch.outcomes()
    spill.documents.extend(document_refs(documents))
    # a batch's points are held by theme and appended at its end: no file stays
    # open across batches, however many themes a catalogue has
    records: list[list[bytes]] = [[] for _ in spill.catalogue.themes]
    light: list[list[bytes]] = [[] for _ in spill.catalogue.themes]
    for offset, (document, (present, cases)) in enumerate(zip(documents, outcomes, strict=True)):
        absent = pickle.dumps(absent_point(document), pickle.HIGHEST_PROTOCOL)
        place = pickle.dumps(start + offset, pickle.HIGHEST_PROTOCOL)
        for index, theme in enumerate(spill.catalogue.themes):
            point = present.get(theme.id)
            if point is None:
                records[index].append(absent)
                continue
            records[index].append(point.whole)
            spill.present[theme.id].add(start + offset, point)
            if spill.keeps_light:
                light[index] += (place, point.light)
        spill.compared += len(cases)
        spill.same_level += sum(c.agrees for c in cases)
        # evolution.json names a disagreement's provisions, not its sentences
        spill.disagreements.extend(
            c if spill.keeps_light else replace(c, sentence_zh="", sentence_en="")
            for c in cases
            if not c.agrees
        )
    for index, points in enumerate(records):
        with (spill.folder / f"{index}.points").open("ab") as handle:
            handle.writelines(points)
        if light[index]:
            with (spill.folder / f"{index}.light").open("ab") as handle:
                handle.writelines(light[index])
    if each_batch is not None:
        each_batch(run, documents)


@contextlib.contextmanager
def spill_folder(corpus_path: Path) -> Iterator[Path]:
    """A folder for a spill, removed after: in the corpus's cache folder (beside the
    corpus, on its disk rather than in a temporary file system that may live in memory),
    else in the system's temporary folder. A spill left by a killed run is removed by
    the next one."""
    beside = Path(corpus_path).resolve().parent / CACHE_DIR / SPILL
    try:
        folder = owned_folder(beside)
    except OSError:
        folder = Path(tempfile.mkdtemp(prefix="policydiff-spill-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def json_agreement(spill: Spill) -> dict[str, Any]:
    return agreement_dict(spill.compared, spill.same_level, spill.disagreements)


def write_evolution_json(spill: Spill, out: IO[bytes], *, only: str | None = None) -> None:
    """Write the spilled evolution as ``evolution.json`` (with ``only``, that theme
    alone): see :class:`EvolutionJsonWriter`."""
    writer = EvolutionJsonWriter(out, spill.inputs, tuple(spill.documents), json_agreement(spill))
    for theme, records, (changes, since_last) in spill.themes(only):
        points = (point for point, _targets, _strongest in records)
        writer.theme((theme.id, theme.label, theme.label_zh), points, changes, since_last)
    writer.close()
