"""What the corpus holds, counted: the data behind ``list`` and the corpus overview."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from policydiff.corpus.store import Corpus
from policydiff.models import Document, Version
from policydiff.structure import structure_version


@dataclass(frozen=True)
class VersionSummary:
    key: str
    lang: str
    kind: str
    complete: bool
    source: str
    note: str
    characters: int
    provisions: int
    sentences: int


@dataclass(frozen=True)
class DocumentSummary:
    id: str
    date: str
    title: str
    title_zh: str
    issuers: tuple[str, ...]
    source: str
    versions: tuple[VersionSummary, ...]
    doc_number: str = ""
    level: str = ""
    jurisdiction: str = ""

    @property
    def primary(self) -> VersionSummary:
        """The complete version with most provisions stands for the document in tables."""
        return max(self.versions, key=lambda v: (v.complete, v.kind == "original", v.provisions))


class CountStore(Protocol):
    """Where counts computed before are kept (the analysis cache is one)."""

    def counts_key(self, version: Version) -> str: ...
    def get_counts(self, key: str) -> tuple[int, int] | None: ...
    def put_counts(self, key: str, counts: tuple[int, int]) -> None: ...


def count_version(document_id: str, version: Version) -> tuple[int, int]:
    """(provisions, sentences) of a version, as the structure stage finds them."""
    structured = structure_version(document_id, version)
    return len(structured.provisions), len(structured.sentences)


def _counts(document_id: str, version: Version, store: CountStore | None) -> tuple[int, int]:
    if store is None:
        return count_version(document_id, version)
    key = store.counts_key(version)
    counts = store.get_counts(key)
    if counts is None:
        counts = count_version(document_id, version)
        store.put_counts(key, counts)
    return counts


def summarise_document(document: Document, store: CountStore | None = None) -> DocumentSummary:
    """``store``, when given, answers counts computed before and keeps new ones:
    structuring every version again is most of the cost of a warm ``report``."""
    versions = []
    for v in document.versions:
        provisions, sentences = _counts(document.id, v, store)
        versions.append(
            VersionSummary(
                key=v.key,
                lang=v.lang,
                kind=v.kind,
                complete=v.complete,
                source=v.source,
                note=v.note,
                characters=len(v.text),
                provisions=provisions,
                sentences=sentences,
            )
        )
    return DocumentSummary(
        id=document.id,
        date=document.date_text,
        title=document.title,
        title_zh=document.title_zh,
        issuers=document.issuers,
        source=document.source,
        versions=tuple(versions),
        doc_number=document.doc_number,
        level=document.level,
        jurisdiction=document.jurisdiction,
    )


def summarise(corpus: Corpus, store: CountStore | None = None) -> tuple[DocumentSummary, ...]:
    return tuple(summarise_document(d, store) for d in corpus.documents)


def summary_json(
    summaries: tuple[DocumentSummary, ...],
    lineage: dict[str, tuple[str, tuple[str, ...]]] | None = None,
) -> list[dict[str, Any]]:
    """The summaries as JSON records; ``lineage`` (id -> (series, parent ids)) adds each
    document's ``series`` and ``parents``."""
    lineage = lineage or {}
    return [
        {
            "id": s.id,
            "date": s.date,
            "title": s.title,
            "title_zh": s.title_zh,
            "issuers": list(s.issuers),
            "doc_number": s.doc_number,
            "level": s.level,
            "jurisdiction": s.jurisdiction,
            "series": lineage.get(s.id, ("", ()))[0],
            "parents": list(lineage.get(s.id, ("", ()))[1]),
            "source": s.source,
            "versions": [
                {
                    "key": v.key,
                    "lang": v.lang,
                    "kind": v.kind,
                    "complete": v.complete,
                    "source": v.source,
                    "characters": v.characters,
                    "provisions": v.provisions,
                    "sentences": v.sentences,
                }
                for v in s.versions
            ],
        }
        for s in summaries
    ]
