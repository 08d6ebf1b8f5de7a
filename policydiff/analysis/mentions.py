"""Themes across the timeline: the computed records behind ``policydiff themes``.

Everything here computes and returns records; renderers
(:mod:`policydiff.render.themes_json`, :mod:`policydiff.render.terminal.themes`) show
them.  The versions read for a document are its primary English version and its
primary Chinese version (the original when held), in that order, then any other version
the evolution analyses; a document's mentions are counted in one version, never added up
over its translations (:func:`counted_versions`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from policydiff.corpus.store import Corpus
from policydiff.models import Document, StructuredVersion, Version
from policydiff.runtime.engine import Engine, LocalEngine
from policydiff.structure import structure_version
from policydiff.themes.catalogue import Catalogue, Theme

if TYPE_CHECKING:
    from policydiff.themes.discover import Candidate
from policydiff.themes.match import (
    Mention,
    ThemeMatrix,
    counted_mentions,
    find_mentions,
    theme_matrix,
)

# --------------------------------------------------------------------------- mentions


@dataclass(frozen=True)
class TimelineDocument:
    """One document of the timeline with the versions read for themes, structured."""

    document: Document
    versions: tuple[StructuredVersion, ...]


@dataclass(frozen=True)
class CorpusMentions:
    """Every theme mention of the timeline's versions, in date, version and text order."""

    timeline: tuple[TimelineDocument, ...]
    mentions: tuple[Mention, ...]

    @property
    def document_ids(self) -> tuple[str, ...]:
        return tuple(t.document.id for t in self.timeline)


def timeline_versions(document: Document) -> tuple[Version, ...]:
    """The primary English version, then the primary Chinese one, when held, then the
    other versions the evolution analyses (a second complete translation), so that a
    document's mentions are counted in the versions the evolution counts them in."""
    out: list[Version] = []
    for version in (document.version("en"), document.version("zh")):
        if version is not None and version not in out:
            out.append(version)
    out += [v for v in document.analysed_versions() if v not in out]
    return tuple(out)


def structure_timeline(
    corpus: Corpus, *, jobs: int = 1, engine: Engine | None = None
) -> tuple[TimelineDocument, ...]:
    """Every document with its timeline versions structured (see :func:`corpus_mentions`
    for ``jobs`` and ``engine``)."""
    return _read_timeline(corpus, None, engine or LocalEngine(jobs)).timeline


def corpus_mentions(
    corpus: Corpus, catalogue: Catalogue, *, jobs: int = 1, engine: Engine | None = None
) -> CorpusMentions:
    """Every document structured and its mentions found; with ``jobs`` > 1 (0: one per
    CPU) in that many processes, each taking whole documents, or by ``engine`` when given
    (a Dask cluster, see :mod:`policydiff.runtime.engine`). Same result either way."""
    return _read_timeline(corpus, catalogue, engine or LocalEngine(jobs))


_Found = tuple[TimelineDocument, tuple[Mention, ...]]


def _read_document(document: Document, catalogue: Catalogue | None) -> _Found:
    entry = TimelineDocument(
        document, tuple(structure_version(document.id, v) for v in timeline_versions(document))
    )
    if catalogue is None:
        return entry, ()
    return entry, tuple(m for sv in entry.versions for m in find_mentions(sv, catalogue))


def _read_timeline(corpus: Corpus, catalogue: Catalogue | None, engine: Engine) -> CorpusMentions:
    found = engine.map(_read_document, corpus.documents, catalogue)
    return CorpusMentions(
        tuple(entry for entry, _ in found), tuple(m for _, mentions in found for m in mentions)
    )


# --------------------------------------------------------------------------- matrix


@dataclass(frozen=True)
class MatrixReport:
    """The theme x document matrix with the documents and themes it is about."""

    documents: tuple[Document, ...]
    themes: tuple[Theme, ...]  # rows, catalogue order (then ids unknown to the catalogue)
    matrix: ThemeMatrix
    not_found: tuple[str, ...]  # catalogue ids mentioned in no document


def matrix_report(
    found: CorpusMentions, catalogue: Catalogue, *, include_absent: bool = False
) -> MatrixReport:
    matrix = theme_matrix(
        found.mentions,
        found.document_ids,
        catalogue,
        include_absent=include_absent,
        counted_in={t.document.id: counted_versions(t.document) for t in found.timeline},
    )
    mentioned = {m.theme_id for m in found.mentions}
    themes = tuple(t for t in (catalogue.get(i) for i in matrix.themes) if t is not None)
    return MatrixReport(
        documents=tuple(t.document for t in found.timeline),
        themes=themes,
        matrix=matrix,
        not_found=tuple(i for i in catalogue.ids if i not in mentioned),
    )


# --------------------------------------------------------------------------- one theme


@dataclass(frozen=True)
class VersionMentions:
    version: Version
    mentions: tuple[Mention, ...]


@dataclass(frozen=True)
class DocumentMentions:
    document: Document
    versions: tuple[VersionMentions, ...]

    @property
    def total(self) -> int:
        """Mentions in all versions read."""
        return sum(len(v.mentions) for v in self.versions)

    @property
    def counted(self) -> int:
        """Sentences mentioning the theme, as the matrix and the evolution count them: in
        the version the document is scored on where it has any, else in the analysed
        version that has most (:func:`counted_versions`)."""
        sentences = {
            v.version.key: len({(m.provision_id, m.sentence_index) for m in v.mentions})
            for v in self.versions
        }
        return counted_mentions(sentences, counted_versions(self.document))


def counted_versions(document: Document) -> tuple[str, ...]:
    """The versions a document's mentions are counted in: its analysed versions, the one
    its strength is scored on first."""
    scored = document.scored_version().key
    return (scored, *(v.key for v in document.analysed_versions() if v.key != scored))


def theme_timeline(found: CorpusMentions, theme_id: str) -> tuple[DocumentMentions, ...]:
    """Mentions of one theme grouped by document (date order), then version (en, zh)."""
    out: list[DocumentMentions] = []
    for t in found.timeline:
        per_version = tuple(
            VersionMentions(
                sv.version,
                tuple(
                    m
                    for m in found.mentions
                    if m.theme_id == theme_id
                    and m.document_id == t.document.id
                    and m.version_key == sv.version.key
                ),
            )
            for sv in t.versions
        )
        out.append(DocumentMentions(t.document, per_version))
    return tuple(out)


# --------------------------------------------------------------------------- discovery


def discover_timeline(
    timeline: Sequence[TimelineDocument], catalogue: Catalogue, *, min_documents: int = 2
) -> tuple[Candidate, ...]:
    """Candidate themes of every language, an English and a Chinese cluster of one
    glossary concept made one candidate (see :mod:`policydiff.themes.discover`)."""
    from policydiff.themes.discover import discover_across_languages

    versions = [sv for t in timeline for sv in t.versions]
    return discover_across_languages(versions, catalogue, min_documents=min_documents)
