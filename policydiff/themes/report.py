"""Themes across the timeline: the computed records behind ``policydiff themes`` and ``align``.

Everything here computes and returns records (dataclasses, JSON-ready dicts); nothing
prints.  The versions read for a document are its primary English version and its
primary Chinese version (the original when held), in that order: a partial second
translation is left out so that it cannot double a count.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz, process

from policydiff.corpus import Corpus
from policydiff.errors import UsageError
from policydiff.jobs import map_in_processes
from policydiff.models import Document, StructuredVersion, Version
from policydiff.structure import structure_version
from policydiff.themes.catalogue import Catalogue, Theme

if TYPE_CHECKING:
    from policydiff.themes.discover import Candidate
from policydiff.themes.match import Mention, ThemeMatrix, find_mentions, theme_matrix

# --------------------------------------------------------------------------- catalogue


def closest_ids(query: str, ids: Sequence[str], limit: int = 3) -> tuple[str, ...]:
    """The ``limit`` ids nearest to ``query`` (rapidfuzz WRatio), best first."""
    found = process.extract(query, list(ids), scorer=fuzz.WRatio, limit=limit)
    return tuple(str(choice) for choice, _score, _index in found)


def resolve_theme(catalogue: Catalogue, theme_id: str) -> Theme:
    """The theme with id ``theme_id``, or a :class:`UsageError` naming the closest ids."""
    theme = catalogue.get(theme_id)
    if theme is not None:
        return theme
    near = closest_ids(theme_id, catalogue.ids)
    hint = f"; did you mean {', '.join(near)}?" if near else ""
    raise UsageError(f"unknown theme {theme_id!r}{hint}")


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
    """The primary English version, then the primary Chinese one, when held."""
    out: list[Version] = []
    for lang in ("en", "zh"):
        version = document.version(lang)
        if version is not None and version not in out:
            out.append(version)
    return tuple(out)


def structure_timeline(corpus: Corpus, *, jobs: int = 1) -> tuple[TimelineDocument, ...]:
    """Every document with its timeline versions structured (see :func:`corpus_mentions`
    for ``jobs``)."""
    return _read_timeline(corpus, None, jobs).timeline


def corpus_mentions(corpus: Corpus, catalogue: Catalogue, *, jobs: int = 1) -> CorpusMentions:
    """Every document structured and its mentions found; with ``jobs`` > 1 (0: one per
    CPU) in that many processes, each taking whole documents. Same result either way."""
    return _read_timeline(corpus, catalogue, jobs)


_Found = tuple[TimelineDocument, tuple[Mention, ...]]


def _read_document(document: Document, catalogue: Catalogue | None) -> _Found:
    entry = TimelineDocument(
        document, tuple(structure_version(document.id, v) for v in timeline_versions(document))
    )
    if catalogue is None:
        return entry, ()
    return entry, tuple(m for sv in entry.versions for m in find_mentions(sv, catalogue))


def _read_timeline(corpus: Corpus, catalogue: Catalogue | None, jobs: int) -> CorpusMentions:
    found = map_in_processes(_read_document, corpus.documents, catalogue, jobs)
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
        found.mentions, found.document_ids, catalogue, include_absent=include_absent
    )
    mentioned = {m.theme_id for m in found.mentions}
    themes = tuple(t for t in (catalogue.get(i) for i in matrix.themes) if t is not None)
    return MatrixReport(
        documents=tuple(t.document for t in found.timeline),
        themes=themes,
        matrix=matrix,
        not_found=tuple(i for i in catalogue.ids if i not in mentioned),
    )


def matrix_json(report: MatrixReport) -> dict[str, Any]:
    m = report.matrix
    return {
        "documents": [
            {"id": d.id, "date": d.date.isoformat(), "title": d.title} for d in report.documents
        ],
        "themes": [
            {
                "id": t.id,
                "label": t.label,
                "label_zh": t.label_zh,
                "counts": dict(zip(m.documents, m.counts[i], strict=True)),
                "provisions": dict(zip(m.documents, m.provisions[i], strict=True)),
            }
            for i, t in enumerate(report.themes)
        ],
    }


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
        return sum(len(v.mentions) for v in self.versions)


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


def mention_json(m: Mention, document: Document, version: Version) -> dict[str, Any]:
    return {
        "theme": m.theme_id,
        "document": m.document_id,
        "date": document.date.isoformat(),
        "version": m.version_key,
        "lang": m.lang,
        "kind": version.kind,
        "provision": m.provision_id,
        "location": m.location,
        "sentence_index": m.sentence_index,
        "sentence": m.sentence,
        "start": m.start,
        "end": m.end,
        "matched": m.matched,
        "score": m.score,
    }


def timeline_json(groups: Sequence[DocumentMentions]) -> list[dict[str, Any]]:
    return [
        mention_json(m, g.document, v.version)
        for g in groups
        for v in g.versions
        for m in v.mentions
    ]


# --------------------------------------------------------------------------- discovery


def discover_timeline(
    timeline: Sequence[TimelineDocument], catalogue: Catalogue, *, min_documents: int = 2
) -> tuple[Candidate, ...]:
    """Candidate themes per language (English, then Chinese when two documents hold it)."""
    from policydiff.themes.discover import discover_candidates

    versions = [sv for t in timeline for sv in t.versions]
    out: list[Candidate] = []
    for lang in ("en", "zh"):
        docs = {sv.document_id for sv in versions if sv.version.lang == lang}
        if len(docs) >= min_documents:
            out.extend(
                discover_candidates(versions, catalogue, lang=lang, min_documents=min_documents)
            )
    return tuple(out)


def candidates_json(candidates: Sequence[Candidate]) -> list[dict[str, Any]]:
    return [
        {
            "id": c.id,
            "lang": c.lang,
            "terms": list(c.terms),
            "documents": list(c.documents),
            "cohesion": c.cohesion,
            "members": [
                {
                    "document": m.document_id,
                    "version": m.version_key,
                    "provision": m.provision_id,
                    "location": m.location,
                    "sentence_index": m.sentence_index,
                    "text": m.text,
                }
                for m in c.members
            ],
        }
        for c in candidates
    ]


def to_json(data: Any) -> str:
    """Deterministic JSON text: sorted keys, UTF-8 kept, indent 2."""
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)
